package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.request.RequestType;

/** A complaint's outer clock is Ofcom's ADR point at eight weeks, and notices and breaches call it so. */
class SlaClockLabelTest {

    @Test
    void aComplaintsOuterClockIsTheAdrPointNotAStatutoryDeadline() {
        assertThat(SlaClock.STATUTORY_DEADLINE.label(RequestType.COMPLAINT)).isEqualTo("ADR point (8 weeks)");
        assertThat(SlaClock.STATUTORY_DEADLINE.label(RequestType.SUBJECT_ACCESS))
                .isEqualTo("statutory deadline");
        assertThat(SlaClock.INTERNAL_TARGET.label(RequestType.COMPLAINT)).isEqualTo("internal target");
    }
}
