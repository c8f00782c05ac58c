package uk.lucidservices.privacydesk.erasure;

/**
 * Erasure of one company system failed. The message becomes the Camunda incident Cockpit shows,
 * so it names the system and category and carries no value from the records; the underlying
 * exception is deliberately not chained, because database messages can quote row values and the
 * engine keeps a failed job's stack trace.
 */
class ErasureFailedException extends RuntimeException {

    private final String system;
    private final String categoryId;

    public ErasureFailedException(String system, String categoryId, String why) {
        super("Erasure failed in " + system + " (category " + categoryId + "): " + why);
        this.system = system;
        this.categoryId = categoryId;
    }

    public String system() {
        return system;
    }

    public String categoryId() {
        return categoryId;
    }
}
