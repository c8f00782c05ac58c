package uk.lucidservices.privacydesk.access;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.StoreSweep;

/** {@code desk.disclosure_pack} and {@code desk.pack_download}. Holds no personal data: paths, counts, user ids, hashes. */
@Repository
class DisclosurePacks implements RetainedData {

    private final JdbcTemplate jdbc;

    public DisclosurePacks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DisclosurePack p) {
        jdbc.update(
                """
                        INSERT INTO desk.disclosure_pack (id, reference, file_path, size_bytes, record_count, created_at, prepared_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""",
                p.id(),
                p.reference(),
                p.filePath(),
                p.sizeBytes(),
                p.recordCount(),
                utc(p.createdAt()),
                p.preparedBy());
    }

    public Optional<DisclosurePack> find(String id) {
        return jdbc.query("SELECT * FROM desk.disclosure_pack WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    /** The request's newest pack that still exists. */
    public Optional<DisclosurePack> current(String reference) {
        return jdbc
                .query(
                        "SELECT * FROM desk.disclosure_pack WHERE reference = ? AND deleted_at IS NULL ORDER BY created_at DESC",
                        ROW,
                        reference)
                .stream()
                .findFirst();
    }

    public List<DisclosurePack> all(String reference) {
        return jdbc.query("SELECT * FROM desk.disclosure_pack WHERE reference = ? ORDER BY created_at", ROW, reference);
    }

    public Optional<DisclosurePack> byTokenHash(String tokenHash) {
        return jdbc.query("SELECT * FROM desk.disclosure_pack WHERE token_hash = ?", ROW, tokenHash).stream()
                .findFirst();
    }

    /** Packs never sent: a new pack or a closed request replaces them. */
    List<DisclosurePack> undelivered(String reference) {
        return jdbc.query(
                "SELECT * FROM desk.disclosure_pack WHERE reference = ? AND token_hash IS NULL AND deleted_at IS NULL",
                ROW,
                reference);
    }

    List<DisclosurePack> expiredAndNotDeleted(OffsetDateTime now) {
        return jdbc.query(
                "SELECT * FROM desk.disclosure_pack WHERE deleted_at IS NULL AND expires_at IS NOT NULL AND expires_at <= ?",
                ROW,
                utc(now));
    }

    void approve(String id, String approver, OffsetDateTime at) {
        jdbc.update(
                "UPDATE desk.disclosure_pack SET approved_by = ?, approved_at = ? WHERE id = ?", approver, utc(at), id);
    }

    void issue(String id, String tokenHash, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
        jdbc.update(
                "UPDATE desk.disclosure_pack SET token_hash = ?, issued_at = ?, expires_at = ? WHERE id = ?",
                tokenHash,
                utc(issuedAt),
                utc(expiresAt),
                id);
    }

    /** Returns whether this call marked it: false when it was already marked (by another node, say). */
    boolean markDeleted(String id, OffsetDateTime at) {
        return jdbc.update(
                        "UPDATE desk.disclosure_pack SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                        utc(at),
                        id)
                == 1;
    }

    void logDownload(String packId, OffsetDateTime at, String remoteHash) {
        jdbc.update(
                "INSERT INTO desk.pack_download (pack_id, downloaded_at, remote_hash) VALUES (?, ?, ?)",
                packId,
                utc(at),
                remoteHash);
    }

    public int downloads(String packId) {
        Integer n =
                jdbc.queryForObject("SELECT COUNT(*) FROM desk.pack_download WHERE pack_id = ?", Integer.class, packId);
        return n == null ? 0 : n;
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static final RowMapper<DisclosurePack> ROW = (rs, i) -> new DisclosurePack(
            rs.getString("id"),
            rs.getString("reference"),
            rs.getString("file_path"),
            rs.getLong("size_bytes"),
            rs.getLong("record_count"),
            rs.getObject("created_at", OffsetDateTime.class),
            rs.getString("prepared_by"),
            rs.getString("approved_by"),
            rs.getObject("approved_at", OffsetDateTime.class),
            rs.getString("token_hash"),
            rs.getObject("issued_at", OffsetDateTime.class),
            rs.getObject("expires_at", OffsetDateTime.class),
            rs.getObject("deleted_at", OffsetDateTime.class));

    /**
     * A pack's file goes once its link has expired for the period (the row stays, marked deleted);
     * its download log with it. Never while an open complaint holds the request.
     */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(
                new StoreSweep(
                        "packs",
                        """
                        SELECT p.id, p.file_path FROM desk.disclosure_pack p
                        WHERE p.deleted_at IS NULL AND p.expires_at <= :cutoff AND p.reference IN (""" + RequestRegister.UNHELD_REQUEST_REFERENCES + ") ORDER BY p.id",
                        FileStore.PACKS,
                        "UPDATE desk.disclosure_pack SET deleted_at = :now WHERE id IN (:ids)"),
                new StoreSweep(
                        "download-log",
                        """
                        SELECT d.id FROM desk.pack_download d JOIN desk.disclosure_pack p ON p.id = d.pack_id
                        WHERE p.expires_at <= :cutoff AND p.reference IN (""" + RequestRegister.UNHELD_REQUEST_REFERENCES + ") ORDER BY d.id",
                        null,
                        "DELETE FROM desk.pack_download WHERE id IN (:ids)"));
    }
}
