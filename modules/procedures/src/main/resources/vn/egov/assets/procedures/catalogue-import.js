// The catalogue import (/t/{province}/admin/procedures/import): sends the checked procedures to the import API in
// batches, each all or nothing, and shows the progress and the running counts. Its data comes from the page's
// data-* attributes (no inline script: the page is sent with a strict content security policy).
(function () {
  var box = document.getElementById('catalogue-import');
  if (!box) {
    return;
  }
  var all = JSON.parse(box.dataset.procedures);
  var size = parseInt(box.dataset.batch, 10);
  var start = document.getElementById('start'), bar = document.getElementById('progress');
  var counts = {done: 0, created: 0, versioned: 0, unchanged: 0};
  function show() {
    for (var k in counts) {
      var e = document.getElementById(k);
      if (e) {
        e.textContent = counts[k];
      }
    }
    bar.value = counts.done;
  }
  start.addEventListener('click', async function () {
    start.disabled = true;
    for (var i = 0; i < all.length; i += size) {
      var batch = all.slice(i, i + size), r, body = {};
      try {
        r = await fetch(box.dataset.url, {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json',
          'Accept': 'application/json', 'Accept-Language': box.dataset.lang}, body: JSON.stringify(batch)});
        try { body = await r.json(); } catch (e) { body = {}; }
      } catch (e) { r = {status: 0}; body = {title: String(e)}; }
      if (r.status !== 200) {
        var error = document.getElementById('import-error');
        error.textContent = box.dataset.stopped.replace('%N', i + 1) + ' ' + (body.title || ('HTTP ' + r.status)) + (body.detail ? ': ' + body.detail : '');
        error.hidden = false;
        return;
      }
      counts.created += body.created; counts.versioned += body.newVersions; counts.unchanged += body.unchanged;
      counts.done += batch.length; show();
    }
    var done = document.getElementById('import-done');
    done.textContent = box.dataset.done;
    done.hidden = false;
  });
})();
