package uk.lucidservices.privacydesk.security;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo (demo users with known passwords, a public HMAC secret, generated people) runs on an
 * embedded H2 database only: pointed at a database server it refuses before the first connection,
 * unless {@code desk.demo.allow-external-database} says so on purpose (the tests' embedded PostgreSQL).
 * Checked on the data source itself, so the URL is the one the desk would really use.
 */
@Component
@Profile(ProductionGuard.DEMO_PROFILE)
class DemoDatabaseGuard implements BeanPostProcessor, EnvironmentAware {

    private Environment env;

    @Override
    public void setEnvironment(Environment environment) {
        this.env = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            String url = dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                    ? hikari.getJdbcUrl()
                    : env.getProperty("spring.datasource.url", "");
            if (!isEmbedded(url) && !env.getProperty("desk.demo.allow-external-database", Boolean.class, false)) {
                throw new StartRefused(
                        "The demo profile will not start on a database server",
                        List.of(
                                "spring.datasource.url (DESK_DB_URL) is not an embedded H2 database: the demo would put demo "
                                        + "users with known passwords and generated people into it. Start without the demo "
                                        + "profile for production, or set desk.demo.allow-external-database=true on purpose"));
            }
        }
        return bean;
    }

    /** An H2 database inside this JVM (file or memory), not one reached over the network. */
    static boolean isEmbedded(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }
}
