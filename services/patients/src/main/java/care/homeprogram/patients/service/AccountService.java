package care.homeprogram.patients.service;

import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.client.KeycloakAccounts;
import care.homeprogram.patients.client.KeycloakAccounts.Account;
import care.homeprogram.patients.client.KeycloakAccounts.Created;
import care.homeprogram.patients.client.KeycloakAccounts.NewLogin;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.patients.domain.Person;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.contract.events.PatientEvents;
import care.homeprogram.patients.api.AccountUpdate;
import care.homeprogram.patients.api.AccountView;
import care.homeprogram.patients.api.CredentialsReset;
import care.homeprogram.patients.api.InviteEmail;
import care.homeprogram.patients.api.Invited;
import care.homeprogram.patients.api.NewAccount;
import care.homeprogram.patients.api.NewPatient;
import care.homeprogram.patients.api.PatientAccountView;
import care.homeprogram.patients.api.PatientView;
import care.homeprogram.patients.api.PatientRepresentation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Accounts (Keycloak) and records (this database) kept consistent without a distributed transaction.
 * <p>
 * Creating: (1) the intent is committed in {@code pending_account}; (2) the Keycloak account is created with its
 * role, or, if an earlier attempt for the same username never finished, its account is taken over; (3) the record,
 * its event and the removal of the intent commit in one transaction. If (3) fails, the account is deleted again
 * (compensation); if that fails too, the intent outlives the request and {@link AccountReconciler} deletes the orphan
 * later, unless a retry has taken it over first. So there is never an account without its record for long, never a
 * record without an account, and retrying is safe.
 * <p>
 * Changing (enable, disable, role): the records and events change in a transaction whose last step is the Keycloak
 * call, so a Keycloak failure rolls the database back; the rare commit failure after Keycloak changed is repaired by
 * retrying the same, idempotent request.
 * <p>
 * An account created without a temporary password is sent Keycloak's set-password email once its record exists (not
 * before: a compensated account must not have been invited). The email is not part of the saga: if it cannot be sent
 * the account and record stay, the answer says {@link InviteEmail#NOT_SENT}, and the admin sends it again with
 * reset-credentials.
 */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final KeycloakAccounts keycloak;
    private final PatientRecords records;
    private final Outbox outbox;
    private final AuditContext audit;
    private final String defaultTimeZone;

    public AccountService(KeycloakAccounts keycloak, PatientRecords records, Outbox outbox, AuditContext audit,
            @ConfigProperty(name = "homeprogram.patients.default-time-zone") String defaultTimeZone) {
        this.keycloak = keycloak;
        this.records = records;
        this.outbox = outbox;
        this.audit = audit;
        this.defaultTimeZone = defaultTimeZone;
    }

    /** A therapist (who joins the care team) or an admin creates a patient together with their login. */
    public Invited<PatientRepresentation> createPatient(CurrentUser caller, NewPatient request) {
        Set<UUID> team = new LinkedHashSet<>();
        if (caller.isTherapist()) {
            team.add(caller.id());
        }
        if (request.therapistIds() != null) {
            team.addAll(request.therapistIds());
        }
        if (team.isEmpty()) {
            throw ProblemException.badRequest("therapistIds: name at least one therapist for the patient's care");
        }
        NewLogin login = new NewLogin(request.username(), request.email(), request.firstName(), request.lastName(),
                CurrentUser.PATIENT, request.password(), true, // set by the therapist or admin: always temporary
                request.preferredLanguage()); // Keycloak's set-password email and sign-in pages in that language
        Patient patient = withLogin(login, id -> {
            Patient p = person(new Patient(), id, login, request.timeZone());
            p.phone = request.phone();
            p.birthDate = request.birthDate();
            p.preferredLanguage = request.preferredLanguage(); // absent: no preference
            return records.registerPatient(p, team);
        });
        audit.concernsPatient(patient.id);
        audit.concernsObject(patient.id);
        InviteEmail invite = invite(patient.id, login);
        return new Invited<>(caller.isTherapist() ? PatientView.of(patient) : PatientAccountView.of(patient), invite);
    }

    /** An admin creates an account; therapists and patients get their record with it. */
    public Invited<AccountView> createAccount(NewAccount request) {
        NewLogin login = new NewLogin(request.username(), request.email(), request.firstName(), request.lastName(),
                request.role(), request.password(), true, null); // set by the admin: always temporary
        UUID id = withLogin(login, accountId -> {
            switch (request.role()) {
                case CurrentUser.THERAPIST -> records.registerTherapist(
                        person(new Therapist(), accountId, login, request.timeZone()));
                case CurrentUser.PATIENT -> records.registerPatient(
                        person(new Patient(), accountId, login, request.timeZone()), Set.of());
                default -> records.closePending(request.username());
            }
            return accountId;
        });
        audit.concernsObject(id);
        if (CurrentUser.PATIENT.equals(request.role())) {
            audit.concernsPatient(id);
        }
        InviteEmail invite = invite(id, login);
        return new Invited<>(new AccountView(id, request.username(), request.email(), request.firstName(),
                request.lastName(), request.role(), true, false), invite);
    }

    public Page<AccountView> list(String role, String query, int page, int size) {
        Page<Account> accounts = keycloak.list(role, query, page, size);
        return new Page<>(accounts.items().stream().map(AccountView::of).toList(), accounts.total());
    }

    public AccountView get(UUID id) {
        Account account = keycloak.get(id);
        concerns(account);
        return AccountView.of(account);
    }

    /**
     * Enables, disables or re-roles an account, or designates a therapist clinical lead (or no longer). Records follow:
     * a disabled (or no longer) patient is DISABLED and announced (reminders stop), re-enabling reverses it; the
     * clinical record is always kept.
     */
    @Transactional
    public AccountView update(CurrentUser caller, UUID id, AccountUpdate update) {
        Account account = keycloak.get(id);
        concerns(account);
        if (id.equals(caller.id()) && (Boolean.FALSE.equals(update.enabled())
                || (update.role() != null && !CurrentUser.ADMIN.equals(update.role())))) {
            throw ProblemException.conflict("own-account",
                    "You cannot disable your own account or give up your own admin role");
        }
        if (CurrentUser.ADMIN.equals(account.role()) && update.role() != null && !update.role().equals(account.role())
                && !id.equals(caller.id())) {
            // patient-service's Keycloak rights cannot map (or unmap) admin: only a realm administrator can.
            throw ProblemException.conflict("admin-role-in-keycloak",
                    "An admin's role is changed in Keycloak by a realm administrator, not here");
        }
        String role = update.role() != null ? update.role() : account.role();
        boolean enabled = update.enabled() != null ? update.enabled() : account.enabled();
        if (Boolean.TRUE.equals(update.clinicalLead()) && !CurrentUser.THERAPIST.equals(role)) {
            throw ProblemException.conflict("not-a-therapist",
                    "Only a therapist can be designated clinical lead; this account is " + (role == null ? "without a"
                            + " platform role" : "a " + role + " account"));
        }
        // A therapist who becomes something else is no longer clinical lead: the role means nothing without it.
        boolean clinicalLead = CurrentUser.THERAPIST.equals(role)
                && (update.clinicalLead() != null ? update.clinicalLead() : account.clinicalLead());
        followPatientRecord(account, role, enabled);
        followTherapistRecord(account, role, enabled);
        if (update.role() != null && !update.role().equals(account.role())) {
            keycloak.setRole(id, role);
            LOG.infof("account %s: role %s -> %s", id, account.role(), role);
        }
        if (clinicalLead != account.clinicalLead()) {
            keycloak.setClinicalLead(id, clinicalLead);
            LOG.infof("account %s %s clinical lead by %s", id, clinicalLead ? "designated" : "no longer",
                    caller.id());
        }
        if (enabled != account.enabled()) {
            keycloak.setEnabled(id, enabled);
            LOG.infof("account %s %s", id, enabled ? "enabled" : "disabled");
        }
        return new AccountView(id, account.username(), account.email(), account.firstName(), account.lastName(),
                role, enabled, clinicalLead);
    }

    public void resetCredentials(UUID id, CredentialsReset reset) {
        Account account = keycloak.get(id);
        concerns(account);
        if (reset != null && reset.temporaryPassword() != null) {
            keycloak.setTemporaryPassword(id, reset.temporaryPassword());
            LOG.infof("account %s got a temporary password", id);
        } else {
            keycloak.sendResetCredentials(id);
            LOG.infof("account %s was sent a reset-credentials email", id);
        }
    }

    /**
     * Sends the set-password email to an account created without a password. A failure (the realm's mail server down
     * or not configured, Keycloak unreachable) is reported, never thrown: the account exists and stays. The log names
     * the account, not its address.
     */
    private InviteEmail invite(UUID id, NewLogin login) {
        if (login.password() != null) {
            return InviteEmail.NOT_REQUESTED;
        }
        try {
            keycloak.sendResetCredentials(id);
            LOG.infof("account %s was sent its set-password email", id);
            return InviteEmail.SENT;
        } catch (ProblemException e) {
            // the status only: Keycloak's explanation may quote the mail server's answer, which can name the address
            LOG.warnf("account %s: the set-password email could not be sent (Keycloak: %d); send it again with "
                    + "reset-credentials", id, e.status());
            return InviteEmail.NOT_SENT;
        }
    }

    /** The saga of one account creation; see the class comment. */
    private <T> T withLogin(NewLogin login, Function<UUID, T> record) {
        if (records.usernameRecorded(login.username())) {
            throw ProblemException.conflict("account-exists",
                    "An account with the username " + login.username() + " already exists");
        }
        boolean earlierAttempt;
        try {
            earlierAttempt = records.openPending(login.username(), login.role());
        } catch (RuntimeException e) {
            throw ProblemException.conflict("account-in-progress",
                    "An account with the username " + login.username() + " is being created right now");
        }
        Created created;
        try {
            created = keycloak.createOrAdopt(login, earlierAttempt);
        } catch (ProblemException e) {
            if (e.status() < 500 && !earlierAttempt) {
                records.closePending(login.username()); // Keycloak refused: nothing was created
            }
            throw e;
        }
        try {
            return record.apply(created.id());
        } catch (RuntimeException e) {
            compensate(created.id(), login.username(), e);
            throw e;
        }
    }

    private void compensate(UUID id, String username, RuntimeException cause) {
        try {
            if (records.hasRecord(id)) {
                return; // a concurrent retry recorded this very account: it is not an orphan
            }
            keycloak.delete(id);
            records.closePending(username);
            LOG.warnf("account %s deleted again: its record could not be written (%s)", id, cause.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("account %s has no record; AccountReconciler will remove it unless a retry takes it over: %s",
                    id, e.getMessage());
        }
    }

    private void followPatientRecord(Account account, String role, boolean enabled) {
        Patient patient = Patient.byId(account.id()).orElse(null);
        if (patient == null) {
            if (CurrentUser.PATIENT.equals(role)) {
                patient = person(new Patient(), account.id(), login(account), null);
                patient.status = enabled ? Patient.Status.ACTIVE : Patient.Status.DISABLED;
                records.registerPatient(patient, Set.of());
            }
            return;
        }
        Patient.Status wanted = CurrentUser.PATIENT.equals(role) && enabled ? Patient.Status.ACTIVE
                : Patient.Status.DISABLED;
        if (patient.status != wanted) {
            patient.status = wanted;
            outbox.append(wanted == Patient.Status.ACTIVE ? PatientEvents.PATIENT_REACTIVATED
                    : PatientEvents.PATIENT_DEACTIVATED, patient.id, PatientService.contact(patient));
            LOG.infof("patient %s is now %s; the clinical record is kept", patient.id, wanted);
        }
    }

    private void followTherapistRecord(Account account, String role, boolean enabled) {
        Therapist therapist = Therapist.byId(account.id()).orElse(null);
        if (therapist == null) {
            if (CurrentUser.THERAPIST.equals(role)) {
                therapist = person(new Therapist(), account.id(), login(account), null);
                therapist.status = enabled ? Patient.Status.ACTIVE : Patient.Status.DISABLED;
                records.registerTherapist(therapist);
            }
            return;
        }
        Patient.Status wanted = CurrentUser.THERAPIST.equals(role) && enabled ? Patient.Status.ACTIVE
                : Patient.Status.DISABLED;
        if (therapist.status != wanted) {
            therapist.status = wanted;
            outbox.append(PatientEvents.THERAPIST_REGISTERED, therapist.id,
                    PatientService.contact(therapist));
        }
    }

    private void concerns(Account account) {
        if (CurrentUser.PATIENT.equals(account.role()) || Patient.count("id", account.id()) > 0) {
            audit.concernsPatient(account.id());
        }
    }

    /**
     * The one way a record is made from a login, for a patient or a therapist alike: the account's id, username,
     * names and address, and the zone asked for (else the clinic's default). What only a patient has (birth date,
     * phone, language) the caller adds.
     */
    private <P extends Person> P person(P person, UUID id, NewLogin login, String timeZone) {
        person.id = id;
        person.username = login.username();
        person.firstName = login.firstName();
        person.lastName = login.lastName();
        person.email = login.email();
        person.timeZone = timeZone != null ? timeZone : defaultTimeZone;
        return person;
    }

    private static NewLogin login(Account account) {
        return new NewLogin(account.username(), account.email(), nonBlank(account.firstName(), account.username()),
                nonBlank(account.lastName(), "-"), account.role(), null, false, null);
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
