package uk.lucidservices.privacydesk.erasure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.request.ClockConfiguration;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * The letter that tells the person their erasure is done (template {@code erasure-confirmation}):
 * what was erased, what was erased by hand (only what an officer recorded done with evidence), what
 * could not be erased and why, what was kept and why, that backups are put beyond use and overwritten on
 * rotation, and that they will not be marketed to; all of it from the certificate. Sent by email
 * only to the address confirmed at the identity check, otherwise by post (a sender whose address
 * the officer rejected learns nothing of what was held).
 */
@Service
class ErasureConfirmationLetter {

    static final String TEMPLATE = "erasure-confirmation";

    /** The complaint hold's reason ({@link ErasurePreview#COMPLAINT_HOLD}) as stored, to give it in Welsh. */
    private static final Pattern COMPLAINT_HOLD = Pattern.compile(Pattern.quote(
                    ErasurePreview.COMPLAINT_HOLD.substring(0, ErasurePreview.COMPLAINT_HOLD.indexOf("%d")))
            + "(\\d+)"
            + Pattern.quote(ErasurePreview.COMPLAINT_HOLD.substring(ErasurePreview.COMPLAINT_HOLD.indexOf("%d") + 2)));

    private final ErasureCertificate certificate;
    private final ErasureSubjects subjects;
    private final LetterService letters;
    private final VerifiedIdentifiers identifiers;
    private final DataMap dataMap;

    public ErasureConfirmationLetter(
            ErasureCertificate certificate,
            ErasureSubjects subjects,
            LetterService letters,
            VerifiedIdentifiers identifiers,
            DataMap dataMap) {
        this.certificate = certificate;
        this.subjects = subjects;
        this.letters = letters;
        this.identifiers = identifiers;
        this.dataMap = dataMap;
    }

    public enum Sent {
        EMAIL,
        TO_POST
    }

    public Sent send(String reference, String processInstanceId) {
        Request request = subjects.request(reference);
        SentLetters.SentLetter sent = letters.send(
                Recipient.requesterAt(identifiers.confirmedEmail(reference)),
                reference,
                TEMPLATE,
                values(certificate.document(reference), request.language() == Language.WELSH ? dataMap : null),
                processInstanceId);
        return sent.channel() == Recipient.Channel.POST ? Sent.TO_POST : Sent.EMAIL;
    }

    /** What the letter may say in English. */
    static Map<String, Object> values(CertificateDocument d) {
        return values(d, null);
    }

    /**
     * What the letter may say: counts, category names, reasons and dates (as days, which the letter
     * model writes in the letter's language) from the certificate. With the data map, in Welsh: each
     * category, system and reason the desk wrote is given in the map's Welsh; a reason an officer
     * typed stays as typed.
     */
    static Map<String, Object> values(CertificateDocument d, DataMap welsh) {
        List<Map<String, Object>> erased = new ArrayList<>();
        List<Map<String, Object>> kept = new ArrayList<>();
        List<Map<String, Object>> erasedByHand = new ArrayList<>();
        List<Map<String, Object>> notErased = new ArrayList<>();
        for (CertificateDocument.SystemSummary s : d.systems()) {
            for (CertificateDocument.CategoryLine l : s.categories()) {
                if (l.deleted() + l.anonymised() > 0) {
                    Map<String, Object> line = line(s, l, welsh);
                    line.put("deleted", l.deleted());
                    line.put("anyDeleted", l.deleted() > 0);
                    line.put("anonymised", l.anonymised());
                    line.put("anyAnonymised", l.anonymised() > 0);
                    line.put("recordings", l.filesDeleted());
                    line.put("anyRecordings", l.filesDeleted() > 0);
                    erased.add(line);
                }
                if (l.byHand() != null) {
                    // As the certificate names it, in English in a Welsh letter too.
                    Map<String, Object> line = line(s, l, null);
                    if (l.erasedByHand()) {
                        line.put("date", day(l.byHand().recordedAt()));
                        erasedByHand.add(line);
                    } else {
                        line.put(
                                "reason",
                                CertificateDocument.ByHand.NOT_POSSIBLE.equals(
                                                l.byHand().outcome())
                                        ? l.byHand().reason()
                                        : "we have no record that it was done");
                        notErased.add(line);
                    }
                }
                if ("KEEP".equals(l.action()) && l.kept() != null && l.kept() > 0) {
                    Map<String, Object> line = line(s, l, welsh);
                    line.put("reason", welsh == null ? l.keptReason() : welshReason(welsh, l));
                    kept.add(line);
                }
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("authorisedDate", day(d.dates().authorised()));
        values.put("completedDate", day(d.dates().verified()));
        values.put("erased", erased);
        values.put("kept", kept);
        values.put("erasedByHand", erasedByHand);
        values.put("anyErasedByHand", !erasedByHand.isEmpty());
        values.put("notErased", notErased);
        values.put("anyNotErased", !notErased.isEmpty());
        values.put("backups", d.backups());
        values.put("recipientsTold", !d.recipients().isEmpty());
        return values;
    }

    /** A line of the letter, naming the category and its system; in the map's Welsh when given. */
    private static Map<String, Object> line(
            CertificateDocument.SystemSummary s, CertificateDocument.CategoryLine l, DataMap welsh) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("category", welsh == null ? l.name() : welshCategory(welsh, l).name());
        line.put("system", welsh == null ? s.system() : welshCategory(welsh, l).system());
        return line;
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(ClockConfiguration.UK).toLocalDate();
    }

    private static Category welshCategory(DataMap map, CertificateDocument.CategoryLine line) {
        return map.category(line.category())
                .map(Category::inWelsh)
                .orElseThrow(
                        () -> new IllegalStateException("Category '" + line.category() + "' is not in the data map"));
    }

    /**
     * A kept category's reason in Welsh: the data map's Welsh reason where the map decided, the
     * complaint hold and the request's scope in Welsh words, an officer's reason as typed.
     */
    static String welshReason(DataMap map, CertificateDocument.CategoryLine line) {
        String reason = line.keptReason();
        if (reason == null || line.keptBy() != null) {
            return reason;
        }
        Category category = map.category(line.category()).orElse(null);
        if (category != null
                && category.erasure() != null
                && reason.equals(category.erasure().reason())) {
            return category.inWelsh().erasure().reason();
        }
        Matcher hold = COMPLAINT_HOLD.matcher(reason);
        if (hold.matches()) {
            return "Mae cwyn ar y cyfrif ar agor neu wedi'i chau lai na " + hold.group(1)
                    + " mis yn ôl: fe'i cedwir i sefydlu, arfer neu amddiffyn hawliadau cyfreithiol (Erthygl 17(3)(e))";
        }
        if (reason.startsWith(ErasurePreview.OUTSIDE_SCOPE)) {
            List<String> asked = new ArrayList<>();
            for (String id :
                    reason.substring(ErasurePreview.OUTSIDE_SCOPE.length()).split(",\\s*")) {
                asked.add(map.category(id.trim()).map(c -> c.inWelsh().name()).orElse(id.trim()));
            }
            return "Nid yw'n rhan o'r cais hwn: gofynnoch i ni ddileu " + String.join(", ", asked) + " yn unig";
        }
        return reason;
    }
}
