package care.homeprogram.portal.service;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in: the name and the role (its realm roles) from the ID token.
 *
 * @param fullName the person's display name
 * @param role     the highest of their portal roles
 */
public record SignedInPerson(String fullName, Role role) {

    public static SignedInPerson of(JsonWebToken idToken, SecurityIdentity identity) {
        Role role = Role.highestOf(identity.getRoles())
                .orElseThrow(() -> new ForbiddenException("no portal role"));
        return new SignedInPerson(fullName(idToken, identity), role);
    }

    private static String fullName(JsonWebToken idToken, SecurityIdentity identity) {
        String name = claim(idToken, "name");
        if (name != null) {
            return name;
        }
        String given = claim(idToken, "given_name");
        String family = claim(idToken, "family_name");
        if (given != null || family != null) {
            return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        String username = claim(idToken, "preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
