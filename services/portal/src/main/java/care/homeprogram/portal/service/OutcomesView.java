package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Instrument;
import care.homeprogram.portal.client.Measure;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Outcome measures" section of the therapist's patient page: the measures attached to the current plan, each
 * score's trend with its minimal detectable (or important) change, and the instruments a measure can be attached from.
 * plan-service computes the change and whether it reaches the threshold, the risk band and its pathway note; the
 * portal only shows them. {@code planId}: the plan measures are attached to (null when there is no open plan).
 */
public record OutcomesView(java.util.UUID planId, Section<List<Measure.Schedule>> schedules,
        Section<List<Trend>> trends, Section<List<Instrument>> instruments) {

    /** No open plan, or plan-service could not say: nothing to show or attach. */
    public static OutcomesView none(Section<List<Trend>> trends) {
        return new OutcomesView(null, Section.of(List.of()), trends, Section.of(List.of()));
    }

    /** The attach form as the page first shows it: asked at the start. */
    public Forms attachForm() {
        return Forms.of(java.util.Map.of("atIntake", "on"));
    }

    public boolean canAttach() {
        return planId != null && instruments.available() && !instruments.value().isEmpty();
    }

    /** Each score's series from plan-service's history, in its order, with times in the patient's zone. */
    public static List<Trend> trends(Measure.History history, List<Instrument> instruments, ZoneId zone) {
        List<Trend> trends = new ArrayList<>();
        for (Measure.InstrumentScores scores : history.instruments()) {
            for (Measure.Series series : scores.scores()) {
                Instrument.Score info = instruments.stream().filter(i -> i.key().equals(scores.instrument()))
                        .flatMap(i -> i.scores().stream()).filter(s -> s.id().equals(series.score())).findFirst()
                        .orElse(null);
                List<Row> rows = series.points().stream().map(p -> new Row(Wording.occasion(p.occasion()),
                        Times.format(p.answeredAt(), zone), text(p.value()), band(p.band()))).toList();
                trends.add(new Trend(scores.title(), series, rows, Sparkline.of(series, info)));
            }
        }
        return trends;
    }

    static String text(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    static String band(String band) {
        return band == null ? "" : band.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** One score over time. */
    public record Trend(String instrument, Measure.Series series, List<Row> rows, Sparkline sparkline) {

        /** The threshold plan-service judges the change against: the minimal detectable change, else important. */
        public Double threshold() {
            return series.minimalDetectableChange() != null ? series.minimalDetectableChange()
                    : series.minimalImportantChange();
        }

        public String thresholdName() {
            return series.minimalDetectableChange() != null ? "minimal detectable change"
                    : "minimal important change";
        }

        public String thresholdText() {
            Double threshold = threshold();
            return threshold == null ? null : text(BigDecimal.valueOf(threshold));
        }

        /**
         * Whether plan-service judged the change against the threshold (the template cannot ask this of the Boolean
         * itself: Qute's {@code x??} is {@code x.or(false)}, so a change judged as not reaching it would show no verdict).
         */
        public boolean judged() {
            return series.changeReachesThreshold() != null;
        }

        public String changeText() {
            if (series.change() == null) {
                return null;
            }
            String text = text(series.change());
            return series.change().signum() > 0 ? "+" + text : text;
        }

        public String latestBand() {
            return band(series.latestBand());
        }
    }

    public record Row(String occasion, String when, String value, String band) {
    }

    /**
     * A small inline SVG line of the score's values, with the band of the first value ± the threshold shaded: a
     * later value outside it is a change the score can detect. The table next to it carries the same figures.
     */
    public record Sparkline(String points, double bandY, double bandHeight, String description) {
        public static final int WIDTH = 240;
        public static final int HEIGHT = 60;
        private static final int PAD = 6;

        static Sparkline of(Measure.Series series, Instrument.Score info) {
            List<Measure.Point> points = series.points().stream().filter(p -> p.value() != null).toList();
            if (points.size() < 2) {
                return null;
            }
            double first = points.get(0).value().doubleValue();
            Double threshold = series.minimalDetectableChange() != null ? series.minimalDetectableChange()
                    : series.minimalImportantChange();
            double low = info != null && info.min() != null ? info.min()
                    : points.stream().mapToDouble(p -> p.value().doubleValue()).min().orElse(0);
            double high = info != null && info.max() != null ? info.max()
                    : points.stream().mapToDouble(p -> p.value().doubleValue()).max().orElse(1);
            if (threshold != null && (info == null || info.min() == null)) {
                low = Math.min(low, first - threshold);
                high = Math.max(high, first + threshold);
            }
            if (high <= low) {
                high = low + 1;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                double x = PAD + (WIDTH - 2.0 * PAD) * i / (points.size() - 1);
                line.append(i == 0 ? "" : " ").append(round(x)).append(',')
                        .append(round(y(points.get(i).value().doubleValue(), low, high)));
            }
            double bandTop = threshold == null ? 0 : y(Math.min(high, first + threshold), low, high);
            double bandBottom = threshold == null ? 0 : y(Math.max(low, first - threshold), low, high);
            String description = series.title() + ": " + points.stream().map(p -> text(p.value()))
                    .reduce((a, b) -> a + ", " + b).orElse("")
                    + (threshold == null ? "" : "; shaded: the first value ± " + text(BigDecimal.valueOf(threshold)));
            return new Sparkline(line.toString(), round(bandTop), round(bandBottom - bandTop), description);
        }

        private static double y(double value, double low, double high) {
            return PAD + (HEIGHT - 2.0 * PAD) * (high - value) / (high - low);
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }

        public int width() {
            return WIDTH;
        }

        public int height() {
            return HEIGHT;
        }

        public boolean hasBand() {
            return bandHeight > 0;
        }
    }
}
