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
        return builder.withDetail("mailsRead", mailsRead).build();
    }
}
