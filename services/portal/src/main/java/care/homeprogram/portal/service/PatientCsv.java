package care.homeprogram.portal.service;

import care.homeprogram.portal.client.NewPatient;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A therapist's list of patients to invite, as CSV (comma-separated, RFC 4180 quoting, a header row): each row checked
 * as patient-service would check it, so the preview names every problem before anything is created. Columns
 * {@code firstName, lastName, email, birthDate, timeZone} are required, {@code username} and {@code phone} optional (a
 * missing username is made from the email's local part).
 */
public final class PatientCsv {
    /** The most a file may hold: larger files are refused as a whole (413), never half-read. */
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_ROWS = 200;
    static final List<String> REQUIRED = List.of("firstName", "lastName", "email", "birthDate", "timeZone");
    static final List<String> OPTIONAL = List.of("username", "phone");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,30}");

    /** One data row: its line number in the file, what it says, its problems, and the patient when it has none. */
    public record Row(int line, Map<String, String> values, List<String> errors, NewPatient patient) {
        public boolean valid() {
            return errors.isEmpty();
        }

        public String value(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** The whole file: a problem with the file itself (no header, too many rows…) or its rows. */
    public record Parsed(String fileError, List<Row> rows) {
        public long validCount() {
            return rows.stream().filter(Row::valid).count();
        }

        public long invalidCount() {
            return rows.size() - validCount();
        }
    }

    /** Thrown for a file over {@link #MAX_BYTES} or {@link #MAX_ROWS}: the page answers 413. */
    public static final class TooLarge extends RuntimeException {
        public TooLarge(String message) {
            super(message);
        }
    }

    private PatientCsv() {
    }

    public static Parsed parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return new Parsed("The file is empty: it needs a header row and one row per patient.", List.of());
        }
        if (text.length() > MAX_BYTES) {
            throw new TooLarge("The file is larger than 64 KB; split it into smaller files of at most "
                    + MAX_ROWS + " patients.");
        }
        List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.size() - 1 > MAX_ROWS) {
            throw new TooLarge("The file has more than " + MAX_ROWS + " patients; split it into smaller files.");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = canonical(header.get(i).strip());
            if (name != null) {
                columns.putIfAbsent(name, i);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return new Parsed("The header row must name the columns " + String.join(", ", REQUIRED)
                    + " (optional: " + String.join(", ", OPTIONAL) + "); missing: " + String.join(", ", missing)
                    + ".", List.of());
        }
        List<Row> rows = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            columns.forEach((name, index) -> values.put(name, index < record.size() ? record.get(index).strip() : ""));
            rows.add(row(r + 1, values, emails, usernames, today));
        }
        if (rows.isEmpty()) {
            return new Parsed("The file has a header row but no patients.", List.of());
        }
        return new Parsed(null, rows);
    }

    private static Row row(int line, Map<String, String> values, Set<String> emails, Set<String> usernames,
            LocalDate today) {
        List<String> errors = new ArrayList<>();
        for (String column : List.of("firstName", "lastName")) {
            if (values.get(column).isEmpty()) {
                errors.add(column + ": required");
            } else if (values.get(column).length() > 100) {
                errors.add(column + ": at most 100 characters");
            }
        }
        String email = values.get("email").toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            errors.add("email: required");
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add("email: must be an email address");
        } else if (!emails.add(email)) {
            errors.add("email: the same email is on an earlier row");
        }
        String username = values.getOrDefault("username", "");
        if (username.isEmpty() && EMAIL.matcher(email).matches()) {
            username = email.substring(0, email.indexOf('@')).replaceAll("[^a-z0-9._-]", "");
        }
        if (!USERNAME.matcher(username).matches()) {
            errors.add("username: must be 3 to 50 lower-case letters, digits, '.', '_' or '-'");
        } else if (!usernames.add(username)) {
            errors.add("username: “" + username + "” is on an earlier row");
        }
        values.put("username", username);
        LocalDate birthDate = null;
        try {
            birthDate = LocalDate.parse(values.get("birthDate"));
            if (!birthDate.isBefore(today)) {
                errors.add("birthDate: must be in the past");
            }
        } catch (DateTimeParseException e) {
            errors.add("birthDate: must be a date such as 1980-04-23");
        }
        String zone = values.get("timeZone");
        if (!validZone(zone)) {
            errors.add("timeZone: must be a time zone such as Europe/Berlin");
        }
        String phone = values.getOrDefault("phone", "");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            errors.add("phone: must be a phone number");
        }
        NewPatient patient = errors.isEmpty() ? new NewPatient(username, email, values.get("firstName"),
                values.get("lastName"), birthDate, zone, phone.isEmpty() ? null : phone, null, null, null) : null;
        return new Row(line, values, List.copyOf(errors), patient);
    }

    /** As patient-service checks it: an IANA region name (Europe/Berlin), not an offset. */
    private static boolean validZone(String zone) {
        try {
            return zone.contains("/") && ZoneId.of(zone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String canonical(String name) {
        for (String column : REQUIRED) {
            if (column.equalsIgnoreCase(name)) {
                return column;
            }
        }
        for (String column : OPTIONAL) {
            if (column.equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    /** RFC 4180: fields separated by commas, quoted with "…" (a quote doubled inside), records by CRLF or LF. */
    static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
