package uk.lucidservices.privacydesk.sla;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** What the SLA delegates read from a process: the request reference and optional dates. */
final class DelegateInputs {

    private DelegateInputs() {
    }

    /** The business key is the request reference; {@code requestReference} backs it up. */
    static String reference(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        if (reference == null || reference.isBlank()) {
            Object variable = execution.getVariable("requestReference");
            reference = variable == null ? null : variable.toString();
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                    + " has no request reference (business key or requestReference)");
        }
        return reference;
    }

    /**
     * A date a form may set (java.util.Date, LocalDate or yyyy-MM-dd text), or {@code otherwise}
     * when the variable is absent: staff can record the day a reply came rather than the day they log it.
     */
    static LocalDate date(DelegateExecution execution, String variable, ZoneId zone, LocalDate otherwise) {
        Object value = execution.getVariable(variable);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return otherwise;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        try {
            return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Variable " + variable + " is not a date (yyyy-MM-dd)");
        }
    }

    static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? null : value.toString();
    }
}
