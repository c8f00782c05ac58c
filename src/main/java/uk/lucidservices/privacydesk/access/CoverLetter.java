package uk.lucidservices.privacydesk.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.mail.DocumentPdf;

/**
 * The letter at the front of a disclosure pack, stating everything Article 15 UK GDPR requires,
 * all of it drawn from the data map: purposes, categories, recipients, retention, source, the
 * rights to rectification, erasure, restriction and objection, the right to complain to the
 * ICO, automated decision-making and transfers. Its wording is the document template
 * {@code cover-letter.xhtml} (rendered by the letter service); here are its values and the PDF.
 */
final class CoverLetter {

    static final String TEMPLATE = "cover-letter";

    /** A category as it appears in the letter, with the number of records in the pack. */
    record Section(Category category, long records) {}

    /** A system searched by hand and what the officer found. */
    /** A manual system: what was found (a number, when counted), the officer's answer, and the copies in the pack. */
    record ManualSection(Category category, Long found, String answer, int files) {}

    record Content(
            String controller,
            List<Section> sections,
            List<ManualSection> manual,
            int redacted,
            int withheld,
            String privacyMailbox,
            String automatedDecisions,
            String internationalTransfers,
            boolean transcripts,
            boolean recordings) {}

    private CoverLetter() {}

    /** The template's values in English. */
    static Map<String, Object> values(Content c) {
        return values(c, false);
    }

    /**
     * The template's values; the reference, the requester's name and the date come from the letter
     * service. In Welsh, every text from the data map is its {@code cy:} text.
     */
    static Map<String, Object> values(Content c, boolean welsh) {
        List<Map<String, Object>> sections = new ArrayList<>();
        List<Map<String, Object>> disclosed = new ArrayList<>();
        for (Section s : c.sections()) {
            Category cat = welsh ? s.category().inWelsh() : s.category();
            sections.add(Map.of("name", cat.name(), "system", cat.system(), "records", s.records()));
            if (s.records() > 0) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("name", cat.name());
                details.put("purpose", cat.purpose());
                details.put("lawfulBasis", cat.lawfulBasis());
                details.put("noRecipients", cat.recipients().isEmpty());
                details.put("recipients", String.join("; ", cat.recipients()));
                details.put("retention", cat.retention());
                details.put("source", cat.source());
                details.put("fields", String.join(", ", cat.fieldLabels()));
                disclosed.add(details);
            }
        }
        List<Map<String, Object>> manual = new ArrayList<>();
        for (ManualSection m : c.manual()) {
            Map<String, Object> line = new LinkedHashMap<>();
            Category cat = welsh ? m.category().inWelsh() : m.category();
            line.put("name", cat.name());
            line.put("system", cat.system());
            line.put("foundKnown", m.found() != null);
            line.put("files", m.files());
            line.put("anyFiles", m.files() > 0);
            line.put("found", m.found());
            line.put("answer", m.answer());
            manual.add(line);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("controller", c.controller());
        values.put("sections", sections);
        values.put("disclosed", disclosed);
        values.put("manual", manual);
        values.put("anyManual", !manual.isEmpty());
        values.put("redacted", c.redacted());
        values.put("withheld", c.withheld());
        values.put("privacyMailbox", c.privacyMailbox());
        values.put("automatedDecisions", c.automatedDecisions());
        values.put("internationalTransfers", c.internationalTransfers());
        values.put("transcripts", c.transcripts());
        values.put("recordings", c.recordings());
        return values;
    }

    static byte[] pdf(String xhtml) {
        try {
            return DocumentPdf.render(xhtml);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the cover letter as PDF", e);
        }
    }
}
