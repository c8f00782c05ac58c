package uk.lucidservices.privacydesk.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/** Demo data on the real PostgreSQL, and the data-map-driven lookup across every system. */
class DemoDataAndRecordSourceTest extends DeskIntegrationTest {

    @Autowired
    DemoDataGenerator generator;

    @Autowired
    JdbcRecordSource source;

    @Autowired
    SubjectResolver resolver;

    @Autowired
    DataMap dataMap;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    @BeforeEach
    void demoData() {
        generator.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
    }

    @Test
    void generatingAgainChangesNothing() {
        Map<String, Object> before = jdbc.queryForMap("SELECT (SELECT COUNT(*) FROM records.crm_account) a, "
                + "(SELECT COUNT(*) FROM records.call_recording) c, (SELECT COUNT(*) FROM records.chat_message) m");
        assertThat(generator.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED))
                .isFalse();
        assertThat(
                        jdbc.queryForMap(
                                "SELECT (SELECT COUNT(*) FROM records.crm_account) a, "
                                        + "(SELECT COUNT(*) FROM records.call_recording) c, (SELECT COUNT(*) FROM records.chat_message) m"))
                .isEqualTo(before);
    }

    @Test
    void somePeopleAreInEverySystemUnderDifferentlyWrittenNumbersAndEmails() {
        DemoPerson p = person(20);
        List<String> rawPhones = jdbc.queryForList(
                """
                SELECT phone FROM records.crm_account WHERE phone_key = ? UNION
                SELECT cli FROM records.call_recording WHERE cli_key = ? UNION
                SELECT phone FROM records.tm_lead WHERE phone_key = ? UNION
                SELECT phone FROM records.web_enquiry WHERE phone_key = ?""", String.class, "+441632960020", "+441632960020", "+441632960020", "+441632960020");
        assertThat(new HashSet<>(rawPhones)).hasSizeGreaterThanOrEqualTo(3);
        List<String> rawEmails = jdbc.queryForList("""
                SELECT email FROM records.crm_account WHERE email_key = ? UNION
                SELECT complainant_email FROM records.complaint WHERE email_key = ? UNION
                SELECT email FROM records.tm_lead WHERE email_key = ?""", String.class, p.email(), p.email(), p.email());
        assertThat(new HashSet<>(rawEmails)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aPersonInEverySystemIsFoundInEverySearchableCategoryFromAnyWrittenForm() {
        DemoPerson p = person(20);
        // Asked by a mixed-case email and a number written the international way without a plus.
        Subject subject = resolver.resolve(
                List.of(p.emailVariants().get(1)), List.of(p.phoneVariants().get(3)), List.of());
        for (Category category : dataMap.searchable()) {
            if (!source.handles(category)) {
                continue; // the desk's own records (retention.DeskRecordSource), not a company system
            }
            assertThat(source.count(category, subject)).as(category.id()).isPositive();
        }
    }

    @Test
    void theLookupFindsExactlyTheRowsADirectQueryFinds() {
        DemoPerson p = person(30);
        Subject subject = resolver.resolve(List.of(p.email()), List.of(p.phone()), List.of());
        String email = p.email();
        String phone = "+441632960030";
        long accountId = jdbc.queryForObject(
                "SELECT id FROM records.crm_account WHERE email_key = ? OR phone_key = ?", Long.class, email, phone);
        Map<String, Long> expected = Map.of(
                "call-recordings", count("SELECT COUNT(*) FROM records.call_recording WHERE cli_key = ?", phone),
                "web-enquiries",
                        count(
                                "SELECT COUNT(*) FROM records.web_enquiry WHERE email_key = ? OR phone_key = ?",
                                email,
                                phone),
                "tm-leads",
                        count(
                                "SELECT COUNT(*) FROM records.tm_lead WHERE email_key = ? OR phone_key = ?",
                                email,
                                phone),
                "chat-messages",
                        count(
                                "SELECT COUNT(*) FROM records.chat_message m JOIN records.chat_transcript t ON t.id = m.transcript_id WHERE t.email_key = ?",
                                email),
                "contracts", count("SELECT COUNT(*) FROM records.contract WHERE account_id = ?", accountId),
                "call-detail-records",
                        count("SELECT COUNT(*) FROM records.call_detail_record WHERE account_id = ?", accountId),
                "number-ports",
                        count(
                                "SELECT COUNT(*) FROM records.number_port WHERE number_key = ? OR account_id = ?",
                                phone,
                                accountId),
                "directory-entries",
                        count(
                                "SELECT COUNT(*) FROM records.directory_entry WHERE number_key = ? OR account_id = ?",
                                phone,
                                accountId),
                "cctv-footage",
                        count(
                                "SELECT COUNT(*) FROM records.cctv_footage WHERE email_key = ? OR phone_key = ?",
                                email,
                                phone),
                "complaints",
                        count(
                                "SELECT COUNT(*) FROM records.complaint WHERE email_key = ? OR phone_key = ? OR account_id = ?",
                                email,
                                phone,
                                accountId));
        expected.forEach((categoryId, n) -> assertThat(
                        source.count(dataMap.category(categoryId).orElseThrow(), subject))
                .as(categoryId)
                .isEqualTo(n));
    }

    @Test
    void streamedRecordsBelongToTheSubjectOnly() {
        DemoPerson p = person(30);
        Subject subject = resolver.resolve(List.of(p.email()), List.of(p.phone()), List.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        source.forEachRecord(dataMap.category("web-enquiries").orElseThrow(), subject, rows::add);
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(Emails.key((String) row.get("email")))
                .isEqualTo(p.email()));
    }

    @Test
    void withheldCallersMatchNobody() {
        assertThat(count("SELECT COUNT(*) FROM records.call_recording WHERE cli_key IS NULL"))
                .isGreaterThanOrEqualTo(4);
        Subject withheld = resolver.resolve(List.of(), List.of("Withheld"), List.of());
        assertThat(withheld.isEmpty()).isTrue();
        assertThat(source.count(dataMap.category("call-recordings").orElseThrow(), withheld))
                .isZero();
    }

    @Test
    void erasingCallRecordingsDeletesRowsAndAudioAndIsIdempotent() {
        DemoPerson p = person(90);
        String cli = "+441632960090";
        Subject subject = resolver.resolve(List.of(), List.of(p.phone()), List.of());
        Category calls = dataMap.category("call-recordings").orElseThrow();
        Set<String> audio = new HashSet<>(jdbc.queryForList(
                "SELECT audio_file FROM records.call_recording WHERE cli_key = ? AND audio_file IS NOT NULL",
                String.class,
                cli));
        long own = count("SELECT COUNT(*) FROM records.call_recording WHERE cli_key = ?", cli);
        Map<Long, String> othersBefore = othersRecordings(cli);
        Map<String, Boolean> othersAudioBefore = othersAudio(cli);
        assertThat(audio).isNotEmpty().allMatch(files::exists);
        assertThat(othersBefore).isNotEmpty();
        assertThat(othersAudioBefore).isNotEmpty().containsValue(true);

        RecordSource.ErasureOutcome first = source.erase(calls, subject);
        RecordSource.ErasureOutcome again = source.erase(calls, subject);

        assertThat(first.deleted()).isEqualTo(own);
        assertThat(first.filesDeleted()).isEqualTo(audio.size());
        assertThat(again.deleted()).isZero();
        assertThat(again.filesDeleted()).isZero();
        assertThat(audio).noneMatch(files::exists);
        assertThat(source.count(calls, subject)).isZero();
        // Calls are person-level: only the person's own number's calls went, whatever account others' are
        // filed on. Every other row is still there, unchanged to the byte, and so is every other audio file.
        assertThat(othersRecordings(cli)).isEqualTo(othersBefore);
        assertThat(othersAudio(cli)).isEqualTo(othersAudioBefore);
    }

    /** Everybody else's call recordings: id to a checksum of the whole row. */
    private Map<Long, String> othersRecordings(String cli) {
        Map<Long, String> rows = new HashMap<>();
        jdbc.query(
                "SELECT id, md5(t::text) AS sum FROM records.call_recording t WHERE cli_key IS NULL OR cli_key <> ?",
                rs -> {
                    rows.put(rs.getLong("id"), rs.getString("sum"));
                },
                cli);
        return rows;
    }

    /** Everybody else's audio files, and whether each is on disk. */
    private Map<String, Boolean> othersAudio(String cli) {
        Map<String, Boolean> audio = new HashMap<>();
        for (String file : jdbc.queryForList(
                "SELECT audio_file FROM records.call_recording "
                        + "WHERE (cli_key IS NULL OR cli_key <> ?) AND audio_file IS NOT NULL",
                String.class,
                cli)) {
            audio.put(file, files.exists(file));
        }
        return audio;
    }

    private DemoPerson person(int index) {
        return TestPeople.person(getClass(), index);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
