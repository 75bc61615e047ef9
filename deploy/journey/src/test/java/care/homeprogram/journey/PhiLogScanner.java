package care.homeprogram.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal health information in the services' logs (issue #12, finding 8): a line that names an id (a UUID)
 * and, next to it, an intake flag, a red flag, a symptom, an alert reason code, a clinical word or a pain value; and
 * anywhere, a demo person's email address or name. The dictionary is read from the code itself (the enums of
 * patient- and plan-service, the alert reason codes, the demo people), so a new flag or symptom is covered without
 * anyone remembering to copy it here.
 */
final class PhiLogScanner {
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    /** "pain 7", "painAfter=7", "pain before: 3": a pain score in words, whatever the field's spelling. */
    private static final Pattern PAIN_VALUE = Pattern.compile(
            "(?i)\\bpain[ _-]?(before|after|score|level)?\\s*[=:]?\\s*(of\\s+)?\\d{1,2}\\b");
    /**
     * Clinical words the enums do not spell out as such; the flags and codes themselves come from the code. Kept
     * short on purpose: each is a word no operational log line needs.
     */
    private static final List<String> CLINICAL_WORDS = List.of("cancer", "numbness", "incontinence", "tumour",
            "tumor", "diagnos", "symptom", "red flag", "red-flag", "bladder", "bowel", "saddle");

    /** Where the dictionary's words come from, relative to the repository root. */
    private static final List<String> ENUMS = List.of(
            "services/contract/src/main/java/care/homeprogram/contract/events/IntakeFlag.java",
            "services/plans/src/main/java/care/homeprogram/plans/safety/RedFlag.java",
            "services/plans/src/main/java/care/homeprogram/plans/safety/Symptom.java");
    private static final String ALERT_CODES = "services/plans/src/main/java/care/homeprogram/plans/safety/AlertSpec.java";
    private static final String DEMO_PEOPLE = "services/patients/src/main/resources/demo/people.json";

    /** A line that should not have been logged, and why. */
    record Finding(Path file, int lineNumber, String term, String line) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + lineNumber + " [" + term + "] " + line;
        }
    }

    private final Set<String> clinicalTerms;
    private final Set<String> names;
    private final Set<String> emails;

    PhiLogScanner(Set<String> clinicalTerms, Set<String> names, Set<String> emails) {
        this.clinicalTerms = clinicalTerms;
        this.names = names;
        this.emails = emails;
    }

    static PhiLogScanner fromRepository(Path root) {
        Set<String> clinical = new LinkedHashSet<>(CLINICAL_WORDS);
        for (String source : ENUMS) {
            for (String constant : enumConstants(read(root.resolve(source)))) {
                clinical.add(constant.toLowerCase(Locale.ROOT)); // HISTORY_OF_CANCER
                clinical.add(constant.toLowerCase(Locale.ROOT).replace('_', ' ')); // history of cancer
            }
        }
        Matcher code = Pattern.compile("String [A-Z_]+ = \"([A-Z_]+)\"").matcher(read(root.resolve(ALERT_CODES)));
        while (code.find()) {
            clinical.add(code.group(1).toLowerCase(Locale.ROOT));
        }
        Set<String> names = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        try {
            JsonNode people = new ObjectMapper().readTree(root.resolve(DEMO_PEOPLE).toFile());
            for (String group : List.of("therapists", "patients")) {
                for (JsonNode person : people.path(group)) {
                    names.add(person.path("firstName").asText());
                    names.add(person.path("lastName").asText());
                    emails.add(person.path("email").asText().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.remove("");
        emails.remove("");
        return new PhiLogScanner(clinical, names, emails);
    }

    /** The constants of the one enum in a source file, in order; comments and constructor arguments left out. */
    static List<String> enumConstants(String source) {
        String withoutComments = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        int open = withoutComments.indexOf('{', withoutComments.indexOf(" enum "));
        String body = withoutComments.substring(open + 1);
        int end = body.indexOf(';');
        body = end < 0 ? body.substring(0, body.lastIndexOf('}')) : body.substring(0, end);
        // drop each constant's arguments, e.g. SADDLE_NUMBNESS(Decision.SEEK_CARE_NOW, "…")
        StringBuilder names = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                names.append(c);
            }
        }
        List<String> constants = new ArrayList<>();
        for (String part : names.toString().split(",")) {
            if (part.trim().matches("[A-Z][A-Z0-9_]*")) {
                constants.add(part.trim());
            }
        }
        if (constants.isEmpty()) {
            throw new IllegalStateException("no enum constants found: the dictionary would be empty");
        }
        return constants;
    }

    Set<String> clinicalTerms() {
        return clinicalTerms;
    }

    /** The offending lines of every file (read leniently: a half-written last line is still read). */
    List<Finding> scan(List<Path> files) {
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            String[] lines = read(file).split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String term = offence(lines[i]);
                if (term != null) {
                    findings.add(new Finding(file, i + 1, term,
                            lines[i].length() > 300 ? lines[i].substring(0, 300) + "…" : lines[i]));
                }
            }
        }
        return findings;
    }

    /** What makes the line personal health information, or null if nothing does. */
    String offence(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (String email : emails) {
            if (lower.contains(email)) {
                return email;
            }
        }
        for (String name : names) {
            if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(line).find()) {
                return name;
            }
        }
        if (!UUID.matcher(line).find()) {
            return null; // clinical words alone (a rule's description at start-up) point at nobody
        }
        for (String term : clinicalTerms) {
            if (Pattern.compile("(?<![a-z0-9])" + Pattern.quote(term) + "(?![a-z0-9])").matcher(lower).find()) {
                return term;
            }
        }
        Matcher pain = PAIN_VALUE.matcher(line);
        return pain.find() ? pain.group() : null;
    }

    private static String read(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
