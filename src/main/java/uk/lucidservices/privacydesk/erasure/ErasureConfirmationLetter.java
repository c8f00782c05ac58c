package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.request.ClockConfiguration;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ErasureCertificate certificate;
    private final ErasureSubjects subjects;
    private final LetterService letters;
    private final VerifiedIdentifiers identifiers;

    public ErasureConfirmationLetter(
            ErasureCertificate certificate,
            ErasureSubjects subjects,
            LetterService letters,
            VerifiedIdentifiers identifiers) {
        this.certificate = certificate;
        this.subjects = subjects;
        this.letters = letters;
        this.identifiers = identifiers;
    }

    public enum Sent {
        EMAIL,
        TO_POST
    }

    public Sent send(String reference, String processInstanceId) {
        subjects.request(reference);
        SentLetters.SentLetter sent = letters.send(
                Recipient.requesterAt(identifiers.confirmedEmail(reference)),
                reference,
                TEMPLATE,
                values(certificate.document(reference)),
                processInstanceId);
        return sent.channel() == Recipient.Channel.POST ? Sent.TO_POST : Sent.EMAIL;
    }

    /** What the letter may say: counts, category names, reasons and dates from the certificate. */
    static Map<String, Object> values(CertificateDocument d) {
        List<Map<String, Object>> erased = new ArrayList<>();
        List<Map<String, Object>> kept = new ArrayList<>();
        List<Map<String, Object>> erasedByHand = new ArrayList<>();
        List<Map<String, Object>> notErased = new ArrayList<>();
        for (CertificateDocument.SystemSummary s : d.systems()) {
            for (CertificateDocument.CategoryLine l : s.categories()) {
                if (l.deleted() + l.anonymised() > 0) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("category", l.name());
                    line.put("system", s.system());
                    line.put("deleted", l.deleted());
                    line.put("anyDeleted", l.deleted() > 0);
                    line.put("anonymised", l.anonymised());
                    line.put("anyAnonymised", l.anonymised() > 0);
                    line.put("recordings", l.filesDeleted());
                    line.put("anyRecordings", l.filesDeleted() > 0);
                    erased.add(line);
                }
                if (l.byHand() != null) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("category", l.name());
                    line.put("system", s.system());
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
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("category", l.name());
                    line.put("system", s.system());
                    line.put("reason", l.keptReason());
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

    private static String day(OffsetDateTime t) {
        return t.atZoneSameInstant(ClockConfiguration.UK).format(DAY);
    }
}
