package uk.lucidservices.privacydesk.intake;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import uk.lucidservices.privacydesk.TestMailServer;

/** Looks into the test privacy mailbox over IMAP, as a person with a mail client would. */
final class PrivacyMailbox {

    private PrivacyMailbox() {}

    /** How many mails with this Message-ID are in the folder. */
    static int count(String folderName, String messageId) {
        return count(TestMailServer.PRIVACY_MAILBOX, folderName, messageId);
    }

    /** How many mails with this Message-ID are in the folder of the given test mailbox. */
    static int count(String mailbox, String folderName, String messageId) {
        Properties props = new Properties();
        props.setProperty("mail.imap.peek", "true");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", TestMailServer.imapPort(), mailbox, TestMailServer.PRIVACY_PASSWORD);
            try {
                Folder folder = store.getFolder(folderName);
                if (!folder.exists()) {
                    return 0;
                }
                folder.open(Folder.READ_ONLY);
                try {
                    return folder.search(new HeaderTerm("Message-ID", messageId)).length;
                } finally {
                    folder.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a mail from the inbox exactly as the poller would (without marking it), leaving it there. */
    static RawMail read(String messageId) {
        Properties props = new Properties();
        props.setProperty("mail.imap.peek", "true");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect(
                    "127.0.0.1",
                    TestMailServer.imapPort(),
                    TestMailServer.PRIVACY_MAILBOX,
                    TestMailServer.PRIVACY_PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    Message[] found = inbox.search(new HeaderTerm("Message-ID", messageId));
                    if (found.length != 1) {
                        throw new IllegalStateException(found.length + " mails with " + messageId + " in the inbox");
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    found[0].writeTo(out);
                    return RawMail.of(
                            out.toByteArray(), found[0].getReceivedDate().toInstant());
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
