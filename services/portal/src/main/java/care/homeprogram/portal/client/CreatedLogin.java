package care.homeprogram.portal.client;

import java.util.UUID;

/**
 * What patient-service answers when it creates a patient or an account, as far as the portal needs it: the id, and
 * whether the set-password email went out ({@code inviteEmail}: SENT, NOT_SENT, NOT_REQUESTED when a temporary password
 * was given).
 */
public record CreatedLogin(UUID id, String inviteEmail) {
    public boolean inviteSent() {
        return "SENT".equals(inviteEmail);
    }

    /** An invite was due (no temporary password) but could not be sent: it must be sent again from the account. */
    public boolean inviteNotSent() {
        return "NOT_SENT".equals(inviteEmail);
    }
}
