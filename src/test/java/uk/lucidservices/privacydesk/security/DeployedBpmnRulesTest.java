package uk.lucidservices.privacydesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/** A deployment is code: a deployed BPMN may run only the desk's own beans and classes. */
class DeployedBpmnRulesTest extends DeskIntegrationTest {

    @Autowired
    RepositoryService repository;

    @Test
    void aScriptTaskIsRefused() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("rules-script")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .scriptTask("Task_Script")
                .name("Run a script")
                .scriptFormat("javascript")
                .scriptText("java.lang.Runtime.getRuntime()")
                .endEvent()
                .done();

        assertRefused(model, "<scriptTask id=\"Task_Script\"> scripts are not allowed");
    }

    @Test
    void aScriptInAListenerOrConditionIsRefused() {
        String listener = bpmn("rules-script-listener", """
                <bpmn:startEvent id="Start" name="Start"><bpmn:extensionElements>
                  <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener>
                </bpmn:extensionElements></bpmn:startEvent>""");
        assertRefused("rules-script-listener.bpmn", listener, "scripts are not allowed");

        String condition = bpmn("rules-script-condition", """
                <bpmn:startEvent id="Start" name="Start" />
                <bpmn:sequenceFlow id="Flow" sourceRef="Start" targetRef="End">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:endEvent id="End" name="End" />""");
        assertRefused("rules-script-condition.bpmn", condition, "scripts are not allowed");
    }

    @Test
    void aClassOutsideTheDesksPackagesIsRefused() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("rules-class")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Foreign")
                .name("Foreign code")
                .camundaClass("org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior")
                .endEvent()
                .done();

        assertRefused(
                model,
                "class 'org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior' is outside"
                        + " the desk's packages (uk.lucidservices.privacydesk)");
    }

    @Test
    void anExpressionReachingPastTheDesksBeansIsRefused() {
        BpmnModelInstance engineBean = Bpmn.createExecutableProcess("rules-engine-bean")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_StartAnything")
                .name("Start anything")
                .camundaExpression("${runtimeService.startProcessInstanceByKey('desk-letter')}")
                .endEvent()
                .done();
        assertRefused(engineBean, "'runtimeService' is a bean from outside the desk's packages");

        BpmnModelInstance reflection = Bpmn.createExecutableProcess("rules-reflection")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Reflect")
                .name("Reflect")
                .camundaExpression("${sendLetter.getClass().getClassLoader()}")
                .endEvent()
                .done();
        assertRefused(reflection, "'.' may follow only a bean or execution");

        BpmnModelInstance services = Bpmn.createExecutableProcess("rules-services")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Services")
                .name("Services")
                .camundaExpression("${execution.processEngineServices}")
                .endEvent()
                .done();
        assertRefused(services, "'execution.processEngineServices' is not allowed");
    }

    @Test
    void deskBeansAndVariableComparisonsDeploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("rules-allowed")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .exclusiveGateway("Gateway_Decide")
                .name("Decide")
                .condition("reply", "${triageDecision == 'REPLY'}")
                .serviceTask("Task_Send")
                .name("Send")
                .camundaDelegateExpression("${sendLetter}")
                .endEvent()
                .moveToLastGateway()
                .condition("other", "${!(triageDecision == 'REPLY')}")
                .serviceTask("Task_Extend")
                .name("Check extension")
                .camundaExpression("${requestClockService.extensionAllowed(execution.processBusinessKey)}")
                .endEvent()
                .done();

        Deployment deployment = repository
                .createDeployment()
                .addModelInstance("rules-allowed.bpmn", model)
                .deploy();
        repository.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void everyShippedProcessPassesTheRules() throws IOException {
        List<Path> shipped;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            shipped = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : shipped) {
            // Deployed again under a new name: parsed anew, so the rules read every element.
            var builder = repository.createDeployment().name("rules-shipped-" + file.getFileName());
            builder.addString(file.getFileName().toString(), Files.readString(file));
            Deployment deployment = builder.deploy();
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private void assertRefused(BpmnModelInstance model, String reason) {
        assertRefused("refused.bpmn", Bpmn.convertToString(model), reason);
    }

    private void assertRefused(String name, String xml, String reason) {
        assertThatThrownBy(
                        () -> repository.createDeployment().addString(name, xml).deploy())
                .hasMessageContaining("Deployment refused")
                .hasMessageContaining(reason);
    }

    private static String bpmn(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions" targetNamespace="test">
                  <bpmn:process id="%s" name="Rules test" isExecutable="true" camunda:historyTimeToLive="1">
                %s
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, body);
    }
}
