package care.homeprogram.testing;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads what the real SMTP server received, over IMAP, as the recipient would. */
public final class Mailbox {
    private Mailbox() {
    }

    public record Mail(String subject, String body, String from) {
    }

    public static List<Mail> messagesFor(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "localhost");
        properties.put("mail.imap.port", Integer.toString(SharedStack.coordinates().imapPort()));
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("localhost", SharedStack.coordinates().imapPort(), address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), text(message.getContent()),
                            message.getFrom() == null ? null : message.getFrom()[0].toString()));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // a mail server that checks passwords: no account before the first message
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mailbox of " + address, e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
