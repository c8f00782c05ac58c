package uk.lucidservices.privacydesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A mail server inside the desk for a first run (demo profile): SMTP and IMAP on localhost with
 * the privacy mailbox already created, so a newcomer can send a request without installing one.
 * GreenMail is left out of the packaged jar (pom.xml), so only {@code mvn spring-boot:run} has it.
 */
@Component
@Profile("demo")
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@ConditionalOnProperty(name = "desk.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final GreenMail greenMail;
    private final String mailbox;
    private final List<String> otherMailboxes;
    private final String password;
    private volatile boolean running;

    public EmbeddedMailServer(DeskMailProperties properties) {
        DeskMailProperties.Embedded embedded = properties.embedded();
        this.greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(embedded.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(embedded.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        this.mailbox = embedded.mailbox();
        this.otherMailboxes = embedded.otherMailboxes();
        this.password = embedded.password();
    }

    @Override
    public void start() {
        greenMail.start();
        greenMail.setUser(mailbox, mailbox, password);
        for (String other : otherMailboxes) {
            if (!other.isBlank()) {
                greenMail.setUser(other.trim(), other.trim(), password);
            }
        }
        running = true;
        log.info(
                "Embedded mail server: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}, mailboxes {} {}",
                greenMail.getSmtp().getPort(),
                greenMail.getImap().getPort(),
                mailbox,
                otherMailboxes);
    }

    @Override
    public void stop() {
        greenMail.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the engine's job executor so the first letter finds a server. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    public GreenMail greenMail() {
        return greenMail;
    }
}
