package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.local.PortalClient;
import care.homeprogram.testing.SharedStack;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
 * A browser, as far as the portal's tests need one: cookies for every host, redirects followed one by one, the real
 * Keycloak login form filled in, and forms posted with their CSRF token.
 */
public final class Browser {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private static final java.util.Set<String> ALLOWED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new LocalhostIsSecure(cookies))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the given request headers (e.g. the browser's {@code Accept-Language}). */
    public HttpResponse<String> get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET with the given request headers (e.g. {@code Range}), as a media element sends it. */
    public HttpResponse<byte[]> getBytes(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form as the browser would, without following the answer's redirect. */
    public HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form whose fields repeat (a list of rows), in the order given, without following a redirect. */
    public HttpResponse<String> post(URI uri, List<Map.Entry<String, String>> form)
            throws IOException, InterruptedException {
        String body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart form with one file, as a browser's file upload does, without following a redirect. */
    public HttpResponse<String> postFile(URI uri, Map<String, String> fields, String fileField, String fileName,
            byte[] content) throws IOException, InterruptedException {
        return postFile(uri, fields, fileField, fileName, "text/csv", content);
    }

    /** As {@link #postFile(URI, Map, String, String, byte[])}, with the file's type as the browser declares it. */
    public HttpResponse<String> postFile(URI uri, Map<String, String> fields, String fileField, String fileName,
            String contentType, byte[] content) throws IOException, InterruptedException {
        String boundary = "----portal-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token a page's forms carry. */
    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in %s", html).isTrue();
        return m.group(1);
    }

    public HttpResponse<String> signIn(URI page, String username) throws IOException, InterruptedException {
        return signIn(page, username, "demo");
    }

    /** Signs in a person made for the test, with their own password. */
    public HttpResponse<String> signIn(URI page, String username, String password)
            throws IOException, InterruptedException {
        allowPortal(page);
        HttpResponse<String> login = follow(get(page));
        assertThat(login.statusCode()).as("Keycloak login page").isEqualTo(200);
        URI action = loginAction(login);

        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> afterLogin = client.send(HttpRequest.newBuilder(action)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(afterLogin.statusCode()).as("Keycloak accepts the login: %s", afterLogin.body())
                .isIn(302, 303);
        return follow(afterLogin);
    }

    /**
     * Keycloak returns a signed-in person only to the portal's registered callback; a test portal listens on a free
     * port, so it is registered once (beside the other portals sharing the test stack's Keycloak).
     */
    static void allowPortal(URI page) {
        String origin = page.getScheme() + "://" + page.getRawAuthority();
        if (ALLOWED.add(origin)) {
            PortalClient.allow(SharedStack.coordinates().keycloakUrl(), origin);
        }
    }

    public HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; isRedirect(response.statusCode()); hops++) {
            assertThat(hops).as("too many redirects").isLessThan(10);
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = get(next);
        }
        return response;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI loginAction(HttpResponse<String> login) {
        Matcher form = LOGIN_FORM.matcher(login.body());
        assertThat(form.find()).as("login form in %s", login.body()).isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).as("action of %s", form.group()).isTrue();
        return login.uri().resolve(action.group(1).replace("&amp;", "&"));
    }

    /**
     * Keycloak marks its login cookies Secure (SameSite=None) even on plain http. Browsers treat http://localhost
     * as a secure context and send them; java.net.CookieManager sends Secure cookies over https only, so ask it
     * for a localhost request's cookies as if the request were https.
     */
    static final class LocalhostIsSecure extends CookieHandler {
        private final CookieHandler cookies;

        LocalhostIsSecure(CookieHandler cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            boolean localhost = "http".equalsIgnoreCase(uri.getScheme()) && "localhost".equalsIgnoreCase(uri.getHost());
            try {
                URI asSeen = localhost ? new URI("https", uri.getRawAuthority(), uri.getRawPath(), null, null) : uri;
                return cookies.get(asSeen, requestHeaders);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }
    }
}
