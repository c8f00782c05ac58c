package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Issue 20 §5, the pack's files: a recording path from a company table reads only a regular file
 * inside the recordings area (no symbolic link, folder or file of another area); entry names in
 * the ZIP are safe to unpack; CSV cells a spreadsheet would run as formulas are neutralised; and
 * the download log's address pseudonym is keyed with the server's secret. The requester is made up
 * for this class; the pack is built by the real builder and downloaded over HTTP.
 */
class PackFilesHardeningTest extends DeskIntegrationTest {

    private static final String PHONE = "01632 960777";
    private static final String E164 = "+441632960777";
    private static final String SECRET_CONTENT = "another person's certificate";

    @Autowired
    DemoDataGenerator demoData;

    @Autowired
    RequestRegister register;

    @Autowired
    VerifiedIdentifiers identifiers;

    @Autowired
    SubjectSearch search;

    @Autowired
    ManualSearchChecklist checklist;

    @Autowired
    RedactionReview review;

    @Autowired
    DisclosurePackBuilder builder;

    @Autowired
    DisclosurePacks packs;

    @Autowired
    PackApproval approval;

    @Autowired
    PackDelivery delivery;

    @Autowired
    AccessProperties properties;

    @Autowired
    FileStore fileStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    Clock clock;

    private String email;
    private String folder;

    @BeforeEach
    void data() {
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
        email = "tamsin.vale." + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        folder = "recordings/hardening/" + UUID.randomUUID();
    }

    /** The rows this class made up would otherwise stay in the company's tables other classes check. */
    @AfterEach
    void removeTheMadeUpRecords() {
        jdbc.update("DELETE FROM records.call_recording WHERE cli_key = ?", E164);
        jdbc.update("DELETE FROM records.web_enquiry WHERE email_key = ?", email.toLowerCase());
    }

    @Test
    void aPackReadsOnlyRegularRecordingFilesNamesEntriesSafelyNeutralisesFormulasAndKeysTheDownloadLog()
            throws Exception {
        // Web enquiries whose text a spreadsheet would run: one cell per dangerous first character.
        List<String> dangerous =
                List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1,2)", "-2+3", "@SUM(1)", "\tcmd", "\r=1+1");
        webEnquiry(dangerous.get(0), dangerous.get(1), dangerous.get(2), dangerous.get(3), dangerous.get(4));
        webEnquiry("Tamsin Vale", "Vale Ltd", dangerous.get(5), "spring", "search");

        // Recordings: one with a hostile file name, and three paths the store must refuse to read.
        byte[] audio = "RIFF-audio-of-the-requester".getBytes(StandardCharsets.US_ASCII);
        String hostileName = folder + "/..\\..\\Windows\\evil\u0007 name:.wav";
        Files.createDirectories(fileStore.resolve(folder));
        Files.write(fileStore.resolve(hostileName), audio);
        long hostile = recording(hostileName);

        String otherArea = "certificates/hardening-" + UUID.randomUUID() + ".json";
        Files.createDirectories(fileStore.resolve(otherArea).getParent());
        Files.writeString(fileStore.resolve(otherArea), SECRET_CONTENT);
        Files.createSymbolicLink(fileStore.resolve(folder + "/link.wav"), fileStore.resolve(otherArea));
        Files.createDirectories(fileStore.resolve(folder + "/folder.wav"));
        long link = recording(folder + "/link.wav");
        long directory = recording(folder + "/folder.wav");
        long elsewhere = recording(otherArea);

        String reference = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                        .name("Tamsin Vale")
                        .email(email)
                        .phone(PHONE)
                        .summary("Everything you hold, please")
                        .loggedBy("olivia")
                        .build())
                .reference();
        // Tamsin has no customer account: the officer accepts her address and number one by one.
        identifiers.assess(reference);
        identifiers.list(reference).stream()
                .filter(RequestRegister.Identifier::searchKey)
                .forEach(i -> identifiers.accept(reference, i.id(), "peter"));
        identifiers.markVerified(reference, "peter");
        search.search(reference);
        for (String category : checklist.categories(reference)) {
            checklist.record(reference, category, 0L, "Searched; nothing found", "olivia");
        }
        review.flag(reference);
        review.decide(reference, Decision.KEEP, "Only the requester's own calls", List.of(), "olivia");

        DisclosurePack pack = builder.build(reference, "olivia");

        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(fileStore.resolve(pack.filePath()).toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
                assertThat(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8))
                        .as("entry %s", entry.getName())
                        .doesNotContain(SECRET_CONTENT);
            }
            assertThat(names).allSatisfy(name -> {
                assertThat(name).matches("[A-Za-z0-9._/-]+");
                assertThat(name.split("/")).noneMatch(segment -> segment.startsWith("."));
            });
            List<String> mine = names.stream()
                    .filter(n -> n.startsWith("recordings/call-recordings/"))
                    .toList();
            assertThat(mine)
                    .as("only the regular file in the recordings area")
                    .singleElement()
                    .satisfies(name -> assertThat(name).startsWith("recordings/call-recordings/" + hostile + "-"));
            assertThat(zip.getInputStream(zip.getEntry(mine.get(0))).readAllBytes())
                    .isEqualTo(audio);
            assertThat(names)
                    .noneMatch(n -> n.contains("/" + link + "-")
                            || n.contains("/" + directory + "-")
                            || n.contains("/" + elsewhere + "-"));

            List<List<String>> rows = csv(new String(
                    zip.getInputStream(zip.getEntry("data/web-enquiries.csv")).readAllBytes(), StandardCharsets.UTF_8));
            List<String> cells = rows.stream().skip(1).flatMap(List::stream).toList();
            assertThat(cells).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
            for (String value : dangerous) {
                assertThat(cells).as("neutralised %s", value).contains("'" + value);
            }
        }

        // Downloaded over HTTP: the log keeps an HMAC of the address keyed with the server's secret.
        approval.approvePack(reference, "peter");
        PackDelivery.IssuedLink link2 = delivery.issueLink(reference);
        String path = link2.url().substring(link2.url().indexOf("/packs/"));
        assertThat(http.getForEntity(path, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        String logged = jdbc.queryForObject(
                "SELECT remote_hash FROM desk.pack_download WHERE pack_id = ?", String.class, pack.id());
        String tokenHash = packs.find(pack.id()).orElseThrow().tokenHash();
        // The test client reaches the desk over IPv4 or IPv6 loopback, whichever localhost resolves to.
        List<String> loopback = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");
        List<String> keyedWithTheDatabase = new ArrayList<>();
        List<String> keyedWithTheSecret = new ArrayList<>();
        for (String address : loopback) {
            keyedWithTheDatabase.add(hmac(tokenHash, address));
            keyedWithTheSecret.add(hmac(properties.downloadLogSecret(), tokenHash + "\n" + address));
        }
        assertThat(logged)
                .as("not recomputable from the database alone")
                .isNotIn(keyedWithTheDatabase)
                .isIn(keyedWithTheSecret);
    }

    @Test
    void theStoreRefusesPathsOutsideAnAreaAndReadsNoLinkOrFolder() throws Exception {
        FileStore recordings = fileStore.area(FileStore.RECORDINGS);
        Files.createDirectories(fileStore.resolve(folder));
        Files.writeString(fileStore.resolve(folder + "/call.wav"), "audio");
        Files.createSymbolicLink(fileStore.resolve(folder + "/link.wav"), fileStore.resolve(folder + "/call.wav"));

        assertThat(recordings.exists(folder + "/call.wav")).isTrue();
        assertThat(recordings.exists(folder + "/link.wav"))
                .as("a link, even to a file of the area")
                .isFalse();
        assertThat(recordings.exists(folder)).as("a folder").isFalse();
        assertThat(recordings.exists("packs/anything.zip")).as("another area").isFalse();
        assertThat(recordings.exists(folder + "/../../../packs/anything.zip")).isFalse();
        assertThatThrownBy(() -> recordings.delete(folder)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recordings.resolve("certificates/x.json"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(recordings.delete(folder + "/link.wav"))
                .as("the link goes, not its target")
                .isTrue();
        assertThat(Files.exists(fileStore.resolve(folder + "/call.wav"))).isTrue();
    }

    private void webEnquiry(String name, String company, String message, String campaign, String source) {
        jdbc.update(
                """
                INSERT INTO records.web_enquiry (form_type, name, company, email, email_key, phone, phone_key, message,
                    campaign, last_click_source, submitted_at) VALUES ('CONTACT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                name,
                company,
                email,
                email.toLowerCase(),
                PHONE,
                E164,
                message,
                campaign,
                source,
                Timestamp.from(clock.instant()));
    }

    private long recording(String audioFile) {
        return jdbc.queryForObject("""
                INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name, audio_file)
                VALUES (?, ?, '0330 088 1234', ?, 60, 'Agent', ?) RETURNING id""", Long.class, PHONE, E164, Timestamp.from(clock.instant()), audioFile);
    }

    private static String hmac(String key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (!row.isEmpty() || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
