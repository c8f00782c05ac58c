package uk.lucidservices.privacydesk.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestLinks;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Issue 15 §4: a copy of one live chat goes only to the address recorded in that chat, as a letter
 * recorded like every other; asked for from any other address it becomes a subject access request.
 * Demo people 285 and 289 are used by no other test class; their chats are written here.
 */
class TranscriptCopyTest extends DeskIntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    RequestRegister register;

    @Autowired
    RequestLinks links;

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
    void aCopyAskedForFromTheChatsOwnAddressIsSentThereAndRecordedLikeEveryLetter() throws Exception {
        DemoPerson person = person(285);
        long chat = chat(person, "Is fibre available at my office?", "Yes, from next month.");

        ResponseEntity<Map> created = askForCopy(chat, person.email().toUpperCase());
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Request request = register.get((String) created.getBody().get("reference"));
        assertThat(request.type()).isEqualTo(RequestType.TRANSCRIPT_COPY);
        ProcessInstance pi = instance(request);
        runDueJobs(pi.getId());

        ProcessAssertions.assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        "Task_CheckChatAddress",
                        "Task_SendTranscriptCopy",
                        "Task_CloseTranscriptCopySent",
                        "End_RequestClosed")
                .hasNotPassed("Task_OpenSubjectAccessRequestInstead");
        assertThat(register.get(request.reference()).outcome()).isEqualTo("SENT");
        assertThat(sentLetters.forReference(request.reference()))
                .singleElement()
                .satisfies(letter -> assertThat(letter.template()).isEqualTo("transcript-copy"));
        MimeMessage mail = mailTo(person.email());
        assertThat(mail.getSubject()).isEqualTo("A copy of your live chat [" + request.reference() + "]");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("Is fibre available at my office?")
                .contains("Yes, from next month.");
        // The transcript went into the letter, never into the engine.
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .list())
                .extracting(HistoricVariableInstance::getName)
                .containsOnly("requestReference", "requestId", "addressMatchesChat", "transcriptOutcome");
    }

    @Test
    void aCopyAskedForFromAnotherAddressSendsNothingAndBecomesASubjectAccessRequest() {
        DemoPerson person = person(289);
        long chat = chat(person, "Please change my direct debit date.", "Done.");
        String otherAddress = "not-the-chat-" + person.email();

        Request request =
                register.get((String) askForCopy(chat, otherAddress).getBody().get("reference"));
        runDueJobs(instance(request).getId());

        assertThat(register.get(request.reference()).outcome()).isEqualTo("BECAME_SAR");
        assertThat(sentLetters.forReference(request.reference())).isEmpty();
        List<String> linked = links.linked(request.id());
        assertThat(linked).singleElement().satisfies(ref -> assertThat(ref).startsWith("SAR-"));
        Request sar = register.get(linked.get(0));
        assertThat(sar.type()).isEqualTo(RequestType.SUBJECT_ACCESS);
        assertThat(sar.requesterEmail()).isEqualTo(otherAddress);
        assertThat(sar.processInstanceId())
                .as("the SAR runs its own process, identity check first")
                .isNotNull();
        assertThat(jdbc.queryForObject(
                        "SELECT sar_reference FROM desk.transcript_copy WHERE request_id = ?",
                        String.class,
                        request.id()))
                .isEqualTo(sar.reference());
    }

    @Test
    void aCopyOfAChatThatDoesNotExistIsNotFound() {
        assertThat(askForCopy(999_999_998L, "someone@example.com").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<Map> askForCopy(long chat, String email) {
        return http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/chat-transcripts/" + chat + "/copy-requests",
                        Map.of("email", email, "channel", "EMAIL"),
                        Map.class);
    }

    private long chat(DemoPerson person, String visitorSays, String agentSays) {
        long id = jdbc.queryForObject(
                """
                INSERT INTO records.chat_transcript (visitor_name, visitor_email, email_key, agent_name, started_at, ended_at)
                VALUES (?, ?, ?, 'Agent Ann', ?, ?) RETURNING id""",
                Long.class,
                person.name(),
                person.email(),
                person.email(),
                OffsetDateTime.parse("2026-06-10T10:00:00+01:00"),
                OffsetDateTime.parse("2026-06-10T10:05:00+01:00"));
        jdbc.update(
                "INSERT INTO records.chat_message (transcript_id, sent_at, sender, body) VALUES (?, ?, 'VISITOR', ?)",
                id,
                OffsetDateTime.parse("2026-06-10T10:01:00+01:00"),
                visitorSays);
        jdbc.update(
                "INSERT INTO records.chat_message (transcript_id, sent_at, sender, body) VALUES (?, ?, 'AGENT', ?)",
                id,
                OffsetDateTime.parse("2026-06-10T10:02:00+01:00"),
                agentSays);
        return id;
    }

    private ProcessInstance instance(Request request) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(register.get(request.reference()).processInstanceId())
                .singleResult();
    }

    private static MimeMessage mailTo(String address) throws Exception {
        List<MimeMessage> mails = Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients() != null
                                && Arrays.stream(m.getAllRecipients()).anyMatch(a -> ((InternetAddress) a)
                                        .getAddress()
                                        .equalsIgnoreCase(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(TranscriptCopyTest.class, index);
    }
}
