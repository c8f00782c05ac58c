package uk.lucidservices.privacydesk.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.intake.IntakeLog;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestStarter;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Issue 14 §1: rectification (Art. 16), restriction (Art. 18), portability (Art. 20) and objection
 * to processing other than marketing (Art. 21(1)) run through one process, {@code rights-request},
 * with the intake paths, identity step, clocks, extension, clarification and letters of the other
 * requests, and one small step each for the right itself. The suite's clock is Monday 15 June 2026,
 * 09:00 London: a request received then is due by Wednesday 15 July 2026 (the same date next month,
 * a working day). Demo people 361, 363, 364, 366, 367 and 371 have one customer account or none, as the
 * tests say; 363 also sent a web enquiry.
 */
class RightsRequestProcessTest extends DeskIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/packs/[A-Za-z0-9_-]{43})");

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    FilterService filters;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    FormService forms;

    @Autowired
    RequestRegister register;

    @Autowired
    RequestStarter starter;

    @Autowired
    DemoDataGenerator demoData;

    @Autowired
    MailboxPoller poller;

    @Autowired
    IntakeLog intakeLog;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataMap dataMap;

    @Autowired
    List<RecordSource> recordSources;

    @Autowired
    VerifiedIdentifiers identifiers;

    @Autowired
    RightsDecisions decisions;

    @Autowired
    ProcessingRestrictions restrictions;

    @BeforeEach
    void engineAndData() {
        ProcessAssertions.init(engine);
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
    }

    @Test
    void aMailAskingForACorrectionIsConfirmedCorrectedAndAnsweredWithWhatChangedWhere() throws Exception {
        DemoPerson person = person(361);
        Request request = deliverAndPoll(TestMail.fromHeader(person.name() + " <" + person.email() + ">")
                .subject("Wrong address")
                .text("You have the wrong address on my account. Please correct my address to 4 Mill Lane, Leeds."));

        assertThat(request.type()).isEqualTo(RequestType.RECTIFICATION);
        assertThat(request.reference()).startsWith("REC-");
        assertThat(request.statutoryDeadline())
                .as("received Monday 15 June 2026: the same date next month")
                .isEqualTo(LocalDate.of(2026, 7, 15));
        ProcessInstance pi = instance(request);
        assertThat(pi.getProcessDefinitionId()).startsWith("rights-request:");
        runJobs(pi);
        assertThat(lettersSent(request.reference())).containsExactly("acknowledgement");
        assertThat(text(only(mailsTo(person.email()), "We have received")))
                .contains("request to correct your personal data")
                .contains("15 July 2026")
                .contains("what we corrected");
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_ConfirmIdentity", "CallActivity_SlaClocks");

        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));

        Task decide = task(pi, "Task_DecideRectification");
        assertFormDeployed(decide);
        assertThat(decide.getDueDate())
                .as("the decision is due on the statutory deadline")
                .isEqualTo(ukTime("2026-07-15T23:59"));
        assertThat(decide.getName()).contains(request.reference()).contains("rectification");
        assertThat(filteredTaskIds("Other rights: all by due date"))
                .as("the privacy officers' filter of the other rights lists it")
                .contains(decide.getId());
        tasks.claim(decide.getId(), "olivia");
        assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of("rightsDecision", "RECTIFIED")))
                .hasMessageContaining("what was corrected");

        String corrections = "CRM, customer account: address changed to 4 Mill Lane, Leeds.";
        tasks.complete(decide.getId(), Map.of("rightsDecision", "RECTIFIED", "decisionDetail", corrections));
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(register.get(request.reference()).outcome()).isEqualTo("RECTIFIED");
        assertThat(clocksOf(pi)).as("the clocks end with the answer").isNull();
        assertThat(lettersSent(request.reference())).containsExactly("acknowledgement", "rectification-decision");
        assertThat(text(only(mailsTo(person.email()), "our decision")))
                .contains("We have corrected or completed your personal data")
                .contains(corrections)
                .contains("Information Commissioner");
        assertThat(decisions.latest(register.get(request.reference()).id(), RightsDecisions.Kind.RECTIFICATION))
                .hasValueSatisfying(d -> {
                    assertThat(d.detail()).isEqualTo(corrections);
                    assertThat(d.decidedBy()).isEqualTo("olivia");
                });
        assertThat(historicValues(pi, "decisionDetail"))
                .as("the words leave the engine")
                .containsOnlyNulls();
        assertThat(eventKinds(request.reference()))
                .containsSubsequence("IDENTITY_CHECKED", "RIGHTS_DECISION", "CLOSED");
    }

    @Test
    void aRestrictionLoggedByPhoneFlagsThePersonsRecordsUntilALaterDecisionLiftsItAfterTellingThem() throws Exception {
        DemoPerson person = person(366);
        ResponseEntity<JsonNode> logged = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/requests",
                        Map.of(
                                "type", "RESTRICTION",
                                "channel", "PHONE",
                                "name", person.name(),
                                "email", person.email(),
                                "summary",
                                        "Says the calls on her bill are not hers; stop using the data until checked"),
                        JsonNode.class);
        assertThat(logged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = logged.getBody().get("reference").asText();
        assertThat(reference).startsWith("RES-");
        assertThat(logged.getBody().get("statutoryDeadline").asText()).isEqualTo("2026-07-15");
        ProcessInstance pi = instance(register.get(reference));
        runJobs(pi);

        // olivia took the call, so another officer checks who is asking.
        work(pi, "Task_ConfirmIdentity", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        Task decide = task(pi, "Task_DecideRestriction");
        assertFormDeployed(decide);
        tasks.claim(decide.getId(), "olivia");
        assertThatThrownBy(() -> tasks.complete(decide.getId(), Map.of("rightsDecision", "RESTRICTED")))
                .hasMessageContaining("grounds");
        tasks.complete(
                decide.getId(), Map.of("rightsDecision", "RESTRICTED", "restrictionGrounds", "ACCURACY_CONTESTED"));
        runJobs(pi);

        long requestId = register.get(reference).id();
        assertThat(restrictions.find(requestId)).hasValueSatisfying(r -> {
            assertThat(r.active()).isTrue();
            assertThat(r.grounds()).isEqualTo(ProcessingRestrictions.Grounds.ACCURACY_CONTESTED);
            assertThat(r.placedBy()).isEqualTo("olivia");
        });
        assertThat(register.get(reference).outcome()).isEqualTo("RESTRICTED");
        assertThat(register.get(reference).closedAt())
                .as("the request is answered")
                .isNotNull();
        assertThat(clocksOf(pi))
                .as("no statutory clock runs while the restriction lasts")
                .isNull();
        assertThat(lettersSent(reference)).containsExactly("acknowledgement", "restriction-decision");
        assertThat(text(only(mailsTo(person.email()), "our decision")))
                .contains("We have restricted the use of your personal data")
                .contains("before we lift the restriction");
        // Any later search of the person through the data map sees the restriction.
        Category flags = dataMap.category("desk-processing-restrictions").orElseThrow();
        Subject subject = identifiers.subject(reference);
        assertThat(recordSources.stream()
                        .filter(source -> source.handles(flags))
                        .mapToLong(source -> source.count(flags, subject))
                        .sum())
                .isEqualTo(1);

        Task lift = task(pi, "Task_LiftRestriction");
        assertFormDeployed(lift);
        assertThat(lift.getDueDate())
                .as("a restriction lasts until its grounds end")
                .isNull();
        tasks.claim(lift.getId(), "peter");
        assertThatThrownBy(() -> tasks.complete(lift.getId(), Map.of("rightsDecision", "LIFTED")))
                .hasMessageContaining("reason the restriction ends");
        String why = "We checked the call records with the network: the calls were made from your line.";
        tasks.complete(lift.getId(), Map.of("rightsDecision", "LIFTED", "decisionDetail", why));
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(restrictions.find(requestId)).hasValueSatisfying(r -> {
            assertThat(r.active()).isFalse();
            assertThat(r.liftedBy()).isEqualTo("peter");
        });
        assertThat(lettersSent(reference))
                .containsExactly("acknowledgement", "restriction-decision", "restriction-lifted");
        assertThat(eventKinds(reference))
                .as("told before it is lifted (Art. 18(3))")
                .containsSubsequence("RESTRICTION_PLACED", "CLOSED", "LETTER_SENT", "RESTRICTION_LIFTED");
        assertThat(text(only(mailsTo(person.email()), "ending"))).contains(why);
    }

    @Test
    void portabilityGivesOnlyWhatThePersonProvidedAsJsonAndCsvThroughTheSecureLink() throws Exception {
        DemoPerson person = person(363);
        ProcessInstance pi = start(RequestType.PORTABILITY, person, Channel.EMAIL);
        String reference = pi.getBusinessKey();
        assertThat(reference).startsWith("POR-");
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));

        Task approve = task(pi, "Task_ApprovePortablePack");
        assertFormDeployed(approve);
        assertThat(runtime.getVariable(pi.getId(), "portableCategories"))
                .as("the customer account and the web enquiry: the categories marked provided")
                .isEqualTo(2);
        tasks.claim(approve.getId(), "olivia");
        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("portablePackChecked", true)))
                .hasMessageContaining("someone other than");
        tasks.setAssignee(approve.getId(), null);
        work(pi, "Task_ApprovePortablePack", "peter", Map.of("portablePackChecked", true));

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("PROVIDED");
        assertThat(lettersSent(reference)).containsExactly("acknowledgement", "pack-ready");
        String letter = text(only(mailsTo(person.email()), "ready to download"));
        assertThat(letter)
                .contains("request for a portable copy of the data you gave us")
                .contains("JSON and CSV")
                .doesNotContain("cover letter");
        Matcher link = LINK.matcher(letter);
        assertThat(link.find()).isTrue();
        ResponseEntity<byte[]> download = http.getForEntity(link.group(1), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, String> files = unzip(download.getBody());
        assertThat(files.keySet())
                .containsExactlyInAnyOrder(
                        "data/crm-accounts.json",
                        "data/crm-accounts.csv",
                        "data/web-enquiries.json",
                        "data/web-enquiries.csv",
                        "README.txt");
        JsonNode account = new ObjectMapper().readTree(files.get("data/crm-accounts.json"));
        assertThat(account).hasSize(1);
        assertThat(account.get(0).get("name").asText()).isEqualTo(person.name());
        List<String> fields = new ArrayList<>();
        account.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .as("only what the person provided: not the account number, status or dates")
                .containsExactly("name", "company", "email", "phone", "address");
        assertThat(files.get("data/crm-accounts.csv")).startsWith("name,company,email,phone,address\r\n");
        assertThat(files.get("data/web-enquiries.csv"))
                .startsWith("form_type,name,company,email,phone,message,submitted_at\r\n")
                .doesNotContain("last_click_source");
    }

    @Test
    void anObjectionFromSomeoneWithNoAccountWaitsForIdThenIsWeighedAndTheLetterGivesTheGroundsAndTheIco()
            throws Exception {
        DemoPerson person = person(364);
        ProcessInstance pi = start(RequestType.PROCESSING_OBJECTION, person, Channel.EMAIL);
        String reference = pi.getBusinessKey();
        assertThat(reference).startsWith("OBP-");
        ProcessAssertions.assertThat(pi).isWaitingFor("requester-reply");
        assertThat(lettersSent(reference)).containsExactly("acknowledgement", "id-request");
        Job timer = management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .activityId("Timer_IdNotReceived")
                .singleResult();
        // desk.rights.id-wait P30D from Monday 15 June 2026: to the end of Wednesday 15 July, UK time.
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-07-15T22:59:59Z")));

        runtime.createMessageCorrelation("requester-reply")
                .processInstanceBusinessKey(reference)
                .setVariable("replyKind", "reply")
                .setVariable("replyAttachmentCount", 1)
                .setVariable("replyIntakeId", 1L)
                .correlateAllWithResult();
        runJobs(pi);
        long email = jdbc.queryForObject(
                "SELECT id FROM desk.request_identifier WHERE request_id = ? AND kind = 'EMAIL'",
                Long.class,
                register.get(reference).id());
        assertThat(http.withBasicAuth("peter", "peter")
                        .postForEntity(
                                "/api/requests/" + reference + "/identifiers/" + email + "/accept", null, String.class)
                        .getStatusCode())
                .as("the identity step of the other rights is the access request's")
                .isEqualTo(HttpStatus.OK);
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));

        String grounds = "We keep call records for fraud prevention on the network, which protects every customer;"
                + " the records are kept for 12 months only and are not used for anything else.";
        work(pi, "Task_WeighObjection", "olivia", Map.of("rightsDecision", "CONTINUED", "decisionDetail", grounds));

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(register.get(reference).outcome()).isEqualTo("CONTINUED");
        assertThat(lettersSent(reference))
                .containsExactly("acknowledgement", "id-request", "processing-objection-decision");
        assertThat(text(only(mailsTo(person.email()), "our decision")))
                .contains("compelling legitimate grounds")
                .contains(grounds)
                .contains("complain to the Information Commissioner's Office");
    }

    @Test
    void theOtherRightsTakeAnExtensionWithinTheFirstMonthAndAClarificationThatStopsTheClock() throws Exception {
        DemoPerson person = person(367);
        ProcessInstance pi = start(RequestType.RECTIFICATION, person, Channel.EMAIL);
        String reference = pi.getBusinessKey();
        work(pi, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));

        String reason = "Complex: the data to correct is held in five systems and on paper files.";
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "EXTEND", "proposedExtensionReason", reason));
        work(
                pi,
                "Task_ApproveExtension",
                "mark",
                Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", reason));
        Request extended = register.get(reference);
        assertThat(extended.extended()).isTrue();
        assertThat(extended.statutoryDeadline())
                .as("15 July 2026 plus two further months: Tuesday 15 September 2026")
                .isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(lettersSent(reference)).containsExactly("acknowledgement", "extension-notice");
        assertThat(text(only(mailsTo(person.email()), "more time"))).contains(reason);

        work(
                pi,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "CLARIFY", "clarificationQuestion", "Which of your details are wrong?"));
        assertThat(register.get(reference).paused()).isTrue();
        ProcessAssertions.assertThat(pi).isWaitingFor("requester-reply");
        runtime.createMessageCorrelation("requester-reply")
                .processInstanceBusinessKey(reference)
                .setVariable("replyKind", "reply")
                .setVariable("replyAttachmentCount", 0)
                .setVariable("replyIntakeId", 1L)
                .correlateAllWithResult();
        runJobs(pi);
        assertThat(register.get(reference).paused()).isFalse();
        assertThat(lettersSent(reference))
                .containsExactly("acknowledgement", "extension-notice", "clarification-request");

        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        work(
                pi,
                "Task_DecideRectification",
                "olivia",
                Map.of(
                        "rightsDecision",
                        "REFUSED",
                        "decisionDetail",
                        "The address we hold is the one on your contract."));
        assertThat(register.get(reference).outcome()).isEqualTo("REFUSED");
        assertThat(text(only(mailsTo(person.email()), "our decision")))
                .contains("We have not changed your personal data")
                .contains("The address we hold is the one on your contract.");
    }

    @Test
    void aMailIsRecognisedAsEachOfTheOtherRightsAndTriageCanStartOne() {
        DemoPerson person = person(371);
        Request restriction = deliverAndPoll(TestMail.fromHeader("<" + person.email() + ">")
                .subject("Article 18")
                .text("Please restrict the processing of my data while you check my details."));
        assertThat(restriction.type()).isEqualTo(RequestType.RESTRICTION);
        Request portability = deliverAndPoll(TestMail.fromHeader("<" + person.email() + ">")
                .subject("Data portability")
                .text("I would like my data in a machine-readable format to move to another provider."));
        assertThat(portability.type()).isEqualTo(RequestType.PORTABILITY);
        Request objection = deliverAndPoll(TestMail.fromHeader("<" + person.email() + ">")
                .subject("Objection")
                .text("I object to you processing my call records for analytics under legitimate interests."));
        assertThat(objection.type()).isEqualTo(RequestType.PROCESSING_OBJECTION);
        for (Request request : List.of(restriction, portability, objection)) {
            assertThat(instance(request).getProcessDefinitionId()).startsWith("rights-request:");
        }
    }

    // --- drivers

    private ProcessInstance start(RequestType type, DemoPerson person, Channel channel) {
        Request request = starter.start(NewRequest.builder(type, channel)
                .name(person.name())
                .email(person.email())
                .summary("Logged by the test")
                .loggedBy("intake")
                .build());
        ProcessInstance pi = instance(request);
        runJobs(pi);
        return pi;
    }

    /** Works a task as Tasklist does, after checking its Camunda Form is deployed and well formed. */
    private void work(ProcessInstance pi, String taskKey, String user, Map<String, Object> fields) throws Exception {
        Task task = task(pi, taskKey);
        assertFormDeployed(task);
        claimAndComplete(task, user, new HashMap<>(fields));
        runJobs(pi);
    }

    /** The Camunda Form the task names is deployed, and no two of its fields share a key (form-js refuses that). */
    private void assertFormDeployed(Task task) throws Exception {
        UserTask element = repository
                .getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        if (element.getCamundaFormRef() == null) {
            return; // an embedded form, served from /forms
        }
        try (InputStream form = forms.getDeployedTaskForm(task.getId())) {
            JsonNode json = new ObjectMapper().readTree(form);
            assertThat(json.get("id").asText()).isEqualTo(element.getCamundaFormRef());
            List<String> keys = new ArrayList<>();
            json.get("components").forEach(c -> {
                if (c.has("key")) {
                    keys.add(c.get("key").asText());
                }
            });
            assertThat(keys).as("keys of form %s", element.getCamundaFormRef()).doesNotHaveDuplicates();
        }
    }

    private List<String> filteredTaskIds(String filterName) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        assertThat(filter).as("filter %s", filterName).isNotNull();
        return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
    }

    private List<Object> historicValues(ProcessInstance pi, String name) {
        return history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .includeDeleted()
                .list()
                .stream()
                .map(HistoricVariableInstance::getValue)
                .toList();
    }

    private Request deliverAndPoll(TestMail mail) {
        Smtp.send(TestMailServer.smtpPort(), mail.address(), TestMailServer.PRIVACY_MAILBOX, mail.bytes());
        MailboxPoller.PollReport report = poller.pollOnce();
        assertThat(report.failed()).as("poll error: %s", report.error()).isFalse();
        List<IntakeLog.Entry> entries = intakeLog.findByMessageId(mail.messageId());
        assertThat(entries).isNotEmpty();
        return register.get(entries.get(0).requestReference());
    }

    private ProcessInstance instance(Request request) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(register.get(request.reference()).processInstanceId())
                .singleResult();
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(RightsRequestProcessTest.class, index);
    }

    /** The one mail among {@code mails} whose subject contains {@code subjectPart}. */
    private static MimeMessage only(List<MimeMessage> mails, String subjectPart) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage m : mails) {
            if (m.getSubject() != null
                    && m.getSubject().toLowerCase(Locale.ROOT).contains(subjectPart.toLowerCase(Locale.ROOT))) {
                matching.add(m);
            }
        }
        assertThat(matching)
                .as("mails whose subject contains '%s'", subjectPart)
                .hasSize(1);
        return matching.get(0);
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        return plain((Multipart) content);
    }

    private static String plain(Multipart multipart) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            if (part instanceof Multipart nested) {
                all.append(plain(nested));
            } else if (part instanceof String s && multipart.getBodyPart(i).isMimeType("text/plain")) {
                all.append(s);
            }
        }
        return all.toString();
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
