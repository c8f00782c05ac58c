package uk.lucidservices.privacydesk.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * New and changed passwords are hashed with PBKDF2 ({@link Pbkdf2PasswordEncryptor}) instead of
 * the engine's single round of salted SHA-512, which a graphics card tries by the billion per
 * second. Hashes written before still verify: the engine picks the checker by the hash's prefix.
 * Configured in {@code desk.login.password-hash-iterations}.
 */
@Component
class PasswordHashing extends AbstractProcessEnginePlugin {

    private final int iterations;

    public PasswordHashing(LoginProperties properties) {
        this.iterations = properties.passwordHashIterations();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The engine keeps its SHA-512 checker for hashes prefixed {SHA-512} whatever the encryptor
        // (adding it again is refused), so hashes written before still verify.
        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor(iterations));
    }
}
