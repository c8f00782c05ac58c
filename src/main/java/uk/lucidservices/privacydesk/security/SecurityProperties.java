package uk.lucidservices.privacydesk.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may do what ({@code desk.security.*}; the README's security section).
 *
 * @param breakGlassGroup the group whose members may open any request in an emergency, every use
 *                        recorded; default {@code break-glass}
 */
@Validated
@ConfigurationProperties("desk.security")
record SecurityProperties(
        @DefaultValue("break-glass") @NotBlank String breakGlassGroup) {}
