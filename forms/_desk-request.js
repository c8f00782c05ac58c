// An access request as the officer reads it, from its case file (GET /api/access-requests/{ref}):
// reference, receipt, deadline, who asked and their contact details, the accounts they match, and
// the request in their words. requestView(file, mailLinks) answers the nodes; with mailLinks, a
// link to each of its mails (forms that show the mails in full fetch them with mailView instead).
// The other rights (rectification, restriction, portability, objection) have a case file of the
// same shape at /api/rights-requests/{ref}.
function caseFile(reference) {
  var kind = /^(REC|RES|POR|OBP)-/.test(reference) ? 'rights-requests' : 'access-requests';
  return desk('/api/' + kind + '/' + encodeURIComponent(reference));
}
function requestView(file, mailLinks) {
  var r = file.requester || {};
  var details = el('dl', null, { class: 'dl-horizontal' });
  [['Reference', file.reference], ['Received', (file.receivedAt || '').substring(0, 10) + ' by ' + String(file.channel).toLowerCase()],
   ['Deadline', file.statutoryDeadline ? file.statutoryDeadline + (file.extended ? ' (extended)' : '') + (file.paused ? ', clock stopped' : '') : null],
   ['Name', r.name], ['Email', r.email], ['Phone', r.phone], ['Account', r.accountNumber],
   ['Matching accounts', (file.matchingAccounts || []).map(function (a) { return a.accountNumber; }).join(', ') || 'none']]
    .forEach(function (d) { if (d[1]) { details.append(el('dt', d[0]), el('dd', d[1])); } });
  var parts = [details];
  if (r.request) { parts.push(el('h4', 'In their words'), el('div', r.request, { class: 'desk-words' })); }
  if (mailLinks) {
    (file.mails || []).forEach(function (m) {
      parts.push(el('p', null), el('a', 'Mail #' + m.intakeId + ': ' + (m.subject || '(no subject)') + (m.attachments ? ' (' + m.attachments + ' attachment(s))' : ''),
        { href: deskRoot + m.link, target: '_blank', rel: 'noopener' }));
    });
  }
  return parts;
}

// Fills target with the node list a view answered.
function show(target, nodes) { target.replaceChildren.apply(target, nodes); }
