package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.bench.SqlCounter;
import uk.lucidservices.privacydesk.records.PhoneNumbers;

/**
 * The register's part of a request start, counted as the benchmark counts it ({@link SqlCounter}):
 * two round trips on PostgreSQL whatever the requester gave, the reference with the row's id, then
 * the row with its identifiers and LOGGED event; no COMMIT of its own. It was six: the counter and
 * its commit, the row, the identifiers, the event, and an UPDATE after the start linking the process.
 * A register of its own over a counting view of the suite's database, and each write rolled back.
 */
class RegisterRoundTripsTest extends DeskIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    RequestDeadlines deadlines;

    @Autowired
    PhoneNumbers phoneNumbers;

    @Autowired
    Clock clock;

    @Autowired
    RequestRegister sharedRegister;

    private RequestRegister register;
    private TransactionTemplate rolledBack;

    @BeforeEach
    void countingRegister() {
        DataSource counted = ProxyDataSourceBuilder.create(dataSource)
                .name("register-round-trips")
                .listener(SqlCounter.INSTANCE)
                .methodListener(SqlCounter.INSTANCE)
                .build();
        JdbcTemplate jdbc = new JdbcTemplate(counted);
        JdbcTransactionManager transactions = new JdbcTransactionManager(counted);
        register = new RequestRegister(
                jdbc, new ReferenceGenerator(jdbc, transactions, clock), deadlines, phoneNumbers, clock);
        rolledBack = new TransactionTemplate(transactions);
        SqlCounter.INSTANCE.reset();
    }

    @AfterEach
    void stopCounting() {
        SqlCounter.INSTANCE.reset();
    }

    @Test
    void openingARequestWithItsProcessTakesTwoRoundTrips() {
        String reference = rolledBack.execute(status -> {
            RequestRegister.Opening opening = register.prepare(everyIdentifier());
            opening.open("instance-of-the-test");
            SqlCounter.Counts counts = SqlCounter.INSTANCE.counts();
            assertThat(counts.roundTrips()).isEqualTo(2);
            assertThat(counts.commits()).isZero();
            // Written, in this transaction: the row as OPEN with its process, and what goes with it.
            Request row = register.get(opening.request().reference());
            assertThat(row.status()).isEqualTo("OPEN");
            assertThat(row.processInstanceId()).isEqualTo("instance-of-the-test");
            assertThat(register.identifiers(row.id())).hasSize(4);
            assertThat(register.events(row.id()))
                    .extracting(RequestRegister.RequestEvent::kind)
                    .containsExactly("LOGGED");
            status.setRollbackOnly();
            return row.reference();
        });
        assertThat(sharedRegister.find(reference)).as("rolled back").isEmpty();
    }

    @Test
    void loggingARequestWithNoProcessTakesTwoRoundTrips() {
        rolledBack.executeWithoutResult(status -> {
            Request logged = register.log(everyIdentifier());
            SqlCounter.Counts counts = SqlCounter.INSTANCE.counts();
            assertThat(counts.roundTrips()).isEqualTo(2);
            assertThat(counts.commits()).isZero();
            assertThat(register.get(logged.reference())).isEqualTo(logged);
            assertThat(logged.status()).isEqualTo("RECEIVED");
            assertThat(logged.processInstanceId()).isNull();
            status.setRollbackOnly();
        });
    }

    private static NewRequest everyIdentifier() {
        return NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name("Fern Gale")
                .email("fern." + UUID.randomUUID() + "@example.com")
                .phone("01632 960124")
                .accountNumber("AC100201")
                .loggedBy("test")
                .build();
    }
}
