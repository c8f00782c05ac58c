package uk.lucidservices.privacydesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.lucidservices.privacydesk.records.FileStore;

/**
 * Keeps what came with a mail in the file store, never in process variables: attachments
 * (ID documents) within the size, count and type limits, where the type is what the file's
 * first bytes say it is, not only what the sender declared; and the raw mail itself where a
 * person may need to read it. Refused files are listed with the reason and not kept.
 */
class AttachmentStore {

    /** What a file's first bytes say it is; only these types can be accepted. */
    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf",
            "pdf",
            "image/jpeg",
            "jpg",
            "image/png",
            "png",
            "image/gif",
            "gif",
            "image/tiff",
            "tif",
            "image/webp",
            "webp",
            "image/heic",
            "heic",
            "image/heif",
            "heif");
    /** Declared types that say nothing, so the content decides. */
    private static final Set<String> GENERIC = Set.of(
            "application/octet-stream",
            "application/x-download",
            "binary/octet-stream",
            "application/download",
            "application/unknown");

    private final FileStore files;
    private final IntakeLog log;
    private final IntakeProperties.Limits limits;
    private final Set<String> allowed;
    private final Clock clock;

    public AttachmentStore(FileStore files, IntakeLog log, IntakeProperties.Limits limits, Clock clock) {
        this.files = files;
        this.log = log;
        this.limits = limits;
        this.allowed = Set.copyOf(limits.allowedAttachmentTypes().stream()
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .toList());
        this.clock = clock;
    }

    /** Stores a mail's attachments for an intake entry; returns how many were accepted. */
    int store(long intakeId, Long requestId, List<MailAttachment> attachments) {
        int stored = 0;
        for (int i = 0; i < attachments.size(); i++) {
            MailAttachment a = attachments.get(i);
            String sniffed = sniff(a.content());
            String refused = refusal(a, sniffed, i);
            String path = null;
            String hash = null;
            if (refused == null) {
                path = folder() + UUID.randomUUID() + "." + EXTENSIONS.get(sniffed);
                files.write(path, a.content());
                hash = MailParser.sha256(a.content());
                stored++;
            }
            log.insertAttachment(
                    intakeId,
                    requestId,
                    a.fileName(),
                    sniffed != null ? sniffed : a.declaredType(),
                    a.content().length,
                    hash,
                    path,
                    refused);
        }
        return stored;
    }

    private String refusal(MailAttachment a, String sniffed, int index) {
        if (index >= limits.maxAttachments()) {
            return "more than " + limits.maxAttachments() + " attachments";
        }
        if (a.content().length > limits.maxAttachmentSize().toBytes()) {
            return "larger than " + limits.maxAttachmentSize().toMegabytes() + " MB";
        }
        if (sniffed == null || !allowed.contains(sniffed)) {
            return "type not accepted (" + (sniffed != null ? sniffed : a.declaredType()) + ")";
        }
        if (!GENERIC.contains(a.declaredType())
                && !a.declaredType().equals(sniffed)
                && !(sniffed.equals("image/jpeg") && a.declaredType().equals("image/jpg"))) {
            return "content is " + sniffed + " but was declared as " + a.declaredType();
        }
        return null;
    }

    /** Keeps a raw mail (or its headers) for the person who will read it; returns its path in the store. */
    String storeRaw(byte[] raw) {
        String path = folder() + UUID.randomUUID() + ".eml";
        files.write(path, raw);
        return path;
    }

    private String folder() {
        LocalDate today = LocalDate.now(clock);
        return "intake/%d/%02d/".formatted(today.getYear(), today.getMonthValue());
    }

    /** The type a file's first bytes announce, or null when it is none the desk accepts. */
    static String sniff(byte[] b) {
        if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 0, 'I', 'I', '*', 0) || starts(b, 0, 'M', 'M', 0, '*')) {
            return "image/tiff";
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (starts(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(Arrays.copyOfRange(b, 8, 12), StandardCharsets.US_ASCII);
            if (Set.of("heic", "heix", "hevc", "heim", "heis").contains(brand)) {
                return "image/heic";
            }
            if (Set.of("mif1", "msf1", "heif").contains(brand)) {
                return "image/heif";
            }
        }
        return null;
    }

    private static boolean starts(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
