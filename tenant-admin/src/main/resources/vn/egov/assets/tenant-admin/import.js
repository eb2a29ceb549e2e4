// The import page (/t/{code}/admin/import): creates the planned units one by one, in order (parents first), with the
// page's session, through POST /api/t/{parent}/units; the requests and the texts come in the start button's data-*.
// Each first administrator gets a one-time password from the server, or (as 'egov import-units --invite') an invitation
// whose token this page makes itself (32 random bytes, base64url), so that the link exists before the unit does.
(function () {
  var start = document.getElementById('start');
  if (!start) {
    return;
  }
  var jobs = JSON.parse(start.dataset.jobs), bar = document.getElementById('progress');
  var done = 0, created = 0, skipped = 0, csv = '', invite = false;
  function token() {
    var b = new Uint8Array(32);
    crypto.getRandomValues(b);
    return btoa(String.fromCharCode.apply(null, b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function show(id, n) { document.getElementById(id).textContent = n; }
  function cell(tr, text) { var td = document.createElement('td'); td.textContent = text; tr.appendChild(td); }
  async function one(job) {
    var secret = null;
    if (invite) {
      secret = token();
      job.body.firstAdmin.invite = true;
      job.body.firstAdmin.invitationToken = secret;
    }
    var r = await fetch('/api/t/' + encodeURIComponent(job.parent) + '/units', {method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'Accept-Language': start.dataset.lang},
      body: JSON.stringify(job.body)});
    if (r.status === 201) {
      var a = (await r.json()).firstAdmin, tr = document.createElement('tr');
      var given = invite ? location.origin + '/invitation/' + secret : a.oneTimePassword;
      cell(tr, job.code); cell(tr, a.username); cell(tr, given);
      document.querySelector('#passwords tbody').appendChild(tr);
      document.getElementById('passwords').hidden = false;
      csv += job.code + ',' + a.username + ',' + given + '\n';
      created++; show('created', created);
      return null;
    }
    if (r.status === 409 && (await fetch('/api/tenants/' + encodeURIComponent(job.code), {headers: {'Accept': 'application/json'}})).ok) {
      skipped++; show('skipped', skipped); // created by an earlier, interrupted run
      return null;
    }
    var p = {};
    try { p = await r.json(); } catch (e) { p = {title: 'HTTP ' + r.status}; }
    return (p.title || ('HTTP ' + r.status)) + (p.detail ? ': ' + p.detail : '');
  }
  start.addEventListener('click', async function () {
    start.disabled = true;
    invite = document.getElementById('with-invitations').checked;
    document.getElementById('with-invitations').disabled = true;
    document.getElementById('with-passwords').disabled = true;
    csv = invite ? 'unit_code,username,invitation_link\n' : 'unit_code,username,one_time_password\n';
    if (invite) {
      document.getElementById('secret-column').textContent = start.dataset.linkColumn;
      document.getElementById('passwords-caption').textContent = start.dataset.linksCaption;
    }
    for (var i = 0; i < jobs.length; i++) {
      var failure;
      try { failure = await one(jobs[i]); } catch (e) { failure = String(e); }
      if (failure) {
        var box = document.getElementById('import-error');
        box.textContent = start.dataset.failed.replace('%LINE', jobs[i].line).replace('%CODE', jobs[i].code) + failure + ' '
          + start.dataset.stopped;
        box.hidden = false;
        break;
      }
      done++; bar.value = done; show('done', done);
    }
    if (created > 0) {
      var link = document.getElementById('download');
      link.href = URL.createObjectURL(new Blob([csv], {type: 'text/csv'}));
      link.download = link.dataset.download; // (a link with no address yet may not say it downloads)
      link.hidden = false;
    }
    if (done === jobs.length) {
      var ok = document.getElementById('import-done');
      ok.textContent = start.dataset.done.replace('%C', created).replace('%S', skipped);
      ok.hidden = false;
    }
  });
})();
