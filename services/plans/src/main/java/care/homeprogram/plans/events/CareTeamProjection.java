package care.homeprogram.plans.events;

import care.homeprogram.commons.events.EventConsumer;
import care.homeprogram.commons.events.EventRoutes;
import care.homeprogram.contract.events.PatientEvents;
import care.homeprogram.contract.events.PatientEvents.IntakeScreened;
import care.homeprogram.contract.events.PatientEvents.PatientContact;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.domain.PatientProfile;
import care.homeprogram.plans.service.IntakeGate;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps plan-service's copy of care teams and time zones from patient-events, idempotently: the processed-message
 * row commits with the projection, so a redelivered event changes nothing. The payloads are the shared contract's
 * ({@link PatientEvents}); {@link EventConsumer} reads, checks and dispatches them.
 */
@ApplicationScoped
public class CareTeamProjection {
    private static final Logger LOG = Logger.getLogger(CareTeamProjection.class);
    public static final String CONSUMER = "plan-service.care-team";

    private final EventConsumer events;
    private final IntakeGate intakeGate;
    private final EventRoutes routes = EventRoutes.consumer(CONSUMER)
            .on(PatientEvents.CONTACT, (event, contact) -> project(contact))
            .on(PatientEvents.INTAKE_SCREENED, (event, screening) -> screened(screening));

    public CareTeamProjection(EventConsumer events, IntakeGate intakeGate) {
        this.events = events;
        this.intakeGate = intakeGate;
    }

    @Incoming("patient-events")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        events.consume(routes, record);
    }

    /** What this consumer acts on (the contract tests feed each type to it). */
    public EventRoutes routes() {
        return routes;
    }

    private void screened(IntakeScreened screening) {
        PatientProfile profile = PatientProfile.findById(screening.patientId());
        if (profile == null) {
            // Screening can arrive before registration only if events were reordered; keep it safe: sign-off needed.
            profile = new PatientProfile();
            profile.patientId = screening.patientId();
            profile.timeZone = "UTC";
            profile.status = "ACTIVE";
        }
        profile.intakeFlags = screening.flags() == null ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(screening.flags().stream().map(Enum::name).toList());
        profile.requiresSignOff = screening.requiresSignOff();
        profile.persist();
        // Flags that arrive after activation put the patient's active plans on hold until a therapist signs them off.
        intakeGate.flagsRecorded(screening.patientId(), profile.intakeFlags, screening.requiresSignOff());
        // The flags themselves are clinical (e.g. a history of cancer): never next to the patient id in a log.
        LOG.infof("intake of patient %s: %d flag(s), sign-off %s", screening.patientId(), profile.intakeFlags.size(),
                profile.requiresSignOff ? "required" : "not required");
    }

    private void project(PatientContact contact) {
        PatientProfile profile = PatientProfile.findById(contact.patientId());
        if (profile == null) {
            profile = new PatientProfile();
            profile.patientId = contact.patientId();
        }
        profile.timeZone = contact.timeZone();
        profile.status = contact.status() == null ? null : contact.status().name();
        profile.persist();
        if (contact.therapistIds() != null) {
            CareTeamMember.delete("key.patientId", contact.patientId());
            for (UUID therapistId : contact.therapistIds()) {
                CareTeamMember member = new CareTeamMember();
                member.key = new CareTeamMember.Key(contact.patientId(), therapistId);
                member.persist();
            }
        }
        LOG.infof("care team of patient %s: %s", contact.patientId(), contact.therapistIds());
    }
}
