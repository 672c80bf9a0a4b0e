/*
 * brokerbench report: draws every chart of the page with uPlot from the JSON in #bb-chart-data.
 * Exposes window.bbCharts = [{id, kind, series, width, height}] (one entry per drawn chart) and
 * window.bbErrors (messages of anything that went wrong), so the page can be checked by a browser
 * test. Tables do not need this script.
 */
(function () {
  'use strict';
  var charts = [];
  var errors = [];
  window.bbCharts = charts;
  window.bbErrors = errors;
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });

  var PERCENTILE_TICKS = [50, 90, 99, 99.9, 99.99, 99.999];
  var GRID = '#e8eaee';
  var AXIS = '#4b5563';
  var FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var LABEL_FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  function percentileToX(p) { return -Math.log10(1 - p / 100); }

  function trim(n) {
    var s = n.toFixed(n < 10 ? 1 : 0);
    return s.replace(/\.0$/, '');
  }

  function fmtRate(v) {
    if (v == null) return '';
    var a = Math.abs(v);
    if (a >= 1e6) return trim(v / 1e6) + 'M';
    if (a >= 1e3) return trim(v / 1e3) + 'k';
    return trim(v);
  }

  function fmtMicros(v) {
    if (v == null) return '';
    if (v >= 1e6) return trim(v / 1e6) + ' s';
    if (v >= 1e3) return trim(v / 1e3) + ' ms';
    return (v < 1 ? v.toPrecision(2) : trim(v)) + ' µs';
  }

  function fmtPercentile(x) {
    var p = 100 * (1 - Math.pow(10, -x));
    return 'p' + (Math.round(p * 1000) / 1000);
  }

  /** Point shapes, so series differ by more than colour and dash. */
  function markerPaths(shape) {
    return function (u, si, i0, i1) {
      var path = new Path2D();
      var ys = u.data[si];
      var xs = u.data[0];
      var r = 4.5 * (window.devicePixelRatio || 1);
      for (var i = i0; i <= i1; i++) {
        if (ys[i] == null) continue;
        var cx = u.valToPos(xs[i], 'x', true);
        var cy = u.valToPos(ys[i], 'y', true);
        if (shape === 'square') {
          path.rect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
        } else if (shape === 'triangle') {
          path.moveTo(cx, cy - r * 1.1); path.lineTo(cx + r, cy + r * 0.8); path.lineTo(cx - r, cy + r * 0.8); path.closePath();
        } else if (shape === 'diamond') {
          path.moveTo(cx, cy - r * 1.2); path.lineTo(cx + r, cy); path.lineTo(cx, cy + r * 1.2); path.lineTo(cx - r, cy); path.closePath();
        } else if (shape === 'cross') {
          path.moveTo(cx - r, cy - r); path.lineTo(cx + r, cy + r); path.moveTo(cx + r, cy - r); path.lineTo(cx - r, cy + r);
        } else {
          path.moveTo(cx + r, cy); path.arc(cx, cy, r, 0, 2 * Math.PI);
        }
      }
      return { stroke: path, fill: shape === 'cross' ? null : path };
    };
  }

  /** Shades warm-up (x < 0) and drain (x > window) and names the phases. */
  function phaseBands(chart) {
    return function (u) {
      if (chart.windowSeconds == null) return;
      var ctx = u.ctx;
      var top = u.bbox.top;
      var height = u.bbox.height;
      var left = u.bbox.left;
      var right = u.bbox.left + u.bbox.width;
      var x0 = Math.max(left, Math.min(right, u.valToPos(0, 'x', true)));
      var x1 = Math.max(left, Math.min(right, u.valToPos(chart.windowSeconds, 'x', true)));
      ctx.save();
      ctx.fillStyle = 'rgba(100, 116, 139, 0.10)';
      if (x0 > left) ctx.fillRect(left, top, x0 - left, height);
      if (x1 < right) ctx.fillRect(x1, top, right - x1, height);
      var dpr = window.devicePixelRatio || 1;
      ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
      ctx.fillStyle = '#64748b';
      ctx.textBaseline = 'top';
      if (x0 - left > 60 * dpr) ctx.fillText('warm-up', left + 6 * dpr, top + 4 * dpr);
      ctx.fillText('measured window', x0 + 6 * dpr, top + 4 * dpr);
      if (right - x1 > 40 * dpr) ctx.fillText('drain', x1 + 6 * dpr, top + 4 * dpr);
      ctx.restore();
    };
  }

  /** A dotted line at the offered rate. */
  function offeredLine(chart) {
    return function (u) {
      if (chart.offered == null) return;
      var y = u.valToPos(chart.offered, 'y', true);
      if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
      var ctx = u.ctx;
      var dpr = window.devicePixelRatio || 1;
      ctx.save();
      ctx.strokeStyle = '#374151';
      ctx.lineWidth = 1.5 * dpr;
      ctx.setLineDash([2 * dpr, 3 * dpr]);
      ctx.beginPath();
      ctx.moveTo(u.bbox.left, y);
      ctx.lineTo(u.bbox.left + u.bbox.width, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
      ctx.fillStyle = '#374151';
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      ctx.fillText('offered ' + fmtRate(chart.offered) + '/s', u.bbox.left + u.bbox.width - 6 * dpr, y - 3 * dpr);
      ctx.restore();
    };
  }

  /** Ticks at powers of ten only, for the log-scale latency axis. */
  function decades(u, axisIdx, min, max) {
    var out = [];
    for (var e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
      var v = Math.pow(10, e);
      if (v >= min * 0.999 && v <= max * 1.001) out.push(v);
    }
    return out;
  }

  function axis(label, values, extra) {
    var a = {
      label: label, stroke: AXIS, font: FONT, labelFont: LABEL_FONT,
      grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 }, values: values
    };
    for (var k in extra) a[k] = extra[k];
    return a;
  }

  function options(chart, width) {
    var isPercentile = chart.kind === 'percentile';
    var fmt = isPercentile ? fmtMicros : fmtRate;
    var series = [{ label: isPercentile ? 'percentile' : 'second', value: function (u, v) {
      return v == null ? '' : isPercentile ? fmtPercentile(v) : (v + ' s');
    } }];
    chart.series.forEach(function (s) {
      series.push({
        label: s.label,
        stroke: s.color,
        width: 2,
        dash: s.dash.length ? s.dash : undefined,
        spanGaps: false,
        value: function (u, v) { return v == null ? '' : (isPercentile ? fmtMicros(v) : fmtRate(v) + ' msg/s'); },
        points: isPercentile
          ? { show: true, size: 9, width: 1.5, stroke: s.color, fill: s.color, paths: markerPaths(s.marker) }
          : { show: false },
        // A per-second point is the rate of the interval that starts there: held until the next
        // interval starts, so a run's last, short interval shows as a step at its start rather than
        // as a slope down across the last full second.
        paths: isPercentile ? undefined : uPlot.paths.stepped({ align: 1 })
      });
    });
    var xAxis = isPercentile
      ? axis(chart.xLabel, function (u, splits) { return splits.map(function (x) { return fmtPercentile(x).slice(1); }); },
          { splits: function () { return PERCENTILE_TICKS.map(percentileToX); } })
      : axis(chart.xLabel, function (u, splits) { return splits.map(function (v) { return v + ' s'; }); }, {});
    var yAxis = axis(chart.yLabel, function (u, splits) { return splits.map(fmt); },
        isPercentile ? { size: 78, splits: decades } : { size: 64 });
    return {
      width: width,
      height: 300,
      cursor: { points: { size: 7 } },
      legend: { live: true, markers: { show: false } },
      scales: isPercentile
        ? { x: { time: false, range: [percentileToX(50) - 0.15, percentileToX(99.999) + 0.15] }, y: { distr: 3, log: 10 } }
        : { x: { time: false }, y: { range: function (u, min, max) {
            var top = Math.max(max, chart.offered || 0);
            return [0, top > 0 ? top * 1.12 : 1];
          } } },
      axes: [xAxis, yAxis],
      series: series,
      hooks: isPercentile ? {} : { drawClear: [phaseBands(chart)], draw: [offeredLine(chart)] }
    };
  }

  /** Legend entries get the line's colour, dash and point shape, as drawn. */
  function addLegendSwatches(u, chart) {
    var rows = u.root.querySelectorAll('.u-legend .u-series');
    var ns = 'http://www.w3.org/2000/svg';
    for (var i = 1; i < rows.length && i - 1 < chart.series.length; i++) {
      var s = chart.series[i - 1];
      var svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('width', '34');
      svg.setAttribute('height', '12');
      svg.setAttribute('class', 'legend-swatch');
      svg.setAttribute('aria-hidden', 'true');
      var line = document.createElementNS(ns, 'line');
      line.setAttribute('x1', '1'); line.setAttribute('y1', '6'); line.setAttribute('x2', '33'); line.setAttribute('y2', '6');
      line.setAttribute('stroke', s.color); line.setAttribute('stroke-width', '2.5');
      if (s.dash.length) line.setAttribute('stroke-dasharray', s.dash.join(' '));
      svg.appendChild(line);
      if (chart.kind === 'percentile') {
        var m = document.createElementNS(ns, s.marker === 'circle' ? 'circle' : 'path');
        if (s.marker === 'circle') { m.setAttribute('cx', '17'); m.setAttribute('cy', '6'); m.setAttribute('r', '4'); }
        else m.setAttribute('d', {
          square: 'M13.5 2.5h7v7h-7z', triangle: 'M17 1.5l4.5 8h-9z', diamond: 'M17 1l4 5-4 5-4-5z',
          cross: 'M13 2l8 8M21 2l-8 8' }[s.marker] || 'M13 2h8v8h-8z');
        m.setAttribute('fill', s.marker === 'cross' ? 'none' : s.color);
        m.setAttribute('stroke', s.color);
        m.setAttribute('stroke-width', '1.5');
        svg.appendChild(m);
      }
      var th = rows[i].querySelector('th');
      if (th) th.insertBefore(svg, th.firstChild);
    }
  }

  function draw(el, chart) {
    var data = [chart.x].concat(chart.series.map(function (s) { return s.y; }));
    var width = Math.max(320, Math.floor(el.clientWidth));
    var u = new uPlot(options(chart, width), data, el);
    el.uplot = u;
    addLegendSwatches(u, chart);
    el.setAttribute('data-drawn-series', String(u.series.length - 1));
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        var w = Math.max(320, Math.floor(el.clientWidth));
        if (w !== u.width) u.setSize({ width: w, height: u.height });
      }).observe(el);
    }
    return u;
  }

  var source = document.getElementById('bb-chart-data');
  var all = JSON.parse(source.textContent).charts;
  var plots = document.querySelectorAll('[data-plot]');
  for (var i = 0; i < plots.length; i++) {
    var el = plots[i];
    var id = el.getAttribute('data-plot');
    try {
      var chart = all[id];
      if (!chart) throw new Error('no data for chart ' + id);
      var u = draw(el, chart);
      charts.push({ id: id, kind: chart.kind, series: u.series.length - 1, width: u.width, height: u.height });
    } catch (e) {
      errors.push(id + ': ' + e.message);
      console.error('chart ' + id + ' not drawn: ' + e.message);
    }
  }
})();
