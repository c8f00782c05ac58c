package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.PrivacyDeskApplication;
import uk.lucidservices.privacydesk.TestDatabase;

/**
 * Real start-ups of the desk that must fail. Extends the shared test context so that the test
 * database holds what a database once started in the demo holds: the demo users and admin/admin.
 */
class ProductionStartTest extends DeskIntegrationTest {

    private static StartRefused refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartRefused refused) {
                return refused;
            }
        }
        throw new AssertionError("not refused by a guard", failure);
    }

    /**
     * The desk's own start, without a web server, on an engine of its own name: a refused start closes
     * its engine, and closing unregisters the name, which must not be the shared context's "default".
     */
    private static void start(String[] profiles, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.main.web-application-type=none");
        all.add("--camunda.bpm.process-engine-name=productionStartTest");
        new SpringApplicationBuilder(PrivacyDeskApplication.class)
                .profiles(profiles)
                .run(all.toArray(String[]::new))
                .close();
    }

    @Test
    void aJarStartedWithoutAProfileStopsWithOneMessageNamingEveryMissingSetting() {
        assertThatThrownBy(() -> start(new String[0]))
                .isInstanceOfSatisfying(StartRefused.class, refused -> assertThat(refused.getMessage())
                        .contains(
                                "will not start as production",
                                "DESK_DB_URL",
                                "DESK_ADMIN_PASSWORD",
                                "DESK_SUPPRESSION_SECRET",
                                "DESK_DOWNLOAD_LOG_SECRET",
                                "DESK_SMTP_HOST",
                                "DESK_IMAP_HOST",
                                "DESK_PUBLIC_URL"));
    }

    @Test
    void theDemoRefusesADatabaseServerUnlessASettingAllowsIt() {
        assertThatThrownBy(() -> start(
                        new String[] {"demo", "test"},
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--desk.demo.allow-external-database=false"))
                .satisfies(failure -> assertThat(refusal(failure).getMessage())
                        .contains(
                                "demo profile will not start on a database server",
                                "desk.demo.allow-external-database=true"));
    }

    @Test
    void productionRefusesADatabaseThatStillHoldsTheDemoUsersAndTheDemoAdminPassword() {
        assertThatThrownBy(() -> start(
                        new String[] {"test"},
                        "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        // The embedded PostgreSQL trusts local connections; production needs some password.
                        "--spring.datasource.password=not-checked-by-trust-authentication",
                        "--camunda.bpm.admin-user.password=an-admin-password-of-our-own",
                        "--desk.suppression.hmac-secret=0123456789abcdef0123456789abcdef-random",
                        "--desk.access.download-log-secret=fedcba9876543210fedcba9876543210-random",
                        "--spring.mail.host=127.0.0.1",
                        "--desk.intake.mailbox.host=127.0.0.1",
                        "--desk.intake.mailbox.password=a-mailbox-password",
                        "--desk.public-url=https://privacy.example.co.uk",
                        "--server.forward-headers-strategy=native",
                        "--desk.complaint.adr-scheme.name=Communications Ombudsman",
                        "--desk.complaint.adr-scheme.website=https://www.commsombudsman.org",
                        "--desk.complaint.adr-scheme.phone=0330 440 1614",
                        "--desk.complaint.adr-scheme.name-cy=Ombwdsmon Cyfathrebu"))
                .satisfies(failure -> assertThat(refusal(failure).problems())
                        .containsExactly(
                                "demo user 'olivia' exists: delete it in Camunda Admin (or the database)",
                                "demo user 'peter' exists: delete it in Camunda Admin (or the database)",
                                "demo user 'chloe' exists: delete it in Camunda Admin (or the database)",
                                "demo user 'mark' exists: delete it in Camunda Admin (or the database)",
                                "demo user 'pbx' exists: delete it in Camunda Admin (or the database)",
                                "user 'admin' still has the password 'Lucid-Demo-2468': change it in Camunda Admin, or delete "
                                        + "the user so the desk creates it with DESK_ADMIN_PASSWORD"));
    }
}
