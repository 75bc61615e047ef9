package care.homeprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The operations of the service under test as its OpenAPI document lists them, so a test that walks them fails as
 * soon as an endpoint is added without what the test demands (an audit record, an ownership check…).
 */
public final class OpenApiOperations {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiOperations() {
    }

    /**
     * One operation: {@code GET /api/plans/{id}}, with the roles of its security requirement (from
     * {@code @RolesAllowed}; empty when the document names none) and whether it takes a request body.
     */
    public record Operation(String method, String template, Set<String> roles, boolean hasBody) {
        /** The path with each {@code {name}} replaced by {@code value.apply(name)}. */
        public String path(Function<String, String> value) {
            StringBuilder path = new StringBuilder();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            while (m.find()) {
                m.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value.apply(m.group(1))));
            }
            m.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * The service's OpenAPI document, read over HTTP from the running test application. The one place tests read it:
     * where the document is served from (the public port or the management interface) is decided here only.
     */
    public static JsonNode document() {
        String body = ManagementInterface.given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    /** Every operation of the document, in its order. */
    public static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                // @RolesAllowed becomes the operation's security requirement, its roles the scopes.
                Set<String> roles = new LinkedHashSet<>();
                op.getValue().path("security").forEach(requirement -> requirement.forEach(
                        scopes -> scopes.forEach(role -> roles.add(role.asText()))));
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), roles,
                        op.getValue().has("requestBody")));
            }
        }
        return operations;
    }

    /** The operations whose path names an object ({@code /api/plans/{id}}): the ones a foreign id can be tried on. */
    public static List<Operation> withPathIds() {
        return all().stream().filter(operation -> operation.template().contains("{")).toList();
    }
}
