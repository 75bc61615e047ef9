package care.homeprogram.bench;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Progress;
import care.homeprogram.testing.SharedStack;
import java.nio.file.Path;
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
            platform = Platform.start(SharedStack.coordinates(), Platform.freePorts(), "bench_" + run + "_",
                    "bench-" + run + "-", true, Path.of("target", "platform-" + run).toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stop-bench-platform"));
        }
        return platform;
    }
}
