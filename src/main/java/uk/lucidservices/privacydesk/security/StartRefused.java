package uk.lucidservices.privacydesk.security;

import java.util.List;

/**
 * The desk refuses to start: the message names every setting or database state to change, all at
 * once, so an operator fixes them in one go. Never carries personal data or secret values.
 */
class StartRefused extends IllegalStateException {

    private final List<String> problems;

    StartRefused(String heading, List<String> problems) {
        super(heading + ":\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
