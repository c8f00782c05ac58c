package uk.lucidservices.privacydesk.erasure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.lucidservices.privacydesk.mail.DocumentPdf;
import uk.lucidservices.privacydesk.request.ClockConfiguration;

/**
 * A {@link CertificateDocument} as the values of the document template {@code erasure-certificate.xhtml},
 * and that XHTML rendered as a PDF, so its layout is plain HTML and CSS.
 */
final class CertificatePdf {

    static final String TEMPLATE = "erasure-certificate";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private CertificatePdf() {}

    static byte[] render(String reference, String xhtml) {
        try {
            return DocumentPdf.render(xhtml);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the erasure certificate of " + reference, e);
        }
    }

    /** Counts, names, reasons, dates (as a UK reader reads them) and staff ids; the reference comes from the letter service. */
    static Map<String, Object> values(CertificateDocument d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("controller", d.controller());
        values.put("scope", d.scope());
        values.put("received", when(d.dates().received()));
        values.put("prepared", when(d.dates().prepared()) + by(d.people().preparedBy()));
        values.put("reviewedBy", d.people().reviewedBy());
        values.put("authorised", when(d.dates().authorised()) + by(d.people().authorisedBy()));
        values.put("erased", when(d.dates().erased()));
        values.put("verified", when(d.dates().verified()));
        values.put("issued", when(d.dates().issued()));
        List<Map<String, Object>> systems = new ArrayList<>();
        boolean anyByHand = false;
        for (CertificateDocument.SystemSummary s : d.systems()) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (CertificateDocument.CategoryLine l : s.categories()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("category", l.name());
                line.put("action", l.byHand() == null ? l.action().replace('_', ' ') : byHand(l));
                anyByHand |= l.byHand() != null;
                line.put("deleted", l.deleted());
                line.put("anonymised", l.anonymised());
                line.put("filesDeleted", l.filesDeleted());
                line.put("kept", l.kept() == null ? "-" : l.kept());
                line.put(
                        "keptReason",
                        l.keptReason() == null
                                ? ""
                                : l.keptReason() + (l.keptBy() != null ? " (decided by " + l.keptBy() + ")" : ""));
                lines.add(line);
            }
            systems.add(Map.of("system", s.system(), "lines", lines));
        }
        values.put("systems", systems);
        values.put("anyByHand", anyByHand);
        values.put("phoneKeys", d.suppression().phoneKeys());
        values.put("emailKeys", d.suppression().emailKeys());
        List<Map<String, Object>> recipients = new ArrayList<>();
        for (CertificateDocument.RecipientLine r : d.recipients()) {
            recipients.add(Map.of(
                    "recipient", r.recipient(), "categories", String.join(", ", r.categories()), "status", r.status()));
        }
        values.put("recipients", recipients);
        values.put("anyRecipients", !recipients.isEmpty());
        values.put("backups", d.backups());
        return values;
    }

    /** A manual system's line says what the officer recorded, and never more: done needs evidence. */
    static String byHand(CertificateDocument.CategoryLine l) {
        String action = l.action().startsWith("ANONYMISE") ? "Anonymise by hand" : "Delete by hand";
        CertificateDocument.ByHand h = l.byHand();
        return switch (h.outcome()) {
            case CertificateDocument.ByHand.DONE ->
                action + ": done, recorded" + by(h.recordedBy()) + " on " + when(h.recordedAt()) + " (evidence: "
                        + evidence(h) + "; not verified by the desk's search)";
            case CertificateDocument.ByHand.NOT_POSSIBLE -> action + ": not erased: " + h.reason();
            default -> action + ": not recorded as done; not erased";
        };
    }

    private static String evidence(CertificateDocument.ByHand h) {
        List<String> kinds = new ArrayList<>();
        if (h.note()) {
            kinds.add("the officer's note");
        }
        if (!h.files().isEmpty()) {
            kinds.add(h.files().size() + " file(s), SHA-256 "
                    + String.join(
                            ", ",
                            h.files().stream().map(f -> f.substring(0, 12)).toList()));
        }
        return String.join(" and ", kinds);
    }

    private static String by(String user) {
        return user == null ? "" : " by " + user;
    }

    private static String when(OffsetDateTime t) {
        return t == null ? "-" : t.atZoneSameInstant(ClockConfiguration.UK).format(WHEN);
    }
}
