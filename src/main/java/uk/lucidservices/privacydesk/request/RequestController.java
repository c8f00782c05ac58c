package uk.lucidservices.privacydesk.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.calendar.DeadlineCalculator;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Staff log requests that arrive by phone, letter or in person, and read a request's status
 * and clocks. Answers carry the reference and dates, not the requester's contact details.
 */
@RestController
@RequestMapping("/api/requests")
class RequestController {

    private final RequestStarter starter;
    private final CurrentStaff staff;
    private final DeadlineCalculator calculator;
    private final Clock clock;
    private final NeedToKnow needToKnow;
    private final RequesterDetailsCheck requesterDetails;

    public RequestController(
            RequestStarter starter,
            CurrentStaff staff,
            DeadlineCalculator calculator,
            Clock clock,
            NeedToKnow needToKnow,
            RequesterDetailsCheck requesterDetails) {
        this.needToKnow = needToKnow;
        this.requesterDetails = requesterDetails;
        this.starter = starter;
        this.staff = staff;
        this.calculator = calculator;
        this.clock = clock;
    }

    public record LogRequest(
            @NotNull RequestType type,
            @NotNull Channel channel,
            @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 64) String phone,
            @Size(max = 32) String accountNumber,
            @Size(max = 4000) String summary,
            OffsetDateTime receivedAt,
            Language language) {}

    public record RequestStatus(
            String reference,
            RequestType type,
            Channel channel,
            String status,
            OffsetDateTime receivedAt,
            LocalDate clockStart,
            LocalDate statutoryDeadline,
            long statutoryDaysLeft,
            LocalDate internalTarget,
            long internalDaysLeft,
            LocalDate escalationDate,
            boolean extended,
            boolean paused,
            boolean breached,
            String outcome,
            /** What the requester asked, in their words: the officer reads it to choose an erasure's scope. */
            String requestText) {}

    @PostMapping
    public ResponseEntity<RequestStatus> log(@Valid @RequestBody LogRequest body, BindingResult binding) {
        staff.requireAnyGroup(DeskGroups.WORKING_GROUPS.toArray(String[]::new));
        // Every bad field in one answer, bean constraints and identifiers alike; nothing is logged or started.
        List<String> problems = new ArrayList<>(binding.getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .toList());
        problems.addAll(requesterDetails.problems(
                body.name(), body.email(), body.phone(), body.accountNumber(), binding.hasFieldErrors("email")));
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(String.join("; ", problems));
        }
        if (body.receivedAt() != null
                && body.receivedAt().isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
            throw new InvalidRequestException("receivedAt is in the future");
        }
        Request request = starter.start(NewRequest.builder(body.type(), body.channel())
                .name(body.name())
                .email(body.email())
                .phone(body.phone())
                .accountNumber(body.accountNumber())
                .summary(body.summary())
                .receivedAt(body.receivedAt())
                .loggedBy(staff.userId())
                .language(body.language())
                .build());
        return ResponseEntity.created(URI.create("/api/requests/" + request.reference()))
                .body(status(request));
    }

    /** A request of another team's kind (a complaint, for a privacy officer) answers 404, as if it did not exist. */
    @GetMapping("/{reference}")
    public RequestStatus get(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.WORKING_GROUPS.toArray(String[]::new));
        return status(needToKnow.request(reference));
    }

    private RequestStatus status(Request r) {
        LocalDate today = LocalDate.now(clock);
        return new RequestStatus(
                r.reference(),
                r.type(),
                r.channel(),
                r.status(),
                r.receivedAt(),
                r.clockStart(),
                r.statutoryDeadline(),
                calculator.daysLeft(r.statutoryDeadline(), today),
                r.internalTarget(),
                calculator.daysLeft(r.internalTarget(), today),
                r.escalationDate(),
                r.extended(),
                r.paused(),
                r.breached(),
                r.outcome(),
                r.summary());
    }
}
