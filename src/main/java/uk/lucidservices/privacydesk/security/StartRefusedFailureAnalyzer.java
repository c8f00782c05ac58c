package uk.lucidservices.privacydesk.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start as a short list instead of a stack trace. */
class StartRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Change the settings listed above (README, \"Configuration\"). For the demo on its embedded "
                        + "database and mail server, run `mvn spring-boot:run` or start with --spring.profiles.active=demo.",
                cause);
    }
}
