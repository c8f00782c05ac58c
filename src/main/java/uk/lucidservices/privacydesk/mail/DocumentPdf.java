package uk.lucidservices.privacydesk.mail;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The desk's documents (cover letter, erasure certificate) as PDF: XHTML rendered by openhtmltopdf
 * in the bundled Unicode font ({@link DocumentFonts}), tagged for accessibility (PDF/UA): a structure
 * tree of headings, paragraphs and tables that screen readers follow, the document's language from
 * {@code <html lang>} and its title from {@code <title>}, which every document template sets.
 */
public final class DocumentPdf {

    private DocumentPdf() {}

    public static byte[] render(String xhtml) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = DocumentFonts.embed(new PdfRendererBuilder());
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
    }
}
