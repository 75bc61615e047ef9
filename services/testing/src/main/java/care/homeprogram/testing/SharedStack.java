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
 * its own, once, and stops it when the JVM ends. "Once" holds across Quarkus's test class loaders too: each
 * restart of the application under test loads this class again, so the stack this JVM started is found through a
 * system property (one per JVM), not through a static field alone.
 */
public final class SharedStack {
    /** The coordinates file of the stack this JVM started, for the class loaders that come after. */
    private static final String STARTED_IN_THIS_JVM = "homeprogram.test.stack-file";
    private static StackCoordinates coordinates;

    private SharedStack() {
    }

    public static synchronized StackCoordinates coordinates() {
        if (coordinates == null) {
            String file = System.getenv(StackCoordinates.FILE_VARIABLE);
            String started = System.getProperty(STARTED_IN_THIS_JVM);
            if (file != null && Files.exists(Path.of(file))) {
                coordinates = StackCoordinates.read(Path.of(file));
            } else if (started != null && Files.exists(Path.of(started))) {
                coordinates = StackCoordinates.read(Path.of(started));
            } else {
                Progress.say("no shared stack (" + StackCoordinates.FILE_VARIABLE + "): starting one for this JVM");
                Path folder = Path.of("target", "stack-" + ProcessHandle.current().pid()).toAbsolutePath();
                Stack stack = Stack.start(StackPorts.free(), folder);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-test-stack"));
                coordinates = stack.coordinates();
                Path written = folder.resolve("stack.properties");
                coordinates.write(written);
                System.setProperty(STARTED_IN_THIS_JVM, written.toString());
            }
        }
        return coordinates;
    }
}
