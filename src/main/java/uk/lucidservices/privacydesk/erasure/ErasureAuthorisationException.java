package uk.lucidservices.privacydesk.erasure;

/** An authorisation that the rules do not allow; the message says why, without personal data. */
class ErasureAuthorisationException extends RuntimeException {

    public ErasureAuthorisationException(String message) {
        super(message);
    }
}
