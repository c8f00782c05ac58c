package uk.lucidservices.privacydesk.mail;

/**
 * A letter could not be sent. Thrown from a process step it fails the job, which the job
 * executor retries and finally shows as an incident. The message names the reference and the
 * letter, never the address, because the engine keeps it.
 */
public class LetterNotSentException extends RuntimeException {

    public LetterNotSentException(String message) {
        super(message);
    }
}
