package care.homeprogram.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RS256 tokens signed with a key pair made for one run and never stored: the benchmark ceiling
 * (deploy/bench/ceiling) verifies them with the public key alone, as a service verifies Keycloak's, but without
 * Keycloak in the way. Issuer {@value #ISSUER}; roles in {@code groups}.
 */
public final class LocalRsaTokens {
    public static final String ISSUER = "homeprogram-bench";

    private final KeyPair keys;

    public LocalRsaTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs with a key pair made before (e.g. handed from a test resource to its test across class loaders). */
    public LocalRsaTokens(KeyPair keys) {
        this.keys = keys;
    }

    public KeyPair keys() {
        return keys;
    }

    /** The public key as PEM, in a file the ceiling reads ({@code ceiling.public-key-file}). */
    public Path writePublicKey(Path file) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token for {@code subject} with these roles, valid for an hour. */
    public String sign(String subject, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"groups\":["
                + roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")) + "]}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
