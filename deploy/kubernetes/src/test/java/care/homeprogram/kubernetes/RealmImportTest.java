package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

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
        String text = Repository.read(RealmImports.Variant.PRODUCTION.file());
        assertThat(text).doesNotContain("credentials", "demo.homeprogram.test", "-demo-secret", "directAccessGrantsEnabled: true");
    }

    @Test
    void the_demo_realm_keeps_the_demo_logins() {
        Map<String, Object> realm = OverlaysTest.realm(realmImport(RealmImports.Variant.DEMO));
        assertThat(OverlaysTest.list(realm.get("users"))).extracting(user -> user.get("username"))
                .contains("tara", "theo", "pat", "sam", "polly", "ada");
        assertThat(Repository.read(RealmImports.Variant.DEMO.file())).doesNotContain("-demo-secret");
    }

    private static GenericKubernetesResource realmImport(RealmImports.Variant variant) {
        return Platform.parseFile(variant.file()).customNamed("KeycloakRealmImport", RealmImports.NAME);
    }
}
