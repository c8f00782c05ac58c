package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.ProcessAssertions;
import uk.lucidservices.privacydesk.TestMailServer;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RetentionCut;
import uk.lucidservices.privacydesk.request.StoreSweep;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Issue 14, part 5: social-media erasure by hand is a task with evidence, and the confirmation says
 * only what was done. The data map's manual system to erase ({@code social-media}, "Social media
 * messages" on "Social media platforms") puts {@code Task_EraseByHand} in front of a privacy officer
 * after the automatic erasure is verified; only the officer holding it records each item, done with
 * evidence or not possible with the reason. The real erasure process, engine, database and mail
 * server; demo people 471-475.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureByHandTest extends ErasureTestSupport {

    private static final String NOTE = "Deleted both Facebook messages from the page inbox for Ms Testperson";
    private static final String NOT_POSSIBLE =
            "The platform closed the page the messages were sent to, so we can no longer reach them";
    private static final byte[] SCREENSHOT =
            "\u0089PNG\r\n\u001a\n screenshot of the emptied inbox".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ErasureCertificate certificate;

    @Autowired
    ErasureByHand byHand;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    void setUp() {
        demoData();
        ProcessAssertions.init(engine);
    }

    @Test
    void anItemRecordedDoneWithAScreenshotIsCertifiedAndConfirmedAsErasedByHandAndOnlyItsAssigneeRecordsIt()
            throws Exception {
        Request request = logErasureRequest(person(471));
        String reference = request.reference();
        ProcessInstance pi = authorisedErasure(request, null);

        ProcessAssertions.assertThat(pi).isWaitingAt("Task_EraseByHand");
        Task task = task(pi, "Task_EraseByHand");
        assertThat(task.getName()).startsWith("Erase by hand in manual systems · " + reference);
        assertThat(tasks.getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId)
                        .filter(g -> g != null)
                        .toList())
                .containsExactly(DeskGroups.PRIVACY_OFFICERS);
        ProcessAssertions.assertThat(pi).hasPassedInOrder("Task_VerifyErasure", "Gateway_AnyByHand");

        // The form's list: the data map's words for the item, not its id or columns.
        JsonNode items = http.withBasicAuth("peter", "peter")
                .getForObject("/api/erasure-requests/" + reference + "/by-hand", JsonNode.class);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("category").asText()).isEqualTo("social-media");
        assertThat(items.get(0).get("name").asText()).isEqualTo("Social media messages");
        assertThat(items.get(0).get("system").asText()).isEqualTo("Social media platforms");
        assertThat(items.get(0).get("outcome").isNull()).isTrue();

        // Nobody holds the task yet: no officer may record; once Peter claims it, only Peter may.
        assertThat(upload("peter", reference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        tasks.claim(task.getId(), "peter");
        assertThat(upload("olivia", reference).getStatusCode())
                .as("another officer")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("mark", reference).getStatusCode()).as("a manager").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("olivia", reference, "done", new byte[0]).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Recorded done with no evidence: the task does not close.
        assertThat(post("peter", reference, "done", new byte[0]).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThatThrownBy(() -> tasks.complete(task.getId()))
                .satisfies(e -> assertThat(messages(e)).contains("Social media messages (Social media platforms)"));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        // The screenshot is the evidence: stored in the desk's file store, its fingerprint on the record.
        ResponseEntity<JsonNode> uploaded = upload("peter", reference);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(uploaded.getBody().get("name").asText()).isEqualTo("inbox_after.png");
        ErasureByHand.Item item = byHand.items(reference).get(0);
        assertThat(item.doneWithEvidence()).isTrue();
        assertThat(Files.readAllBytes(fileStore.resolve(item.files().get(0).storedPath())))
                .isEqualTo(SCREENSHOT);
        tasks.complete(task.getId());
        finish(pi);

        // The certificate says done, by whom, with the file's fingerprint; not that the search verified it.
        Map<String, JsonNode> lines = certificateLines(reference);
        JsonNode social = lines.get("social-media");
        assertThat(social.get("action").asText()).isEqualTo("DELETE_BY_HAND");
        assertThat(social.get("byHand").get("outcome").asText()).isEqualTo("DONE");
        assertThat(social.get("byHand").get("recordedBy").asText()).isEqualTo("peter");
        assertThat(social.get("byHand").get("files").get(0).asText()).isEqualTo(ErasureCertificate.sha256(SCREENSHOT));
        assertThat(social.get("byHand").get("note").asBoolean()).isFalse();
        assertThat(lines.get("call-recordings").get("byHand").isNull())
                .as("the desk's own erasure has no by-hand record")
                .isTrue();
        String pdf = certificatePdf(reference);
        assertThat(pdf).contains("Delete by hand: done, recorded by peter on 15 June 2026");
        assertThat(pdf).contains("not verified by the desk's search");

        // The confirmation names it as erased by hand on the day it was recorded (Monday 15 June 2026).
        String letter = confirmation(reference);
        assertThat(letter)
                .contains("What we erased by hand, in systems our search cannot reach:")
                .contains("Social media messages (Social media platforms): erased by hand on 15 June 2026")
                .doesNotContain("What we could not erase");
        assertThat(eventKinds(reference))
                .containsSubsequence(
                        "ERASURE_VERIFIED",
                        "ERASED_BY_HAND",
                        "ERASURE_EVIDENCE_ADDED",
                        "ERASURE_BY_HAND_RECORDED",
                        "CERTIFICATE_ISSUED");
        assertThat(register.events(request.id()).stream()
                        .filter(e -> e.kind().equals("ERASURE_VERIFIED"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .as("the repeated search does not claim the manual system")
                .contains("1 manual system(s) to erase by hand are not covered by it");
    }

    @Test
    void anItemThatCouldNotBeErasedIsStatedWithItsReasonAndNeverClaimedAsErased() throws Exception {
        Request request = logErasureRequest(person(472));
        String reference = request.reference();
        ProcessInstance pi = authorisedErasure(request, null);
        Task task = task(pi, "Task_EraseByHand");
        tasks.claim(task.getId(), "olivia");

        assertThat(post("olivia", reference, "not-possible", new byte[0]).getStatusCode())
                .as("a reason is needed")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("olivia", reference, "not-possible", NOT_POSSIBLE.getBytes(StandardCharsets.UTF_8))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        tasks.complete(task.getId());
        finish(pi);

        JsonNode social = certificateLines(reference).get("social-media");
        assertThat(social.get("byHand").get("outcome").asText()).isEqualTo("NOT_POSSIBLE");
        assertThat(social.get("byHand").get("reason").asText()).isEqualTo(NOT_POSSIBLE);
        assertThat(certificatePdf(reference)).contains("Delete by hand: not erased: The platform closed");
        String letter = confirmation(reference);
        assertThat(letter)
                .doesNotContain("What we erased by hand")
                .doesNotContain("erased by hand on")
                .contains("What we could not erase:")
                .contains("Social media messages (Social media platforms): not erased: " + NOT_POSSIBLE);
    }

    @Test
    void aNoteAsTheEvidenceStaysInTheDesksTableOutOfTheEngineAndGoesWithTheRequestsRetention() throws Exception {
        Request request = logErasureRequest(person(473));
        String reference = request.reference();
        ProcessInstance pi = authorisedErasure(request, null);
        Task task = task(pi, "Task_EraseByHand");
        tasks.claim(task.getId(), "peter");
        assertThat(post("peter", reference, "done", NOTE.getBytes(StandardCharsets.UTF_8))
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(upload("peter", reference).getStatusCode()).isEqualTo(HttpStatus.OK);
        tasks.complete(task.getId());
        finish(pi);

        JsonNode social = certificateLines(reference).get("social-media");
        assertThat(social.get("byHand").get("note").asBoolean()).isTrue();
        String certificateJson = new String(
                Files.readAllBytes(fileStore.resolve(
                        certificate.issued(reference).orElseThrow().jsonPath())),
                StandardCharsets.UTF_8);
        assertThat(certificateJson).doesNotContain("Facebook").doesNotContain("Testperson");
        assertThat(confirmation(reference)).doesNotContain("Facebook");
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .includeDeleted()
                .list();
        assertThat(variables).extracting(v -> String.valueOf(v.getValue())).noneMatch(v -> v.contains("Facebook"));
        assertThat(register.events(request.id()))
                .extracting(e -> String.valueOf(e.detail()))
                .noneMatch(d -> d.contains("Facebook"));

        // A year after the request closed (desk.retention.schedule.erasure-evidence: P1Y), the note and the
        // file go; what was done, by whom and when stays.
        String file = byHand.items(reference).get(0).files().get(0).storedPath();
        StoreSweep sweep = byHand.retentionSweeps().get(0);
        assertThat(sweep.store()).isEqualTo("erasure-evidence");
        OffsetDateTime closed = register.get(reference).closedAt();
        sweepAll(sweep, new RetentionCut(closed.minusDays(1), closed, List.of()));
        assertThat(byHand.items(reference).get(0).hasNote()).as("not yet due").isTrue();
        assertThat(Files.exists(fileStore.resolve(file))).as("not yet due").isTrue();
        sweepAll(sweep, new RetentionCut(closed, closed.plusYears(1), List.of()));
        assertThat(Files.exists(fileStore.resolve(file))).isFalse();
        ErasureByHand.Item swept = byHand.items(reference).get(0);
        assertThat(swept.hasNote()).isFalse();
        assertThat(swept.files()).isEmpty();
        assertThat(jdbc.queryForList(
                        "SELECT file_name FROM desk.erasure_evidence_file WHERE reference = ?",
                        String.class,
                        reference))
                .as("the file's name goes with it")
                .containsExactly("deleted");
        assertThat(swept.outcome()).isEqualTo(ErasureByHand.Outcome.DONE);
        assertThat(swept.recordedBy()).isEqualTo("peter");
    }

    @Test
    void anErasureWithNothingToEraseByHandHasNoSuchTask() throws Exception {
        Request request = logErasureRequest(person(474));
        String reference = request.reference();
        ProcessInstance pi = authorisedErasure(request, "call-recordings");

        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskDefinitionKey("Task_EraseByHand")
                        .count())
                .isZero();
        finish(pi);
        ProcessAssertions.assertThat(pi)
                .isEnded()
                .hasPassedInOrder("Gateway_AnyByHand", "Gateway_ByHandDone", "Task_IssueErasureCertificate");
        ProcessAssertions.assertThat(pi).hasNotPassed("Task_EraseByHand");
        assertThat(certificateLines(reference).values())
                .allSatisfy(l -> assertThat(l.get("byHand").isNull()).isTrue());
        assertThat(confirmation(reference)).doesNotContain("erased by hand").doesNotContain("could not erase");
    }

    private void sweepAll(StoreSweep sweep, RetentionCut cut) {
        for (int batch = 0; batch < 100 && sweep.sweepBatch(named, fileStore, cut, 50) > 0; batch++) {
            // until nothing due is left
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString();
    }

    // --- driving the process as staff do ---

    /** Started as the intake starts it, identity confirmed, preview reviewed, erasure authorised, jobs run. */
    private ProcessInstance authorisedErasure(Request request, String scope) {
        ProcessInstance pi = start(request, scope);
        runJobs(pi);
        // Logged by Olivia (ErasureTestSupport): another officer confirms who is asking.
        claimAndComplete(task(pi, "Task_ConfirmIdentity"), "peter", Map.of("identityDecision", "CONFIRMED"));
        runJobs(pi);
        claimAndComplete(task(pi, "Task_ReviewErasurePreview"), "olivia", Map.of());
        claimAndComplete(task(pi, "Task_AuthoriseErasure"), "mark", Map.of("erasureApproved", "true"));
        runJobs(pi);
        return pi;
    }

    /** Art. 19 notices (each recipient told), then the certificate and the confirmation. */
    private void finish(ProcessInstance pi) {
        runJobs(pi);
        for (Task t = openTask(pi);
                t != null && t.getTaskDefinitionKey().equals("Task_NotifyRecipient");
                t = openTask(pi)) {
            claimAndComplete(t, "olivia", Map.of("noticeStatus", "NOTIFIED", "noticeNote", "Told by internal memo"));
            runJobs(pi);
        }
        runJobs(pi);
        ProcessAssertions.assertThat(pi).isEnded();
    }

    private Task openTask(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private ResponseEntity<JsonNode> upload(String user, String reference) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return http.withBasicAuth(user, user)
                .postForEntity(
                        "/api/erasure-requests/" + reference + "/by-hand/social-media/evidence?name=inbox after.png",
                        new HttpEntity<>(SCREENSHOT, headers),
                        JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String reference, String what, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        return http.withBasicAuth(user, user)
                .postForEntity(
                        "/api/erasure-requests/" + reference + "/by-hand/social-media/" + what,
                        new HttpEntity<>(body, headers),
                        JsonNode.class);
    }

    // --- what the requester and the record get ---

    private Map<String, JsonNode> certificateLines(String reference) throws Exception {
        JsonNode document = json.readTree(fileStore
                .resolve(certificate.issued(reference).orElseThrow().jsonPath())
                .toFile());
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        for (JsonNode system : document.get("systems")) {
            for (JsonNode line : system.get("categories")) {
                lines.put(line.get("category").asText(), line);
            }
        }
        return lines;
    }

    private String certificatePdf(String reference) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(fileStore
                .resolve(certificate.issued(reference).orElseThrow().pdfPath())
                .toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    /** The confirmation letter's plain text, line breaks as spaces. */
    private static String confirmation(String reference) throws Exception {
        List<MimeMessage> found = Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> subject(m).startsWith("Your erasure request is complete [" + reference + "]"))
                .toList();
        assertThat(found).as("one confirmation for " + reference).hasSize(1);
        return plainText(found.get(0).getContent()).replaceAll("\\s+", " ");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
