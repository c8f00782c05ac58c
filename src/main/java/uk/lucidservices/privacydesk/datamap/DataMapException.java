package uk.lucidservices.privacydesk.datamap;

/** A data map that cannot be used; the message names the entry and what is wrong with it. */
public class DataMapException extends RuntimeException {

    public DataMapException(String message) {
        super(message);
    }

    public DataMapException(String message, Throwable cause) {
        super(message, cause);
    }
}
