package uk.lucidservices.privacydesk.sla;

/** A pause, resume, clock start or extension the rules do not allow; the message says why, by reference. */
class ClockChangeRefusedException extends RuntimeException {

    public ClockChangeRefusedException(String message) {
        super(message);
    }
}
