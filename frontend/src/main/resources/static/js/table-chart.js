// Draws a chart from a data table (progressive enhancement: the table stays for screen
// readers and for browsers without JavaScript). Tables opt in with data-chart="<canvas id>".
// A table with data-chart-type ("line" or "bar") draws one series per header cell marked
// data-series, with the row headers as labels; otherwise one horizontal bar per row from
// its td[data-value].
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
      var scales = { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } };
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
    var values = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      values.push(parseFloat(row.querySelector('td[data-value]').dataset.value));
    });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: table.querySelector('caption').textContent.trim(), data: values,
        backgroundColor: colours.slice(0, 3) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, animation: false }
    });
  });
});
