package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one comparison every four-eyes check uses. */
class StaffIdsTest {

    @Test
    void theSameUserWrittenAnotherWayIsTheSamePerson() {
        assertThat(StaffIds.same("PETER", "peter")).isTrue();
        assertThat(StaffIds.same(" Peter ", "peter")).isTrue();
        assertThat(StaffIds.anySame(List.of("olivia", "PETER"), "peter")).isTrue();
    }

    @Test
    void differentOrMissingUsersAreNeverTheSame() {
        assertThat(StaffIds.same("peter", "petra")).isFalse();
        assertThat(StaffIds.same(null, null)).as("nobody is not somebody").isFalse();
        assertThat(StaffIds.same(" ", "")).isFalse();
        assertThat(StaffIds.anySame(List.of(), "peter")).isFalse();
    }
}
