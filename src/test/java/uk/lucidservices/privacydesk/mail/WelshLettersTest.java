package uk.lucidservices.privacydesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * The Welsh template set (letters/cy) is complete, renders every letter in Welsh with Welsh dates,
 * and its cover letter keeps Welsh letters in the PDF. A letter added in English only fails here,
 * naming the file to translate.
 */
class WelshLettersTest extends DeskIntegrationTest {

    private static final Path LETTERS = Path.of("src/main/resources/letters");

    /** Letters only staff read: always in English, so no Welsh counterpart. */
    private static final Set<String> STAFF_ONLY = Set.of("staff-notice");

    /** What the letters that need values of their own get from their callers. */
    private static final Map<String, Map<String, Object>> VALUES = Map.of(
            "pack-ready", Map.of("downloadLink", "https://desk.example/packs/abc", "linkExpires", "29 Mehefin 2026"),
            "fee-request",
                    Map.of("feeAmount", "25.00", "feeReason", "Copïau pellach o'r pecyn a anfonwyd ar 1 Mehefin"),
            "erasure-confirmation",
                    Map.of(
                            "authorisedDate", "10 Mehefin 2026",
                            "completedDate", "12 Mehefin 2026",
                            "erased", List.of(),
                            "kept", List.of(),
                            "backups", "Caiff copïau wrth gefn eu rhoi y tu hwnt i ddefnydd."));

    @Autowired
    LetterTemplates templates;

    @Autowired
    LetterModel model;

    @Autowired
    RequestRegister register;

    @Test
    void everyEnglishTemplateHasAWelshCounterpart() throws IOException {
        List<String> english;
        try (Stream<Path> files = Files.list(LETTERS)) {
            english = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(f -> !STAFF_ONLY.contains(f.substring(0, f.indexOf('.'))))
                    .sorted()
                    .toList();
        }
        assertThat(english).as("English templates found").contains("acknowledgement.txt", "cover-letter.xhtml");
        List<String> missing = english.stream()
                .filter(f -> !Files.isRegularFile(LETTERS.resolve("cy").resolve(f)))
                .map(f -> "letters/cy/" + f)
                .toList();
        assertThat(missing)
                .as("Welsh templates missing (translate the English file of the same name into letters/cy/)")
                .isEmpty();
    }

    @Test
    void everyLetterRendersInWelshWithWelshDates() {
        for (RequestType type : RequestType.values()) {
            Request request = welshRequest(type, "Siôn Llŷr");
            for (String name : LetterTemplates.NAMES) {
                assertThat(templates.exists(name, Language.WELSH)).as(name).isTrue();
                RenderedLetter letter = templates.render(
                        name,
                        request.reference(),
                        model.build(request, VALUES.getOrDefault(name, Map.of())),
                        Language.WELSH);
                assertThat(letter.subject()).as(name).contains("[" + request.reference() + "]");
                assertThat(letter.text())
                        .as(name)
                        .startsWith("Annwyl Siôn,")
                        .contains(request.reference())
                        .doesNotContain("Dear")
                        .doesNotContain("{{")
                        .contains("Y Tîm Preifatrwydd")
                        .doesNotContainPattern("\\b(January|February|March|April|May|June|July)\\b");
                assertThat(letter.html())
                        .as(name)
                        .contains("<p>Annwyl Siôn,</p>")
                        .contains("lang=\"cy\"");
            }
        }
        Request sar = welshRequest(RequestType.SUBJECT_ACCESS, "Siôn Llŷr");
        Map<String, Object> values = model.build(sar, Map.of());
        // Received 3 March 2026; a month on is Friday 3 April 2026, Good Friday, and Monday 6 April is
        // Easter Monday (bank holidays in England and Wales), so the deadline is Tuesday 7 April 2026.
        assertThat(values.get("receivedDate")).isEqualTo("3 Mawrth 2026");
        assertThat(values.get("statutoryDeadline")).isEqualTo("7 Ebrill 2026");
        assertThat(values.get("today")).isEqualTo("15 Mehefin 2026");
        assertThat(values.get("requestTypeName")).isEqualTo("cais am fynediad at ddata gan wrthrych data");
    }

    @Test
    void theWelshCoverLetterPdfKeepsItsCircumflexes() throws Exception {
        Request request = welshRequest(RequestType.SUBJECT_ACCESS, "Siôn ap Llŷr Llŵyd");
        Map<String, Object> values = new HashMap<>();
        values.put("controller", "Cwmni Dŵr Llŷn Cyf");
        values.put("sections", List.of(Map.of("name", "Recordiadau galwadau", "system", "PBX", "records", 2)));
        values.put("disclosed", List.of());
        values.put("manual", List.of());
        values.put("anyManual", false);
        values.put("redacted", 0);
        values.put("withheld", 0);
        values.put("privacyMailbox", "privacy@lucidservices.co.uk");
        values.put("automatedDecisions", "Dim.");
        values.put("internationalTransfers", "");
        byte[] pdf = DocumentPdf.render(
                templates.document("cover-letter", model.build(request, values), request.language()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Annwyl Siôn ap Llŷr Llŵyd,")
                    .contains("Cwmni Dŵr Llŷn Cyf")
                    .contains("15 Mehefin 2026")
                    .contains("Eich cais am fynediad at ddata gan wrthrych data")
                    .contains("Swyddfa'r Comisiynydd Gwybodaeth")
                    .doesNotContain("#")
                    .doesNotContain("Dear");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("cy");
        }
    }

    @Test
    void aLetterMissingFromTheWelshSetGoesInEnglish() {
        Request request = welshRequest(RequestType.SUBJECT_ACCESS, "Siôn Llŷr");
        // staff-notice has no Welsh template: the fallback the runtime uses for a staff override too.
        Map<String, Object> values = Map.of(
                "reminder", true,
                "targetIn", "in 2 days",
                "targetDate", "17 June 2026",
                "deadlineDate", "3 April 2026",
                "deadlineIn", "in 20 days",
                "deskUrl", "https://desk.example");
        assertThat(templates.exists("staff-notice", Language.WELSH)).isFalse();
        RenderedLetter letter = templates.render(
                "staff-notice", request.reference(), model.withoutPerson(request, values), Language.WELSH);
        assertThat(letter.text()).contains("reaches its internal target");
    }

    /** A request in Welsh as the register holds it, received on 3 March 2026. */
    private Request welshRequest(RequestType type, String name) {
        return register.log(NewRequest.builder(type, Channel.LETTER)
                .name(name)
                .email("sion." + UUID.randomUUID() + "@example.com")
                .receivedAt(OffsetDateTime.of(2026, 3, 3, 10, 15, 0, 0, ZoneOffset.UTC))
                .loggedBy("test")
                .language(Language.WELSH)
                .build());
    }
}
