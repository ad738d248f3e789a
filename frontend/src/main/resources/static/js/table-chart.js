// Draws a bar chart from a data table (progressive enhancement: the table stays for screen
// readers and for browsers without JavaScript). Tables opt in with data-chart="<canvas id>".
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var canvas = document.getElementById(table.dataset.chart);
    if (!canvas) {
      return;
    }
    var labels = [];
    var values = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      values.push(parseFloat(row.querySelector('td[data-value]').dataset.value));
    });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: table.querySelector('caption').textContent.trim(), data: values,
        backgroundColor: ['#15803d', '#1e40af', '#b45309'] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, animation: false }
    });
  });
});
