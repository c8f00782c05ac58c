package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.mail.TemplateOverride;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.tasklist.EmbeddedForms;

/**
 * The {@code erasure-request} process as deployed from {@code bpmn/erasure-request.bpmn}, driven
 * end to end through the real engine, PostgreSQL and mail server the way staff drive it in
 * Tasklist: every path (approved, refused, four eyes, scoped, kept, a failing system, leftovers,
 * ID asked for and received, ID never received), its letters, its SLA clocks and what is left of
 * the request inside the engine afterwards. Demo people 300-400 (every tenth person is in every
 * system) belong to this class. The job executor is off: the tests run each job themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureRequestProcessTest extends ErasureTestSupport {

    private static final String PROCESS = "erasure-request";
    private static final String CLOCKS = "request-sla-clocks";
    private static final String LEGAL_CLAIM = "Needed to defend a legal claim about a disputed quotation";
    private static final String REFUSAL = "The account is under a litigation hold until the billing dispute is settled";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    RepositoryService repository;

    @Autowired
    IdentityService identity;

    @Autowired
    FormService forms;

    @Autowired
    ErasureCases cases;

    @Autowired
    ErasurePlan plan;

    @Autowired
    ErasureRunItems runItems;

    @Autowired
    ErasureCertificate certificate;

    @Autowired
    RecipientNotices notices;

    @Autowired
    ErasureByHand erasureByHand;

    @Autowired
    SuppressionList suppression;

    @Autowired
    SentLetters sentLetters;

    @Autowired
    Clock clock;

    @Autowired
    VerifiedIdentifiers identifiers;

    @BeforeAll
    void setUp() {
        demoData();
        ProcessAssertions.init(engine);
    }

    @Test
    void anApprovedErasureRunsFromAcknowledgementToConfirmationWithItsClocksAndLeavesOnlyReferencesInTheEngine()
            throws Exception {
        DemoPerson person = person(300);
        Map<String, Set<Long>> before = directSearch(person);
        List<String> audio = audioFiles(before);
        assertThat(audio).isNotEmpty();
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, null);

        // The request's SLA clocks run beside it, as a called instance of the shared process.
        ProcessInstance clocks = clocksOf(pi);
        assertThat(clocks.getBusinessKey()).isEqualTo(request.reference());
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(clocks.getId())
                        .timers()
                        .count())
                .isEqualTo(4);

        ProcessAssertions.assertThat(pi).isWaitingAt("Task_SendAcknowledgement", "CallActivity_SlaClocks");
        runJobs(pi);
        assertThat(letter(request, "We have received your request to erase your personal data"))
                .isNotNull();

        // Nothing is searched before an officer has confirmed who is asking.
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_ConfirmIdentity");
        assertThat(verifiedIdentifiers(request)).isZero();
        assertThat(cases.find(request.reference())).isEmpty();
        Task confirm = task(pi);
        assertThat(candidateGroups(confirm)).containsExactly(DeskGroups.PRIVACY_OFFICERS);
        assertThat(confirm.getDueDate()).as("the request's deadline").isNotNull();
        assertThat(submits(confirm)).contains("identityDecision", "erasureScope");
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, confirm, Map.of("identityDecision", "CONFIRMED"));
        assertThat(verifiedIdentifiers(request)).isPositive();
        assertThat(cases.get(request.reference()).preparedBy()).isEqualTo("olivia");

        Task review = task(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewErasurePreview");
        assertThat((String) runtime.getVariable(pi.getId(), "erasurePlanSummary"))
                .contains("call-recordings (Telephone system (PBX)): DELETE, "
                        + before.get("call_recording").size() + " record(s)");
        complete("peter", DeskGroups.PRIVACY_OFFICERS, review, Map.of());

        Task authorise = task(pi);
        assertThat(authorise.getTaskDefinitionKey()).isEqualTo("Task_AuthoriseErasure");
        assertThat(candidateGroups(authorise)).containsExactly(DeskGroups.MANAGERS);
        assertThat(submits(authorise)).contains("erasureApproved", "authorisationReason");
        complete("mark", DeskGroups.MANAGERS, authorise, Map.of("erasureApproved", "true"));
        runJobs(pi);

        List<String> told;
        try (TemplateOverride letter = TemplateOverride.withMarker(
                        "erasure-confirmation.txt", "{{> greeting}}", "\nMARKER-erasure-confirmation\n");
                TemplateOverride document = TemplateOverride.withMarker(
                        "erasure-certificate.xhtml",
                        "<h1>Certificate of erasure</h1>",
                        "<p>MARKER-erasure-certificate</p>")) {
            // The last recipient's notice issues the certificate; the confirmation follows as a job.
            told = notifyRecipients(pi);
            runJobs(pi);
        }
        assertThat(told).isNotEmpty().doesNotHaveDuplicates();
        assertThat(notices.pendingRecipients(request.reference())).isEmpty();

        ProcessAssertions.assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "Task_EraseAcrossSystems",
                        "Task_AddToSuppressionList",
                        "Task_VerifyErasure",
                        "Task_ListRecipientsToNotify",
                        "Task_IssueErasureCertificate",
                        "Task_SendErasureConfirmation",
                        "Task_CloseErasureRequest",
                        "Task_PurgeEngineCopy",
                        "End_RequestClosed");
        ProcessAssertions.assertThat(pi).hasNotPassed("Task_SendErasureRefusal", "Task_SendIdRequest");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(clocks.getId())
                        .count())
                .as("the clocks stop with the request")
                .isZero();

        // Erased in every system: what the data map deletes or anonymises is no longer found; what it keeps is.
        Map<String, Set<Long>> after = directSearch(person);
        for (String table : List.of(
                "call_recording",
                "tm_call_recording",
                "tm_lead",
                "chat_transcript",
                "chat_message",
                "web_enquiry",
                "crm_contact",
                "number_port",
                "directory_entry",
                "cctv_footage")) {
            assertThat(after.get(table)).as(table).isEmpty();
        }
        for (String table :
                List.of("crm_account", "contract", "complaint", "call_detail_record", "invoice", "payment")) {
            assertThat(after.get(table))
                    .as(table + " is kept under the data map")
                    .isEqualTo(before.get(table));
        }
        for (String file : audio) {
            assertThat(Files.exists(fileStore.resolve(file))).as(file).isFalse();
        }
        assertThat(suppression.isSuppressedPhone(person.phone())).isTrue();
        assertThat(suppression.isSuppressedEmail(person.email())).isTrue();
        assertThat(certificate.issued(request.reference())).isPresent();
        assertThat(register.get(request.reference()).status()).isEqualTo("CLOSED");
        assertThat(register.get(request.reference()).outcome()).isEqualTo(ErasureClosing.ERASED_IN_PART);

        MimeMessage confirmation = letter(request, "Your erasure request is complete [" + request.reference() + "]");
        assertThat(((InternetAddress) confirmation.getAllRecipients()[0]).getAddress())
                .isEqualToIgnoringCase(person.email());
        assertThat(text(confirmation))
                .as("rendered from the erasure-confirmation template")
                .contains("MARKER-erasure-confirmation")
                .contains("What we erased:")
                .contains("beyond use");
        try (PDDocument pdf = Loader.loadPDF(fileStore
                .resolve(certificate.issued(request.reference()).orElseThrow().pdfPath())
                .toFile())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .as("rendered from the erasure-certificate template")
                    .contains("MARKER-erasure-certificate")
                    .contains(request.reference());
        }
        assertThat(sentLetters.forReference(request.reference()))
                .as("each recorded once")
                .extracting(
                        SentLetters.SentLetter::template,
                        SentLetters.SentLetter::recipient,
                        SentLetters.SentLetter::channel)
                .containsExactly(
                        tuple("acknowledgement", "requester", Recipient.Channel.EMAIL),
                        tuple("erasure-certificate", "desk", Recipient.Channel.FILE),
                        tuple("erasure-confirmation", "requester", Recipient.Channel.EMAIL));
        assertThat(sentLetters.referenceForMessageIds(List.of(confirmation.getMessageID())))
                .as("a reply to the confirmation threads to the request")
                .contains(request.reference());
        assertThat(lettersFor(request)).hasSize(2);

        assertOnlyReferencesLeft(pi, request);
    }

    @Test
    void aRefusedErasureSendsTheRefusalWithTheReasonAndTheRightToComplainAndErasesNothing() throws Exception {
        DemoPerson person = person(310);
        Map<String, Set<Long>> before = directSearch(person);
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "CONFIRMED"));
        complete("peter", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of());
        Task authorise = task(pi);
        assertThat(submits(authorise)).contains("authorisationReason");
        complete(
                "mark",
                DeskGroups.MANAGERS,
                authorise,
                Map.of("erasureApproved", "false", "authorisationReason", REFUSAL));
        assertThat(runtime.getVariable(pi.getId(), "authorisationReason"))
                .as("moved into the erasure record")
                .isNull();
        assertThat(cases.get(request.reference()).decisionReason()).isEqualTo(REFUSAL);

        ProcessAssertions.assertThat(pi).isWaitingAt("Task_SendErasureRefusal");
        management.executeJob(jobAt(pi, "Task_SendErasureRefusal").getId());
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_PurgeEngineCopy");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName(ErasureRefusalReason.VARIABLE)
                        .includeDeleted()
                        .count())
                .as("the letter's reason is transient: never stored, not even in history")
                .isZero();
        runJobs(pi);

        ProcessAssertions.assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "Task_SendErasureRefusal",
                        "Task_CloseRefusedRequest",
                        "Task_PurgeEngineCopy",
                        "End_RequestClosed");
        ProcessAssertions.assertThat(pi).hasNotPassed("Task_EraseAcrossSystems", "Task_SendErasureConfirmation");
        String refusal = text(letter(request, "Your erasure request: our decision [" + request.reference() + "]"));
        assertThat(refusal)
                .contains(REFUSAL)
                .contains("Information Commissioner's Office")
                .contains("enforce your rights through the courts");
        assertThat(lettersSent(request.reference())).containsExactly("acknowledgement", "erasure-refused");
        assertThat(lettersFor(request)).hasSize(2);

        assertThat(register.get(request.reference()).outcome()).isEqualTo(ErasureClosing.REFUSED);
        assertThat(runItems.anyStarted(request.reference())).isFalse();
        assertThat(directSearch(person)).isEqualTo(before);
        assertThat(suppression.isSuppressedEmail(person.email())).isFalse();
        assertOnlyReferencesLeft(pi, request);
    }

    @Test
    void theManagerWhoPreparedThePreviewCannotAuthoriseItAndTheTaskStaysOpen() {
        DemoPerson person = person(320);
        Map<String, Set<Long>> before = directSearch(person);
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        // A manager covering the privacy inbox confirms the identity, which makes him the preparer.
        complete("mark", DeskGroups.MANAGERS, task(pi), Map.of("identityDecision", "CONFIRMED"));
        assertThat(cases.get(request.reference()).preparedBy()).isEqualTo("mark");
        complete("peter", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of());

        Task authorise = task(pi);
        assertThatThrownBy(() -> complete("mark", DeskGroups.MANAGERS, authorise, Map.of("erasureApproved", "true")))
                .hasStackTraceContaining("someone other than the person who prepared");
        assertThatThrownBy(() -> complete(
                        "mark",
                        DeskGroups.MANAGERS,
                        authorise,
                        Map.of("erasureApproved", "false", "authorisationReason", "Changed my mind")))
                .hasStackTraceContaining("someone other than the person who prepared");

        ProcessAssertions.assertThat(pi).isWaitingAt("Task_AuthoriseErasure");
        assertThat(task(pi).getId()).isEqualTo(authorise.getId());
        assertThat(cases.get(request.reference()).decision()).isNull();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
                .as("no erasure job")
                .isZero();
        assertThat(directSearch(person)).isEqualTo(before);

        runtime.deleteProcessInstance(pi.getId(), "test over: no second manager in the demo users");
    }

    @Test
    void aScopedErasureRemovesOnlyTheCallRecordingsAndTheirAudio() throws Exception {
        DemoPerson person = person(330);
        Map<String, Set<Long>> before = directSearch(person);
        List<String> audio = callAudioFiles(before);
        List<String> video = videoFiles(before);
        Map<String, Map<Long, String>> rowsBefore = rowChecksums();
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, "call-recordings");
        runJobs(pi);
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "CONFIRMED"));
        assertThat(cases.get(request.reference()).scope()).isEqualTo("tm-call-recordings,call-recordings");
        complete("peter", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of());
        complete("mark", DeskGroups.MANAGERS, task(pi), Map.of("erasureApproved", "true"));
        runJobs(pi);
        notifyRecipients(pi);
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded().hasPassed("End_RequestClosed");
        Map<String, Set<Long>> after = directSearch(person);
        assertThat(after.get("call_recording")).isEmpty();
        assertThat(after.get("tm_call_recording")).isEmpty();
        for (String file : audio) {
            assertThat(Files.exists(fileStore.resolve(file))).as(file).isFalse();
        }
        // CCTV footage is outside the call-recordings scope: its clips stay.
        for (String file : video) {
            assertThat(Files.exists(fileStore.resolve(file))).as(file).isTrue();
        }
        Map<String, Map<Long, String>> rowsAfter = rowChecksums();
        for (String table : CATEGORY_OF_TABLE.keySet()) {
            if (!table.equals("call_recording") && !table.equals("tm_call_recording")) {
                assertThat(rowsAfter.get(table)).as(table + " untouched").isEqualTo(rowsBefore.get(table));
            }
        }
        assertThat(register.get(request.reference()).outcome()).isEqualTo(ErasureClosing.ERASED);
        assertThat(letter(request, "Your erasure request is complete [" + request.reference() + "]"))
                .isNotNull();
        assertOnlyReferencesLeft(pi, request);
    }

    @Test
    void aCategoryTheOfficerKeepsSurvivesWithItsReasonOnTheLetterButNotInTheEngine() throws Exception {
        DemoPerson person = person(340);
        Map<String, Set<Long>> before = directSearch(person);
        assertThat(before.get("web_enquiry")).isNotEmpty();
        Map<Long, String> enquiriesBefore = rowChecksums().get("web_enquiry");
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "CONFIRMED"));

        Task review = task(pi);
        assertThat(submits(review)).contains("additionalKeeps");
        complete(
                "peter",
                DeskGroups.PRIVACY_OFFICERS,
                review,
                Map.of("additionalKeeps", "web-enquiries: " + LEGAL_CLAIM));
        assertThat(plan.item(request.reference(), "web-enquiries").orElseThrow().markedBy())
                .isEqualTo("peter");
        assertThat((String) runtime.getVariable(pi.getId(), "erasurePlanSummary"))
                .contains(LEGAL_CLAIM);
        complete("mark", DeskGroups.MANAGERS, task(pi), Map.of("erasureApproved", "true"));
        runJobs(pi);
        notifyRecipients(pi);
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded();
        assertThat(directSearch(person).get("web_enquiry")).isEqualTo(before.get("web_enquiry"));
        Map<Long, String> enquiriesAfter = rowChecksums().get("web_enquiry");
        for (Long id : before.get("web_enquiry")) {
            assertThat(enquiriesAfter.get(id))
                    .as("web enquiry " + id + " unchanged")
                    .isEqualTo(enquiriesBefore.get(id));
        }
        assertThat(directSearch(person).get("call_recording")).isEmpty();
        assertThat(register.get(request.reference()).outcome()).isEqualTo(ErasureClosing.ERASED_IN_PART);
        String body = text(letter(request, "Your erasure request is complete [" + request.reference() + "]"));
        assertThat(body).contains(LEGAL_CLAIM);
        assertOnlyReferencesLeft(pi, request);
        assertThat(historicVariables(pi))
                .extracting(v -> String.valueOf(v.getValue()))
                .noneMatch(v -> v.contains(LEGAL_CLAIM));
    }

    @Test
    void aFailingSystemIsRetriedEveryTenMinutesThenRaisesAnIncidentAndAnOperatorsRetryFinishesTheErasure() {
        DemoPerson person = person(350);
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "CONFIRMED"));
        complete("peter", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of());
        complete("mark", DeskGroups.MANAGERS, task(pi), Map.of("erasureApproved", "true"));

        Job erase = jobAt(pi, "Task_EraseAcrossSystems");
        // Its lookup column, not the table: other systems still read which recordings the PBX points at.
        jdbc.execute("ALTER TABLE records.call_recording RENAME COLUMN cli_key TO cli_key_offline");
        try {
            Date beforeFailure = ClockUtil.getCurrentTime();
            assertThatThrownBy(() -> management.executeJob(erase.getId())).isInstanceOf(ErasureFailedException.class);
            Job failedOnce = management.createJobQuery().jobId(erase.getId()).singleResult();
            assertThat(failedOnce.getRetries()).as("R5: four retries left").isEqualTo(4);
            assertThat(failedOnce.getDuedate())
                    .as("PT10M")
                    .isAfterOrEqualTo(new Date(beforeFailure.getTime() + 9 * 60_000))
                    .isBefore(new Date(beforeFailure.getTime() + 11 * 60_000));
            assertThat(failedOnce.getExceptionMessage()).startsWith("Erasure failed in Telephone system (PBX)");
            assertThat(runtime.createIncidentQuery()
                            .processInstanceId(pi.getId())
                            .count())
                    .isZero();
            for (int attempt = 2; attempt <= 5; attempt++) {
                assertThatThrownBy(() -> management.executeJob(erase.getId()))
                        .isInstanceOf(ErasureFailedException.class);
            }
        } finally {
            jdbc.execute("ALTER TABLE records.call_recording RENAME COLUMN cli_key_offline TO cli_key");
        }
        Incident incident =
                runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_EraseAcrossSystems");
        assertThat(incident.getIncidentMessage())
                .startsWith("Erasure failed in Telephone system (PBX)")
                .doesNotContain(person.name())
                .doesNotContain(person.email());

        // The system is back; an operator retries the job (Cockpit's "retry").
        management.setJobRetries(erase.getId(), 1);
        management.executeJob(erase.getId());
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count())
                .isZero();
        runJobs(pi);
        notifyRecipients(pi);
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded().hasPassed("End_RequestClosed");
        assertThat(directSearch(person).get("call_recording")).isEmpty();
        for (ErasurePlanItem item : plan.items(request.reference())) {
            if (item.toErase()) {
                ErasureRunItem run =
                        runItems.item(request.reference(), item.categoryId()).orElseThrow();
                assertThat(run.passes())
                        .as(item.categoryId() + " erased once, not again on the retry")
                        .isEqualTo(1);
                assertThat(run.deleted() + run.anonymised())
                        .as(item.categoryId())
                        .isEqualTo(item.recordCount());
            }
        }
    }

    @Test
    void aRecordThatAppearsBetweenErasureAndVerificationIsFoundErasedAgainAndItsIncidentResolved() {
        DemoPerson person = person(360);
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "CONFIRMED"));
        complete("peter", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of());
        complete("mark", DeskGroups.MANAGERS, task(pi), Map.of("erasureApproved", "true"));

        management.executeJob(jobAt(pi, "Task_EraseAcrossSystems").getId());
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_VerifyErasure");
        // A website form arrives for the same person, with the email written another way.
        jdbc.update("""
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, submitted_at)
                VALUES ('ENQUIRY', 'Someone', ?, ?, ?)""", person.emailVariants().get(2), person.email(), OffsetDateTime.now(clock));

        management.executeJob(jobAt(pi, "Task_VerifyErasure").getId());
        assertThat(runtime.getVariable(pi.getId(), "leftoversFound")).isEqualTo(true);
        Incident leftovers =
                runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(leftovers.getIncidentType()).isEqualTo(VerifyErasure.INCIDENT_TYPE);
        assertThat(leftovers.getIncidentMessage())
                .contains("Website (category web-enquiries): 1")
                .doesNotContain(person.email());
        ProcessAssertions.assertThat(pi).isWaitingAt("Task_EraseAcrossSystems");

        management.executeJob(jobAt(pi, "Task_EraseAcrossSystems").getId());
        management.executeJob(jobAt(pi, "Task_VerifyErasure").getId());
        assertThat(runtime.getVariable(pi.getId(), "leftoversFound")).isEqualTo(false);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count())
                .as("resolved")
                .isZero();
        assertThat(directSearch(person).get("web_enquiry")).isEmpty();
        assertThat(runItems.item(request.reference(), "web-enquiries")
                        .orElseThrow()
                        .passes())
                .isEqualTo(2);

        notifyRecipients(pi);
        runJobs(pi);
        ProcessAssertions.assertThat(pi).isEnded().hasPassed("End_RequestClosed");
        assertThat(register.get(request.reference()).status()).isEqualTo("CLOSED");
    }

    @Test
    void whenIdIsAskedForTheReplyStartsTheClockAndReturnsTheRequestToTheOfficer() throws Exception {
        DemoPerson person = person(370);
        LocalDate today = LocalDate.now(clock);
        Request request = logRequest(person, OffsetDateTime.now(clock).minusDays(5));
        assertThat(request.clockStart()).isEqualTo(today.minusDays(5));
        ProcessInstance pi = start(request, null);
        runJobs(pi);

        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "ASK_FOR_ID"));
        runJobs(pi);
        ProcessAssertions.assertThat(pi).isWaitingAt("Gateway_AwaitId");
        // Asked today, Monday 15 June: desk.erasure.id-wait P1M, to the end of Wednesday 15 July.
        Date due = (Date) runtime.getVariable(pi.getId(), "idDueDate");
        assertThat(due).isEqualTo(ukTime("2026-07-15T23:59:59"));
        assertThat(jobAt(pi, "Timer_IdNotReceived").getDuedate()).isEqualTo(due);
        String idRequest = text(letter(request, "Please confirm your identity [" + request.reference() + "]"));
        assertThat(idRequest).contains("15 July 2026");
        assertThat(verifiedIdentifiers(request)).isZero();
        assertThat(lettersSent(request.reference())).containsExactly("acknowledgement", "id-request");

        // The requester replies with a document; the intake correlates the reply by reference.
        runtime.createMessageCorrelation("requester-reply")
                .processInstanceBusinessKey(request.reference())
                .setVariable("replyKind", "reply")
                .setVariable("replyAttachmentCount", 1)
                .setVariable("replyIntakeId", 4711L)
                .correlateAllWithResult();
        assertThat(register.get(request.reference()).clockStart())
                .as("the month runs from the ID")
                .isEqualTo(today);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .timers()
                        .count())
                .as("timer cancelled")
                .isZero();
        Task confirm = task(pi);
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo("Task_ConfirmIdentity");

        // An unknown scope is refused on the form; the task stays open.
        assertThatThrownBy(() -> complete(
                        "olivia",
                        DeskGroups.PRIVACY_OFFICERS,
                        confirm,
                        Map.of("identityDecision", "CONFIRMED", "erasureScope", "voicemail")))
                .hasStackTraceContaining("Unknown erasure scope 'voicemail'");
        assertThat(task(pi).getId()).isEqualTo(confirm.getId());
        complete(
                "olivia",
                DeskGroups.PRIVACY_OFFICERS,
                confirm,
                Map.of("identityDecision", "CONFIRMED", "erasureScope", "marketing"));

        ProcessAssertions.assertThat(pi)
                .isWaitingAt("Task_ReviewErasurePreview")
                .hasPassedInOrder(
                        "Task_SendIdRequest",
                        "Event_IdReceived",
                        "Task_StartClockOnIdArrival",
                        "Task_ConfirmIdentity",
                        "Task_MarkIdentifiersVerified",
                        "Task_PrepareErasurePreview");
        assertThat(verifiedIdentifiers(request)).isPositive();
        assertThat(cases.get(request.reference()).scope()).isEqualTo("tm-call-recordings,tm-leads,web-enquiries");

        runtime.deleteProcessInstance(pi.getId(), "test over: the rest of the path is the approved or refused one");
    }

    @Test
    void confirmingIsRefusedWhileAGivenNumberIsOnNoAccountUntilTheOfficerRejectsIt() {
        DemoPerson person = person(390);
        Request request = register.log(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name(person.name())
                .email(person.emailVariants().get(1))
                .phone("020 7946 0512")
                .summary("Please delete everything you hold about me")
                .loggedBy("intake")
                .build());
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        Task confirm = task(pi);
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo("Task_ConfirmIdentity");

        assertThatThrownBy(() -> complete(
                        "olivia", DeskGroups.PRIVACY_OFFICERS, confirm, Map.of("identityDecision", "CONFIRMED")))
                .hasStackTraceContaining("(phone number, given in a field) is on no single customer account");
        assertThat(task(pi).getId()).as("the task stays open").isEqualTo(confirm.getId());
        assertThat(verifiedIdentifiers(request)).isZero();

        long phone = register.identifiers(request.id()).stream()
                .filter(i -> i.kind().equals("PHONE"))
                .findFirst()
                .orElseThrow()
                .id();
        identifiers.reject(request.reference(), phone, "olivia");
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, confirm, Map.of("identityDecision", "CONFIRMED"));

        ProcessAssertions.assertThat(pi).isWaitingAt("Task_ReviewErasurePreview");
        assertThat(verifiedIdentifiers(request)).as("the matched email only").isEqualTo(1);
        assertThat(identifiers.subject(request.reference()).phoneKeys()).isEmpty();
        runtime.deleteProcessInstance(pi.getId(), "test over: only the identity check was under test");
    }

    @Test
    void aSenderWhoseAddressTheOfficerRejectedIsNotMailedTheConfirmationItIsPosted() {
        DemoPerson person = person(400);
        String stranger = "not.the.customer.400@example.org";
        Request request = register.log(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name(person.name())
                .email(stranger)
                .phone(person.phoneVariants().get(3))
                .summary("Please delete everything you hold about me")
                .loggedBy("intake")
                .build());
        ProcessInstance pi = start(request, null);
        runJobs(pi);
        long address = register.identifiers(request.id()).stream()
                .filter(i -> i.kind().equals("EMAIL"))
                .findFirst()
                .orElseThrow()
                .id();
        identifiers.reject(request.reference(), address, "olivia");
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "CONFIRMED"));
        complete("peter", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of());
        complete("mark", DeskGroups.MANAGERS, task(pi), Map.of("erasureApproved", "true"));
        runJobs(pi);
        notifyRecipients(pi);
        runJobs(pi);

        ProcessAssertions.assertThat(pi).isEnded().hasPassed("Task_SendErasureConfirmation");
        assertThat(lettersFor(request)).noneMatch(m -> subject(m).contains("is complete"));
        assertThat(sentLetters.forReference(request.reference()))
                .filteredOn(l -> l.template().equals("erasure-confirmation"))
                .as("recorded once, as posted")
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.channel()).isEqualTo(Recipient.Channel.POST);
                    assertThat(l.recipient()).isEqualTo("requester");
                    assertThat(l.messageId()).isNull();
                });
        assertThat(register.events(request.id()))
                .filteredOn(e -> e.kind().equals("LETTER_TO_POST"))
                .extracting(RequestRegister.RequestEvent::detail)
                .containsExactly("template=erasure-confirmation; to=requester by post");
        Task post = tasks.createTaskQuery()
                .taskName("Post the 'erasure-confirmation' letter for " + request.reference())
                .singleResult();
        assertThat(post).as("the posting task").isNotNull();
        assertThat(post.getName() + post.getDescription())
                .doesNotContain(person.name())
                .doesNotContain(stranger);
        assertThat(register.get(request.reference()).closedAt())
                .as("the erasure is done; the letter still has to be posted")
                .isNotNull();
        assertThat(eventKindsOf(request)).doesNotContain("LETTER_POSTED");

        complete("olivia", DeskGroups.PRIVACY_OFFICERS, post, Map.of());

        // Recorded when posted, by whom, like every letter that goes by post.
        assertThat(register.events(request.id()))
                .filteredOn(e -> e.kind().equals("LETTER_POSTED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("olivia");
                    assertThat(e.detail()).isEqualTo("template=erasure-confirmation; to=requester by post");
                });
        assertThat(sentLetters.toPost(request.reference()))
                .filteredOn(l -> l.template().equals("erasure-confirmation"))
                .singleElement()
                .satisfies(l -> assertThat(l.postedAt()).isNotNull());
    }

    private List<String> eventKindsOf(Request request) {
        return register.events(request.id()).stream()
                .map(RequestRegister.RequestEvent::kind)
                .toList();
    }

    @Test
    void withoutIdByTheDueDateTheRequestIsClosedTheRequesterToldAndTheClocksStop() throws Exception {
        DemoPerson person = person(380);
        Request request = logRequest(person, null);
        ProcessInstance pi = start(request, null);
        ProcessInstance clocks = clocksOf(pi);
        runJobs(pi);
        complete("olivia", DeskGroups.PRIVACY_OFFICERS, task(pi), Map.of("identityDecision", "ASK_FOR_ID"));
        runJobs(pi);

        Job timer = jobAt(pi, "Timer_IdNotReceived");
        assertThat(timer.getDuedate())
                .as("desk.erasure.id-wait P1M from 15 June, to the end of that day")
                .isEqualTo(ukTime("2026-07-15T23:59:59"));
        management.executeJob(timer.getId());
        runJobs(pi);

        ProcessAssertions.assertThat(pi)
                .isEnded()
                .hasPassedInOrder("Timer_IdNotReceived", "Task_SendIdNotReceived", "Task_CloseNoId", "End_ClosedNoId");
        ProcessAssertions.assertThat(pi).hasNotPassed("Task_MarkIdentifiersVerified", "Task_PrepareErasurePreview");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(clocks.getId())
                        .count())
                .isZero();
        assertThat(register.get(request.reference()).status()).isEqualTo("CLOSED");
        assertThat(register.get(request.reference()).outcome()).isEqualTo("CLOSED_NO_ID");
        assertThat(text(letter(request, "We have closed your request [" + request.reference() + "]")))
                .contains("Information Commissioner's Office");
        assertThat(lettersSent(request.reference()))
                .containsExactly("acknowledgement", "id-request", "id-not-received");
        assertThat(verifiedIdentifiers(request)).isZero();
        assertThat(cases.find(request.reference())).isEmpty();
        // Nothing about the person reached the engine on this path.
        assertThat(historicVariables(pi))
                .extracting(v -> String.valueOf(v.getValue()))
                .noneMatch(v -> v.contains(person.name())
                        || v.toLowerCase().contains(person.email().toLowerCase()));
    }

    @Test
    void everyUserTaskHasACandidateGroupAndADeployedFormAndTheProcessAHistoryTimeToLive() throws IOException {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS)
                .latestVersion()
                .singleResult();
        assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
        Map<String, String> deployedForms = new HashMap<>();
        for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
            if (resource.endsWith(".form")) {
                String json = read(repository.getResourceAsStream(definition.getDeploymentId(), resource));
                deployedForms.put(json.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1"), resource);
            }
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        List<String> userTasks = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            userTasks.add(task.getId());
            assertThat(task.getName()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            if (EmbeddedForms.isEmbedded(task.getCamundaFormKey())) {
                assertThat(EmbeddedForms.file(task.getCamundaFormKey()))
                        .as(task.getId() + " form")
                        .isRegularFile();
                continue;
            }
            assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("latest");
            assertThat(deployedForms).as(task.getId() + " form").containsKey(task.getCamundaFormRef());
        }
        assertThat(userTasks)
                .containsExactlyInAnyOrder(
                        "Task_ConfirmIdentity",
                        "Task_ReviewErasurePreview",
                        "Task_AuthoriseErasure",
                        "Task_EraseByHand",
                        "Task_NotifyRecipient",
                        "Task_ApproveExtensionAnyStage");
    }

    // --- driving the process as staff and the job executor would ---

    private Request logRequest(DemoPerson person, OffsetDateTime receivedAt) {
        return register.log(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name(person.name())
                .email(person.emailVariants().get(1))
                .phone(person.phoneVariants().get(3))
                .summary("Please delete everything you hold about me")
                .receivedAt(receivedAt)
                .loggedBy("intake")
                .build());
    }

    private Job jobAt(ProcessInstance pi, String activityId) {
        return management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .singleResult();
    }

    private Task task(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Erasure by hand recorded done (with a note), then Art. 19: one task per recipient, each recorded as told (or impossible, for the screening service). */
    private List<String> notifyRecipients(ProcessInstance pi) throws RuntimeException {
        List<String> told = new ArrayList<>();
        Task byHand = task(pi);
        if (byHand != null && byHand.getTaskDefinitionKey().equals("Task_EraseByHand")) {
            for (ErasureByHand.Item item : erasureByHand.items(pi.getBusinessKey())) {
                erasureByHand.recordDone(
                        pi.getBusinessKey(), item.categoryId(), "Deleted in the platform's inbox", "peter");
            }
            complete("peter", DeskGroups.PRIVACY_OFFICERS, byHand, Map.of());
        }
        for (Task t = task(pi); t != null && t.getTaskDefinitionKey().equals("Task_NotifyRecipient"); t = task(pi)) {
            assertThat(read(forms.getDeployedTaskForm(t.getId()))).contains("\"noticeStatus\"");
            String recipient = (String) tasks.getVariable(t.getId(), "recipient");
            told.add(recipient);
            complete(
                    "peter",
                    DeskGroups.PRIVACY_OFFICERS,
                    t,
                    recipient.contains("TPS")
                            ? Map.of(
                                    "noticeStatus",
                                    "IMPOSSIBLE",
                                    "noticeNote",
                                    "The screening service keeps no copy of the list")
                            : Map.of("noticeStatus", "NOTIFIED", "noticeNote", "Told by internal memo"));
        }
        return told;
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .toList();
    }

    /** The variables the task's embedded form submits. */
    private Set<String> submits(Task task) {
        return EmbeddedForms.submits(forms.getTaskFormKey(task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
    }

    private String form(Task task) {
        return read(forms.getDeployedTaskForm(task.getId()));
    }

    private int verifiedIdentifiers(Request request) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.request_identifier WHERE request_id = ? AND verified = TRUE",
                Integer.class,
                request.id());
        return n == null ? 0 : n;
    }

    // --- what is left afterwards ---

    private List<HistoricVariableInstance> historicVariables(ProcessInstance pi) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .includeDeleted()
                .list();
    }

    /** The engine's own copy: references and ids only (desk.erasure.engine-variables-kept), also in history. */
    private void assertOnlyReferencesLeft(ProcessInstance pi, Request request) {
        List<HistoricVariableInstance> left = historicVariables(pi);
        assertThat(left)
                .extracting(HistoricVariableInstance::getName)
                .isNotEmpty()
                .isSubsetOf("requestReference", "requestId");
        Map<String, Object> values = left.stream()
                .collect(Collectors.toMap(
                        HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
        if (values.containsKey("requestReference")) {
            assertThat(values.get("requestReference")).isEqualTo(request.reference());
        }
        if (values.containsKey("requestId")) {
            assertThat(((Number) values.get("requestId")).longValue()).isEqualTo(request.id());
        }
    }

    // --- letters ---

    private List<MimeMessage> lettersFor(Request request) {
        return Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> subject(m).contains(request.reference()))
                .toList();
    }

    private MimeMessage letter(Request request, String subjectStart) throws Exception {
        List<MimeMessage> found = lettersFor(request).stream()
                .filter(m -> subject(m).startsWith(subjectStart))
                .toList();
        assertThat(found)
                .as("one letter '" + subjectStart + "' for " + request.reference())
                .hasSize(1);
        MimeMessage letter = found.get(0);
        assertThat(letter.getAllRecipients()[0].toString().toLowerCase())
                .contains(request.requesterEmail().toLowerCase().trim());
        return letter;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The letter's plain text, decoded, with line breaks as spaces so that wrapped sentences compare whole. */
    private static String text(MimeMessage message) throws Exception {
        return plainText(message.getContent()).replaceAll("\\s+", " ");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
