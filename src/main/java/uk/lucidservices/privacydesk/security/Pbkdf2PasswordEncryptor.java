package uk.lucidservices.privacydesk.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * PBKDF2-HMAC-SHA256 for the engine's user passwords, stored as
 * {@code {PBKDF2-SHA256}iterations$salt$hash} (the engine adds the prefix and mixes in its own
 * per-user salt before this is called). The iteration count is stored with each hash, so raising
 * it applies to passwords set from then on while older hashes still verify.
 */
final class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "PBKDF2-SHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    Pbkdf2PasswordEncryptor(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("desk.login.password-hash-iterations must be at least 1");
        }
        this.iterations = iterations;
    }

    @Override
    public String encrypt(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash(password, salt, iterations));
    }

    @Override
    public boolean check(String password, String encrypted) {
        String[] parts = encrypted == null ? new String[0] : encrypted.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return rounds > 0 && MessageDigest.isEqual(expected, hash(password, salt, rounds));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }

    private static byte[] hash(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
