package uk.lucidservices.privacydesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.lucidservices.privacydesk.ProcessAssertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.DeskProcessStart;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * One mailer for every letter: sent to the recipient the caller names, recorded on the request and
 * once in the sent letters, retried by the job executor through an SMTP outage and sent once after it.
 */
class LetterServiceTest extends DeskIntegrationTest {

    @Autowired
    LetterService letters;

    @Autowired
    TaskService taskService;

    @Autowired
    LetterQueue queue;

    @Autowired
    SentLetters sentLetters;

    @Autowired
    RequestRegister register;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JavaMailSenderImpl smtp;

    @Test
    void aLetterIsSentAsTextAndHtmlAndRecordedOnTheRequest() throws Exception {
        Request request = request("Anna Smith");

        SentLetters.SentLetter sent = letters.send(
                Recipient.requester(),
                request.reference(),
                "extension-notice",
                Map.of("extensionReason", "we hold many recordings"),
                null);

        MimeMessage mail = only(mailsTo(request.requesterEmail()));
        assertThat(mail.getSubject()).isEqualTo("We need more time for your request [" + request.reference() + "]");
        assertThat(mail.getMessageID()).isEqualTo(sent.messageId());
        assertThat(mail.getFrom()[0].toString()).contains("privacy@lucidservices.uk");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(raw(mail))
                .contains("multipart/alternative")
                .contains("text/plain")
                .contains("text/html");
        assertThat(sentLetters.forReference(request.reference()))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.template()).isEqualTo("extension-notice");
                    assertThat(l.recipient()).isEqualTo("requester");
                    assertThat(l.channel()).isEqualTo(Recipient.Channel.EMAIL);
                    assertThat(l.messageId()).isEqualTo(sent.messageId());
                });
        assertThat(register.events(request.id()))
                .filteredOn(e -> e.kind().equals("LETTER_SENT"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("template=extension-notice; to=requester"));
    }

    @Test
    void aRequestWithoutAnEmailAddressGetsItsLetterByPostThroughATaskThatNamesNoPerson() {
        Request request = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.PHONE)
                .name("Bo Phone")
                .phone("01632 960001")
                .loggedBy("test")
                .build());

        SentLetters.SentLetter posted =
                letters.send(Recipient.requester(), request.reference(), "acknowledgement", Map.of(), null);

        assertThat(sentLetters.forReference(request.reference()))
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.template()).isEqualTo("acknowledgement");
                    assertThat(l.recipient()).isEqualTo("requester");
                    assertThat(l.channel()).isEqualTo(Recipient.Channel.POST);
                    assertThat(l.messageId())
                            .as("a posted letter has no Message-ID")
                            .isNull();
                });
        assertThat(posted.channel()).isEqualTo(Recipient.Channel.POST);
        var task = taskService
                .createTaskQuery()
                .taskNameLike("%" + request.reference() + "%")
                .singleResult();
        assertThat(task.getName()).isEqualTo("Post the 'acknowledgement' letter for " + request.reference());
        assertThat(task.getName() + task.getDescription())
                .doesNotContain("01632")
                .doesNotContain("Bo");
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("privacy-officers"));
        assertThat(register.events(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("LETTER_TO_POST");
            assertThat(e.detail()).isEqualTo("template=acknowledgement; to=requester by post");
        });
        taskService.claim(task.getId(), "olivia");
        taskService.complete(task.getId());
        assertThat(register.events(request.id())).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("LETTER_POSTED");
            assertThat(e.detail()).isEqualTo("template=acknowledgement; to=requester by post");
        });
        // The letter staff print says how to answer by post, to the company's postal address.
        assertThat(sentLetters.toPost(request.reference())).singleElement().satisfies(l -> {
            assertThat(l.postedAt()).isNotNull();
            assertThat(l.text())
                    .contains("To reply by post, write to us at The Privacy Team, Lucid Services Ltd,")
                    .contains("quoting our reference " + request.reference())
                    .doesNotContain("keep our reference");
        });
    }

    @Test
    void aLetterCanBeChangedWithoutCodeByDroppingATemplateInTheLettersFolder() throws Exception {
        Path override = Path.of("target/test-data/letters/acknowledgement.subject");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "Thanks, {{firstName}}: we have your request");
        try {
            Request request = request("Cleo Day");
            letters.send(Recipient.requester(), request.reference(), "acknowledgement", Map.of(), null);

            assertThat(only(mailsTo(request.requesterEmail())).getSubject())
                    .isEqualTo("Thanks, Cleo: we have your request [" + request.reference() + "]");
        } finally {
            Files.delete(override);
        }
    }

    @Test
    void theSendLetterStepTakesTheRecipientFromTheRegisterNeverFromVariables() {
        Request request = request("Dina Fox");
        String elsewhere = "someone.else." + UUID.randomUUID() + "@example.com";
        ProcessInstance letter = DeskProcessStart.byDesk(() -> runtimeService.startProcessInstanceByKey(
                LetterQueue.PROCESS_KEY,
                request.reference(),
                Map.of(
                        "requestReference",
                        request.reference(),
                        "requestId",
                        request.id(),
                        "letterTemplate",
                        "id-request",
                        "requesterEmail",
                        elsewhere,
                        "email",
                        elsewhere,
                        "to",
                        elsewhere)));

        managementService.executeJob(job(letter).getId());

        assertThat(letter).isEnded();
        assertThat(mailsTo(request.requesterEmail())).hasSize(1);
        assertThat(mailsTo(elsewhere)).isEmpty();
        assertThat(sentLetters.forReference(request.reference()))
                .singleElement()
                .satisfies(l -> assertThat(l.processInstanceId()).isEqualTo(letter.getId()));
    }

    @Test
    void duringAnSmtpOutageTheLetterIsRetriedThenAnIncidentAndIsSentOnceAfterwards() throws Exception {
        Request request = request("Eli Grant");
        ProcessInstance letter = DeskProcessStart.byDesk(() -> runtimeService.startProcessInstanceByKey(
                LetterQueue.PROCESS_KEY,
                request.reference(),
                Map.of(
                        "requestReference",
                        request.reference(),
                        "requestId",
                        request.id(),
                        "letterTemplate",
                        "acknowledgement")));
        String jobId = job(letter).getId();
        int realPort = smtp.getPort();
        smtp.setPort(closedPort());
        try {
            // First failure: retried in five minutes, nothing sent or recorded, no personal data in the error.
            Instant beforeFailure = ClockUtil.getCurrentTime().toInstant();
            assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining(request.reference());
            Job failed = managementService.createJobQuery().jobId(jobId).singleResult();
            assertThat(failed.getRetries()).isEqualTo(4);
            assertThat(failed.getExceptionMessage())
                    .contains("ConnectException")
                    .doesNotContain(request.requesterEmail());
            assertThat(failed.getDuedate().toInstant()).isAfter(beforeFailure.plus(4, ChronoUnit.MINUTES));
            assertThat(sentLetters.forReference(request.reference())).isEmpty();
            assertThat(register.events(request.id())).noneMatch(e -> e.kind().equals("LETTER_SENT"));

            // The outage lasts: after five attempts the letter is an incident someone will see in Cockpit.
            for (int attempt = 2; attempt <= 5; attempt++) {
                assertThatThrownBy(() -> managementService.executeJob(jobId))
                        .isInstanceOf(LetterNotSentException.class);
            }
            Incident incident = runtimeService
                    .createIncidentQuery()
                    .processInstanceId(letter.getId())
                    .singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getIncidentMessage()).contains(request.reference());
        } finally {
            smtp.setPort(realPort);
        }
        assertThat(mailsTo(request.requesterEmail())).isEmpty();

        // SMTP is back and the incident is retried (what an operator does in Cockpit): sent once.
        managementService.setJobRetries(jobId, 1);
        managementService.executeJob(jobId);

        assertThat(letter).isEnded();
        assertThat(mailsTo(request.requesterEmail())).hasSize(1);
        assertThat(sentLetters.forReference(request.reference())).hasSize(1);
        assertThat(register.events(request.id()))
                .filteredOn(e -> e.kind().equals("LETTER_SENT"))
                .hasSize(1);
    }

    private Request request(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "."
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name(name)
                .email(email)
                .loggedBy("test")
                .build());
    }

    private Job job(ProcessInstance instance) {
        return managementService
                .createJobQuery()
                .processInstanceId(instance.getId())
                .singleResult();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
