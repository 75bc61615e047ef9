package care.homeprogram.patients;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.patients.service.PatientRecords;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database half of a registration, failing on demand: the failure lands after the Keycloak account exists and
 * before the record is written. Enabled only by {@link FaultInjectionProfile}.
 */
@Alternative
@Singleton
public class FaultyPatientRecords extends PatientRecords {
    static final AtomicBoolean FAIL = new AtomicBoolean();

    public FaultyPatientRecords(Outbox outbox, EntityManager entityManager, Clock clock) {
        super(outbox, entityManager, clock);
    }

    @Override
    @Transactional
    public Patient registerPatient(Patient patient, Collection<UUID> therapistIds) {
        failIfArmed();
        return super.registerPatient(patient, therapistIds);
    }

    @Override
    @Transactional
    public Therapist registerTherapist(Therapist therapist) {
        failIfArmed();
        return super.registerTherapist(therapist);
    }

    private static void failIfArmed() {
        if (FAIL.get()) {
            throw new IllegalStateException("injected failure: the database write did not happen");
        }
    }
}
