package uk.lucidservices.privacydesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.retention.RetentionJob;

/**
 * The first-run default: the desk starts on H2 with nothing configured, migrates both schemas,
 * passes the data map check and creates the demo users. (Every other test uses PostgreSQL.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:h2-startup;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password="
        })
@ActiveProfiles({"demo", "test"})
class H2StartupTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    RequestRegister register;

    @Autowired
    RetentionJob retention;

    @Test
    void theDeskStartsOnH2WithBothSchemasAndTheDemoUsers() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM records.call_recording", Integer.class))
                .isZero();
        assertThat(identityService.checkPassword("olivia", "olivia")).isTrue();
        assertThat(identityService
                        .createGroupQuery()
                        .groupId("complaint-handlers")
                        .count())
                .isEqualTo(1);
        var request = register.log(NewRequest.builder(RequestType.ERASURE, Channel.LETTER)
                .email("h2@example.com")
                .loggedBy("olivia")
                .build());
        assertThat(register.get(request.reference()).statutoryDeadline()).isNotNull();
        // The request's language column (V190) on H2 too.
        var welsh = register.log(NewRequest.builder(RequestType.ERASURE, Channel.LETTER)
                .email("h2-cy@example.com")
                .loggedBy("olivia")
                .language(Language.WELSH)
                .build());
        assertThat(register.get(welsh.reference()).language()).isEqualTo(Language.WELSH);
        assertThat(register.get(request.reference()).language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void theRetentionJobTakesItsLeaseAndRunsOnH2() {
        var request = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.LETTER)
                .email("h2-retention@example.com")
                .loggedBy("olivia")
                .build());
        jdbc.update(
                "UPDATE desk.request SET status = 'CLOSED', closed_at = TIMESTAMP WITH TIME ZONE '2019-06-07 10:00:00+00:00' WHERE id = ?",
                request.id());
        RetentionJob.Report report = retention.run();
        assertThat(report.ran()).isTrue();
        assertThat(report.removed("register-personal-fields")).isEqualTo(1);
        assertThat(register.get(request.reference()).requesterEmail()).isNull();
    }
}
