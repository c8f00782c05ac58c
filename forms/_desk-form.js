// Shared by every embedded form of the desk, kept once: tasklist.TaskFormPages puts it into each
// form's script in place of the form's include marker for this file (Tasklist's CSP nonce makes a
// script the form loads itself unreliable, so the page arrives with it inline).
// The desk's API is at the servlet context root; the webapps at <root>/camunda. Reads with the
// Tasklist session; nothing read here is written into the task's variables. The one write, post(),
// carries the webapps' CSRF token (the XSRF-TOKEN cookie, sent back as X-XSRF-TOKEN).
var appRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
var deskRoot = appRoot.replace(/\/[^/]*$/, '');
var form = camForm.formElement[0];
function find(selector) { return form.querySelector(selector); }
function getJson(url) {
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
    if (!r.ok) { throw new Error(r.status === 403 ? 'not shown to your group' : 'HTTP ' + r.status); }
    return r.json();
  });
}
function desk(path) { return getJson(deskRoot + path); }
// The task's request reference is its process instance's business key: no variable needed.
function businessKey() {
  var engine = appRoot + '/api/engine/engine/default';
  return getJson(engine + '/task/' + encodeURIComponent(camForm.taskId)).then(function (task) {
    return getJson(engine + '/process-instance/' + encodeURIComponent(task.processInstanceId));
  }).then(function (instance) { return instance.businessKey; });
}
function el(tag, text, attrs) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
  return node;
}
function row(cells, tag) {
  var tr = el('tr');
  cells.forEach(function (cell) {
    if (cell instanceof Node && /^T[DH]$/.test(cell.tagName)) { tr.append(cell); return; }
    var td = el(tag || 'td', cell instanceof Node ? null : cell);
    if (cell instanceof Node) { td.append(cell); }
    tr.append(td);
  });
  return tr;
}
function failed(target, what, error) {
  target.replaceChildren(el('p', 'Could not load ' + what + ' (' + error.message + '). Reload the task; if it persists, tell the administrator.', { class: 'text-danger' }));
}
function setVar(name, value, type) {
  var vm = camForm.variableManager;
  if (vm.variables[name]) { vm.variableValue(name, value); } else { vm.createVariable({ name: name, type: type || 'String', value: value }); }
}
// A new try starts without the last refusal's message (registered before the form's own handler).
camForm.on('submit', function () { find('.desk-form-error').textContent = ''; });
function refuse(evt, message) {
  evt.submitPrevented = true;
  find('.desk-form-error').textContent = message;
}
// The webapps' CSRF token, as Camunda's own pages send it back; the desk accepts a form's change
// only with it (security.WebappSessionUsers), and only on the few paths a form may change.
// A body (a file) goes as raw bytes.
function post(path, body) {
  var token = (document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/) || [])[1];
  var headers = { Accept: 'application/json', 'X-XSRF-TOKEN': token ? decodeURIComponent(token) : '' };
  if (body !== undefined) { headers['Content-Type'] = 'application/octet-stream'; }
  return fetch(deskRoot + path, { method: 'POST', credentials: 'same-origin', headers: headers, body: body }).then(function (r) {
    return r.json().catch(function () { return {}; }).then(function (body) {
      if (!r.ok) { throw new Error(body.message || (r.status === 403 ? 'not allowed for your group' : 'HTTP ' + r.status)); }
      return body;
    });
  });
}
