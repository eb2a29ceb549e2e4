// The leaders' dashboard: its tables' columns sort (a heading's button; by each cell's plain value, data-v), and each
// canvas[data-source] is drawn by Chart.js from the table it names, so that the chart and the table always say the
// same. The parts of a bar differ by pattern as well as colour, and carry their values, so that colour is not needed
// to read them.
(function () {
  'use strict';

  function sortable(table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector('button.sort');
      if (!button) {
        return;
      }
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var text = button.getAttribute('data-type') === 'text';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-v') || '';
          var y = b.cells[col].getAttribute('data-v') || '';
          var order;
          if (text) {
            order = x.localeCompare(y, document.documentElement.lang || 'vi');
          } else {
            // a value not known sorts below every number
            order = (x === '' ? -Infinity : parseFloat(x)) - (y === '' ? -Infinity : parseFloat(y));
            if (isNaN(order)) {
              order = 0;
            }
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  var LOOK = {
    early: {colour: '#2e7d32', draw: function (c) { c.beginPath(); c.moveTo(0, 10); c.lineTo(10, 0); c.stroke(); }},
    onTime: {colour: '#1565c0', draw: function (c) { c.beginPath(); c.arc(5, 5, 1.6, 0, 2 * Math.PI); c.fill(); }},
    late: {colour: '#c62828', draw: function (c) { c.beginPath(); c.moveTo(0, 0); c.lineTo(10, 10); c.moveTo(10, 0); c.lineTo(0, 10); c.stroke(); }},
    inProgress: {colour: '#757575', draw: function (c) { c.beginPath(); c.moveTo(0, 5); c.lineTo(10, 5); c.stroke(); }},
    received: {colour: '#4a148c'}
  };

  function pattern(kind) {
    var look = LOOK[kind];
    var tile = document.createElement('canvas');
    tile.width = 10;
    tile.height = 10;
    var c = tile.getContext('2d');
    c.fillStyle = look.colour;
    c.fillRect(0, 0, 10, 10);
    c.strokeStyle = '#ffffff';
    c.fillStyle = '#ffffff';
    c.lineWidth = 1.5;
    look.draw(c);
    return c.createPattern(tile, 'repeat');
  }

  // each part's value written on it when it is wide enough to hold it
  var values = {
    id: 'egovValues',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '12px sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach(function (set, i) {
        if (set.type === 'line') {
          return;
        }
        chart.getDatasetMeta(i).data.forEach(function (bar, j) {
          var n = set.data[j];
          var shown = set.shown[j];
          if (!n) {
            return;
          }
          var box = bar.getProps(['x', 'y', 'base', 'width', 'height'], true);
          var size = chart.options.indexAxis === 'y' ? Math.abs(box.x - box.base) : Math.abs(box.base - box.y);
          if (size < ctx.measureText(shown).width + 8) {
            return;
          }
          var x = chart.options.indexAxis === 'y' ? (box.x + box.base) / 2 : box.x;
          var y = chart.options.indexAxis === 'y' ? box.y : (box.y + box.base) / 2;
          ctx.fillStyle = '#000000';
          ctx.fillRect(x - ctx.measureText(shown).width / 2 - 3, y - 8, ctx.measureText(shown).width + 6, 16);
          ctx.fillStyle = '#ffffff';
          ctx.fillText(shown, x, y);
        });
      });
      ctx.restore();
    }
  };

  function draw(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-source'));
    if (!table || typeof Chart === 'undefined') {
      return;
    }
    var keys = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.getAttribute('data-key'); });
    var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    var kinds = canvas.getAttribute('data-kinds').split(' ');
    // the rows with something to draw (at most 40; the table has them all)
    var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (r) {
      return canvas.getAttribute('data-line') !== null || kinds.some(function (k) {
        return parseFloat(r.cells[keys.indexOf(k)].getAttribute('data-v')) > 0;
      });
    }).slice(0, 40);
    var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    function column(kind) {
      var col = keys.indexOf(kind);
      return {
        data: rows.map(function (r) { return parseFloat(r.cells[col].getAttribute('data-v')) || 0; }),
        shown: rows.map(function (r) { return r.cells[col].textContent.trim(); }),
        label: names[col]
      };
    }
    var horizontal = canvas.getAttribute('data-line') === null;
    var sets = kinds.map(function (kind) {
      var c = column(kind);
      return {label: c.label, data: c.data, shown: c.shown, backgroundColor: pattern(kind), borderColor: '#000000', borderWidth: 1, stack: 'all'};
    });
    var line = canvas.getAttribute('data-line');
    if (line) {
      var c = column(line);
      sets.push({type: 'line', label: c.label, data: c.data, shown: c.shown, borderColor: LOOK[line].colour, backgroundColor: LOOK[line].colour,
        borderDash: [6, 4], pointStyle: 'rectRot', pointRadius: 5});
    }
    if (horizontal) {
      canvas.parentNode.style.height = Math.max(160, labels.length * 28 + 80) + 'px';
    }
    new Chart(canvas, {
      type: 'bar',
      data: {labels: labels, datasets: sets},
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}},
        plugins: {legend: {position: 'bottom', labels: {usePointStyle: false}}}
      },
      plugins: [values]
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), sortable);
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-source]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
