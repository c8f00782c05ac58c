package uk.lucidservices.privacydesk.intake;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every mailbox the intake reads ({@code desk.intake.mailboxes}), each with its own poller: its own
 * connection, processed folder and health. Mail from any of them goes through the same intake, so a
 * request sent to the published address and one sent to the privacy address are treated alike.
 */
class IntakeMailboxes {

    private final List<MailboxPoller> pollers;

    IntakeMailboxes(IntakeProperties properties, MailIntake intake, Clock clock) {
        List<MailboxPoller> all = new ArrayList<>();
        for (IntakeProperties.Mailbox mailbox : properties.allMailboxes()) {
            all.add(new MailboxPoller(
                    mailbox,
                    properties.polling().batchSize(),
                    properties.polling().threads(),
                    intake,
                    clock));
        }
        this.pollers = List.copyOf(all);
    }

    List<MailboxPoller> pollers() {
        return pollers;
    }

    /** The first mailbox configured: the privacy mailbox. */
    MailboxPoller first() {
        return pollers.get(0);
    }

    /** Polls each mailbox once; a mailbox that fails does not stop the others. */
    Map<String, MailboxPoller.PollReport> pollEach() {
        Map<String, MailboxPoller.PollReport> reports = new LinkedHashMap<>();
        for (MailboxPoller poller : pollers) {
            reports.put(poller.name(), poller.pollOnce());
        }
        return reports;
    }

    /** Each mailbox's status by name, for health. */
    Map<String, MailboxStatus> statuses() {
        Map<String, MailboxStatus> statuses = new LinkedHashMap<>();
        pollers.forEach(p -> statuses.put(p.name(), p.status()));
        return statuses;
    }

    /**
     * Expunges these Message-IDs from every mailbox's processed folder (a mail is in the one that
     * received it); answers how many were expunged in all.
     */
    int expungeProcessed(Collection<String> messageIds) throws MessagingException {
        int expunged = 0;
        for (MailboxPoller poller : pollers) {
            expunged += poller.expungeProcessed(messageIds);
        }
        return expunged;
    }

    void close() {
        pollers.forEach(MailboxPoller::close);
    }
}
