package uk.lucidservices.privacydesk.records;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How phone numbers are read ({@code desk.phone.*}).
 *
 * @param defaultRegion the country (ISO 3166 two-letter code) of a number written without a country
 *                      code, such as {@code 020 7946 0000}; default {@code GB}
 */
@Validated
@ConfigurationProperties("desk.phone")
public record PhoneProperties(
        @DefaultValue("GB") @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code such as GB")
        String defaultRegion) {}
