package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Issue 14: a requester's ID that reaches the privacy mailbox but needs a person (it came from an
 * address not on the request) is filed from triage days later; the clock still starts on the day
 * the mail arrived, not the day it was triaged.
 */
class TriagedReplyArrivalDateTest extends IntakeTestSupport {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MailIntake intake;

    @Autowired
    RequestStarter starter;

    @Autowired
    IdentityService identityService;

    @Test
    void idFiledFromTriageOnMondayStartsTheClockOnThursdayWhenTheMailArrived() {
        // A stranger's access request, received Monday 1 June: no customer matches, so the desk asks for ID.
        Request request = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name("Tess Arrival")
                .email("tess.arrival@example.org")
                .summary("Please send me a copy of my personal data")
                .receivedAt(OffsetDateTime.of(2026, 6, 1, 11, 0, 0, 0, ZoneOffset.UTC))
                .loggedBy("intake")
                .build());
        ProcessInstance pi = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
        runJobs(pi);
        assertThat(register.get(request.reference()).paused())
                .as("waiting for ID: no clock runs")
                .isTrue();

        // The ID arrived on Thursday 11 June at 10:00 from another address, so it waited for a person.
        IntakeResult received = intake.receive(RawMail.of(
                TestMail.from("Tess Other")
                        .subject("Re: Please confirm your identity [" + request.reference() + "]")
                        .text("My passport, as you asked.")
                        .attach("passport.pdf", "application/pdf", PDF)
                        .bytes(),
                LocalDateTime.of(2026, 6, 11, 10, 0)
                        .atZone(TestClock.START.getZone())
                        .toInstant()));
        assertThat(received.outcome()).isEqualTo(IntakeOutcome.TRIAGE);
        IntakeLog.Entry entry = intakeLog.find(received.intakeId()).orElseThrow();
        Task triage = taskService
                .createTaskQuery()
                .processInstanceId(entry.triageInstanceId())
                .singleResult();

        // Filed as the reply today, Monday 15 June.
        identityService.setAuthentication("olivia", List.of(DeskGroups.PRIVACY_OFFICERS));
        try {
            taskService.complete(
                    triage.getId(), Map.of("triageDecision", "REPLY", "replyReference", request.reference()));
        } finally {
            identityService.clearAuthentication();
        }
        runJobs(pi);

        // The clock starts on Thursday 11 June, day 1. Day 28 is Wednesday 8 July; one month is
        // Saturday 11 July, so the statutory deadline is Monday 13 July.
        Request started = register.get(request.reference());
        assertThat(started.clockStart()).isEqualTo(LocalDate.of(2026, 6, 11));
        assertThat(started.internalTarget()).isEqualTo(LocalDate.of(2026, 7, 8));
        assertThat(started.statutoryDeadline()).isEqualTo(LocalDate.of(2026, 7, 13));
        assertThat(started.paused()).as("the ID arrived: the clock runs").isFalse();
        assertThat(register.events(request.id()))
                .filteredOn(e -> e.kind().equals("REPLY_RECEIVED"))
                .anySatisfy(e -> assertThat(e.detail()).contains("received=2026-06-11"));
        assertThat(register.events(request.id()))
                .filteredOn(e -> e.kind().equals("CLOCK_START_MOVED"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("Clock starts on 2026-06-11"));
    }
}
