package uk.lucidservices.privacydesk.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.mail.LetterService;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Builds the disclosure pack as a ZIP in the file store ({@code packs/<reference>/<random>.zip}):
 * per category {@code data/<id>.json} and {@code .csv}, chat transcripts as text, call recordings as
 * audio, and the Art. 15 cover letter as HTML and PDF. Records stream from the record sources
 * straight into the ZIP (CSV, audio paths and transcripts via small work files), so the heap never
 * holds a subject's records however many there are. Redaction decisions are applied on the way.
 */
@Service
public class DisclosurePackBuilder {

    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final DataMap dataMap;
    private final RecordSources sources;
    private final VerifiedIdentifiers identifiers;
    private final RedactionReview review;
    private final ManualSearchChecklist checklist;
    private final SubjectSearch search;
    private final DisclosurePacks packs;
    private final RequestRegister register;
    private final FileStore fileStore;
    private final FileStore recordings;
    private final AccessProperties properties;
    private final LetterService letters;
    private final ManualSearchFiles manualFiles;
    private final Clock clock;

    public DisclosurePackBuilder(
            DataMap dataMap,
            RecordSources sources,
            VerifiedIdentifiers identifiers,
            RedactionReview review,
            ManualSearchChecklist checklist,
            SubjectSearch search,
            DisclosurePacks packs,
            RequestRegister register,
            FileStore fileStore,
            AccessProperties properties,
            LetterService letters,
            ManualSearchFiles manualFiles,
            Clock clock) {
        this.dataMap = dataMap;
        this.sources = sources;
        this.identifiers = identifiers;
        this.review = review;
        this.checklist = checklist;
        this.search = search;
        this.packs = packs;
        this.register = register;
        this.fileStore = fileStore.area(FileStore.PACKS);
        this.recordings = fileStore.area(FileStore.RECORDINGS);
        this.properties = properties;
        this.letters = letters;
        this.manualFiles = manualFiles;
        this.clock = clock;
    }

    /** Counts gathered while the pack is written. */
    private static final class Tally {
        long records;
        long withheld;
        long viaAccountLeftOut;
        long recordings;
        long missingRecordings;
        final List<CoverLetter.Section> sections = new ArrayList<>();
        final Map<String, Integer> manualFiles = new HashMap<>();
    }

    public DisclosurePack build(String reference, String preparedBy) {
        Request request = register.get(reference);
        Subject subject = identifiers.subject(reference);
        requireReadyToBuild(reference);
        retireUndelivered(reference);

        String id = UUID.randomUUID().toString();
        String relative = "packs/" + reference + "/" + id + ".zip";
        Path target = fileStore.resolve(relative);
        Path part = target.resolveSibling(id + ".zip.part");
        Path work = null;
        Tally tally = new Tally();
        int transcriptCount;
        try {
            Files.createDirectories(target.getParent());
            work = Files.createTempDirectory("disclosure-pack-");
            try (ZipOutputStream zip =
                            new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16));
                    TranscriptFiles transcripts = new TranscriptFiles(work)) {
                List<Category> order = new ArrayList<>(dataMap.searchable());
                // Parents first: the reader meets accounts before contracts, transcripts before their messages.
                Collections.reverse(order);
                for (Category category : order) {
                    List<RecordSource> handling = sources.handling(category);
                    if (!handling.isEmpty()) {
                        writeCategory(
                                zip,
                                reference,
                                category,
                                shown(request, category),
                                handling,
                                subject,
                                work,
                                transcripts,
                                tally);
                    }
                }
                transcripts.flush();
                transcriptCount = transcripts.transcripts().size();
                for (long transcriptId : transcripts.transcripts()) {
                    zip.putNextEntry(new ZipEntry(PackEntryNames.of("transcripts", transcriptId + ".txt")));
                    Files.copy(transcripts.file(transcriptId), zip);
                    zip.closeEntry();
                }
                // What officers found by hand goes in as they uploaded it, not only as a count.
                for (ManualSearchFiles.ManualFile file : manualFiles.files(reference)) {
                    zip.putNextEntry(new ZipEntry(
                            PackEntryNames.of("manual", file.categoryId(), file.id() + "-" + file.fileName())));
                    zip.write(manualFiles.read(file));
                    zip.closeEntry();
                    tally.manualFiles.merge(file.categoryId(), 1, Integer::sum);
                }
                writeCoverLetter(zip, request, tally, !transcripts.transcripts().isEmpty());
            }
            move(part, target);
            DisclosurePack pack = new DisclosurePack(
                    id,
                    reference,
                    relative,
                    Files.size(target),
                    tally.records,
                    OffsetDateTime.now(clock),
                    preparedBy,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            packs.insert(pack);
            deleteIfRolledBack(relative);
            register.record(
                    request.id(),
                    "PACK_BUILT",
                    preparedBy == null ? "desk" : preparedBy,
                    "pack=" + id + "; records=" + tally.records + "; withheld=" + tally.withheld
                            + "; via-account-left-out=" + tally.viaAccountLeftOut + "; recordings=" + tally.recordings
                            + "; missing-recordings=" + tally.missingRecordings + "; transcripts=" + transcriptCount
                            + "; bytes=" + pack.sizeBytes());
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the disclosure pack for " + reference, e);
        } finally {
            deleteQuietly(part);
            deleteTree(work);
        }
    }

    private void requireReadyToBuild(String reference) {
        if (search.saved(reference).isEmpty()) {
            throw new IllegalStateException(
                    "Request " + reference + " has not been searched: run the search before building its pack");
        }
        List<String> unanswered = checklist.unanswered(reference);
        if (!unanswered.isEmpty()) {
            throw new IllegalStateException("Request " + reference + ": the manual search of "
                    + String.join(", ", unanswered) + " has no answer yet");
        }
        int undecided = review.undecided(reference);
        if (undecided > 0) {
            throw new IllegalStateException("Request " + reference + ": " + undecided
                    + " items that identify other people have no redaction decision yet");
        }
    }

    private void writeCategory(
            ZipOutputStream zip,
            String reference,
            Category category,
            Category shown,
            List<RecordSource> handling,
            Subject subject,
            Path work,
            TranscriptFiles transcripts,
            Tally tally)
            throws IOException {
        Redactions redactions = review.redactions(reference, category.id());
        List<String> columns = new ArrayList<>();
        columns.add("id");
        columns.addAll(category.fields());
        if (category.fileField() != null) {
            columns.add(category.fileField());
        }
        TranscriptRole role = transcriptRole(category);
        Path csv = work.resolve(category.id() + ".csv");
        Path audio = work.resolve(category.id() + ".audio");
        long before = tally.records;

        zip.putNextEntry(new ZipEntry(PackEntryNames.of("data", category.id() + ".json")));
        try (JsonGenerator json = JSON.createGenerator(zip).useDefaultPrettyPrinter();
                BufferedWriter csvOut = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                BufferedWriter audioOut = Files.newBufferedWriter(audio, StandardCharsets.UTF_8)) {
            // People read the CSV: its header names each item as the data map labels it; the JSON keeps the columns.
            csvOut.write(String.join(
                    ",",
                    columns.stream()
                            .map(c -> c.equals("id")
                                    ? (shown == category ? "Record number" : "Rhif y cofnod")
                                    : shown.label(c))
                            .map(PackValues::csv)
                            .toList()));
            csvOut.write("\r\n");
            json.writeStartArray();
            Consumer<Map<String, Object>> write = row -> {
                try {
                    if (category.fileField() != null) {
                        row.put(category.fileField(), recording(category, row, audioOut, tally));
                    }
                    json.writeStartObject();
                    for (String column : columns) {
                        PackValues.json(json, column, row.get(column));
                    }
                    json.writeEndObject();
                    StringBuilder line = new StringBuilder(256);
                    for (int i = 0; i < columns.size(); i++) {
                        if (i > 0) {
                            line.append(',');
                        }
                        line.append(PackValues.csv(row.get(columns.get(i))));
                    }
                    csvOut.write(line.append("\r\n").toString());
                    role.write(transcripts, shown, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                tally.records++;
            };
            for (RecordSource source : handling) {
                source.forEachRecord(category, subject, raw -> {
                    Map<String, Object> row = redactions.apply(raw);
                    if (row == null) {
                        tally.withheld++;
                    } else {
                        write.accept(row);
                    }
                });
                if (category.personLevel()) {
                    // Another caller's records on the subject's account: in the pack only where the reviewer kept them.
                    source.forEachRecordViaAccountOnly(category, subject, raw -> {
                        Map<String, Object> row = redactions.applyViaAccount(raw);
                        if (row == null) {
                            tally.viaAccountLeftOut++;
                        } else {
                            write.accept(row);
                        }
                    });
                }
            }
            json.writeEndArray();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry(PackEntryNames.of("data", category.id() + ".csv")));
        Files.copy(csv, zip);
        zip.closeEntry();
        Files.delete(csv);

        try (BufferedReader lines = Files.newBufferedReader(audio, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                int tab = line.indexOf('\t');
                zip.putNextEntry(new ZipEntry(line.substring(0, tab)));
                Files.copy(
                        recordings
                                .regularFile(line.substring(tab + 1))
                                .orElseThrow(() -> new IOException(
                                        "A recording stopped being a regular file while the pack was built")),
                        zip);
                zip.closeEntry();
            }
        }
        Files.delete(audio);
        tally.sections.add(new CoverLetter.Section(category, tally.records - before));
    }

    /**
     * Where the record's audio goes in the pack; the path is noted in a work file and the audio
     * copied once the category's data entries are closed (a ZIP is written one entry at a time).
     */
    private String recording(Category category, Map<String, Object> row, BufferedWriter audioOut, Tally tally)
            throws IOException {
        Object stored = row.get(category.fileField());
        if (stored == null || Redactions.REDACTED.equals(stored)) {
            return stored == null ? null : Redactions.REDACTED;
        }
        String path = stored.toString();
        if (!recordings.exists(path)) {
            tally.missingRecordings++;
            return null;
        }
        String name = Path.of(path).getFileName().toString();
        String entry = PackEntryNames.of("recordings", category.id(), row.get("id") + "-" + name);
        audioOut.write(entry + "\t" + path + "\n");
        tally.recordings++;
        return entry;
    }

    /** Whether a category's rows feed the chat transcripts: as their header, as their messages, or not at all. */
    private TranscriptRole transcriptRole(Category category) {
        Category messages = dataMap.category(properties.transcriptCategory()).orElse(null);
        if (messages == null
                || messages.parent() == null
                || !messages.fields().contains(messages.parent().column())) {
            return TranscriptRole.NONE;
        }
        if (category.id().equals(messages.id())) {
            return TranscriptRole.MESSAGE;
        }
        if (category.id().equals(messages.parent().category())) {
            return TranscriptRole.HEADER;
        }
        return TranscriptRole.NONE;
    }

    private enum TranscriptRole {
        NONE,
        HEADER,
        MESSAGE;

        void write(TranscriptFiles transcripts, Category category, Map<String, Object> row) {
            switch (this) {
                case HEADER -> {
                    StringBuilder s = new StringBuilder(category.name())
                            .append(' ')
                            .append(row.get("id"))
                            .append('\n');
                    for (String field : category.fields()) {
                        s.append(category.label(field))
                                .append(": ")
                                .append(PackValues.text(row.get(field)))
                                .append('\n');
                    }
                    transcripts.append(
                            ((Number) row.get("id")).longValue(), s.append('\n').toString());
                }
                case MESSAGE -> {
                    String link = category.parent().column();
                    List<String> fields = category.fields().stream()
                            .filter(f -> !f.equals(link))
                            .toList();
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < fields.size(); i++) {
                        String value = PackValues.text(row.get(fields.get(i)));
                        s.append(i == fields.size() - 1 ? (i == 0 ? "" : ": ") : (i == 0 ? "" : " "))
                                .append(value);
                    }
                    Object transcript = row.get(link);
                    if (transcript instanceof Number n) {
                        transcripts.append(n.longValue(), s.append('\n').toString());
                    }
                }
                default -> {}
            }
        }
    }

    /**
     * The category as the requester reads it: in Welsh (names and labels from the data map's
     * {@code cy:} block) for a request in Welsh. Only what the pack shows; rows are found by the category.
     */
    private static Category shown(Request request, Category category) {
        return request.language() == Language.WELSH ? category.inWelsh() : category;
    }

    private void writeCoverLetter(ZipOutputStream zip, Request request, Tally tally, boolean transcripts)
            throws IOException {
        List<CoverLetter.ManualSection> manual = new ArrayList<>();
        for (SubjectSearch.SavedResult saved : search.saved(request.reference())) {
            if (saved.manual()) {
                dataMap.category(saved.categoryId())
                        .ifPresent(c -> manual.add(new CoverLetter.ManualSection(
                                c,
                                saved.recordCount(),
                                saved.manualAnswer(),
                                tally.manualFiles.getOrDefault(c.id(), 0))));
            }
        }
        Map<Decision, Integer> decisions = review.decisionCounts(request.reference());
        CoverLetter.Content content = new CoverLetter.Content(
                dataMap.controller(),
                tally.sections,
                manual,
                decisions.get(Decision.REDACT),
                (int) tally.withheld,
                properties.privacyMailbox(),
                properties.automatedDecisions(request.language() == Language.WELSH),
                properties.internationalTransfers(request.language() == Language.WELSH),
                transcripts,
                tally.recordings > 0);
        String html = letters.document(
                Recipient.requesterInPack(),
                request.reference(),
                CoverLetter.TEMPLATE,
                CoverLetter.values(content, request.language() == Language.WELSH));
        zip.putNextEntry(new ZipEntry("cover-letter.html"));
        zip.write(html.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("cover-letter.pdf"));
        zip.write(CoverLetter.pdf(html));
        zip.closeEntry();
    }

    /** A rebuilt pack replaces one that was never sent; the old file goes at once. */
    private void retireUndelivered(String reference) {
        for (DisclosurePack old : packs.undelivered(reference)) {
            fileStore.delete(old.filePath());
            packs.markDeleted(old.id(), OffsetDateTime.now(clock));
        }
    }

    /** If the engine's transaction rolls back after the pack was written, nothing refers to the file: delete it. */
    private void deleteIfRolledBack(String relative) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        fileStore.delete(relative);
                    }
                }
            });
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A stray work file is removed with the next pack of the request.
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(DisclosurePackBuilder::deleteQuietly);
        } catch (IOException ignored) {
            // The system's temp cleaner removes what is left.
        }
    }
}
