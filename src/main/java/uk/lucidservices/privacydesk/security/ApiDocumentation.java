package uk.lucidservices.privacydesk.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the desk's own API (springdoc, at /api/openapi): every call signs in
 * with HTTP Basic as a desk user, as {@link BasicAuthenticationFilter} requires.
 */
@Configuration
class ApiDocumentation {

    private static final String BASIC = "desk-user";

    @Bean
    OpenAPI deskApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Privacy Desk API")
                        .description("Requests, access and erasure casework, SLA reports and feeds of the desk. "
                                + "Sign in with your desk user name and password (HTTP Basic)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
