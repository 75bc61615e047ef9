package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * docs/deploy.md tells an operator everything the manifests expect of the cluster: each Secret they reference is
 * created by a command of the doc, and each operator is named with the version whose API the manifests use.
 */
class DeployDocTest {
    /**
     * Made by the operators, not by the operator of the cluster: CloudNativePG's for the owner of the bootstrap
     * database, Strimzi's cluster CA, and the Secret of each service's KafkaUser (Strimzi's User Operator).
     */
    private static final Set<String> MADE_BY_OPERATORS = Set.of("homeprogram-db-app",
            "homeprogram-kafka-cluster-ca-cert", "patient-service", "plan-service", "notification-service");

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void every_referenced_secret_has_its_creation_command(Source source) {
        Platform platform = source.platform();
        Set<String> secrets = new TreeSet<>();
        for (Deployment deployment : platform.deployments()) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                container.getEnv().stream()
                        .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                        .forEach(env -> secrets.add(env.getValueFrom().getSecretKeyRef().getName()));
            }
        }
        platform.all(Ingress.class).forEach(ingress -> ingress.getSpec().getTls()
                .forEach(tls -> secrets.add(tls.getSecretName())));
        OverlaysTest.list(OverlaysTest.map(OverlaysTest.spec(platform.customNamed("Cluster", "homeprogram-db"))
                .get("managed")).get("roles"))
                .forEach(role -> secrets.add((String) OverlaysTest.map(role.get("passwordSecret")).get("name")));
        OverlaysTest.map(OverlaysTest.spec(platform.customNamed("KeycloakRealmImport", RealmImports.NAME))
                .get("placeholders")).values()
                .forEach(p -> secrets.add((String) OverlaysTest.map(OverlaysTest.map(p).get("secret")).get("name")));
        Map<String, Object> db = OverlaysTest.map(OverlaysTest.spec(platform.customNamed("Keycloak",
                "homeprogram-keycloak")).get("db"));
        secrets.add((String) OverlaysTest.map(db.get("passwordSecret")).get("name"));
        secrets.addAll(ImagesTest.pullSecrets(platform));
        // The backups' object-store credentials (prod).
        platform.custom("ObjectStore").forEach(store -> secrets.add((String) OverlaysTest.map(OverlaysTest.map(
                OverlaysTest.map(OverlaysTest.spec(store).get("configuration")).get("s3Credentials"))
                .get("accessKeyId")).get("name")));

        String doc = doc();
        for (String secret : secrets) {
            if (MADE_BY_OPERATORS.contains(secret)) {
                assertThat(doc).as("docs/deploy.md explains where %s comes from", secret).contains(secret);
            } else {
                assertThat(doc).as("docs/deploy.md has the command that creates Secret %s", secret)
                        .containsPattern("kubectl [^\\n]*create secret [a-z-]+ " + secret + "[ \\\\\\n]");
            }
        }
    }

    @Test
    void names_each_operator_with_its_version_and_api() {
        String doc = doc();
        for (Operators.Operator operator : Operators.ALL) {
            assertThat(doc).as("docs/deploy.md names %s", operator.name())
                    .contains(operator.name())
                    .contains(operator.version())
                    .contains(operator.apiVersion());
        }
    }

    @Test
    void has_the_one_install_command_and_the_measured_footprint() {
        assertThat(doc())
                .contains("kubectl apply -k deploy/kubernetes/overlays/prod")
                .contains("```mermaid")
                .contains("RSS");
    }

    private static String doc() {
        assertThat(Layout.DEPLOY_DOC).isRegularFile();
        return Repository.read(Layout.DEPLOY_DOC);
    }
}
