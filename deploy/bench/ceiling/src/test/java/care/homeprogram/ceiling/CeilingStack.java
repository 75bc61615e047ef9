package care.homeprogram.ceiling;

import care.homeprogram.local.StackCoordinates;
import care.homeprogram.testing.LocalRsaTokens;
import care.homeprogram.testing.SharedStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** A database of its own on the shared stack, a key pair for this run and a document to serve. */
public class CeilingStack implements QuarkusTestResourceLifecycleManager {
    static final String OWNER = "c0000000-0000-4000-8000-000000000001";
    static final String DOCUMENT = "{\"items\": [{\"name\": \"Cat-camel\"}], \"total\": 1}";
    /**
     * Quarkus loads this resource and the test in different class loaders, so a static key pair would be two: the
     * one pair of the JVM is kept, encoded, in two system properties.
     */
    private static final String PRIVATE_KEY = "homeprogram.ceiling-test.private-key";
    private static final String PUBLIC_KEY = "homeprogram.ceiling-test.public-key";
    static final LocalRsaTokens TOKENS = tokens();

    private static LocalRsaTokens tokens() {
        synchronized (CeilingStack.class.getName().intern()) {
            String privateKey = System.getProperty(PRIVATE_KEY);
            String publicKey = System.getProperty(PUBLIC_KEY);
            try {
                if (privateKey != null && publicKey != null) {
                    java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
                    return new LocalRsaTokens(new java.security.KeyPair(
                            rsa.generatePublic(new java.security.spec.X509EncodedKeySpec(
                                    java.util.Base64.getDecoder().decode(publicKey))),
                            rsa.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                                    java.util.Base64.getDecoder().decode(privateKey)))));
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            LocalRsaTokens made = new LocalRsaTokens();
            System.setProperty(PUBLIC_KEY, java.util.Base64.getEncoder().encodeToString(
                    made.keys().getPublic().getEncoded()));
            System.setProperty(PRIVATE_KEY, java.util.Base64.getEncoder().encodeToString(
                    made.keys().getPrivate().getEncoded()));
            return made;
        }
    }

    @Override
    public Map<String, String> start() {
        StackCoordinates stack = SharedStack.coordinates();
        String database = "test_ceiling_" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = Path.of("target", database).toAbsolutePath();
        try {
            Files.createDirectories(folder);
            Path document = Files.writeString(folder.resolve("document.json"), DOCUMENT);
            return Map.of("quarkus.datasource.jdbc.url", stack.createDatabase(database),
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres",
                    "ceiling.owner", OWNER, "ceiling.document-file", document.toString(),
                    "ceiling.public-key-file", TOKENS.writePublicKey(folder.resolve("public-key.pem")).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the stack belongs to the whole run
    }
}
