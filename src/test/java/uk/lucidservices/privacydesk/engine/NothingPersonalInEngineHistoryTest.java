package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.erasure.ErasureByHand;
import uk.lucidservices.privacydesk.intake.MailboxPoller;
import uk.lucidservices.privacydesk.intake.Smtp;
import uk.lucidservices.privacydesk.intake.TestMail;
import uk.lucidservices.privacydesk.mail.LetterNotSentException;
import uk.lucidservices.privacydesk.mail.LetterQueue;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Issue 12 §4: after a case has run to its end, the engine's history holds references, ids,
 * decisions and staff ids, and nothing the requester is or wrote, nor what staff typed about them.
 * Each process (subject access, erasure, complaint, mail triage, desk letter) is driven through the
 * real engine, its tasks worked over the engine REST API as Tasklist does (claim, submit the form),
 * and the history tables are then read directly over JDBC for the actual strings the test used:
 * the person's name, email, phone and account number, and a marker typed into every free-text field.
 */
class NothingPersonalInEngineHistoryTest extends DeskIntegrationTest {

    /** Demo people used by no other test class (450 is in every system; the others are customers). */
    private static final DemoPerson SAR_PERSON = TestPeople.person(NothingPersonalInEngineHistoryTest.class, 450);

    private static final DemoPerson ERASURE_PERSON = TestPeople.person(NothingPersonalInEngineHistoryTest.class, 283);
    private static final DemoPerson COMPLAINT_PERSON = TestPeople.person(NothingPersonalInEngineHistoryTest.class, 287);

    @Autowired
    ProcessEngine engine;

    @Autowired
    ErasureByHand erasureByHand;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    RequestRegister register;

    @Autowired
    DemoDataGenerator demoData;

    @Autowired
    MailboxPoller poller;

    @Autowired
    LetterQueue letterQueue;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JavaMailSenderImpl smtp;

    /** Every string that must not be found, with what it is (for the failure message). */
    private final Map<String, String> needles = new LinkedHashMap<>();

    @BeforeEach
    void engineAndData() {
        ProcessAssertions.init(engine);
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void aSubjectAccessRequestWithExtensionClarificationRedactionAndARejectedLinkMailLeavesNoPersonalDataInHistory()
            throws Exception {
        DemoPerson person = watch(SAR_PERSON);
        Request request = logRequest("peter", "SUBJECT_ACCESS", person, typed("summary", person));
        String pid = request.processInstanceId();
        runDueJobs(pid);

        work(pid, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED"));
        work(
                pid,
                "Task_TriageRequest",
                "olivia",
                Map.of(
                        "triageDecision",
                        "EXTEND",
                        "proposedExtensionReason",
                        typed("proposed extension reason", person)));
        work(
                pid,
                "Task_ApproveExtension",
                "mark",
                Map.of(
                        "extensionDecision",
                        "APPROVE",
                        "proposedExtensionReason",
                        typed("approved extension reason", person)));
        work(
                pid,
                "Task_TriageRequest",
                "olivia",
                Map.of("triageDecision", "CLARIFY", "clarificationQuestion", typed("clarification question", person)));
        replyByMail(person, request.reference(), typed("clarification answer", person));
        runDueJobs(pid);
        work(pid, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        work(
                pid,
                "Task_SearchManualSystems",
                "olivia",
                Map.of(
                        "manual_social_media",
                        typed("social media search answer", person),
                        "manual_social_media_count",
                        0L,
                        "manual_paper_files",
                        typed("paper files search answer", person),
                        "manual_paper_files_count",
                        0L));
        work(
                pid,
                "Task_ReviewRedactions",
                "olivia",
                Map.of(
                        "redactionDefault",
                        "REDACT",
                        "redactionDefaultReason",
                        typed("redaction reason", person),
                        "redactionExceptions",
                        "# " + typed("redaction exceptions", person)));
        submit(pid, "Task_ApprovePack", "peter", Map.of("packChecked", true));
        // The server's refusal of the link mail quotes the address: none of it reaches the engine (issue 20 §5).
        failOnceThenSend(pid, "Task_SendPackLink", request.reference(), person.email());

        assertEnded(pid);
        assertThat(register.get(request.reference()).outcome()).isEqualTo("DISCLOSED");
        assertHistoryHoldsNoneOfTheNeedles();
    }

    @Test
    void anErasureRequestWithKeepsNoticesAndARejectedConfirmationMailLeavesNoPersonalDataInHistory() throws Exception {
        DemoPerson person = watch(ERASURE_PERSON);
        Request request = logRequest("peter", "ERASURE", person, typed("summary", person));
        String pid = request.processInstanceId();
        runDueJobs(pid);

        work(pid, "Task_ConfirmIdentity", "olivia", Map.of("identityDecision", "CONFIRMED", "erasureScope", ""));
        work(
                pid,
                "Task_ReviewErasurePreview",
                "peter",
                Map.of("additionalKeeps", "web-enquiries: " + typed("keep reason", person)));
        work(
                pid,
                "Task_AuthoriseErasure",
                "mark",
                Map.of("erasureApproved", "true", "authorisationReason", typed("authorisation reason", person)));
        // Erased by hand, with a note that names the person: it goes to the desk's own table, never the engine.
        erasureByHand.recordDone(request.reference(), "social-media", typed("erased by hand note", person), "peter");
        work(pid, "Task_EraseByHand", "peter", Map.of());
        for (Task notice = openTask(pid);
                notice != null && notice.getTaskDefinitionKey().equals("Task_NotifyRecipient");
                notice = openTask(pid)) {
            submit(
                    pid,
                    "Task_NotifyRecipient",
                    "peter",
                    Map.of("noticeStatus", "NOTIFIED", "noticeNote", typed("recipient notice note", person)));
            runDueJobsExcept(pid, "Task_SendErasureConfirmation");
        }
        // The server's refusal of the confirmation quotes the address: none of it reaches the engine (issue 20 §5).
        failOnceThenSend(pid, "Task_SendErasureConfirmation", request.reference(), person.email());

        assertEnded(pid);
        assertHistoryHoldsNoneOfTheNeedles();
    }

    @Test
    void aComplaintLinkedToAnAccountAndResolvedWithANoteLeavesNoPersonalDataInHistory() {
        DemoPerson person = watch(COMPLAINT_PERSON);
        Request request = logRequest("chloe", "COMPLAINT", person, typed("summary", person));
        String pid = request.processInstanceId();
        runDueJobs(pid);

        work(
                pid,
                "Task_CategoriseComplaint",
                "chloe",
                Map.of(
                        "complaintCategory",
                        "OTHER",
                        "relatedReference",
                        "",
                        "linkAccountNumber",
                        person.accountNumber()));
        work(
                pid,
                "Task_ResolveComplaint",
                "chloe",
                Map.of("outcome", "RESOLVED", "outcomeNote", typed("outcome note", person)));

        assertEnded(pid);

        // The desk's own letter process, for the same request: a reference and a template name only.
        String letter = letterQueue.enqueue(request, "complaint-acknowledgement");
        runDueJobs(letter);
        assertEnded(letter);
        assertHistoryHoldsNoneOfTheNeedles();
    }

    @Test
    void aMailTriagedIntoARequestLeavesNoPersonalDataInHistory() {
        String name = "Quilla Ravensworth";
        String local = "quilla.ravensworth." + UUID.randomUUID().toString().substring(0, 8);
        String address = local + "@example.com";
        String phone = "07700 900987";
        needles.put(name.toLowerCase(Locale.ROOT), "the sender's name");
        needles.put(local, "the sender's address");
        needles.put("7700900987", "the phone number in the mail");
        String marker = marker("mail text");
        TestMail mail = TestMail.fromHeader(name + " <" + address + ">")
                .subject("Question")
                .text("Hi, I'd like to know what you have on file for me. My mobile is " + phone + ". " + marker);
        Smtp.send(TestMailServer.smtpPort(), address, TestMailServer.PRIVACY_MAILBOX, mail.bytes());
        assertThat(poller.pollOnce().failed()).isFalse();
        String triage = jdbc.queryForObject(
                "SELECT triage_instance_id FROM desk.intake_log WHERE message_id = ?", String.class, mail.messageId());
        Task task = taskService.createTaskQuery().processInstanceId(triage).singleResult();

        ResponseEntity<String> done = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/engine-rest/task/" + task.getId() + "/complete",
                        Map.of("variables", Map.of("triageDecision", Map.of("value", "SUBJECT_ACCESS"))),
                        String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertEnded(triage);
        assertHistoryHoldsNoneOfTheNeedles();
    }

    // --- driving the processes ---

    private DemoPerson watch(DemoPerson person) {
        needles.put((person.firstName() + " " + person.lastName()).toLowerCase(Locale.ROOT), "the person's name");
        needles.put(person.email().toLowerCase(Locale.ROOT), "the person's email");
        String digits = person.phone().replace(" ", "").substring(1);
        needles.put(digits, "the person's phone number");
        needles.put(person.accountNumber().toLowerCase(Locale.ROOT), "the person's account number");
        return person;
    }

    /** Free text as staff would type it: about the person, by name and number, with a marker to look for. */
    private String typed(String field, DemoPerson person) {
        return "Spoke to " + person.firstName() + " " + person.lastName() + " on " + person.phone() + " ("
                + person.email() + "): " + marker(field);
    }

    private String marker(String field) {
        String marker = "hist-" + UUID.randomUUID().toString().substring(0, 12);
        needles.put(marker, field);
        return marker;
    }

    private Request logRequest(String user, String type, DemoPerson person, String summary) {
        Map<String, Object> body = Map.of(
                "type",
                type,
                "channel",
                "EMAIL",
                "name",
                person.firstName() + " " + person.lastName(),
                "email",
                person.email(),
                "phone",
                person.phone(),
                "summary",
                summary);
        ResponseEntity<Map> logged = http.withBasicAuth(user, user).postForEntity("/api/requests", body, Map.class);
        assertThat(logged.getStatusCode()).as(String.valueOf(logged.getBody())).isEqualTo(HttpStatus.CREATED);
        Request request = register.get((String) logged.getBody().get("reference"));
        assertThat(request.processInstanceId()).isNotNull();
        return request;
    }

    private void replyByMail(DemoPerson person, String reference, String text) {
        TestMail reply = TestMail.fromHeader(person.firstName() + " " + person.lastName() + " <" + person.email() + ">")
                .subject("Re: your question [" + reference + "]")
                .text(text);
        Smtp.send(TestMailServer.smtpPort(), person.email(), TestMailServer.PRIVACY_MAILBOX, reply.bytes());
        assertThat(poller.pollOnce().failed()).isFalse();
    }

    private Task openTask(String pid) {
        return taskService.createTaskQuery().processInstanceId(pid).singleResult();
    }

    /** Works a task as Tasklist does, then runs the jobs that follow, as the job executor would. */
    private void work(String pid, String taskKey, String user, Map<String, Object> fields) {
        submit(pid, taskKey, user, fields);
        runDueJobs(pid);
    }

    /** Works a task as Tasklist does: the user claims it and submits the form's fields over the engine REST API. */
    private void submit(String pid, String taskKey, String user, Map<String, Object> fields) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(pid)
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task %s", taskKey).isNotNull();
        TestRestTemplate as = http.withBasicAuth(user, user);
        ResponseEntity<String> claimed =
                as.postForEntity("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user), String.class);
        assertThat(claimed.getStatusCode())
                .as("claim %s: %s", taskKey, claimed.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", restType(value))));
        ResponseEntity<String> submitted = as.postForEntity(
                "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables), String.class);
        assertThat(submitted.getStatusCode())
                .as("submit %s: %s", taskKey, submitted.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void runDueJobsExcept(String pid, String activityId) {
        for (int round = 0; round < 20; round++) {
            List<String> held =
                    managementService.createJobQuery().processInstanceId(pid).activityId(activityId).list().stream()
                            .map(Job::getId)
                            .toList();
            List<Job> due = managementService.createJobQuery().processInstanceId(pid).executable().list().stream()
                    .filter(job -> !held.contains(job.getId()))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs of " + pid + " keep coming");
    }

    /**
     * The letter step's job runs against a mail server that refuses the recipient, quoting the
     * address, until its retries are spent and it is an incident; then it runs again against the
     * real server and the process carries on. The incident, the job's stack trace and the exception
     * name the letter and the reference, not the address.
     */
    private void failOnceThenSend(String pid, String activityId, String reference, String address) throws Exception {
        Job job = managementService
                .createJobQuery()
                .processInstanceId(pid)
                .activityId(activityId)
                .singleResult();
        assertThat(job).as("job of %s", activityId).isNotNull();
        int realPort = smtp.getPort();
        try (RejectingSmtpServer rejecting = new RejectingSmtpServer()) {
            smtp.setPort(rejecting.port());
            // The retry cycle (R5/PT5M) gives five attempts; the last one leaves an incident.
            for (int attempt = 1; attempt <= 5 && incidentAt(pid, activityId) == null; attempt++) {
                assertThatThrownBy(() -> managementService.executeJob(job.getId()))
                        .isInstanceOf(LetterNotSentException.class)
                        .hasMessageContaining(reference)
                        .hasMessageContaining("SMTPAddressFailedException")
                        .hasNoCause()
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(address));
            }
            assertThat(rejecting.refusedRecipients())
                    .as("the server did refuse the address")
                    .isPositive();
        } finally {
            smtp.setPort(realPort);
        }
        Incident incident = incidentAt(pid, activityId);
        assertThat(incident).as("incident at %s", activityId).isNotNull();
        assertThat(incident.getIncidentMessage()).contains(reference).doesNotContainIgnoringCase(address);
        assertThat(managementService.getJobExceptionStacktrace(job.getId())).doesNotContainIgnoringCase(address);

        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());
        runDueJobs(pid);
    }

    private static String restType(Object value) {
        return value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long" : "String";
    }

    private Incident incidentAt(String pid, String activityId) {
        return runtimeService
                .createIncidentQuery()
                .processInstanceId(pid)
                .activityId(activityId)
                .singleResult();
    }

    private void assertEnded(String processInstanceId) {
        assertThat(historyService
                        .createHistoricProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .singleResult()
                        .getEndTime())
                .as("process %s ended", processInstanceId)
                .isNotNull();
    }

    // --- reading history directly ---

    /**
     * Every history table (ACT_HI_VARINST, _DETAIL, _INCIDENT, _COMMENT, _TASKINST, _OP_LOG, _JOB_LOG, ...)
     * as text, and the byte arrays that hold serialized values and stack traces, searched for each needle.
     */
    private void assertHistoryHoldsNoneOfTheNeedles() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND (lower(table_name) LIKE 'act\\_hi\\_%' OR lower(table_name) = 'act_ge_bytearray')""", String.class);
        assertThat(tables)
                .extracting(t -> t.toLowerCase(Locale.ROOT))
                .contains(
                        "act_hi_varinst",
                        "act_hi_detail",
                        "act_hi_incident",
                        "act_hi_comment",
                        "act_hi_taskinst",
                        "act_hi_op_log",
                        "act_ge_bytearray");
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            for (Map.Entry<String, String> needle : needles.entrySet()) {
                Integer rows = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM " + table + " t WHERE lower(t::text) LIKE ?",
                        Integer.class,
                        "%" + needle.getKey() + "%");
                if (rows != null && rows > 0) {
                    found.add(needle.getValue() + " in " + table + " (" + rows + " row(s))");
                }
            }
        }
        for (Map.Entry<String, String> needle : needles.entrySet()) {
            Integer rows = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM act_ge_bytearray
                    WHERE lower(encode(bytes_, 'escape')) LIKE ?""", Integer.class, "%" + needle.getKey() + "%");
            if (rows != null && rows > 0) {
                found.add(needle.getValue() + " in the bytes of act_ge_bytearray (" + rows + " row(s))");
            }
        }
        assertThat(found)
                .as("personal data or free text left in the engine's history")
                .isEmpty();
    }
}
