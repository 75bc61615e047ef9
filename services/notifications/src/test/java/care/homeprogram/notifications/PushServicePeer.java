package care.homeprogram.notifications;

import care.homeprogram.notifications.service.P256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service (RFC 8030) for tests, speaking the real protocol on a plain HTTP server, and the browsers that
 * subscribed to it. For every request it checks what a real push service checks, the VAPID authorization (RFC 8292:
 * an ES256 JWT whose signature verifies with the key in {@code k}, for its own origin, not expired, not valid for
 * more than 24 h, with a contact), and then does what the browser does: decrypts the {@code aes128gcm} body with the
 * subscription's private key and auth secret (RFC 8291, written here independently of the service's encryption).
 * A request that fails a check is answered 400/401/403 and recorded with the reason.
 */
final class PushServicePeer implements AutoCloseable {
    private static final Pattern VAPID = Pattern.compile("vapid t=([A-Za-z0-9_\\-.]+), k=([A-Za-z0-9_\\-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a browser holds for its subscription: its key pair and auth secret, and the endpoint it was given. */
    record Browser(String endpoint, KeyPair keys, byte[] auth) {
        String p256dh() {
            return P256.base64Url(P256.uncompressed((ECPublicKey) keys.getPublic()));
        }

        String subscriptionJson() {
            return "{\"endpoint\":\"" + endpoint + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\"" + p256dh()
                    + "\",\"auth\":\"" + P256.base64Url(auth) + "\"}}";
        }
    }

    /** One request the push service received, with what the browser read from it (or why it was refused). */
    record Received(String endpoint, Map<String, List<String>> headers, JsonNode payload, String refusal,
            int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Supplier<Instant> now;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private final Map<String, Queue<Integer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** @param now the application's clock, against which the token's expiry is checked */
    PushServicePeer(Supplier<Instant> now) throws IOException {
        this.now = now;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A browser subscribing: a fresh P-256 key pair and 16-byte auth secret, and an endpoint of its own. */
    Browser subscribe() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(P256.PARAMETERS);
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        Browser browser = new Browser(origin() + "/push/" + UUID.randomUUID(), generator.generateKeyPair(), auth);
        browsers.put(browser.endpoint(), browser);
        return browser;
    }

    /** The next requests to this endpoint are answered with these statuses (afterwards 201 again). */
    void answerNext(Browser browser, Integer... statuses) {
        answers.computeIfAbsent(browser.endpoint(), e -> new ArrayDeque<>()).addAll(Arrays.asList(statuses));
    }

    List<Received> receivedBy(Browser browser) {
        return received.stream().filter(r -> r.endpoint().equals(browser.endpoint())).toList();
    }

    List<Received> all() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String endpoint = origin() + exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        int status;
        JsonNode payload = null;
        String refusal = null;
        Browser browser = browsers.get(endpoint);
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                throw new Refused(405, "not a POST");
            }
            if (browser == null) {
                throw new Refused(404, "no such subscription");
            }
            checkVapid(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                throw new Refused(400, "Content-Encoding is not aes128gcm");
            }
            String ttl = exchange.getRequestHeaders().getFirst("TTL");
            if (ttl == null || !ttl.matches("\\d+")) {
                throw new Refused(400, "no TTL");
            }
            payload = JSON.readTree(decrypt(body, browser));
            Queue<Integer> queued = answers.get(endpoint);
            Integer next = queued == null ? null : queued.poll();
            status = next == null ? 201 : next;
        } catch (Refused e) {
            status = e.status;
            refusal = e.getMessage();
        } catch (GeneralSecurityException | RuntimeException e) {
            status = 400;
            refusal = "cannot decrypt: " + e;
        }
        received.add(new Received(endpoint, headers, payload, refusal, status));
        if (status == 201) {
            exchange.getResponseHeaders().add("Location", endpoint + "/messages/" + UUID.randomUUID());
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void checkVapid(String authorization) throws GeneralSecurityException {
        Matcher vapid = VAPID.matcher(authorization == null ? "" : authorization);
        if (!vapid.matches()) {
            throw new Refused(401, "no vapid authorization: " + authorization);
        }
        String[] jwt = vapid.group(1).split("\\.");
        if (jwt.length != 3) {
            throw new Refused(401, "not a JWT");
        }
        ECPublicKey key = P256.publicKey(Base64.getUrlDecoder().decode(vapid.group(2)));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(key);
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!es256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
            throw new Refused(403, "the JWT's signature does not verify with k");
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
            if (!"ES256".equals(header.path("alg").asText())) {
                throw new Refused(403, "alg is not ES256");
            }
            if (!origin().equals(claims.path("aud").asText())) {
                throw new Refused(403, "aud is not this push service's origin: " + claims.path("aud"));
            }
            long exp = claims.path("exp").asLong();
            long nowSeconds = now.get().getEpochSecond();
            if (exp <= nowSeconds || exp > nowSeconds + 24 * 3600) {
                throw new Refused(403, "exp is not within the next 24 h");
            }
            String sub = claims.path("sub").asText();
            if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
                throw new Refused(403, "sub is no contact");
            }
        } catch (IOException e) {
            throw new Refused(401, "unreadable JWT");
        }
    }

    /** RFC 8291 section 3.4 and RFC 8188, as the browser does it. */
    private static byte[] decrypt(byte[] body, Browser browser) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] serverKey = new byte[in.get() & 0xff];
        in.get(serverKey);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        if (record.length > recordSize) {
            throw new Refused(400, "more than one record");
        }
        byte[] browserKey = P256.uncompressed((ECPublicKey) browser.keys().getPublic());
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(browser.keys().getPrivate());
        ecdh.doPhase(P256.publicKey(serverKey), true);
        byte[] prkKey = hmac(browser.auth(), ecdh.generateSecret());
        byte[] ikm = hmac(prkKey, join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey, serverKey,
                new byte[] { 1 }));
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new Refused(400, "the last record does not end with the delimiter 0x02");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }
}
