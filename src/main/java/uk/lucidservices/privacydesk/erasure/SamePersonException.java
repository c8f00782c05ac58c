package uk.lucidservices.privacydesk.erasure;

/**
 * Four eyes: the manager who authorises an erasure must not be the person who prepared or
 * reviewed its preview. Delegates turn this into the BPMN error {@value #BPMN_ERROR_CODE}.
 */
class SamePersonException extends ErasureAuthorisationException {

    public static final String BPMN_ERROR_CODE = "SAME_PERSON";

    public SamePersonException(String reference) {
        super("Erasure of " + reference + " must be authorised by someone other than the person who prepared"
                + " or reviewed its preview");
    }
}
