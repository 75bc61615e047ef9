package care.homeprogram.notifications.service;

/**
 * Every message the platform sends, in one place so a test can prove none carries health details: no condition,
 * exercise, pain score or name, in the app or by email (PRODUCT.md rule 9). Details live behind the link.
 */
public enum MessageTemplate {
    PLAN_ASSIGNED(
            "Your new home program is ready",
            "Your therapist has shared a new home program with you. Open it to see what is planned for today.",
            "Your new home program is ready",
            """
                    Hello,

                    Your therapist has shared a new home program with you.
                    Sign in to see it: %s

                    For your privacy this email contains no health details.
                    HomeProgram
                    """);

    private final String title;
    private final String inAppBody;
    private final String emailSubject;
    private final String emailBody;

    MessageTemplate(String title, String inAppBody, String emailSubject, String emailBody) {
        this.title = title;
        this.inAppBody = inAppBody;
        this.emailSubject = emailSubject;
        this.emailBody = emailBody;
    }

    public String title() {
        return title;
    }

    public String inAppBody() {
        return inAppBody;
    }

    public String emailSubject() {
        return emailSubject;
    }

    public String emailBody(String link) {
        return emailBody.formatted(link);
    }
}
