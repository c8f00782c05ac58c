package uk.lucidservices.privacydesk.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.Deadlines;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Short e-mails to staff about a request's clocks: reminders to assignees, escalations and
 * breaches to managers. Letter {@code staff-notice}, sent and recorded by the letter service like
 * every letter, to the staff named here: it carries the reference and dates only, never the
 * requester's details (the letter service gives staff letters no personal data to show).
 */
@Component
class StaffNotices {

    public enum Kind {
        REMINDER,
        ESCALATION,
        BREACH
    }

    static final String TEMPLATE = "staff-notice";

    private final LetterService letters;
    private final IdentityService identityService;
    private final DeadlineCalculator calculator;
    private final Clock clock;
    private final String deskUrl;

    public StaffNotices(
            LetterService letters,
            IdentityService identityService,
            DeadlineCalculator calculator,
            Clock clock,
            SlaProperties properties) {
        String deskUrl = properties.notices().deskUrl();
        this.letters = letters;
        this.identityService = identityService;
        this.calculator = calculator;
        this.clock = clock;
        this.deskUrl = deskUrl.endsWith("/") ? deskUrl.substring(0, deskUrl.length() - 1) : deskUrl;
    }

    public List<String> managers() {
        return identityService.createUserQuery().memberOfGroup(DeskGroups.MANAGERS).list().stream()
                .map(User::getId)
                .toList();
    }

    /** Sends one notice to the users with an e-mail address; answers how many addresses it went to. */
    public int send(Collection<String> userIds, Kind kind, SlaClock about, Request request, Deadlines d) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String userId : userIds) {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
                addresses.add(user.getEmail());
            }
        }
        if (addresses.isEmpty()) {
            return 0;
        }
        String role = kind == Kind.REMINDER ? "assignees" : "managers";
        Map<String, Object> values = values(kind, about, d);
        values.put("clock", about.label(request.type()));
        letters.send(Recipient.staff(role, addresses), request.reference(), TEMPLATE, values, null);
        return addresses.size();
    }

    /** The notice's values; the reference and request type come from the letter service. */
    Map<String, Object> values(Kind kind, SlaClock about, Deadlines d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(kind.name().toLowerCase(Locale.ROOT), true);
        values.put("clock", about.label());
        values.put(
                "breachedDate",
                (about == SlaClock.INTERNAL_TARGET ? d.internalTarget() : d.statutoryDeadline()).toString());
        values.put("targetDate", d.internalTarget().toString());
        values.put("targetIn", in(d.internalTarget()));
        values.put("deadlineDate", d.statutoryDeadline().toString());
        values.put("deadlineIn", in(d.statutoryDeadline()));
        values.put("paused", d.paused());
        values.put("deadlineExtended", d.extended());
        values.put("deskUrl", deskUrl);
        return values;
    }

    private String in(LocalDate date) {
        long days = calculator.daysLeft(date, LocalDate.now(clock));
        if (days == 0) {
            return "today";
        }
        if (days > 0) {
            return "in " + days + (days == 1 ? " day" : " days");
        }
        return -days + (days == -1 ? " day ago" : " days ago");
    }
}
