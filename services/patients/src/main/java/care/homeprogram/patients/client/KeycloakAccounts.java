package care.homeprogram.patients.client;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The login accounts, in Keycloak, through its admin API with patient-service's own service account (realm-management
 * roles view-users, query-users, view-realm, plus fine-grained admin permissions to manage users and map only therapist,
 * patient, clinical-lead and billing: it can never grant admin, docs/security.md). Keycloak's answers become problems:
 * its 400 (e.g. the password policy) a 400, 404 a 404, 409 a 409, anything else a 502; unreachable a 503.
 */
@ApplicationScoped
public class KeycloakAccounts {
    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    /** The platform's roles, the strongest first: an account's role is the first of these it holds. */
    public static final List<String> ROLES = List.of(CurrentUser.ADMIN, CurrentUser.THERAPIST,
            CurrentUser.BILLING, CurrentUser.PATIENT);
    /** Role lists are read whole and paged here: a clinic has thousands of accounts, not millions. */
    private static final int MAX_MEMBERS = 10_000;
    private static final int RESET_LINK_LIFESPAN_SECONDS = 12 * 3600;

    private final Keycloak keycloak;
    private final String realm;
    private final ObjectMapper mapper;

    public KeycloakAccounts(Keycloak keycloak, @ConfigProperty(name = "homeprogram.keycloak.realm") String realm,
            ObjectMapper mapper) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.mapper = mapper;
    }

    /**
     * An account as admins see it: no clinical data. {@code role} is null for an account with none of ours;
     * {@code clinicalLead} says it also holds the clinical-lead role.
     */
    public record Account(UUID id, String username, String email, String firstName, String lastName, String role,
            boolean enabled, boolean clinicalLead) {
    }

    /**
     * @param locale the language Keycloak speaks to the person in its own pages and emails (the set-password
     *               email), one of the realm's supported locales; null for the browser's
     */
    public record NewLogin(String username, String email, String firstName, String lastName, String role,
            String password, boolean temporaryPassword, String locale) {
    }

    /** @param adopted true when an account left behind by an earlier, failed attempt was taken over */
    public record Created(UUID id, boolean adopted) {
    }

    /**
     * Creates the account with its role. When {@code adoptable} (an earlier attempt for this username is known to
     * have been in flight) an existing account with the same username and email is taken over instead, so a retry
     * after a failure is safe. Anything else with that username or email is a 409.
     */
    public Created createOrAdopt(NewLogin login, boolean adoptable) {
        Optional<UserRepresentation> existing = call(() -> realm().users().searchByUsername(login.username(), true))
                .stream().filter(u -> login.username().equalsIgnoreCase(u.getUsername())).findFirst();
        if (existing.isPresent()) {
            UserRepresentation user = existing.get();
            UUID id = UUID.fromString(user.getId());
            String role = roleOf(id);
            if (!adoptable || !login.email().equalsIgnoreCase(user.getEmail())
                    || (role != null && !role.equals(login.role()))) {
                throw ProblemException.conflict("account-exists",
                        "An account with the username " + login.username() + " already exists");
            }
            user.setFirstName(login.firstName());
            user.setLastName(login.lastName());
            user.setEnabled(true);
            run(() -> realm().users().get(id.toString()).update(user));
            if (login.password() != null) {
                adoptPassword(id, login);
            }
            setRole(id, login.role());
            LOG.infof("adopted the account %s left by an earlier attempt", id);
            return new Created(id, true);
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(login.username());
        user.setEmail(login.email());
        user.setFirstName(login.firstName());
        user.setLastName(login.lastName());
        user.setEnabled(true);
        if (login.locale() != null) {
            user.singleAttribute("locale", login.locale());
        }
        if (login.password() != null) {
            user.setCredentials(List.of(password(login.password(), login.temporaryPassword())));
        }
        UUID id;
        try (Response response = call(() -> realm().users().create(user))) {
            if (response.getStatus() == 409) {
                throw ProblemException.conflict("account-exists",
                        "The username or the email address is already used by another account");
            }
            if (response.getStatus() != 201) {
                throw failure(response);
            }
            id = UUID.fromString(CreatedResponseUtil.getCreatedId(response));
        }
        try {
            setRole(id, login.role());
        } catch (RuntimeException e) {
            deleteQuietly(id);
            throw e;
        }
        LOG.infof("created %s account %s", login.role(), id);
        return new Created(id, false);
    }

    public Account get(UUID id) {
        UserRepresentation user = call(() -> user(id).toRepresentation());
        List<String> roles = realmRoles(id);
        return account(user, roleOf(roles), roles.contains(CurrentUser.CLINICAL_LEAD));
    }

    public Optional<Account> byUsername(String username) {
        return call(() -> realm().users().searchByUsername(username, true)).stream()
                .filter(u -> username.equalsIgnoreCase(u.getUsername()))
                .findFirst()
                .map(u -> {
                    List<String> roles = realmRoles(UUID.fromString(u.getId()));
                    return account(u, roleOf(roles), roles.contains(CurrentUser.CLINICAL_LEAD));
                });
    }

    /** Accounts holding one of our roles (or the given one), by username; {@code query} matches names and email. */
    public Page<Account> list(String role, String query, int page, int size) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        java.util.Set<String> leads = clinicalLeadIds();
        for (String r : ROLES) {
            if (role != null && !role.equals(r)) {
                continue;
            }
            for (UserRepresentation user : members(r)) {
                // ROLES is strongest first
                accounts.putIfAbsent(user.getId(), account(user, r, leads.contains(user.getId())));
            }
        }
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<Account> matching = new ArrayList<>(accounts.values().stream()
                .filter(a -> q.isEmpty() || contains(a.username(), q) || contains(a.email(), q)
                        || contains(a.firstName(), q) || contains(a.lastName(), q))
                .sorted(Comparator.comparing(Account::username))
                .toList());
        int from = Math.min(page * size, matching.size());
        return new Page<>(matching.subList(from, Math.min(from + size, matching.size())), matching.size());
    }

    /** Disabling also ends the person's sessions, so no refresh token outlives it. */
    public void setEnabled(UUID id, boolean enabled) {
        UserResource user = user(id);
        UserRepresentation representation = call(user::toRepresentation);
        representation.setEnabled(enabled);
        run(() -> user.update(representation));
        if (!enabled) {
            run(user::logout);
        }
    }

    /** Replaces whichever of our roles the account holds by {@code role} (other roles are left alone). */
    public void setRole(UUID id, String role) {
        UserResource user = user(id);
        List<RoleRepresentation> current = call(() -> user.roles().realmLevel().listAll());
        List<RoleRepresentation> obsolete = current.stream()
                .filter(r -> ROLES.contains(r.getName()) && !r.getName().equals(role)).toList();
        if (!obsolete.isEmpty()) {
            run(() -> user.roles().realmLevel().remove(obsolete));
        }
        if (current.stream().noneMatch(r -> r.getName().equals(role))) {
            RoleRepresentation wanted = call(() -> realm().roles().get(role).toRepresentation());
            run(() -> user.roles().realmLevel().add(List.of(wanted)));
        }
        if (!obsolete.isEmpty()) {
            run(user::logout); // no session (or refresh token) keeps the old role
        }
    }

    /**
     * Gives or takes the clinical-lead role (the platform's other roles are left alone). Taking it ends the person's
     * sessions, so no refresh token keeps it; giving it shows in their next token.
     */
    public void setClinicalLead(UUID id, boolean lead) {
        UserResource user = user(id);
        boolean holds = call(() -> user.roles().realmLevel().listAll()).stream()
                .anyMatch(r -> CurrentUser.CLINICAL_LEAD.equals(r.getName()));
        if (holds == lead) {
            return;
        }
        RoleRepresentation role = call(() -> realm().roles().get(CurrentUser.CLINICAL_LEAD).toRepresentation());
        if (lead) {
            run(() -> user.roles().realmLevel().add(List.of(role)));
        } else {
            run(() -> user.roles().realmLevel().remove(List.of(role)));
            run(user::logout);
        }
    }

    /** A password the person must change at their next sign-in. */
    public void setTemporaryPassword(UUID id, String password) {
        setPassword(id, password, true);
    }

    /** Keycloak mails the person a link to choose a new password (the realm's SMTP settings must be configured). */
    public void sendResetCredentials(UUID id) {
        run(() -> user(id).executeActionsEmail(List.of("UPDATE_PASSWORD"), RESET_LINK_LIFESPAN_SECONDS));
    }

    public void delete(UUID id) {
        try (Response response = call(() -> realm().users().delete(id.toString()))) {
            if (response.getStatus() != 204 && response.getStatus() != 404) {
                throw failure(response);
            }
        }
        LOG.infof("deleted account %s", id);
    }

    private void deleteQuietly(UUID id) {
        try {
            delete(id);
        } catch (RuntimeException e) {
            LOG.errorf("could not delete the half-created account %s: %s", id, e.getMessage());
        }
    }

    /**
     * A retry usually carries the password the earlier attempt already set, which the realm's password history
     * refuses to set again: the account keeps it.
     */
    private void adoptPassword(UUID id, NewLogin login) {
        try {
            setPassword(id, login.password(), login.temporaryPassword());
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            LOG.infof("account %s keeps the password set by the earlier attempt (%s)", id, e.getMessage());
        }
    }

    private void setPassword(UUID id, String password, boolean temporary) {
        run(() -> user(id).resetPassword(password(password, temporary)));
    }

    /** The strongest of our roles the account holds directly, or null. */
    private String roleOf(UUID id) {
        return roleOf(realmRoles(id));
    }

    private static String roleOf(List<String> realmRoles) {
        return ROLES.stream().filter(realmRoles::contains).findFirst().orElse(null);
    }

    private List<String> realmRoles(UUID id) {
        return call(() -> user(id).roles().realmLevel().listAll()).stream().map(RoleRepresentation::getName).toList();
    }

    /** The accounts holding the role; none while the realm has no such role yet (a realm older than the role). */
    private List<UserRepresentation> members(String role) {
        try {
            return call(() -> realm().roles().get(role).getUserMembers(0, MAX_MEMBERS));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** The ids of the accounts holding clinical-lead; none while the realm has no such role yet. */
    private java.util.Set<String> clinicalLeadIds() {
        try {
            return call(() -> realm().roles().get(CurrentUser.CLINICAL_LEAD).getUserMembers(0, MAX_MEMBERS)).stream()
                    .map(UserRepresentation::getId).collect(java.util.stream.Collectors.toSet());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return java.util.Set.of();
            }
            throw e;
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private UserResource user(UUID id) {
        return realm().users().get(id.toString());
    }

    private static CredentialRepresentation password(String value, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(temporary);
        return credential;
    }

    private static Account account(UserRepresentation user, String role, boolean clinicalLead) {
        return new Account(UUID.fromString(user.getId()), user.getUsername(), user.getEmail(), user.getFirstName(),
                user.getLastName(), role, Boolean.TRUE.equals(user.isEnabled()), clinicalLead);
    }

    private static boolean contains(String value, String query) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(query);
    }

    private void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (WebApplicationException e) {
            throw failure(e.getResponse());
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak unreachable: %s", e.getMessage());
            throw new ProblemException(503, "accounts-unavailable", "Accounts unavailable",
                    "The account service cannot be reached; nothing was changed, please try again");
        }
    }

    private ProblemException failure(Response response) {
        int status = response.getStatus();
        return switch (status) {
            case 400 -> new ProblemException(400, "invalid-request", "Invalid request", reason(response));
            case 404 -> ProblemException.notFound("Account");
            case 409 -> ProblemException.conflict("account-exists",
                    "The username or the email address is already used by another account");
            default -> {
                LOG.errorf("Keycloak answered %d: %s", status, reason(response));
                yield new ProblemException(502, "accounts-failed", "Accounts unavailable",
                        "The account service refused the change (" + status + "); please try again");
            }
        };
    }

    /** Keycloak's own explanation, e.g. "Invalid password: minimum length 12." */
    private String reason(Response response) {
        try {
            String body = response.readEntity(String.class);
            JsonNode json = mapper.readTree(body);
            String text = json.path("error_description").asText(json.path("errorMessage").asText(""));
            return text.isBlank() ? "The account service refused the request" : text;
        } catch (RuntimeException | java.io.IOException e) {
            return "The account service refused the request";
        }
    }
}
