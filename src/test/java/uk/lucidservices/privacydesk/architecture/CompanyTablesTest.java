package uk.lucidservices.privacydesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the records package (RecordSource and its demo data) reaches the company's own systems, so a
 * real CRM or PBX can replace the modelled tables. ArchUnit cannot see SQL, so this reads the
 * sources: every table the migrations create in the {@code records} schema, named in any SQL-ish
 * way ({@code records.crm_account}, or bare after FROM, JOIN, INTO, UPDATE), outside
 * {@code src/main/java/.../records/}.
 */
class CompanyTablesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path RECORDS = SOURCES.resolve("uk/lucidservices/privacydesk/records");

    private static final Pattern CREATED =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?records\\.(\\w+)");

    /**
     * Classes outside records that still touch a company table, with the tables and why. Frozen,
     * not endorsed: an entry that no longer matches fails the test, so the list only shrinks.
     */
    private static final Map<String, Set<String>> FROZEN = Map.of(
            // The complaint is logged on the CRM's complaint record of the account; this class is
            // the stand-in for the CRM's complaint API behind the CrmComplaints interface.
            "complaint/JdbcCrmComplaints.java", Set.of("complaint", "crm_account"));

    @Test
    void onlyRecordsTouchesCompanyTables() {
        Set<String> tables = companyTables();
        assertThat(tables).as("company tables found in the migrations").contains("crm_account", "call_recording");

        Map<String, Set<String>> found = new TreeMap<>();
        for (Path file : javaFiles()) {
            if (file.startsWith(RECORDS)) {
                continue;
            }
            String code = read(file);
            for (String table : tables) {
                if (names(code, table)) {
                    String key = SOURCES.resolve("uk/lucidservices/privacydesk")
                            .relativize(file)
                            .toString()
                            .replace('\\', '/');
                    found.computeIfAbsent(key, k -> new TreeSet<>()).add(table);
                }
            }
        }
        Map<String, Set<String>> frozen = new TreeMap<>();
        FROZEN.forEach((k, v) -> frozen.put(k, new TreeSet<>(v)));
        assertThat(found)
                .as("company tables touched outside records (left) vs the frozen list")
                .isEqualTo(frozen);
    }

    @Test
    void theScanFindsATableInSql() {
        assertThat(names("jdbc.query(\"SELECT id FROM records.crm_account WHERE x\")", "crm_account"))
                .isTrue();
        assertThat(names("\"UPDATE  web_enquiry SET a = 1\"", "web_enquiry")).isTrue();
        assertThat(names("\"DELETE FROM records.contract_x\"", "contract")).isFalse();
        assertThat(names("private final SuppressionList suppression;", "suppression"))
                .isFalse();
    }

    private static boolean names(String code, String table) {
        Pattern p = Pattern.compile("(?i)(?:\\brecords\\.|\\b(?:from|join|into|update)\\s+)" + table + "\\b");
        Matcher m = p.matcher(code);
        return m.find();
    }

    private static Set<String> companyTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
