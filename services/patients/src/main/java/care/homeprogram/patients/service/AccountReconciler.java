package care.homeprogram.patients.service;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.client.KeycloakAccounts;
import care.homeprogram.patients.client.KeycloakAccounts.Account;
import care.homeprogram.patients.domain.PendingAccount;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finishes account creations that outlived their request (the process died, or the compensation could not reach
 * Keycloak): an account without its record is deleted, then the intent is dropped. Each intent is handled under a
 * row lock ({@code FOR UPDATE SKIP LOCKED}), so replicas never handle one twice at once and a retry of the same
 * creation waits instead of racing the deletion.
 */
@ApplicationScoped
public class AccountReconciler {
    private static final Logger LOG = Logger.getLogger(AccountReconciler.class);
    /** Far longer than any creation takes (Keycloak calls time out within seconds). */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final KeycloakAccounts keycloak;
    private final PatientRecords records;
    private final EntityManager entityManager;
    private final Clock clock;

    public AccountReconciler(KeycloakAccounts keycloak, PatientRecords records, EntityManager entityManager,
            Clock clock) {
        this.keycloak = keycloak;
        this.records = records;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${homeprogram.accounts.reconcile-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            reconcile(STALE_AFTER);
        } catch (RuntimeException e) {
            LOG.warnf("account reconciliation paused: %s", e.getMessage());
        }
    }

    /** @return how many orphaned accounts were deleted */
    public int reconcile(Duration staleAfter) {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(staleAfter);
        List<String> stale = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select p.username from PendingAccount p where p.requestedAt <= :before", String.class)
                .setParameter("before", before).getResultList());
        int deleted = 0;
        for (String username : stale) {
            deleted += QuarkusTransaction.requiringNew().call(() -> reconcileOne(username, before));
        }
        return deleted;
    }

    private int reconcileOne(String username, OffsetDateTime before) {
        @SuppressWarnings("unchecked")
        List<PendingAccount> locked = entityManager.createNativeQuery(
                "SELECT * FROM pending_account WHERE username = :username AND requested_at <= :before "
                        + "FOR UPDATE SKIP LOCKED", PendingAccount.class)
                .setParameter("username", username).setParameter("before", before).getResultList();
        if (locked.isEmpty()) {
            return 0; // finished, refreshed by a retry, or being handled by another replica
        }
        int deleted = 0;
        Optional<Account> account = keycloak.byUsername(username);
        if (account.isPresent() && orphan(account.get())) {
            keycloak.delete(account.get().id());
            LOG.warnf("deleted orphaned account %s (%s creation never recorded)", account.get().id(),
                    locked.get(0).role);
            deleted = 1;
        }
        entityManager.remove(locked.get(0));
        return deleted;
    }

    /**
     * An account with none of our roles, or a therapist or patient without a record, is an orphan; so is a billing
     * account (which never has one) whose creation intent went stale.
     */
    private boolean orphan(Account account) {
        if (account.role() == null) {
            return true;
        }
        return !CurrentUser.ADMIN.equals(account.role()) && !records.hasRecord(account.id());
    }
}
