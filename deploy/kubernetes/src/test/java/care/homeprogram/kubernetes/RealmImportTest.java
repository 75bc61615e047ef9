package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** The realm imports of the overlays (as committed; GeneratedCopiesTest proves they come from the realm file). */
class RealmImportTest {

    @ParameterizedTest
    @EnumSource(RealmImports.Variant.class)
    void client_secrets_are_placeholders_filled_from_the_services_secrets(RealmImports.Variant variant) {
        GenericKubernetesResource realmImport = realmImport(variant);
        Map<String, Object> spec = OverlaysTest.spec(realmImport);
        assertThat(spec).containsEntry("keycloakCRName", RealmImports.KEYCLOAK);
        Map<String, Object> placeholders = OverlaysTest.map(spec.get("placeholders"));
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> client : OverlaysTest.list(OverlaysTest.realm(realmImport).get("clients"))) {
            if (client.containsKey("secret")) {
                String clientId = (String) client.get("clientId");
                String placeholder = RealmImports.placeholder(clientId);
                assertThat(client.get("secret")).as("secret of client %s", clientId).isEqualTo("${" + placeholder + "}");
                assertThat(OverlaysTest.map(OverlaysTest.map(placeholders.get(placeholder)).get("secret")))
                        .containsEntry("name", clientId + "-oidc")
                        .containsEntry("key", "client-secret");
                used.add(placeholder);
            }
        }
        assertThat(placeholders.keySet()).as("placeholders without a client").isEqualTo(used);
        // The four services read the same Secrets (WorkloadsTest checks their env).
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                Layout.SERVICE_NAMES.stream().map(RealmImports::placeholder).toList());
    }

    @Test
    void the_production_realm_has_no_demo_user_no_demo_client_and_no_password() {
        GenericKubernetesResource realmImport = realmImport(RealmImports.Variant.PRODUCTION);
        Map<String, Object> realm = OverlaysTest.realm(realmImport);
        List<Map<String, Object>> users = OverlaysTest.list(realm.get("users"));
        assertThat(users).extracting(user -> user.get("username")).containsExactlyInAnyOrder(
                "service-account-patient-service", "service-account-plan-service",
                "service-account-notification-service");
        assertThat(OverlaysTest.list(realm.get("clients"))).extracting(client -> client.get("clientId"))
                .doesNotContain(RealmImports.DEMO_CLIENT);
        // No user carries a password (the flows of the realm name credential types, e.g. "reset credentials").
        assertThat(users).allSatisfy(user -> assertThat(user).doesNotContainKey("credentials"));
        String text = Repository.read(RealmImports.Variant.PRODUCTION.file());
        assertThat(text).doesNotContain("hashedSaltedValue", "secretData", "demo.homeprogram.test", "-demo-secret",
                "directAccessGrantsEnabled: true");
    }

    /**
     * Issue 12 (MFA): production signs people in with the MFA flow. An admin, a therapist and billing staff (who read
     * every consenting patient's RTM ledger) always pass a second factor: the one they have, an authenticator app
     * (TOTP) or a security key (WebAuthn), whichever; with neither,
     * they cannot go on without setting up an authenticator app (the OTP form is REQUIRED in a sub-flow that runs
     * only when the first one did not). A patient gives the second factor they chose, if any: nothing is REQUIRED of
     * them. Keycloak itself enforced this flow in the sign-ins tried by patient-service's MfaFlowTest.
     */
    @Test
    void the_production_realm_requires_a_second_factor_of_admins_and_therapists_and_accepts_a_security_key() {
        Map<String, Object> realm = OverlaysTest.realm(realmImport(RealmImports.Variant.PRODUCTION));
        assertThat(realm).containsEntry("browserFlow", RealmImports.MFA_FLOW);
        Map<String, Map<String, Object>> flows = new HashMap<>();
        OverlaysTest.list(realm.get("authenticationFlows")).forEach(f -> flows.put((String) f.get("alias"), f));
        Map<String, Map<String, Object>> configs = new HashMap<>();
        OverlaysTest.list(realm.get("authenticatorConfig"))
                .forEach(c -> configs.put((String) c.get("alias"), OverlaysTest.map(c.get("config"))));

        List<Map<String, Object>> top = executions(flows.get(RealmImports.MFA_FLOW));
        assertThat(top).extracting(e -> e.get("authenticator")).doesNotContain("auth-username-password-form");
        String forms = (String) top.stream().filter(e -> Boolean.TRUE.equals(e.get("authenticatorFlow")))
                .findFirst().orElseThrow().get("flowAlias");
        Map<String, SecondFactor> byRole = new HashMap<>();
        for (Map<String, Object> step : executions(flows.get(forms))) {
            if (!Boolean.TRUE.equals(step.get("authenticatorFlow"))) {
                assertThat(step.get("authenticator")).isEqualTo("auth-username-password-form");
                continue;
            }
            assertThat(step.get("requirement")).isEqualTo("CONDITIONAL");
            List<Map<String, Object>> sub = executions(flows.get((String) step.get("flowAlias")));
            Map<String, Object> roleCondition = sub.stream()
                    .filter(e -> "conditional-user-role".equals(e.get("authenticator"))).findFirst().orElseThrow();
            Map<String, Object> roleConfig = configs.get((String) roleCondition.get("authenticatorConfig"));
            assertThat(roleConfig).containsEntry("negate", "false");
            byRole.put((String) roleConfig.get("condUserRole"), SecondFactor.of(sub, flows, configs));
        }
        assertThat(byRole).containsOnlyKeys("admin", "therapist", "billing", "patient");
        for (String staff : List.of("admin", "therapist", "billing")) {
            assertThat(byRole.get(staff).accepted()).as("second factors accepted of an %s", staff)
                    .containsExactlyInAnyOrder("auth-otp-form", "webauthn-authenticator");
            assertThat(byRole.get(staff).requiredWithoutOne()).as("what an %s without one must set up", staff)
                    .containsExactly("auth-otp-form");
        }
        assertThat(byRole.get("patient").accepted()).containsExactlyInAnyOrder("auth-otp-form", "webauthn-authenticator");
        assertThat(byRole.get("patient").requiredWithoutOne()).as("a patient is offered, not forced").isEmpty();
    }

    /** Keycloak keeps a flow's description in 255 characters: a longer one fails the whole import ("Database operation failed"). */
    @ParameterizedTest
    @EnumSource(RealmImports.Variant.class)
    void every_flow_description_fits_keycloaks_column(RealmImports.Variant variant) {
        assertThat(OverlaysTest.list(OverlaysTest.realm(realmImport(variant)).get("authenticationFlows")))
                .allSatisfy(flow -> assertThat(String.valueOf(flow.getOrDefault("description", "")))
                        .as("description of %s", flow.get("alias")).hasSizeLessThanOrEqualTo(255));
    }

    /** Sensible WebAuthn settings: any authenticator (no attestation to check), the RP id from Keycloak's host. */
    @ParameterizedTest
    @EnumSource(RealmImports.Variant.class)
    void the_webauthn_policy_accepts_any_security_key_or_passkey_for_the_keycloak_host(RealmImports.Variant variant) {
        Map<String, Object> realm = OverlaysTest.realm(realmImport(variant));
        assertThat(realm)
                .containsEntry("webAuthnPolicyRpId", "")
                .containsEntry("webAuthnPolicyAttestationConveyancePreference", "none")
                .containsEntry("webAuthnPolicyUserVerificationRequirement", "preferred")
                .containsEntry("webAuthnPolicyAuthenticatorAttachment", "not specified")
                .containsEntry("webAuthnPolicyAvoidSameAuthenticatorRegister", true)
                .containsEntry("webAuthnPolicyAcceptableAaguids", List.of());
        assertThat(realm.get("webAuthnPolicySignatureAlgorithms")).isEqualTo(List.of("ES256", "RS256"));
    }

    /**
     * A role's second factor: the authenticators {@code accepted} from someone who has one (ALTERNATIVE executions of
     * the sub-flow guarded by "user configured"), and those {@code requiredWithoutOne} (REQUIRED executions of the
     * sub-flow that runs only when the first was not executed).
     */
    private record SecondFactor(List<String> accepted, List<String> requiredWithoutOne) {
        static SecondFactor of(List<Map<String, Object>> roleFlow, Map<String, Map<String, Object>> flows,
                Map<String, Map<String, Object>> configs) {
            List<String> accepted = new ArrayList<>();
            List<String> required = new ArrayList<>();
            // the role's flow itself may hold the alternatives (patients) or sub-flows (staff)
            collect(roleFlow, accepted, required, null);
            for (Map<String, Object> step : roleFlow) {
                if (!Boolean.TRUE.equals(step.get("authenticatorFlow"))) {
                    continue;
                }
                assertThat(step.get("requirement")).isEqualTo("CONDITIONAL");
                List<Map<String, Object>> sub = executions(flows.get((String) step.get("flowAlias")));
                String notExecuted = sub.stream()
                        .filter(e -> "conditional-sub-flow-executed".equals(e.get("authenticator")))
                        .map(e -> configs.get((String) e.get("authenticatorConfig")))
                        .peek(c -> assertThat(c).containsEntry("check_result", "not-executed"))
                        .map(c -> (String) c.get("flow_to_check")).findFirst().orElse(null);
                if (notExecuted != null) {
                    // runs only when the role's own second factor did not: the sibling sub-flow of this one
                    assertThat(roleFlow).extracting(e -> e.get("flowAlias")).contains(notExecuted);
                }
                collect(sub, accepted, required, notExecuted);
            }
            return new SecondFactor(accepted, required);
        }

        private static void collect(List<Map<String, Object>> flow, List<String> accepted, List<String> required,
                String onlyWithoutOne) {
            boolean ifConfigured = flow.stream().anyMatch(e -> "conditional-user-configured".equals(e.get("authenticator")));
            for (Map<String, Object> e : flow) {
                String authenticator = (String) e.get("authenticator");
                if (authenticator == null || authenticator.startsWith("conditional-")) {
                    continue;
                }
                if ("ALTERNATIVE".equals(e.get("requirement")) && ifConfigured) {
                    accepted.add(authenticator);
                } else if ("REQUIRED".equals(e.get("requirement"))) {
                    assertThat(onlyWithoutOne).as("%s REQUIRED outside the set-up sub-flow", authenticator).isNotNull();
                    required.add(authenticator);
                }
            }
        }
    }

    @Test
    void the_demo_realm_signs_in_without_a_second_factor_but_has_the_flow_to_try() {
        Map<String, Object> realm = OverlaysTest.realm(realmImport(RealmImports.Variant.DEMO));
        assertThat(realm).containsEntry("browserFlow", "browser");
        assertThat(OverlaysTest.list(realm.get("authenticationFlows"))).extracting(f -> f.get("alias"))
                .contains(RealmImports.MFA_FLOW);
    }

    private static List<Map<String, Object>> executions(Map<String, Object> flow) {
        assertThat(flow).as("flow").isNotNull();
        return OverlaysTest.list(flow.get("authenticationExecutions"));
    }

    @Test
    void the_demo_realm_keeps_the_demo_logins() {
        Map<String, Object> realm = OverlaysTest.realm(realmImport(RealmImports.Variant.DEMO));
        assertThat(OverlaysTest.list(realm.get("users"))).extracting(user -> user.get("username"))
                .contains("tara", "theo", "pat", "sam", "polly", "ada");
        assertThat(Repository.read(RealmImports.Variant.DEMO.file())).doesNotContain("-demo-secret");
    }

    /**
     * Finding 10 of issue #12: a wildcard redirect URI lets a crafted sign-in link send the code to any page of the
     * host (or, with "http://localhost*", to any port). Each environment names exactly one callback and one page
     * after logout: the realm file the local port, the overlays their public host (OverlaysTest checks the host).
     */
    @ParameterizedTest
    @EnumSource(RealmImports.Variant.class)
    void the_portal_client_names_one_callback_and_one_page_after_logout_and_no_client_a_wildcard(
            RealmImports.Variant variant) {
        assertOneCallback(OverlaysTest.realm(realmImport(variant)), RealmImports.PORTAL_CALLBACK,
                RealmImports.PORTAL_AFTER_LOGOUT);
    }

    @Test
    void the_local_realm_file_names_the_local_portals_callback_only() throws Exception {
        Map<String, Object> realm = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                Repository.read(RealmImports.REALM), new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
        assertOneCallback(realm, "http://localhost:8080/signed-in", "http://localhost:8080/");
    }

    private static void assertOneCallback(Map<String, Object> realm, String callback, String afterLogout) {
        List<Map<String, Object>> clients = OverlaysTest.list(realm.get("clients"));
        Map<String, Object> portal = clients.stream().filter(client -> "portal".equals(client.get("clientId")))
                .findFirst().orElseThrow();
        assertThat(portal.get("redirectUris")).as("the portal's redirect URIs").isEqualTo(List.of(callback));
        assertThat(OverlaysTest.map(portal.get("attributes")))
                .containsEntry("post.logout.redirect.uris", afterLogout);
        for (Map<String, Object> client : clients) {
            assertThat(String.valueOf(client.get("redirectUris")) + OverlaysTest.map(
                    client.getOrDefault("attributes", Map.of())).getOrDefault("post.logout.redirect.uris", ""))
                    .as("redirect URIs of %s", client.get("clientId"))
                    .doesNotContain("*");
        }
    }

    private static GenericKubernetesResource realmImport(RealmImports.Variant variant) {
        return Platform.parseFile(variant.file()).customNamed("KeycloakRealmImport", RealmImports.NAME);
    }
}
