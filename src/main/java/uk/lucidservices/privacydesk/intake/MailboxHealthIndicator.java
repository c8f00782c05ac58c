package uk.lucidservices.privacydesk.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The intake's mailboxes in /actuator/health (component "mailbox"): down while any of them cannot be
 * read, with each mailbox's own state under its name. Built on one status, it reports that one alone.
 */
class MailboxHealthIndicator implements HealthIndicator {

    private final Map<String, MailboxStatus> statuses;
    private final boolean single;

    public MailboxHealthIndicator(MailboxStatus status) {
        this.statuses = Map.of("mailbox", status);
        this.single = true;
    }

    public MailboxHealthIndicator(Map<String, MailboxStatus> statuses) {
        this.statuses = new LinkedHashMap<>(statuses);
        this.single = false;
    }

    @Override
    public Health health() {
        if (single) {
            return statuses.values().iterator().next().health();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean anyDown = false;
        boolean anyUnknown = false;
        for (Map.Entry<String, MailboxStatus> mailbox : statuses.entrySet()) {
            Health health = mailbox.getValue().health();
            anyDown |= Status.DOWN.equals(health.getStatus());
            anyUnknown |= Status.UNKNOWN.equals(health.getStatus());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", health.getStatus().getCode());
            one.putAll(health.getDetails());
            details.put(mailbox.getKey(), one);
        }
        Health.Builder builder = anyDown ? Health.down() : anyUnknown ? Health.unknown() : Health.up();
        return builder.withDetails(details).build();
    }
}
