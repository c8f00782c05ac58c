package uk.lucidservices.privacydesk.retention;

import uk.lucidservices.privacydesk.records.FileStore;

import java.util.List;

import static uk.lucidservices.privacydesk.retention.DueSql.CLOSED_AND_NOT_HELD;
import static uk.lucidservices.privacydesk.retention.DueSql.MAIL_DUE;
import static uk.lucidservices.privacydesk.retention.DueSql.notHeld;

/**
 * Where each of the desk's stores keeps personal data, and what its sweep clears. What is kept for
 * accountability stays: the register's reference, type, channel, dates, status and outcome; the
 * intake log's reading time and outcome; an attachment's type, size and SHA-256.
 */
final class DeskStores {

    private DeskStores() {
    }

    static List<StoreSweep> all(FileStore fileStore) {
        FileStore intake = fileStore.area(FileStore.INTAKE);
        return List.of(
                new StoreSweep(RetentionStore.RAW_MAIL, """
                        SELECT l.id, l.raw_file FROM desk.intake_log l LEFT JOIN desk.request r ON r.id = l.request_id
                        WHERE l.raw_file IS NOT NULL AND""" + " " + MAIL_DUE + " ORDER BY l.id", intake,
                        "UPDATE desk.intake_log SET raw_file = NULL WHERE id IN (:ids)"),

                // Needed only to decide identity: due from that decision, or from closing where none was made.
                new StoreSweep(RetentionStore.ID_DOCUMENTS, """
                        SELECT a.id, a.stored_path FROM desk.intake_attachment a
                        JOIN desk.intake_log l ON l.id = a.intake_id
                        LEFT JOIN desk.request r ON r.id = COALESCE(a.request_id, l.request_id)
                        WHERE a.stored_path IS NOT NULL AND (
                            (r.id IS NULL AND %s)
                            OR (r.id IS NOT NULL AND %s AND (
                                (r.closed_at IS NOT NULL AND r.closed_at <= :cutoff)
                                OR (SELECT MIN(e.occurred_at) FROM desk.request_event e
                                    WHERE e.request_id = r.id AND e.kind = 'IDENTITY_VERIFIED') <= :cutoff)))
                        ORDER BY a.id""".formatted(DueSql.UNLINKED_MAIL, notHeld("r")), intake,
                        "UPDATE desk.intake_attachment SET stored_path = NULL WHERE id IN (:ids)"),

                new StoreSweep(RetentionStore.REGISTER_PERSONAL_FIELDS, """
                        SELECT r.id FROM desk.request r
                        WHERE r.personal_fields_cleared_at IS NULL AND""" + " " + CLOSED_AND_NOT_HELD + " ORDER BY r.id", null,
                        "DELETE FROM desk.request_identifier WHERE request_id IN (:ids)",
                        """
                        UPDATE desk.request SET requester_name = NULL, requester_email = NULL, requester_phone = NULL,
                            account_number = NULL, summary = NULL, personal_fields_cleared_at = :now
                        WHERE id IN (:ids)"""),

                new StoreSweep(RetentionStore.INTAKE_LOG, """
                        SELECT l.id FROM desk.intake_log l LEFT JOIN desk.request r ON r.id = l.request_id
                        WHERE l.personal_fields_cleared_at IS NULL AND""" + " " + MAIL_DUE + " ORDER BY l.id", null,
                        "UPDATE desk.intake_attachment SET file_name = NULL WHERE intake_id IN (:ids)",
                        """
                        UPDATE desk.intake_log SET sender_address = NULL, sender_name = NULL, sender_phones = NULL,
                            account_number = NULL, subject = NULL, personal_fields_cleared_at = :now
                        WHERE id IN (:ids)"""),

                new StoreSweep(RetentionStore.TRIAGE_NOTES, """
                        SELECT t.id FROM desk.triage_note t JOIN desk.request r ON r.id = t.request_id
                        WHERE""" + " " + CLOSED_AND_NOT_HELD + " ORDER BY t.id", null,
                        "DELETE FROM desk.triage_note WHERE id IN (:ids)"),

                new StoreSweep(RetentionStore.MANUAL_ANSWERS, """
                        SELECT s.id FROM desk.search_result s JOIN desk.request r ON r.reference = s.reference
                        WHERE s.manual_answer IS NOT NULL AND""" + " " + CLOSED_AND_NOT_HELD + " ORDER BY s.id", null,
                        "UPDATE desk.search_result SET manual_answer = NULL WHERE id IN (:ids)"),

                new StoreSweep(RetentionStore.PACKS, """
                        SELECT p.id, p.file_path FROM desk.disclosure_pack p JOIN desk.request r ON r.reference = p.reference
                        WHERE p.deleted_at IS NULL AND p.expires_at <= :cutoff AND""" + " " + notHeld("r") + " ORDER BY p.id",
                        fileStore.area(FileStore.PACKS),
                        "UPDATE desk.disclosure_pack SET deleted_at = :now WHERE id IN (:ids)"),

                new StoreSweep(RetentionStore.SENT_LETTERS, """
                        SELECT s.id FROM desk.sent_letter s JOIN desk.request r ON r.id = s.request_id
                        WHERE""" + " " + CLOSED_AND_NOT_HELD + " ORDER BY s.id", null,
                        "DELETE FROM desk.sent_letter WHERE id IN (:ids)"),

                new StoreSweep(RetentionStore.CERTIFICATES, """
                        SELECT c.reference, c.json_path, c.pdf_path FROM desk.erasure_certificate c
                        JOIN desk.request r ON r.reference = c.reference
                        WHERE""" + " " + CLOSED_AND_NOT_HELD + " ORDER BY c.reference",
                        fileStore.area(FileStore.CERTIFICATES),
                        "DELETE FROM desk.erasure_certificate WHERE reference IN (:ids)"),

                new StoreSweep(RetentionStore.DOWNLOAD_LOG, """
                        SELECT d.id FROM desk.pack_download d JOIN desk.disclosure_pack p ON p.id = d.pack_id
                        JOIN desk.request r ON r.reference = p.reference
                        WHERE p.expires_at <= :cutoff AND""" + " " + notHeld("r") + " ORDER BY d.id", null,
                        "DELETE FROM desk.pack_download WHERE id IN (:ids)"));
    }
}
