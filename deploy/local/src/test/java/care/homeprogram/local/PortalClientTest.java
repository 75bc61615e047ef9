package care.homeprogram.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the launcher adds to a portal client imported before the realm file gave it its roles mapper: exactly the
 * file's mapper, whole, putting the realm roles into the ID token only (the access token has them from Keycloak's
 * built-in "roles" scope).
 */
class PortalClientTest {

    @Test
    void theRolesMapperAddedToAnOlderRealmIsTheRealmFilesWholeMapper() {
        String mapper = PortalClient.jsonObjectNamed(PortalClient.realmFile(), PortalClient.ROLES_MAPPER);

        assertThat(mapper).startsWith("{").endsWith("}")
                .contains("\"protocolMapper\": \"oidc-usermodel-realm-role-mapper\"")
                .contains("\"claim.name\": \"realm_access.roles\"")
                .contains("\"id.token.claim\": \"true\"")
                .contains("\"access.token.claim\": \"false\"")
                .doesNotContain("audience");
    }
}
