package care.homeprogram.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a service starts from its AOT cache, when it writes one, and that a cache of another build never stops a
 * start: first the decision on a packaged application's folder, then real JVMs of this JDK training and using one.
 */
class AotCacheTest {
    private static final List<String> OPTIONS = ServiceJvm.OPTIONS;
    private static final String JDK = "25.0.1+8-LTS";

    @TempDir
    Path app;

    @Test
    void the_run_trains_a_build_without_a_cache_and_the_tests_start_without_one() throws IOException {
        packageApp("v1");

        AotCache.Decision run = AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.TRAIN_IF_MISSING);
        AotCache.Decision test = AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.USE_IF_PRESENT);

        assertThat(run).isInstanceOf(AotCache.Decision.Train.class);
        AotCache.Decision.Train training = (AotCache.Decision.Train) run;
        assertThat(training.cache().getParent()).isEqualTo(app.resolve("aot"));
        assertThat(training.output()).isNotEqualTo(training.cache());
        assertThat(training.jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + training.output());
        assertThat(test).isEqualTo(new AotCache.Decision.None("no AOT cache for this build yet"));
        assertThat(test.jvmOptions()).isEmpty();
    }

    @Test
    void a_kept_cache_is_used_by_the_next_start_of_the_same_build() throws IOException {
        packageApp("v1");
        AotCache.Decision.Train training = train(AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.TRAIN_IF_MISSING));

        assertThat(AotCache.keep(training)).isTrue();

        for (AotCache.Policy policy : AotCache.Policy.values()) {
            AotCache.Decision next = AotCache.decide(app, 25, JDK, OPTIONS, policy);
            assertThat(next).as(policy.name()).isEqualTo(new AotCache.Decision.Use(training.cache()));
            assertThat(next.jvmOptions()).containsExactly("-XX:AOTCache=" + training.cache());
        }
        assertThat(training.output()).doesNotExist();
    }

    @Test
    void a_rebuilt_jar_another_jdk_or_other_options_do_not_use_the_cache_and_training_replaces_it()
            throws IOException {
        packageApp("v1");
        AotCache.Decision.Train first = train(AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.TRAIN_IF_MISSING));
        AotCache.keep(first);

        assertThat(AotCache.decide(app, 25, "25.0.2+10-LTS", OPTIONS, AotCache.Policy.USE_IF_PRESENT))
                .isEqualTo(new AotCache.Decision.None("the AOT cache there is for another build, JDK or JVM options"));
        List<String> otherOptions = new ArrayList<>(OPTIONS);
        otherOptions.add("-XX:+UseG1GC");
        assertThat(AotCache.decide(app, 25, JDK, otherOptions, AotCache.Policy.USE_IF_PRESENT))
                .isInstanceOf(AotCache.Decision.None.class);

        packageApp("v2");
        AotCache.Decision rebuilt = AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.TRAIN_IF_MISSING);
        assertThat(rebuilt).isInstanceOf(AotCache.Decision.Train.class);
        AotCache.Decision.Train second = train(rebuilt);
        assertThat(second.cache()).isNotEqualTo(first.cache());
        AotCache.keep(second);

        assertThat(first.cache()).as("the stale cache").doesNotExist();
        assertThat(AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.USE_IF_PRESENT))
                .isEqualTo(new AotCache.Decision.Use(second.cache()));
    }

    @Test
    void a_library_replaced_with_the_same_size_changes_the_key() throws IOException {
        packageApp("v1");
        String before = AotCache.key(app, JDK, OPTIONS);
        Path library = app.resolve("lib/main/library.jar");
        Files.setLastModifiedTime(library, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(AotCache.key(app, JDK, OPTIONS)).isNotEqualTo(before);
    }

    @Test
    void a_class_path_program_uses_its_kept_cache_until_a_jar_of_its_class_path_or_its_options_change()
            throws IOException {
        // Kafka's broker: a plain class path (jars in the Maven repository), its caches in the data folder.
        Path broker = write(app.resolve("repository/kafka.jar"), "the broker, version 1");
        Path clients = write(app.resolve("repository/kafka-clients.jar"), "the clients");
        String classPath = broker + java.io.File.pathSeparator + clients;
        Path caches = app.resolve("data/kafka/aot");
        List<String> heap = List.of("-Xmx512m");

        AotCache.Decision.Train training = train(AotCache.decideForClassPath(caches, classPath, heap,
                AotCache.Policy.TRAIN_IF_MISSING));
        assertThat(AotCache.decideForClassPath(caches, classPath, heap, AotCache.Policy.USE_IF_PRESENT))
                .as("no cache before the training JVM has stopped").isInstanceOf(AotCache.Decision.None.class);
        assertThat(AotCache.keep(training)).isTrue();
        assertThat(AotCache.decideForClassPath(caches, classPath, heap, AotCache.Policy.USE_IF_PRESENT))
                .isEqualTo(new AotCache.Decision.Use(training.cache()));

        assertThat(AotCache.decideForClassPath(caches, classPath, List.of("-Xmx1g"), AotCache.Policy.USE_IF_PRESENT))
                .as("other JVM options").isInstanceOf(AotCache.Decision.None.class);
        Files.setLastModifiedTime(clients, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(AotCache.decideForClassPath(caches, classPath, heap, AotCache.Policy.TRAIN_IF_MISSING))
                .as("a jar of the class path replaced (a new Kafka version in the repository)")
                .isInstanceOf(AotCache.Decision.Train.class);
    }

    @Test
    void an_interrupted_training_leaves_no_cache_and_the_next_run_trains_again() throws IOException {
        packageApp("v1");
        AotCache.Decision.Train training = (AotCache.Decision.Train) AotCache.decide(app, 25, JDK, OPTIONS,
                AotCache.Policy.TRAIN_IF_MISSING);
        Files.createDirectories(training.output().getParent());
        Files.createFile(training.output());

        assertThat(AotCache.keep(training)).isFalse();

        assertThat(training.output()).doesNotExist();
        assertThat(training.cache()).doesNotExist();
        assertThat(AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.TRAIN_IF_MISSING))
                .isInstanceOf(AotCache.Decision.Train.class);
    }

    @Test
    void what_a_killed_training_left_a_day_ago_is_removed_and_a_training_of_now_is_kept() throws IOException {
        packageApp("v1");
        Path training = app.resolve("aot/training");
        Path old = write(training.resolve("old.aot.config"), "configuration of a killed run");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(java.time.Duration.ofDays(2))));
        Path current = write(training.resolve("current.aot"), "another run training now");

        AotCache.decide(app, 25, JDK, OPTIONS, AotCache.Policy.TRAIN_IF_MISSING);

        assertThat(old).doesNotExist();
        assertThat(current).exists();
    }

    @Test
    void a_jdk_before_25_starts_without_a_cache_whatever_is_there() throws IOException {
        packageApp("v1");

        AotCache.Decision decision = AotCache.decide(app, 21, "21.0.9+10-LTS", OPTIONS,
                AotCache.Policy.TRAIN_IF_MISSING);

        assertThat(decision).isEqualTo(new AotCache.Decision.None("JDK 21 has no AOT cache (JDK 25 or newer has)"));
        assertThat(decision.jvmOptions()).isEmpty();
    }

    /**
     * This JDK, the launcher's JVM options: a training run writes a cache, the next start uses it, and a rebuilt jar
     * is not started with the old cache (JDK 25.0.3 does not refuse it: it ran the old classes, docs/deploy.md).
     */
    @Test
    void a_real_jvm_trains_then_uses_the_cache_and_a_rebuild_starts_without_it() throws Exception {
        if (Runtime.version().feature() < AotCache.FIRST_JDK) {
            return; // nothing to try on an older JDK: decide() gives None there (test above)
        }
        packageRunnableApp("v1");
        AotCache.Decision.Train training = (AotCache.Decision.Train) AotCache.decide(app, OPTIONS,
                AotCache.Policy.TRAIN_IF_MISSING);
        assertThat(runJar(training.jvmOptions())).contains("sample started");
        assertThat(AotCache.keep(training)).as("the JVM wrote a cache at exit").isTrue();

        AotCache.Decision use = AotCache.decide(app, OPTIONS, AotCache.Policy.USE_IF_PRESENT);
        assertThat(use).isEqualTo(new AotCache.Decision.Use(training.cache()));
        String withCache = runJar(append(use.jvmOptions(), "-Xlog:aot=info"));
        assertThat(withCache).contains("sample started").contains("Opened AOT cache");

        packageRunnableApp("v2");
        AotCache.Decision afterRebuild = AotCache.decide(app, OPTIONS, AotCache.Policy.USE_IF_PRESENT);
        assertThat(afterRebuild).isInstanceOf(AotCache.Decision.None.class);
        assertThat(runJar(append(afterRebuild.jvmOptions(), "-Xlog:aot=info"))).contains("sample started")
                .doesNotContain("Opened AOT cache");
    }

    private static List<String> append(List<String> options, String option) {
        List<String> all = new ArrayList<>(options);
        all.add(option);
        return all;
    }

    private String runJar(List<String> aotOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(OPTIONS);
        command.addAll(aotOptions);
        command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit code of %s:%n%s", command, output).isZero();
        return output;
    }

    private static AotCache.Decision.Train train(AotCache.Decision decision) throws IOException {
        AotCache.Decision.Train training = (AotCache.Decision.Train) decision;
        Files.createDirectories(training.output().getParent());
        Files.writeString(training.output(), "a cache the JVM wrote");
        return training;
    }

    /** The layout of target/quarkus-app, with placeholder jars whose content names the build. */
    private void packageApp(String build) throws IOException {
        write(app.resolve("quarkus-run.jar"), "runner " + build);
        write(app.resolve("app/service.jar"), "classes " + build);
        write(app.resolve("lib/main/library.jar"), "library");
        write(app.resolve("quarkus/quarkus-application.dat"), "application model " + build);
    }

    private void packageRunnableApp(String build) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, build);
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, AotSampleMain.class.getName());
        String entry = AotSampleMain.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app.resolve("quarkus-run.jar")), manifest);
                InputStream classFile = AotSampleMain.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            classFile.transferTo(jar);
            jar.closeEntry();
        }
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
