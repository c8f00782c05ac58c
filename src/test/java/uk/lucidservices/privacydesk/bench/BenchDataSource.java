package uk.lucidservices.privacydesk.bench;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Puts {@link SqlCounter} between the desk (engine, register, records) and its connection pool.
 * Only the benchmark context imports this. The counting costs microseconds per JDBC call, and a
 * request start makes several times the JDBC baseline's calls (every parameter of every row), so
 * the rates of workloads 1, 2 and 10 are timed with it switched off ({@link SqlCounter#counting}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class BenchDataSource {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
                    DataSource counted = ProxyDataSourceBuilder.create(dataSource)
                            .name("desk")
                            .listener(SqlCounter.INSTANCE)
                            .methodListener(SqlCounter.INSTANCE)
                            .build();
                    // The same pool either way; SqlCounter#counting says which a new connection gets.
                    return new DelegatingDataSource(dataSource) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            return SqlCounter.INSTANCE.counting() ? counted.getConnection() : super.getConnection();
                        }

                        @Override
                        public Connection getConnection(String username, String password) throws SQLException {
                            return SqlCounter.INSTANCE.counting()
                                    ? counted.getConnection(username, password)
                                    : super.getConnection(username, password);
                        }
                    };
                }
                return bean;
            }
        };
    }
}
