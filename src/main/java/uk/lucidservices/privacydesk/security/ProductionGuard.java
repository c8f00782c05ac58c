package uk.lucidservices.privacydesk.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Without the demo profile the desk is production: before anything is created, this checks every
 * setting production needs and refuses to start with one message naming all that are missing or
 * unsafe (default or demo credentials, short secrets, mail without TLS, demo switches on).
 * The database's content is checked once the engine is up ({@link DemoAccountsGuard}).
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_PROFILE = "demo";
    static final String DEFAULT_ADMIN_PASSWORD = "admin";
    /** The demo profile's admin password (application-demo.yml), written in the README. */
    static final String DEMO_ADMIN_PASSWORD = "Lucid-Demo-2468";
    /** The demo profile's secrets (application-demo.yml): public knowledge, so never for real data. */
    static final List<String> DEMO_SECRETS =
            List.of("demo-suppression-secret-not-for-production", "demo-download-log-secret-not-for-production");
    /** HMAC keys need at least the hash's own size (SHA-256: 32 bytes) to keep their strength. */
    static final int MIN_SECRET_BYTES = 32;
    /** Every HMAC key of the desk, by property, with the variable an operator sets. */
    static final Map<String, String> HMAC_SECRETS = Map.of(
            "desk.suppression.hmac-secret",
            "DESK_SUPPRESSION_SECRET",
            "desk.access.download-log-secret",
            "DESK_DOWNLOAD_LOG_SECRET");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        List<String> problems = problems(env);
        if (!problems.isEmpty()) {
            throw new StartRefused(
                    "Privacy Desk will not start as production (the 'demo' profile is not active); " + problems.size()
                            + " setting(s) to change",
                    problems);
        }
    }

    /** Everything production still needs; empty in the demo profile and when all is set. */
    static final Map<String, String> ADR_SCHEME = new LinkedHashMap<>();

    static {
        ADR_SCHEME.put("desk.complaint.adr-scheme.name", "DESK_ADR_SCHEME_NAME");
        ADR_SCHEME.put("desk.complaint.adr-scheme.website", "DESK_ADR_SCHEME_WEBSITE");
        ADR_SCHEME.put("desk.complaint.adr-scheme.phone", "DESK_ADR_SCHEME_PHONE");
        ADR_SCHEME.put("desk.complaint.adr-scheme.name-cy", "DESK_ADR_SCHEME_NAME_CY");
    }

    public static List<String> problems(Environment env) {
        List<String> problems = new ArrayList<>();
        if (env.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            return problems;
        }
        database(env, problems);
        credentials(env, problems);
        mail(env, problems);
        adrScheme(env, problems);
        String publicUrl = env.getProperty("desk.public-url", "");
        if (!isHttpUrl(publicUrl)) {
            problems.add("set DESK_PUBLIC_URL (desk.public-url) to the desk's address as requesters reach it, "
                    + "e.g. https://privacy.example.co.uk (used in download links)");
        } else if (publicUrl.startsWith("https:")
                && !env.getProperty("server.ssl.enabled", Boolean.class, false)
                && env.getProperty("server.forward-headers-strategy", "none").equalsIgnoreCase("none")) {
            // Behind a TLS proxy every caller has the proxy's address: the login throttle would let one
            // caller's wrong passwords lock everyone out.
            problems.add("the desk answers plain HTTP behind an https address, so a proxy is in front: set "
                    + "SERVER_FORWARD_HEADERS_STRATEGY=native (server.forward-headers-strategy) so that logins are "
                    + "throttled by the caller's address, not the proxy's (or serve TLS itself: server.ssl.*)");
        }
        if (env.getProperty("desk.demo.users", Boolean.class, false)) {
            problems.add("demo users are switched on: set desk.demo.users=false");
        }
        if (env.getProperty("desk.mail.embedded.enabled", Boolean.class, false)) {
            problems.add("the embedded mail server is for the demo only: set desk.mail.embedded.enabled=false");
        }
        return problems;
    }

    private static void database(Environment env, List<String> problems) {
        String url = env.getProperty("spring.datasource.url", "");
        if (url.isBlank() || DemoDatabaseGuard.isEmbedded(url)) {
            problems.add("set DESK_DB_URL (spring.datasource.url) to the production database, "
                    + "e.g. jdbc:postgresql://db.internal:5432/privacydesk; the embedded H2 database is for the demo");
        }
        if (env.getProperty("spring.datasource.password", "").isBlank()) {
            problems.add("set DESK_DB_PASSWORD (spring.datasource.password)");
        }
    }

    private static void credentials(Environment env, List<String> problems) {
        String admin = env.getProperty("camunda.bpm.admin-user.password", "");
        if (admin.isBlank()
                || DEFAULT_ADMIN_PASSWORD.equals(admin)
                || DEMO_ADMIN_PASSWORD.equals(admin)
                || admin.equals(env.getProperty("camunda.bpm.admin-user.id"))) {
            problems.add("set DESK_ADMIN_PASSWORD (camunda.bpm.admin-user.password) to a password of your own");
        }
        HMAC_SECRETS.forEach((property, variable) -> {
            String secret = env.getProperty(property, "");
            if (secret.isBlank() || DEMO_SECRETS.contains(secret)) {
                problems.add("set " + variable + " (" + property + ") to a random secret of your own, at least "
                        + MIN_SECRET_BYTES + " bytes (e.g. openssl rand -base64 48)");
            } else if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                problems.add(variable + " (" + property + ") is shorter than " + MIN_SECRET_BYTES
                        + " bytes: set a longer random secret (e.g. openssl rand -base64 48)");
            }
        });
    }

    private static void mail(Environment env, List<String> problems) {
        if (env.getProperty("spring.mail.host", "").isBlank()) {
            problems.add("set DESK_SMTP_HOST (spring.mail.host) to the outgoing mail server");
        }
        String smtpProtocol = env.getProperty("spring.mail.protocol", "smtp");
        boolean smtpTls = "smtps".equalsIgnoreCase(smtpProtocol)
                || flag(env, "spring.mail.properties.mail.smtp.ssl.enable")
                || (flag(env, "spring.mail.properties.mail.smtp.starttls.enable")
                        && flag(env, "spring.mail.properties.mail.smtp.starttls.required"));
        if (!smtpTls) {
            problems.add("outgoing mail runs without TLS: set DESK_SMTP_STARTTLS=true (STARTTLS required) "
                    + "or DESK_SMTP_PROTOCOL=smtps");
        }
        if (env.getProperty("desk.intake.mailbox.host", "").isBlank()) {
            problems.add("set DESK_IMAP_HOST (desk.intake.mailbox.host) to the privacy mailbox's IMAP server");
        }
        if (env.getProperty("desk.intake.mailbox.password", "").isBlank()) {
            problems.add("set DESK_IMAP_PASSWORD (desk.intake.mailbox.password)");
        }
        String imapProtocol = env.getProperty("desk.intake.mailbox.protocol", "imap");
        boolean imapTls = "imaps".equalsIgnoreCase(imapProtocol)
                || ("imap".equalsIgnoreCase(imapProtocol) && flag(env, "desk.intake.mailbox.starttls"));
        if (!imapTls) {
            problems.add("the privacy mailbox is read without TLS: set DESK_IMAP_PROTOCOL=imaps "
                    + "or DESK_IMAP_STARTTLS=true (STARTTLS required)");
        }
    }

    /** The Ofcom-approved ADR scheme complaint letters name (GC C4): the company's own, never a default. */
    private static void adrScheme(Environment env, List<String> problems) {
        ADR_SCHEME.forEach((property, variable) -> {
            if (env.getProperty(property, "").isBlank()) {
                problems.add("set " + variable + " (" + property + ") to the "
                        + property.substring(property.lastIndexOf('.') + 1)
                        + " of the ADR scheme your complaint letters name, e.g. Communications Ombudsman");
            }
        });
    }

    private static boolean flag(Environment env, String property) {
        return Boolean.parseBoolean(env.getProperty(property, "false").trim());
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.trim());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** After the configuration files are read (ConfigDataEnvironmentPostProcessor), before any bean. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
