package uk.lucidservices.privacydesk.erasure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.StoreSweep;

/**
 * Issues the erasure certificate once the repeated search has found nothing left: per system, what
 * was deleted, anonymised and kept (with reasons), the dates, and who prepared and authorised it.
 * Stored as {@code certificates/<reference>.json} and {@code .pdf} (template
 * {@code erasure-certificate.xhtml}) in the file store, with their SHA-256 digests in
 * {@code desk.erasure_certificate}.
 */
@Service
class ErasureCertificate implements RetainedData {

    static final String BACKUPS = "Copies of the erased data that remain in backups are put beyond use: they are not"
            + " restored into live systems or used for any purpose, and they are overwritten as the backups rotate."
            + " If a backup ever has to be restored, this erasure is applied again before the restored system is used.";

    private final DataMap dataMap;
    private final ErasureSubjects subjects;
    private final ErasureCases cases;
    private final ErasurePlan plan;
    private final ErasureRunItems runItems;
    private final RecipientNotices notices;
    private final SuppressionList suppression;
    private final RecordSourceFinder sources;
    private final FileStore fileStore;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RequestRegister register;
    private final LetterService letters;
    private final ErasureByHand byHand;

    public ErasureCertificate(
            DataMap dataMap,
            ErasureSubjects subjects,
            ErasureCases cases,
            ErasurePlan plan,
            ErasureRunItems runItems,
            RecipientNotices notices,
            SuppressionList suppression,
            RecordSourceFinder sources,
            FileStore fileStore,
            JdbcTemplate jdbc,
            ObjectMapper json,
            RequestRegister register,
            LetterService letters,
            ErasureByHand byHand) {
        this.dataMap = dataMap;
        this.subjects = subjects;
        this.cases = cases;
        this.plan = plan;
        this.runItems = runItems;
        this.notices = notices;
        this.suppression = suppression;
        this.sources = sources;
        this.fileStore = fileStore.area(FileStore.CERTIFICATES);
        this.jdbc = jdbc;
        this.json = json;
        this.register = register;
        this.letters = letters;
        this.byHand = byHand;
    }

    public record Issued(String reference, String jsonPath, String pdfPath, String jsonSha256, String pdfSha256) {}

    /** Writes (or writes again) the certificate's files and records them. */
    @Transactional
    public Issued issue(String reference) {
        Request request = subjects.request(reference);
        CertificateDocument document = document(reference);
        byte[] jsonBytes;
        try {
            jsonBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the erasure certificate of " + reference, e);
        }
        byte[] pdfBytes = CertificatePdf.render(
                reference,
                letters.document(
                        Recipient.deskFile(), reference, CertificatePdf.TEMPLATE, CertificatePdf.values(document)));
        String jsonPath = "certificates/" + reference + ".json";
        String pdfPath = "certificates/" + reference + ".pdf";
        fileStore.write(jsonPath, jsonBytes);
        fileStore.write(pdfPath, pdfBytes);
        Issued issued = new Issued(reference, jsonPath, pdfPath, sha256(jsonBytes), sha256(pdfBytes));
        int updated = jdbc.update(
                """
                UPDATE desk.erasure_certificate SET issued_at = ?, json_path = ?, pdf_path = ?, json_sha256 = ?, pdf_sha256 = ?
                WHERE reference = ?""", document.dates().issued(), jsonPath, pdfPath, issued.jsonSha256(), issued.pdfSha256(), reference);
        if (updated == 0) {
            jdbc.update(
                    """
                    INSERT INTO desk.erasure_certificate (reference, issued_at, json_path, pdf_path, json_sha256, pdf_sha256)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    reference,
                    document.dates().issued(),
                    jsonPath,
                    pdfPath,
                    issued.jsonSha256(),
                    issued.pdfSha256());
        }
        register.record(
                request.id(),
                "CERTIFICATE_ISSUED",
                null,
                "Erasure certificate issued (JSON sha256 " + issued.jsonSha256() + ")");
        return issued;
    }

    public Optional<Issued> issued(String reference) {
        return jdbc
                .query(
                        "SELECT * FROM desk.erasure_certificate WHERE reference = ?",
                        (rs, i) -> new Issued(
                                reference,
                                rs.getString("json_path"),
                                rs.getString("pdf_path"),
                                rs.getString("json_sha256"),
                                rs.getString("pdf_sha256")),
                        reference)
                .stream()
                .findFirst();
    }

    /** The certificate's content; only after verification has found nothing erasable left. */
    public CertificateDocument document(String reference) {
        Request request = subjects.request(reference);
        ErasureCase erasure = cases.get(reference);
        if (!erasure.approved() || erasure.verifiedAt() == null) {
            throw new IllegalStateException(
                    "Erasure of " + reference + " has not been approved, carried out and verified: no certificate yet");
        }
        Subject subject = subjects.subject(reference);
        Map<String, ErasureRunItem> runs = new LinkedHashMap<>();
        runItems.items(reference).forEach(r -> runs.put(r.categoryId(), r));
        Map<String, ErasureByHand.Item> handItems = new LinkedHashMap<>();
        byHand.items(reference).forEach(i -> handItems.put(i.categoryId(), i));
        Map<String, List<CertificateDocument.CategoryLine>> bySystem = new LinkedHashMap<>();
        for (ErasurePlanItem item : plan.items(reference)) {
            Category category = dataMap.category(item.categoryId()).orElse(null);
            String name = category == null ? item.categoryId() : category.name();
            CertificateDocument.CategoryLine line;
            if (item.action() == ErasureAction.KEEP) {
                Long kept = category == null || item.manual()
                        ? null
                        : sources.forCategory(category).count(category, subject);
                line = new CertificateDocument.CategoryLine(
                        item.categoryId(), name, "KEEP", 0, 0, 0, kept, item.keepReason(), item.markedBy(), null);
            } else if (item.manual()) {
                line = new CertificateDocument.CategoryLine(
                        item.categoryId(),
                        name,
                        item.action().name() + "_BY_HAND",
                        0,
                        0,
                        0,
                        null,
                        null,
                        null,
                        item.inScope() ? byHandLine(handItems.get(item.categoryId())) : null);
            } else {
                ErasureRunItem run = runs.get(item.categoryId());
                line = new CertificateDocument.CategoryLine(
                        item.categoryId(),
                        name,
                        item.action().name(),
                        run == null ? 0 : run.deleted(),
                        run == null ? 0 : run.anonymised(),
                        run == null ? 0 : run.filesDeleted(),
                        0L,
                        null,
                        null,
                        null);
            }
            bySystem.computeIfAbsent(item.system(), s -> new ArrayList<>()).add(line);
        }
        List<CertificateDocument.SystemSummary> systems = new ArrayList<>();
        bySystem.forEach((system, lines) -> systems.add(new CertificateDocument.SystemSummary(
                system,
                lines.stream()
                        .mapToLong(CertificateDocument.CategoryLine::deleted)
                        .sum(),
                lines.stream()
                        .mapToLong(CertificateDocument.CategoryLine::anonymised)
                        .sum(),
                lines.stream()
                        .mapToLong(CertificateDocument.CategoryLine::filesDeleted)
                        .sum(),
                lines.stream().mapToLong(l -> l.kept() == null ? 0 : l.kept()).sum(),
                List.copyOf(lines))));
        List<CertificateDocument.RecipientLine> recipients = notices.notices(reference).stream()
                .map(n -> new CertificateDocument.RecipientLine(n.recipient(), n.categories(), n.status()))
                .toList();
        return new CertificateDocument(
                reference,
                dataMap.controller(),
                erasure.scope(),
                new CertificateDocument.Dates(
                        request.receivedAt(),
                        erasure.preparedAt(),
                        erasure.decidedAt(),
                        erasure.erasedAt(),
                        erasure.verifiedAt(),
                        cases.now()),
                new CertificateDocument.People(erasure.preparedBy(), erasure.reviewedBy(), erasure.decidedBy()),
                List.copyOf(systems),
                new CertificateDocument.Suppression(
                        suppression.entries(reference, SuppressionList.PHONE),
                        suppression.entries(reference, SuppressionList.EMAIL)),
                recipients,
                BACKUPS);
    }

    /** Done only with evidence; not possible only with a reason; anything else is not recorded, and said so. */
    private static CertificateDocument.ByHand byHandLine(ErasureByHand.Item item) {
        if (item == null || (!item.doneWithEvidence() && !item.notPossible())) {
            return new CertificateDocument.ByHand(
                    CertificateDocument.ByHand.NOT_RECORDED, null, null, null, false, List.of());
        }
        return new CertificateDocument.ByHand(
                item.doneWithEvidence() ? CertificateDocument.ByHand.DONE : CertificateDocument.ByHand.NOT_POSSIBLE,
                item.notPossible() ? item.reason() : null,
                item.recordedBy(),
                item.recordedAt(),
                item.hasNote(),
                item.files().stream().map(ErasureByHand.EvidenceFile::sha256).toList());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A certificate, its row and its two files, go when the erasure request's period is over. */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(new StoreSweep(
                "certificates",
                """
                SELECT c.reference, c.json_path, c.pdf_path FROM desk.erasure_certificate c
                WHERE c.reference IN (""" + RequestRegister.DUE_REQUEST_REFERENCES + ") ORDER BY c.reference",
                FileStore.CERTIFICATES,
                "DELETE FROM desk.erasure_certificate WHERE reference IN (:ids)"));
    }
}
