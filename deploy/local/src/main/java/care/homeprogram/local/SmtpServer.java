package care.homeprogram.local;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server that keeps every message (GreenMail). Mail is read back over IMAP with the recipient
 * address as both login and password.
 */
public final class SmtpServer implements AutoCloseable {
    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private SmtpServer(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static SmtpServer start(int smtpPort, int imapPort) {
        Progress.say("starting SMTP on port " + smtpPort + " (IMAP " + imapPort + ")");
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        // Any login is accepted and opens (or creates) the mailbox of that address. GreenMail's IMAP handler loops
        // at full CPU on a connection the client dropped without LOGOUT (greenmail#891, still in 2.1.6), and a
        // failed login is exactly such a connection: reading a mailbox before its first mail arrived (as every
        // test that waits for an email does) would leave one spinning thread per attempt.
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new SmtpServer(greenMail, smtpPort, imapPort);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
