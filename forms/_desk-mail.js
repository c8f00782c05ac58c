// One mail as the officer reads it: sender, date, subject, why it is here (for a mail waiting for
// triage), the text (plain text, never run) and the attachments, each a download link (or why it
// was refused). Read from GET /api/intake/mails/{id}/details when the form opens; mailView(mail)
// answers the nodes to put in the page. Used by mail-triage, sar-triage and sar-check-id.
function mailView(mail, withReason) {
  var headers = el('dl', null, { class: 'desk-headers' });
  [['From', (mail.senderName ? mail.senderName + ' ' : '') + (mail.senderAddress ? '<' + mail.senderAddress + '>' : '(no sender address)')],
   ['Date', (mail.arrivedAt || '').replace('T', ' ').substring(0, 16)],
   ['Subject', mail.subject || '(no subject)'],
   ['Why here', withReason === false ? null : mail.reason || mail.outcome]].forEach(function (h) {
    if (h[1]) { headers.append(el('dt', h[0]), el('dd', h[1])); }
  });
  var attachments = el('ul', null, { class: 'desk-attachments' });
  mail.attachments.forEach(function (a) {
    var item = el('li');
    if (a.link) {
      item.append(el('a', a.fileName, { href: deskRoot + a.link, target: '_blank', rel: 'noopener' }));
    } else {
      item.append(el('span', a.fileName));
    }
    item.append(document.createTextNode(' (' + a.contentType + ', ' + a.sizeKb + ' KB' + (a.link ? '' : ': refused, ' + a.refusedReason) + ')'));
    attachments.append(item);
  });
  return [headers, el('div', mail.text, { class: 'desk-mail-text' }),
    el('h5', 'Attachments'), mail.attachments.length ? attachments : el('p', 'None.', { class: 'text-muted' })];
}
