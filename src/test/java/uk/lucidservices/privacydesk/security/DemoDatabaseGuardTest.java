package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoDatabaseGuardTest {

    @Test
    void onlyAnH2DatabaseInsideTheJvmCountsAsEmbedded() {
        assertThat(DemoDatabaseGuard.isEmbedded("jdbc:h2:file:./data/db/privacydesk;DB_CLOSE_ON_EXIT=FALSE"))
                .isTrue();
        assertThat(DemoDatabaseGuard.isEmbedded("jdbc:h2:mem:demo")).isTrue();
        assertThat(DemoDatabaseGuard.isEmbedded("jdbc:h2:tcp://db.internal/privacydesk"))
                .isFalse();
        assertThat(DemoDatabaseGuard.isEmbedded("jdbc:h2:ssl://db.internal/privacydesk"))
                .isFalse();
        assertThat(DemoDatabaseGuard.isEmbedded("jdbc:postgresql://127.0.0.1:5432/postgres"))
                .isFalse();
        assertThat(DemoDatabaseGuard.isEmbedded("")).isFalse();
    }
}
