package care.homeprogram.commons.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The kept verifications lapse at the token's exp, never later, and never outgrow their bound. */
class VerifiedTokensTest {
    private static final long EXP = 1_800_000_000L;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(EXP - 60));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aTokenIsAnsweredUntilItsExpAndNotFromItsExpOn() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        SecurityIdentity pat = identity("pat");
        tokens.keep("token-of-pat", pat, EXP);

        now.set(Instant.ofEpochSecond(EXP).minusMillis(1));
        assertThat(tokens.find("token-of-pat")).isSameAs(pat);
        now.set(Instant.ofEpochSecond(EXP));
        assertThat(tokens.find("token-of-pat")).isNull();
        assertThat(tokens.size()).isZero();
        now.set(Instant.ofEpochSecond(EXP - 30));
        assertThat(tokens.find("token-of-pat")).as("once lapsed it is gone, even if the clock goes back").isNull();
    }

    @Test
    void onlyTheExactTokenIsFoundAndAnExpiredOneIsNotKept() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.keep("header.claims.signature", identity("pat"), EXP);
        tokens.keep("header.claims.other", identity("sam"), EXP - 61);

        assertThat(tokens.find("header.claims.signatur")).isNull();
        assertThat(tokens.find("header.claims.signature ")).isNull();
        assertThat(tokens.find("header.claims.other")).isNull();
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        VerifiedTokens tokens = new VerifiedTokens(3, clock);
        for (int i = 0; i < 100; i++) {
            tokens.keep("token-" + i, identity("user-" + i), EXP);
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(tokens.find("token-99")).isNotNull();

        VerifiedTokens off = new VerifiedTokens(0, clock);
        off.keep("token", identity("pat"), EXP);
        assertThat(off.find("token")).isNull();
    }

    @Test
    void expiredEntriesMakeRoomBeforeLiveOnesAreDropped() {
        VerifiedTokens tokens = new VerifiedTokens(2, clock);
        tokens.keep("short", identity("pat"), EXP - 50);
        tokens.keep("long", identity("sam"), EXP);
        now.set(Instant.ofEpochSecond(EXP - 40));
        tokens.keep("new", identity("ada"), EXP);

        assertThat(tokens.find("long")).isNotNull();
        assertThat(tokens.find("new")).isNotNull();
        assertThat(tokens.find("short")).isNull();
    }

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(() -> name).addRole("patient").build();
    }
}
