package care.homeprogram.bench;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs a demo user in to the portal once, through the real Keycloak login page (authorization code flow with PKCE),
 * and hands back the portal's session cookies as a Cookie header for the load generator to reuse.
 */
final class PortalLogin {
    private static final Pattern ACTION = Pattern.compile(
            "<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*\\baction=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private PortalLogin() {
    }

    static String sessionCookies(String portal, String username) {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> login = follow(client, get(client, URI.create(portal + "/")));
            Matcher action = ACTION.matcher(login.body());
            if (!action.find()) {
                throw new IllegalStateException("no Keycloak login form at " + login.uri());
            }
            HttpResponse<String> afterLogin = client.send(HttpRequest.newBuilder(
                    login.uri().resolve(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                            StandardCharsets.UTF_8) + "&password=demo&credentialId="))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> landed = follow(client, afterLogin);
            if (landed.statusCode() != 200 || !landed.uri().toString().startsWith(portal)) {
                throw new IllegalStateException(username + " could not sign in: " + landed.statusCode() + " at "
                        + landed.uri());
            }
            List<HttpCookie> portalCookies = cookies.getCookieStore().get(URI.create(portal));
            return portalCookies.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        } catch (IOException e) {
            throw new IllegalStateException("the portal did not answer at " + portal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> follow(HttpClient client, HttpResponse<String> response)
            throws IOException, InterruptedException {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            response = get(client, response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
        }
        return response;
    }

    /** Keycloak's login cookies are Secure; browsers send them to http://localhost, so do the same. */
    private static final class LocalhostIsSecure extends CookieHandler {
        private final CookieHandler cookies;

        LocalhostIsSecure(CookieHandler cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            try {
                boolean localhost = "http".equals(uri.getScheme()) && "localhost".equals(uri.getHost());
                return cookies.get(localhost ? new URI("https", uri.getRawAuthority(), uri.getRawPath(), null, null)
                        : uri, headers);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }
    }
}
