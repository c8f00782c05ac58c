package uk.lucidservices.privacydesk.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment the desk sees when started with the given environment variables and nothing
 * else: application.yml (and the profile files SPRING_PROFILES_ACTIVE names) read as Spring Boot
 * reads them, so guard tests check the variable names the files really use.
 */
public final class ProductionSettings {

    private ProductionSettings() {}

    /** Every variable production needs, with values an operator would choose. */
    public static Map<String, Object> complete() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("DESK_DB_URL", "jdbc:postgresql://db.internal:5432/privacydesk");
        variables.put("DESK_DB_USER", "privacydesk");
        variables.put("DESK_DB_PASSWORD", "a-database-password");
        variables.put("DESK_ADMIN_PASSWORD", "an-admin-password-of-our-own");
        variables.put("DESK_SUPPRESSION_SECRET", "0123456789abcdef0123456789abcdef-random");
        variables.put("DESK_DOWNLOAD_LOG_SECRET", "fedcba9876543210fedcba9876543210-random");
        variables.put("DESK_SMTP_HOST", "smtp.internal");
        variables.put("DESK_IMAP_HOST", "imap.internal");
        variables.put("DESK_IMAP_PASSWORD", "a-mailbox-password");
        variables.put("DESK_PUBLIC_URL", "https://privacy.example.co.uk");
        variables.put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        variables.put("DESK_ADR_SCHEME_NAME", "Communications Ombudsman");
        variables.put("DESK_ADR_SCHEME_WEBSITE", "https://www.commsombudsman.org");
        variables.put("DESK_ADR_SCHEME_PHONE", "0330 440 1614");
        variables.put("DESK_ADR_SCHEME_NAME_CY", "Ombwdsmon Cyfathrebu");
        return variables;
    }

    public static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment env = new StandardEnvironment();
        // Only the given variables: whatever the machine running the tests has set must not count.
        env.getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
        ConfigDataEnvironmentPostProcessor.applyTo(env);
        return env;
    }
}
