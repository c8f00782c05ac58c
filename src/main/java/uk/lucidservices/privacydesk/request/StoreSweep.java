package uk.lucidservices.privacydesk.request;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.lucidservices.privacydesk.records.FileStore;

/**
 * One store's retention sweep, declared by the class that owns the store's table (see
 * {@link RetainedData}): a query that finds a batch of what is past its period (the first column a
 * key, any further columns file paths), the file-store area of those files, and the statements that
 * clear the rows. Each statement must leave a row that no longer matches the query, so batches
 * always move on.
 */
public final class StoreSweep {

    private final String store;
    private final String select;
    private final String fileArea;
    private final List<String> clear;

    /**
     * @param store    the store's key in the retention schedule ({@code raw-mail})
     * @param select   ends before the row limit; parameters as {@link RetentionCut#params()} gives them
     * @param fileArea the file-store area of the path columns, or null when there are none
     * @param clear    statements run for the batch's keys ({@code :ids}) and {@code :now}
     */
    public StoreSweep(String store, String select, String fileArea, String... clear) {
        this.store = store;
        this.select = select;
        this.fileArea = fileArea;
        this.clear = List.of(clear);
    }

    public String store() {
        return store;
    }

    /** Clears one batch due at the cut; returns how many rows it cleared (0: nothing left). */
    public int sweepBatch(NamedParameterJdbcTemplate jdbc, FileStore fileStore, RetentionCut cut, int batchSize) {
        MapSqlParameterSource params = cut.params();
        List<Object> keys = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        jdbc.query(select + RetentionCut.first(batchSize), params, rs -> {
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
        FileStore files = fileArea == null ? null : fileStore.area(fileArea);
        for (String path : paths) {
            try {
                files.delete(path);
            } catch (IllegalArgumentException outsideItsArea) {
                // A path that leaves the store's area names nothing this store may delete: the row is cleared all the
                // same.
            }
        }
        params.addValue("ids", keys);
        for (String statement : clear) {
            jdbc.update(statement, params);
        }
        return keys.size();
    }
}
