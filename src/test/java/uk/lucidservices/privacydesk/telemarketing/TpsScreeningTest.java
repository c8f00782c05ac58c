package uk.lucidservices.privacydesk.telemarketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.DeskProperties;
import uk.lucidservices.privacydesk.records.LeadScreening;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.records.TelemarketingLeads;
import uk.lucidservices.privacydesk.records.TpsRegisters;
import uk.lucidservices.privacydesk.records.TpsRegisters.Register;
import uk.lucidservices.privacydesk.telemarketing.DialList.Removal;
import uk.lucidservices.privacydesk.telemarketing.TelemarketingImport.ConsentEvidence;
import uk.lucidservices.privacydesk.telemarketing.TelemarketingImport.Lead;

/**
 * Issue 15 §3: the TPS and CTPS registers load as published (full file, then daily changes, each
 * number with its registration date); every lead is screened at import and every screening is
 * dated; a dial list applies every rule together and counts what each removed. The numbers are
 * made up in Ofcom's drama ranges 01632 961xxx and 07700 901xxx, which no demo person has.
 * Today is Monday 15 June 2026 (TestClock).
 */
class TpsScreeningTest extends DeskIntegrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    TpsRegisters registers;

    @Autowired
    LeadScreening screening;

    @Autowired
    TelemarketingImport imports;

    @Autowired
    DialList dialList;

    @Autowired
    SuppressionList suppression;

    @Autowired
    TelemarketingLeads leads;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void aFullFileThenADailyChangeFileKeepEachNumbersRegistrationDate() {
        TpsRegisters.Load full = registers.loadFull(Register.CTPS, LocalDate.of(2026, 6, 1), new StringReader("""
                number,registered_on
                01632 961001,2019-03-04
                +44 1632 961002,2024-11-30
                not a number,2020-01-01
                """));
        assertThat(full).isEqualTo(new TpsRegisters.Load(Register.CTPS, "FULL", LocalDate.of(2026, 6, 1), 2, 0, 1));
        assertThat(registers.registeredOn(Register.CTPS, "01632961001")).contains(LocalDate.of(2019, 3, 4));

        TpsRegisters.Load changes =
                registers.applyChanges(Register.CTPS, LocalDate.of(2026, 6, 2), new StringReader("""
                action,number,registered_on
                ADD,01632 961003,2026-06-01
                DELETE,01632 961001,
                ADD,01632 961002,2026-06-01
                """));
        assertThat(changes)
                .isEqualTo(new TpsRegisters.Load(Register.CTPS, "CHANGES", LocalDate.of(2026, 6, 2), 1, 1, 0));
        assertThat(registers.registeredOn(Register.CTPS, "01632 961001")).isEmpty();
        assertThat(registers.registeredOn(Register.CTPS, "01632 961002"))
                .as("registered again: the new date")
                .contains(LocalDate.of(2026, 6, 1));
        assertThat(registers.registeredOn(Register.CTPS, "01632 961003")).contains(LocalDate.of(2026, 6, 1));
        assertThat(registers.size(Register.CTPS)).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM records.tps_register_load WHERE register = 'CTPS'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aLeadIsScreenedAtImportAndAgainWhenTheRegisterChangesWithEveryScreeningDated() {
        registers.applyChanges(Register.TPS, LocalDate.of(2026, 6, 14), new StringReader("""
                action,number,registered_on
                ADD,07700 901011,2026-06-13
                """));
        String source = source();
        long onTps = imported(source, "07700 901011", true);
        long clear = imported(source, "07700 901012", true);

        assertThat(status(onTps)).isEqualTo("TPS");
        assertThat(status(clear)).isEqualTo("CLEAR");
        assertThat(screening.screenings(clear)).containsExactly(TODAY);

        registers.applyChanges(Register.TPS, LocalDate.of(2026, 6, 15), new StringReader("""
                action,number,registered_on
                ADD,07700 901012,2026-06-15
                """));
        screening.screenAll();

        assertThat(status(clear)).isEqualTo("TPS");
        assertThat(screening.screenings(clear)).containsExactly(TODAY, TODAY);
        assertThat(jdbc.queryForObject(
                        "SELECT tps_checked_on FROM records.tm_lead WHERE id = ?", LocalDate.class, clear))
                .isEqualTo(TODAY);
    }

    @Test
    void consentThatDidNotNameLucidMakesALeadNotCallable() {
        String source = source();
        long named = imported(source, "01632 961021", true);
        long notNamed = imported(source, "01632 961022", false);

        assertThat(jdbc.queryForMap(
                        "SELECT consent_source, consent_wording, consent_names_lucid FROM records.tm_lead WHERE id = ?",
                        notNamed))
                .containsEntry("consent_source", "Prize draw form, www.example-prizes.co.uk")
                .containsEntry("consent_names_lucid", false);
        assertThat(dialList.build(source).callable())
                .extracting(DialList.Entry::leadId)
                .containsExactly(named);
    }

    @Test
    void aDialListAppliesEveryRuleTogetherAndSaysHowManyEachRemoved() {
        registers.applyChanges(
                Register.TPS, TODAY, new StringReader("action,number,registered_on\nADD,01632 961032,2020-01-01\n"));
        registers.applyChanges(
                Register.CTPS, TODAY, new StringReader("action,number,registered_on\nADD,01632 961033,2021-01-01\n"));
        String source = source();
        long callable = imported(source, "01632 961031", true);
        imported(source, "01632 961032", true); // on TPS
        imported(source, "01632 961033", true); // on CTPS
        long stale = imported(source, "01632 961034", true); // last screened 29 days ago
        long edge = imported(source, "01632 961035", true); // last screened 28 days ago: still valid
        long objected = imported(source, "01632 961036", true);
        long erased = imported(source, "01632 961037", true);
        long doNotCall = imported(source, "01632 961038", true);
        imported(source, "01632 961039", false); // consent did not name Lucid
        // 15 June 2026 less 29 days is 17 May; less 28 days, 18 May.
        jdbc.update(
                "UPDATE records.tm_lead_screening SET screened_on = ? WHERE lead_id = ?",
                LocalDate.of(2026, 5, 17),
                stale);
        jdbc.update(
                "UPDATE records.tm_lead_screening SET screened_on = ? WHERE lead_id = ?",
                LocalDate.of(2026, 5, 18),
                edge);
        suppression.suppress("OBJ-TEST-15", List.of("+441632961036"), List.of(), "Marketing objection");
        suppression.suppress("ERA-TEST-15", List.of("+441632961037"), List.of(), SuppressionList.ERASURE);
        jdbc.update("UPDATE records.tm_lead SET do_not_call = TRUE WHERE id = ?", doNotCall);

        DialList.Result list = dialList.build(source);

        assertThat(list.builtOn()).isEqualTo(TODAY);
        assertThat(list.considered()).isEqualTo(9);
        assertThat(list.callable()).extracting(DialList.Entry::leadId).containsExactly(callable, edge);
        assertThat(list.removed())
                .containsOnly(
                        entry(Removal.NOT_SCREENED_IN_28_DAYS, 1),
                        entry(Removal.TPS, 1),
                        entry(Removal.CTPS, 1),
                        entry(Removal.SUPPRESSED, 1),
                        entry(Removal.OBJECTED, 1),
                        entry(Removal.DO_NOT_CALL, 1),
                        entry(Removal.CONSENT_DID_NOT_NAME_LUCID, 1));
        assertThat(objected).isNotEqualTo(erased);
    }

    @Test
    void theDemoProfileLoadsSyntheticRegisterFilesAndScreensItsLeadsOnce() throws Exception {
        TpsDemoData demo = new TpsDemoData(
                registers, imports, leads, clock, new DeskProperties(Path.of("target/test-data"), null, null));
        demo.generate();
        demo.generate();

        assertThat(Path.of("target/test-data/tps/tps-full-2026-06-08.csv")).exists();
        assertThat(Files.readString(Path.of("target/test-data/tps/tps-changes-2026-06-14.csv")))
                .isEqualTo("action,number,registered_on\nADD,01632 962001,2026-06-14\nDELETE,01632 962005,\n");
        DialList.Result list = dialList.build(TpsDemoData.SOURCE);
        // 40 leads. TPS: every fifth (0, 5, ... 35) less 5, plus 1: 8. CTPS: every seventh not on TPS (7, 14, 21, 28):
        // 4.
        // Consent not naming Lucid: 3, 7, 11, ... 39: 10. Removed by any: 8 + 4 + 10 - {15, 35} - {7} = 19; callable
        // 21.
        assertThat(list.considered()).isEqualTo(40);
        assertThat(list.removed())
                .containsEntry(Removal.TPS, 8)
                .containsEntry(Removal.CTPS, 4)
                .containsEntry(Removal.CONSENT_DID_NOT_NAME_LUCID, 10)
                .containsEntry(Removal.NOT_SCREENED_IN_28_DAYS, 0);
        assertThat(list.callable()).hasSize(21);
    }

    private long imported(String source, String phone, boolean namedLucid) {
        ConsentEvidence evidence = new ConsentEvidence(
                "Prize draw form, www.example-prizes.co.uk",
                LocalDate.of(2026, 5, 1),
                namedLucid
                        ? "I agree that Lucid Services may call me about business phone systems."
                        : "I agree that selected partners may contact me.",
                namedLucid);
        TelemarketingImport.Result result = imports.importLead(
                new Lead(source, "Lead " + phone, "Test Ltd", null, phone, true, null, null, null, evidence));
        assertThat(result.imported()).as(result.refusal()).isTrue();
        return result.leadId();
    }

    private String status(long leadId) {
        return jdbc.queryForObject("SELECT tps_status FROM records.tm_lead WHERE id = ?", String.class, leadId);
    }

    /** Each test's leads under a source of their own, so a dial list sees only them. */
    private static String source() {
        return "Test list " + UUID.randomUUID();
    }
}
