package uk.lucidservices.privacydesk.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one mailbox over IMAP (the privacy mailbox, or another the intake reads: {@link IntakeMailboxes}),
 * one poll at a time. Each mail is handed to the
 * {@link MailIntake}, and only once its outcome is committed is it moved to the processed folder
 * (or flagged as seen): a crash before that commit leaves the mail to be read again, a crash
 * after it leaves a mail the intake recognises as already handled. Mail is read in chunks, one
 * IMAP round trip per chunk, with BODY.PEEK so reading never marks it, and named by UID
 * throughout (see {@link ImapByUid}); a chunk's mails are recorded in parallel, each in its own
 * transaction. A mailbox that cannot be reached is reported in {@link MailboxStatus}; the poll
 * simply fails and is tried again later.
 */
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** What one poll did. */
    public record PollReport(int handled, boolean moreWaiting, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** A chunk is at most this many mails, and this many bytes unless one mail alone is larger. */
    private static final int CHUNK_MAILS = 50;

    private static final long CHUNK_BYTES = 8L * 1024 * 1024;

    private final IntakeProperties.Mailbox mailbox;
    private final int batchSize;
    private final MailIntake intake;
    private final ExecutorService workers;
    private final MailboxStatus status;
    private final Clock clock;
    private final Session session;
    private Store store;

    public MailboxPoller(IntakeProperties.Mailbox mailbox, int batchSize, int threads, MailIntake intake, Clock clock) {
        this.mailbox = mailbox;
        this.batchSize = batchSize;
        this.intake = intake;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "mail-intake-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.status = new MailboxStatus(clock);
        this.clock = clock;
        this.session = Session.getInstance(sessionProperties(mailbox));
    }

    public MailboxStatus status() {
        return status;
    }

    /** Mails this reader has handled since the desk started, however it came to read them. */
    public long mailsRead() {
        return status.mailsRead();
    }

    /** Mails read because the server announced them over IDLE, rather than found by a scheduled poll. */
    public long mailsReadOnIdle() {
        return status.mailsReadOnIdle();
    }

    /** The mailbox this poller reads, for the IDLE connection kept beside it ({@link MailboxIdler}). */
    IntakeProperties.Mailbox mailbox() {
        return mailbox;
    }

    /** The mailbox's name in configuration, health and logs (never its address). */
    public String name() {
        return mailbox.name();
    }

    /**
     * Reads what is waiting (up to the batch size) and returns when every mail read is committed.
     * Polls of one mailbox run one at a time, whoever asks (the schedule, an IDLE wake-up, a test):
     * a poll lists the inbox only after the one before it has moved or flagged what it read, so two
     * polls never hold the same mail; across nodes the intake's UID and Message-ID check does that.
     */
    public synchronized PollReport pollOnce() {
        int handled = 0;
        IMAPFolder inbox = null;
        try {
            Store connected = connect();
            inbox = (IMAPFolder) connected.getFolder(mailbox.folder());
            inbox.open(Folder.READ_WRITE);
            boolean move = mailbox.afterProcessing() == IntakeProperties.AfterProcessing.MOVE;
            if (move) {
                ensureProcessedFolder(connected);
            }
            List<Waiting> waiting = waiting(inbox);
            int count = Math.min(waiting.size(), batchSize);
            boolean expungeNeeded = false;
            for (List<Waiting> chunk : chunks(waiting.subList(0, count))) {
                Map<Long, RawMail> raws = read(inbox, chunk);
                List<Long> committed = new ArrayList<>();
                try {
                    // Mail missing from raws was taken by another reader: whichever committed first handled it.
                    handled += receiveAll(
                            chunk.stream()
                                    .filter(m -> raws.containsKey(m.uid()))
                                    .toList(),
                            raws,
                            committed);
                } finally {
                    // Only mail whose outcome is committed leaves the inbox, even if a later one failed.
                    if (!committed.isEmpty()) {
                        if (move) {
                            expungeNeeded |= ImapByUid.move(inbox, committed, mailbox.processedFolder());
                        } else {
                            ImapByUid.markSeen(inbox, committed);
                        }
                    }
                }
            }
            if (expungeNeeded) {
                inbox.expunge();
            }
            inbox.close(false);
            status.succeeded(handled);
            return new PollReport(handled, waiting.size() > count, null);
        } catch (MessagingException | ClassCastException e) {
            String error = describe(e);
            status.failed(error);
            log.warn(
                    "Mailbox {} could not be read ({} failures in a row): {}",
                    mailbox.name(),
                    status.consecutiveFailures(),
                    error);
            disconnect();
            return new PollReport(handled, false, error);
        } catch (RuntimeException intakeUnavailable) {
            // Nothing could be recorded (e.g. the database is down): the mail stays where it is.
            String error = "intake could not record a mail: "
                    + intakeUnavailable.getClass().getSimpleName();
            status.failed(error);
            log.error("Mail intake stopped this poll; the mail stays in the mailbox: {}", error, intakeUnavailable);
            closeQuietly(inbox);
            return new PollReport(handled, false, error);
        }
    }

    /** A mail waiting in the inbox, named by its UID, with what the server said about it when listed. */
    private record Waiting(long uid, long size, Instant arrivedAt) {}

    /**
     * Hands a chunk's mail to the intake on the worker threads (each mail is its own transaction,
     * so they need not wait for each other) and collects the UIDs whose outcome is committed. If
     * any could not be recorded, the first such failure is thrown after all have finished.
     */
    private int receiveAll(List<Waiting> mails, Map<Long, RawMail> raws, List<Long> committed) {
        List<Future<IntakeResult>> results = new ArrayList<>();
        for (Waiting mail : mails) {
            results.add(workers.submit(() -> intake.receive(raws.get(mail.uid()))));
        }
        RuntimeException failure = null;
        for (int i = 0; i < results.size(); i++) {
            try {
                results.get(i).get();
                committed.add(mails.get(i).uid());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("Interrupted while mail was being recorded", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return committed.size();
    }

    /** Mail is read in chunks (one round trip each) small enough to hold in memory together. */
    private List<List<Waiting>> chunks(List<Waiting> waiting) {
        List<List<Waiting>> chunks = new ArrayList<>();
        List<Waiting> chunk = new ArrayList<>();
        long bytes = 0;
        for (Waiting mail : waiting) {
            long size = Math.min(mail.size(), intake.maxMessageBytes());
            if (!chunk.isEmpty() && (chunk.size() == CHUNK_MAILS || bytes + size > CHUNK_BYTES)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(mail);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private Map<Long, RawMail> read(IMAPFolder inbox, List<Waiting> chunk) throws MessagingException {
        // Too large to take in: the headers are enough to log and triage it; the mail itself stays on the server.
        List<Long> whole = chunk.stream()
                .filter(m -> m.size() <= intake.maxMessageBytes())
                .map(Waiting::uid)
                .toList();
        List<Long> tooLarge = chunk.stream()
                .filter(m -> m.size() > intake.maxMessageBytes())
                .map(Waiting::uid)
                .toList();
        Map<Long, byte[]> contents = ImapByUid.fetch(inbox, whole, false);
        Map<Long, byte[]> headers = ImapByUid.fetch(inbox, tooLarge, true);
        Map<Long, RawMail> raws = new HashMap<>();
        for (Waiting mail : chunk) {
            if (contents.containsKey(mail.uid())) {
                raws.put(mail.uid(), RawMail.of(contents.get(mail.uid()), mail.arrivedAt()));
            } else if (headers.containsKey(mail.uid())) {
                raws.put(mail.uid(), RawMail.headersOnly(headers.get(mail.uid()), mail.size(), mail.arrivedAt()));
            }
        }
        return raws;
    }

    private List<Waiting> waiting(IMAPFolder inbox) throws MessagingException {
        Message[] messages = mailbox.afterProcessing() == IntakeProperties.AfterProcessing.FLAG
                ? inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                : inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        inbox.fetch(messages, profile);
        List<Waiting> waiting = new ArrayList<>();
        for (Message m : messages) {
            try {
                if (!m.isExpunged() && !m.isSet(Flags.Flag.DELETED)) {
                    waiting.add(new Waiting(inbox.getUID(m), m.getSize(), arrivedAt(m.getReceivedDate())));
                }
            } catch (MessageRemovedException gone) {
                // Moved by another reader while listing.
            }
        }
        return waiting;
    }

    /**
     * The day of receipt is the mail server's (IMAP INTERNALDATE), but never later than the desk's
     * own now: a server clock running ahead must not date a request in the future.
     */
    private Instant arrivedAt(Date received) {
        if (received == null) {
            return null;
        }
        Instant now = clock.instant();
        return received.toInstant().isAfter(now) ? now : received.toInstant();
    }

    private void ensureProcessedFolder(Store connected) throws MessagingException {
        Folder processed = connected.getFolder(mailbox.processedFolder());
        // Another node may create it between the look and the create: then it exists, which is all we need.
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES) && !processed.exists()) {
            throw new MessagingException("The processed folder could not be created: " + mailbox.processedFolder());
        }
    }

    /**
     * Expunges from the processed folder the mails with these Message-IDs (retention: the raw mail's
     * period is over). Returns how many mails were expunged; 0 when mail is flagged, not moved.
     */
    public synchronized int expungeProcessed(Collection<String> messageIds) throws MessagingException {
        if (messageIds.isEmpty() || mailbox.afterProcessing() != IntakeProperties.AfterProcessing.MOVE) {
            return 0;
        }
        Folder processed = connect().getFolder(mailbox.processedFolder());
        if (!processed.exists()) {
            return 0;
        }
        processed.open(Folder.READ_WRITE);
        try {
            SearchTerm any = new OrTerm(messageIds.stream()
                    .map(id -> (SearchTerm) new HeaderTerm("Message-ID", id))
                    .toArray(SearchTerm[]::new));
            Message[] found = processed.search(any);
            // The search matches substrings: only an exact Message-ID is expunged.
            List<Message> exact = new ArrayList<>();
            for (Message m : found) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && messageIds.contains(ids[0].trim())) {
                    exact.add(m);
                }
            }
            if (!exact.isEmpty()) {
                processed.setFlags(exact.toArray(Message[]::new), new Flags(Flags.Flag.DELETED), true);
            }
            processed.close(true);
            return exact.size();
        } finally {
            closeQuietly(processed);
        }
    }

    private Store connect() throws MessagingException {
        if (store == null || !store.isConnected()) {
            disconnect();
            Store fresh = session.getStore(mailbox.protocol());
            fresh.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            store = fresh;
        }
        return store;
    }

    /** Closes the connection and stops the intake threads (when the desk stops). */
    public void close() {
        disconnect();
        workers.shutdown();
    }

    /** Closes the connection (on failure, and when the desk stops). */
    public synchronized void disconnect() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // It is going away either way.
            }
            store = null;
        }
    }

    private static void closeQuietly(Folder folder) {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException ignored) {
            // The next poll opens it again.
        }
    }

    /** The failure without credentials or content: type, and message for connection problems. */
    static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + (message.length() > 160 ? message.substring(0, 160) : message);
    }

    static Properties sessionProperties(IntakeProperties.Mailbox mailbox) {
        String p = mailbox.protocol();
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", p);
        props.setProperty(
                "mail." + p + ".connectiontimeout",
                String.valueOf(mailbox.connectTimeout().toMillis()));
        props.setProperty(
                "mail." + p + ".timeout", String.valueOf(mailbox.readTimeout().toMillis()));
        props.setProperty(
                "mail." + p + ".writetimeout",
                String.valueOf(mailbox.readTimeout().toMillis()));
        // Reading a mail must not mark it as seen: only a committed outcome does.
        props.setProperty("mail." + p + ".peek", "true");
        props.setProperty("mail." + p + ".fetchsize", String.valueOf(1024 * 1024));
        props.setProperty("mail." + p + ".starttls.enable", String.valueOf(mailbox.starttls()));
        props.setProperty("mail." + p + ".starttls.required", String.valueOf(mailbox.starttls()));
        props.setProperty("mail." + p + ".ssl.checkserveridentity", "true");
        return props;
    }
}
