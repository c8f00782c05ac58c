package uk.lucidservices.privacydesk.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's switches ({@code desk.demo.*}), on only in the demo profile (application-demo.yml):
 * production refuses to start with demo users on ({@link ProductionGuard}), and the demo refuses an
 * external database unless told otherwise ({@link DemoDatabaseGuard}). Both guards read these
 * settings before any bean exists, so they read the environment; this record documents them.
 *
 * @param users                   create the demo users (one per role, with the README's passwords)
 * @param allowExternalDatabase   let the demo run on a database other than the embedded H2 one, on purpose
 *                                (the tests' embedded PostgreSQL): demo users and data never reach a real one
 * @param data                    generated people in the model of the company's systems
 * @param requests                open requests received on different days, for the SLA dashboard
 */
@Validated
@ConfigurationProperties("desk.demo")
public record DemoProperties(
        boolean users,
        boolean allowExternalDatabase,
        @DefaultValue @Valid Data data,
        @DefaultValue Requests requests) {

    /**
     * Demo people in the company's systems.
     *
     * @param enabled generate them at start-up
     * @param people  how many
     * @param seed    the random seed, so every start generates the same people
     */
    public record Data(
            boolean enabled,
            @DefaultValue("300") @Positive int people,
            @DefaultValue("20260401") long seed) {}

    /**
     * Demo requests.
     *
     * @param enabled start six open requests at start-up, received on different days
     */
    public record Requests(boolean enabled) {}
}
