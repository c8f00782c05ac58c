package uk.lucidservices.privacydesk.bench;

import java.io.StringReader;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.records.LeadScreening;
import uk.lucidservices.privacydesk.records.TpsRegisters;

/**
 * TPS screening at the registers' real size: a register of {@code registerSize} numbers (TPS holds
 * about 17 million) and {@code leads} leads (half of them on it), filled set-based in SQL; then the
 * database's floor, a bare anti-join counting the leads not on the register, timed beside the
 * desk's own screening pass (LeadScreening.screenAll: a dated screening row for every lead, then
 * each lead's state), and a daily change file of {@code changes} lines loaded through TpsRegisters.
 * Memory: the JVM's peak heap during each step (sampled), and the database's temporary files.
 */
final class TpsScreeningWorkload {

    record Result(
            long registerRows,
            long leads,
            double fillSeconds,
            double antiJoinSeconds,
            long notOnRegister,
            double screenSeconds,
            long screened,
            long clear,
            double changeSeconds,
            TpsRegisters.Load change,
            long antiJoinPeakHeapMiB,
            long screenPeakHeapMiB,
            long changePeakHeapMiB,
            long screenTempMiB,
            long antiJoinTempMiB) {}

    // UK mobile numbers 07400 000001 onwards: valid to libphonenumber, so the change file parses as a real one would.
    private static final String BASE = "7400000000";

    private final JdbcTemplate jdbc;
    private final LeadScreening screening;
    private final TpsRegisters registers;

    TpsScreeningWorkload(JdbcTemplate jdbc, LeadScreening screening, TpsRegisters registers) {
        this.jdbc = jdbc;
        this.screening = screening;
        this.registers = registers;
    }

    Result run(int registerSize, int leads, int changes) {
        long t0 = System.nanoTime();
        // Register: +44 7400000001 onwards, registerSize numbers. Leads: every other one of twice that range,
        // so about half the leads are on the register, spread over it.
        jdbc.update("""
                INSERT INTO records.tps_register (e164, register, registered_on)
                SELECT '+44' || (%s + g)::text, 'TPS', DATE '2005-01-01' + (g %% 7000) FROM generate_series(1, ?) g""".formatted(BASE), registerSize);
        long step = Math.max(1, (2L * registerSize) / Math.max(1, leads));
        jdbc.update("""
                INSERT INTO records.tm_lead (source, name, phone, phone_key, consent, tps_status, imported_on, consent_names_lucid)
                SELECT 'Bench TPS list', 'Bench lead ' || g, '0' || (%s + g * %d)::text, '+44' || (%s + g * %d)::text,
                       TRUE, 'UNCHECKED', DATE '2026-01-01', TRUE FROM generate_series(1, ?) g""".formatted(BASE, step, BASE, step), leads);
        jdbc.execute("VACUUM ANALYZE records.tps_register");
        jdbc.execute("VACUUM ANALYZE records.tm_lead");
        double fill = (System.nanoTime() - t0) / 1e9;
        long registerRows =
                jdbc.queryForObject("SELECT COUNT(*) FROM records.tps_register WHERE register = 'TPS'", Long.class);
        long allLeads =
                jdbc.queryForObject("SELECT COUNT(*) FROM records.tm_lead WHERE phone_key IS NOT NULL", Long.class);

        long[] notOn = new long[1];
        long antiTemp = tempBytes();
        Measured anti = measure(() -> notOn[0] = jdbc.queryForObject("""
                SELECT COUNT(*) FROM records.tm_lead l WHERE l.phone_key IS NOT NULL AND NOT EXISTS
                  (SELECT 1 FROM records.tps_register t WHERE t.e164 = l.phone_key AND t.register = 'TPS')""", Long.class));
        antiTemp = tempBytes() - antiTemp;

        long[] screened = new long[1];
        long screenTemp = tempBytes();
        Measured screen = measure(() -> screened[0] = screening.screenAll());
        screenTemp = tempBytes() - screenTemp;
        long clear = jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.tm_lead WHERE phone_key IS NOT NULL AND tps_status <> 'TPS'", Long.class);

        StringBuilder file = new StringBuilder("action,number,registered_on\n");
        for (int i = 1; i <= changes; i++) {
            // Half new registrations beyond the register, half removals of registered numbers.
            long number = i % 2 == 0 ? Long.parseLong(BASE) + registerSize + i : Long.parseLong(BASE) + i;
            file.append(i % 2 == 0 ? "ADD" : "DELETE")
                    .append(",0")
                    .append(number)
                    .append(',')
                    .append(i % 2 == 0 ? "2026-06-14" : "")
                    .append('\n');
        }
        TpsRegisters.Load[] load = new TpsRegisters.Load[1];
        Measured change = measure(() -> load[0] = registers.applyChanges(
                TpsRegisters.Register.TPS, LocalDate.of(2026, 6, 14), new StringReader(file.toString())));
        return new Result(
                registerRows,
                allLeads,
                fill,
                anti.seconds(),
                notOn[0],
                screen.seconds(),
                screened[0],
                clear,
                change.seconds(),
                load[0],
                anti.peakHeapMiB(),
                screen.peakHeapMiB(),
                change.peakHeapMiB(),
                screenTemp >> 20,
                antiTemp >> 20);
    }

    private record Measured(double seconds, long peakHeapMiB) {}

    private static Measured measure(Runnable work) {
        HeapPeak.reset();
        long t = System.nanoTime();
        work.run();
        return new Measured((System.nanoTime() - t) / 1e9, HeapPeak.mebibytes());
    }

    private long tempBytes() {
        Long bytes = jdbc.queryForObject(
                "SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()", Long.class);
        return bytes == null ? 0 : bytes;
    }
}
