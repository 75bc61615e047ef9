package care.homeprogram.local;

import java.util.List;
import java.util.Map;

/**
 * How every service JVM of the local run and the tests is sized: the one place for these settings (docs/deploy.md,
 * "JVM sizing"). The Kubernetes images get the same through deploy/kubernetes/base/config/homeprogram.env.
 */
public final class ServiceJvm {
    /**
     * A 256 MiB heap (what the images' JAVA_MAX_MEM_RATIO = 50 % of a 512 Mi limit gives), the serial collector (no
     * parallel GC threads or their per-thread buffers on a 2-core machine; pauses of a few ms at these heap sizes),
     * a smaller code cache and thread stacks, Netty's pooled chunks at 1 MiB (maxOrder 7) instead of 4 MiB, and the
     * C heap trimmed every 5 s: glibc keeps what the JIT compilers and the start-up freed (about 15 MiB of a service's
     * resident memory, measured in docs/deploy.md) until something gives it back to the operating system.
     * No full collection in steady use (docs/deploy.md, "The hot read's tail"): the first metaspace threshold at
     * 128 MiB instead of 21 MiB (a service loads about 100 MiB of class metadata, which cost four full collections
     * while starting), and a code-cache collection only after half the code cache was newly compiled instead of 15 %
     * (each is a full collection of 0.4-0.6 s under load). The code cache is reserved at 128 MiB, not 64: once more
     * than SweeperThreshold of it is in use the JVM multiplies that threshold by the free share, and plan-service's
     * 31-35 MiB of compiled code crossed half of 64 MiB during every benchmark's warm-up (one 495 ms full collection).
     * Reserved is address space, not memory: only the compiled code is resident.
     */
    public static final List<String> OPTIONS = options(Runtime.version().feature());

    /**
     * The options for a service run by a JDK of this feature release: the services run on the launcher's own JDK
     * ({@link ChildProcess#javaExecutable()}). Trimming the C heap is a product option from JDK 22 on; JDK 21 would
     * refuse to start with it.
     */
    static List<String> options(int jdkFeature) {
        List<String> options = new java.util.ArrayList<>(List.of(
                "-Xms64m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:ReservedCodeCacheSize=128m",
                "-XX:MetaspaceSize=128m",
                "-XX:SweeperThreshold=50",
                "-Xss512k",
                "-Dio.netty.allocator.maxOrder=7"));
        if (jdkFeature >= 22) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        return List.copyOf(options);
    }

    /** glibc otherwise keeps up to 8 malloc arenas per core, each holding freed native memory. */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private ServiceJvm() {
    }
}
