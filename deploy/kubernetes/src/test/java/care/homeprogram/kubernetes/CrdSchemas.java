package care.homeprogram.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Validates custom resources against the OpenAPI v3 schema of their operator's CustomResourceDefinition, as the API
 * server would, but stricter about one thing: a field the schema does not declare is an error (the API server would
 * silently prune it, so a misspelt or misplaced field would just do nothing). The CRDs are committed under
 * src/test/resources/crds/&lt;operator&gt;-&lt;version&gt;/ (see the README there for their source).
 */
final class CrdSchemas {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Path ROOT = Repository.kubernetes().resolve("src/test/resources/crds");
    private static final Map<String, String> DEPRECATED = new HashMap<>();
    private static final Map<String, Map<String, Object>> SCHEMAS = load();

    private CrdSchemas() {
    }

    static Path root() {
        return ROOT;
    }

    /** Whether a CRD for the resource's apiVersion and kind is committed. */
    static boolean has(String apiVersion, String kind) {
        return SCHEMAS.containsKey(apiVersion + "/" + kind);
    }

    /** The schema violations of a resource (empty when it is valid). */
    static List<String> validate(HasMetadata resource) {
        Map<String, Object> schema = Optional.ofNullable(SCHEMAS.get(resource.getApiVersion() + "/" + resource.getKind()))
                .orElseThrow(() -> new AssertionError("no CRD committed for " + resource.getApiVersion() + " "
                        + resource.getKind() + " under " + ROOT));
        Map<String, Object> object;
        try {
            object = JSON.readValue(SERIALIZATION.asJson(resource), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        String where = resource.getKind() + " " + resource.getMetadata().getName();
        String deprecation = DEPRECATED.get(resource.getApiVersion() + "/" + resource.getKind());
        if (deprecation != null) {
            // Served, but the operator marks it deprecated (the API server warns on every apply); the next
            // operator release may stop serving it.
            errors.add(where + ": " + resource.getApiVersion() + " is deprecated by its CRD: " + deprecation);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        for (Map.Entry<String, Object> field : object.entrySet()) {
            if (field.getKey().equals("metadata")) {
                continue; // ObjectMeta: validated by the API server's own schema, not the CRD's
            }
            if ((field.getKey().equals("apiVersion") || field.getKey().equals("kind"))
                    && (properties == null || !properties.containsKey(field.getKey()))) {
                continue; // always accepted by the API server; some generated CRDs (Keycloak's) leave them out
            }
            Object fieldSchema = properties == null ? null : properties.get(field.getKey());
            if (fieldSchema == null) {
                errors.add(where + ": unknown field ." + field.getKey());
            } else {
                check(field.getValue(), asMap(fieldSchema), where + ": ." + field.getKey(), errors);
            }
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static void check(Object value, Map<String, Object> schema, String path, List<String> errors) {
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                errors.add(path + ": null where the schema does not allow it");
            }
            return;
        }
        if (schema.containsKey("anyOf") || schema.containsKey("oneOf")) {
            List<Map<String, Object>> options = (List<Map<String, Object>>) schema.getOrDefault("anyOf", schema.get("oneOf"));
            boolean any = options.stream().anyMatch(option -> {
                List<String> attempt = new ArrayList<>();
                Map<String, Object> merged = new HashMap<>(schema);
                merged.remove("anyOf");
                merged.remove("oneOf");
                merged.putAll(option);
                check(value, merged, path, attempt);
                return attempt.isEmpty();
            });
            if (!any) {
                errors.add(path + ": matches none of " + options);
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
                errors.add(path + ": not an integer or a string: " + value);
            }
            return;
        }
        String type = (String) schema.get("type");
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
            errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> map)) {
                    errors.add(path + ": not an object: " + value);
                    return;
                }
                Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
                Object additional = schema.get("additionalProperties");
                boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
                for (Map.Entry<?, ?> field : map.entrySet()) {
                    String key = String.valueOf(field.getKey());
                    if (properties != null && properties.containsKey(key)) {
                        check(field.getValue(), asMap(properties.get(key)), path + "." + key, errors);
                    } else if (additional instanceof Map<?, ?> additionalSchema) {
                        check(field.getValue(), (Map<String, Object>) additionalSchema, path + "." + key, errors);
                    } else if (!preserve && !Boolean.TRUE.equals(additional)) {
                        errors.add(path + ": unknown field " + key);
                    }
                }
                for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                    if (!map.containsKey(required)) {
                        errors.add(path + ": missing required field " + required);
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    errors.add(path + ": not an array: " + value);
                    return;
                }
                Map<String, Object> items = asMap(schema.get("items"));
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), items, path + "[" + i + "]", errors);
                }
            }
            case "string" -> {
                if (!(value instanceof String)) {
                    errors.add(path + ": not a string: " + value);
                }
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)) {
                    errors.add(path + ": not an integer: " + value);
                }
            }
            case "number" -> {
                if (!(value instanceof Number)) {
                    errors.add(path + ": not a number: " + value);
                }
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) {
                    errors.add(path + ": not a boolean: " + value);
                }
            }
            default -> errors.add(path + ": unknown schema type " + type);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    /** apiVersion/kind -> the openAPIV3Schema of that version, from every CRD file under the crds folder. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load() {
        Map<String, Map<String, Object>> schemas = new HashMap<>();
        if (!Files.isDirectory(ROOT)) {
            return schemas;
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                for (Object document : YAML.readerFor(Object.class).readValues(file.toFile()).readAll()) {
                    Map<String, Object> crd = (Map<String, Object>) document;
                    if (crd == null || !"CustomResourceDefinition".equals(crd.get("kind"))) {
                        continue;
                    }
                    Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
                    String group = (String) spec.get("group");
                    String kind = (String) ((Map<String, Object>) spec.get("names")).get("kind");
                    for (Map<String, Object> version : (List<Map<String, Object>>) spec.get("versions")) {
                        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) version.get("schema"))
                                .get("openAPIV3Schema");
                        String key = group + "/" + version.get("name") + "/" + kind;
                        schemas.put(key, schema);
                        if (Boolean.TRUE.equals(version.get("deprecated"))) {
                            DEPRECATED.put(key, String.valueOf(version.getOrDefault("deprecationWarning", "deprecated")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }
}
