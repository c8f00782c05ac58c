package uk.lucidservices.privacydesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcessStartGuard} leaves process keys it does not know to the engine's authorizations,
 * so every process the desk ships must be one it knows: a new process needs its start rule.
 */
class ProcessStartRulesCoverTest {

    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process\\s+id=\"([^\"]+)\"");

    @Test
    void everyShippedProcessHasAStartRule() throws IOException {
        Set<String> shipped = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher process = PROCESS_ID.matcher(Files.readString(file));
                while (process.find()) {
                    shipped.add(process.group(1));
                }
            }
        }
        Set<String> ruled = new HashSet<>(ProcessStartGuard.REQUEST_PROCESSES.keySet());
        ruled.addAll(ProcessStartGuard.INTERNAL_PROCESSES);
        ruled.addAll(ProcessStartGuard.CALLED_ONLY_PROCESSES);

        assertThat(shipped).hasSizeGreaterThanOrEqualTo(6).containsExactlyInAnyOrderElementsOf(ruled);
    }
}
