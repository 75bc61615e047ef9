package care.homeprogram.patients.api;

/**
 * Whether creating an account sent its set-password email (Keycloak's execute-actions UPDATE_PASSWORD link): an
 * account created without a temporary password can sign in only through that link. {@code NOT_SENT} leaves the
 * account in place: the admin sends the link again with POST /api/accounts/{id}/reset-credentials.
 */
public enum InviteEmail {
    SENT,
    NOT_SENT,
    /** A temporary password was given: the person signs in with it and no email is sent. */
    NOT_REQUESTED
}
