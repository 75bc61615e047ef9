package care.homeprogram.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A service's JDK ahead-of-time cache (JDK 25, JEP 483/514/515: classes loaded and linked, method profiles) kept
 * next to its packaged jar, in {@code target/quarkus-app/aot/}. A cache fits one build of the jar and its libraries,
 * one JDK and one set of JVM options; its file name carries a key of all three, so a rebuilt service or another JDK
 * simply finds no cache under its key. {@code ./homeprogram run} trains: a service started without a cache writes one
 * when it stops ({@code -XX:AOTCacheOutput}), and the next start uses it ({@code -XX:AOTCache}). The tests only use
 * a cache that is there: writing one takes the JVM from several seconds to minutes at exit, which the tests' many
 * short-lived services must not pay. A cache the JVM still refuses (a file changed under it) costs nothing but its
 * warning in the service's log: the JVM then starts without it.
 */
public final class AotCache {
    /** The first JDK with {@code -XX:AOTCacheOutput}. */
    static final int FIRST_JDK = 25;
    private static final String SUFFIX = ".aot";
    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    /** Whether a start without a cache should write one. */
    public enum Policy {
        /** {@code ./homeprogram run}: write a cache when there is none for this build. */
        TRAIN_IF_MISSING,
        /** The tests: use a cache if there is one, never write one. */
        USE_IF_PRESENT
    }

    /** What a service's start does about the cache, as the JVM options that say it. */
    public sealed interface Decision {
        List<String> jvmOptions();

        /** Start from the cache. */
        record Use(Path cache) implements Decision {
            @Override
            public List<String> jvmOptions() {
                return List.of("-XX:AOTCache=" + cache);
            }
        }

        /**
         * Start without a cache and write one at exit into {@code output}, a file of its own (two runs may train at
         * once), which {@link AotCache#keep(Train)} moves to {@code cache} once the JVM has finished it.
         */
        record Train(Path output, Path cache) implements Decision {
            @Override
            public List<String> jvmOptions() {
                return List.of("-XX:AOTCacheOutput=" + output);
            }
        }

        /** Start without a cache, for the reason given. */
        record None(String reason) implements Decision {
            @Override
            public List<String> jvmOptions() {
                return List.of();
            }
        }
    }

    private AotCache() {
    }

    /** The decision for a packaged service ({@code target/quarkus-app}) on the JDK this launcher runs on. */
    public static Decision decide(Path quarkusApp, List<String> jvmOptions, Policy policy) {
        return decide(quarkusApp, Runtime.version().feature(), Runtime.version().toString(), jvmOptions, policy);
    }

    static Decision decide(Path quarkusApp, int jdkFeature, String jdkVersion, List<String> jvmOptions,
            Policy policy) {
        if (jdkFeature < FIRST_JDK) {
            return new Decision.None("JDK " + jdkFeature + " has no AOT cache (JDK " + FIRST_JDK + " or newer has)");
        }
        return decide(folder(quarkusApp), key(quarkusApp, jdkVersion, jvmOptions), policy);
    }

    /**
     * The decision for a program started from a class path (the Kafka broker), its caches kept in {@code folder}: the
     * key covers the JDK, the JVM options and the path, size and modification time of every class path entry.
     */
    public static Decision decideForClassPath(Path folder, String classPath, List<String> jvmOptions, Policy policy) {
        if (Runtime.version().feature() < FIRST_JDK) {
            return new Decision.None("JDK " + Runtime.version().feature() + " has no AOT cache");
        }
        MessageDigest digest = sha256();
        digest.update(("jdk " + Runtime.version() + "\noptions " + String.join(" ", jvmOptions) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                Path file = Path.of(entry);
                String stamp = Files.exists(file)
                        ? Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() : "missing";
                digest.update(("entry " + entry + " " + stamp + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the class path " + classPath, e);
        }
        return decide(folder, HexFormat.of().formatHex(digest.digest(), 0, 8), policy);
    }

    private static Decision decide(Path folder, String key, Policy policy) {
        Path cache = folder.resolve(key + SUFFIX);
        if (isComplete(cache)) {
            return new Decision.Use(cache);
        }
        List<Path> stale = caches(folder);
        String why = stale.isEmpty() ? "no AOT cache for this build yet"
                : "the AOT cache there is for another build, JDK or JVM options";
        if (policy == Policy.USE_IF_PRESENT) {
            return new Decision.None(why);
        }
        Path training = folder.resolve("training");
        removeLeftovers(training);
        try {
            Files.createDirectories(training); // the JVM does not create it, and writes no cache without it
        } catch (IOException e) {
            return new Decision.None(why + ", and none can be written: " + e);
        }
        return new Decision.Train(training.resolve(UUID.randomUUID() + SUFFIX), cache);
    }

    /**
     * After a training JVM has exited: keeps the cache it wrote in place of any stale one, or removes what an
     * interrupted training left. Returns whether there is now a cache.
     */
    public static boolean keep(Decision.Train training) {
        try {
            if (!isComplete(training.output())) {
                Files.deleteIfExists(training.output());
                return false;
            }
            for (Path stale : caches(training.cache().getParent())) {
                Files.deleteIfExists(stale);
            }
            Files.move(training.output(), training.cache(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the AOT cache " + training.output(), e);
        }
    }

    /** After the training JVM of {@code name} has exited: {@link #keep}s its cache and says what became of it. */
    public static void keepAndSay(String name, Decision.Train training) {
        try {
            Progress.say(keep(training) ? name + "'s AOT cache is ready: " + training.cache()
                    : name + " stopped before its AOT cache was written; the next run trains again");
        } catch (UncheckedIOException e) {
            Progress.say(e.getMessage() + ": " + e.getCause() + "; the next run trains again");
        }
    }

    /** Where a packaged service's caches are kept. */
    static Path folder(Path quarkusApp) {
        return quarkusApp.resolve("aot");
    }

    /**
     * 16 hex digits of a SHA-256 over the JDK's full version, the JVM options, the content of the runner jar and the
     * application's own jars (small), and the path, size and modification time of every other file of the packaged
     * application (the libraries: the JVM itself checks a cache's jars by size and modification time).
     */
    static String key(Path quarkusApp, String jdkVersion, List<String> jvmOptions) {
        MessageDigest digest = sha256();
        digest.update(("jdk " + jdkVersion + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(("options " + String.join(" ", jvmOptions) + "\n").getBytes(StandardCharsets.UTF_8));
        Path aot = folder(quarkusApp);
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.startsWith(aot)).sorted().toList()) {
                String relative = quarkusApp.relativize(file).toString().replace('\\', '/');
                digest.update(("file " + relative + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                if (relative.equals("quarkus-run.jar") || relative.startsWith("app/")) {
                    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + quarkusApp, e);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static boolean isComplete(Path cache) {
        try {
            return Files.isRegularFile(cache) && Files.size(cache) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> caches(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + folder, e);
        }
    }

    /**
     * What a launcher that was killed while a service trained left behind (a cache or the JVM's {@code .aot.config}
     * beside it); a day old, so no training of now.
     */
    private static void removeLeftovers(Path training) {
        if (!Files.isDirectory(training)) {
            return;
        }
        Instant cutoff = Instant.now().minus(LEFTOVER_AGE);
        try (Stream<Path> files = Files.list(training)) {
            for (Path leftover : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (Files.getLastModifiedTime(leftover).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(leftover);
                    }
                } catch (IOException e) {
                    // another run removed it first
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + training, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
