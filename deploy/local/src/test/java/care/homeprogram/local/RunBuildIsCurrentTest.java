package care.homeprogram.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./homeprogram run} starts what its last build packaged, with the AOT caches the last run trained, unless
 * something it is built from changed (a rebuild repackages target/quarkus-app and drops those caches). The script's
 * own {@code build_is_current} is run by bash against a copy of the repository's layout.
 */
class RunBuildIsCurrentTest {
    private static final Path SCRIPT = Path.of("..", "..", "homeprogram");
    private static final String JDK = "/opt/some-jdk-25";
    private static final Instant BUILD_STARTED = Instant.now().minusSeconds(3600);

    @TempDir
    Path root;

    @BeforeEach
    void aBuiltRepository() throws IOException {
        write("pom.xml");
        write("mvnw");
        write(".mvn/wrapper/maven-wrapper.properties");
        write("services/plans/src/main/java/Plan.java");
        write("deploy/local/src/main/java/RunMain.java");
        write("deploy/local/target/launcher.classpath");
        for (String service : List.of("patients", "plans", "notifications", "portal")) {
            write("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        }
        Path stamp = write("target/homeprogram-run-build.stamp");
        Files.writeString(stamp, JDK);
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // everything was there before the build started, the stamp's time
                Files.setLastModifiedTime(file, FileTime.from(file.equals(stamp) ? BUILD_STARTED
                        : BUILD_STARTED.minusSeconds(60)));
            }
        }
    }

    @Test
    void nothing_changed_since_the_build_started_so_run_starts_what_it_built() throws Exception {
        assertThat(buildIsCurrent(JDK)).isTrue();
    }

    @Test
    void what_the_build_wrote_into_target_folders_does_not_count_as_a_change() throws Exception {
        touch(write("services/plans/target/quarkus-app/aot/0123.aot"));
        touch(write("deploy/journey/target/platform-1/plans/plan-service.log"));

        assertThat(buildIsCurrent(JDK)).isTrue();
    }

    @Test
    void a_source_saved_after_the_build_started_is_built_again() throws Exception {
        touch(root.resolve("services/plans/src/main/java/Plan.java"));

        assertThat(buildIsCurrent(JDK)).isFalse();
    }

    @Test
    void a_new_file_a_pom_or_the_launcher_changed_is_built_again() throws Exception {
        touch(write("services/portal/src/main/resources/templates/today.html"));
        assertThat(buildIsCurrent(JDK)).isFalse();

        aBuiltRepository();
        touch(root.resolve("pom.xml"));
        assertThat(buildIsCurrent(JDK)).isFalse();

        aBuiltRepository();
        touch(root.resolve("deploy/local/src/main/java/RunMain.java"));
        assertThat(buildIsCurrent(JDK)).isFalse();
    }

    @Test
    void another_jdk_a_missing_package_or_no_earlier_build_is_built_again() throws Exception {
        assertThat(buildIsCurrent("/opt/another-jdk-21")).isFalse();

        Files.delete(root.resolve("services/portal/target/quarkus-app/quarkus-run.jar"));
        assertThat(buildIsCurrent(JDK)).isFalse();

        aBuiltRepository();
        Files.delete(root.resolve("target/homeprogram-run-build.stamp"));
        assertThat(buildIsCurrent(JDK)).isFalse();
    }

    /** The script's {@code build_is_current}, defined alone (the script itself would run a command) and called. */
    private boolean buildIsCurrent(String javaHome) throws Exception {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        Matcher function = Pattern.compile("(?ms)^build_is_current\\(\\) \\{$.*?^}$").matcher(script);
        assertThat(function.find()).as("build_is_current in %s", SCRIPT.toAbsolutePath()).isTrue();
        Matcher stamp = Pattern.compile("(?m)^BUILD_STAMP=.*$").matcher(script);
        assertThat(stamp.find()).as("BUILD_STAMP in %s", SCRIPT.toAbsolutePath()).isTrue();
        String program = "set -u\nROOT='" + root + "'\nJAVA_HOME='" + javaHome + "'\n" + stamp.group() + "\n"
                + function.group() + "\nbuild_is_current";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = bash.waitFor();
        assertThat(output).as("what bash said").isEmpty();
        return exit == 0;
    }

    private Path write(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        return file;
    }

    /** Saved now, after the build started. */
    private static void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    }
}
