#!/usr/bin/env python3
# Generates bpmn/rights-request.bpmn (semantics and diagram) from the tables below. Run from the repo root:
#   python3 tools/rights-request-bpmn.py
from xml.sax.saxutils import escape as esc

nodes = []   # (id, tag, name, attrs, inner, col, row, parent)
flows = []   # (id, src, tgt, name, cond)
def n(id_, tag, name, col, row, attrs='', inner='', parent='sub'):
    nodes.append(dict(id=id_, tag=tag, name=name, attrs=attrs, inner=inner, col=col, row=row, parent=parent))
def f(id_, s, t, name=None, cond=None):
    flows.append(dict(id=id_, s=s, t=t, name=name, cond=cond))

RETRY = '<camunda:failedJobRetryTimeCycle>R5/PT5M</camunda:failedJobRetryTimeCycle>'
def letter(name, listener=None):
    listeners = listener if isinstance(listener, list) else [listener] if listener else []
    l = ''.join(f'<camunda:executionListener expression="{esc(x, {chr(34): "&quot;"})}" event="start" />' for x in listeners)
    return f'<bpmn:extensionElements>{RETRY}<camunda:inputOutput><camunda:inputParameter name="letter">{name}</camunda:inputParameter></camunda:inputOutput>{l}</bpmn:extensionElements>'
def send(id_, name, col, row, tmpl, listener=None, parent='sub'):
    n(id_, 'serviceTask', name, col, row, 'camunda:asyncBefore="true" camunda:delegateExpression="${sendLetter}"', letter(tmpl, listener), parent)
def user(id_, name, col, row, group, form, listeners, doc=None, parent='sub'):
    formattr = f'camunda:formKey="{form}"' if form.startswith('embedded:') else f'camunda:formRef="{form}" camunda:formRefBinding="latest"'
    ls = ''.join(f'<camunda:taskListener delegateExpression="${{{b}}}" event="{e}" />' for b, e in listeners)
    d = f'<bpmn:documentation>{esc(doc)}</bpmn:documentation>' if doc else ''
    n(id_, 'userTask', name, col, row, f'camunda:candidateGroups="{group}" {formattr}', d + f'<bpmn:extensionElements>{ls}</bpmn:extensionElements>', parent)
def svc(id_, name, col, row, expr, asyncb=False, doc=None, parent='sub', attr='delegateExpression'):
    a = f'camunda:{attr}="{esc(expr)}"' + (' camunda:asyncBefore="true"' if asyncb else '')
    inner = (f'<bpmn:documentation>{esc(doc)}</bpmn:documentation>' if doc else '') + (f'<bpmn:extensionElements>{RETRY}</bpmn:extensionElements>' if asyncb else '')
    n(id_, 'serviceTask', name, col, row, a, inner, parent)
def gw(id_, name, col, row, kind='exclusiveGateway', default=None, parent='sub'):
    n(id_, kind, name, col, row, f'default="{default}"' if default else '', '', parent)
def outcome(id_, name, col, row, expr):
    n(id_, 'intermediateThrowEvent', name, col, row, '', f'<bpmn:extensionElements><camunda:executionListener expression="{esc(expr)}" event="start" /></bpmn:extensionElements>')

# rows (y of centre)
R_EXT, R_CLAR, R_REF, R_MAIN, R_ID, R_RES, R_OBJ, R_POR, R_POR2, R_NOID = 120, 250, 410, 520, 660, 660, 800, 940, 1080, 1220
R_CLOCKS = 120
R_CLAR_CLOSE = R_CLAR + 85  # between the clarification row and the refusal row

# outer process
n('Start_RightsRequestReceived', 'startEvent', 'Rights request received', -1, R_MAIN, parent='process',
  inner='<bpmn:extensionElements><camunda:executionListener expression="${execution.setVariable(\'requestType\', rightsProcess.type(execution))}" event="start" /></bpmn:extensionElements>')
# sub-process
n('Start_AnswerRequest', 'startEvent', 'Answer the request', 0, R_MAIN)
gw('Gateway_StartClocks', 'Start the clocks and the work', 1, R_MAIN, 'parallelGateway')
n('CallActivity_SlaClocks', 'callActivity', "Run the request's SLA clocks", 2, R_CLOCKS, 'calledElement="request-sla-clocks"',
  '<bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}" /><camunda:in source="requestReference" target="requestReference" /><camunda:in source="requestId" target="requestId" /></bpmn:extensionElements>')
n('End_ClocksDone', 'endEvent', 'Clocks ran out', 3, R_CLOCKS)
send('Task_SendAcknowledgement', 'Send acknowledgement', 2, R_MAIN, 'acknowledgement')
svc('Task_AssessIdentity', 'Match the requester to a customer', 3, R_MAIN, '${assessIdentity}')
gw('Gateway_IdentityMatched', 'Exactly one customer matches?', 4, R_MAIN, default='Flow_NoMatch')
ID_LISTENERS = [('identityCheckedByAnotherOfficer', 'assignment'), ('identityCheckedByAnotherOfficer', 'complete'), ('recordIdentityDecision', 'complete')]
user('Task_ConfirmIdentity', "Confirm the requester's identity", 5, R_MAIN, 'privacy-officers', 'embedded:/forms/confirm-identity.html', ID_LISTENERS)
gw('Gateway_IdentityConfirmed', 'Identity confirmed?', 6, R_MAIN, default='Flow_DoubtAfterAll')
gw('Gateway_IdentityVerified', 'Identity verified', 7, R_MAIN)
svc('Task_MarkIdentifiersVerified', "Mark the requester's identifiers verified", 8, R_MAIN, '${markIdentifiersVerified}')
gw('Gateway_BackToTriage', 'Triage', 9, R_MAIN)
user('Task_TriageRequest', 'Triage the request', 10, R_MAIN, 'privacy-officers', 'rights-triage', [('recordTriageDecision', 'complete')])
gw('Gateway_TriageDecision', 'Decision?', 11, R_MAIN, default='Flow_Proceed')
gw('Gateway_WhichRight', 'Which right?', 12, R_MAIN, default='Flow_ToDecideRectification')
# ID path
gw('Gateway_AskForId', 'Ask for ID', 5, R_ID)
send('Task_SendIdRequest', 'Send ID request', 6, R_ID, 'id-request', "${execution.setVariable('idDueDate', rightsProcess.idDueDate())}")
# While the desk waits for the ID it asked for no SLA timer runs, and the requester is chased once.
n('Gateway_AwaitId', 'eventBasedGateway', 'Wait for ID', 7, R_ID, '',
  '<bpmn:extensionElements><camunda:executionListener expression="${requestClockService.holdForId(execution.processBusinessKey, idDueDate)}" event="start" /></bpmn:extensionElements>')
n('Event_IdReceived', 'intermediateCatchEvent', 'Requester replied with ID', 8, R_ID, '', '<bpmn:messageEventDefinition id="MessageDefinition_IdReceived" messageRef="Message_RequesterReply" />')
svc('Task_StartClockOnIdArrival', 'Start the clock on receipt of ID', 9, R_ID, '${startClockOnIdArrival}')
user('Task_CheckIdDocument', 'Check the ID document', 10, R_ID, 'privacy-officers', 'embedded:/forms/sar-check-id.html', ID_LISTENERS)
gw('Gateway_IdAccepted', 'ID accepted?', 11, R_ID, default='Flow_AskAgain')
n('Timer_IdNotReceived', 'intermediateCatchEvent', 'No ID by the due date', 8, R_NOID, '', '<bpmn:timerEventDefinition id="TimerDefinition_IdNotReceived"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${idDueDate}</bpmn:timeDate></bpmn:timerEventDefinition>')
send('Task_SendIdNotReceived', 'Send closure letter: no ID received', 9, R_NOID, 'id-not-received')
outcome('Event_OutcomeClosedNoId', 'Outcome: closed, no ID', 10, R_NOID, "${execution.setVariable('outcome', 'CLOSED_NO_ID')}")
# triage side paths
user('Task_ApproveRefusal', 'Sign off the refusal (manager)', 12, R_REF, 'managers', 'sar-approve-refusal', [('recordRefusalSignOff', 'complete')],
     doc='A refusal (manifestly unfounded or excessive) is signed off by a manager other than the officer who proposed it, or sent back to triage.')
gw('Gateway_RefusalSignedOff', 'Signed off?', 13, R_REF, default='Flow_RefusalNotSignedOff')
send('Task_SendRefusal', 'Send refusal with reasons and rights', 14, R_REF, 'refusal', '${letterTexts.refusalReason(execution)}')
outcome('Event_OutcomeRefused', 'Outcome: refused', 15, R_REF, "${execution.setVariable('outcome', 'REFUSED')}")
svc('Task_PauseClock', 'Stop the clock for clarification', 12, R_CLAR, '${pauseClock}')
send('Task_SendClarificationRequest', 'Send clarification request', 13, R_CLAR, 'clarification-request',
     ['${letterTexts.clarificationQuestion(execution)}', "${execution.setVariable('clarificationDueDate', requestClockService.clarificationDueDate())}"])
gw('Gateway_AwaitClarification', 'Wait for the answer', 14, R_CLAR, 'eventBasedGateway')
n('Event_ClarificationReceived', 'intermediateCatchEvent', 'Requester clarified', 15, R_CLAR, '', '<bpmn:messageEventDefinition id="MessageDefinition_ClarificationReceived" messageRef="Message_RequesterReply" />')
svc('Task_ResumeClock', 'Restart the clock', 16, R_CLAR, '${resumeClock}')
# an unanswered question: chased once by the clocks (pauseClock), then closed at clarificationDueDate
n('Timer_NoClarification', 'intermediateCatchEvent', 'No answer by the due date', 15, R_CLAR_CLOSE, '', '<bpmn:timerEventDefinition id="TimerDefinition_NoClarification"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${clarificationDueDate}</bpmn:timeDate></bpmn:timerEventDefinition>')
send('Task_SendClarificationNotReceived', 'Send closure letter: no answer to the question', 16, R_CLAR_CLOSE, 'clarification-not-received')
outcome('Event_OutcomeClosedNoClarification', 'Outcome: closed, no answer', 17, R_CLAR_CLOSE, "${execution.setVariable('outcome', 'CLOSED_NO_CLARIFICATION')}")
gw('Gateway_ExtensionPossible', 'Still within the first month?', 12, R_EXT, default='Flow_ExtensionTooLate')
user('Task_ApproveExtension', 'Approve the extension', 13, R_EXT, 'managers', 'rights-approve-extension', [('recordExtensionDecision', 'complete'), ('withdrawExtensionAsk', 'delete')])
gw('Gateway_ExtensionApproved', 'Approved?', 14, R_EXT, default='Flow_ExtensionRefused')
svc('Task_ExtendDeadline', 'Extend the deadline by two months', 15, R_EXT, '${extendDeadline}')
send('Task_SendExtensionNotice', 'Send extension notice with reasons', 16, R_EXT, 'extension-notice', '${letterTexts.extensionReason(execution)}')
svc('Task_RecordExtensionNoticeSent', 'Record that the requester was told', 17, R_EXT, '${requestClockService.extensionNoticeSent(execution.processBusinessKey)}', attr='expression')
# the type-specific steps
RD = [('recordRightsDecision', 'complete')]
user('Task_DecideRectification', 'Correct the data, or refuse (Art. 16)', 13, R_MAIN, 'privacy-officers', 'rights-rectification', RD)
send('Task_SendRectificationDecision', 'Send the rectification decision', 14, R_MAIN, 'rectification-decision', "${rightsLetterTexts.decision(execution, 'RECTIFICATION')}")
user('Task_DecideRestriction', 'Decide the restriction (Art. 18)', 13, R_RES, 'privacy-officers', 'rights-restriction', RD)
gw('Gateway_Restricted', 'Restricted?', 14, R_RES, default='Flow_RestrictionRefused')
svc('Task_PlaceRestriction', "Flag the person's records as restricted", 15, R_RES, '${placeRestriction}')
send('Task_SendRestrictionDecision', 'Send the restriction decision', 16, R_RES, 'restriction-decision', "${rightsLetterTexts.decision(execution, 'RESTRICTION')}")
user('Task_WeighObjection', 'Weigh the objection (Art. 21(1))', 13, R_OBJ, 'privacy-officers', 'rights-objection', RD)
send('Task_SendObjectionDecision', 'Send the objection decision', 14, R_OBJ, 'processing-objection-decision', "${rightsLetterTexts.decision(execution, 'PROCESSING_OBJECTION')}")
svc('Task_BuildPortabilityPack', 'Build the data the person provided (JSON, CSV)', 13, R_POR, '${buildPortabilityPack}', asyncb=True)
user('Task_ApprovePortablePack', 'Approve the portable data (second officer)', 14, R_POR, 'privacy-officers', 'rights-portability-approve', [('approveDisclosurePack', 'complete')])
svc('Task_SendPackLink', 'Email the download link to the address on record', 15, R_POR, '${sendPackLink}', asyncb=True)
n('Error_NoVerifiedEmail', 'boundaryEvent', 'No verified email address', 15.3, R_POR + 40, 'attachedToRef="Task_SendPackLink"', '<bpmn:errorEventDefinition id="ErrorDefinition_NoVerifiedEmail" errorRef="ErrorCode_NoVerifiedEmail" />')
user('Task_DeliverPackAnotherWay', 'Deliver the pack another way', 16, R_POR2, 'privacy-officers', 'sar-deliver-pack', [('recordManualDelivery', 'complete')])
gw('Gateway_Delivered', 'Pack delivered', 17, R_POR)
outcome('Event_OutcomeProvided', 'Outcome: portable data provided', 18, R_POR, "${execution.setVariable('outcome', 'PROVIDED')}")
outcome('Event_OutcomeDecided', "Outcome: the officer's decision", 18, R_MAIN, "${execution.setVariable('outcome', rightsOutcome)}")
gw('Gateway_Close', 'Close', 19, R_MAIN)
svc('Task_CloseRequest', 'Close the request with its outcome', 20, R_MAIN, '${closeRightsRequest}')
n('End_RequestAnswered', 'endEvent', 'Request answered', 21, R_MAIN, '', '<bpmn:terminateEventDefinition id="Terminate_RequestAnswered" />')
# after the answer: a restriction stays until lifted
gw('Gateway_RestrictionApplies', 'Restriction placed?', 23, R_MAIN, default='Flow_NothingToLift', parent='process')
user('Task_LiftRestriction', 'Lift the restriction when its grounds end', 24, R_RES, 'privacy-officers', 'rights-restriction-lift', RD,
     doc='No statutory clock: the restriction applies until its grounds end. The requester is told, with the reason, before it is lifted (Art. 18(3)).', parent='process')
send('Task_SendRestrictionLifted', 'Tell the requester before lifting', 25, R_RES, 'restriction-lifted', "${rightsLetterTexts.decision(execution, 'RESTRICTION_LIFTED')}", parent='process')
svc('Task_RemoveRestrictionFlag', 'Lift the restriction flag', 26, R_RES, '${liftRestriction}', parent='process')
n('End_RestrictionLifted', 'endEvent', 'Restriction lifted', 27, R_RES, parent='process')
n('End_NothingToLift', 'endEvent', 'Request done', 24, R_MAIN, parent='process')

# flows
f('Flow_ToAnswer', 'Start_RightsRequestReceived', 'SubProcess_AnswerRequest')
f('Flow_ToStartClocks', 'Start_AnswerRequest', 'Gateway_StartClocks')
f('Flow_ToClocks', 'Gateway_StartClocks', 'CallActivity_SlaClocks')
f('Flow_ClocksDone', 'CallActivity_SlaClocks', 'End_ClocksDone')
f('Flow_ToAcknowledge', 'Gateway_StartClocks', 'Task_SendAcknowledgement')
f('Flow_ToAssessIdentity', 'Task_SendAcknowledgement', 'Task_AssessIdentity')
f('Flow_ToIdentityMatched', 'Task_AssessIdentity', 'Gateway_IdentityMatched')
f('Flow_Matched', 'Gateway_IdentityMatched', 'Task_ConfirmIdentity', 'yes', '${identityMatched}')
f('Flow_NoMatch', 'Gateway_IdentityMatched', 'Gateway_AskForId', 'no: reasonable doubt')
f('Flow_ToIdentityConfirmed', 'Task_ConfirmIdentity', 'Gateway_IdentityConfirmed')
f('Flow_IdentityConfirmed', 'Gateway_IdentityConfirmed', 'Gateway_IdentityVerified', 'yes', '${identityConfirmed}')
f('Flow_DoubtAfterAll', 'Gateway_IdentityConfirmed', 'Gateway_AskForId', 'no: ask for ID')
f('Flow_ToSendIdRequest', 'Gateway_AskForId', 'Task_SendIdRequest')
f('Flow_ToAwaitId', 'Task_SendIdRequest', 'Gateway_AwaitId')
f('Flow_ToIdReceived', 'Gateway_AwaitId', 'Event_IdReceived')
f('Flow_ToIdWaitOver', 'Gateway_AwaitId', 'Timer_IdNotReceived')
f('Flow_ToStartClockOnId', 'Event_IdReceived', 'Task_StartClockOnIdArrival')
f('Flow_ToCheckId', 'Task_StartClockOnIdArrival', 'Task_CheckIdDocument')
f('Flow_ToIdAccepted', 'Task_CheckIdDocument', 'Gateway_IdAccepted')
f('Flow_IdAccepted', 'Gateway_IdAccepted', 'Gateway_IdentityVerified', 'yes', '${identityConfirmed}')
f('Flow_AskAgain', 'Gateway_IdAccepted', 'Gateway_AskForId', 'no: ask again')
f('Flow_ToSendIdNotReceived', 'Timer_IdNotReceived', 'Task_SendIdNotReceived')
f('Flow_ToOutcomeClosedNoId', 'Task_SendIdNotReceived', 'Event_OutcomeClosedNoId')
f('Flow_ClosedNoIdToClose', 'Event_OutcomeClosedNoId', 'Gateway_Close')
f('Flow_ToMarkVerified', 'Gateway_IdentityVerified', 'Task_MarkIdentifiersVerified')
f('Flow_ToTriage', 'Task_MarkIdentifiersVerified', 'Gateway_BackToTriage')
f('Flow_ToTriageTask', 'Gateway_BackToTriage', 'Task_TriageRequest')
f('Flow_ToTriageDecision', 'Task_TriageRequest', 'Gateway_TriageDecision')
f('Flow_Proceed', 'Gateway_TriageDecision', 'Gateway_WhichRight', 'proceed')
f('Flow_Refuse', 'Gateway_TriageDecision', 'Task_ApproveRefusal', 'refuse', "${triageRoute == 'REFUSE'}")
f('Flow_Clarify', 'Gateway_TriageDecision', 'Task_PauseClock', 'ask for clarification', "${triageRoute == 'CLARIFY'}")
f('Flow_Extend', 'Gateway_TriageDecision', 'Gateway_ExtensionPossible', 'extend', "${triageRoute == 'EXTEND'}")
f('Flow_ToRefusalSignedOff', 'Task_ApproveRefusal', 'Gateway_RefusalSignedOff')
f('Flow_RefusalSignedOff', 'Gateway_RefusalSignedOff', 'Task_SendRefusal', 'yes', '${refusalSignedOff}')
f('Flow_RefusalNotSignedOff', 'Gateway_RefusalSignedOff', 'Gateway_BackToTriage', 'no: back to triage')
f('Flow_ToOutcomeRefused', 'Task_SendRefusal', 'Event_OutcomeRefused')
f('Flow_RefusedToClose', 'Event_OutcomeRefused', 'Gateway_Close')
f('Flow_ToSendClarificationRequest', 'Task_PauseClock', 'Task_SendClarificationRequest')
f('Flow_ToAwaitClarification', 'Task_SendClarificationRequest', 'Gateway_AwaitClarification')
f('Flow_ToClarificationReceived', 'Gateway_AwaitClarification', 'Event_ClarificationReceived')
f('Flow_ToClarificationWaitOver', 'Gateway_AwaitClarification', 'Timer_NoClarification')
f('Flow_ToSendClarificationNotReceived', 'Timer_NoClarification', 'Task_SendClarificationNotReceived')
f('Flow_ToOutcomeClosedNoClarification', 'Task_SendClarificationNotReceived', 'Event_OutcomeClosedNoClarification')
f('Flow_ClosedNoClarificationToClose', 'Event_OutcomeClosedNoClarification', 'Gateway_Close')
f('Flow_ToResumeClock', 'Event_ClarificationReceived', 'Task_ResumeClock')
f('Flow_ClarifiedToTriage', 'Task_ResumeClock', 'Gateway_BackToTriage')
f('Flow_ExtensionPossible', 'Gateway_ExtensionPossible', 'Task_ApproveExtension', 'yes', '${requestClockService.extensionAllowed(execution.processBusinessKey)}')
f('Flow_ExtensionTooLate', 'Gateway_ExtensionPossible', 'Gateway_BackToTriage', 'no: back to triage')
f('Flow_ToExtensionApproved', 'Task_ApproveExtension', 'Gateway_ExtensionApproved')
f('Flow_ExtensionApproved', 'Gateway_ExtensionApproved', 'Task_ExtendDeadline', 'yes', '${extensionApproved}')
f('Flow_ExtensionRefused', 'Gateway_ExtensionApproved', 'Gateway_BackToTriage', 'no: back to triage')
f('Flow_ToSendExtensionNotice', 'Task_ExtendDeadline', 'Task_SendExtensionNotice')
f('Flow_ToRecordExtensionNotice', 'Task_SendExtensionNotice', 'Task_RecordExtensionNoticeSent')
f('Flow_ExtendedToTriage', 'Task_RecordExtensionNoticeSent', 'Gateway_BackToTriage')
f('Flow_ToDecideRectification', 'Gateway_WhichRight', 'Task_DecideRectification', 'rectification')
f('Flow_ToDecideRestriction', 'Gateway_WhichRight', 'Task_DecideRestriction', 'restriction', "${requestType == 'RESTRICTION'}")
f('Flow_ToWeighObjection', 'Gateway_WhichRight', 'Task_WeighObjection', 'objection', "${requestType == 'PROCESSING_OBJECTION'}")
f('Flow_ToBuildPortabilityPack', 'Gateway_WhichRight', 'Task_BuildPortabilityPack', 'portability', "${requestType == 'PORTABILITY'}")
f('Flow_ToSendRectificationDecision', 'Task_DecideRectification', 'Task_SendRectificationDecision')
f('Flow_RectificationToOutcome', 'Task_SendRectificationDecision', 'Event_OutcomeDecided')
f('Flow_ToRestricted', 'Task_DecideRestriction', 'Gateway_Restricted')
f('Flow_Restricted', 'Gateway_Restricted', 'Task_PlaceRestriction', 'yes', "${rightsOutcome == 'RESTRICTED'}")
f('Flow_RestrictionRefused', 'Gateway_Restricted', 'Task_SendRestrictionDecision', 'no: refused')
f('Flow_ToSendRestrictionDecision', 'Task_PlaceRestriction', 'Task_SendRestrictionDecision')
f('Flow_RestrictionToOutcome', 'Task_SendRestrictionDecision', 'Event_OutcomeDecided')
f('Flow_ToSendObjectionDecision', 'Task_WeighObjection', 'Task_SendObjectionDecision')
f('Flow_ObjectionToOutcome', 'Task_SendObjectionDecision', 'Event_OutcomeDecided')
f('Flow_ToApprovePortablePack', 'Task_BuildPortabilityPack', 'Task_ApprovePortablePack')
f('Flow_ToSendPackLink', 'Task_ApprovePortablePack', 'Task_SendPackLink')
f('Flow_LinkSent', 'Task_SendPackLink', 'Gateway_Delivered')
f('Flow_ToDeliverAnotherWay', 'Error_NoVerifiedEmail', 'Task_DeliverPackAnotherWay')
f('Flow_DeliveredAnotherWay', 'Task_DeliverPackAnotherWay', 'Gateway_Delivered')
f('Flow_ToOutcomeProvided', 'Gateway_Delivered', 'Event_OutcomeProvided')
f('Flow_ProvidedToClose', 'Event_OutcomeProvided', 'Gateway_Close')
f('Flow_DecidedToClose', 'Event_OutcomeDecided', 'Gateway_Close')
f('Flow_ToCloseRequest', 'Gateway_Close', 'Task_CloseRequest')
f('Flow_ToEnd', 'Task_CloseRequest', 'End_RequestAnswered')
f('Flow_ToRestrictionApplies', 'SubProcess_AnswerRequest', 'Gateway_RestrictionApplies')
f('Flow_RestrictionApplies', 'Gateway_RestrictionApplies', 'Task_LiftRestriction', 'yes: until lifted', "${outcome == 'RESTRICTED'}")
f('Flow_NothingToLift', 'Gateway_RestrictionApplies', 'End_NothingToLift', 'no')
f('Flow_ToSendRestrictionLifted', 'Task_LiftRestriction', 'Task_SendRestrictionLifted')
f('Flow_ToRemoveRestrictionFlag', 'Task_SendRestrictionLifted', 'Task_RemoveRestrictionFlag')
f('Flow_ToEndRestrictionLifted', 'Task_RemoveRestrictionFlag', 'End_RestrictionLifted')

# ---- extension asked at any stage (issue 14 s.2): a non-interrupting message event sub-process of the whole
# process, as in the access and erasure processes. An officer asks (POST /api/requests/{reference}/extension,
# sla.ExtensionAsks, which lets only one ask wait for a manager), a manager approves it with the reason, the
# deadline moves by two months and the requester is told, while the main path carries on. Drawn below the main
# sub-process at the left (x < 1500).
EXT_ANY = 'SubProcess_ExtensionAskedAnyStage'
EXT_ANY_DOC = ('An officer asks for an extension at any stage before the answer is sent (POST /api/requests/{reference}/extension): '
               'a manager approves it with the reason, the deadline moves by two months and the requester is told why. '
               'The desk refuses the ask after the first month, a second time, and while another ask waits for a manager.')
R_EXT_ANY = 1440
EXT_ANY_BOX = (180, 1350, 1040, 220)
def extension_any_stage():
    n('Start_ExtensionAsked', 'startEvent', 'Extension asked', 0, R_EXT_ANY, 'isInterrupting="false"',
      '<bpmn:messageEventDefinition id="MessageDefinition_ExtensionAsked" messageRef="Message_ExtensionAsked" />', parent=EXT_ANY)
    user('Task_ApproveExtensionAnyStage', 'Approve the extension', 1, R_EXT_ANY, 'managers', 'rights-approve-extension',
         [('recordExtensionDecision', 'complete'), ('withdrawExtensionAsk', 'delete')], parent=EXT_ANY)
    gw('Gateway_ExtensionAnyStageApproved', 'Approved?', 2, R_EXT_ANY, default='Flow_ExtensionAnyStageRefused', parent=EXT_ANY)
    n('End_ExtensionNotGranted', 'endEvent', 'Extension not granted', 2.6, R_EXT_ANY + 80, parent=EXT_ANY)
    svc('Task_ExtendDeadlineAnyStage', 'Extend the deadline by two months', 3, R_EXT_ANY, '${extendDeadline}', parent=EXT_ANY)
    send('Task_SendExtensionNoticeAnyStage', 'Send extension notice with reasons', 4, R_EXT_ANY, 'extension-notice',
         '${letterTexts.extensionReason(execution)}', parent=EXT_ANY)
    svc('Task_RecordExtensionNoticeAnyStage', 'Record that the requester was told', 5, R_EXT_ANY,
        '${requestClockService.extensionNoticeSent(execution.processBusinessKey)}', parent=EXT_ANY, attr='expression')
    n('End_ExtensionGranted', 'endEvent', 'Deadline extended, requester told', 6, R_EXT_ANY, parent=EXT_ANY)
    f('Flow_ToApproveExtensionAnyStage', 'Start_ExtensionAsked', 'Task_ApproveExtensionAnyStage')
    f('Flow_ToExtensionAnyStageApproved', 'Task_ApproveExtensionAnyStage', 'Gateway_ExtensionAnyStageApproved')
    f('Flow_ExtensionAnyStageApproved', 'Gateway_ExtensionAnyStageApproved', 'Task_ExtendDeadlineAnyStage', 'yes', '${extensionApproved}')
    f('Flow_ExtensionAnyStageRefused', 'Gateway_ExtensionAnyStageApproved', 'End_ExtensionNotGranted', 'no')
    f('Flow_ToSendExtensionNoticeAnyStage', 'Task_ExtendDeadlineAnyStage', 'Task_SendExtensionNoticeAnyStage')
    f('Flow_ToRecordExtensionNoticeAnyStage', 'Task_SendExtensionNoticeAnyStage', 'Task_RecordExtensionNoticeAnyStage')
    f('Flow_ToExtensionGranted', 'Task_RecordExtensionNoticeAnyStage', 'End_ExtensionGranted')
extension_any_stage()

# ---- geometry
X0, CW = 240, 150
SIZE = {'startEvent': (36, 36), 'endEvent': (36, 36), 'intermediateCatchEvent': (36, 36), 'intermediateThrowEvent': (36, 36),
        'boundaryEvent': (36, 36), 'exclusiveGateway': (50, 50), 'parallelGateway': (50, 50), 'eventBasedGateway': (50, 50)}
box = {}
for nd in nodes:
    w, h = SIZE.get(nd['tag'], (100, 80))
    cx = X0 + nd['col'] * CW
    cy = nd['row']
    box[nd['id']] = (cx - w / 2, cy - h / 2, w, h)
SUB = (X0 - 60, 40, (21 - 0) * CW + 130, R_NOID + 80 - 40)
box['SubProcess_AnswerRequest'] = SUB
def centre(i):
    x, y, w, h = box[i]; return x + w / 2, y + h / 2
def waypoints(s, t):
    sx, sy, sw, sh = box[s]; tx, ty, tw, th = box[t]
    scx, scy = centre(s); tcx, tcy = centre(t)
    if s == 'SubProcess_AnswerRequest':
        return [(sx + sw, tcy), (tx, tcy)]
    if t == 'SubProcess_AnswerRequest':
        return [(sx + sw, scy), (tx, scy)]
    if tcx > scx + 1:
        if abs(scy - tcy) < 1:
            return [(sx + sw, scy), (tx, tcy)]
        # leave from the top or bottom, then across
        if tcy < scy:
            return [(scx, sy), (scx, tcy), (tx, tcy)]
        return [(scx, sy + sh), (scx, tcy), (tx, tcy)]
    # backward: go round underneath or above
    if tcy <= scy:
        lane = min(sy, ty) - 25
        return [(scx, sy), (scx, lane), (tcx, lane), (tcx, ty)]
    lane = max(sy + sh, ty + th) + 25
    return [(scx, sy + sh), (scx, lane), (tcx, lane), (tcx, ty + th)]

# ---- semantics
def node_xml(nd):
    inc = ''.join(f'<bpmn:incoming>{fl["id"]}</bpmn:incoming>' for fl in flows if fl['t'] == nd['id'])
    out = ''.join(f'<bpmn:outgoing>{fl["id"]}</bpmn:outgoing>' for fl in flows if fl['s'] == nd['id'])
    inner = nd['inner']
    # documentation and extensionElements come first, then incoming/outgoing, then event definitions
    head, tail = '', ''
    import re
    for part in re.findall(r'(<bpmn:documentation>.*?</bpmn:documentation>|<bpmn:extensionElements>.*?</bpmn:extensionElements>)', inner):
        head += part
    tail = re.sub(r'(<bpmn:documentation>.*?</bpmn:documentation>|<bpmn:extensionElements>.*?</bpmn:extensionElements>)', '', inner)
    return f'<bpmn:{nd["tag"]} id="{nd["id"]}" name="{esc(nd["name"])}" {nd["attrs"]}>{head}{inc}{out}{tail}</bpmn:{nd["tag"]}>'
def flow_xml(fl):
    name = f' name="{esc(fl["name"])}"' if fl['name'] else ''
    cond = f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{esc(fl["cond"])}</bpmn:conditionExpression>' if fl['cond'] else ''
    return f'<bpmn:sequenceFlow id="{fl["id"]}" sourceRef="{fl["s"]}" targetRef="{fl["t"]}"{name}>{cond}</bpmn:sequenceFlow>'

sub_ids = {nd['id'] for nd in nodes if nd['parent'] == 'sub'}
def event_sub_xml(sp_id, name, doc):
    """A triggered-by-event sub-process of the whole process: the nodes whose parent is sp_id and the flows among them."""
    ids = {nd['id'] for nd in nodes if nd['parent'] == sp_id}
    inner = ''.join(node_xml(nd) for nd in nodes if nd['parent'] == sp_id) + ''.join(flow_xml(fl) for fl in flows if fl['s'] in ids and fl['t'] in ids)
    return ids, f'<bpmn:subProcess id="{sp_id}" name="{esc(name)}" triggeredByEvent="true"><bpmn:documentation>{esc(doc)}</bpmn:documentation>{inner}</bpmn:subProcess>'
EXT_ANY_IDS, EXT_ANY_XML = event_sub_xml(EXT_ANY, 'Extension asked at any stage', EXT_ANY_DOC)
DOC = ("One process for four rights, parametrised by the request type (requestType, set from the reference at the start): "
       "rectification (UK GDPR Art. 16), restriction (Art. 18), portability (Art. 20) and objection to processing other than direct marketing (Art. 21(1)). "
       "Started by the mail intake, mail triage or the register API (phone, post, in person) with the reference as business key and requestReference and requestId as variables. "
       "The sub-process answers the request with the same steps as an access request: acknowledgement, identity (an officer confirms a single customer match, otherwise ID is asked for, the clock starting on its receipt, no SLA timer running while it waits (requestClockService.holdForId), one reminder, no ID by desk.rights.id-wait closes the request), "
       "triage (proceed, refuse with a manager's sign-off, clarification with the clock stopped, chased once by the clocks and closed with a letter at clarificationDueDate, extension within the first month), beside the shared SLA clocks (request-sla-clocks), which its terminate end stops. "
       "Then one small step per right: the officer records what was corrected where or refuses; decides the restriction, which flags the person's records; weighs the objection and stops or continues with reasons; "
       "or the desk builds the data the person provided as JSON and CSV, a second officer approves it, and the one-time link goes to the verified address. Each decision has its letter. "
       "A restriction outlives the request: it is lifted by a later decision, after the requester is told (Art. 18(3)). "
       "An extension can also be asked at any stage before the answer is sent (event sub-process Extension asked at any stage).")
sub_inner = ''.join(node_xml(nd) for nd in nodes if nd['parent'] == 'sub') + ''.join(flow_xml(fl) for fl in flows if fl['s'] in sub_ids and fl['t'] in sub_ids)
sub_inc = ''.join(f'<bpmn:incoming>{fl["id"]}</bpmn:incoming>' for fl in flows if fl['t'] == 'SubProcess_AnswerRequest')
sub_out = ''.join(f'<bpmn:outgoing>{fl["id"]}</bpmn:outgoing>' for fl in flows if fl['s'] == 'SubProcess_AnswerRequest')
sub = (f'<bpmn:subProcess id="SubProcess_AnswerRequest" name="Answer the request">'
       f'<bpmn:documentation>Ends at its terminate end, which stops the SLA clocks with it.</bpmn:documentation>{sub_inc}{sub_out}{sub_inner}</bpmn:subProcess>')
proc_inner = (''.join(node_xml(nd) for nd in nodes if nd['parent'] == 'process') + sub + EXT_ANY_XML
              + ''.join(flow_xml(fl) for fl in flows if not (fl['s'] in sub_ids and fl['t'] in sub_ids) and not (fl['s'] in EXT_ANY_IDS and fl['t'] in EXT_ANY_IDS)))

di = []
di.append(f'<bpmndi:BPMNShape id="SubProcess_AnswerRequest_di" bpmnElement="SubProcess_AnswerRequest" isExpanded="true"><dc:Bounds x="{SUB[0]}" y="{SUB[1]}" width="{SUB[2]}" height="{SUB[3]}" /></bpmndi:BPMNShape>')
di.append(f'<bpmndi:BPMNShape id="{EXT_ANY}_di" bpmnElement="{EXT_ANY}" isExpanded="true"><dc:Bounds x="{EXT_ANY_BOX[0]}" y="{EXT_ANY_BOX[1]}" width="{EXT_ANY_BOX[2]}" height="{EXT_ANY_BOX[3]}" /></bpmndi:BPMNShape>')
for nd in nodes:
    x, y, w, h = box[nd['id']]
    label = f'<bpmndi:BPMNLabel><dc:Bounds x="{x - 30:.0f}" y="{y + h + 4:.0f}" width="{w + 60:.0f}" height="27" /></bpmndi:BPMNLabel>' if nd['tag'] not in ('userTask', 'serviceTask', 'callActivity') else ''
    di.append(f'<bpmndi:BPMNShape id="{nd["id"]}_di" bpmnElement="{nd["id"]}"><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" />{label}</bpmndi:BPMNShape>')
for fl in flows:
    wps = ''.join(f'<di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in waypoints(fl['s'], fl['t']))
    di.append(f'<bpmndi:BPMNEdge id="{fl["id"]}_di" bpmnElement="{fl["id"]}">{wps}</bpmndi:BPMNEdge>')


# ---- clarification at any stage (issue 14 s.2): two event sub-processes at process level, drawn below
# everything else and to the right (x >= 1500). Kept apart from the tables above: their own nodes and flows.
def clarification_any_stage(x0=1500, y0=1380):
    """The semantics and the diagram of SubProcess_ClarificationAskedAnyStage (non-interrupting: stop the
    clock, ask, wait for the answer or throw CLARIFICATION_UNANSWERED at clarificationDueDate) and
    SubProcess_ClosedNoClarification (interrupting: ends the request and its SLA clocks, sends the
    no-answer letter and closes the request)."""
    cy = y0 + 90
    x1 = x0 + 960
    subs = {
        'SubProcess_ClarificationAskedAnyStage': dict(
            name='Clarification asked at any stage', box=(x0, y0, 900, 260),
            doc='An officer asks the requester a question at any stage before the answer is sent (POST /api/requests/{reference}/clarification; '
                'the question is kept on the request as a triage note, not in the engine). The clock stops (Art. 12A) and the clocks chase the '
                'requester once; the question goes out; the answer (by mail, or recorded by staff with the day it arrived) restarts the clock and '
                'the work carries on where it was. No answer by clarificationDueDate (desk.sla.clarification-wait) throws CLARIFICATION_UNANSWERED, '
                'which closes the request.'),
        'SubProcess_ClosedNoClarification': dict(
            name='Close: no answer to the question', box=(x1, y0, 620, 260),
            doc='Interrupting: the unanswered question of the any-stage clarification ends the whole request, its open tasks and its SLA clocks '
                '(the call activity is cancelled, as the terminate end does), then the closure letter goes and the request is closed with the '
                'outcome CLOSED_NO_CLARIFICATION.'),
    }
    cn, cf = [], []   # (sub, id, tag, name, attrs, inner, (x, y, w, h)); (sub, id, src, tgt)
    def node(sub, id_, tag, name, x, y, attrs='', inner=''):
        w, h = (36, 36) if tag.endswith('Event') else (50, 50) if tag.endswith('Gateway') else (100, 80)
        cn.append((sub, id_, tag, name, attrs, inner, (x, cy - h / 2 + y, w, h)))
    A, C = 'SubProcess_ClarificationAskedAnyStage', 'SubProcess_ClosedNoClarification'
    node(A, 'Start_ClarificationAsked', 'startEvent', 'Clarification asked', x0 + 40, 0, 'isInterrupting="false"',
         '<bpmn:messageEventDefinition id="MessageDefinition_ClarificationAsked" messageRef="Message_ClarificationAsked" />')
    node(A, 'Task_PauseClockAnyStage', 'serviceTask', 'Stop the clock for clarification', x0 + 120, 0, 'camunda:delegateExpression="${pauseClock}"')
    node(A, 'Task_SendClarificationRequestAnyStage', 'serviceTask', 'Send clarification request', x0 + 270, 0,
         'camunda:asyncBefore="true" camunda:delegateExpression="${sendLetter}"',
         letter('clarification-request', ['${letterTexts.clarificationQuestion(execution)}',
                                          "${execution.setVariable('clarificationDueDate', requestClockService.clarificationDueDate())}"]))
    node(A, 'Gateway_AwaitClarificationAnyStage', 'eventBasedGateway', 'Wait for the answer', x0 + 420, 0)
    node(A, 'Event_ClarificationReceivedAnyStage', 'intermediateCatchEvent', 'Requester clarified', x0 + 520, 0, '',
         '<bpmn:messageEventDefinition id="MessageDefinition_ClarificationReceivedAnyStage" messageRef="Message_RequesterReply" />')
    node(A, 'Task_ResumeClockAnyStage', 'serviceTask', 'Restart the clock', x0 + 600, 0, 'camunda:delegateExpression="${resumeClock}"')
    node(A, 'End_ClarificationAnswered', 'endEvent', 'Answered: the work carries on', x0 + 760, 0)
    node(A, 'Timer_NoClarificationAnyStage', 'intermediateCatchEvent', 'No answer by the due date', x0 + 520, 120, '',
         '<bpmn:timerEventDefinition id="TimerDefinition_NoClarificationAnyStage"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${clarificationDueDate}</bpmn:timeDate></bpmn:timerEventDefinition>')
    node(A, 'End_ClarificationUnanswered', 'endEvent', 'No answer: close the request', x0 + 760, 120, '',
         '<bpmn:escalationEventDefinition id="EscalationDefinition_ClarificationUnanswered" escalationRef="Escalation_ClarificationUnanswered" />')
    node(C, 'Start_ClarificationUnanswered', 'startEvent', 'Question unanswered', x1 + 40, 0, '',
         '<bpmn:escalationEventDefinition id="EscalationDefinition_ClarificationUnansweredCaught" escalationRef="Escalation_ClarificationUnanswered" />')
    node(C, 'Task_SendClarificationNotReceivedAnyStage', 'serviceTask', 'Send closure letter: no answer to the question', x1 + 120, 0,
         'camunda:asyncBefore="true" camunda:delegateExpression="${sendLetter}"', letter('clarification-not-received'))
    node(C, 'Task_CloseNoClarification', 'serviceTask', 'Close the request with its outcome', x1 + 290, 0,
         'camunda:delegateExpression="${closeRightsRequest}"',
         '<bpmn:extensionElements><camunda:executionListener expression="' + esc("${execution.setVariable('outcome', 'CLOSED_NO_CLARIFICATION')}") + '" event="start" /></bpmn:extensionElements>')
    node(C, 'End_ClosedNoClarification', 'endEvent', 'Closed: no answer', x1 + 480, 0, '',
         '<bpmn:terminateEventDefinition id="TerminateDefinition_ClosedNoClarification" />')
    for sub, id_, s_, t_ in [
            (A, 'Flow_ToPauseClockAnyStage', 'Start_ClarificationAsked', 'Task_PauseClockAnyStage'),
            (A, 'Flow_ToSendClarificationRequestAnyStage', 'Task_PauseClockAnyStage', 'Task_SendClarificationRequestAnyStage'),
            (A, 'Flow_ToAwaitClarificationAnyStage', 'Task_SendClarificationRequestAnyStage', 'Gateway_AwaitClarificationAnyStage'),
            (A, 'Flow_ToClarificationReceivedAnyStage', 'Gateway_AwaitClarificationAnyStage', 'Event_ClarificationReceivedAnyStage'),
            (A, 'Flow_ToResumeClockAnyStage', 'Event_ClarificationReceivedAnyStage', 'Task_ResumeClockAnyStage'),
            (A, 'Flow_ToClarificationAnswered', 'Task_ResumeClockAnyStage', 'End_ClarificationAnswered'),
            (A, 'Flow_ToNoClarificationAnyStage', 'Gateway_AwaitClarificationAnyStage', 'Timer_NoClarificationAnyStage'),
            (A, 'Flow_ToClarificationUnanswered', 'Timer_NoClarificationAnyStage', 'End_ClarificationUnanswered'),
            (C, 'Flow_ToSendClarificationNotReceivedAnyStage', 'Start_ClarificationUnanswered', 'Task_SendClarificationNotReceivedAnyStage'),
            (C, 'Flow_ToCloseNoClarification', 'Task_SendClarificationNotReceivedAnyStage', 'Task_CloseNoClarification'),
            (C, 'Flow_ToEndClosedNoClarification', 'Task_CloseNoClarification', 'End_ClosedNoClarification')]:
        cf.append((sub, id_, s_, t_))
    import re
    sem, di = '', []
    where = {c[1]: c[6] for c in cn}
    for sub, meta in subs.items():
        inner = ''
        for _, id_, tag, name, attrs, body, _b in (c for c in cn if c[0] == sub):
            inc = ''.join(f'<bpmn:incoming>{f[1]}</bpmn:incoming>' for f in cf if f[3] == id_)
            out = ''.join(f'<bpmn:outgoing>{f[1]}</bpmn:outgoing>' for f in cf if f[2] == id_)
            head = ''.join(re.findall(r'<bpmn:extensionElements>.*?</bpmn:extensionElements>', body))
            tail = re.sub(r'<bpmn:extensionElements>.*?</bpmn:extensionElements>', '', body)
            inner += f'<bpmn:{tag} id="{id_}" name="{esc(name)}" {attrs}>{head}{inc}{out}{tail}</bpmn:{tag}>'
        inner += ''.join(f'<bpmn:sequenceFlow id="{f[1]}" sourceRef="{f[2]}" targetRef="{f[3]}" />' for f in cf if f[0] == sub)
        sem += (f'<bpmn:subProcess id="{sub}" name="{esc(meta["name"])}" triggeredByEvent="true">'
                f'<bpmn:documentation>{esc(meta["doc"])}</bpmn:documentation>{inner}</bpmn:subProcess>')
        x, y, w, h = meta['box']
        di.append(f'<bpmndi:BPMNShape id="{sub}_di" bpmnElement="{sub}" isExpanded="true"><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>')
    for _, id_, tag, name, _a, _i, (x, y, w, h) in cn:
        label = f'<bpmndi:BPMNLabel><dc:Bounds x="{x - 30:.0f}" y="{y + h + 4:.0f}" width="{w + 60:.0f}" height="27" /></bpmndi:BPMNLabel>' if tag != 'serviceTask' else ''
        di.append(f'<bpmndi:BPMNShape id="{id_}_di" bpmnElement="{id_}"><dc:Bounds x="{x:.0f}" y="{y:.0f}" width="{w}" height="{h}" />{label}</bpmndi:BPMNShape>')
    for _, id_, s_, t_ in cf:
        sx, sy, sw, sh = where[s_]; tx, ty, tw, th = where[t_]
        if abs((sy + sh / 2) - (ty + th / 2)) < 1:
            pts = [(sx + sw, sy + sh / 2), (tx, ty + th / 2)]
        else:  # down from the gateway, then across
            pts = [(sx + sw / 2, sy + sh), (sx + sw / 2, ty + th / 2), (tx, ty + th / 2)]
        wps = ''.join(f'<di:waypoint x="{px:.0f}" y="{py:.0f}" />' for px, py in pts)
        di.append(f'<bpmndi:BPMNEdge id="{id_}_di" bpmnElement="{id_}">{wps}</bpmndi:BPMNEdge>')
    defs = ('<bpmn:message id="Message_ClarificationAsked" name="clarification-asked" />\n'
            '<bpmn:escalation id="Escalation_ClarificationUnanswered" name="Clarification unanswered" escalationCode="CLARIFICATION_UNANSWERED" />\n')
    return defs, sem, '\n'.join(di)
CLAR_DEFS, CLAR_SEM, CLAR_DI = clarification_any_stage()

xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tools/rights-request-bpmn.py: edit the script and run it again, or open this file in Camunda Modeler. -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_rights-request" targetNamespace="http://lucidservices.uk/privacy-desk" exporter="Privacy Desk" exporterVersion="1">
<bpmn:message id="Message_RequesterReply" name="requester-reply" />
<bpmn:message id="Message_ExtensionAsked" name="extension-asked" />
{CLAR_DEFS}<bpmn:error id="ErrorCode_NoVerifiedEmail" name="No verified email address" errorCode="NO_VERIFIED_EMAIL" />
<bpmn:process id="rights-request" name="Rectification, restriction, portability or objection request" isExecutable="true" camunda:historyTimeToLive="P180D" camunda:isStartableInTasklist="false">
<bpmn:documentation>{esc(DOC)}</bpmn:documentation>
{proc_inner}
{CLAR_SEM}
</bpmn:process>
<bpmndi:BPMNDiagram id="Diagram_rights-request"><bpmndi:BPMNPlane id="Plane_rights-request" bpmnElement="rights-request">
{chr(10).join(di)}
{CLAR_DI}
</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
'''
import sys
open(sys.argv[1] if len(sys.argv) > 1 else 'bpmn/rights-request.bpmn', 'w').write(xml)
print(len(nodes), 'nodes', len(flows), 'flows')
