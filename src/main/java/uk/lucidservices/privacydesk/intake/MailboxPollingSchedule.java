package uk.lucidservices.privacydesk.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads each mailbox as mail arrives over IMAP IDLE ({@link MailboxIdler}, when
 * {@code desk.intake.idle.enabled}), and polls each on a thread of its own as the safety net and the
 * fallback for a server without IDLE: again at once while mail is waiting, after the interval
 * when it is empty, and with doubling back-off (up to a maximum) while that mailbox cannot be reached;
 * one mailbox being down never delays another.
 * Off in tests (desk.intake.polling.enabled=false), which call {@link MailboxPoller#pollOnce()}.
 */
public class MailboxPollingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxPollingSchedule.class);

    private final List<MailboxPoller> pollers;
    private final Duration interval;
    private final Duration maxBackoff;
    private final List<MailboxIdler> idlers;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    /** Polling alone. */
    public MailboxPollingSchedule(MailboxPoller poller, Duration interval, Duration maxBackoff) {
        this(List.of(poller), interval, maxBackoff, new IntakeProperties.Idle(false, null));
    }

    public MailboxPollingSchedule(
            MailboxPoller poller, Duration interval, Duration maxBackoff, IntakeProperties.Idle idle) {
        this(List.of(poller), interval, maxBackoff, idle);
    }

    public MailboxPollingSchedule(
            List<MailboxPoller> pollers, Duration interval, Duration maxBackoff, IntakeProperties.Idle idle) {
        this.pollers = List.copyOf(pollers);
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.idlers = idle.enabled()
                ? this.pollers.stream()
                        .map(p -> new MailboxIdler(p, idle.refresh(), maxBackoff))
                        .toList()
                : List.of();
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
        executor = Executors.newScheduledThreadPool(pollers.size(), r -> {
            Thread t = new Thread(r, "mailbox-poller");
            t.setDaemon(true);
            return t;
        });
        running = true;
        for (MailboxPoller poller : pollers) {
            if (idlers.isEmpty()) {
                poller.status().readingByPolling("desk.intake.idle.enabled is false");
            }
            executor.execute(() -> poll(poller));
            log.info("Reading mailbox {} every {}", poller.name(), interval);
        }
        idlers.forEach(MailboxIdler::start);
    }

    private void poll(MailboxPoller poller) {
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
            log.error("Poll of mailbox {} failed unexpectedly", poller.name(), unexpected);
            next = backoff(interval, maxBackoff, Math.max(1, poller.status().consecutiveFailures()));
        }
        poller.status().nextAttemptIn(next);
        if (running) {
            executor.schedule(() -> poll(poller), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        idlers.forEach(MailboxIdler::stop);
        if (executor != null) {
            executor.shutdown();
            try {
                // A poll in progress finishes its current mail; the rest wait for the next start.
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pollers.forEach(MailboxPoller::disconnect);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
