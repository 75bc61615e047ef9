package care.homeprogram.testing;

import java.util.UUID;

/** The fixed ids of the demo realm's users (deploy/keycloak/homeprogram-realm.json). */
public final class DemoUsers {
    public static final UUID TARA = UUID.fromString("d0000000-0000-4000-8000-000000000001");
    public static final UUID THEO = UUID.fromString("d0000000-0000-4000-8000-000000000002");
    public static final UUID PAT = UUID.fromString("d0000000-0000-4000-8000-000000000011");
    public static final UUID SAM = UUID.fromString("d0000000-0000-4000-8000-000000000012");
    public static final UUID POLLY = UUID.fromString("d0000000-0000-4000-8000-000000000013");
    public static final UUID ADA = UUID.fromString("d0000000-0000-4000-8000-000000000021");

    private DemoUsers() {
    }

    public static String email(String username) {
        return username + "@demo.homeprogram.test";
    }
}
