package uk.lucidservices.privacydesk.mail;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The font the desk's PDF documents are set in, bundled with the desk (DejaVu Sans,
 * {@code fonts/LICENSE-DejaVu.txt}) and embedded in each PDF, subset to the letters used. The PDF
 * base fonts know only Latin-1, so without it a Welsh name printed "ŵ" as "#". Document templates
 * name it first: {@code font-family: 'DejaVu Sans', ...}.
 */
public final class DocumentFonts {

    public static final String FAMILY = "DejaVu Sans";

    private DocumentFonts() {}

    public static PdfRendererBuilder embed(PdfRendererBuilder builder) {
        builder.useFont(
                () -> DocumentFonts.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                FAMILY,
                400,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        builder.useFont(
                () -> DocumentFonts.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                FAMILY,
                700,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        return builder;
    }
}
