package uk.lucidservices.privacydesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.records.FileStore;

/** Reads back a mail the intake kept in the file store, for the person who triages it. */
@Component
class StoredMails {

    private final FileStore files;
    private final MailParser parser = new MailParser();

    public StoredMails(FileStore files) {
        this.files = files;
    }

    public Optional<byte[]> raw(IntakeLog.Entry entry) {
        if (entry.rawFile() == null || !files.exists(entry.rawFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(files.resolve(entry.rawFile())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a stored mail", e);
        }
    }

    /** The mail decoded again (headers only for one that was too large to keep). */
    public Optional<IncomingMail> read(IntakeLog.Entry entry) {
        Instant arrived = entry.arrivedAt() == null ? null : entry.arrivedAt().toInstant();
        return raw(entry)
                .map(bytes -> parser.parse(
                        entry.sizeBytes() != null && entry.sizeBytes() > bytes.length
                                ? RawMail.headersOnly(bytes, entry.sizeBytes(), arrived)
                                : RawMail.of(bytes, arrived)));
    }

    public Optional<byte[]> attachment(IntakeLog.Attachment attachment) {
        if (attachment.storedPath() == null || !files.exists(attachment.storedPath())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(files.resolve(attachment.storedPath())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a stored attachment", e);
        }
    }
}
