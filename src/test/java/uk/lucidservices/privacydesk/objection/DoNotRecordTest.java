package uk.lucidservices.privacydesk.objection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.intake.IntakeLog;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.DoNotRecordList;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestLinks;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Issue 15 §2: "stop recording my calls" puts the caller's numbers on the do-not-record list, kept
 * as keyed hashes, with the numbers themselves only in the feed the phone system polls (its own
 * account, group phone-system). Demo people 279 and 281 are used by no other test class.
 */
class DoNotRecordTest extends DeskIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    RequestRegister register;

    @Autowired
    RequestLinks links;

    @Autowired
    SuppressionList hashes;

    @Autowired
    DoNotRecordList list;

    @Autowired
    MailboxPoller poller;

    @Autowired
    IntakeLog intakeLog;

    @Autowired
    SentLetters sentLetters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void engine() {
        ProcessAssertions.init(engine);
    }

    @Test
    void aPhonedRequestPutsTheNumberOnTheFeedThePhoneSystemReadsAndKeepsOnlyItsHashOnTheList() {
        DemoPerson person = person(279);
        String e164 = "+447700900279";
        ResponseEntity<Map> created = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type",
                                "DO_NOT_RECORD",
                                "channel",
                                "PHONE",
                                "name",
                                person.name(),
                                "phone",
                                person.phone()),
                        Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Received Monday 15 June 2026: acted on by Tuesday 16 June; the month ends Wednesday 15 July.
        assertThat(created.getBody())
                .containsEntry("internalTarget", "2026-06-16")
                .containsEntry("statutoryDeadline", "2026-07-15");
        Request request = register.get((String) created.getBody().get("reference"));
        assertThat(request.reference()).startsWith("DNR-");
        assertThat(feedCsv()).doesNotContain(e164);

        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());

        ProcessAssertions.assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "Task_PutNumbersOnDoNotRecordList",
                        "Task_SendDoNotRecordConfirmation",
                        "Task_CloseDoNotRecord",
                        "End_RecordingStopped");
        assertThat(register.get(request.reference()).outcome()).isEqualTo("NOT_RECORDED");
        assertThat(list.isListed(person.phoneVariants().get(4))).isTrue();
        assertThat(feedCsv()).contains("number\r\n").contains(e164 + "\r\n");
        ResponseEntity<Map> json = http.withBasicAuth("pbx", "pbx").getForEntity("/api/pbx/do-not-record", Map.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat((List<String>) json.getBody().get("numbers")).contains(e164);

        // The list is hashes; the number itself is only in the feed table.
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM records.do_not_record WHERE request_reference = ?", request.reference());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("key_hash")).isEqualTo(hashes.hash(e164));
            assertThat(row.values().toString()).doesNotContain("900279");
        });
        assertThat(tasks.createTaskQuery()
                        .taskName("Post the 'do-not-record-confirmation' letter for " + request.reference())
                        .count())
                .as("no email address: the letter goes by post")
                .isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("requestReference", "requestId", "letter", "objectionOutcome", "noNumberGiven");
    }

    @Test
    void aMailAskingToStopRecordingAndToDeleteTheRecordingsOpensBothLinkedAndConfirmsByMail() {
        DemoPerson person = person(281);
        TestMail mail = TestMail.fromHeader("<" + person.email() + ">")
                .subject("Recordings")
                .text("Please delete my call recordings and stop recording my calls. My number is " + person.phone()
                        + ".");
        Smtp.send(TestMailServer.smtpPort(), mail.address(), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
        MailboxPoller.PollReport report = poller.pollOnce();
        assertThat(report.failed()).isFalse();

        Request erasure =
                register.get(intakeLog.findByMessageId(mail.messageId()).get(0).requestReference());
        assertThat(erasure.type()).isEqualTo(RequestType.ERASURE);
        Request stop = register.get(links.linked(erasure.id()).get(0));
        assertThat(stop.type()).isEqualTo(RequestType.DO_NOT_RECORD);
        runDueJobs(instance(stop).getId());

        assertThat(list.isListed(person.phone())).isTrue();
        assertThat(sentLetters.forReference(stop.reference()))
                .extracting(SentLetters.SentLetter::template)
                .containsExactly("do-not-record-confirmation");
        assertThat(Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                        .filter(m -> {
                            try {
                                return m.getSubject().equals("We will not record your calls [" + stop.reference() + "]")
                                        && ((InternetAddress) m.getAllRecipients()[0])
                                                .getAddress()
                                                .equalsIgnoreCase(person.email());
                            } catch (MessagingException e) {
                                return false;
                            }
                        })
                        .count())
                .as("the confirmation, by mail to the sender")
                .isEqualTo(1);
    }

    @Test
    void onlyThePhoneSystemsAccountReadsTheFeedAndThatAccountReadsNothingElse() {
        assertThat(http.getForEntity("/api/pbx/do-not-record.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .getForEntity("/api/pbx/do-not-record.csv", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("pbx", "pbx")
                        .getForEntity("/api/pbx/do-not-record.csv", String.class)
                        .getHeaders()
                        .getContentType()
                        .toString())
                .isEqualTo("text/csv;charset=UTF-8");
        assertThat(http.withBasicAuth("pbx", "pbx")
                        .getForEntity("/api/sla/requests", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("pbx", "pbx")
                        .postForEntity(
                                "/api/requests",
                                Map.of(
                                        "type",
                                        "OBJECTION",
                                        "channel",
                                        "PHONE",
                                        "name",
                                        "Nobody",
                                        "phone",
                                        "01632 960999"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("pbx", "pbx")
                        .getForEntity("/engine-rest/process-definition", String.class)
                        .getBody())
                .as("no process is visible to it")
                .isEqualTo("[]");
    }

    private String feedCsv() {
        ResponseEntity<String> csv =
                http.withBasicAuth("pbx", "pbx").getForEntity("/api/pbx/do-not-record.csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        return csv.getBody();
    }

    private ProcessInstance instance(Request request) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(register.get(request.reference()).processInstanceId())
                .singleResult();
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(DoNotRecordTest.class, index);
    }
}
