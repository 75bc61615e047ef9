package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.testing.LocalRsaTokens;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bearer token is verified once and then recognised by its exact text until its exp (docs/security.md, "Verified
 * tokens"): every read is still checked for ownership and roles and still audited under the token's subject, and a
 * token that is not exactly one Keycloak signed (a claim changed, another issuer's) is refused even while the genuine
 * one is kept.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class VerifiedTokensTest {
    @Inject
    AuditLog audit;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void aKeptTokenStillReadsOnlyItsOwnAndEachReadIsAudited() {
        PlanFixtures.assignAcute("tara", PAT);
        String pat = Tokens.freshAccessToken("pat", Tokens.DEMO_PASSWORD);
        double keptBefore = kept();

        String first = "token-first-" + UUID.randomUUID();
        String second = "token-kept-" + UUID.randomUUID();
        given().auth().oauth2(pat).header("X-Correlation-Id", first).get("/api/plans/mine").then().statusCode(200);
        given().auth().oauth2(pat).header("X-Correlation-Id", second).get("/api/plans/mine").then().statusCode(200);

        assertThat(kept()).as("the second read of the same token is answered from the kept verification")
                .isGreaterThan(keptBefore);
        for (String correlationId : List.of(first, second)) {
            assertThat(audit.byCorrelationId(correlationId)).singleElement()
                    .satisfies(e -> assertThat(e.actorSub()).isEqualTo(PAT.toString()))
                    .satisfies(e -> assertThat(e.patientId()).isEqualTo(PAT));
        }
        // The kept identity carries the token's roles: a patient's token still cannot act as a therapist.
        given().auth().oauth2(pat).get("/api/plans/overview?patientId=" + PAT).then().statusCode(403);
        given().auth().oauth2(pat).get("/api/plans/overview?patientId=" + PAT).then().statusCode(403);
        String tara = Tokens.freshAccessToken("tara", Tokens.DEMO_PASSWORD);
        given().auth().oauth2(tara).get("/api/plans/mine").then().statusCode(403);
        given().auth().oauth2(tara).get("/api/plans/mine").then().statusCode(403);
    }

    @Test
    void aTamperedTokenOrAnotherIssuersIsRefusedWhileTheGenuineOneIsKept() {
        String pat = Tokens.freshAccessToken("pat", Tokens.DEMO_PASSWORD);
        given().auth().oauth2(pat).get("/api/plans/mine").then().statusCode(200);
        given().auth().oauth2(pat).get("/api/plans/mine").then().statusCode(200);

        // pat's signature on claims naming sam: the text differs from the kept token's, so it is verified, and fails.
        String sam = Tokens.subject(Tokens.accessToken("sam"));
        String[] parts = pat.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(PAT.toString(), sam);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/plans/mine").then().statusCode(401);
        given().auth().oauth2(tampered).get("/api/plans/mine").then().statusCode(401);

        // The genuine token with one more character: refused, not matched to the kept one.
        given().auth().oauth2(pat + "A").get("/api/plans/mine").then().statusCode(401);

        // A well-formed RS256 token for pat with the patient role, signed by a key Keycloak never had.
        String foreign = new LocalRsaTokens().sign(PAT.toString(), List.of("patient"));
        given().auth().oauth2(foreign).get("/api/plans/mine").then().statusCode(401);
        given().auth().oauth2(foreign).get("/api/plans/mine").then().statusCode(401);

        given().auth().oauth2(pat).get("/api/plans/mine").then().statusCode(200);
    }

    private double kept() {
        return registry.counter("homeprogram.security.tokens", "answer", "kept").count();
    }
}
