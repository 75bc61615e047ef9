package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The other side of PortalEdgeTest#forwardedHeadersFromAnUntrustedPeerAreIgnored: from a trusted proxy (here the
 * test itself, as HOMEPROGRAM_TRUSTED_PROXIES makes the ingress controller in Kubernetes) the forwarded host and
 * scheme are used, so that test proves the trust list, not a header the portal never reads.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.LocalProxyIsTrusted.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class TrustedProxyTest {
    @TestHTTPResource("/")
    URL portal;

    public static class LocalProxyIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeprogram.trusted-proxies", "127.0.0.0/8,::1");
        }
    }

    @Test
    void forwardedHeadersFromATrustedProxyAreUsed() throws Exception {
        String location = PortalEdgeTest.signInRedirect(URI.create(portal.toString()).resolve("/patients"));

        assertThat(location).contains("redirect_uri="
                + URLEncoder.encode("https://evil.example.org", StandardCharsets.UTF_8))
                .contains(URLEncoder.encode("/signed-in", StandardCharsets.UTF_8));
    }
}
