package care.homeprogram.portal.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the patient reads when plan-service refuses a session log, a session's correction or withdrawal, or a
 * questionnaire's answers (docs/portal.md, "Languages"): plan-service writes its {@code detail} and field messages in
 * English for any reader, so the portal says the known refusals in its own words ({@link Refusals}), English here,
 * Spanish and German in {@code messages/refusal_es.properties} and {@code messages/refusal_de.properties}. A bundle
 * of its own because Quarkus breaks a bundle of more than 300 keys ({@link PortalMessages}).
 */
@MessageBundle(value = "refusal", locale = "en")
public interface RefusalMessages {

    // --- a session log or a change to one, refused as a whole (problem type) ---
    @Message("Your plan is not active at the moment, so this session was not logged. Your therapist can tell you more.")
    String session_planNotActive();

    @Message("This exercise is paused, so this session was not logged. Do not do it again until your therapist resumes it.")
    String session_itemPaused();

    @Message("This session was not accepted. Please check it and try again.")
    String session_notAccepted();

    // --- a field of the session's form, refused ---
    @Message("Choose a number from 0 to 10")
    String field_pain();

    @Message("Enter a number from 0 to 50")
    String field_sets();

    @Message("Enter a number from 0 to 500")
    String field_reps();

    @Message("Choose the warning signs from the list")
    String field_symptoms();

    @Message("Write at most 2,000 characters")
    String field_note();

    @Message("Say briefly why, in at most 500 characters")
    String field_reason();

    @Message("The time of this session was not accepted: it cannot be in the future or too long ago.")
    String field_performedAt();

    @Message("This exercise is no longer in your plan. Open Today again to see your program.")
    String field_item();

    // --- a questionnaire's answers ---
    @Message("Please answer this question.")
    String questionnaire_unanswered();

    @Message("This answer was not accepted. Please check it and answer again.")
    String questionnaire_answer();

    @Message("This questionnaire is not due now, so your answers were not recorded.")
    String questionnaire_notDue();

    @Message("This questionnaire is no longer in use, so your answers were not recorded.")
    String questionnaire_notInUse();

    @Message("The answers could not be recorded.")
    String questionnaire_notRecorded();
}
