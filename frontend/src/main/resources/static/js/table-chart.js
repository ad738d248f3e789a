// Draws a chart from a data table (progressive enhancement: the table stays for screen
// readers and for browsers without JavaScript). Tables opt in with data-chart="<canvas id>".
// A table with data-chart-type ("line" or "bar") draws one series per header cell marked
// data-series, with the row headers as labels (a cell without data-value, such as a month
// without data, is a gap, never a zero); otherwise one horizontal bar per row from its
// td[data-value], every bar labelled, the rows past the top 12 summed as "others".
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#15803d', '#1e40af', '#b45309', '#7c3aed', '#be123c', '#0e7490'];
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var canvas = document.getElementById(table.dataset.chart);
    if (!canvas) {
      return;
    }
    var labels = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
    });
    if (table.dataset.chartType) {
      var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
      var datasets = [];
      headers.forEach(function (header, column) {
        if (header.dataset.series === undefined) {
          return;
        }
        var values = [];
        table.querySelectorAll('tbody tr').forEach(function (row) {
          var cell = row.children[column];
          var value = cell && cell.dataset.value !== undefined && cell.dataset.value !== '' ? parseFloat(cell.dataset.value) : null;
          values.push(value);
        });
        var colour = colours[datasets.length % colours.length];
        datasets.push({ label: header.textContent.trim(), data: values, borderColor: colour, backgroundColor: colour,
          spanGaps: false, yAxisID: header.dataset.axis || 'y' });
      });
      var stacked = table.dataset.chartStacked === 'true';
      var scales = { x: { stacked: stacked, ticks: { autoSkip: labels.length > 36 } },
        y: { stacked: stacked, beginAtZero: true } };
      if (headers.some(function (header) { return header.dataset.axis === 'y2'; })) {
        scales.y2 = { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } };
      }
      new Chart(canvas, {
        type: table.dataset.chartType,
        data: { labels: labels, datasets: datasets },
        options: { animation: false, scales: scales }
      });
      return;
    }
    // One horizontal bar per row, every bar labelled: the canvas grows with the rows; past
    // data-chart-top rows (12 unless given) the rest are summed into one "others" bar.
    var rows = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var cell = row.querySelector('td[data-value]');
      var value = cell ? parseFloat(cell.dataset.value) : NaN;
      if (!isNaN(value)) {
        rows.push({ label: row.querySelector('th').textContent.trim(), value: value });
      }
    });
    var top = parseInt(table.dataset.chartTop || '12', 10);
    if (rows.length > top) {
      rows.sort(function (a, b) { return Math.abs(b.value) - Math.abs(a.value); });
      var rest = rows.slice(top - 1);
      rows = rows.slice(0, top - 1);
      rows.push({ label: 'others (' + rest.length + ')',
        value: rest.reduce(function (sum, row) { return sum + row.value; }, 0) });
    }
    var box = document.createElement('div');
    box.className = 'chart-box';
    box.style.position = 'relative';
    box.style.height = (rows.length * 28 + 40) + 'px';
    canvas.parentNode.insertBefore(box, canvas);
    box.appendChild(canvas);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: rows.map(function (row) { return row.label; }),
        datasets: [{ label: table.querySelector('caption').textContent.trim(),
          data: rows.map(function (row) { return row.value; }), backgroundColor: colours.slice(0, 3) }] },
      options: { indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } }, animation: false,
        scales: { y: { ticks: { autoSkip: false } } } }
    });
  });
});
