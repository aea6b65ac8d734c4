// Draws every chart of the page with Apache ECharts' SVG renderer (served by the app: no CDN).
// Scripts come from files only: the pages' Content-Security-Policy allows no inline script.
document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption(JSON.parse(el.getAttribute('data-chart')));
  el.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
});
