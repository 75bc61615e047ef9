package care.homeprogram.kubernetes;

import java.nio.file.Path;
import java.util.List;

/** The deployable services and the pieces of deploy/kubernetes the tests look at. */
final class Layout {
    /** A service: its folder under services/, its name (artifact, Deployment, Keycloak client), its HTTP port. */
    record ServiceModule(String directory, String name, int port, boolean hasDatabase) {
        Path generatedManifest() {
            return Repository.root().resolve("services").resolve(directory).resolve("target/kubernetes/kubernetes.yml");
        }

        Path committedManifest() {
            return Repository.kubernetes().resolve("base/services").resolve(name).resolve("kubernetes.yml");
        }

        Path fragment() {
            return Repository.root().resolve("services").resolve(directory).resolve("src/main/kubernetes/kubernetes.yml");
        }
    }

    static final List<ServiceModule> SERVICES = List.of(
            new ServiceModule("patients", "patient-service", 8081, true),
            new ServiceModule("plans", "plan-service", 8082, true),
            new ServiceModule("notifications", "notification-service", 8083, true),
            new ServiceModule("portal", "portal", 8080, false));

    static final List<String> SERVICE_NAMES = SERVICES.stream().map(ServiceModule::name).toList();

    static final Path BASE = Repository.kubernetes().resolve("base");
    static final Path DEV = Repository.kubernetes().resolve("overlays/dev");
    static final Path PROD = Repository.kubernetes().resolve("overlays/prod");
    static final Path DEPLOY_DOC = Repository.root().resolve("docs/deploy.md");

    private Layout() {
    }

    static ServiceModule service(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The four generated manifests as committed in the kustomize base (what the overlays deploy). */
    static Platform committedServiceManifests() {
        return Platform.of("the generated service manifests in deploy/kubernetes/base/services",
                SERVICES.stream().map(service -> Platform.parseFile(service.committedManifest())).toList());
    }
}
