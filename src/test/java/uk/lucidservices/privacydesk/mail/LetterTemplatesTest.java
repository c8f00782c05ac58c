package uk.lucidservices.privacydesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

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
        return register.log(NewRequest.builder(type, Channel.EMAIL)
                .name(name)
                .email("anna." + UUID.randomUUID() + "@example.com")
                .receivedAt(OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.UTC))
                .loggedBy("test")
                .build());
    }

    /** What the letters that need values of their own get from their callers (the rest take process variables). */
    private static final Map<String, Map<String, Object>> VALUES = Map.of(
            "pack-ready", Map.of("downloadLink", "https://desk.example/packs/abc", "linkExpires", "29 June 2026"),
            "fee-request", Map.of("feeAmount", "25.00", "feeReason", "Further copies of the pack sent on 1 June"),
            "erasure-confirmation",
                    Map.of(
                            "authorisedDate",
                            "10 June 2026",
                            "completedDate",
                            "12 June 2026",
                            "erased",
                            List.of(),
                            "kept",
                            List.of(),
                            "backups",
                            "Backups are put beyond use."));

    @Test
    void everyLetterInTheContractRendersWithTheReferenceInItsSubject() {
        for (RequestType type : RequestType.values()) {
            Request request = request(type, "Anna Smith");
            for (String name : LetterTemplates.NAMES) {
                RenderedLetter letter = templates.render(
                        name, request.reference(), model.build(request, VALUES.getOrDefault(name, Map.of())));
                assertThat(letter.subject()).as(name).contains("[" + request.reference() + "]");
                assertThat(letter.text())
                        .as(name)
                        .startsWith("Dear Anna,")
                        .contains(request.reference())
                        .contains("Lucid Services Ltd")
                        .doesNotContain("{{")
                        .doesNotContain("\n\n\n");
                assertThat(letter.html()).as(name).contains("<p>Dear Anna,</p>").doesNotContain("{{");
            }
        }
    }

    @Test
    void theAcknowledgementGivesTheDayOfReceiptAndTheStatutoryDeadline() {
        Request request = request(RequestType.SUBJECT_ACCESS, "Anna Smith");
        RenderedLetter letter =
                templates.render("acknowledgement", request.reference(), model.build(request, Map.of()));

        assertThat(letter.subject())
                .isEqualTo("We have received your subject access request [" + request.reference() + "]");
        assertThat(letter.text())
                .contains("which we received on 3 March 2026")
                .contains("by " + LetterModel.UK_DATE.format(request.statutoryDeadline()));
    }

    @Test
    void processValuesFillOptionalParagraphs() {
        RenderedLetter with = templates.render(
                "extension-notice",
                "SAR-2026-000042",
                model.build(
                        request(RequestType.SUBJECT_ACCESS, null),
                        Map.of("extensionReason", "we hold 400 call recordings")));
        RenderedLetter without = templates.render(
                "extension-notice",
                "SAR-2026-000042",
                model.build(request(RequestType.SUBJECT_ACCESS, null), Map.of()));

        assertThat(with.text()).contains("The reason is: we hold 400 call recordings");
        assertThat(without.text()).doesNotContain("The reason is").startsWith("Dear customer,");
    }

    @Test
    void thePackReadyLetterGivesTheLinkAndItsExpiryAndPromisesNoPassword() {
        Request request = request(RequestType.SUBJECT_ACCESS, "Anna Smith");
        RenderedLetter letter =
                templates.render("pack-ready", request.reference(), model.build(request, VALUES.get("pack-ready")));

        assertThat(letter.text())
                .contains("https://desk.example/packs/abc")
                .contains("The link works until 29 June 2026")
                .doesNotContainIgnoringCase("password");
        assertThat(letter.html())
                .contains("href=\"https://desk.example/packs/abc\"")
                .doesNotContainIgnoringCase("password");
        assertThatThrownBy(() -> templates.render("pack-ready", request.reference(), model.build(request, Map.of())))
                .as("no link, no letter")
                .hasMessageContaining("downloadLink");
    }

    @Test
    void theErasureConfirmationListsWhatWasErasedAndKeptWithTheReason() {
        Request request = request(RequestType.ERASURE, "Anna Smith");
        Map<String, Object> values = new HashMap<>(VALUES.get("erasure-confirmation"));
        values.put(
                "erased",
                List.of(Map.of(
                        "category",
                        "Call recordings",
                        "system",
                        "PBX",
                        "deleted",
                        3,
                        "anyDeleted",
                        true,
                        "anonymised",
                        0,
                        "anyAnonymised",
                        false,
                        "recordings",
                        3,
                        "anyRecordings",
                        true)));
        values.put("kept", List.of(Map.of("category", "Invoices", "system", "Billing", "reason", "HMRC: six years")));

        String text = templates
                .render("erasure-confirmation", request.reference(), model.build(request, values))
                .text();

        assertThat(text)
                .contains(" - Call recordings (PBX): 3 deleted, including 3 audio recording(s)\n")
                .contains(" - Invoices (Billing): HMRC: six years\n")
                .doesNotContain("Nothing.")
                .contains("authorised on 10 June 2026 and completed on 12 June 2026");
    }

    @Test
    void aStaffNoticeOrADeskDocumentIsNeverToldWhoTheRequesterIs() {
        Request request = request(RequestType.SUBJECT_ACCESS, "Anna Smith");
        Map<String, Object> values = new HashMap<>(Map.of(
                "name",
                "Anna Smith",
                "escalation",
                true,
                "clock",
                "internal target",
                "breachedDate",
                "",
                "targetDate",
                "2026-07-13",
                "targetIn",
                "in 7 days",
                "deadlineDate",
                "2026-07-15",
                "deadlineIn",
                "in 9 days",
                "paused",
                false));
        values.putAll(Map.of("deadlineExtended", false, "deskUrl", "https://desk.example"));
        Map<String, Object> staff = model.withoutPerson(request, values);

        RenderedLetter notice = templates.render("staff-notice", request.reference(), staff);

        assertThat(staff).doesNotContainKeys("name", "firstName");
        assertThat(notice.subject())
                .isEqualTo("[Privacy Desk] Escalation: " + request.reference() + " internal target in 7 days");
        assertThat(notice.text())
                .contains("reaches its internal target in 7 days and is not finished")
                .contains("https://desk.example/camunda/app/tasklist/")
                .doesNotContain("Anna");
        assertThat(templates
                        .render("acknowledgement", request.reference(), staff)
                        .text())
                .as("even a requester's letter has no name to show")
                .startsWith("Dear customer,")
                .doesNotContain("Anna");
    }

    @Test
    void documentsAreXhtmlWithEveryValueEscapedForXml() {
        Request request = request(RequestType.ERASURE, "Anna Smith");
        Map<String, Object> values = new HashMap<>(Map.of(
                "controller",
                "Lucid <Services> & Co\u0001",
                "scope",
                "",
                "received",
                "-",
                "prepared",
                "-",
                "authorised",
                "-",
                "erased",
                "-",
                "verified",
                "-",
                "issued",
                "-",
                "systems",
                List.of(),
                "phoneKeys",
                1));
        values.putAll(Map.of("emailKeys", 1, "recipients", List.of(), "anyRecipients", false, "backups", "b"));

        String xhtml = templates.document("erasure-certificate", model.withoutPerson(request, values));

        assertThat(xhtml)
                .startsWith("<?xml")
                .contains("Lucid &lt;Services&gt; &amp; Co certifies")
                .doesNotContain("\u0001")
                .contains(request.reference());
        assertThat(LetterTemplates.DOCUMENTS)
                .allSatisfy(name -> assertThat(new ClassPathResource("letters/" + name + ".xhtml").exists())
                        .as(name)
                        .isTrue());
    }

    @Test
    void whatPeopleWriteIsEscapedInHtmlLetters() {
        RenderedLetter letter = templates.render(
                "acknowledgement",
                "SAR-2026-000042",
                model.build(request(RequestType.SUBJECT_ACCESS, "<script>alert(1)</script> Smith"), Map.of()));

        assertThat(letter.html()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void anUnknownLetterOrAMissingValueIsAnErrorNotABlank() {
        assertThatThrownBy(() -> templates.render("no-such-letter", "SAR-2026-000042", Map.of()))
                .hasMessageContaining("No letter template 'no-such-letter'");
        assertThatThrownBy(() ->
                        templates.render("acknowledgement", "SAR-2026-000042", Map.of("reference", "SAR-2026-000042")))
                .hasMessageContaining("could not be rendered");
        assertThat(templates.exists("../application.yml")).isFalse();
    }
}
