package uk.lucidservices.privacydesk.erasure;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.PhoneNumbers;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * What the erasure tests share: the demo data (the same size and seed as every other test), a
 * request logged as a person would write it, and a search of the company's tables written in plain
 * SQL here, independently of the desk's own search, by every identifier the person has, including
 * the raw, differently written columns. Each test class works on the demo people it claims in {@link TestPeople}.
 * No annotations here: the Spring context stays the one every test shares.
 */
abstract class ErasureTestSupport extends DeskIntegrationTest {

    /** Table to data-map category: how the direct search's findings compare with the certificate. */
    static final Map<String, String> CATEGORY_OF_TABLE = Map.ofEntries(
            Map.entry("crm_account", "crm-accounts"),
            Map.entry("crm_contact", "crm-contacts"),
            Map.entry("contract", "contracts"),
            Map.entry("complaint", "complaints"),
            Map.entry("call_recording", "call-recordings"),
            Map.entry("tm_lead", "tm-leads"),
            Map.entry("tm_call_recording", "tm-call-recordings"),
            Map.entry("chat_transcript", "chat-transcripts"),
            Map.entry("chat_message", "chat-messages"),
            Map.entry("web_enquiry", "web-enquiries"),
            Map.entry("call_detail_record", "call-detail-records"),
            Map.entry("invoice", "invoices"),
            Map.entry("payment", "payments"),
            Map.entry("number_port", "number-ports"),
            Map.entry("directory_entry", "directory-entries"),
            Map.entry("cctv_footage", "cctv-footage"));

    @Autowired
    DemoDataGenerator demoData;

    @Autowired
    RequestRegister register;

    @Autowired
    private RuntimeService erasureRuntime;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    FileStore fileStore;

    @Autowired
    PhoneNumbers phones;

    void demoData() {
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
    }

    /**
     * Logs an erasure request as the person wrote it (a mixed-case email and a phone number written
     * another way than any system holds it) and marks its identifiers verified, as the identity
     * check does before any erasure.
     */
    Request logErasureRequest(DemoPerson person) {
        String mixedCaseEmail = person.emailVariants().get(1);
        String phoneWrittenDifferently = person.phoneVariants().get(3);
        Request request = register.log(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name(person.name())
                .email(mixedCaseEmail)
                .phone(phoneWrittenDifferently)
                .summary("Please delete everything you hold about me")
                .loggedBy("olivia")
                .build());
        jdbc.update(
                "UPDATE desk.request_identifier SET verified = TRUE, state = 'CONFIRMED' WHERE request_id = ?",
                request.id());
        return request;
    }

    /** As the intake starts a request: business key = reference, references and ids only (and the scope, if any). */
    ProcessInstance start(Request request, String scope) {
        Map<String, Object> variables =
                new HashMap<>(Map.of("requestReference", request.reference(), "requestId", request.id()));
        if (scope != null) {
            variables.put("erasureScope", scope);
        }
        ProcessInstance pi =
                erasureRuntime.startProcessInstanceByKey("erasure-request", request.reference(), variables);
        register.attachProcess(request.reference(), pi.getId());
        return pi;
    }

    /** Demo person {@code index}, which this test class claimed in {@link TestPeople}. */
    DemoPerson person(int index) {
        return TestPeople.person(getClass(), index);
    }

    /** The person's rows, by table, found by plain SQL on every identifier column and raw value column. */
    Map<String, Set<Long>> directSearch(DemoPerson p) {
        String email = p.email().toLowerCase();
        String digits = p.phone().replace(" ", "").substring(1);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("email", email)
                .addValue("e164", "+44" + digits)
                .addValue("digits", digits)
                .addValue("account", p.accountNumber());
        String emailMatch = "(%1$s = :email OR lower(trim(%2$s)) = :email)";
        String phoneMatch = "(%1$s = :e164 OR right(regexp_replace(%2$s, '[^0-9]', '', 'g'), 10) = :digits)";
        Map<String, Set<Long>> found = new LinkedHashMap<>();
        found.put(
                "crm_account",
                ids(
                        params,
                        "crm_account",
                        emailMatch.formatted("email_key", "email") + " OR " + phoneMatch.formatted("phone_key", "phone")
                                + " OR account_number = :account"));
        params.addValue("accounts", orNone(found.get("crm_account")));
        found.put(
                "crm_contact",
                ids(
                        params,
                        "crm_contact",
                        emailMatch.formatted("email_key", "email") + " OR "
                                + phoneMatch.formatted("phone_key", "phone")));
        found.put("contract", ids(params, "contract", "account_id IN (:accounts)"));
        found.put(
                "complaint",
                ids(
                        params,
                        "complaint",
                        emailMatch.formatted("email_key", "complainant_email") + " OR "
                                + phoneMatch.formatted("phone_key", "complainant_phone")
                                + " OR account_id IN (:accounts)"));
        found.put(
                "call_recording",
                ids(
                        params,
                        "call_recording",
                        phoneMatch.formatted("cli_key", "cli") + " OR account_id IN (:accounts)"));
        found.put(
                "tm_lead",
                ids(
                        params,
                        "tm_lead",
                        emailMatch.formatted("email_key", "email") + " OR "
                                + phoneMatch.formatted("phone_key", "phone")));
        params.addValue("leads", orNone(found.get("tm_lead")));
        found.put("tm_call_recording", ids(params, "tm_call_recording", "lead_id IN (:leads)"));
        found.put(
                "chat_transcript", ids(params, "chat_transcript", emailMatch.formatted("email_key", "visitor_email")));
        params.addValue("transcripts", orNone(found.get("chat_transcript")));
        found.put("chat_message", ids(params, "chat_message", "transcript_id IN (:transcripts)"));
        found.put(
                "web_enquiry",
                ids(
                        params,
                        "web_enquiry",
                        emailMatch.formatted("email_key", "email") + " OR "
                                + phoneMatch.formatted("phone_key", "phone")));
        found.put("call_detail_record", ids(params, "call_detail_record", "account_id IN (:accounts)"));
        found.put("invoice", ids(params, "invoice", "account_id IN (:accounts)"));
        found.put("payment", ids(params, "payment", "account_id IN (:accounts)"));
        found.put(
                "number_port",
                ids(
                        params,
                        "number_port",
                        phoneMatch.formatted("number_key", "number") + " OR account_id IN (:accounts)"));
        found.put(
                "directory_entry",
                ids(
                        params,
                        "directory_entry",
                        phoneMatch.formatted("number_key", "number") + " OR account_id IN (:accounts)"));
        found.put("cctv_footage", ids(params, "cctv_footage", "email_key = :email OR phone_key = :e164"));
        return found;
    }

    private Set<Long> ids(MapSqlParameterSource params, String table, String where) {
        return Set.copyOf(
                named.queryForList("SELECT id FROM records." + table + " WHERE " + where, params, Long.class));
    }

    private static Set<Long> orNone(Set<Long> ids) {
        return ids.isEmpty() ? Set.of(-1L) : ids;
    }

    /** Every row of every table as a checksum of its whole content, by id. */
    Map<String, Map<Long, String>> rowChecksums() {
        Map<String, Map<Long, String>> tables = new HashMap<>();
        for (String table : CATEGORY_OF_TABLE.keySet()) {
            Map<Long, String> rows = new HashMap<>();
            jdbc.query("SELECT id, md5(t::text) AS sum FROM records." + table + " t", rs -> {
                rows.put(rs.getLong("id"), rs.getString("sum"));
            });
            tables.put(table, rows);
        }
        return tables;
    }

    /** The audio files of the person's call recordings and telemarketing calls, and their CCTV clips' video. */
    List<String> audioFiles(Map<String, Set<Long>> rows) {
        List<String> files = new ArrayList<>(callAudioFiles(rows));
        files.addAll(videoFiles(rows));
        return files;
    }

    /** The audio of the person's inbound and telemarketing call recordings. */
    List<String> callAudioFiles(Map<String, Set<Long>> rows) {
        List<String> files = new ArrayList<>();
        files.addAll(filesOf("call_recording", rows.get("call_recording")));
        files.addAll(filesOf("tm_call_recording", rows.get("tm_call_recording")));
        return files;
    }

    /** The video of the CCTV clips linked to the person. */
    List<String> videoFiles(Map<String, Set<Long>> rows) {
        return filesOf("cctv_footage", "video_file", rows.getOrDefault("cctv_footage", Set.of()));
    }

    private List<String> filesOf(String table, Set<Long> ids) {
        return filesOf(table, "audio_file", ids);
    }

    private List<String> filesOf(String table, String column, Set<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.queryForList(
                "SELECT " + column + " FROM records." + table + " WHERE id IN (:ids) AND " + column + " IS NOT NULL",
                new MapSqlParameterSource("ids", ids),
                String.class);
    }

    static Map<String, Integer> sizes(Map<String, Set<Long>> rows) {
        return rows.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
    }

    /** Gives account {@code accountId} one inbound call recording from {@code p} and {@code p} as its contact. */
    void callAndContact(long accountId, DemoPerson p, int seconds, OffsetDateTime startedAt) {
        jdbc.update("""
                INSERT INTO records.call_recording (account_id, cli, cli_key, dialled_number, started_at,
                    duration_seconds, agent_name) VALUES (?, ?, ?, '0300 000 0000', ?, ?, 'Agent Test')""", accountId, p.phoneIn(0), phones.keyOrNull(p.phoneIn(0)), startedAt, seconds);
        jdbc.update(
                """
                INSERT INTO records.crm_contact (account_id, name, role, email, email_key, phone, phone_key)
                VALUES (?, ?, 'Account holder', ?, ?, ?, ?)""",
                accountId,
                p.name(),
                p.emailIn(0),
                Emails.key(p.emailIn(0)),
                p.phoneIn(0),
                phones.keyOrNull(p.phoneIn(0)));
    }

    /** A letter's plain text part (letters are text and HTML); fails if it has none. */
    static String plainText(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                    return plainText(part.getContent());
                }
            }
        }
        throw new IllegalStateException("The letter has no plain text part");
    }
}
