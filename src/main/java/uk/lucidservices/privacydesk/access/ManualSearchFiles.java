package uk.lucidservices.privacydesk.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.InvalidRequestException;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * Copies of what officers found by hand for a subject access request (a scanned paper letter, a
 * screenshot of a social-media message), uploaded while the manual search is open and put in the
 * disclosure pack under {@code manual/<category>/}. Owns {@code desk.manual_search_file}; the
 * bytes live in the desk's file store under {@code manual/<reference>/}, never in the engine.
 */
@Service
class ManualSearchFiles {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    record ManualFile(long id, String categoryId, String fileName, long sizeBytes, String storedPath) {}

    private final JdbcTemplate jdbc;
    private final FileStore files;
    private final ManualSearchChecklist checklist;
    private final RequestRegister register;
    private final Clock clock;

    ManualSearchFiles(
            JdbcTemplate jdbc,
            FileStore files,
            ManualSearchChecklist checklist,
            RequestRegister register,
            Clock clock) {
        this.jdbc = jdbc;
        this.files = files.area(FileStore.MANUAL);
        this.checklist = checklist;
        this.register = register;
        this.clock = clock;
    }

    /** Keeps a file found by hand in one of the request's manual systems, for the pack. */
    @Transactional
    public ManualFile add(String reference, String categoryId, String fileName, byte[] content, String userId) {
        Request request = register.get(reference);
        if (request.type() != RequestType.SUBJECT_ACCESS) {
            throw new RequestNotFoundException(reference);
        }
        if (request.closedAt() != null) {
            throw new InvalidRequestException(reference + " is closed: nothing more goes in its pack");
        }
        if (!checklist.categories(reference).contains(categoryId)) {
            throw new InvalidRequestException("'" + categoryId + "' is not a system searched by hand for " + reference
                    + " (run the search first)");
        }
        if (content == null || content.length == 0) {
            throw new InvalidRequestException("The file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidRequestException("The file is larger than 20 MB");
        }
        String name = PackEntryNames.segment(fileName == null || fileName.isBlank() ? "found-by-hand" : fileName);
        String path = FileStore.MANUAL + "/" + PackEntryNames.segment(reference) + "/" + UUID.randomUUID() + "-" + name;
        files.write(path, content);
        Long id = jdbc.queryForObject(
                """
                INSERT INTO desk.manual_search_file (reference, category_id, file_name, size_bytes, sha256, stored_path,
                    uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                Long.class,
                reference,
                categoryId,
                name,
                content.length,
                sha256(content),
                path,
                userId,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        register.record(
                request.id(),
                "MANUAL_FILE_ADDED",
                userId,
                categoryId + ": file #" + id + " (" + content.length + " bytes)");
        return new ManualFile(id, categoryId, name, content.length, path);
    }

    List<ManualFile> files(String reference) {
        return jdbc.query(
                """
                SELECT id, category_id, file_name, size_bytes, stored_path FROM desk.manual_search_file
                WHERE reference = ? AND stored_path IS NOT NULL ORDER BY id""",
                (rs, i) ->
                        new ManualFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)),
                reference);
    }

    byte[] read(ManualFile file) {
        try {
            return Files.readAllBytes(files.resolve(file.storedPath()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a file found by hand", e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
