package care.homeprogram.journey;

import care.homeprogram.local.Platform;
import care.homeprogram.testing.SharedStack;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The whole platform for the journeys of one test JVM: the packaged services on the shared stack, with databases
 * and topics of their own, started once and stopped when the JVM ends.
 */
final class RunningPlatform {
    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            platform = Platform.start(SharedStack.coordinates(), Platform.freePorts(), "journey_" + run + "_",
                    "journey-" + run + "-", true, Path.of("target", "platform-" + run).toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-journey-platform"));
        }
        return platform;
    }
}
