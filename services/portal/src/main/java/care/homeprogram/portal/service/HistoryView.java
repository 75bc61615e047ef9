package care.homeprogram.portal.service;

import java.util.List;

/** The patient's own sessions, newest first, with their pain trend. */
public record HistoryView(Section<Sessions> sessions) {

    public record Sessions(List<PatientPageView.SessionRow> rows, PainTrend trend) {
    }
}
