package care.homeprogram.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Properties;

/**
 * notification-service's VAPID key pair for Web Push (docs/notifications.md, "Push"), in the form it is configured
 * with: base64url of the 65-byte uncompressed P-256 public point and of the 32-byte private scalar. Browsers bind
 * their subscriptions to the public key, so the local run keeps one pair per data folder ({@link #ofFolder}); a test
 * gets a fresh one ({@link #generate}). In Kubernetes the pair comes from a Secret (docs/deploy.md).
 */
public record VapidKeyPair(String publicKey, String privateKey) {
    static final String FILE = "vapid.properties";

    public static VapidKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            byte[] point = new byte[65];
            point[0] = 0x04;
            unsigned32(publicKey.getW().getAffineX(), point, 1);
            unsigned32(publicKey.getW().getAffineY(), point, 33);
            byte[] scalar = new byte[32];
            unsigned32(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
            return new VapidKeyPair(base64Url.encodeToString(point), base64Url.encodeToString(scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }

    /** The pair kept in the data folder, made the first time (readable by its owner only). */
    public static VapidKeyPair ofFolder(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
                return new VapidKeyPair(stored.getProperty("public-key"), stored.getProperty("private-key"));
            }
            VapidKeyPair pair = generate();
            Files.createDirectories(folder);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data folder's own protection applies
            }
            Properties stored = new Properties();
            stored.setProperty("public-key", pair.publicKey());
            stored.setProperty("private-key", pair.privateKey());
            try (Writer writer = Files.newBufferedWriter(file)) {
                stored.store(writer, "notification-service's VAPID key pair for Web Push; keep it with the data");
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Into notification-service's configuration. */
    public void configure(java.util.Map<String, String> config) {
        config.put("homeprogram.push.vapid.public-key", publicKey);
        config.put("homeprogram.push.vapid.private-key", privateKey);
    }

    private static void unsigned32(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }
}
