package uk.lucidservices.privacydesk.datamap;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the data map is ({@code desk.datamap.*}; see {@link DataMap}).
 *
 * @param location the data map YAML, as a Spring resource ({@code classpath:...} or {@code file:...});
 *                 DESK_DATAMAP, default the bundled {@code classpath:datamap/lucid-data-map.yml}
 */
@Validated
@ConfigurationProperties("desk.datamap")
record DataMapProperties(@NotBlank String location) {}
