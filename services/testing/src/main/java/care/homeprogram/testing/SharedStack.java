package care.homeprogram.testing;

import care.homeprogram.local.Progress;
import care.homeprogram.local.Stack;
import care.homeprogram.local.StackCoordinates;
import care.homeprogram.local.StackPorts;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stack every test of a run shares. {@code ./homeprogram test} starts one for the whole run and names its
 * coordinates file in HOMEPROGRAM_STACK_FILE; a test JVM started some other way (one module from an IDE) starts
 * its own, once, and stops it when the JVM ends.
 */
public final class SharedStack {
    private static StackCoordinates coordinates;

    private SharedStack() {
    }

    public static synchronized StackCoordinates coordinates() {
        if (coordinates == null) {
            String file = System.getenv(StackCoordinates.FILE_VARIABLE);
            if (file != null && Files.exists(Path.of(file))) {
                coordinates = StackCoordinates.read(Path.of(file));
            } else {
                Progress.say("no shared stack (" + StackCoordinates.FILE_VARIABLE + "): starting one for this JVM");
                Stack stack = Stack.start(StackPorts.free(),
                        Path.of("target", "stack-" + ProcessHandle.current().pid()).toAbsolutePath());
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-test-stack"));
                coordinates = stack.coordinates();
            }
        }
        return coordinates;
    }
}
