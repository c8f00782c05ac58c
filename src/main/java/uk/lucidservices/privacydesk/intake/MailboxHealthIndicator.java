package uk.lucidservices.privacydesk.intake;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The privacy mailbox in /actuator/health (component "mailbox"): down while it cannot be read. */
class MailboxHealthIndicator implements HealthIndicator {

    private final MailboxStatus status;

    public MailboxHealthIndicator(MailboxStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        return status.health();
    }
}
