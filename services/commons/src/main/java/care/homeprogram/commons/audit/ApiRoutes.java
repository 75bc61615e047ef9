package care.homeprogram.commons.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own API paths, read once from its JAX-RS resources: tells a request for a real endpoint that never
 * reached it (its token was refused before routing) from noise aimed at paths that do not exist.
 */
@ApplicationScoped
public class ApiRoutes {
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*([^}]*))?}");

    private volatile List<Pattern> routes;
    private volatile List<String> templates;

    /** Whether the path is one of the service's endpoints (with any values in its parameters). */
    public boolean exists(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes().stream().anyMatch(route -> route.matcher(trimmed).matches());
    }

    /**
     * The path as the audit trail may keep it: a path to a route with a secret in it (a {@code {token}} parameter, a
     * calendar feed's link) becomes the route's template; any other path is kept as it is.
     */
    public String withoutSecrets(String path) {
        List<Pattern> known = routes();
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (int i = 0; i < known.size(); i++) {
            if (templates.get(i).contains("{token") && known.get(i).matcher(trimmed).matches()) {
                return templates.get(i).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
            }
        }
        return path;
    }

    private List<Pattern> routes() {
        List<Pattern> known = routes;
        if (known == null) {
            Set<String> templates = new LinkedHashSet<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    if (isResourceMethod(method)) {
                        Path methodPath = method.getAnnotation(Path.class);
                        templates.add("/" + classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()));
                    }
                }
            }
            known = new ArrayList<>();
            for (String template : templates) {
                known.add(pattern(template));
            }
            this.templates = List.copyOf(templates);
            routes = known;
        }
        return known;
    }

    private static boolean isResourceMethod(Method method) {
        return method.isAnnotationPresent(Path.class) || method.isAnnotationPresent(GET.class)
                || method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class)
                || method.isAnnotationPresent(HEAD.class) || method.isAnnotationPresent(OPTIONS.class);
    }

    /** {@code /api/plans/{id}/sessions} matches any one segment in place of {@code {id}}. */
    static Pattern pattern(String template) {
        String path = template.replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(path);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(path.substring(last, matcher.start())));
            regex.append(matcher.group(1) == null ? "[^/]+" : "(?:" + matcher.group(1).trim() + ")");
            last = matcher.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
