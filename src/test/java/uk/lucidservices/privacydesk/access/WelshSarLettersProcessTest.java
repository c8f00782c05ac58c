package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * A subject access request in Welsh, on the engine: the acknowledgement and the extension notice
 * (and the ID request) give every date in Welsh and carry no English from the desk's settings, by
 * email and by post.
 * Today is Monday 15 June 2026 (TestClock); the request came on Friday 12 June.
 */
class WelshSarLettersProcessTest extends SarProcessTestSupport {

    @Autowired
    SentLetters sentLetters;

    @Autowired
    TestRestTemplate http;

    @Test
    void aWelshRequestByEmailIsAcknowledgedAskedForIdAndToldOfTheExtensionInWelsh() throws Exception {
        // Person 476's address matches no customer: the desk asks for ID.
        ProcessInstance pi = startInWelsh(person(476), Channel.EMAIL);
        String reference = pi.getBusinessKey();
        process(pi).isWaitingFor("requester-reply");
        replyFromRequester(pi, 1);
        process(pi).isWaitingAt("Task_CheckIdDocument");
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .postForEntity("/api/requests/" + reference + "/extension", null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        runJobs(pi);
        String reason = "Mae eich cais yn cwmpasu chwe system a ffeiliau papur.";
        work(
                pi,
                "Task_ApproveExtensionAnyStage",
                "mark",
                Map.of("extensionDecision", "APPROVE", "proposedExtensionReason", reason));

        assertThat(letters(reference)).containsExactly("acknowledgement", "id-request", "extension-notice");
        // Received Friday 12 June 2026: a month on is Sunday 12 July, so Monday 13 July.
        String acknowledgement = text(mailFor(reference, "Diolch am eich"));
        assertThat(acknowledgement)
                .contains("cais am fynediad at ddata gan wrthrych data, a gawsom ar 12 Mehefin 2026")
                .contains("Byddwn yn ymateb erbyn 13 Gorffennaf 2026 fan bellaf")
                .contains("Y Tîm Preifatrwydd")
                .contains("Y Deyrnas Unedig")
                .doesNotContain("June", "July", "The Privacy Team", "United Kingdom", "subject access request");
        // ID asked today, Monday 15 June 2026: the wait is one month, to Wednesday 15 July 2026.
        String idRequest = text(mailFor(reference, "15 Gorffennaf 2026"));
        assertThat(idRequest).doesNotContain("June", "July", "The Privacy Team", "United Kingdom");
        // The ID came today, so the clock starts today: one month is Wednesday 15 July 2026, and two
        // further months Tuesday 15 September 2026.
        String notice = text(mailFor(reference, "Byddwn bellach yn ymateb erbyn"));
        assertThat(notice)
                .contains("Byddwn bellach yn ymateb erbyn 15 Medi 2026.")
                .contains("a gawsom ar 12 Mehefin 2026")
                .contains(reason)
                .contains("Swyddfa'r Comisiynydd Gwybodaeth")
                .doesNotContain("June", "September", "The Privacy Team", "United Kingdom");
    }

    @Test
    void aWelshRequestByPhoneIsAcknowledgedByPostWithTheWelshPostalAddress() {
        ProcessInstance pi = startInWelsh(person(477), Channel.PHONE);
        SentLetters.LetterToPost acknowledgement = sentLetters.toPost(pi.getBusinessKey()).stream()
                .filter(l -> l.template().equals("acknowledgement"))
                .findFirst()
                .orElseThrow();
        assertThat(acknowledgement.text())
                .contains("a gawsom ar 12 Mehefin 2026")
                .contains("Byddwn yn ymateb erbyn 13 Gorffennaf 2026 fan bellaf")
                .contains("I ateb drwy'r post, ysgrifennwch atom yn Y Tîm Preifatrwydd, Lucid Services Ltd,"
                        + " Y Deyrnas Unedig")
                .doesNotContain("June", "July", "The Privacy Team", "United Kingdom");
    }

    /** The person's request in Welsh, received on Friday 12 June 2026 at noon, started and acknowledged. */
    private ProcessInstance startInWelsh(DemoPerson person, Channel channel) {
        OffsetDateTime received = today().minusDays(3)
                .atTime(LocalTime.NOON)
                .atZone(clock.getZone())
                .toOffsetDateTime();
        Request request = starter.start(NewRequest.builder(RequestType.SUBJECT_ACCESS, channel)
                .name("Siôn Llŷr")
                .email(channel == Channel.EMAIL ? person.emailVariants().get(1) : null)
                .phone(channel == Channel.PHONE ? person.phone() : null)
                .summary("Hoffwn gael copi o'r data personol sydd gennych amdanaf")
                .receivedAt(received)
                .loggedBy("intake")
                .language(Language.WELSH)
                .build());
        ProcessInstance pi = runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId())
                .singleResult();
        runJobs(pi);
        return pi;
    }
}
