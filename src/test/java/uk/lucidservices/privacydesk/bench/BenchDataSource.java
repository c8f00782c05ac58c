package uk.lucidservices.privacydesk.bench;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts {@link SqlCounter} between the desk (engine, register, records) and its connection pool.
 * Only the benchmark context imports this; the counting costs microseconds per statement, the same
 * for the JDBC baseline and for the desk, so their ratio is fair.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BenchDataSource {

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
                    return ProxyDataSourceBuilder.create(dataSource)
                            .name("desk")
                            .listener(SqlCounter.INSTANCE)
                            .methodListener(SqlCounter.INSTANCE)
                            .build();
                }
                return bean;
            }
        };
    }
}
