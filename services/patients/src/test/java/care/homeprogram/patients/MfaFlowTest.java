package care.homeprogram.patients;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.SharedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (MFA), tried in the real Keycloak: the realm file's MFA flow, bound as the browser flow as the production
 * realm import binds it. An admin and a therapist who sign in with the right password and have no second factor are
 * sent to set up an authenticator app (no code, no session); a therapist who has a security key (WebAuthn) is asked
 * for it instead of a one-time code and, with a valid assertion of that key, signed in; a therapist with an
 * authenticator app can register a security key, drop the app and sign in with the key alone; a patient without a
 * second factor is let in. The realm is a copy of deploy/keycloak/homeprogram-realm.json under another name, with people of
 * its own, removed afterwards.
 *
 * <p>The security key is a software authenticator in this test: an ES256 key pair whose public half is the WebAuthn
 * credential of the therapist's account (as Keycloak stores one after a registration), and whose private half signs
 * the assertion the way a key does (authenticator data + hash of the client data, over Keycloak's challenge, origin
 * and RP id). Keycloak verifies it with its own WebAuthn code (webauthn4j).
 */
class MfaFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = TestPeople.PASSWORD;
    /** The portal's one registered callback (the realm pins it; any other is refused before the login form). */
    private static final String REDIRECT = "http://localhost:8080/signed-in";
    private static final String REALM = "mfa-" + UUID.randomUUID().toString().substring(0, 8);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The therapist's security key, and its credential id as the authenticator knows it. */
    private static KeyPair securityKey;
    private static final byte[] CREDENTIAL_ID = new byte[32];
    /** The authenticator app's shared secret of the therapist who changes to a security key (Keycloak's format). */
    private static final String TOTP_SECRET = UUID.randomUUID().toString().replace("-", "").substring(0, 20);

    @BeforeAll
    static void importTheRealmWithTheProductionBrowserFlow() throws Exception {
        ObjectNode realm;
        try (InputStream in = MfaFlowTest.class.getResourceAsStream("/homeprogram/keycloak/homeprogram-realm.json")) {
            realm = (ObjectNode) JSON.readTree(in);
        }
        realm.put("realm", REALM);
        realm.put("browserFlow", "browser with staff MFA"); // what the production realm import sets
        // ids are global in Keycloak: the copy lets it make its own (the role permission names ids, so it goes too)
        for (var role : realm.path("roles").path("realm")) {
            ((ObjectNode) role).remove("id");
        }
        for (Iterator<JsonNode> it = realm.withArray("clients").iterator(); it.hasNext();) {
            if ("admin-permissions".equals(it.next().path("clientId").asText())) {
                it.remove();
            }
        }
        realm.put("adminPermissionsEnabled", false);
        ArrayNode users = realm.putArray("users");
        for (String role : new String[] { "admin", "therapist", "patient" }) {
            person(users, "mfa-" + role, role);
        }
        securityKey = ecKeyPair();
        RANDOM.nextBytes(CREDENTIAL_ID);
        ObjectNode withKey = person(users, "mfa-therapist-key", "therapist");
        ((ArrayNode) withKey.get("credentials")).addObject().put("type", "webauthn").put("userLabel", "test key")
                .put("credentialData", JSON.writeValueAsString(webAuthnCredentialData((ECPublicKey) securityKey.getPublic())))
                .put("secretData", "{}");
        ObjectNode switching = person(users, "mfa-therapist-switch", "therapist");
        ((ArrayNode) switching.get("credentials")).addObject().put("type", "otp").put("userLabel", "phone")
                .put("secretData", JSON.writeValueAsString(Map.of("value", TOTP_SECRET)))
                .put("credentialData", JSON.writeValueAsString(Map.of("subType", "totp", "digits", 6, "counter", 0,
                        "period", 30, "algorithm", "HmacSHA1")));
        // what Account security → Signing in → Security key → Set up (or an admin's "Reset actions") gives the account
        switching.putArray("requiredActions").add("webauthn-register");
        HttpResponse<String> created = MasterAdmin.send(HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms"))
                .header("Authorization", "Bearer " + MasterAdmin.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(realm))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void removeTheRealm() {
        MasterAdmin.send(HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + MasterAdmin.token()).DELETE());
    }

    @Test
    void anAdminMustSetUpASecondFactorBeforeAnySession() throws Exception {
        assertThat(redirectAfterPassword("mfa-admin")).contains("required-action").contains("CONFIGURE_TOTP")
                .doesNotContain("code=");
    }

    @Test
    void aTherapistMustSetUpASecondFactorBeforeAnySession() throws Exception {
        assertThat(redirectAfterPassword("mfa-therapist")).contains("required-action").contains("CONFIGURE_TOTP")
                .doesNotContain("code=");
    }

    @Test
    void aPatientWithoutASecondFactorIsSignedIn() throws Exception {
        assertThat(redirectAfterPassword("mfa-patient")).startsWith(REDIRECT).contains("code=");
    }

    @Test
    void aTherapistWithASecurityKeyIsAskedForItInsteadOfAOneTimeCodeAndSignedInWithIt() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> challenge = browser.password("mfa-therapist-key");
        assertThat(challenge.statusCode()).as("the security key's page, not a redirect to set up TOTP: %s",
                challenge.headers().firstValue("Location")).isEqualTo(200);
        String page = challenge.body();
        assertThat(page).contains("id=\"webauth\"").doesNotContain("name=\"otp\"");
        assertThat(find(page, "name=\"authn_use_chk\" value=\"([^\"]+)\"")).as("the key Keycloak asks for")
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(CREDENTIAL_ID));

        HttpResponse<String> answer = browser.presentSecurityKey(page, securityKey, CREDENTIAL_ID);

        assertThat(answer.statusCode()).as("redirect after the security key: %s", answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT).contains("code=")
                .doesNotContain("required-action");
    }

    @Test
    void aTherapistWithASecurityKeyGetsNoSessionWithAnotherKey() throws Exception {
        Browser browser = new Browser();
        String page = browser.password("mfa-therapist-key").body();

        HttpResponse<String> answer = browser.presentSecurityKey(page, ecKeyPair(), CREDENTIAL_ID);

        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("code=");
        assertThat(answer.statusCode()).isNotEqualTo(302);
    }

    /**
     * Choosing a security key instead of the authenticator app: a therapist who signs in with their one-time code
     * registers a key (Keycloak's webauthn-register, the real registration ceremony with attestation "none"), removes
     * the authenticator app (as in the account console), and from then on signs in with the key alone.
     */
    @Test
    void aTherapistCanChangeFromTheAuthenticatorAppToASecurityKeyAndSignInWithItAlone() throws Exception {
        Browser browser = new Browser();
        String otpPage = browser.password("mfa-therapist-switch").body();
        assertThat(otpPage).contains("name=\"otp\"");
        HttpResponse<String> afterCode = browser.post(find(otpPage, "action=\"([^\"]+)\""),
                Map.of("otp", totp(TOTP_SECRET), "login", "Sign In"));
        assertThat(afterCode.statusCode()).as(afterCode.body()).isEqualTo(302);
        HttpResponse<String> registerPage = browser.get(afterCode.headers().firstValue("Location").orElseThrow());
        assertThat(registerPage.body()).contains("id=\"register\"");
        KeyPair newKey = ecKeyPair();
        byte[] newKeyId = new byte[32];
        RANDOM.nextBytes(newKeyId);
        HttpResponse<String> registered = browser.registerSecurityKey(registerPage.body(), newKey, newKeyId);
        assertThat(registered.statusCode()).as("redirect after registering the key: %s", registered.body())
                .isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT).contains("code=");

        removeTheAuthenticatorApp("mfa-therapist-switch");

        Browser later = new Browser();
        HttpResponse<String> keyPage = later.password("mfa-therapist-switch");
        assertThat(keyPage.statusCode()).isEqualTo(200);
        assertThat(keyPage.body()).contains("id=\"webauth\"").doesNotContain("name=\"otp\"");
        HttpResponse<String> signedIn = later.presentSecurityKey(keyPage.body(), newKey, newKeyId);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT).contains("code=");
    }

    private static void removeTheAuthenticatorApp(String username) throws Exception {
        String users = keycloak() + "/admin/realms/" + REALM + "/users";
        String id = JSON.readTree(MasterAdmin.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + username))
                .header("Authorization", "Bearer " + MasterAdmin.token())).body()).get(0).path("id").asText();
        JsonNode credentials = JSON.readTree(MasterAdmin.send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/credentials"))
                .header("Authorization", "Bearer " + MasterAdmin.token())).body());
        int removed = 0;
        for (JsonNode credential : credentials) {
            if ("otp".equals(credential.path("type").asText())) {
                HttpResponse<String> deleted = MasterAdmin.send(HttpRequest.newBuilder(URI.create(users + "/" + id
                        + "/credentials/" + credential.path("id").asText()))
                        .header("Authorization", "Bearer " + MasterAdmin.token()).DELETE());
                assertThat(deleted.statusCode()).isEqualTo(204);
                removed++;
            }
        }
        assertThat(removed).as("authenticator apps removed").isEqualTo(1);
        assertThat(credentials).extracting(c -> c.path("type").asText()).contains("webauthn");
    }

    /** RFC 6238 with Keycloak's defaults (HmacSHA1, 6 digits, 30 s); the key is the secret's bytes. */
    private static String totp(String secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 1000 / 30).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    /** What the flows rely on: both ways to set up a second factor are enabled in the realm Keycloak imported. */
    @Test
    void theRealmOffersBothWaysToSetUpASecondFactorWithItsWebAuthnPolicy() throws Exception {
        JsonNode actions = JSON.readTree(MasterAdmin.send(HttpRequest.newBuilder(URI.create(
                keycloak() + "/admin/realms/" + REALM + "/authentication/required-actions"))
                .header("Authorization", "Bearer " + MasterAdmin.token())).body());
        Map<String, Boolean> enabled = new HashMap<>();
        actions.forEach(a -> enabled.put(a.path("alias").asText(), a.path("enabled").asBoolean()));
        assertThat(enabled).containsEntry("CONFIGURE_TOTP", true).containsEntry("webauthn-register", true);

        JsonNode realm = JSON.readTree(MasterAdmin.send(HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + MasterAdmin.token())).body());
        assertThat(realm.path("webAuthnPolicyAttestationConveyancePreference").asText()).isEqualTo("none");
        assertThat(realm.path("webAuthnPolicyUserVerificationRequirement").asText()).isEqualTo("preferred");
        assertThat(realm.path("webAuthnPolicyRpId").asText()).isEmpty();
    }

    private static ObjectNode person(ArrayNode users, String username, String role) {
        ObjectNode user = users.addObject();
        user.put("username", username).put("enabled", true).put("email", username + "@test.homeprogram.test")
                .put("firstName", "Mfa").put("lastName", role);
        user.putArray("realmRoles").add(role);
        user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD);
        return user;
    }

    /** The browser's steps: the portal's authorization request, then the login form: where does Keycloak send it? */
    private static String redirectAfterPassword(String username) throws Exception {
        HttpResponse<String> answer = new Browser().password(username);
        assertThat(answer.statusCode()).as("redirect after the password: %s", answer.body()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /**
     * A browser on localhost. Keycloak's session cookies are Secure (SameSite=None), which java.net's cookie store
     * keeps off plain http; a browser on localhost sends them, so does this one.
     */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> password(String username) throws Exception {
            String authorize = keycloak() + "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=portal"
                    + "&response_type=code&scope=openid&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
            String page = send(HttpRequest.newBuilder(URI.create(authorize))).body();
            String action = find(page, "action=\"([^\"]+)\"");
            return post(action, Map.of("username", username, "password", PASSWORD, "credentialId", ""));
        }

        /** What Keycloak's webauthnAuthenticate.js does with navigator.credentials.get(), the key signing. */
        HttpResponse<String> presentSecurityKey(String page, KeyPair key, byte[] credentialId) throws Exception {
            String action = find(page, "<form id=\"webauth\" action=\"([^\"]+)\"");
            String challenge = find(page, "challenge : [\"']([^\"']+)[\"']");
            String rpId = find(page, "rpId : [\"']([^\"']+)[\"']");
            URI origin = URI.create(keycloak());
            byte[] clientData = JSON.writeValueAsBytes(Map.of("type", "webauthn.get", "challenge", challenge,
                    "origin", origin.getScheme() + "://" + origin.getAuthority(), "crossOrigin", false));
            // rpIdHash, flags UP|UV, signature counter
            byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                    .put((byte) 0x05).putInt(1).array();
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientData));
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("clientDataJSON", url.encodeToString(clientData));
            form.put("authenticatorData", url.encodeToString(authenticatorData));
            form.put("signature", url.encodeToString(signer.sign()));
            form.put("credentialId", url.encodeToString(credentialId));
            form.put("userHandle", "");
            form.put("error", "");
            return post(action, form);
        }

        /** What webauthnRegister.js does with navigator.credentials.create(): a new key, attestation "none". */
        HttpResponse<String> registerSecurityKey(String page, KeyPair key, byte[] credentialId) throws Exception {
            String action = find(page, "<form id=\"register\" action=\"([^\"]+)\"");
            String challenge = find(page, "challenge : [\"']([^\"']+)[\"']");
            String rpId = find(page, "rpId : [\"']([^\"']+)[\"']");
            URI origin = URI.create(keycloak());
            byte[] clientData = JSON.writeValueAsBytes(Map.of("type", "webauthn.create", "challenge", challenge,
                    "origin", origin.getScheme() + "://" + origin.getAuthority(), "crossOrigin", false));
            byte[] cose = coseKey((ECPublicKey) key.getPublic());
            // rpIdHash, flags UP|UV|AT, counter 0, AAGUID 0, credential id length and id, public key
            byte[] authenticatorData = ByteBuffer.allocate(37 + 16 + 2 + credentialId.length + cose.length)
                    .put(sha256(rpId.getBytes(StandardCharsets.UTF_8))).put((byte) 0x45).putInt(0).put(new byte[16])
                    .putShort((short) credentialId.length).put(credentialId).put(cose).array();
            ByteArrayOutputStream attestation = new ByteArrayOutputStream();
            attestation.writeBytes(new byte[] { (byte) 0xA3, 0x63 });
            attestation.writeBytes("fmt".getBytes(StandardCharsets.US_ASCII));
            attestation.write(0x64);
            attestation.writeBytes("none".getBytes(StandardCharsets.US_ASCII));
            attestation.write(0x67);
            attestation.writeBytes("attStmt".getBytes(StandardCharsets.US_ASCII));
            attestation.write(0xA0);
            attestation.write(0x68);
            attestation.writeBytes("authData".getBytes(StandardCharsets.US_ASCII));
            attestation.writeBytes(new byte[] { 0x58, (byte) authenticatorData.length });
            attestation.writeBytes(authenticatorData);
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("clientDataJSON", url.encodeToString(clientData));
            form.put("attestationObject", url.encodeToString(attestation.toByteArray()));
            form.put("publicKeyCredentialId", url.encodeToString(credentialId));
            form.put("authenticatorLabel", "test key");
            form.put("transports", "usb");
            form.put("error", "");
            return post(action, form);
        }

        HttpResponse<String> get(String location) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(location)));
        }

        HttpResponse<String> post(String action, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(action.replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }
    }

    private static String find(String page, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        assertThat(matcher.find()).as("%s in the page:%n%s", regex, page).isTrue();
        return matcher.group(1);
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /**
     * A WebAuthn credential as Keycloak stores it after a registration with attestation "none" (the realm's policy):
     * the credential id in base64, the public key as a COSE key (CBOR) in base64url.
     */
    private static Map<String, Object> webAuthnCredentialData(ECPublicKey publicKey) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aaguid", "00000000-0000-0000-0000-000000000000");
        data.put("credentialId", Base64.getEncoder().encodeToString(CREDENTIAL_ID));
        data.put("counter", 0);
        data.put("credentialPublicKey", Base64.getUrlEncoder().withoutPadding().encodeToString(coseKey(publicKey)));
        data.put("attestationStatementFormat", "none");
        data.put("transports", java.util.List.of("usb"));
        return data;
    }

    /** {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y} in CBOR. */
    private static byte[] coseKey(ECPublicKey publicKey) {
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.writeBytes(new byte[] { (byte) 0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20 });
        cbor.writeBytes(coordinate(publicKey.getW().getAffineX()));
        cbor.writeBytes(new byte[] { 0x22, 0x58, 0x20 });
        cbor.writeBytes(coordinate(publicKey.getW().getAffineY()));
        return cbor.toByteArray();
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static String keycloak() {
        return SharedStack.coordinates().keycloakUrl();
    }
}
