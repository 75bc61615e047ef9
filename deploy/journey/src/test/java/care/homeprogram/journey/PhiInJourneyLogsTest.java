package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Repository;
import care.homeprogram.local.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, finding 8: intake flags and red-flag codes were logged at INFO next to the patient id. After every other
 * journey of this JVM (the class order is set in junit-platform.properties; this class comes last), the services'
 * logs of this run are read and any line with clinical words, a demo person's name or email, or a pain value next to
 * an id fails the build, listed. Run alone, it starts the shared platform (demo data included: the demo patients'
 * intake screening already went through the services) and reads what that logged.
 */
@Order(Integer.MAX_VALUE)
class PhiInJourneyLogsTest {

    @Test
    void theServicesLogsOfThisRunNameNoClinicalDetailNextToAnId() throws Exception {
        RunningPlatform.get(); // the journeys started it; alone, this starts it
        // Let the consumers log what the demo data set off (e.g. the intake screening of the demo patients as
        // plan-service projects it): wait until the logs stop growing. Services that keep logging (scheduled jobs)
        // never settle; after 30 s the scan reads what is there, which is all it needs.
        awaitLogsSettled();
        List<Path> logs = logsOfThisRun();
        assertThat(logs).as("service logs of this run under target/").isNotEmpty();

        List<PhiLogScanner.Finding> findings = PhiLogScanner.fromRepository(Repository.root()).scan(logs);

        assertThat(findings).as("log lines with personal health information next to an id, in %s", logs)
                .isEmpty();
    }

    private static void awaitLogsSettled() {
        long[] lastSize = { -1 };
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long size = 0;
                for (Path log : logsOfThisRun()) {
                    size += Files.exists(log) ? Files.size(log) : 0;
                }
                boolean settled = size == lastSize[0];
                lastSize[0] = size;
                return settled;
            });
        } catch (ConditionTimeoutException stillLogging) {
            // still growing after 30 s: scan what is there
        }
    }

    /** Every service's log under this module's target/ written since this JVM started (earlier runs' are stale). */
    static List<Path> logsOfThisRun() throws IOException {
        FileTime started = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
        Set<String> names = Arrays.stream(Service.values()).map(s -> s.clientId() + ".log")
                .collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(Path.of("target").toAbsolutePath())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> names.contains(f.getFileName().toString()))
                    .filter(f -> modifiedSince(f, started))
                    .sorted().toList();
        }
    }

    private static boolean modifiedSince(Path file, FileTime started) {
        try {
            return Files.getLastModifiedTime(file).compareTo(started) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
