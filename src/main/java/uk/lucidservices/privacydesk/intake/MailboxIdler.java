package uk.lucidservices.privacydesk.intake;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one IMAP IDLE connection (RFC 2177) open on a mailbox, on a thread of its own, and polls the
 * mailbox the moment the server announces a change, so a new mail is read as it arrives rather than at
 * the next poll. The reading itself is always {@link MailboxPoller#pollOnce()}, which runs one poll of a
 * mailbox at a time: an IDLE wake-up and a scheduled poll wait for each other and never both take a mail.
 * The IDLE connection only listens (the folder is open read-only).
 *
 * <p>A server without the IDLE capability is left to polling alone (health says so). A lost connection
 * is reopened with doubling back-off, from one second up to the polling maximum; the schedule's polls
 * carry on meanwhile, and on reconnecting what arrived in the gap is read at once. Every
 * {@code refresh} the IDLE is ended and begun again (a NOOP in between), so that neither the server nor a
 * firewall drops a quiet connection, and a dead one is found by the read timeout.
 */
final class MailboxIdler {

    private static final Logger log = LoggerFactory.getLogger(MailboxIdler.class);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final MailboxPoller poller;
    private final IntakeProperties.Mailbox mailbox;
    private final Duration refresh;
    private final Duration maxBackoff;
    private final Session session;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean announced = new AtomicBoolean();
    private volatile boolean running;
    private volatile IMAPFolder watched;
    private Thread thread;
    private ScheduledExecutorService refresher;

    MailboxIdler(MailboxPoller poller, Duration refresh, Duration maxBackoff) {
        this.poller = poller;
        this.mailbox = poller.mailbox();
        this.refresh = refresh;
        this.maxBackoff = maxBackoff;
        Properties properties = MailboxPoller.sessionProperties(mailbox);
        // An IDLE connection is silent until mail comes: it may wait a whole refresh before a read times out.
        properties.setProperty(
                "mail." + mailbox.protocol() + ".timeout",
                String.valueOf(refresh.plus(mailbox.readTimeout()).toMillis()));
        this.session = Session.getInstance(properties);
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::watch, "mailbox-idle-" + poller.name());
        thread.setDaemon(true);
        thread.start();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailbox-idle-refresh-" + poller.name());
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        running = false;
        if (refresher != null) {
            refresher.shutdownNow();
        }
        IMAPFolder folder = watched;
        if (folder != null) {
            try {
                // Ends the IDLE (the folder is used from another thread), then closes it.
                folder.close(false);
            } catch (MessagingException | RuntimeException ignored) {
                // The watch thread closes the connection either way.
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void watch() {
        int failures = 0;
        while (running) {
            IMAPStore store = null;
            try {
                store = (IMAPStore) session.getStore(mailbox.protocol());
                store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
                if (!store.hasCapability("IDLE")) {
                    poller.status().readingByPolling("the server does not offer IDLE");
                    log.info("Mailbox {}: the server does not offer IDLE, so it is polled only", poller.name());
                    return;
                }
                IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
                folder.open(Folder.READ_ONLY);
                // A mail that came while the last wake-up's poll ran is announced as the next IDLE begins,
                // where it ends no IDLE: the added-messages event ends it instead.
                folder.addMessageCountListener(new MessageCountAdapter() {
                    @Override
                    public void messagesAdded(MessageCountEvent e) {
                        announced.set(true);
                        refresher.execute(MailboxIdler.this::wake);
                    }
                });
                watched = folder;
                failures = 0;
                // Whatever came while the connection was being opened, or was down.
                readWaiting(false);
                poller.status().readingByIdle();
                log.info("Mailbox {}: reading new mail as it arrives (IDLE)", poller.name());
                while (running && folder.isOpen()) {
                    refreshing.set(false);
                    folder.idle(true);
                    if (running) {
                        readWaiting(announced.getAndSet(false) || !refreshing.get());
                    }
                }
                if (running) {
                    throw new MessagingException("the server closed the mailbox");
                }
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    break;
                }
                failures++;
                Duration wait = MailboxPollingSchedule.backoff(FIRST_RETRY, maxBackoff, failures);
                String error = MailboxPoller.describe(e);
                poller.status().idleLost(error, wait);
                log.warn(
                        "Mailbox {}: IDLE connection lost ({} in a row), polling until it is reopened in {}: {}",
                        poller.name(),
                        failures,
                        wait,
                        error);
                sleep(wait);
            } finally {
                watched = null;
                close(store);
            }
        }
    }

    /**
     * Polls until nothing is left waiting. {@code announced}: the server woke the IDLE (a mail came, or
     * one left), so what is read counts as read on IDLE rather than by a poll.
     */
    private void readWaiting(boolean announced) {
        MailboxPoller.PollReport report;
        do {
            report = poller.pollOnce();
            if (announced && !report.failed()) {
                poller.status().readOnIdle(report.handled());
            }
        } while (running && !report.failed() && report.moreWaiting());
    }

    /** Ends the IDLE from this thread (using the folder does), with a NOOP; the watch thread begins it again. */
    private void refresh() {
        if (watched != null) {
            refreshing.set(true);
            wake();
        }
    }

    private void wake() {
        IMAPFolder folder = watched;
        if (folder == null) {
            return;
        }
        try {
            // A command on the folder from another thread ends its IDLE (DONE), whenever it began.
            folder.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // The watch thread sees the broken connection too, and reopens it.
            refreshing.set(false);
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void close(IMAPStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // It is going away either way.
            }
        }
    }
}
