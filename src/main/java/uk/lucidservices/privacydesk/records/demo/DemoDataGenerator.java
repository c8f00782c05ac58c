package uk.lucidservices.privacydesk.records.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.PhoneNumbers;

/**
 * Fills the company's systems with realistic, deterministic demo data: the same seed and size
 * give the same rows on every machine. Idempotent: it does nothing when the CRM already holds
 * accounts. Every tenth person is in every system under differently written numbers and emails.
 */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    static final int MAX_PEOPLE = 1000;
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2024, 1, 8, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final String[] AGENTS = {"Sam Porter", "Dee Khan", "Alex Reid", "Jo Marsh"};
    private static final String[] PRODUCTS = {
        "Hosted VoIP 10 seats", "SIP trunk x4", "CCTV 8-camera kit", "Broadband 80/20", "CCTV maintenance"
    };
    private static final String[] SOURCES = {"DataLeads UK Ltd", "B2B Contacts Direct", "Prospect Lists plc"};

    private final JdbcTemplate jdbc;
    private final PhoneNumbers phones;
    private final FileStore files;

    public DemoDataGenerator(JdbcTemplate jdbc, PhoneNumbers phones, FileStore files) {
        this.jdbc = jdbc;
        this.phones = phones;
        this.files = files;
    }

    public boolean alreadyGenerated() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM records.crm_account", Integer.class);
        return n != null && n > 0;
    }

    /** Generates demo data for {@code people} people unless some is already there. */
    @Transactional
    public boolean generate(int people, long seed) {
        if (people < 1 || people > MAX_PEOPLE) {
            throw new IllegalArgumentException("desk.demo.data.people must be between 1 and " + MAX_PEOPLE
                    + " (the drama number ranges hold 1,000 numbers); use the bench filler for volume");
        }
        if (alreadyGenerated()) {
            return false;
        }
        Random random = new Random(seed);
        // The billing, porting, directory and CCTV rows draw from their own sequence, so the rows the
        // older tables get (and the tests written against them) stay what they were.
        Random telecoms = new Random(seed * 31 + 7);
        int audio = 0;
        int clips = 0;
        for (int i = 0; i < people; i++) {
            DemoPerson p = DemoPeople.person(i);
            boolean all = p.everywhere();
            Long accountId = null;
            if (all || random.nextInt(100) < 55) {
                accountId = account(p, random);
            }
            if (all || (accountId == null && random.nextInt(100) < 15)) {
                contact(p, accountId != null ? accountId : anyAccount());
            }
            if (all || (accountId != null && random.nextInt(100) < 12)) {
                complaint(p, accountId, random, i);
            }
            int calls = all ? 3 : (accountId != null ? random.nextInt(4) : random.nextInt(2));
            for (int c = 0; c < calls; c++) {
                callRecording(p, accountId, random, c, "recordings/inbound/call-%05d.wav".formatted(++audio));
            }
            if (all || random.nextInt(100) < 30) {
                long lead = lead(p, random);
                int tmCalls = all ? 2 : random.nextInt(3);
                for (int c = 0; c < tmCalls; c++) {
                    tmCall(lead, random, "recordings/telemarketing/call-%05d.wav".formatted(++audio));
                }
            }
            if (all || random.nextInt(100) < 20) {
                chat(p, random, i);
            }
            if (all || random.nextInt(100) < 30) {
                webEnquiry(p, random);
            }
            if (accountId != null) {
                billingAndLines(p, accountId, telecoms, all);
            }
            if (all || telecoms.nextInt(100) < 5) {
                cctvClip(p, telecoms, "recordings/cctv/clip-%05d.mp4".formatted(++clips));
            }
        }
        noise(random);
        log.info("Demo data generated for {} people ({} audio files)", people, audio);
        return true;
    }

    private long account(DemoPerson p, Random random) {
        LocalDate opened = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2000));
        // Some customers have left (no test claims these people): the relationship-end sweep's demo.
        LocalDate closed = p.index() % 100 == 97 ? LocalDate.of(2025, 3, 31) : null;
        jdbc.update(
                """
                INSERT INTO records.crm_account (account_number, name, company, email, email_key, phone, phone_key,
                    address, status, opened_on, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                p.accountNumber(),
                p.name(),
                p.lastName() + " Trading Ltd",
                p.emailIn(0),
                Emails.key(p.emailIn(0)),
                p.phoneIn(0),
                phones.keyOrNull(p.phoneIn(0)),
                (10 + p.index()) + " High Street, Anytown AN1 1AA",
                closed == null ? "ACTIVE" : "CLOSED",
                opened,
                closed);
        long id = jdbc.queryForObject(
                "SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, p.accountNumber());
        int contracts = 1 + random.nextInt(2);
        for (int c = 0; c < contracts; c++) {
            jdbc.update(
                    """
                    INSERT INTO records.contract (account_id, contract_ref, product, monthly_fee, start_date)
                    VALUES (?, ?, ?, ?, ?)""",
                    id,
                    "CT-%06d-%d".formatted(p.index(), c),
                    PRODUCTS[random.nextInt(PRODUCTS.length)],
                    20 + random.nextInt(200),
                    opened.plusDays(c * 90L));
        }
        return id;
    }

    private Long anyAccount() {
        return jdbc.query(
                "SELECT MIN(id) FROM records.crm_account", rs -> rs.next() ? (Long) rs.getObject(1, Long.class) : null);
    }

    private void contact(DemoPerson p, Long accountId) {
        if (accountId == null) {
            return;
        }
        jdbc.update(
                """
                INSERT INTO records.crm_contact (account_id, name, role, email, email_key, phone, phone_key)
                VALUES (?, ?, 'Site contact', ?, ?, ?, ?)""",
                accountId,
                p.name(),
                p.emailIn(1),
                Emails.key(p.emailIn(1)),
                p.phoneIn(1),
                phones.keyOrNull(p.phoneIn(1)));
    }

    private void complaint(DemoPerson p, Long accountId, Random random, int i) {
        DemoPerson other = DemoPeople.person(i + 1);
        jdbc.update(
                """
                INSERT INTO records.complaint (account_id, reference, complainant_name, complainant_email, email_key,
                    complainant_phone, phone_key, category, details, others_involved, received_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CLOSED')""",
                accountId,
                "CRM-C-%05d".formatted(i),
                p.name(),
                p.emailIn(2),
                Emails.key(p.emailIn(2)),
                p.phoneIn(2),
                phones.keyOrNull(p.phoneIn(2)),
                random.nextBoolean() ? "SERVICE_BILLING" : "OTHER",
                "Billed twice for line rental; engineer " + AGENTS[random.nextInt(AGENTS.length)] + " did not attend.",
                "Installer: " + other.name(),
                EPOCH.plusDays(random.nextInt(600)));
    }

    private void callRecording(DemoPerson p, Long accountId, Random random, int c, String audioPath) {
        String cli = p.phoneIn(3 + c);
        files.write(audioPath, Wav.silence(250));
        jdbc.update(
                """
                INSERT INTO records.call_recording (account_id, cli, cli_key, dialled_number, started_at,
                    duration_seconds, agent_name, audio_file) VALUES (?, ?, ?, '0330 088 1234', ?, ?, ?, ?)""",
                accountId,
                cli,
                phones.keyOrNull(cli),
                EPOCH.plusMinutes(random.nextInt(900_000)),
                30 + random.nextInt(900),
                AGENTS[random.nextInt(AGENTS.length)],
                audioPath);
    }

    private long lead(DemoPerson p, Random random) {
        boolean consent = random.nextInt(100) < 90;
        jdbc.update(
                """
                INSERT INTO records.tm_lead (source, name, company, email, email_key, phone, phone_key, consent,
                    consent_on, tps_status, tps_checked_on, imported_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                SOURCES[random.nextInt(SOURCES.length)],
                p.name(),
                p.lastName() + " & Co",
                p.emailIn(3),
                Emails.key(p.emailIn(3)),
                p.phoneIn(2),
                phones.keyOrNull(p.phoneIn(2)),
                consent,
                consent ? LocalDate.of(2025, 3, 1).plusDays(random.nextInt(300)) : null,
                random.nextInt(10) == 0 ? "CTPS" : "CLEAR",
                LocalDate.of(2026, 6, 1).plusDays(random.nextInt(100)),
                LocalDate.of(2025, 4, 1).plusDays(random.nextInt(300)));
        return jdbc.queryForObject("SELECT MAX(id) FROM records.tm_lead", Long.class);
    }

    private void tmCall(long leadId, Random random, String audioPath) {
        files.write(audioPath, Wav.silence(250));
        jdbc.update(
                """
                INSERT INTO records.tm_call_recording (lead_id, started_at, duration_seconds, agent_name, outcome, audio_file)
                VALUES (?, ?, ?, ?, ?, ?)""",
                leadId,
                EPOCH.plusMinutes(random.nextInt(900_000)),
                20 + random.nextInt(300),
                AGENTS[random.nextInt(AGENTS.length)],
                random.nextBoolean() ? "CALL_BACK" : "NOT_INTERESTED",
                audioPath);
    }

    private void chat(DemoPerson p, Random random, int i) {
        OffsetDateTime start = EPOCH.plusMinutes(random.nextInt(900_000));
        String agent = AGENTS[random.nextInt(AGENTS.length)];
        jdbc.update("""
                INSERT INTO records.chat_transcript (visitor_name, visitor_email, email_key, agent_name, started_at, ended_at)
                VALUES (?, ?, ?, ?, ?, ?)""", p.firstName(), p.emailIn(i), Emails.key(p.emailIn(i)), agent, start, start.plusMinutes(12));
        long transcript = jdbc.queryForObject("SELECT MAX(id) FROM records.chat_transcript", Long.class);
        String[][] lines = {
            {"VISITOR", "Hi, I'm asking about a quote for hosted phones."},
            {"AGENT", "Hello, this is " + agent + ". How many seats do you need?"},
            {"VISITOR", "About ten. My colleague " + DemoPeople.person(i + 2).firstName() + " will sign off."},
            {"AGENT", "Thanks, I'll email a quotation today."}
        };
        int n = 2 + random.nextInt(3);
        for (int m = 0; m < n; m++) {
            jdbc.update(
                    "INSERT INTO records.chat_message (transcript_id, sent_at, sender, body) VALUES (?, ?, ?, ?)",
                    transcript,
                    start.plusMinutes(m * 2L),
                    lines[m][0],
                    lines[m][1]);
        }
    }

    private void webEnquiry(DemoPerson p, Random random) {
        String[] forms = {"CONTACT", "QUOTATION", "ENQUIRY"};
        String[] campaigns = {"spring-cctv-offer", null, "voip-switch-2026"};
        String[] clicks = {"google-organic", "google-ads", "linkedin", "direct"};
        jdbc.update(
                """
                INSERT INTO records.web_enquiry (form_type, name, company, email, email_key, phone, phone_key, message,
                    campaign, last_click_source, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                forms[random.nextInt(3)],
                p.name(),
                p.lastName() + " Ltd",
                p.emailIn(2),
                Emails.key(p.emailIn(2)),
                p.phoneIn(4),
                phones.keyOrNull(p.phoneIn(4)),
                "Please call me about CCTV for our warehouse.",
                campaigns[random.nextInt(3)],
                clicks[random.nextInt(4)],
                EPOCH.plusMinutes(random.nextInt(900_000)));
    }

    /**
     * Call detail records, bills, payments, a directory listing and a number port for an account.
     * Dated so that on the tests' day (15 June 2026) none is past its data-map period: what the
     * retention job removes in a test is what that test ages.
     */
    private void billingAndLines(DemoPerson p, long accountId, Random random, boolean all) {
        OffsetDateTime since = OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.UTC);
        int calls = all ? 4 : random.nextInt(4);
        for (int c = 0; c < calls; c++) {
            boolean out = c % 2 == 0;
            String line = p.phoneIn(0);
            String other = "0330 088 %04d".formatted(random.nextInt(10_000));
            jdbc.update(
                    """
                    INSERT INTO records.call_detail_record (account_id, direction, cli, cli_key, dialled_number, started_at,
                        duration_seconds, charge) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    accountId,
                    out ? "OUT" : "IN",
                    out ? line : other,
                    phones.keyOrNull(out ? line : other),
                    out ? other : line,
                    since.plusMinutes(random.nextInt(200_000)),
                    10 + random.nextInt(1200),
                    out ? new BigDecimal("0.0" + (1 + random.nextInt(9)) + "00") : null);
        }
        int bills = all ? 2 : 1 + random.nextInt(2);
        for (int b = 0; b < bills; b++) {
            LocalDate start = LocalDate.of(2026, 3 + b, 1);
            int net = 20 + random.nextInt(200);
            jdbc.update(
                    """
                    INSERT INTO records.invoice (account_id, invoice_number, billing_name, billing_address, period_start,
                        period_end, issued_on, net_amount, vat_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    accountId,
                    "INV-%06d-%d".formatted(p.index(), b),
                    p.name(),
                    (10 + p.index()) + " High Street, Anytown AN1 1AA",
                    start,
                    start.plusMonths(1).minusDays(1),
                    start.plusMonths(1),
                    net,
                    net / 5.0);
            jdbc.update(
                    """
                    INSERT INTO records.payment (account_id, paid_at, amount, method, payer_name, card_last4,
                        processor_reference) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    accountId,
                    start.plusMonths(1).plusDays(10).atTime(9, 30).atOffset(ZoneOffset.UTC),
                    net * 1.2,
                    b % 2 == 0 ? "CARD" : "DIRECT_DEBIT",
                    p.name(),
                    b % 2 == 0 ? "%04d".formatted(random.nextInt(10_000)) : null,
                    "pay_%06d_%d".formatted(p.index(), b));
        }
        if (all || random.nextInt(100) < 30) {
            String[] listings = {"FULL", "EX_DIRECTORY", "NUMBER_ONLY"};
            jdbc.update(
                    """
                    INSERT INTO records.directory_entry (account_id, listed_name, number, number_key, address, listing,
                        chosen_on) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    accountId,
                    p.lastName() + " " + p.firstName().charAt(0),
                    p.phoneIn(0),
                    phones.keyOrNull(p.phoneIn(0)),
                    "Anytown AN1",
                    listings[random.nextInt(listings.length)],
                    LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700)));
        }
        if (all || random.nextInt(100) < 20) {
            String[] providers = {"BT", "Virgin Media Business", "Gamma", "TalkTalk Business"};
            LocalDate requested = LocalDate.of(2025, 9, 1).plusDays(random.nextInt(200));
            jdbc.update(
                    """
                    INSERT INTO records.number_port (account_id, number, number_key, direction, other_provider, requested_on,
                        completed_on, status) VALUES (?, ?, ?, 'IN', ?, ?, ?, 'COMPLETED')""",
                    accountId,
                    p.phoneIn(1),
                    phones.keyOrNull(p.phoneIn(1)),
                    providers[random.nextInt(providers.length)],
                    requested,
                    requested.plusDays(7));
        }
    }

    /** A clip from the reception camera on which the person was identified when they signed in as a visitor. */
    private void cctvClip(DemoPerson p, Random random, String videoPath) {
        files.write(videoPath, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        OffsetDateTime from =
                OffsetDateTime.of(2026, 5, 20, 8, 0, 0, 0, ZoneOffset.UTC).plusMinutes(random.nextInt(30_000));
        jdbc.update(
                """
                INSERT INTO records.cctv_footage (site, camera, recorded_from, recorded_to, person_name, email_key, phone_key,
                    reason_linked, video_file) VALUES ('Head office', 'Reception 1', ?, ?, ?, ?, ?, ?, ?)""",
                from,
                from.plusMinutes(5),
                p.name(),
                Emails.key(p.emailIn(0)),
                phones.keyOrNull(p.phoneIn(0)),
                "Visitor sign-in",
                videoPath);
    }

    /** Calls nobody can be matched to: withheld and unparsable caller ids. */
    private void noise(Random random) {
        for (String cli : new String[] {"Withheld", "anonymous", "", "12"}) {
            jdbc.update(
                    """
                    INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name)
                    VALUES (?, ?, '0330 088 1234', ?, ?, ?)""",
                    cli,
                    phones.keyOrNull(cli),
                    EPOCH.plusMinutes(random.nextInt(900_000)),
                    10 + random.nextInt(100),
                    AGENTS[0]);
        }
    }
}
