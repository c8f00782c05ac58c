package uk.lucidservices.privacydesk.access;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import uk.lucidservices.privacydesk.datamap.Category;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The letter at the front of a disclosure pack, stating everything Article 15 UK GDPR requires,
 * all of it drawn from the data map: purposes, categories, recipients, retention, source, the
 * rights to rectification, erasure, restriction and objection, the right to complain to the
 * ICO, automated decision-making and transfers. Written as XHTML so the PDF is the same letter.
 */
final class CoverLetter {

    /** A category as it appears in the letter, with the number of records in the pack. */
    record Section(Category category, long records) {
    }

    /** A system searched by hand and what the officer found. */
    record ManualSection(Category category, Long found, String answer) {
    }

    record Content(String controller, String reference, String requesterName, LocalDate date, List<Section> sections,
                   List<ManualSection> manual, int redacted, int withheld, String privacyMailbox,
                   String automatedDecisions, String internationalTransfers, boolean transcripts, boolean recordings) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private CoverLetter() {
    }

    static String html(Content c) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>Your personal data: ").append(e(c.reference())).append("</title>")
                .append("<style>body{font-family:Helvetica,Arial,sans-serif;font-size:10.5pt;line-height:1.4;margin:2em}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;text-align:left;vertical-align:top}")
                .append("h1{font-size:16pt}h2{font-size:13pt;margin-top:1.4em}h3{font-size:11pt}</style></head><body>");
        h.append("<p>").append(e(c.controller())).append("<br/>").append(e(c.date().format(DATE))).append("</p>");
        h.append("<p>Our reference: <strong>").append(e(c.reference())).append("</strong></p>");
        h.append("<h1>Your subject access request</h1>");
        h.append("<p>Dear ").append(e(c.requesterName() == null || c.requesterName().isBlank() ? "requester" : c.requesterName()))
                .append(",</p><p>You asked for a copy of the personal data ").append(e(c.controller()))
                .append(" holds about you. This pack contains that copy, and this letter gives the information that "
                        + "Article 15 of the UK GDPR entitles you to.</p>");

        h.append("<h2>What we found</h2><table><tr><th>Category of data</th><th>System</th><th>Records in this pack</th></tr>");
        for (Section s : c.sections()) {
            h.append("<tr><td>").append(e(s.category().name())).append("</td><td>").append(e(s.category().system()))
                    .append("</td><td>").append(s.records()).append("</td></tr>");
        }
        for (ManualSection m : c.manual()) {
            h.append("<tr><td>").append(e(m.category().name())).append("</td><td>").append(e(m.category().system()))
                    .append(" (searched by hand)</td><td>").append(m.found() == null ? "see below" : m.found() + " found")
                    .append("</td></tr>");
        }
        h.append("</table>");
        if (!c.manual().isEmpty()) {
            h.append("<h3>Systems we searched by hand</h3><ul>");
            for (ManualSection m : c.manual()) {
                h.append("<li><strong>").append(e(m.category().name())).append(":</strong> ").append(e(m.answer())).append("</li>");
            }
            h.append("</ul>");
        }

        h.append("<h2>The categories of personal data, why we hold them and on what basis</h2>");
        for (Section s : c.sections()) {
            if (s.records() == 0) {
                continue;
            }
            Category cat = s.category();
            h.append("<h3>").append(e(cat.name())).append("</h3><table>")
                    .append(row("Purposes of processing", cat.purpose()))
                    .append(row("Lawful basis", cat.lawfulBasis()))
                    .append(row("Recipients", cat.recipients().isEmpty() ? "None outside " + c.controller()
                            : String.join("; ", cat.recipients())))
                    .append(row("How long we keep it", cat.retention()))
                    .append(row("Where it came from", cat.source()))
                    .append(row("Data items", String.join(", ", cat.fields())))
                    .append("</table>");
        }

        h.append("<h2>Purposes</h2><p>Each category above states the purposes for which we use it.</p>");
        h.append("<h2>Recipients</h2><p>Each category above names who receives it. ")
                .append(e(c.internationalTransfers())).append("</p>");
        h.append("<h2>Retention</h2><p>Each category above states how long we keep it, or how we decide.</p>");
        h.append("<h2>Source of the data</h2><p>Where we did not collect data from you, each category above names where it came from.</p>");

        h.append("<h2>Information about other people</h2><p>Some records also identify other people. Where disclosing them "
                        + "would not be fair to those people (Data Protection Act 2018, Schedule 2, Part 3) we have ")
                .append("replaced the item with \"[redacted]\" (").append(c.redacted()).append(" items) or left the record out (")
                .append(c.withheld()).append(" records).</p>");

        h.append("<h2>Automated decision-making</h2><p>").append(e(c.automatedDecisions())).append("</p>");

        h.append("<h2>Your rights</h2><ul>")
                .append("<li><strong>Rectification:</strong> you can ask us to correct data that is inaccurate or complete data that is incomplete (Article 16).</li>")
                .append("<li><strong>Erasure:</strong> you can ask us to delete your data where we no longer have a reason to keep it (Article 17).</li>")
                .append("<li><strong>Restriction:</strong> you can ask us to restrict how we use your data, for example while accuracy is checked (Article 18).</li>")
                .append("<li><strong>Objection:</strong> you can object to our use of your data based on legitimate interests, and to direct marketing at any time (Article 21).</li>")
                .append("</ul><p>To use any of these rights, email ").append(e(c.privacyMailbox()))
                .append(" quoting your reference ").append(e(c.reference())).append(".</p>");

        h.append("<h2>Your right to complain to the ICO</h2><p>If you are unhappy with how we have handled your data or this "
                + "request, you can complain to the Information Commissioner's Office: Information Commissioner's Office, "
                + "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF; telephone 0303 123 1113; "
                + "ico.org.uk/make-a-complaint.</p>");

        h.append("<h2>What is in this pack</h2><ul>")
                .append("<li><code>data/&lt;category&gt;.json</code> and <code>.csv</code>: your records, one file per category</li>");
        if (c.transcripts()) {
            h.append("<li><code>transcripts/</code>: your live-chat conversations as text</li>");
        }
        if (c.recordings()) {
            h.append("<li><code>recordings/</code>: call recordings as audio files</li>");
        }
        h.append("<li>this letter, as <code>cover-letter.html</code> and <code>cover-letter.pdf</code></li></ul>");
        h.append("<p>Yours sincerely,</p><p>Privacy team, ").append(e(c.controller())).append("</p></body></html>\n");
        return h.toString();
    }

    static byte[] pdf(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the cover letter as PDF", e);
        }
    }

    private static String row(String label, String value) {
        return "<tr><th>" + e(label) + "</th><td>" + e(value) + "</td></tr>";
    }

    /** XML-safe escaping (the PDF renderer parses the letter as XHTML). */
    static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
