package care.homeprogram.plans.events;

import care.homeprogram.commons.events.EventConsumer;
import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventJson;
import care.homeprogram.commons.events.PoisonMessageException;
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
 * row commits with the projection, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class CareTeamProjection {
    private static final Logger LOG = Logger.getLogger(CareTeamProjection.class);
    /** The newest envelope version this consumer understands; a newer one is dead-lettered. */
    static final int NEWEST_VERSION = 1;
    public static final String CONSUMER = "plan-service.care-team";

    record PatientContact(UUID patientId, List<UUID> therapistIds, String timeZone, String status) {
    }

    record IntakeScreened(UUID patientId, List<String> flags, boolean requiresSignOff) {
    }

    private final EventJson json;
    private final EventConsumer events;
    private final IntakeGate intakeGate;

    public CareTeamProjection(EventJson json, EventConsumer events, IntakeGate intakeGate) {
        this.json = json;
        this.events = events;
        this.intakeGate = intakeGate;
    }

    @Incoming("patient-events")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, NEWEST_VERSION, this::handle);
    }

    /** Runs in the consumer's transaction, with the event's inbox row (see {@link EventConsumer}). */
    void handle(EventEnvelope event) {
        switch (event.type()) {
            case "PatientRegistered", "PatientContactChanged", "PatientDeactivated", "PatientReactivated",
                    "CareTeamChanged" -> project(required(event, json.data(event, PatientContact.class),
                            PatientContact::patientId));
            case "IntakeScreened" -> screened(required(event, json.data(event, IntakeScreened.class),
                    IntakeScreened::patientId));
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    /** An event about nobody breaks the contract: it can never be applied, so it is dead-lettered. */
    private static <T> T required(EventEnvelope event, T data, java.util.function.Function<T, UUID> patientId) {
        if (patientId.apply(data) == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " without patientId");
        }
        return data;
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
        profile.intakeFlags = screening.flags() == null ? List.of() : screening.flags();
        profile.requiresSignOff = screening.requiresSignOff();
        profile.persist();
        // Flags that arrive after activation put the patient's active plans on hold until a therapist signs them off.
        intakeGate.flagsRecorded(screening.patientId(), profile.intakeFlags, screening.requiresSignOff());
        LOG.infof("intake of patient %s: flags %s, sign-off %s", screening.patientId(), profile.intakeFlags,
                profile.requiresSignOff ? "required" : "not required");
    }

    private void project(PatientContact contact) {
        PatientProfile profile = PatientProfile.findById(contact.patientId());
        if (profile == null) {
            profile = new PatientProfile();
            profile.patientId = contact.patientId();
        }
        profile.timeZone = contact.timeZone();
        profile.status = contact.status();
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
