package care.homeprogram.portal.service;

import care.homeprogram.portal.client.BillingIdentity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * plan-service's CSV of the clinic's ledger with each patient's name filled in ({@code patientName}, empty from
 * plan-service, which holds no names) and their birth date in a column of its own after it
 * ({@code patientBirthDate}), so billing staff's spreadsheet names a patient as a claim does. Only each row's first
 * cells are read: the month and the patient's id, which never hold a comma, a quote or a line break. A CSV whose
 * header is not the ledger's is passed on unchanged.
 */
final class ClinicLedgerCsv {
    static final String HEADER = "month,patientId,patientName,";
    private static final Pattern ROW = Pattern.compile("^\\d{4}-\\d{2},([0-9a-fA-F-]{36}),");

    private ClinicLedgerCsv() {
    }

    static boolean isLedger(String csv) {
        return csv.startsWith(HEADER);
    }

    /** The patients of the rows, each once, in order. */
    static List<UUID> patientIds(String csv) {
        Set<UUID> ids = new LinkedHashSet<>();
        String[] lines = csv.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            Matcher row = ROW.matcher(lines[i]);
            if (row.find()) {
                ids.add(UUID.fromString(row.group(1)));
            }
        }
        return new ArrayList<>(ids);
    }

    /** The CSV with the names (where plan-service left them empty) and the birth date column; unknown: empty. */
    static String withIdentities(String csv, Map<UUID, BillingIdentity> known) {
        String[] lines = csv.split("\n", -1);
        StringBuilder out = new StringBuilder(csv.length() + lines.length * 32);
        out.append(HEADER).append("patientBirthDate,").append(lines[0].substring(HEADER.length()));
        for (int i = 1; i < lines.length; i++) {
            out.append('\n');
            String line = lines[i];
            Matcher row = ROW.matcher(line);
            if (!row.find()) { // a line break inside a quoted cell, or the end
                out.append(line);
                continue;
            }
            String rest = line.substring(row.end());
            int nameEnd = cellEnd(rest);
            String name = rest.substring(0, nameEnd);
            BillingIdentity who = known.get(UUID.fromString(row.group(1)));
            if (name.isEmpty() && who != null) {
                name = cell(who.fullName());
            }
            out.append(row.group()).append(name).append(',')
                    .append(who == null || who.birthDate() == null ? "" : who.birthDate().toString())
                    .append(rest.substring(nameEnd));
        }
        return out.toString();
    }

    /** Where the first cell of {@code cells} ends (RFC 4180: a quoted cell ends at a quote not doubled). */
    private static int cellEnd(String cells) {
        if (!cells.startsWith("\"")) {
            int comma = cells.indexOf(',');
            return comma < 0 ? cells.length() : comma;
        }
        int at = 1;
        while (at < cells.length()) {
            if (cells.charAt(at) == '"') {
                if (at + 1 < cells.length() && cells.charAt(at + 1) == '"') {
                    at += 2;
                    continue;
                }
                return at + 1;
            }
            at++;
        }
        return cells.length();
    }

    /** A cell as spreadsheets read it: quoted when needed, and never taken for a formula (CSV injection). */
    private static String cell(String text) {
        String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
