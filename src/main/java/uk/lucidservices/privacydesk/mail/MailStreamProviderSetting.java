package uk.lucidservices.privacydesk.mail;

import org.springframework.stereotype.Component;

/**
 * Names Jakarta Mail's stream provider (Angus Mail's) once for the JVM. Jakarta Mail 2.1 looks the
 * provider up again for every message, multipart and body part it creates, and without this setting
 * it does so through a {@code ServiceLoader} scan of every jar on the class path: in the
 * benchmark's burst of 1,000 mails (README, "Benchmarks") 14 % of the job executor's CPU samples, while
 * it sent the letters. With the setting each lookup is a class already loaded. Jakarta Mail 2.2 caches
 * the provider in the session; until then this does. A value set from outside (a system property) stays.
 */
@Component
class MailStreamProviderSetting {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(PROPERTY) == null && angusPresent()) {
            System.setProperty(PROPERTY, ANGUS);
        }
    }

    private static boolean angusPresent() {
        try {
            Class.forName(ANGUS, false, MailStreamProviderSetting.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
