package care.homeprogram.patients.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A newly created patient or account as its creator sees it ({@code created}'s fields, unchanged) plus
 * {@code inviteEmail}: whether the set-password email went out.
 */
public record Invited<T>(@JsonUnwrapped T created, InviteEmail inviteEmail) {
}
