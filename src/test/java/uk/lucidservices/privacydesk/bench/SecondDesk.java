package uk.lucidservices.privacydesk.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.lucidservices.privacydesk.PrivacyDeskApplication;
import uk.lucidservices.privacydesk.TestClock;
import uk.lucidservices.privacydesk.TestDatabase;
import uk.lucidservices.privacydesk.TestMailServer;

/**
 * A second desk in the benchmark JVM, as a second node of a cluster: its own Spring context, web
 * server (on a free port), connection pool, process engine (named {@code node2}, so both can be
 * registered in one JVM) and job executor (its own lock owner), on the same database and the same
 * mail server as the benchmark's desk, with the same profiles and settings. Its job executor is held,
 * like the first desk's, until a workload lets it run. Both share the JVM's cores, so what a second
 * node adds here is concurrency against the one database, not a second machine.
 */
final class SecondDesk implements AutoCloseable {

    static final String ENGINE_NAME = "node2";

    private final ConfigurableApplicationContext context;
    private final double startSeconds;

    private SecondDesk(ConfigurableApplicationContext context, double startSeconds) {
        this.context = context;
        this.startSeconds = startSeconds;
    }

    static SecondDesk start() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", TestDatabase.jdbcUrl());
        properties.put("spring.datasource.username", TestDatabase.user());
        properties.put("spring.datasource.password", TestDatabase.password());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestMailServer.smtpPort());
        properties.put("desk.intake.mailbox.host", "127.0.0.1");
        properties.put("desk.intake.mailbox.port", TestMailServer.imapPort());
        properties.put("server.port", 0);
        properties.put("camunda.bpm.process-engine-name", ENGINE_NAME);
        properties.put("camunda.bpm.job-execution.enabled", true);
        properties.put("spring.main.banner-mode", "off");
        long t0 = System.nanoTime();
        // As arguments, not default properties: those rank below application.yml.
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        PrivacyDeskApplication.class, TestClock.Configuration.class, BenchDataSource.class)
                .profiles("demo", "test")
                .run(arguments);
        SecondDesk desk = new SecondDesk(context, (System.nanoTime() - t0) / 1e9);
        JobExecutor executor = desk.jobExecutor();
        if (executor.isActive()) {
            executor.shutdown();
        }
        return desk;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    JobExecutor jobExecutor() {
        return ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration()).getJobExecutor();
    }

    double startSeconds() {
        return startSeconds;
    }

    @Override
    public void close() {
        context.close();
    }
}
