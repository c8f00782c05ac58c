package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import org.junit.jupiter.api.Test;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.sla.WaitDeadlines;

class AccessProcessSettingsTest {

    @Test
    void theIdWaitOfP30dEndsAtTheEndOf15JulyAsForErasure() {
        // The erasure process gives the same moment for the same setting (ErasureProcessSettingsTest).
        AccessProcessSettings settings =
                new AccessProcessSettings(withIdWait(Period.parse("P30D")), new WaitDeadlines(TestClock.clock()));
        assertThat(settings.idDueDate()).isEqualTo(Date.from(Instant.parse("2026-07-15T22:59:59Z")));
    }

    private static AccessProperties withIdWait(Period idWait) {
        return new AccessProperties(
                14, "privacy@lucidservices.uk", null, "none", "none", "dim", "dim", "chat-messages", null, idWait);
    }
}
