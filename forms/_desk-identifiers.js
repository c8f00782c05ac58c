// The request's identifiers, one row each: kind, value, where it came from, its state as the
// identity check will judge it, the account it matched, and Accept / Reject for a suggestion or an
// identifier on no account. Used by the forms that confirm who is asking (confirm-identity,
// sar-check-id); they call showIdentifiers(reference) once they know the request's reference.
var SOURCES = { SENDER_ADDRESS: 'the mail\'s sender', STRUCTURED_FIELD: 'a field on the request', FOUND_IN_TEXT: 'found in the mail\'s text' };
var STATES = { SUGGESTED: ['suggestion: accept or reject', 'warning'], UNMATCHED: ['on no account', 'danger'],
  MATCHED: ['matched', 'success'], CONFIRMED: ['accepted', 'success'], REJECTED: ['rejected', 'default'] };
var UNDECIDED = ['SUGGESTED', 'UNMATCHED'];

function identifierDecision(reference, identifier, verb, status) {
  var path = '/api/requests/' + encodeURIComponent(reference) + '/identifiers/' + identifier.id + '/' + verb;
  status.textContent = 'Saving…';
  post(path).then(function () { showIdentifiers(reference); },
    function (error) { status.textContent = 'Not saved: ' + error.message; status.className = 'text-danger desk-identifier-status'; });
}

function showIdentifiers(reference) {
  var target = find('#desk-identifiers');
  return desk('/api/requests/' + encodeURIComponent(reference) + '/identifiers').then(function (identifiers) {
    var table = el('table', null, { class: 'table table-condensed desk-identifiers' });
    table.append(row(['Kind', 'Identifier', 'Came from', 'State', 'Matched account', 'Your decision'], 'th'));
    identifiers.forEach(function (i) {
      var state = STATES[i.state] || [i.state, 'default'];
      var decide = el('span', null, { class: 'desk-identifier-decision' });
      if (UNDECIDED.indexOf(i.state) >= 0) {
        var status = el('span', null, { class: 'text-muted desk-identifier-status' });
        [['accept', 'Accept', 'btn-success'], ['reject', 'Reject', 'btn-default']].forEach(function (b) {
          var button = el('button', b[1], { type: 'button', class: 'btn btn-xs ' + b[2], 'data-identifier': i.id, 'data-decision': b[0] });
          button.addEventListener('click', function () { identifierDecision(reference, i, b[0], status); });
          decide.append(button, document.createTextNode(' '));
        });
        decide.append(status);
      } else {
        decide.textContent = '—';
      }
      var tr = row([i.kind.toLowerCase(), i.value, SOURCES[i.source] || i.source,
        el('span', state[0], { class: 'label label-' + state[1] }), i.matchedAccount || '—', decide]);
      tr.setAttribute('data-identifier', i.id);
      tr.setAttribute('data-state', i.state);
      table.append(tr);
    });
    target.replaceChildren(identifiers.length ? table : el('p', 'No identifiers.'));
  }, function (error) { failed(target, 'the identifiers', error); });
}
