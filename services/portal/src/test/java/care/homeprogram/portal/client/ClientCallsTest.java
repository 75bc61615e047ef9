package care.homeprogram.portal.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Only GETs are retried ({@link ServiceCalls}): in each client wrapper, every {@code calls.read}/{@code calls.export}
 * calls an API method annotated {@code @GET}, every {@code calls.write} one that is not, and every API method goes
 * through {@code calls} (a plain unit test over the sources: no application, no infrastructure).
 */
class ClientCallsTest {
    private static final Pattern CALL = Pattern.compile("calls\\.(read|export|write)\\(\\(\\) -> api\\.(\\w+)\\(");

    @ParameterizedTest
    @CsvSource({"PlansClient, PlansApi", "PatientsClient, PatientsApi", "NotificationsClient, NotificationsApi",
            "RtmClient, RtmApi"})
    void onlyGetsAreRetriedAndEveryCallIsGuarded(String wrapper, String api) throws Exception {
        Class<?> apiType = Class.forName("care.homeprogram.portal.client." + api);
        String source = Files.readString(Path.of("src/main/java/care/homeprogram/portal/client/" + wrapper + ".java"));

        Set<String> guarded = new HashSet<>();
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            boolean retried = !call.group(1).equals("write");
            Method method = method(apiType, call.group(2));
            assertThat(method.isAnnotationPresent(GET.class))
                    .as("%s.%s is %s, so it must be a %s", api, method.getName(),
                            retried ? "retried" : "sent once", retried ? "GET" : "write (not a GET)")
                    .isEqualTo(retried);
            guarded.add(method.getName());
        }

        assertThat(guarded).as("every %s method is called through ServiceCalls", api)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(apiType.getDeclaredMethods())
                        .filter(m -> !m.isSynthetic() && !m.isDefault()).map(Method::getName).distinct().toList());
        assertThat(source).as("no call around ServiceCalls").doesNotContainPattern("return api\\.");
    }

    private static Method method(Class<?> api, String name) throws IOException {
        List<Method> named = Arrays.stream(api.getDeclaredMethods()).filter(m -> m.getName().equals(name)).toList();
        assertThat(named).as("%s.%s", api.getSimpleName(), name).hasSize(1);
        return named.get(0);
    }
}
