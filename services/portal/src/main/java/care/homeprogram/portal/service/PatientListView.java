package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Patient;
import java.util.List;

/**
 * The therapist's patient list: each patient with open-alert and adherence badges. Alerts and adherence come from
 * other services than the list itself; when one is down, its badges say so and the list still shows.
 */
public record PatientListView(String query, Section<List<Row>> rows, boolean alertsUnavailable,
        boolean adherenceUnavailable) {

    /**
     * @param adherenceLevel ON_TRACK, INACTIVE, STALLED, DROPPED, or null without an active plan
     */
    public record Row(Patient patient, int openAlerts, String topSeverity, String adherenceLevel) {
        public String adherenceText() {
            return Wording.adherenceLevel(adherenceLevel);
        }

        /** The badge's colour class: ok, warn or bad. */
        public String adherenceClass() {
            if (adherenceLevel == null) {
                return "muted";
            }
            return switch (adherenceLevel) {
                case "ON_TRACK" -> "ok";
                case "INACTIVE" -> "warn";
                default -> "bad";
            };
        }

        public String severityClass() {
            return "CRITICAL".equals(topSeverity) || "HIGH".equals(topSeverity) ? "bad" : "warn";
        }
    }

    public boolean empty() {
        return rows.available() && rows.value().isEmpty();
    }
}
