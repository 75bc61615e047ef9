package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.local.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner of {@link PhiInJourneyLogsTest} catches what it is for: lines planted here (never in production code)
 * in the shape the services used to log them, while operational lines pass.
 */
class PhiLogScannerTest {
    private static final String PATIENT = "d0000000-0000-4000-8000-000000000013";
    private static final PhiLogScanner SCANNER = PhiLogScanner.fromRepository(Repository.root());

    @Test
    void theDictionaryComesFromTheCodesOwnEnumsAndDemoData() {
        assertThat(SCANNER.clinicalTerms()).contains("history_of_cancer", "history of cancer", "saddle_numbness",
                "fever", "red_flag_emergency", "pain_red", "new_numbness_or_weakness", "fluid_restriction");
    }

    @Test
    void plantedLinesAreFoundAndListed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("plan-service.log");
        Files.write(log, List.of(
                "2026-12-02 04:00:00,000 INFO  [care.hom.pla.eve.CareTeamProjection] intake of patient " + PATIENT
                        + ": flags [HISTORY_OF_CANCER, STEROID_USE], sign-off required",
                "2026-12-02 04:00:01,000 INFO  [care.hom.pla.ser.AlertService] alert " + PATIENT + " CRITICAL "
                        + "RED_FLAG_EMERGENCY raised for patient " + PATIENT,
                "2026-12-02 04:00:02,000 INFO  [x] session " + PATIENT + ": painAfter=8",
                "2026-12-02 04:00:03,000 INFO  [x] patient " + PATIENT + " reported saddle numbness",
                "2026-12-02 04:00:04,000 WARN  [x] email failed: 550 <polly@demo.homeprogram.test> unknown",
                "2026-12-02 04:00:05,000 INFO  [x] patient Polly registered",
                // operational lines: ids alone, counts, the rules' words without anyone's id
                "2026-12-02 04:00:06,000 INFO  [x] alert " + PATIENT + " raised for patient " + PATIENT,
                "2026-12-02 04:00:07,000 INFO  [x] intake of patient " + PATIENT + ": 2 flag(s), sign-off required",
                "2026-12-02 04:00:08,000 INFO  [x] library version 3: 12 entries added",
                "2026-12-02 04:00:09,000 INFO  [x] rule: stop on saddle numbness (no patient)"));

        List<PhiLogScanner.Finding> findings = SCANNER.scan(List.of(log));

        assertThat(findings).extracting(PhiLogScanner.Finding::lineNumber).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(findings.get(0).toString()).startsWith("plan-service.log:1 [").contains("HISTORY_OF_CANCER");
        assertThat(findings).extracting(PhiLogScanner.Finding::term)
                .contains("polly@demo.homeprogram.test", "Polly");
    }
}
