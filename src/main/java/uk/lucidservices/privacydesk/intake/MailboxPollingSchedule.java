package uk.lucidservices.privacydesk.intake;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the mailbox on one thread: again at once while mail is waiting, after the interval when
 * it is empty, and with doubling back-off (up to a maximum) while the mailbox cannot be reached.
 * Off in tests (desk.intake.polling.enabled=false), which call {@link MailboxPoller#pollOnce()}.
 */
public class MailboxPollingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxPollingSchedule.class);

    private final MailboxPoller poller;
    private final Duration interval;
    private final Duration maxBackoff;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public MailboxPollingSchedule(MailboxPoller poller, Duration interval, Duration maxBackoff) {
        this.poller = poller;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    /** The wait before the next poll after {@code failures} failures in a row. */
    static Duration backoff(Duration interval, Duration max, int failures) {
        if (failures <= 0) {
            return interval;
        }
        long factor = 1L << Math.min(failures, 20);
        Duration wait = interval.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailbox-poller");
            t.setDaemon(true);
            return t;
        });
        running = true;
        executor.execute(this::poll);
        log.info("Reading the privacy mailbox every {}", interval);
    }

    private void poll() {
        if (!running) {
            return;
        }
        Duration next;
        try {
            MailboxPoller.PollReport report = poller.pollOnce();
            next = report.failed()
                    ? backoff(interval, maxBackoff, poller.status().consecutiveFailures())
                    : report.moreWaiting() ? Duration.ZERO : interval;
        } catch (RuntimeException unexpected) {
            log.error("Mailbox poll failed unexpectedly", unexpected);
            next = backoff(interval, maxBackoff, Math.max(1, poller.status().consecutiveFailures()));
        }
        poller.status().nextAttemptIn(next);
        if (running) {
            executor.schedule(this::poll, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                // A poll in progress finishes its current mail; the rest wait for the next start.
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        poller.disconnect();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
