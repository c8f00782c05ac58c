package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.sla.WaitDeadlines;

class ErasureProcessSettingsTest {

    @Test
    void theIdWaitOfP30dEndsAtTheEndOf15JulyAsForAccess() {
        // The access process gives the same moment for the same setting (AccessProcessSettingsTest).
        ErasureProcessSettings settings = new ErasureProcessSettings(
                new ErasureProperties(null, null, Period.parse("P30D")), new WaitDeadlines(TestClock.clock()));
        assertThat(settings.idDueDate()).isEqualTo(Date.from(Instant.parse("2026-07-15T22:59:59Z")));
    }
}
