package uk.lucidservices.privacydesk.request;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * The one way a request begins, whatever its channel: log it in the register, start its process
 * (business key = reference; variables hold the reference and register id only) and link the two,
 * all in the caller's transaction. Used by the REST API and by the mail intake.
 * <p>
 * The register's part is two round trips on PostgreSQL: the reference and the row's id in one, and
 * the row (OPEN, linked to its process), its identifiers and its LOGGED event in one more, written
 * at the start of the process instance ({@link StartingRequest}); it was six (the counter and its
 * commit, the row, the identifiers, the event, and an UPDATE linking the process after the start).
 */
@Component
public class RequestStarter {

    private static final Logger log = LoggerFactory.getLogger(RequestStarter.class);

    private final RequestRegister register;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    /** Keys found deployed once; a deployed process is not undeployed while the desk runs, so no query per start. */
    private final Set<String> deployedKeys = ConcurrentHashMap.newKeySet();

    public RequestStarter(
            RequestRegister register,
            RepositoryService repositoryService,
            RuntimeService runtimeService,
            IdentityService identityService) {
        this.register = register;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /**
     * Logs the request and starts {@link RequestType#processKey()}. When no process is deployed for
     * that key the request stays RECEIVED (and the caller decides how to acknowledge it).
     */
    @Transactional
    public Request start(NewRequest request) {
        return start(request, request.type().processKey());
    }

    /** As {@link #start(NewRequest)} with an explicit process key; package-private so tests need no real key. */
    @Transactional
    Request start(NewRequest newRequest, String processKey) {
        // The desk's API has already checked who may log a request. The engine starts the process as
        // the desk itself, so a privacy officer can log a complaint that only complaint handlers see.
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            if (!deployed(processKey)) {
                Request request = register.log(newRequest);
                log.warn(
                        "No process is deployed for key {}: request {} is logged as RECEIVED without a process",
                        processKey,
                        request.reference());
                return request;
            }
            RequestRegister.Opening opening = register.prepare(newRequest);
            Request request = opening.request();
            ProcessInstance instance = StartingRequest.during(
                    opening,
                    () -> runtimeService.startProcessInstanceByKey(
                            processKey,
                            request.reference(),
                            Map.of(
                                    ProcessVariables.REQUEST_REFERENCE,
                                    request.reference(),
                                    ProcessVariables.REQUEST_ID,
                                    request.id())));
            // Written inside the start as soon as the instance existed; this only covers a process
            // that had no start listener, and then costs the round trip it saves otherwise.
            opening.open(instance.getId());
            // As the register now holds it; read back, it would cost a round trip per start.
            return request.opened(instance.getId());
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private boolean deployed(String processKey) {
        if (deployedKeys.contains(processKey)) {
            return true;
        }
        boolean deployed = repositoryService
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(processKey)
                        .count()
                > 0;
        if (deployed) {
            deployedKeys.add(processKey);
        }
        return deployed;
    }
}
