package uk.lucidservices.privacydesk.erasure;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import uk.lucidservices.privacydesk.request.ClockConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders a {@link CertificateDocument} as a PDF through XHTML, so its layout is plain HTML and CSS. */
class CertificatePdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    byte[] render(CertificateDocument d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(d), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the erasure certificate of " + d.reference(), e);
        }
        return out.toByteArray();
    }

    String html(CertificateDocument d) {
        StringBuilder h = new StringBuilder();
        h.append("""
                <html><head><style>
                body { font-family: Helvetica, sans-serif; font-size: 10pt; }
                h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; }
                table { border-collapse: collapse; width: 100%; }
                th, td { border: 0.5pt solid #888; padding: 3pt; text-align: left; vertical-align: top; }
                th { background: #eee; } td.n { text-align: right; }
                </style></head><body>
                """);
        h.append("<h1>Certificate of erasure</h1>");
        h.append("<p>").append(esc(d.controller())).append(" certifies that the erasure request <b>")
                .append(esc(d.reference())).append("</b> has been carried out as set out below.</p>");
        h.append("<table>");
        row(h, "Scope", d.scope());
        row(h, "Received", when(d.dates().received()));
        row(h, "Preview prepared", when(d.dates().prepared()) + by(d.people().preparedBy()));
        if (d.people().reviewedBy() != null) {
            row(h, "Preview reviewed by", d.people().reviewedBy());
        }
        row(h, "Authorised", when(d.dates().authorised()) + by(d.people().authorisedBy()));
        row(h, "Erased", when(d.dates().erased()));
        row(h, "Verified (search repeated, nothing erasable left)", when(d.dates().verified()));
        row(h, "Certificate issued", when(d.dates().issued()));
        h.append("</table>");

        for (CertificateDocument.SystemSummary s : d.systems()) {
            h.append("<h2>").append(esc(s.system())).append("</h2>");
            h.append("<table><tr><th>Category</th><th>Action</th><th>Deleted</th><th>Anonymised</th>"
                    + "<th>Audio files deleted</th><th>Kept</th><th>Why kept</th></tr>");
            for (CertificateDocument.CategoryLine l : s.categories()) {
                h.append("<tr><td>").append(esc(l.name())).append("</td><td>").append(esc(l.action().replace('_', ' ')))
                        .append("</td><td class=\"n\">").append(l.deleted())
                        .append("</td><td class=\"n\">").append(l.anonymised())
                        .append("</td><td class=\"n\">").append(l.filesDeleted())
                        .append("</td><td class=\"n\">").append(l.kept() == null ? "-" : l.kept())
                        .append("</td><td>").append(esc(l.keptReason() == null ? "" : l.keptReason()
                                + (l.keptBy() != null ? " (decided by " + l.keptBy() + ")" : "")))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Marketing suppression</h2><p>").append(d.suppression().phoneKeys()).append(" phone number(s) and ")
                .append(d.suppression().emailKeys()).append(" email address(es) were added to the suppression list as"
                        + " keyed hashes, so that they are not contacted again; the list holds no number or address.</p>");
        h.append("<h2>Recipients told of the erasure (Art. 19)</h2>");
        if (d.recipients().isEmpty()) {
            h.append("<p>None: no recipient received the erased data.</p>");
        } else {
            h.append("<table><tr><th>Recipient</th><th>Categories</th><th>Outcome</th></tr>");
            for (CertificateDocument.RecipientLine r : d.recipients()) {
                h.append("<tr><td>").append(esc(r.recipient())).append("</td><td>")
                        .append(esc(String.join(", ", r.categories()))).append("</td><td>").append(esc(r.status()))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<h2>Backups</h2><p>").append(esc(d.backups())).append("</p>");
        h.append("<p><i>This certificate holds no value from the erased records.</i></p>");
        h.append("</body></html>");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String by(String user) {
        return user == null ? "" : " by " + user;
    }

    private static String when(OffsetDateTime t) {
        return t == null ? "-" : t.atZoneSameInstant(ClockConfiguration.UK).format(WHEN);
    }

    /** XHTML escaping: the renderer is an XML parser. */
    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
