package uk.lucidservices.privacydesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * The desk's documents, rendered from their bundled templates the way the letter service renders
 * them: Welsh letters survive into the PDF's text, and the PDF is tagged for screen readers.
 */
class DocumentPdfTest extends DeskIntegrationTest {

    /** "ŵ" and "ŷ" are outside Latin-1: the PDF base fonts print them as "#". */
    private static final String WELSH_NAME = "Siôn ap Llŷr Llŵyd";

    private static final String WELSH_CONTROLLER = "Cwmni Dŵr Llŷn Cyf";

    @Autowired
    LetterTemplates templates;

    @Test
    void coverLetterAndCertificateKeepWelshLettersAndAreTaggedForAccessibility() throws Exception {
        assertThat(LetterTemplates.DOCUMENTS).containsExactlyInAnyOrder("cover-letter", "erasure-certificate");
        for (String document : LetterTemplates.DOCUMENTS) {
            byte[] pdf = DocumentPdf.render(templates.document(document, model()));
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).as(document).contains(WELSH_CONTROLLER).doesNotContain("#");
                if (document.equals("cover-letter")) {
                    assertThat(text).contains("Dear " + WELSH_NAME + ",");
                }

                // Tagged: a structure tree of the content, marked as such, in the document's language.
                PDStructureTreeRoot structure = doc.getDocumentCatalog().getStructureTreeRoot();
                assertThat(structure).as(document + " structure tree").isNotNull();
                assertThat(structure.getKids())
                        .as(document + " structure elements")
                        .isNotEmpty();
                assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
                assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
                assertThat(doc.getDocumentInformation().getTitle()).contains("SAR-2026-000441");
                String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertThat(xmp).as("PDF/UA identification").contains("pdfuaid");

                // Every font is embedded, so the text prints as written on any reader.
                for (PDPage page : doc.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    }
                }
            }
        }
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "SAR-2026-000441");
        model.put("name", WELSH_NAME);
        model.put("controller", WELSH_CONTROLLER);
        model.put("today", "15 June 2026");
        model.put("sections", List.of(Map.of("name", "Call recordings", "system", "PBX", "records", 2)));
        model.put("disclosed", List.of());
        model.put("manual", List.of());
        model.put("anyManual", false);
        model.put("redacted", 0);
        model.put("withheld", 0);
        model.put("privacyMailbox", "privacy@lucidservices.co.uk");
        model.put("automatedDecisions", "None.");
        model.put("internationalTransfers", "None.");
        model.put("transcripts", true);
        model.put("recordings", true);
        for (String when : List.of("received", "prepared", "authorised", "erased", "verified", "issued")) {
            model.put(when, "15 June 2026, 09:00");
        }
        model.put("reviewedBy", "olivia");
        model.put("phoneKeys", 1);
        model.put("emailKeys", 1);
        model.put("backups", "Backups age out within 35 days.");
        model.put("scope", "All data");
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Map.of(
                "category", "Call recordings",
                "action", "DELETE",
                "deleted", 2,
                "anonymised", 0,
                "filesDeleted", 2,
                "kept", "-",
                "keptReason", ""));
        model.put("systems", List.of(Map.of("system", "PBX", "lines", lines)));
        model.put("recipients", List.of());
        model.put("anyRecipients", false);
        return model;
    }
}
