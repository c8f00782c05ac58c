package uk.lucidservices.privacydesk.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.IdentityKey;

/**
 * Every column the lookup and the erasure find a company record by (email, phone, account, parent,
 * account number) and every file column the erasure checks before deleting a file leads an index
 * made by the migrations: at ten million rows a table, one missing index turns a lookup of a few
 * milliseconds into a scan of the whole table (the bench's workload 4 counts such scans).
 */
class RecordIndexesTest extends DeskIntegrationTest {

    @Autowired
    DataMap dataMap;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyColumnARecordIsFoundOrAFileCheckedByLeadsAnIndex() {
        List<String> columns = new ArrayList<>();
        for (Category category : dataMap.categories()) {
            if (category.table() == null) {
                continue;
            }
            for (IdentityKey key : IdentityKey.values()) {
                add(columns, category, category.identityColumn(key));
            }
            if (category.parent() != null) {
                add(columns, category, category.parent().column());
            }
            add(columns, category, category.accountKey());
            add(columns, category, category.fileField());
        }

        assertThat(columns).contains("records.cctv_footage.video_file", "records.call_recording.cli_key");
        assertThat(columns.stream().filter(c -> !leadsAnIndex(c)).toList())
                .as("columns with no index that starts with them")
                .isEmpty();
    }

    private static void add(List<String> columns, Category category, String column) {
        if (column != null && category.table().toLowerCase(Locale.ROOT).startsWith("records.")) {
            columns.add(category.table().toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT));
        }
    }

    private boolean leadsAnIndex(String qualified) {
        String[] parts = qualified.split("\\.");
        Integer n = jdbc.queryForObject("""
                SELECT COUNT(*) FROM pg_index i
                JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
                WHERE s.nspname = ? AND t.relname = ? AND a.attname = ?""", Integer.class, parts[0], parts[1], parts[2]);
        return n != null && n > 0;
    }
}
