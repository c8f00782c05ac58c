package uk.lucidservices.privacydesk.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Art. 20: the data the person provided, in a structured, commonly used, machine-readable form.
 * Only the data map's categories marked as provided by the subject ({@code provided-fields}), only
 * those fields, and only the person's own rows (never another caller's on a shared account), each
 * category as {@code data/<id>.json} and {@code data/<id>.csv} in a ZIP in the pack store. The pack
 * is a disclosure pack like any other: approved by a second officer and delivered by the same
 * one-time link to a verified address ({@code sendPackLink}), or by hand.
 */
@Service
public class PortabilityPackBuilder {

    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** What went into the pack, for the officer who approves it (no personal data). */
    public record Built(DisclosurePack pack, int categories) {}

    private final DataMap dataMap;
    private final RecordSources sources;
    private final VerifiedIdentifiers identifiers;
    private final DisclosurePacks packs;
    private final RequestRegister register;
    private final FileStore fileStore;
    private final Clock clock;

    public PortabilityPackBuilder(
            DataMap dataMap,
            RecordSources sources,
            VerifiedIdentifiers identifiers,
            DisclosurePacks packs,
            RequestRegister register,
            FileStore fileStore,
            Clock clock) {
        this.dataMap = dataMap;
        this.sources = sources;
        this.identifiers = identifiers;
        this.packs = packs;
        this.register = register;
        this.fileStore = fileStore.area(FileStore.PACKS);
        this.clock = clock;
    }

    /** The categories a portability pack holds, in the data map's order. */
    public List<Category> portableCategories() {
        return dataMap.searchable().stream().filter(Category::providedBySubject).toList();
    }

    public Built build(String reference, String preparedBy) {
        Subject subject = identifiers.subject(reference);
        for (DisclosurePack old : packs.undelivered(reference)) {
            fileStore.delete(old.filePath());
            packs.markDeleted(old.id(), OffsetDateTime.now(clock));
        }
        String id = UUID.randomUUID().toString();
        String relative = "packs/" + reference + "/" + id + ".zip";
        Path target = fileStore.resolve(relative);
        Path part = target.resolveSibling(id + ".zip.part");
        long records = 0;
        List<Category> written = new ArrayList<>();
        try {
            Files.createDirectories(target.getParent());
            try (ZipOutputStream zip =
                    new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16))) {
                for (Category category : portableCategories()) {
                    List<RecordSource> handling = sources.handling(category);
                    if (handling.isEmpty()) {
                        continue;
                    }
                    records += writeCategory(zip, category, handling, subject);
                    written.add(category);
                }
                zip.putNextEntry(new ZipEntry("README.txt"));
                boolean welsh = register.get(reference).language() == Language.WELSH;
                zip.write(readme(written, welsh).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            DisclosurePackBuilder.move(part, target);
            DisclosurePack pack = new DisclosurePack(
                    id,
                    reference,
                    relative,
                    Files.size(target),
                    records,
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
                    register.get(reference).id(),
                    "PORTABLE_PACK_BUILT",
                    preparedBy == null ? "desk" : preparedBy,
                    "pack=" + id + "; categories=" + written.size() + "; records=" + records + "; bytes="
                            + pack.sizeBytes());
            return new Built(pack, written.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the portability pack for " + reference, e);
        } finally {
            DisclosurePackBuilder.deleteQuietly(part);
        }
    }

    /** JSON first, then CSV: two passes over the person's rows, so no row is held longer than it is written. */
    private long writeCategory(ZipOutputStream zip, Category category, List<RecordSource> handling, Subject subject)
            throws IOException {
        List<String> columns = category.providedFields();
        long[] count = {0};
        zip.putNextEntry(new ZipEntry(PackEntryNames.of("data", category.id() + ".json")));
        try (JsonGenerator json = JSON.createGenerator(zip).useDefaultPrettyPrinter()) {
            json.writeStartArray();
            for (RecordSource source : handling) {
                source.forEachRecord(category, subject, row -> {
                    try {
                        json.writeStartObject();
                        for (String column : columns) {
                            PackValues.json(json, column, row.get(column));
                        }
                        json.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count[0]++;
                });
            }
            json.writeEndArray();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();

        zip.putNextEntry(new ZipEntry(PackEntryNames.of("data", category.id() + ".csv")));
        Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        csv.write(String.join(",", columns.stream().map(PackValues::csv).toList()));
        csv.write("\r\n");
        try {
            for (RecordSource source : handling) {
                source.forEachRecord(category, subject, row -> {
                    try {
                        csv.write(String.join(
                                ",",
                                columns.stream()
                                        .map(column -> PackValues.csv(row.get(column)))
                                        .toList()));
                        csv.write("\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
        zip.closeEntry();
        return count[0];
    }

    /** What the pack holds, in the requester's language (the data map's Welsh names for a Welsh request). */
    static String readme(List<Category> categories, boolean welsh) {
        StringBuilder text = new StringBuilder(
                welsh
                        ? "Y data personol a roesoch i ni, yn JSON a CSV (Erthygl 20 GDPR y DU).\r\n"
                                + "Mae pob categori yn un ffeil JSON ac un ffeil CSV gyda'r un colofnau.\r\n\r\n"
                        : "The personal data you provided to us, in JSON and CSV (UK GDPR Article 20).\r\n"
                                + "Each category is one JSON file and one CSV file with the same columns.\r\n\r\n");
        for (Category written : categories) {
            Category category = welsh ? written.inWelsh() : written;
            text.append("data/")
                    .append(category.id())
                    .append(": ")
                    .append(category.name())
                    .append(" (")
                    .append(category.system())
                    .append(welsh ? "), meysydd: " : "), fields: ")
                    .append(String.join(", ", category.providedFields()))
                    .append("\r\n");
        }
        return text.toString();
    }

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
}
