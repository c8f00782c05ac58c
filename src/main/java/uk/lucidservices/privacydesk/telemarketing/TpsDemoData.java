package uk.lucidservices.privacydesk.telemarketing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.DeskProperties;
import uk.lucidservices.privacydesk.records.TelemarketingLeads;
import uk.lucidservices.privacydesk.records.TpsRegisters;
import uk.lucidservices.privacydesk.records.TpsRegisters.Register;
import uk.lucidservices.privacydesk.telemarketing.TelemarketingImport.ConsentEvidence;
import uk.lucidservices.privacydesk.telemarketing.TelemarketingImport.Lead;

/**
 * Demo profile only: synthetic TPS and CTPS files (a full file each and a daily change file, written
 * to {@code <data-dir>/tps/} so a newcomer can read them) loaded as the real ones would be, and a
 * list of demo leads imported with consent evidence and screened, so the registers, the screening
 * dates and a dial list have something to show. Numbers are in Ofcom's drama range 01632 962xxx.
 * Idempotent: nothing happens when the demo list's leads are already there.
 */
@Component
@ConditionalOnProperty(name = "desk.demo.data.enabled", havingValue = "true")
class TpsDemoData {

    static final String SOURCE = "Demo lead list (synthetic)";
    static final int LEADS = 40;

    private final TpsRegisters registers;
    private final TelemarketingImport imports;
    private final TelemarketingLeads leads;
    private final Clock clock;
    private final Path folder;

    TpsDemoData(
            TpsRegisters registers,
            TelemarketingImport imports,
            TelemarketingLeads leads,
            Clock clock,
            DeskProperties desk) {
        this.registers = registers;
        this.imports = imports;
        this.leads = leads;
        this.clock = clock;
        this.folder = desk.dataDir().resolve("tps");
    }

    @EventListener(ApplicationStartedEvent.class)
    void generate() {
        if (leads.countFrom(SOURCE) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate fullDate = today.minusDays(7);
        // Every fifth number is on TPS, every seventh on CTPS; the change file adds one more and removes one.
        StringBuilder tps = new StringBuilder("number,registered_on\n");
        StringBuilder ctps = new StringBuilder("number,registered_on\n");
        for (int i = 0; i < LEADS; i++) {
            if (i % 5 == 0) {
                tps.append(number(i))
                        .append(',')
                        .append(LocalDate.of(2015, 1, 1).plusDays(97L * i))
                        .append('\n');
            } else if (i % 7 == 0) {
                ctps.append(number(i))
                        .append(',')
                        .append(LocalDate.of(2018, 1, 1).plusDays(61L * i))
                        .append('\n');
            }
        }
        String changes = "action,number,registered_on\nADD," + number(1) + "," + today.minusDays(1) + "\nDELETE,"
                + number(5) + ",\n";
        load(Register.TPS, "full", fullDate, tps.toString(), true);
        load(Register.CTPS, "full", fullDate, ctps.toString(), true);
        load(Register.TPS, "changes", today.minusDays(1), changes, false);
        for (int i = 0; i < LEADS; i++) {
            boolean namedLucid = i % 4 != 3;
            imports.importLead(new Lead(
                    SOURCE,
                    "Demo lead " + (i + 1),
                    "Demo Trading " + (i + 1) + " Ltd",
                    null,
                    number(i),
                    true,
                    null,
                    null,
                    null,
                    new ConsentEvidence(
                            "Web form, www.example-offers.co.uk/business-phones",
                            today.minusDays(30 + i),
                            namedLucid
                                    ? "Tick to let Lucid Services Ltd call you about business phone systems."
                                    : "Tick to hear from our carefully selected partners.",
                            namedLucid)));
        }
    }

    private static String number(int i) {
        return "01632 962%03d".formatted(i);
    }

    private void load(Register register, String kind, LocalDate date, String csv, boolean full) {
        Path file = folder.resolve(register.name().toLowerCase() + "-" + kind + "-" + date + ".csv");
        try {
            Files.createDirectories(folder);
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                if (full) {
                    registers.loadFull(register, date, in);
                } else {
                    registers.applyChanges(register, date, in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the demo register file " + file.getFileName(), e);
        }
    }
}
