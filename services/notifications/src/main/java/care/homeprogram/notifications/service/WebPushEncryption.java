package care.homeprogram.notifications.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push, RFC 8291 with the {@code aes128gcm} content coding of RFC 8188, on JDK crypto:
 * a fresh P-256 key pair per message, ECDH with the browser's key, HKDF-SHA-256 mixing in the browser's auth
 * secret, AES-128-GCM in one record. Only the browser that holds the subscription's private key can read it; the
 * push service sees ciphertext.
 */
public final class WebPushEncryption {
    /** The record size announced in the header; one record holds any payload of ours (a few hundred bytes). */
    static final int RECORD_SIZE = 4096;
    /** The most plaintext one record carries: the record size less the GCM tag and the padding delimiter. */
    public static final int MAX_PLAINTEXT = RECORD_SIZE - 16 - 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushEncryption() {
    }

    /**
     * @param plaintext the payload (UTF-8 JSON of ours)
     * @param browserKey the subscription's {@code p256dh}, 65 bytes uncompressed
     * @param authSecret the subscription's {@code auth}, 16 bytes
     * @return the request body: the aes128gcm header (salt, record size, our public key) and the one record
     */
    public static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(P256.PARAMETERS, RANDOM);
            return encrypt(plaintext, browserKey, authSecret, generator.generateKeyPair(), salt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is part of every JDK", e);
        }
    }

    static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret, KeyPair ours, byte[] salt)
            throws GeneralSecurityException {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push payload is at most " + MAX_PLAINTEXT + " bytes");
        }
        ECPublicKey browser = P256.publicKey(browserKey);
        byte[] ourKey = P256.uncompressed((ECPublicKey) ours.getPublic());

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(ours.getPrivate());
        agreement.doPhase(browser, true);
        byte[] ecdhSecret = agreement.generateSecret();

        // RFC 8291 section 3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0 || ua_public || as_public, 32)
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserKey, ourKey);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        // RFC 8188 section 2.2 and 2.3: the content-encryption key and the nonce from the salt
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        // the last (and only) record ends with the delimiter 0x02 and no further padding
        byte[] record = cipher.doFinal(concat(plaintext, new byte[] { 0x02 }));

        return ByteBuffer.allocate(16 + 4 + 1 + ourKey.length + record.length)
                .put(salt).putInt(RECORD_SIZE).put((byte) ourKey.length).put(ourKey).put(record).array();
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of at most one hash length, all Web Push needs. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        byte[] okm = mac.doFinal(concat(info, new byte[] { 0x01 }));
        return java.util.Arrays.copyOf(okm, length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
