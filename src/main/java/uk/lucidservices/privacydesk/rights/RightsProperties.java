package uk.lucidservices.privacydesk.rights;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the rights-request process ({@code desk.rights.*}): rectification, restriction,
 * portability and objection to processing.
 *
 * @param idWait how long the process waits for ID it asked for before closing the request (ISO 8601
 *               period, to the end of that UK day; must be positive); DESK_RIGHTS_ID_WAIT, default P1M
 */
@ConfigurationProperties("desk.rights")
record RightsProperties(Period idWait) {}
