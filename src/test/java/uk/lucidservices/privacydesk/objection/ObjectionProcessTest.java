package uk.lucidservices.privacydesk.objection;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.records.SuppressionList.MarketingChannel;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestLinks;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Issue 15 §1: "please stop calling me" is a marketing objection of its own. It needs no ID, suppresses
 * the identifiers given for calls, texts and email, erases nothing, confirms in a letter and is done
 * by the next working day; a mail asking for erasure too opens both requests, linked.
 * Demo people 271, 273, 275 and 277 are used by no other test class.
 */
class ObjectionProcessTest extends DeskIntegrationTest {

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
    SuppressionList suppression;

    @Autowired
    MailboxPoller poller;

    @Autowired
    IntakeLog intakeLog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    SentLetters sentLetters;

    @BeforeEach
    void engine() {
        ProcessAssertions.init(engine);
    }

    @Test
    void aStopCallingMailSuppressesTheNumberAndAddressForEveryChannelErasesNothingAndConfirms() throws Exception {
        DemoPerson person = person(271);
        long lead = insertLead(person);
        assertThat(suppression.isSuppressed(MarketingChannel.CALLS, person.phone()))
                .isFalse();

        Request request = deliverAndPoll(TestMail.fromHeader(
                        person.firstName() + " " + person.lastName() + " <" + person.email() + ">")
                .subject("Calls")
                .text("Please stop calling me on " + person.phoneVariants().get(1) + ". I never asked for these."));

        assertThat(request.type()).isEqualTo(RequestType.OBJECTION);
        assertThat(request.reference()).startsWith("OBJ-");
        ProcessInstance pi = instance(request);
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_SuppressObjectedIdentifiers", "CallActivity_SlaClocks");
        runDueJobs(pi.getId());

        ProcessAssertions.assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "Task_SuppressObjectedIdentifiers",
                        "Task_SendObjectionConfirmation",
                        "Task_CloseObjection",
                        "End_ObjectionActedOn");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(request.reference())
                        .count())
                .as("the clocks end with the request")
                .isZero();
        // Every written form of the number, and the address in any case, is now suppressed on every channel.
        for (String phone : person.phoneVariants()) {
            assertThat(suppression.isSuppressed(MarketingChannel.CALLS, phone))
                    .as(phone)
                    .isTrue();
            assertThat(suppression.isSuppressed(MarketingChannel.TEXTS, phone))
                    .as(phone)
                    .isTrue();
        }
        assertThat(suppression.isSuppressed(
                        MarketingChannel.EMAIL, person.email().toUpperCase()))
                .isTrue();
        assertThat(jdbc.queryForList(
                        "SELECT reason FROM records.suppression WHERE request_reference = ?",
                        String.class,
                        request.reference()))
                .containsExactly("Marketing objection", "Marketing objection");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM records.tm_lead WHERE id = ?", Integer.class, lead))
                .as("an objection does not erase the lead")
                .isEqualTo(1);

        Request closed = register.get(request.reference());
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.outcome()).isEqualTo("SUPPRESSED");
        MimeMessage letter = onlyMailTo(person.email());
        assertThat(letter.getSubject()).isEqualTo("We have stopped marketing to you [" + request.reference() + "]");
        assertThat(sentLetters.forReference(request.reference()))
                .extracting(SentLetters.SentLetter::template)
                .containsExactly("objection-confirmation");
        assertThat(register.events(request.id()))
                .extracting(RequestRegister.RequestEvent::detail)
                .anyMatch(
                        d -> d.equals(
                                "1 phone and 1 email keys on the marketing suppression list for calls, texts and email (keyed hashes; 2 new)"));

        // The engine kept references and step settings only.
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("requestReference", "requestId", "letter", "objectionOutcome");
    }

    @Test
    void anObjectionByPhoneIsDueTheNextWorkingDayWithinTheStatutoryMonthAndItsLetterGoesByPost() {
        DemoPerson person = person(273);
        ResponseEntity<Map> created = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type",
                                "OBJECTION",
                                "channel",
                                "PHONE",
                                "name",
                                person.firstName() + " " + person.lastName(),
                                "phone",
                                person.phone()),
                        Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // Received Monday 15 June 2026: acted on by Tuesday 16 June; the month ends Wednesday 15 July.
        assertThat(created.getBody())
                .containsEntry("internalTarget", "2026-06-16")
                .containsEntry("statutoryDeadline", "2026-07-15")
                .containsEntry("escalationDate", "2026-06-16");
        Request request = register.get((String) created.getBody().get("reference"));
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(suppression.isSuppressed(
                        MarketingChannel.CALLS, person.phoneVariants().get(3)))
                .isTrue();
        assertThat(suppression.isSuppressed(MarketingChannel.EMAIL, person.email()))
                .as("no address was given")
                .isFalse();
        Task post = tasks.createTaskQuery()
                .taskName("Post the 'objection-confirmation' letter for " + request.reference())
                .singleResult();
        assertThat(post).as("the confirmation goes by post").isNotNull();
        assertThat(register.get(request.reference()).outcome()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aMailAskingForErasureAndAnEndToCallsOpensBothRequestsLinked() throws Exception {
        DemoPerson person = person(275);
        Request erasure = deliverAndPoll(TestMail.fromHeader("<" + person.email() + ">")
                .subject("Enough")
                .text("Please delete my data and stop calling me."));

        assertThat(erasure.type()).isEqualTo(RequestType.ERASURE);
        List<String> linked = links.linked(erasure.id());
        assertThat(linked).singleElement().satisfies(ref -> assertThat(ref).startsWith("OBJ-"));
        Request objection = register.get(linked.get(0));
        assertThat(links.linked(objection.id())).containsExactly(erasure.reference());
        assertThat(objection.requesterEmail()).isEqualTo(person.email());

        runDueJobs(instance(objection).getId());
        assertThat(register.get(objection.reference()).outcome()).isEqualTo("SUPPRESSED");
        assertThat(suppression.isSuppressed(MarketingChannel.EMAIL, person.email()))
                .isTrue();
        // The erasure goes its own way: it still waits for an officer to confirm who is asking.
        ProcessInstance erasurePi = instance(erasure);
        runDueJobs(erasurePi.getId());
        ProcessAssertions.assertThat(erasurePi).isWaitingAt("Task_ConfirmIdentity");
    }

    @Test
    void anOfficerCanTriageAMailAsAnObjection() {
        DemoPerson person = person(277);
        TestMail mail = TestMail.fromHeader("<" + person.email() + ">")
                .subject("Your salesman")
                .text("Your man rang me three times yesterday during dinner. Enough.");
        deliver(mail);
        poll();
        IntakeLog.Entry entry = intakeLog.findByMessageId(mail.messageId()).get(0);
        Task triage = tasks.createTaskQuery()
                .processInstanceId(entry.triageInstanceId())
                .singleResult();

        ResponseEntity<String> done = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/engine-rest/task/" + triage.getId() + "/complete",
                        Map.of("variables", Map.of("triageDecision", Map.of("value", "OBJECTION"))),
                        String.class);

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Request request = register.get(intakeLog.find(entry.id()).orElseThrow().requestReference());
        assertThat(request.type()).isEqualTo(RequestType.OBJECTION);
        runDueJobs(instance(request).getId());
        assertThat(suppression.isSuppressed(MarketingChannel.EMAIL, person.email()))
                .isTrue();
        assertThat(register.get(request.reference()).outcome()).isEqualTo("SUPPRESSED");
    }

    private long insertLead(DemoPerson person) {
        return jdbc.queryForObject(
                """
                INSERT INTO records.tm_lead (source, name, email, email_key, phone, phone_key, consent, tps_status, imported_on)
                VALUES ('Test list', ?, ?, ?, ?, ?, TRUE, 'UNCHECKED', ?) RETURNING id""",
                Long.class,
                person.firstName(),
                person.email(),
                person.email(),
                person.phone(),
                e164(person),
                LocalDate.of(2026, 6, 1));
    }

    private static String e164(DemoPerson person) {
        return "+44" + person.phone().replace(" ", "").substring(1);
    }

    private Request deliverAndPoll(TestMail mail) {
        deliver(mail);
        poll();
        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries).isNotEmpty();
        return register.get(entries.get(0).requestReference());
    }

    private static void deliver(TestMail mail) {
        Smtp.send(TestMailServer.smtpPort(), mail.address(), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
    }

    private void poll() {
        MailboxPoller.PollReport report = poller.pollOnce();
        assertThat(report.failed()).as("poll error: %s", report.error()).isFalse();
    }

    private ProcessInstance instance(Request request) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(register.get(request.reference()).processInstanceId())
                .singleResult();
    }

    private static MimeMessage onlyMailTo(String address) {
        List<MimeMessage> mails = Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        Address[] to = m.getAllRecipients();
                        return to != null
                                && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a)
                                        .getAddress()
                                        .equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(ObjectionProcessTest.class, index);
    }
}
