package care.homeprogram.patients.config;

import care.homeprogram.patients.domain.Patient;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.patients.service.PatientService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the demo therapists and patients of the demo realm (local run and tests only; off in production), linked
 * to their Keycloak users by id, through the same service method that registers real patients.
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    record Person(UUID id, String username, String firstName, String lastName, String email, LocalDate birthDate,
            String timeZone, List<String> therapists) {
    }

    record People(List<Person> therapists, List<Person> patients) {
    }

    private final PatientService patients;
    private final ObjectMapper mapper;
    private final boolean enabled;

    public DemoData(PatientService patients, ObjectMapper mapper,
            @ConfigProperty(name = "homeprogram.demo-data") boolean enabled) {
        this.patients = patients;
        this.mapper = mapper;
        this.enabled = enabled;
    }

    void seed(@Observes StartupEvent startup) {
        if (!enabled || QuarkusTransaction.requiringNew().call(() -> Therapist.count() > 0)) {
            return;
        }
        People people = read();
        for (Person t : people.therapists()) {
            Therapist therapist = new Therapist();
            therapist.id = t.id();
            therapist.username = t.username();
            therapist.firstName = t.firstName();
            therapist.lastName = t.lastName();
            therapist.email = t.email();
            patients.registerTherapist(therapist);
        }
        Map<String, UUID> therapistIds = people.therapists().stream()
                .collect(Collectors.toMap(Person::username, Person::id));
        for (Person p : people.patients()) {
            Patient patient = new Patient();
            patient.id = p.id();
            patient.username = p.username();
            patient.firstName = p.firstName();
            patient.lastName = p.lastName();
            patient.email = p.email();
            patient.birthDate = p.birthDate();
            patient.timeZone = p.timeZone();
            List<UUID> careTeam = p.therapists().stream().map(therapistIds::get).toList();
            patients.registerExistingAccount(patient, careTeam);
            // Screened by their therapist without flags: intake gates activation, and the demo assigns plans.
            patients.recordDemoScreening(patient.id, careTeam.get(0));
        }
        LOG.infof("demo data: %d therapists, %d patients", people.therapists().size(), people.patients().size());
    }

    private People read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/people.json")) {
            return mapper.readValue(in, People.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/people.json is unreadable", e);
        }
    }
}
