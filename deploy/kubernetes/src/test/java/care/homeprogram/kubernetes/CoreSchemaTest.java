package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The built-in resources (Deployments, Services, NetworkPolicies, ...) of the rendered overlays and of the generated
 * manifests use only fields of the Kubernetes API: the fabric8 model is generated from the Kubernetes OpenAPI
 * schemas and keeps a field it does not know in "additionalProperties", so any such field anywhere in a typed
 * resource is an unknown field (a typo, or a field at the wrong level) that the API server would drop or refuse.
 */
class CoreSchemaTest {

    @ParameterizedTest
    @EnumSource(Source.class)
    void built_in_resources_use_only_fields_of_the_kubernetes_api(Source source) {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata resource : source.platform().resources()) {
            if (!(resource instanceof GenericKubernetesResource)) {
                collect(resource, resource.getKind() + " " + resource.getMetadata().getName(), unknown,
                        new IdentityHashMap<>());
            }
        }
        assertThat(unknown).as("%s: fields the Kubernetes API does not have", source).isEmpty();
    }

    @Test
    void an_unknown_field_is_found() {
        Deployment deployment = Platform.parse("probe", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: probe}
                spec:
                  replica: 2
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          resource: {limits: {cpu: "1"}}
                """).all(Deployment.class).get(0);
        List<String> unknown = new ArrayList<>();
        collect(deployment, "Deployment probe", unknown, new IdentityHashMap<>());
        assertThat(unknown).anyMatch(field -> field.endsWith("spec.replica"))
                .anyMatch(field -> field.contains("containers[0].resource"));
    }

    private static void collect(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                collect(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collect(value, path + "." + key, unknown, seen));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else if (value != null && !(value instanceof String) && !(value instanceof Number)
                    && !(value instanceof Boolean) && !(value instanceof Enum<?>)) {
                collect(value, path + "." + field, unknown, seen);
            }
        }
    }
}
