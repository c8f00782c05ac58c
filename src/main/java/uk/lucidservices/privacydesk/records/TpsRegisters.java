package uk.lucidservices.privacydesk.records;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Telephone Preference Service (TPS, people) and Corporate TPS (CTPS, businesses) registers,
 * loaded as the services publish them: a full file, then daily change files. Each number is kept
 * as E.164 with the date it was registered.
 * <p>
 * File formats (CSV, a header line first): full file {@code number,registered_on}; change file
 * {@code action,number,registered_on} with action {@code ADD} or {@code DELETE}. Lines whose number
 * does not parse are skipped and counted, never logged (they are numbers).
 */
@Repository
public class TpsRegisters {

    public enum Register {
        TPS,
        CTPS
    }

    /** What one file did. */
    public record Load(Register register, String kind, LocalDate fileDate, long added, long removed, long skipped) {}

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public TpsRegisters(JdbcTemplate jdbc, PhoneNumbers phoneNumbers, Clock clock) {
        this.jdbc = jdbc;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    /** Replaces the register with a full file. */
    @Transactional
    public Load loadFull(Register register, LocalDate fileDate, Reader csv) {
        long removed = jdbc.update("DELETE FROM records.tps_register WHERE register = ?", register.name());
        long[] counts = {0, 0};
        List<Object[]> batch = new ArrayList<>(BATCH);
        forEachLine(csv, fields -> {
            String e164 = phoneNumbers.keyOrNull(fields[0]);
            if (e164 == null) {
                counts[1]++;
                return;
            }
            batch.add(new Object[] {e164, register.name(), date(fields, 1)});
            if (batch.size() == BATCH) {
                counts[0] += insert(batch);
            }
        });
        counts[0] += insert(batch);
        return record(new Load(register, "FULL", fileDate, counts[0], removed, counts[1]));
    }

    /** Applies a daily change file in two set-based statements: deletions (and re-registrations), then additions. */
    @Transactional
    public Load applyChanges(Register register, LocalDate fileDate, Reader csv) {
        jdbc.update("DELETE FROM records.tps_change_staging");
        long[] skipped = {0};
        List<Object[]> batch = new ArrayList<>(BATCH);
        forEachLine(csv, fields -> {
            String action = fields.length > 1 ? fields[0].trim().toUpperCase(Locale.ROOT) : "";
            String e164 = fields.length > 1 ? phoneNumbers.keyOrNull(fields[1]) : null;
            if (e164 == null || !(action.equals("ADD") || action.equals("DELETE"))) {
                skipped[0]++;
                return;
            }
            batch.add(new Object[] {e164, action, date(fields, 2)});
            if (batch.size() == BATCH) {
                stage(batch);
            }
        });
        stage(batch);
        // Counted before applying: a number deleted and added in one file, or added again, is a change of date.
        long removed = jdbc.queryForObject("""
                SELECT COUNT(*) FROM records.tps_register r WHERE r.register = ?
                  AND r.e164 IN (SELECT e164 FROM records.tps_change_staging WHERE action = 'DELETE')
                  AND r.e164 NOT IN (SELECT e164 FROM records.tps_change_staging WHERE action = 'ADD')""", Long.class, register.name());
        long added = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT s.e164) FROM records.tps_change_staging s WHERE s.action = 'ADD'
                  AND NOT EXISTS (SELECT 1 FROM records.tps_register r WHERE r.register = ? AND r.e164 = s.e164)""", Long.class, register.name());
        jdbc.update("""
                DELETE FROM records.tps_register WHERE register = ?
                  AND e164 IN (SELECT e164 FROM records.tps_change_staging)""", register.name());
        jdbc.update("""
                INSERT INTO records.tps_register (e164, register, registered_on)
                SELECT e164, ?, MAX(registered_on) FROM records.tps_change_staging WHERE action = 'ADD' GROUP BY e164""", register.name());
        jdbc.update("DELETE FROM records.tps_change_staging");
        return record(new Load(register, "CHANGES", fileDate, added, removed, skipped[0]));
    }

    /** The date a number was registered, if it is on the register. */
    public Optional<LocalDate> registeredOn(Register register, String rawNumber) {
        String e164 = phoneNumbers.keyOrNull(rawNumber);
        if (e164 == null) {
            return Optional.empty();
        }
        return jdbc
                .queryForList(
                        "SELECT registered_on FROM records.tps_register WHERE e164 = ? AND register = ?",
                        LocalDate.class,
                        e164,
                        register.name())
                .stream()
                .findFirst();
    }

    public long size(Register register) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.tps_register WHERE register = ?", Long.class, register.name());
        return n == null ? 0 : n;
    }

    private int insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("INSERT INTO records.tps_register (e164, register, registered_on) VALUES (?, ?, ?)", batch);
        int n = batch.size();
        batch.clear();
        return n;
    }

    private void stage(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO records.tps_change_staging (e164, action, registered_on) VALUES (?, ?, ?)", batch);
            batch.clear();
        }
    }

    private Load record(Load load) {
        jdbc.update(
                """
                INSERT INTO records.tps_register_load (register, kind, file_date, loaded_at, added, removed, skipped)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                load.register().name(),
                load.kind(),
                load.fileDate(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                load.added(),
                load.removed(),
                load.skipped());
        return load;
    }

    private static LocalDate date(String[] fields, int index) {
        return fields.length > index && !fields[index].isBlank() ? LocalDate.parse(fields[index].trim()) : null;
    }

    private interface LineHandler {
        void handle(String[] fields);
    }

    private static void forEachLine(Reader csv, LineHandler handler) {
        try (BufferedReader in = new BufferedReader(csv)) {
            String line = in.readLine(); // the header
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    handler.handle(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The register file could not be read", e);
        }
    }
}
