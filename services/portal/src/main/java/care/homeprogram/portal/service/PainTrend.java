package care.homeprogram.portal.service;

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
 * over green, amber and red bands (docs/clinical-rules.md rule 5: 0–3 green, 4–5 amber, 6+ red by default). The same figures are given
 * as a table for screen readers and for anyone who prefers numbers.
 */
public record PainTrend(List<Day> days, List<Band> bands, String beforeLine, String afterLine, List<Tick> yTicks,
        List<Tick> xTicks, String description) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final int MAX_DAYS = 28;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** One day's averages and where they are drawn. */
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

    public static PainTrend of(List<Session> sessions, ZoneId zone, int greenMax, int amberMax) {
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
            days.add(new Day(date, LABEL.format(date), before, after, ofDay.size(), light(after, greenMax, amberMax),
                    round(x), y(before, plotHeight), y(after, plotHeight)));
        }
        List<Band> bands = List.of(
                band("red", 10, amberMax + 0.5, "#f9dcdc", plotHeight),
                band("amber", amberMax + 0.5, greenMax + 0.5, "#fcebc7", plotHeight),
                band("green", greenMax + 0.5, 0, "#dcf0e2", plotHeight));
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
                description(days, greenMax, amberMax));
    }

    private static String description(List<Day> days, int greenMax, int amberMax) {
        if (days.isEmpty()) {
            return "No sessions logged yet.";
        }
        Day first = days.get(0);
        Day last = days.get(days.size() - 1);
        return "Average pain after exercise on " + days.size() + (days.size() == 1 ? " day" : " days") + ", from "
                + format(first.after()) + " on " + first.label() + " to " + format(last.after()) + " on "
                + last.label() + ". Green is 0 to " + greenMax + ", amber " + (greenMax + 1) + " to " + amberMax
                + ", red " + (amberMax + 1) + " or more.";
    }

    static String light(double pain, int greenMax, int amberMax) {
        if (pain <= greenMax + 0.5) {
            return "green";
        }
        return pain <= amberMax + 0.5 ? "amber" : "red";
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
