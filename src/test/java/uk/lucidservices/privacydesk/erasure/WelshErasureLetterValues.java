package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import uk.lucidservices.privacydesk.datamap.DataMap;

/**
 * For the Welsh letter tests: the values the erasure confirmation gets from its code for a Welsh
 * request (one line of each kind of reason the desk writes), and the English the desk writes into it.
 */
public final class WelshErasureLetterValues {

    private WelshErasureLetterValues() {}

    /** The confirmation's values in Welsh: erased lines and kept lines, one per kind of reason. */
    public static Map<String, Object> welsh(DataMap map) {
        OffsetDateTime day = OffsetDateTime.of(2026, 6, 10, 11, 0, 0, 0, ZoneOffset.UTC);
        CertificateDocument.Dates dates = new CertificateDocument.Dates(day, day, day, day, day.plusDays(2), day);
        List<CertificateDocument.CategoryLine> lines = List.of(
                new CertificateDocument.CategoryLine(
                        "chat-transcripts", name(map, "chat-transcripts"), "DELETE", 3, 0, 0, 0L, null, null, null),
                new CertificateDocument.CategoryLine(
                        "crm-contacts", name(map, "crm-contacts"), "ANONYMISE", 0, 1, 0, 0L, null, null, null),
                new CertificateDocument.CategoryLine(
                        "tm-call-recordings", name(map, "tm-call-recordings"), "DELETE", 2, 0, 2, 0L, null, null, null),
                new CertificateDocument.CategoryLine(
                        "invoices", name(map, "invoices"), "KEEP", 0, 0, 0, 4L, reason(map, "invoices"), null, null),
                new CertificateDocument.CategoryLine(
                        "call-recordings",
                        name(map, "call-recordings"),
                        "KEEP",
                        0,
                        0,
                        0,
                        2L,
                        ErasurePreview.COMPLAINT_HOLD.formatted(12),
                        null,
                        null),
                new CertificateDocument.CategoryLine(
                        "web-enquiries",
                        name(map, "web-enquiries"),
                        "KEEP",
                        0,
                        0,
                        0,
                        1L,
                        ErasurePreview.OUTSIDE_SCOPE + "chat-transcripts, tm-call-recordings",
                        null,
                        null),
                new CertificateDocument.CategoryLine(
                        "payments",
                        name(map, "payments"),
                        "KEEP",
                        0,
                        0,
                        0,
                        1L,
                        "Mae taliad yn destun anghydfod gyda'r banc",
                        "olivia",
                        null));
        CertificateDocument document = new CertificateDocument(
                "ERA-2026-000001",
                map.controller(),
                "ALL",
                dates,
                new CertificateDocument.People("olivia", "olivia", "mike"),
                List.of(new CertificateDocument.SystemSummary("CRM", 3, 1, 2, 8, lines)),
                new CertificateDocument.Suppression(1, 1),
                List.of(),
                ErasureCertificate.BACKUPS);
        return ErasureConfirmationLetter.values(document, map);
    }

    /** What the desk writes in English into an erasure letter, outside the data map's own texts. */
    public static List<String> english() {
        return List.of(
                ErasureCertificate.BACKUPS,
                ErasurePreview.COMPLAINT_HOLD.substring(0, ErasurePreview.COMPLAINT_HOLD.indexOf("%d")),
                ErasurePreview.OUTSIDE_SCOPE.trim());
    }

    private static String name(DataMap map, String id) {
        return map.category(id).orElseThrow().name();
    }

    private static String reason(DataMap map, String id) {
        return map.category(id).orElseThrow().erasure().reason();
    }
}
