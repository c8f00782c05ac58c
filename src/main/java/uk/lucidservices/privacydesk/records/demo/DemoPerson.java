package uk.lucidservices.privacydesk.records.demo;

import java.util.List;

/**
 * A made-up person. Numbers come from Ofcom's drama ranges and emails from reserved example
 * domains, so demo data can never reach a real person. {@code emailVariants} and
 * {@code phoneVariants} are the differently written forms the company's systems hold.
 */
public record DemoPerson(
        int index,
        String firstName,
        String lastName,
        String email,
        String phone,
        String accountNumber,
        boolean everywhere,
        List<String> emailVariants,
        List<String> phoneVariants) {

    public String name() {
        return firstName + " " + lastName;
    }

    /** The variant a given system holds; systems disagree on how to write the same address or number. */
    public String emailIn(int system) {
        return emailVariants.get(system % emailVariants.size());
    }

    public String phoneIn(int system) {
        return phoneVariants.get(system % phoneVariants.size());
    }
}
