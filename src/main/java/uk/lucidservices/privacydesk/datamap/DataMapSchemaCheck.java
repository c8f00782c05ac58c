package uk.lucidservices.privacydesk.datamap;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Checks every searchable entry against the real tables, so a typo in the data map stops
 * start-up with the entry's name rather than failing a customer's request weeks later.
 */
class DataMapSchemaCheck {

    private final DataSource dataSource;

    public DataMapSchemaCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void check(DataMap map) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (Category category : map.searchable()) {
                checkCategory(meta, category);
            }
        } catch (SQLException e) {
            throw new DataMapException("Could not read the database to check the data map: " + e.getMessage(), e);
        }
    }

    private void checkCategory(DatabaseMetaData meta, Category category) throws SQLException {
        String[] parts = category.table().split("\\.", 2);
        if (parts.length != 2) {
            throw new DataMapException("Data map entry '" + category.id() + "': table '" + category.table()
                    + "' must be written as schema.table");
        }
        Set<String> columns = columns(meta, parts[0], parts[1]);
        if (columns.isEmpty()) {
            throw new DataMapException(
                    "Data map entry '" + category.id() + "': table '" + category.table() + "' does not exist");
        }
        List<String> wanted = new ArrayList<>(category.fields());
        wanted.add("id");
        wanted.addAll(category.identity().values());
        wanted.addAll(category.thirdPartyFields());
        wanted.addAll(category.erasure().fields());
        if (category.fileField() != null) {
            wanted.add(category.fileField());
        }
        if (category.accountKey() != null) {
            wanted.add(category.accountKey());
        }
        if (category.retentionPeriod() != null && category.retentionPeriod().column() != null) {
            wanted.add(category.retentionPeriod().column());
        }
        if (category.parent() != null) {
            wanted.add(category.parent().column());
        }
        for (String column : wanted) {
            if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
                throw new DataMapException("Data map entry '" + category.id() + "': column '" + column
                        + "' does not exist in table '" + category.table() + "'");
            }
        }
    }

    /** Column names in lower case; identifier case differs between H2 and PostgreSQL. */
    private static Set<String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        for (String s : List.of(schema, schema.toUpperCase(Locale.ROOT), schema.toLowerCase(Locale.ROOT))) {
            for (String t : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getColumns(null, s, t, null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!columns.isEmpty()) {
                    return columns;
                }
            }
        }
        return columns;
    }
}
