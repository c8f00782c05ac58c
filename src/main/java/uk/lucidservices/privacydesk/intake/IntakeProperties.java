package uk.lucidservices.privacydesk.intake;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The mailboxes the intake reads and how ({@code desk.intake.*}; the README lists them).
 *
 * @param mailbox   the privacy mailbox, and the server settings every mailbox in {@code mailboxes} shares
 *                  unless it says otherwise
 * @param mailboxes every mailbox read, e.g. the privacy one and the address the privacy policy
 *                  publishes; each entry only says what differs from {@code mailbox}. Empty: {@code mailbox} alone
 */
@ConfigurationProperties("desk.intake")
public record IntakeProperties(
        Mailbox mailbox,
        List<MailboxEntry> mailboxes,
        Polling polling,
        Idle idle,
        Limits limits,
        List<String> ownAddresses,
        String classification,
        String accountNumberPattern,
        Period triageFollowUp,
        Period triageDue,
        String trustedAuthservId) {

    public enum AfterProcessing {
        MOVE,
        FLAG
    }

    public record Mailbox(
            String name,
            String host,
            int port,
            String protocol,
            boolean starttls,
            String user,
            String password,
            String folder,
            AfterProcessing afterProcessing,
            String processedFolder,
            Duration connectTimeout,
            Duration readTimeout) {

        /** The same mailbox reached at another host and port (a second node, or a test's proxy). */
        public Mailbox at(String otherHost, int otherPort) {
            return new Mailbox(
                    name,
                    otherHost,
                    otherPort,
                    protocol,
                    starttls,
                    user,
                    password,
                    folder,
                    afterProcessing,
                    processedFolder,
                    connectTimeout,
                    readTimeout);
        }

        public Mailbox {
            name = name == null || name.isBlank() ? "privacy" : name;
        }
    }

    /**
     * One mailbox of {@code desk.intake.mailboxes}: its name (in health and logs) and what differs
     * from {@code desk.intake.mailbox}. Protocol, TLS and timeouts are always the shared ones, so a
     * second mailbox cannot be read with less protection than the first.
     */
    public record MailboxEntry(
            String name,
            String host,
            Integer port,
            String user,
            String password,
            String folder,
            AfterProcessing afterProcessing,
            String processedFolder) {

        Mailbox over(Mailbox shared) {
            return new Mailbox(
                    name,
                    or(host, shared.host()),
                    port == null ? shared.port() : port,
                    shared.protocol(),
                    shared.starttls(),
                    or(user, shared.user()),
                    or(password, shared.password()),
                    or(folder, shared.folder()),
                    afterProcessing == null ? shared.afterProcessing() : afterProcessing,
                    or(processedFolder, shared.processedFolder()),
                    shared.connectTimeout(),
                    shared.readTimeout());
        }

        private static String or(String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value;
        }
    }

    public record Polling(boolean enabled, Duration interval, Duration maxBackoff, int batchSize, int threads) {}

    /**
     * Reading each mailbox as mail arrives (IMAP IDLE, RFC 2177), polling kept as the safety net
     * and as the fallback where the server does not offer IDLE.
     *
     * @param enabled whether to hold an IDLE connection per mailbox (true unless set)
     * @param refresh how often the IDLE is ended and begun again, well inside the 29 minutes RFC 2177
     *                allows a server to drop an idle client; also how long a silent connection may last
     *                before it is taken for dead (plus the read timeout)
     */
    public record Idle(boolean enabled, Duration refresh) {
        public Idle {
            refresh = refresh == null ? Duration.ofMinutes(5) : refresh;
        }
    }

    public record Limits(
            DataSize maxMessageSize,
            DataSize maxAttachmentSize,
            int maxAttachments,
            List<String> allowedAttachmentTypes) {}

    public IntakeProperties {
        ownAddresses = ownAddresses == null ? List.of() : List.copyOf(ownAddresses);
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        idle = idle == null ? new Idle(true, null) : idle;
    }

    /** Every mailbox the intake reads, the first one first; names are unique. */
    public List<Mailbox> allMailboxes() {
        if (mailboxes.isEmpty()) {
            return List.of(mailbox);
        }
        List<Mailbox> all = mailboxes.stream().map(entry -> entry.over(mailbox)).toList();
        long names = all.stream().map(Mailbox::name).distinct().count();
        if (names < all.size()) {
            throw new IllegalStateException("desk.intake.mailboxes: give every mailbox its own name");
        }
        return all;
    }
}
