package care.homeprogram.plans.fhir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The ids a FHIR export gives its resources: name-based UUIDs (RFC 9562 version 5, SHA-1) in HomeProgram's own
 * namespace, so the same patient, therapist, plan or session always gets the same id in every export (an EHR can
 * match what it imported before), while the ids people sign in with (Keycloak {@code sub}, which is also their
 * record id in every service) never appear in an export. The namespace is fixed forever: changing it would give
 * every exported resource a new identity.
 */
public final class FhirIds {
    /** HomeProgram's namespace for FHIR export ids; a random UUID chosen once, never to be changed. */
    public static final UUID NAMESPACE = UUID.fromString("5b0e7f3c-2d8a-4c1e-9f6b-7a4d1c3e8b20");

    private FhirIds() {
    }

    /** The export id of an internal one, e.g. {@code of("Patient", patientId)}. */
    public static UUID of(String kind, Object internalId) {
        return nameBased(NAMESPACE, kind + "/" + internalId);
    }

    /** {@code urn:uuid:} form, as a collection Bundle's fullUrl and the references to it. */
    public static String urn(UUID id) {
        return "urn:uuid:" + id;
    }

    /** RFC 9562 §5.5: SHA-1 of namespace and name, with the version (5) and variant bits set. */
    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
