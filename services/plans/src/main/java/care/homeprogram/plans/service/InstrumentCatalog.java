package care.homeprogram.plans.service;

import ca.uhn.fhir.context.FhirContext;
import care.homeprogram.plans.domain.InstrumentImport;
import care.homeprogram.plans.domain.InstrumentLicence;
import care.homeprogram.plans.outcomes.Instrument;
import care.homeprogram.plans.outcomes.ScoringRules;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * The outcome measures this installation knows: the ones shipped as data under {@code instruments/} (a FHIR
 * Questionnaire, {@code <key>.questionnaire.json}, and its scoring rules, {@code <key>.scoring.json}), the scoring
 * rules shipped without a Questionnaire for bring-your-own-licence instruments (ODI), and the Questionnaires admins
 * imported. A shipped instrument under terms is enabled once an admin accepted them (InstrumentLicence).
 */
@ApplicationScoped
public class InstrumentCatalog {
    /** Shipped with their Questionnaire, in the order they are listed. */
    public static final List<String> SHIPPED = List.of("pain-nrs", "psfs", "start-back");
    /** Shipped scoring rules whose Questionnaire a clinic imports under its own licence. */
    public static final List<String> RULES_ONLY = List.of("odi");
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final FhirContext fhir;

    public InstrumentCatalog(FhirContext fhir) {
        this.fhir = fhir;
    }

    public List<Instrument> all() {
        List<Instrument> all = new ArrayList<>();
        SHIPPED.forEach(key -> find(key).ifPresent(all::add));
        InstrumentImport.<InstrumentImport>list("order by key").forEach(i -> all.add(imported(i)));
        return all;
    }

    public Optional<Instrument> find(String key) {
        if (SHIPPED.contains(key)) {
            ScoringRules rules = shippedRules(key);
            boolean enabled = rules.licence() != ScoringRules.Licence.TERMS || licence(key).isPresent();
            return Optional.of(new Instrument(key, shippedQuestionnaire(fhir, key), rules, true, enabled));
        }
        return InstrumentImport.<InstrumentImport>findByIdOptional(key).map(this::imported);
    }

    public Optional<InstrumentLicence> licence(String key) {
        return InstrumentLicence.findByIdOptional(key);
    }

    private Instrument imported(InstrumentImport row) {
        return new Instrument(row.key, fhir.newJsonParser().parseResource(Questionnaire.class, row.questionnaire),
                parseRules(row.scoring), false, true);
    }

    /** A shipped scoring-rules document, with or without its Questionnaire. */
    public static ScoringRules shippedRules(String key) {
        return parseRules(resource("instruments/" + key + ".scoring.json"));
    }

    public static Questionnaire shippedQuestionnaire(FhirContext fhir, String key) {
        return fhir.newJsonParser().parseResource(Questionnaire.class,
                resource("instruments/" + key + ".questionnaire.json"));
    }

    /** The owner's terms an admin accepts to enable an instrument shipped under terms. */
    public static String terms(String key) {
        return resource("instruments/" + key + ".terms.txt");
    }

    static ScoringRules parseRules(String json) {
        try {
            return JSON.readValue(json, ScoringRules.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a scoring-rules document: " + e.getMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
