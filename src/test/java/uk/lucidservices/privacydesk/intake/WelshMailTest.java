package uk.lucidservices.privacydesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * A requester who writes in Welsh is answered in Welsh (issue 18 §3): the intake reads the mail's
 * language, the register keeps it, and the acknowledgement comes from the Welsh template set with
 * its date in Welsh. A mail in English stays English.
 */
class WelshMailTest extends IntakeTestSupport {

    @Test
    void aMailInWelshGetsAWelshAcknowledgementWithTheReferenceAndAWelshDate() throws Exception {
        TestMail mail = TestMail.from("Gwenllian Morgan")
                .subject("Cais am ddata")
                .text("Annwyl Syr,\n\nHoffwn gael copi o'r holl ddata personol sydd gennych amdanaf, "
                        + "gan gynnwys recordiadau o'm galwadau.\n\nYn gywir,\nGwenllian");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        assertThat(entry.requestType()).isEqualTo(RequestType.SUBJECT_ACCESS);
        Request request = register.get(entry.requestReference());
        assertThat(request.language()).isEqualTo(Language.WELSH);
        MimeMessage letter = acknowledgement(request, mail.address());
        assertThat(letter.getSubject())
                .isEqualTo("Rydym wedi cael eich cais am fynediad at ddata gan wrthrych data [" + request.reference()
                        + "]");
        String text = plainText(letter.getContent());
        // Received on the test clock's Monday 15 June 2026; one month on is 15 July 2026, by hand.
        assertThat(text)
                .startsWith("Annwyl Gwenllian,")
                .contains("Ein cyfeirnod yw " + request.reference())
                .contains("a gawsom ar 15 Mehefin 2026")
                .contains("erbyn 15 Gorffennaf 2026 fan bellaf")
                .contains("Yn gywir,")
                .doesNotContain("Dear")
                .doesNotContain("June")
                .doesNotContain("July");
    }

    @Test
    void aMailInEnglishStaysEnglish() throws Exception {
        TestMail mail = TestMail.from("Ffion Evans")
                .subject("Subject access request")
                .text("Dear Sir,\n\nI would like a copy of all the personal data you hold about me.\n\n"
                        + "Diolch yn fawr,\nFfion");

        IntakeLog.Entry entry = deliverAndPoll(mail);

        Request request = register.get(entry.requestReference());
        assertThat(request.language()).isEqualTo(Language.ENGLISH);
        MimeMessage letter = acknowledgement(request, mail.address());
        assertThat(letter.getSubject()).startsWith("We have received your subject access request");
        assertThat(plainText(letter.getContent()))
                .startsWith("Dear Ffion,")
                .contains("which we received on 15 June 2026")
                .doesNotContain("Mehefin");
    }

    /** Sends the acknowledgement the way the request's process or the intake would, and returns the one mail. */
    private MimeMessage acknowledgement(Request request, String address) {
        if (request.processInstanceId() == null) {
            sendQueuedLetters(request.reference());
        } else {
            runStepsUntilALetterIsSent(request);
        }
        List<MimeMessage> received = mailsTo(address);
        assertThat(received).hasSize(1);
        assertThat(sentLetters.forReference(request.reference()))
                .singleElement()
                .satisfies(l -> assertThat(l.template()).isEqualTo("acknowledgement"));
        return received.get(0);
    }

    private static String plainText(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i).isMimeType("text/plain")
                        || multipart.getBodyPart(i).isMimeType("multipart/*")) {
                    return plainText(multipart.getBodyPart(i).getContent());
                }
            }
        }
        return content.toString();
    }
}
