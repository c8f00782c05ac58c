package uk.lucidservices.privacydesk.datamap;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

@Configuration
class DataMapConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataMapConfiguration.class);

    /**
     * Loaded once at start-up and checked against the tables Flyway has just migrated; a bad
     * data map stops the desk with a message naming the entry.
     */
    @Bean
    public DataMap dataMap(
            DataMapProperties properties,
            ResourceLoader resources,
            DataSource dataSource,
            FlywayMigrationInitializer migrated) {
        String location = properties.location();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new DataMapException("Data map not found at " + location + " (setting desk.datamap.location)");
        }
        DataMap map;
        try (InputStream in = resource.getInputStream()) {
            map = new DataMapReader().read(in, location);
        } catch (IOException e) {
            throw new DataMapException("Could not read the data map at " + location + ": " + e.getMessage(), e);
        }
        new DataMapSchemaCheck(dataSource).check(map);
        List<String> english = map.categories().stream()
                .filter(c -> c.cy() == null)
                .map(Category::id)
                .toList();
        if (!english.isEmpty()) {
            log.warn("Data map entries without a cy: block, shown in English in Welsh letters: {}", english);
        }
        return map;
    }
}
