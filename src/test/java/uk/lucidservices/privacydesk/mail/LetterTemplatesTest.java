package uk.lucidservices.privacydesk.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every letter the processes may ask for exists, renders from the register and settings, and is safe as HTML. */
class LetterTemplatesTest extends DeskIntegrationTest {

    @Autowired
    LetterTemplates templates;
    @Autowired
    LetterModel model;

    @Autowired
    RequestRegister register;

    /** A request as the register holds it, received on 3 March 2026. */
    private Request request(RequestType type, String name) {
        return register.log(NewRequest.builder(type, Channel.EMAIL).name(name)
                .email("anna." + UUID.randomUUID() + "@example.com")
                .receivedAt(OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.UTC)).loggedBy("test").build());
    }

    @Test
    void everyLetterInTheContractRendersWithTheReferenceInItsSubject() {
        for (RequestType type : RequestType.values()) {
            Request request = request(type, "Anna Smith");
            for (String name : LetterTemplates.NAMES) {
                RenderedLetter letter = templates.render(name, request.reference(), model.build(request, Map.of()));
                assertThat(letter.subject()).as(name).contains("[" + request.reference() + "]");
                assertThat(letter.text()).as(name).startsWith("Dear Anna,").contains(request.reference())
                        .contains("Lucid Services Ltd").doesNotContain("{{").doesNotContain("\n\n\n");
                assertThat(letter.html()).as(name).contains("<p>Dear Anna,</p>").doesNotContain("{{");
            }
        }
    }

    @Test
    void theAcknowledgementGivesTheDayOfReceiptAndTheStatutoryDeadline() {
        Request request = request(RequestType.SUBJECT_ACCESS, "Anna Smith");
        RenderedLetter letter = templates.render("acknowledgement", request.reference(), model.build(request, Map.of()));

        assertThat(letter.subject()).isEqualTo("We have received your subject access request [" + request.reference() + "]");
        assertThat(letter.text()).contains("which we received on 3 March 2026")
                .contains("by " + LetterModel.UK_DATE.format(request.statutoryDeadline()));
    }

    @Test
    void processValuesFillOptionalParagraphs() {
        RenderedLetter with = templates.render("extension-notice", "SAR-2026-000042",
                model.build(request(RequestType.SUBJECT_ACCESS, null), Map.of("extensionReason", "we hold 400 call recordings")));
        RenderedLetter without = templates.render("extension-notice", "SAR-2026-000042",
                model.build(request(RequestType.SUBJECT_ACCESS, null), Map.of()));

        assertThat(with.text()).contains("The reason is: we hold 400 call recordings");
        assertThat(without.text()).doesNotContain("The reason is").startsWith("Dear customer,");
    }

    @Test
    void whatPeopleWriteIsEscapedInHtmlLetters() {
        RenderedLetter letter = templates.render("acknowledgement", "SAR-2026-000042",
                model.build(request(RequestType.SUBJECT_ACCESS, "<script>alert(1)</script> Smith"), Map.of()));

        assertThat(letter.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void anUnknownLetterOrAMissingValueIsAnErrorNotABlank() {
        assertThatThrownBy(() -> templates.render("no-such-letter", "SAR-2026-000042", Map.of()))
                .hasMessageContaining("No letter template 'no-such-letter'");
        assertThatThrownBy(() -> templates.render("acknowledgement", "SAR-2026-000042", Map.of("reference", "SAR-2026-000042")))
                .hasMessageContaining("could not be rendered");
        assertThat(templates.exists("../application.yml")).isFalse();
    }
}
