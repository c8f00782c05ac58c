package uk.lucidservices.privacydesk.retention;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.lucidservices.privacydesk.records.FileStore;

import java.sql.ResultSetMetaData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One store's sweep: a query that finds a batch of what is past its period (the first column a key,
 * any further columns file paths), the files to delete, and the statements that clear the rows.
 * Each statement must leave a row that no longer matches the query, so batches always move on.
 */
final class StoreSweep {

    private final RetentionStore store;
    private final String select;
    private final FileStore files;
    private final List<String> clear;

    /**
     * @param select ends before the row limit; parameters {@code :cutoff} and {@code :now}
     * @param files  the file-store area of the path columns, or null when there are none
     * @param clear  statements run for the batch's keys ({@code :ids}) and {@code :now}
     */
    StoreSweep(RetentionStore store, String select, FileStore files, String... clear) {
        this.store = store;
        this.select = select;
        this.files = files;
        this.clear = List.of(clear);
    }

    RetentionStore store() {
        return store;
    }

    /** Clears one batch due at {@code cutoff}; returns how many rows it cleared (0: nothing left). */
    int sweepBatch(NamedParameterJdbcTemplate jdbc, OffsetDateTime cutoff, OffsetDateTime now, int batchSize) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("cutoff", cutoff).addValue("now", now);
        List<Object> keys = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        jdbc.query(select + DueSql.first(batchSize), params, rs -> {
            keys.add(rs.getObject(1));
            ResultSetMetaData meta = rs.getMetaData();
            for (int c = 2; c <= meta.getColumnCount(); c++) {
                String path = rs.getString(c);
                if (path != null) {
                    paths.add(path);
                }
            }
        });
        if (keys.isEmpty()) {
            return 0;
        }
        // Files first: a crash between the two leaves a row pointing at a file already gone, which the
        // next run clears (a missing file counts as deleted), never a file no row points at.
        for (String path : paths) {
            try {
                files.delete(path);
            } catch (IllegalArgumentException outsideItsArea) {
                // A path that leaves the store's area names nothing this store may delete: the row is cleared all the same.
            }
        }
        params.addValue("ids", keys);
        for (String statement : clear) {
            jdbc.update(statement, params);
        }
        return keys.size();
    }
}
