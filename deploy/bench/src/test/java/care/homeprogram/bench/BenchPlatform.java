package care.homeprogram.bench;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Progress;
import care.homeprogram.local.Service;
import care.homeprogram.testing.SharedStack;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

/** The whole platform for one benchmark run, on the stack of HOMEPROGRAM_STACK_FILE (./homeprogram bench). */
final class BenchPlatform {
    private static Platform platform;

    private BenchPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            Progress.say("starting the platform for the benchmark");
            // One demo patient logs sessions at the benchmark's rate: it measures the services, not the per-caller
            // rate limit (docs/security.md, "Rate limits"), so that limit is lifted here.
            platform = Platform.start(SharedStack.coordinates(), Platform.freePorts(), "bench_" + run + "_",
                    "bench-" + run + "-", true, Path.of("target", "platform-" + run).toAbsolutePath(),
                    EnumSet.allOf(Service.class),
                    Map.of("homeprogram.rate-limit.clinical-log.requests", "1000000"));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-bench-platform"));
        }
        return platform;
    }
}
