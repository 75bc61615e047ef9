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
    private static String run;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            run = UUID.randomUUID().toString().substring(0, 8);
            platform = Platform.start(SharedStack.coordinates(), Platform.freePorts(), databasePrefix(),
                    topicPrefix(), true, Path.of("target", "platform-" + run).toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-journey-platform"));
        }
        return platform;
    }

    /** Prefix of the platform's topics: journeys that publish events as another service would use it. */
    static synchronized String topicPrefix() {
        return "journey-" + run + "-";
    }

    /** Prefix of each service's database name on the stack's PostgreSQL, e.g. {@code <prefix>notifications}. */
    static synchronized String databasePrefix() {
        return "journey_" + run + "_";
    }
}
