// Privacy Desk: request deadlines on the Cockpit dashboard.
// A Cockpit (7.14+) front-end plugin, loaded through customScripts in scripts/config.js. It reads
// GET /api/sla/report and /api/sla/requests with the Cockpit session (managers only; other users see
// why not) and shows what a manager reports on: requests received and closed per week by type, the
// share answered by the statutory deadline per month, open requests by days left, breaches, and every
// open request (type, reference, days left on each clock, paused/extended, RAG status), with a CSV
// export. Charts are plain SVG drawn here: no chart library to load or keep up to date.
// No personal data reaches this page: the endpoints return references, dates and counts only.

const REFRESH_MS = 60 * 1000;
// One label per request type (CockpitPluginTest fails when a type has none).
const TYPE_LABELS = {
  SUBJECT_ACCESS: 'Subject access',
  ERASURE: 'Erasure',
  COMPLAINT: 'Complaint',
  OBJECTION: 'Marketing objection',
  DO_NOT_RECORD: 'Stop recording calls',
  TRANSCRIPT_COPY: 'Live chat transcript copy',
  RECTIFICATION: 'Rectification',
  RESTRICTION: 'Restriction',
  PORTABILITY: 'Portability',
  PROCESSING_OBJECTION: 'Objection to processing',
};
// One colour a type, told apart in the stacked weekly columns (most from Paul Tol's muted scheme).
const TYPE_COLOURS = {
  SUBJECT_ACCESS: '#1f8a8a',
  ERASURE: '#12355b',
  COMPLAINT: '#c8762b',
  OBJECTION: '#882255',
  DO_NOT_RECORD: '#999933',
  TRANSCRIPT_COPY: '#88ccee',
  RECTIFICATION: '#aa4499',
  RESTRICTION: '#ddcc77',
  PORTABILITY: '#117733',
  PROCESSING_OBJECTION: '#cc6677',
};
const SVG = 'http://www.w3.org/2000/svg';
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

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function typeColour(type) {
  return TYPE_COLOURS[type] || '#888';
}

function legend(types) {
  return el('p', { class: 'privacy-desk-legend' }, ...types.flatMap(t => [
    el('span', { style: `display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;background:${typeColour(t)}` }),
    TYPE_LABELS[t] || t]));
}

// Stacked columns, one per week, one colour per request type; the count above each column.
function weeklyChart(title, weeks, key) {
  const types = Object.keys(weeks[0] ? weeks[0][key] : {});
  const totals = weeks.map(w => Object.values(w[key]).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const width = 560, height = 170, left = 28, bottom = 24, column = (width - left) / weeks.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': title,
    class: 'privacy-desk-chart', 'data-chart': key });
  chart.append(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, stroke: '#999' }));
  chart.append(svg('text', { x: 0, y: 12, 'font-size': 10, fill: '#666' }, String(max)));
  weeks.forEach((w, i) => {
    let y = height - bottom;
    const x = left + i * column + 4;
    types.forEach(t => {
      const h = (w[key][t] / max) * (height - bottom - 20);
      if (h > 0) {
        y -= h;
        chart.append(svg('rect', { x, y, width: column - 8, height: h, fill: typeColour(t) },
          svg('title', {}, `${TYPE_LABELS[t] || t}: ${w[key][t]}`)));
      }
    });
    if (totals[i]) chart.append(svg('text', { x: x + (column - 8) / 2, y: y - 3, 'font-size': 10, 'text-anchor': 'middle' }, String(totals[i])));
    chart.append(svg('text', { x: x + (column - 8) / 2, y: height - 8, 'font-size': 9, 'text-anchor': 'middle', fill: '#666' },
      w.monday.substring(8, 10) + '/' + w.monday.substring(5, 7)));
  });
  return el('div', { class: 'col-md-6' }, el('h4', {}, title), chart, legend(types));
}

// One column per month: the share of requests closed by their statutory deadline.
function onTimeChart(report) {
  const width = 560, height = 170, left = 34, bottom = 24, column = (width - left) / report.months.length;
  const share = report.closedInYear ? Math.round((100 * report.onTimeInYear) / report.closedInYear) : null;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img',
    'aria-label': 'Share answered on time per month', class: 'privacy-desk-chart', 'data-chart': 'on-time' });
  [0, 50, 100].forEach(p => {
    const y = height - bottom - (p / 100) * (height - bottom - 20);
    chart.append(svg('line', { x1: left, y1: y, x2: width, y2: y, stroke: '#ddd' }),
      svg('text', { x: 0, y: y + 3, 'font-size': 10, fill: '#666' }, `${p}%`));
  });
  report.months.forEach((m, i) => {
    const x = left + i * column + 4;
    const label = m.month.substring(5, 7) + '/' + m.month.substring(2, 4);
    if (m.closed) {
      const p = m.onTime / m.closed;
      const h = p * (height - bottom - 20);
      chart.append(svg('rect', { x, y: height - bottom - h, width: column - 8, height: h, fill: p >= 0.95 ? '#2e7d32' : p >= 0.8 ? '#f0ad4e' : '#b5152b' },
        svg('title', {}, `${label}: ${m.onTime} of ${m.closed} on time`)));
    }
    chart.append(svg('text', { x: x + (column - 8) / 2, y: height - 8, 'font-size': 9, 'text-anchor': 'middle', fill: '#666' }, label));
  });
  return el('div', { class: 'col-md-6' },
    el('h4', {}, 'Answered on time, last 12 months: ', el('strong', { 'data-on-time-share': share === null ? '' : String(share) },
      share === null ? 'nothing closed yet' : `${share}% (${report.onTimeInYear} of ${report.closedInYear})`)),
    chart);
}

// Horizontal bars: open requests by days left on the statutory clock.
function daysLeftChart(report) {
  const bands = Object.entries(report.openByDaysLeft);
  const max = Math.max(1, ...bands.map(([, n]) => n));
  const width = 560, row = 24, left = 70;
  const colours = { overdue: '#b5152b', '0-7': '#f0ad4e' };
  const chart = svg('svg', { viewBox: `0 0 ${width} ${bands.length * row + 4}`, width: '100%', role: 'img',
    'aria-label': 'Open requests by days left', class: 'privacy-desk-chart', 'data-chart': 'days-left' });
  bands.forEach(([band, n], i) => {
    const w = (n / max) * (width - left - 40);
    chart.append(svg('text', { x: 0, y: i * row + 16, 'font-size': 11 }, band === 'overdue' ? 'overdue' : `${band} days`),
      svg('rect', { x: left, y: i * row + 4, width: Math.max(w, 1), height: row - 8, fill: colours[band] || '#1f8a8a' }),
      svg('text', { x: left + w + 6, y: i * row + 16, 'font-size': 11 }, String(n)));
  });
  return el('div', { class: 'col-md-6' }, el('h4', {}, 'Open requests by days left (statutory deadline)'), chart);
}

function instanceLink(reference, processInstanceId) {
  return processInstanceId
    ? el('a', { href: `#/process-instance/${encodeURIComponent(processInstanceId)}/runtime` }, reference)
    : reference;
}

function breachTable(report) {
  if (!report.breaches.length) return el('div', { class: 'col-md-6' }, el('h4', {}, 'Breaches'), el('p', {}, 'No clock breached in the last 12 months.'));
  const body = el('tbody');
  report.breaches.forEach(b => body.append(el('tr', { 'data-breach': b.reference },
    el('td', {}, instanceLink(b.reference, b.open ? b.processInstanceId : null)),
    el('td', {}, TYPE_LABELS[b.type] || b.type),
    el('td', {}, [b.internalTargetMissed ? 'internal target' : null, b.statutoryDeadlineMissed ? 'statutory deadline' : null]
      .filter(Boolean).join(', ') || 'breached'),
    el('td', {}, b.statutoryDeadline || ''),
    el('td', {}, b.open ? 'open' : 'closed'))));
  return el('div', { class: 'col-md-6' }, el('h4', {}, `Breaches (${report.breaches.length})`),
    el('table', { class: 'table table-condensed cam-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Reference'), el('th', {}, 'Type'), el('th', {}, 'Missed'),
        el('th', {}, 'Statutory deadline'), el('th', {}, 'State'))), body));
}

function charts(report) {
  return el('div', { class: 'privacy-desk-report' },
    el('div', { class: 'row' }, weeklyChart('Received per week', report.weeks, 'received'),
      weeklyChart('Closed per week', report.weeks, 'closed')),
    el('div', { class: 'row' }, onTimeChart(report), daysLeftChart(report)),
    el('div', { class: 'row' }, breachTable(report)));
}

// A complaint's outer date is Ofcom's ADR point (eight weeks), not a statutory deadline: say so.
function clockCell(date, days, label) {
  return el('td', { title: date }, daysText(days), el('br'),
    el('small', { class: 'text-muted' }, label ? label + ': ' + date : date));
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
    el('th', {}, 'Internal target (days left)'), el('th', {}, 'Statutory deadline, or a complaint\'s ADR point (days left)'),
    el('th', {}, 'Clock'), el('th', {}, 'Received')));
  const body = el('tbody');
  requests.forEach(r => {
    const reference = instanceLink(r.reference, r.processInstanceId);
    body.append(el('tr', { 'data-reference': r.reference },
      el('td', {}, el('span', { class: 'badge', style: RAG_STYLE[r.rag] || '' }, r.rag)),
      el('td', {}, reference),
      el('td', {}, TYPE_LABELS[r.type] || r.type),
      clockCell(r.internalTarget, r.internalDaysLeft),
      clockCell(r.statutoryDeadline, r.statutoryDaysLeft, r.type === 'COMPLAINT' ? 'ADR point (8 weeks)' : null),
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

async function getJson(path) {
  const response = await fetch(`${deskRoot()}${path}`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  if (response.status === 401) throw new Error('Your session has ended: sign in to Cockpit again.');
  if (response.status === 403) throw new Error('Request deadlines are shown to managers only.');
  if (!response.ok) throw new Error(`Request deadlines could not be loaded (HTTP ${response.status}).`);
  return response.json();
}

async function load(container, api) {
  try {
    const [report, requests] = await Promise.all([getJson('/api/sla/report'), getJson('/api/sla/requests')]);
    const csv = el('a', { href: `${deskRoot()}/api/sla/requests.csv`, download: '', class: 'btn btn-default btn-sm pull-right' },
      'Download the table (CSV)');
    container.replaceChildren(charts(report), el('h4', {}, 'Open requests'), csv, summary(requests),
      requests.length ? table(requests, api) : el('p', {}, 'No open requests.'));
  } catch (e) {
    const message = e instanceof TypeError ? 'Request deadlines could not be loaded: the desk did not answer.' : e.message;
    container.replaceChildren(el('p', { class: 'text-muted' }, message));
  }
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
