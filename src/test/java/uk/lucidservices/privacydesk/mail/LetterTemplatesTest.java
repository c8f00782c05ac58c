package uk.lucidservices.privacydesk.mail;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every letter the processes may ask for exists, renders from the register and settings, and is safe as HTML. */
class LetterTemplatesTest extends DeskIntegrationTest {

    @Autowired
    LetterTemplates templates;
    @Autowired
    LetterModel model;

    private static Request request(RequestType type, String name) {
        return new Request(1L, type.prefix() + "-2026-000042", type, Channel.EMAIL, name, "anna@example.com", null,
                null, null, OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.UTC), LocalDate.of(2026, 3, 3), "OPEN",
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 24), false, false, false,
                null, "intake", null, null);
    }

    @Test
    void everyLetterInTheContractRendersWithTheReferenceInItsSubject() {
        for (String name : LetterTemplates.NAMES) {
            for (RequestType type : RequestType.values()) {
                RenderedLetter letter = templates.render(name, type.prefix() + "-2026-000042",
                        model.build(request(type, "Anna Smith"), Map.of()));
                assertThat(letter.subject()).as(name).contains("[" + type.prefix() + "-2026-000042]");
                assertThat(letter.text()).as(name).startsWith("Dear Anna,").contains(type.prefix() + "-2026-000042")
                        .contains("Lucid Services Ltd").doesNotContain("{{").doesNotContain("\n\n\n");
                assertThat(letter.html()).as(name).contains("<p>Dear Anna,</p>").doesNotContain("{{");
            }
        }
    }

    @Test
    void theAcknowledgementGivesTheDayOfReceiptAndTheStatutoryDeadline() {
        RenderedLetter letter = templates.render("acknowledgement", "SAR-2026-000042",
                model.build(request(RequestType.SUBJECT_ACCESS, "Anna Smith"), Map.of()));

        assertThat(letter.subject()).isEqualTo("We have received your subject access request [SAR-2026-000042]");
        assertThat(letter.text()).contains("which we received on 3 March 2026").contains("by 3 April 2026");
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
