// Spending Control pages: progressive enhancement only. Every page works without this file.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

// "updated 4 seconds ago": every <time data-freshness> counts up from its datetime.
function describeAge(seconds) {
  if (seconds < 5) return 'just now';
  if (seconds < 60) return seconds + ' seconds ago';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : minutes + ' minutes ago';
  const hours = Math.floor(minutes / 60);
  return hours === 1 ? '1 hour ago' : hours + ' hours ago';
}

function refreshFreshness() {
  const now = Date.now();
  for (const el of document.querySelectorAll('time[data-freshness]')) {
    const at = Date.parse(el.getAttribute('datetime'));
    if (!Number.isNaN(at)) {
      el.textContent = describeAge(Math.max(0, Math.round((now - at) / 1000)));
    }
  }
}
refreshFreshness();
setInterval(refreshFreshness, 1000);

// Charts are drawn from the table beside them (table[data-chart]); the table stays for everyone.
async function drawCharts() {
  const tables = document.querySelectorAll('table[data-chart]');
  if (tables.length === 0) return;
  await import('/webjars/chart.js/dist/chart.umd.min.js');
  for (const table of tables) {
    drawChart(table);
  }
}

const charts = new Map();

function drawChart(table) {
  const target = document.getElementById(table.dataset.chart);
  if (!target || typeof window.Chart === 'undefined') return;
  const series = Array.from(table.querySelectorAll('thead th[data-series]'));
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  const labels = rows.map(r => r.querySelector('th').textContent.trim());
  const colours = ['#1d70b8', '#505a5f', '#00703c', '#d4351c', '#f47738'];
  const datasets = series.map((th, i) => ({
    label: th.textContent.trim(),
    backgroundColor: colours[i % colours.length],
    data: rows.map(r => Number(r.querySelectorAll('td')[Number(th.dataset.series)].dataset.value || 0))
  }));
  let canvas = target.querySelector('canvas');
  if (!canvas) {
    canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', table.dataset.chartLabel || 'Chart of the figures in the table below');
    target.appendChild(canvas);
  }
  const existing = charts.get(table.dataset.chart);
  if (existing && existing.canvas === canvas) {
    existing.data.labels = labels;
    existing.data.datasets = datasets;
    existing.update('none');
    return;
  }
  if (existing) existing.destroy();   // a live update replaced the chart's canvas
  charts.set(table.dataset.chart, new window.Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { ticks: { callback: v => '£' + (v / 1e6).toLocaleString('en-GB') + 'm' } } } }
  }));
}

drawCharts();

// Live pages: <div data-live="/path/to/stream"> is replaced by each fragment the server sends.
for (const region of document.querySelectorAll('[data-live]')) {
  const source = new EventSource(region.dataset.live);
  source.addEventListener('fragment', event => {
    region.innerHTML = event.data;
    for (const table of region.querySelectorAll('table[data-chart]')) drawChart(table);
    refreshFreshness();
    region.dispatchEvent(new CustomEvent('sc:updated', { bubbles: true }));
    document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || 0) + 1);
    document.body.dataset.lastUpdateAt = String(Date.now());
  });
}
