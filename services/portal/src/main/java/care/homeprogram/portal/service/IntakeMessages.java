package care.homeprogram.portal.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The patient's intake screen (docs/portal.md, "The intake screen" and "Languages"): its page, the plain wording of
 * its questions and the form's errors, in English here and in {@code messages/intake_es.properties} and
 * {@code messages/intake_de.properties}. Templates read {@code {intake:title}}; {@link IntakeForm} gets them from
 * {@link PageLanguage#words(Class)}. The therapist's clinical wording of the questions stays in {@link IntakeForm}
 * (therapists' pages are English); the errors and "Yes"/"No" are shared and read English on their pages.
 * A bundle of its own because Quarkus breaks a bundle of more than 300 keys ({@link PortalMessages}).
 */
@MessageBundle(value = "intake", locale = "en")
public interface IntakeMessages {

    @Message("Health questions")
    String title();

    @Message("Before your exercise program starts, your therapist needs to know a few things about your health. There are eleven short questions; it takes about three minutes.")
    String lede();

    @Message("Some answers mean your therapist looks more closely before you start. That is a normal, careful step. You can only send your answers once; after that, your therapist can change them with you.")
    String carefulStep();

    @Message("Send my answers")
    String send();

    @Message("If you feel very unwell right now, do not wait for this form: call your local emergency number.")
    String unwellNow();

    @Message("Your answers are already recorded.")
    String recorded();

    @Message("Thank you. Your therapist has them and will go through them with you.")
    String recordedThanks();

    @Message("If something has changed since you answered, tell your therapist: they can update your answers.")
    String recordedChanged();

    @Message("Go to Today")
    String goToToday();

    @Message("Please check your answers")
    String checkAnswers();

    @Message("How old were you when your back pain first started?")
    String ageLabel();

    @Message("In years. Your best guess is fine.")
    String ageHint();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    // --- the questions in plain words, one per flag ---
    @Message("Have you ever had cancer?")
    String question_historyOfCancer();

    @Message("Have you taken steroid tablets or injections (such as prednisolone) for a long time?")
    String question_steroidUse();

    @Message("Did your back pain start after a fall, an accident or another injury?")
    String question_trauma();

    @Message("Do you have a weakened immune system, or take medicine that weakens it?")
    String question_immunosuppression();

    @Message("Have you ever injected drugs that were not prescribed to you?")
    String question_ivDrugUse();

    @Message("Have you had an infection treated with antibiotics in the last few weeks?")
    String question_recentBacterialInfection();

    @Message("Have you been told you have osteoporosis (thin or weak bones)?")
    String question_osteoporosis();

    @Message("Has your back pain gone on for a month or more without getting better?")
    String question_noImprovementAfterAMonth();

    @Message("Has a doctor told you to limit how much you drink?")
    String question_fluidRestriction();

    @Message("Has a doctor told you to limit how much salt you eat?")
    String question_saltRestriction();

    // --- the form's errors (the therapist's form too, in English) ---
    @Message("Enter the age in years when the back pain first started (a best guess is fine)")
    String error_ageMissing();

    @Message("Enter an age between 0 and {max} years")
    String error_ageRange(int max);

    @Message("Enter the age as a whole number of years, such as 35")
    String error_ageNumber();

    @Message("Choose yes or no")
    String error_yesOrNo();

    @Message("This answer was not accepted. Please check it.")
    String error_notAccepted();

    @Message("Your answers could not be recorded. Please try again in a few minutes.")
    String error_notRecorded();
}
