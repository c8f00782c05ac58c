package uk.lucidservices.privacydesk.engine;

/**
 * A process variable is missing or of the wrong type. The message names the variable and the
 * request reference, never the value. An IllegalArgumentException, so a task listener that throws
 * it refuses the completion and the form shows the message.
 */
public class ProcessVariableException extends IllegalArgumentException {

    public ProcessVariableException(String message) {
        super(message);
    }
}
