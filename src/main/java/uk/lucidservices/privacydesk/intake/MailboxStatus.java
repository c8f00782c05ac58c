package uk.lucidservices.privacydesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;

/**
 * How reading the mailbox is going, for health and logs: when it last worked, how often it has
 * failed in a row and why, and when the next attempt is due. Never names a mail or a person.
 */
class MailboxStatus {

    private final Clock clock;
    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastError;
    private int consecutiveFailures;
    private Instant nextAttempt;
    private long mailsRead;
    private String reading = POLLING;
    private String readingNote;
    private long mailsReadOnIdle;
    private int idleReconnects;

    /** How the mailbox is read: new mail announced by the server, or found by the next poll. */
    static final String IDLE = "IDLE";

    static final String POLLING = "polling";

    public MailboxStatus(Clock clock) {
        this.clock = clock;
    }

    synchronized void succeeded(int mails) {
        lastSuccess = clock.instant();
        consecutiveFailures = 0;
        lastError = null;
        mailsRead += mails;
    }

    synchronized void failed(String error) {
        lastFailure = clock.instant();
        lastError = error;
        consecutiveFailures++;
    }

    synchronized void nextAttemptIn(Duration delay) {
        nextAttempt = clock.instant().plus(delay);
    }

    /** The IDLE connection is open: new mail is read as the server announces it. */
    synchronized void readingByIdle() {
        reading = IDLE;
        readingNote = null;
    }

    /** Only the poll reads the mailbox, and why (no personal data: a configuration or server fact). */
    synchronized void readingByPolling(String why) {
        reading = POLLING;
        readingNote = why;
    }

    /** The IDLE connection was lost; polling carries on while it is reopened after {@code retryIn}. */
    synchronized void idleLost(String error, Duration retryIn) {
        reading = POLLING;
        readingNote = "IDLE connection lost (" + error + "), reconnecting at "
                + clock.instant().plus(retryIn);
        idleReconnects++;
    }

    /** Mails read because the server announced them over IDLE (not by a scheduled poll). */
    synchronized void readOnIdle(int mails) {
        mailsReadOnIdle += mails;
    }

    public synchronized String reading() {
        return reading;
    }

    public synchronized long mailsRead() {
        return mailsRead;
    }

    public synchronized long mailsReadOnIdle() {
        return mailsReadOnIdle;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized boolean reachable() {
        return consecutiveFailures == 0 && lastSuccess != null;
    }

    public synchronized Health health() {
        Health.Builder builder = lastSuccess == null && consecutiveFailures == 0
                ? Health.unknown()
                : consecutiveFailures > 0 ? Health.down() : Health.up();
        if (lastSuccess != null) {
            builder.withDetail("lastSuccess", lastSuccess.toString());
        }
        if (consecutiveFailures > 0) {
            builder.withDetail("consecutiveFailures", consecutiveFailures)
                    .withDetail("lastFailure", lastFailure.toString())
                    .withDetail("error", lastError);
        }
        if (nextAttempt != null) {
            builder.withDetail("nextAttempt", nextAttempt.toString());
        }
        builder.withDetail("reading", reading);
        if (readingNote != null) {
            builder.withDetail("readingNote", readingNote);
        }
        if (idleReconnects > 0) {
            builder.withDetail("idleReconnects", idleReconnects);
        }
        return builder.withDetail("mailsRead", mailsRead)
                .withDetail("mailsReadOnIdle", mailsReadOnIdle)
                .build();
    }
}
