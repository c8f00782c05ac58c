package uk.lucidservices.privacydesk.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Only the desk starts processes. Every deployed process gets a start listener, built in so that
 * "skip custom listeners" cannot skip it, which refuses a top-level start that the desk did not
 * mean:
 * <ul>
 *   <li>a request process ({@link RequestType#processKey()}) starts only for a register row of that
 *       type, under its reference as business key, that has no process yet;</li>
 *   <li>the desk's internal processes (letters, mail triage, the relationship-end sweep's notices) start only inside
 *       {@link DeskProcessStart#byDesk}, which no HTTP caller can reach;</li>
 *   <li>called processes (the SLA clocks) start only from their parent's call activity.</li>
 * </ul>
 * A process started by a parent instance's call activity is always allowed: its parent passed
 * these checks. Process keys the desk does not ship (test fixtures) are left to the engine's
 * authorizations, under which only camunda-admin may start anything.
 */
@Component
class ProcessStartGuard extends AbstractProcessEnginePlugin {

    static final Set<String> INTERNAL_PROCESSES =
            Set.of("desk-letter", "mail-triage", "post-letter", "relationship-end-notices");
    static final Set<String> CALLED_ONLY_PROCESSES = Set.of("request-sla-clocks");
    /** Process key, and the request types it serves (one process serves the four other rights). */
    static final Map<String, Set<RequestType>> REQUEST_PROCESSES = Arrays.stream(RequestType.values())
            .collect(Collectors.groupingBy(RequestType::processKey, Collectors.toUnmodifiableSet()));

    private final ObjectProvider<RequestRegister> register;

    ProcessStartGuard(ObjectProvider<RequestRegister> register) {
        // Looked up at the first start: the register's beans need the engine this plugin helps build.
        this.register = register;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addBuiltInListener(
                        ExecutionListener.EVENTNAME_START, (ExecutionListener) ProcessStartGuard.this::check);
                // After the check, before anything of the process runs: the instance id exists now.
                processDefinition.addBuiltInListener(
                        ExecutionListener.EVENTNAME_START, (ExecutionListener) ProcessStartGuard::writeStartingRequest);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    void check(DelegateExecution execution) {
        if (execution.getSuperExecution() != null) {
            return;
        }
        String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        String businessKey = execution.getProcessBusinessKey();
        Set<RequestType> types = REQUEST_PROCESSES.get(processKey);
        if (types != null) {
            checkRegisterRow(processKey, types, businessKey);
        } else if (INTERNAL_PROCESSES.contains(processKey) && !DeskProcessStart.isByDesk()) {
            throw refused(processKey, "it is started by the desk itself, never through the engine's API");
        } else if (CALLED_ONLY_PROCESSES.contains(processKey)) {
            throw refused(processKey, "it runs only as part of a request's process");
        }
    }

    /** The register row of the request being started here, written with its new process (see {@link StartingRequest}). */
    static void writeStartingRequest(DelegateExecution execution) {
        if (execution.getSuperExecution() == null) {
            StartingRequest.instanceCreated(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        }
    }

    private void checkRegisterRow(String processKey, Set<RequestType> types, String businessKey) {
        // Started by RequestStarter: the row it has just written, not read back.
        Optional<Request> row = businessKey == null
                ? Optional.empty()
                : StartingRequest.of(businessKey).or(() -> register.getObject().find(businessKey));
        if (row.isEmpty()) {
            throw refused(processKey, "its business key is not a reference in the request register");
        }
        Request request = row.get();
        if (!types.contains(request.type())) {
            throw refused(
                    processKey,
                    "request " + request.reference() + " is of type " + request.type() + ", not "
                            + (types.size() == 1 ? types.iterator().next() : "one of " + new TreeSet<>(types)));
        }
        if (request.processInstanceId() != null) {
            throw refused(processKey, "request " + request.reference() + " already has its process");
        }
        if (request.closedAt() != null) {
            throw refused(processKey, "request " + request.reference() + " is closed");
        }
    }

    private static AuthorizationException refused(String processKey, String why) {
        return new ProcessStartRefusedException("Start of '" + processKey + "' refused: " + why);
    }

    /**
     * A start the desk did not mean; the message names the process and reference, nothing personal.
     * An authorization failure, so the engine's REST API answers 403 as for any other refusal.
     */
    static class ProcessStartRefusedException extends AuthorizationException {
        ProcessStartRefusedException(String message) {
            super(message);
        }
    }
}
