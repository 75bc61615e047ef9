package care.homeprogram.journey;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.SharedStack;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

/**
 * The whole platform for the journeys of one test JVM: the packaged services on the shared stack, with databases
 * and topics of their own, started once and stopped when the JVM ends.
 */
final class RunningPlatform {
    private static Platform platform;
    private static String run;
    private static OtlpReceiver spans;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            run = UUID.randomUUID().toString().substring(0, 8);
            // Every service exports its spans to a receiver of this JVM for the whole run (TraceJourneyTest reads
            // them); batches leave every 200 ms so a journey need not wait, and exporting never holds up a request.
            spans = OtlpReceiver.start();
            // The chaos journeys log a thousand sessions from one patient within a minute: they prove that none is
            // lost, not the per-caller limit (RateLimitTest does), so only that limit is lifted; the others stay.
            platform = Platform.start(SharedStack.coordinates(), Platform.freePorts(), databasePrefix(),
                    topicPrefix(), true, Path.of("target", "platform-" + run).toAbsolutePath(),
                    EnumSet.allOf(Service.class), Map.of("homeprogram.rate-limit.clinical-log.requests", "1000000",
                            "homeprogram.otlp.endpoint", spans.endpoint(),
                            "homeprogram.otlp.batch-delay", "200ms"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.close();
                spans.close();
            }, "stop-journey-platform"));
        }
        return platform;
    }

    /** What the platform's services exported so far (their spans). */
    static synchronized OtlpReceiver spans() {
        get();
        return spans;
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
