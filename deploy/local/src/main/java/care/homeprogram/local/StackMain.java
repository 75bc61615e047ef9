package care.homeprogram.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts one stack on free ports for a whole test run, writes its coordinates to the file given as the first
 * argument, and runs until it is terminated.
 */
public final class StackMain {
    private StackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StackMain <coordinates-file>");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Files.deleteIfExists(file);
        Path workDirectory = file.getParent().resolve("stack-" + ProcessHandle.current().pid());
        Stack stack = Stack.start(StackPorts.free(), workDirectory);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "stop-stack"));
        stack.coordinates().write(file);
        Progress.say("stack coordinates written to " + file);
        stopped.await();
    }
}
