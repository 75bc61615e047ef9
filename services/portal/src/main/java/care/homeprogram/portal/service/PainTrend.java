package care.homeprogram.portal.service;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.Session;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pain trend as a server-rendered SVG: per day (in the patient's time zone) the average pain before and after,
 * over green, amber and red bands. plan-service owns the traffic light (docs/clinical-rules.md rule 5): the bands are
 * drawn with the thresholds it reports for the plan, and a day's colour is the most serious band its rules decided for
 * that day's sessions; the portal decides no band itself, so the chart never disagrees with what the rules did. The
 * same figures are given as a table for screen readers and for anyone who prefers numbers.
 */
public record PainTrend(List<Day> days, List<Band> bands, String beforeLine, String afterLine, List<Tick> yTicks,
        List<Tick> xTicks, String description, String legend) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final int MAX_DAYS = 28;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The bands from least to most serious, as plan-service names them. */
    private static final List<String> LIGHTS = List.of("GREEN", "AMBER", "RED");

    /** One day's averages, the most serious band the rules decided that day (lower case), and where they are drawn. */
    public record Day(LocalDate date, String label, double before, double after, int sessions, String light,
            double x, double yBefore, double yAfter) {
        public String beforeText() {
            return format(before);
        }

        public String afterText() {
            return format(after);
        }
    }

    public record Band(String name, double x, double y, double width, double height, String fill) {
    }

    public record Tick(String label, double x, double y) {
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /**
     * @param thresholds the plan's thresholds as plan-service reports them, for the bands drawn behind the lines; null
     *                   when it does not say (then no bands are drawn; the days keep the rules' colours)
     */
    public static PainTrend of(List<Session> sessions, ZoneId zone, Plan.Thresholds thresholds) {
        return of(sessions, zone, thresholds, PageLanguage.of(Language.EN), Locale.ENGLISH);
    }

    /** The same with its words (description, legend, day labels) in the reader's language. */
    public static PainTrend of(List<Session> sessions, ZoneId zone, Plan.Thresholds thresholds, PortalMessages words,
            Locale locale) {
        DateTimeFormatter label = LABEL.withLocale(locale);
        Map<LocalDate, List<Session>> byDay = new TreeMap<>();
        for (Session s : sessions) {
            if (s.withdrawn()) {
                continue; // withdrawn by the patient: no longer part of the pain history
            }
            byDay.computeIfAbsent(s.performedAt().atZoneSameInstant(zone).toLocalDate(), d -> new ArrayList<>()).add(s);
        }
        List<LocalDate> dates = new ArrayList<>(byDay.keySet());
        if (dates.size() > MAX_DAYS) {
            dates = dates.subList(dates.size() - MAX_DAYS, dates.size());
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            List<Session> ofDay = byDay.get(date);
            double before = round(ofDay.stream().mapToInt(Session::painBefore).average().orElse(0));
            double after = round(ofDay.stream().mapToInt(Session::painAfter).average().orElse(0));
            double x = dates.size() == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (dates.size() - 1);
            days.add(new Day(date, label.format(date), before, after, ofDay.size(), light(ofDay),
                    round(x), y(before, plotHeight), y(after, plotHeight)));
        }
        List<Band> bands = thresholds == null ? List.of() : List.of(
                band("red", 10, thresholds.amberMax() + 0.5, "#f9dcdc", plotHeight),
                band("amber", thresholds.amberMax() + 0.5, thresholds.greenMax() + 0.5, "#fcebc7", plotHeight),
                band("green", thresholds.greenMax() + 0.5, 0, "#dcf0e2", plotHeight));
        List<Tick> yTicks = new ArrayList<>();
        for (int v = 0; v <= 10; v += 2) {
            yTicks.add(new Tick(Integer.toString(v), LEFT - 8, y(v, plotHeight)));
        }
        List<Tick> xTicks = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(days.size() / 7.0));
        for (int i = 0; i < days.size(); i += step) {
            xTicks.add(new Tick(days.get(i).label(), days.get(i).x(), HEIGHT - BOTTOM + 18));
        }
        return new PainTrend(days, bands, line(days, true), line(days, false), yTicks, xTicks,
                description(days, thresholds, words), legend(thresholds, words));
    }

    private static String description(List<Day> days, Plan.Thresholds thresholds, PortalMessages words) {
        if (days.isEmpty()) {
            return words.sessions_none();
        }
        Day first = days.get(0);
        Day last = days.get(days.size() - 1);
        String text = days.size() == 1
                ? words.trend_summaryOneDay(format(first.after()), first.label(), format(last.after()), last.label())
                : words.trend_summaryDays(days.size(), format(first.after()), first.label(), format(last.after()),
                        last.label());
        if (thresholds != null) {
            text += " " + words.trend_bandsText(thresholds.greenMax(), thresholds.greenMax() + 1,
                    thresholds.amberMax(), thresholds.amberMax() + 1);
        }
        return text + " " + words.trend_eachDay();
    }

    private static String legend(Plan.Thresholds thresholds, PortalMessages words) {
        if (thresholds == null) {
            return words.trend_legendNoBands();
        }
        int g = thresholds.greenMax();
        int a = thresholds.amberMax();
        return words.trend_legendBands(g, g + 1 == a ? Integer.toString(a) : (g + 1) + "–" + a, a + 1);
    }

    /** The most serious band plan-service's rules decided for the day's sessions; empty when it named none. */
    static String light(List<Session> ofDay) {
        return ofDay.stream().map(Session::trafficLight).filter(LIGHTS::contains)
                .max(java.util.Comparator.comparingInt(LIGHTS::indexOf))
                .map(l -> l.toLowerCase(Locale.ROOT)).orElse("");
    }

    private static Band band(String name, double from, double to, String fill, double plotHeight) {
        double top = y(from, plotHeight);
        return new Band(name, LEFT, top, WIDTH - LEFT - RIGHT, round(y(to, plotHeight) - top), fill);
    }

    private static String line(List<Day> days, boolean before) {
        StringBuilder points = new StringBuilder();
        for (Day d : days) {
            if (!points.isEmpty()) {
                points.append(' ');
            }
            points.append(format(d.x())).append(',').append(format(before ? d.yBefore() : d.yAfter()));
        }
        return points.toString();
    }

    private static double y(double pain, double plotHeight) {
        return round(TOP + plotHeight * (10 - pain) / 10);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
