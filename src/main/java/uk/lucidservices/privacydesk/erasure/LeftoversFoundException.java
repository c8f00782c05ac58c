package uk.lucidservices.privacydesk.erasure;

import java.util.stream.Collectors;

/** The repeated search found records that erasure should have removed; names systems, never values. */
class LeftoversFoundException extends RuntimeException {

    private final ErasureVerification.Result result;

    public LeftoversFoundException(String reference, ErasureVerification.Result result) {
        super("Erasure of " + reference + " left records in "
                + result.leftovers().stream()
                        .map(l -> l.system() + " (category " + l.categoryId() + "): " + l.count())
                        .collect(Collectors.joining("; "))
                + "; erasure must run again");
        this.result = result;
    }

    public ErasureVerification.Result result() {
        return result;
    }
}
