// The unit picker (desk/unitPicker.jte): a search box above the list of units, shown once this script runs, that keeps
// the units whose name or district contains what is typed, compared without diacritics ("nam cuong" finds "Nậm Cương",
// "bat xat" every unit of Bát Xát). Chosen units stay chosen while hidden. Without the script the whole list is there.
(function () {
  function fold(s) {
    return s.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .toLowerCase().replace(/\s+/g, ' ').trim();
  }
  document.querySelectorAll('input.unit-filter').forEach(function (box) {
    var list = document.getElementById(box.dataset.for);
    var shown = document.getElementById(box.dataset.for + '-shown');
    box.hidden = false;
    box.addEventListener('input', function () {
      var q = fold(box.value), n = 0;
      list.querySelectorAll('option').forEach(function (o) {
        var keep = !o.value || !q || (o.dataset.search || '').indexOf(q) >= 0 || o.selected;
        o.hidden = !keep;
        if (keep && o.value) { n++; }
      });
      list.querySelectorAll('optgroup').forEach(function (g) {
        g.hidden = !Array.prototype.some.call(g.querySelectorAll('option'), function (o) { return !o.hidden; });
      });
      shown.hidden = !q;
      shown.textContent = (box.dataset.shown || '%N').replace('%N', n);
    });
  });
})();
