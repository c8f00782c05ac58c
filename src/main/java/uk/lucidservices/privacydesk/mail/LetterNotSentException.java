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

    /**
     * For a letter sent outside {@link LetterService}: the failure named by letter and reference,
     * its cause by type only (an SMTP error may quote the address), and the cause not chained, so
     * neither the incident nor the stack trace the engine keeps nor the job executor's log carries it.
     */
    public static LetterNotSentException of(String letter, String reference, Exception cause) {
        return new LetterNotSentException("Letter '" + letter + "' for " + reference + " not sent: "
                + LetterService.safeCause(cause));
    }
}
