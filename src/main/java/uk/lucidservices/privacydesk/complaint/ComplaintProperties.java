package uk.lucidservices.privacydesk.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of complaints ({@code desk.complaint.*}).
 *
 * @param progressInterval how often an open complaint's complainant hears how it is going (ISO 8601
 *                         duration); DESK_COMPLAINT_PROGRESS_INTERVAL, default P14D
 * @param adrScheme        the Ofcom-approved ADR scheme the company belongs to, named in the eight-week
 *                         and deadlock letters (Ofcom GC C4); production refuses to start without it
 */
@ConfigurationProperties("desk.complaint")
record ComplaintProperties(Duration progressInterval, AdrScheme adrScheme) {

    /**
     * The ADR scheme, as complaint letters name it ({@code {{desk.ombudsmanName}}} and its siblings).
     *
     * @param name    the scheme's name, e.g. Communications Ombudsman; DESK_ADR_SCHEME_NAME
     * @param website where a complainant takes the complaint; DESK_ADR_SCHEME_WEBSITE
     * @param phone   the scheme's phone number; DESK_ADR_SCHEME_PHONE
     * @param nameCy  the scheme's name in Welsh letters (its Welsh name, or its name as it is); DESK_ADR_SCHEME_NAME_CY
     */
    record AdrScheme(String name, String website, String phone, String nameCy) {}
}
