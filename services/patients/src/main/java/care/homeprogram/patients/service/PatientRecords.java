package care.homeprogram.patients.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.patients.domain.PendingAccount;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.contract.events.PatientEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The database half of registering a person: their record, the announcement in the outbox and the end of the
 * pending account creation, in one transaction. AccountService runs it after the Keycloak half.
 */
@ApplicationScoped
public class PatientRecords {
    private static final Logger LOG = Logger.getLogger(PatientRecords.class);

    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public PatientRecords(Outbox outbox, EntityManager entityManager, Clock clock) {
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Records a patient whose login account exists (id = its sub), in the care of the given therapists. */
    @Transactional
    public Patient registerPatient(Patient patient, Collection<UUID> therapistIds) {
        patient.createdAt = OffsetDateTime.now(clock);
        for (UUID therapistId : therapistIds) {
            Therapist therapist = Therapist.byId(therapistId)
                    .orElseThrow(() -> ProblemException.badRequest("unknown therapist " + therapistId));
            patient.therapists.add(therapist);
        }
        patient.persist();
        outbox.append(PatientEvents.PATIENT_REGISTERED, patient.id,
                PatientService.contact(patient));
        PendingAccount.deleteById(patient.username);
        LOG.infof("patient %s registered in the care of %s", patient.id, therapistIds);
        return patient;
    }

    /** Records a therapist whose login account exists (id = its sub). */
    @Transactional
    public Therapist registerTherapist(Therapist therapist) {
        therapist.persist();
        outbox.append(PatientEvents.THERAPIST_REGISTERED, therapist.id,
                PatientService.contact(therapist));
        PendingAccount.deleteById(therapist.username);
        LOG.infof("therapist %s registered", therapist.id);
        return therapist;
    }

    /**
     * Writes (and commits) the intent to create an account before Keycloak is called.
     *
     * @return true when an earlier attempt for this username never finished: its account may be taken over
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean openPending(String username, String role) {
        PendingAccount pending = entityManager.find(PendingAccount.class, username, LockModeType.PESSIMISTIC_WRITE);
        boolean earlier = pending != null;
        if (pending == null) {
            pending = new PendingAccount();
            pending.username = username;
        }
        pending.role = role;
        pending.requestedAt = OffsetDateTime.now(clock);
        pending.persist();
        return earlier;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void closePending(String username) {
        PendingAccount.deleteById(username);
    }

    /** Whether this id has a patient or therapist record. */
    @Transactional
    public boolean hasRecord(UUID id) {
        return Patient.findById(id) != null || Therapist.findById(id) != null;
    }

    @Transactional
    public boolean usernameRecorded(String username) {
        return Patient.count("username", username) > 0 || Therapist.count("username", username) > 0;
    }
}
