package uk.lucidservices.privacydesk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One real SMTP/IMAP server (GreenMail) for the whole test JVM, on free ports. */
public final class TestMailServer {

    public static final String PRIVACY_MAILBOX = "privacy@lucidservices.uk";
    public static final String PRIVACY_PASSWORD = "privacy";
    /** The address the privacy policy publishes; the intake reads it too, with the same test password. */
    public static final String PUBLISHED_MAILBOX = "hello@lucidservices.uk";

    private static GreenMail greenMail;

    private TestMailServer() {}

    public static synchronized GreenMail greenMail() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
            greenMail.start();
            greenMail.setUser(PRIVACY_MAILBOX, PRIVACY_MAILBOX, PRIVACY_PASSWORD);
            greenMail.setUser(PUBLISHED_MAILBOX, PUBLISHED_MAILBOX, PRIVACY_PASSWORD);
        }
        return greenMail;
    }

    public static int smtpPort() {
        return greenMail().getSmtp().getPort();
    }

    public static int imapPort() {
        return greenMail().getImap().getPort();
    }
}
