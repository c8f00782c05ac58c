package uk.lucidservices.privacydesk.records;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The marketing suppression list ({@code desk.suppression.*}; see {@link SuppressionList}).
 *
 * @param hmacSecret key of the HMAC-SHA256 hashes the list keeps instead of numbers and addresses:
 *                   a long random secret of your own (DESK_SUPPRESSION_SECRET), kept for good, since
 *                   changing it makes every existing entry unmatchable
 */
@ConfigurationProperties("desk.suppression")
public record SuppressionProperties(String hmacSecret) {}
