package uk.lucidservices.privacydesk.intake;

import java.time.Duration;
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
 * @param polling              how often the mailboxes are read, and by how many threads
 * @param limits               what size and kind of mail and attachments are read; larger or other mail is
 *                             quarantined unread with a triage task
 * @param ownAddresses         further addresses whose mail is the desk talking to itself and is quarantined
 *                             (desk.mail.from and the mailbox users always are)
 * @param classification       the rules that tell a request's type from its mail, as a Spring resource
 *                             (DESK_INTAKE_CLASSIFICATION)
 * @param accountNumberPattern how a Lucid account number looks when a customer quotes one (a regular
 *                             expression, matched ignoring case)
 * @param triageFollowUpWorkingDays working days after the mail arrived on whose start a mail waiting for a
 *                             person should be looked at (England and Wales working days)
 * @param triageDueWorkingDays working days after the mail arrived by whose end its triage task is due
 * @param trustedAuthservId    the authserv-id your mail server writes into Authentication-Results (RFC 8601):
 *                             only that server's verdict counts, and mail failing DMARC goes to triage.
 *                             Empty: no server is trusted and the header is ignored
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
        int triageFollowUpWorkingDays,
        int triageDueWorkingDays,
        String trustedAuthservId) {

    public enum AfterProcessing {
        MOVE,
        FLAG
    }

    /**
     * An IMAP mailbox and how it is read.
     *
     * @param name            its name in health and logs; default {@code privacy}
     * @param host            the IMAP server (DESK_IMAP_HOST); production refuses to start without it
     * @param port            the IMAP port (DESK_IMAP_PORT), 993 for imaps
     * @param protocol        {@code imaps} (TLS from the first byte) or {@code imap} with {@code starttls};
     *                        production accepts nothing else
     * @param starttls        require STARTTLS on {@code imap}
     * @param user            the mailbox's user (DESK_IMAP_USER)
     * @param password        the mailbox's password (DESK_IMAP_PASSWORD)
     * @param folder          the folder new mail arrives in
     * @param afterProcessing after a mail is recorded: MOVE it to the processed folder, or FLAG it as seen
     * @param processedFolder where recorded (and quarantined) mail is moved
     * @param connectTimeout  how long connecting may take
     * @param readTimeout     how long one read may take
     */
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

    /**
     * How the mailboxes are polled.
     *
     * @param enabled    read the mailboxes at all (DESK_INTAKE_POLLING)
     * @param interval   how often each mailbox is read (DESK_INTAKE_POLL_INTERVAL)
     * @param maxBackoff an unreachable mailbox is retried at {@code interval}, doubling up to this
     * @param batchSize  mails read from a mailbox in one poll
     * @param threads    mails recorded in parallel, each in its own transaction; keep below the connection
     *                   pool size (DESK_INTAKE_THREADS)
     */
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

    /**
     * What the intake reads; beyond these a mail is quarantined unread with a triage task.
     *
     * @param maxMessageSize         the largest mail read
     * @param maxAttachmentSize      the largest attachment kept
     * @param maxAttachments         the most attachments kept from one mail
     * @param allowedAttachmentTypes the media types of attachments kept
     */
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
