package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.calendar.Deadlines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short e-mails to staff about a request's clocks: reminders to assignees, escalations and
 * breaches to managers. They carry the reference and dates only, never the requester's details.
 * Letters to requesters are a different thing (the mail feature).
 */
@Component
class StaffNotices {

    public enum Kind { REMINDER, ESCALATION, BREACH }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private final JavaMailSender mailSender;
    private final IdentityService identityService;
    private final DeadlineCalculator calculator;
    private final Clock clock;
    private final String from;
    private final String deskUrl;
    private final String template;

    public StaffNotices(JavaMailSender mailSender, IdentityService identityService, DeadlineCalculator calculator,
                        Clock clock,
                        @Value("${desk.sla.notices.from:privacy-desk@lucidservices.co.uk}") String from,
                        @Value("${desk.sla.notices.desk-url:http://localhost:8080}") String deskUrl) {
        this.mailSender = mailSender;
        this.identityService = identityService;
        this.calculator = calculator;
        this.clock = clock;
        this.from = from;
        this.deskUrl = deskUrl.endsWith("/") ? deskUrl.substring(0, deskUrl.length() - 1) : deskUrl;
        this.template = read("sla/staff-notice.txt");
    }

    public List<String> managers() {
        return identityService.createUserQuery().memberOfGroup(DeskGroups.MANAGERS).list().stream()
                .map(User::getId).toList();
    }

    /** Sends one notice to each user with an e-mail address; answers how many were sent. */
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
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(addresses.toArray(String[]::new));
        message.setSubject("[Privacy Desk] " + subject(kind, about, request, d));
        message.setText(body(kind, about, request, d));
        mailSender.send(message);
        return addresses.size();
    }

    String subject(Kind kind, SlaClock about, Request r, Deadlines d) {
        return switch (kind) {
            case REMINDER -> "Reminder: " + r.reference() + " internal target " + d.internalTarget();
            case ESCALATION -> "Escalation: " + r.reference() + " internal target " + in(d.internalTarget());
            case BREACH -> "SLA breach: " + r.reference() + " " + about.label() + " missed";
        };
    }

    String body(Kind kind, SlaClock about, Request r, Deadlines d) {
        String headline = switch (kind) {
            case REMINDER -> "A request you are working on reaches its internal target " + in(d.internalTarget()) + ".";
            case ESCALATION -> "This request reaches its internal target " + in(d.internalTarget())
                    + " and is not finished.";
            case BREACH -> "The " + about.label() + " of this request ("
                    + (about == SlaClock.INTERNAL_TARGET ? d.internalTarget() : d.statutoryDeadline())
                    + ") has passed and the request is still open.";
        };
        String action = switch (kind) {
            case REMINDER -> "Please finish your open task(s) on it, or hand them on if you cannot.";
            case ESCALATION -> "Please check progress with the assignee, add hands if needed, and decide any"
                    + " extension while the first month runs.";
            case BREACH -> "The breach is recorded on the request and shows as an incident on it in Cockpit"
                    + " until the request ends; annotate the incident there with what you did.";
        };
        String state = d.paused() ? "The clock is stopped awaiting clarification."
                : d.extended() ? "The statutory deadline has been extended." : "";
        return fill(Map.of(
                "headline", headline,
                "reference", r.reference(),
                "type", r.type().name(),
                "internalTarget", d.internalTarget().toString(),
                "internalDaysLeft", in(d.internalTarget()),
                "statutoryDeadline", d.statutoryDeadline().toString(),
                "statutoryDaysLeft", in(d.statutoryDeadline()),
                "state", state,
                "action", action,
                "deskUrl", deskUrl));
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

    private String fill(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Objects.requireNonNullElse(values.get(m.group(1)), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
