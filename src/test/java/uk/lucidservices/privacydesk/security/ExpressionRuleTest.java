package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionRuleTest {

    /** sendLetter and requestClockService stand for desk beans, runtimeService for the engine's. */
    private final ExpressionRule rule = new ExpressionRule(
            Set.of("sendLetter", "requestClockService")::contains,
            Set.of("sendLetter", "requestClockService", "runtimeService", "processEngine")::contains);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${sendLetter}",
                "${requestClockService.extensionAllowed(execution.processBusinessKey)}",
                "#{execution.processBusinessKey}",
                "${execution.setVariable('outcome', 'REFUSED')}",
                "${execution.setVariable('idDueDate', requestClockService.idDueDate())}",
                "${triageDecision == 'SUBJECT_ACCESS' || triageDecision == 'ERASURE'}",
                "${resolution == 'DEADLOCKED' && complaintCategory == 'SERVICE_BILLING'}",
                "${thirdPartyItemsCount > 0}",
                "${!leftoversFound}",
                "${true}",
                "P${days}D",
                "a text without expressions"
            })
    void allowsDeskBeansVariablesAndComparisons(String text) {
        assertThat(rule.violation(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${runtimeService.startProcessInstanceByKey('desk-letter')}",
                "${processEngine}",
                "${execution.getProcessEngineServices().getRuntimeService()}",
                "${execution.processEngine}",
                "${''.getClass().forName('java.lang.Runtime')}",
                "${requestClockService.getClass().getClassLoader()}",
                "${sendLetter.clock.zone}",
                "${someVariable.getClass()}",
                "${dateTime().plusDays(1)}",
                "${fn:toUpper(name)}",
                "${x['getClass']}",
                "${y = 1}",
                "${x -> x}",
                "${a; b}",
                "${sendLetter",
                "ok ${triageRoute} but ${processEngine.name}"
            })
    void refusesAnythingElse(String text) {
        assertThat(rule.violation(text)).isPresent();
    }
}
