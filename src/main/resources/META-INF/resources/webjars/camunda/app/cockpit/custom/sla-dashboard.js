// Privacy Desk: request deadlines on the Cockpit dashboard.
// A Cockpit (7.14+) front-end plugin, loaded through customScripts in scripts/config.js. It reads
// GET /api/sla/requests with the Cockpit session (managers only; other users see why not) and shows
// every open request: type, reference, days left on each clock, paused/extended, and RAG status.
// No personal data reaches this page: the endpoint returns references and dates only.

const REFRESH_MS = 60 * 1000;
const TYPE_LABELS = { SUBJECT_ACCESS: 'Subject access', ERASURE: 'Erasure', COMPLAINT: 'Complaint' };
const RAG_STYLE = {
  RED: 'background:#b5152b;color:#fff',
  AMBER: 'background:#f0ad4e;color:#222',
  GREEN: 'background:#2e7d32;color:#fff'
};

let refreshTimer = null;

// The desk's API lives at the servlet context root; Cockpit's app root is "<context>/camunda".
function deskRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.replace(/\/[^/]*$/, '');
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function daysText(days) {
  if (days === 0) return 'today';
  if (days < 0) return `${-days} overdue`;
  return String(days);
}

function clockCell(date, days) {
  return el('td', { title: date }, daysText(days), el('br'), el('small', { class: 'text-muted' }, date));
}

function stateText(r) {
  const states = [];
  if (r.paused) states.push('paused');
  if (r.extended) states.push('extended');
  if (r.breached) states.push('breached: ' + r.breaches.map(b => b.toLowerCase().replace('_', ' ')).join(', '));
  return states.join('; ');
}

function table(requests, api) {
  const head = el('thead', {}, el('tr', {},
    el('th', {}, 'Status'), el('th', {}, 'Reference'), el('th', {}, 'Type'),
    el('th', {}, 'Internal target (days left)'), el('th', {}, 'Statutory deadline (days left)'),
    el('th', {}, 'Clock'), el('th', {}, 'Received')));
  const body = el('tbody');
  requests.forEach(r => {
    const reference = r.processInstanceId
      ? el('a', { href: `#/process-instance/${encodeURIComponent(r.processInstanceId)}/runtime` }, r.reference)
      : r.reference;
    body.append(el('tr', { 'data-reference': r.reference },
      el('td', {}, el('span', { class: 'badge', style: RAG_STYLE[r.rag] || '' }, r.rag)),
      el('td', {}, reference),
      el('td', {}, TYPE_LABELS[r.type] || r.type),
      clockCell(r.internalTarget, r.internalDaysLeft),
      clockCell(r.statutoryDeadline, r.statutoryDaysLeft),
      el('td', {}, stateText(r)),
      el('td', {}, (r.receivedAt || '').substring(0, 10))));
  });
  return el('table', { class: 'table table-condensed cam-table' }, head, body);
}

function summary(requests) {
  const count = rag => requests.filter(r => r.rag === rag).length;
  return el('p', {}, `${requests.length} open request(s): `,
    el('strong', {}, `${count('RED')} red`), ', ', `${count('AMBER')} amber`, ', ', `${count('GREEN')} green. `,
    el('small', { class: 'text-muted' }, 'Amber: 7 days or fewer on either clock. Red: a clock breached or passed.'));
}

async function load(container, api) {
  let message = null;
  try {
    const response = await fetch(`${deskRoot()}/api/sla/requests`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (response.status === 401) {
      message = 'Your session has ended: sign in to Cockpit again.';
    } else if (response.status === 403) {
      message = 'Request deadlines are shown to managers only.';
    } else if (!response.ok) {
      message = `Request deadlines could not be loaded (HTTP ${response.status}).`;
    } else {
      const requests = await response.json();
      container.replaceChildren(summary(requests),
        requests.length ? table(requests, api) : el('p', {}, 'No open requests.'));
      return;
    }
  } catch (e) {
    message = 'Request deadlines could not be loaded: the desk did not answer.';
  }
  container.replaceChildren(el('p', { class: 'text-muted' }, message));
}

export default {
  id: 'privacy-desk.sla-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  properties: {
    label: 'Request deadlines'
  },
  render: (node, { api }) => {
    const container = el('div', { class: 'privacy-desk-sla' }, el('p', { class: 'text-muted' }, 'Loading request deadlines…'));
    node.append(el('section', {}, el('h3', { class: 'section-title' }, 'Request deadlines'), container));
    load(container, api);
    clearInterval(refreshTimer);
    refreshTimer = setInterval(() => load(container, api), REFRESH_MS);
  },
  unmount: () => {
    clearInterval(refreshTimer);
    refreshTimer = null;
  }
};
