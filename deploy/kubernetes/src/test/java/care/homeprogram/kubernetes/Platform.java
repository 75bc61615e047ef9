package care.homeprogram.kubernetes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** A set of manifests parsed into typed fabric8 objects; custom resources become {@link GenericKubernetesResource}. */
record Platform(String source, List<HasMetadata> resources) {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Platform parse(String source, String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<HasMetadata> resources = new ArrayList<>();
        if (parsed instanceof KubernetesList list) {
            resources.addAll(list.getItems());
        } else if (parsed instanceof Collection<?> collection) {
            collection.stream().filter(Objects::nonNull).map(HasMetadata.class::cast).forEach(resources::add);
        } else if (parsed instanceof HasMetadata resource) {
            resources.add(resource);
        } else if (parsed != null) {
            throw new IllegalArgumentException(source + " holds something that is not a Kubernetes resource: "
                    + parsed.getClass());
        }
        return new Platform(source, List.copyOf(resources));
    }

    static Platform parseFile(Path file) {
        return parse(Repository.root().relativize(file).toString(), Repository.read(file));
    }

    static Platform of(String source, List<Platform> parts) {
        return new Platform(source, parts.stream().flatMap(part -> part.resources().stream()).toList());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<HasMetadata> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.getKind())).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(resource -> kind.equals(resource.getKind()))
                .toList();
    }

    GenericKubernetesResource customNamed(String kind, String name) {
        return custom(kind).stream().filter(resource -> name.equals(resource.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(source + " has no " + kind + " " + name));
    }

    List<Deployment> deployments() {
        return all(Deployment.class);
    }

    Deployment deployment(String name) {
        return deployments().stream().filter(d -> name.equals(d.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(source + " has no Deployment " + name));
    }

    List<Service> services() {
        return all(Service.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return all(NetworkPolicy.class);
    }

    /**
     * A ConfigMap by the name it has in the base; kustomize appends a content hash to generated ones
     * ({@code homeprogram-config-5h8f…}).
     */
    Optional<ConfigMap> configMap(String baseName) {
        return all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().equals(baseName)
                        || map.getMetadata().getName().matches(java.util.regex.Pattern.quote(baseName) + "-[a-z0-9]{10}"))
                .findFirst();
    }

    /** The environment a container gets from its ConfigMaps (envFrom) and its own env values, by variable name. */
    Map<String, String> plainEnvironment(Container container) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        Stream.ofNullable(container.getEnvFrom()).flatMap(List::stream)
                .filter(source -> source.getConfigMapRef() != null)
                .forEach(source -> all(ConfigMap.class).stream()
                        .filter(map -> map.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                        .findFirst()
                        .ifPresent(map -> environment.putAll(map.getData())));
        Stream.ofNullable(container.getEnv()).flatMap(List::stream)
                .filter(variable -> variable.getValue() != null)
                .forEach(variable -> environment.put(variable.getName(), variable.getValue()));
        return environment;
    }

    static Container onlyContainer(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError("Deployment " + deployment.getMetadata().getName() + " has "
                    + containers.size() + " containers, expected its service's only");
        }
        return containers.get(0);
    }
}
