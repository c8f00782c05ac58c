package uk.lucidservices.privacydesk.mail;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The font the desk's PDF documents are set in, bundled with the desk (DejaVu Sans,
 * {@code fonts/LICENSE-DejaVu.txt}) and embedded in each PDF, subset to the letters used. The PDF
 * base fonts know only Latin-1, so without it a Welsh name printed "ŵ" as "#". Document templates
 * name it first: {@code font-family: 'DejaVu Sans', ...}.
 */
public final class DocumentFonts {

    public static final String FAMILY = "DejaVu Sans";

    private DocumentFonts() {}

    /**
     * The generic families a template or the renderer's own style sheet may ask for ({@code <code>}
     * is monospace), under the names openhtmltopdf gives them (FontUtil.normalizeFontFamily): set in
     * the same font, since a tagged PDF (PDF/UA) may use embedded fonts only.
     */
    private static final List<String> GENERIC_FAMILIES = List.of("SansSerif", "Serif", "Monospaced");

    public static PdfRendererBuilder embed(PdfRendererBuilder builder) {
        List<String> families = new ArrayList<>();
        families.add(FAMILY);
        families.addAll(GENERIC_FAMILIES);
        for (String family : families) {
            builder.useFont(
                    () -> DocumentFonts.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                    family,
                    400,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(
                    () -> DocumentFonts.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                    family,
                    700,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
        }
        return builder;
    }
}
