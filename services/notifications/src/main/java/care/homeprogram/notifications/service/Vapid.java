package care.homeprogram.notifications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This server's identity towards push services, RFC 8292 (VAPID): the application server's P-256 key pair from
 * configuration ({@code homeprogram.push.vapid.public-key} and {@code private-key}, base64url: the 65-byte
 * uncompressed point and the 32-byte scalar; in Kubernetes the Secret {@code notification-service-vapid}) and a
 * contact ({@code subject}, a mailto: or https: URL). Browsers bind each subscription to the public key, so it must
 * stay the same for the life of the subscriptions. Without keys the push channel is off: nothing is queued for it
 * and the subscription endpoints answer 503.
 */
@ApplicationScoped
public class Vapid {
    private static final Logger LOG = Logger.getLogger(Vapid.class);
    /** RFC 8292 allows at most 24 h; 12 h leaves room for clock skew at the push service. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final Optional<ECPublicKey> publicKey;
    private final Optional<ECPrivateKey> privateKey;
    private final String subject;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public Vapid(@ConfigProperty(name = "homeprogram.push.vapid.public-key") Optional<String> publicKey,
            @ConfigProperty(name = "homeprogram.push.vapid.private-key") Optional<String> privateKey,
            @ConfigProperty(name = "homeprogram.push.vapid.subject",
                    defaultValue = "mailto:no-reply@homeprogram.test") String subject,
            Clock clock) {
        this.clock = clock;
        this.subject = subject;
        boolean hasPublic = publicKey.filter(k -> !k.isBlank()).isPresent();
        boolean hasPrivate = privateKey.filter(k -> !k.isBlank()).isPresent();
        if (hasPublic != hasPrivate) {
            throw new IllegalStateException("homeprogram.push.vapid.public-key and private-key go together");
        }
        if (!hasPublic) {
            this.publicKey = Optional.empty();
            this.privateKey = Optional.empty();
            LOG.warn("no VAPID keys (homeprogram.push.vapid.*): push notifications are off");
            return;
        }
        try {
            this.publicKey = Optional.of(P256.publicKey(P256.base64Url(publicKey.get())));
            this.privateKey = Optional.of(P256.privateKey(P256.base64Url(privateKey.get())));
        } catch (IllegalArgumentException e) {
            // never the key itself in the message
            throw new IllegalStateException("homeprogram.push.vapid keys are not a base64url P-256 key pair: "
                    + e.getMessage());
        }
        if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
            throw new IllegalStateException("homeprogram.push.vapid.subject must be a mailto: or https: URL");
        }
        byte[] probe = "vapid key pair check".getBytes(StandardCharsets.US_ASCII);
        if (!verifies(probe, sign(probe))) {
            throw new IllegalStateException("homeprogram.push.vapid.private-key does not belong to the public key");
        }
    }

    public boolean enabled() {
        return publicKey.isPresent();
    }

    /** The application server key browsers subscribe with ({@code PushManager.subscribe}'s applicationServerKey). */
    public Optional<String> publicKey() {
        return publicKey.map(k -> P256.base64Url(P256.uncompressed(k)));
    }

    /** The Authorization header for a request to this push endpoint: {@code vapid t=<JWT>, k=<public key>}. */
    public String authorization(URI endpoint) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "ES256");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", origin(endpoint));
        claims.put("exp", clock.instant().plus(TOKEN_LIFETIME).getEpochSecond());
        claims.put("sub", subject);
        try {
            String signingInput = P256.base64Url(json.writeValueAsBytes(header)) + "."
                    + P256.base64Url(json.writeValueAsBytes(claims));
            String token = signingInput + "."
                    + P256.base64Url(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
            return "vapid t=" + token + ", k=" + publicKey().orElseThrow();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audience of a token: the push resource's origin (scheme, host and a port other than the default). */
    static String origin(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
    }

    /** ES256 as JWS wants it: the raw 64-byte r || s, not DER. */
    private byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(privateKey.orElseThrow());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean verifies(byte[] data, byte[] signed) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(publicKey.orElseThrow());
            signature.update(data);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
