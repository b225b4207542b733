/* Warta dashboard charts: dyad time series (uPlot), actor network and event map (plain SVG).
   Everything is drawn from JSON embedded in the page; nothing is fetched from outside the app. */
(function (global) {
  "use strict";
  var L = global.WARTA_LABELS || {};
  function t(k) { return L[k] || k; }
  var QCOL = { 1: "#4caf7a", 2: "#1b7f4b", 3: "#e39a3b", 4: "#c8372d" };
  var SVGNS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(e);
    return e;
  }
  function title(node, text) { var ti = el("title", {}, node); ti.textContent = text; }

  /* ---- dyad time series ------------------------------------------------------------ */
  var DAY = 86400;
  var PERIOD = { day: DAY, week: 7 * DAY, month: 30.44 * DAY, year: 365.25 * DAY };
  // tick steps, smallest first: [unit, count, approximate seconds]
  var STEPS = [["day", 1, DAY], ["day", 2, 2 * DAY], ["day", 7, 7 * DAY], ["day", 14, 14 * DAY],
    ["month", 1, 30.44 * DAY], ["month", 2, 61 * DAY], ["month", 3, 91.3 * DAY], ["month", 6, 182.6 * DAY],
    ["year", 1, 365.25 * DAY], ["year", 2, 730.5 * DAY], ["year", 5, 1826 * DAY], ["year", 10, 3652 * DAY],
    ["year", 25, 9131 * DAY], ["year", 50, 18262 * DAY]];

  /* x range fitted to the data: half a period of air either side (a whole one for a single point) */
  function xRange(ts, by) {
    var p = PERIOD[by] || PERIOD.month;
    var lo = ts[0], hi = ts[ts.length - 1];
    var pad = lo === hi ? p * 1.1 : p / 2;
    return [lo - pad, hi + pad];
  }

  /* ticks on calendar boundaries (day / month / year starts, UTC), at most one per ~70px */
  function timeTicks(min, max, plotWidth, by) {
    var span = max - min, maxTicks = Math.max(2, Math.floor(plotWidth / 70));
    var base = by === "year" ? PERIOD.year : by === "month" ? PERIOD.month : DAY;
    var minStep = Math.max(base, span / maxTicks);
    var step = STEPS[STEPS.length - 1];
    for (var i = 0; i < STEPS.length; i++) { if (STEPS[i][2] >= minStep * 0.98) { step = STEPS[i]; break; } }
    var unit = step[0], n = step[1], out = [];
    var d = new Date(min * 1000);
    var y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
    var cur;
    if (unit === "year") { y = Math.ceil(y / n) * n; cur = Date.UTC(y, 0, 1); if (cur / 1000 < min) cur = Date.UTC(y + n, 0, 1); }
    else if (unit === "month") { cur = Date.UTC(y, m, 1); if (cur / 1000 < min) { m += 1; cur = Date.UTC(y, m, 1); }
      while (new Date(cur).getUTCMonth() % n !== 0) { m += 1; cur = Date.UTC(y, m, 1); } }
    else { cur = Date.UTC(y, m, day); if (cur / 1000 < min) cur += DAY * 1000; }
    var guard = 0;
    while (cur / 1000 <= max && guard++ < 500) {
      out.push(cur / 1000);
      var c = new Date(cur);
      if (unit === "year") cur = Date.UTC(c.getUTCFullYear() + n, 0, 1);
      else if (unit === "month") cur = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + n, 1);
      else cur += n * DAY * 1000;
    }
    return { ticks: out, unit: unit };
  }

  function tickLabels(ticks, unit, lang) {
    var fmtMonth, fmtDay;
    try {
      fmtMonth = new Intl.DateTimeFormat(lang, { month: "short", timeZone: "UTC" });
      fmtDay = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", timeZone: "UTC" });
    } catch (e) {
      fmtMonth = new Intl.DateTimeFormat("en", { month: "short", timeZone: "UTC" });
      fmtDay = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });
    }
    var prevYear = null;
    return ticks.map(function (v) {
      var d = new Date(v * 1000), yr = d.getUTCFullYear();
      var newYear = yr !== prevYear;
      prevYear = yr;
      if (unit === "year") return String(yr);
      var head = unit === "month" ? fmtMonth.format(d) : fmtDay.format(d);
      return newYear ? head + "\n" + yr : head;
    });
  }

  function dyad(d, opts) {
    opts = opts || {};
    var by = opts.by || "month", lang = opts.lang || document.documentElement.lang || "en";
    var quadEl = document.getElementById("chart-quad");
    var gEl = document.getElementById("chart-goldstein");
    if (!quadEl || !d.ts || !d.ts.length || typeof uPlot === "undefined") return;
    function width() { return Math.max(260, quadEl.clientWidth || 600); }
    var pts = d.ts.length < 60;
    var range = xRange(d.ts, by);
    var cache = {};
    function ticksFor(u) {
      var key = Math.round(u.bbox.width) + ":" + u.scales.x.min + ":" + u.scales.x.max;
      if (!cache[key]) {
        var tt = timeTicks(u.scales.x.min, u.scales.x.max, u.bbox.width / (global.devicePixelRatio || 1), by);
        cache[key] = { ticks: tt.ticks, labels: tickLabels(tt.ticks, tt.unit, lang) };
      }
      return cache[key];
    }
    function xAxis() {
      return {
        splits: function (u) { return ticksFor(u).ticks; },
        values: function (u, splits) {
          var c = ticksFor(u);
          u.root.parentNode.setAttribute("data-ticks", c.labels.join("|").replace(/\n/g, " "));
          return splits.map(function (s) { var i = c.ticks.indexOf(s); return i >= 0 ? c.labels[i] : ""; });
        },
        size: 44,
      };
    }
    var xScale = { time: true, range: function () { return range; } };
    var qSeries = [{ label: t("date") }];
    for (var q = 1; q <= 4; q++) {
      qSeries.push({ label: t("quad_" + q), stroke: QCOL[q], width: 2, points: { show: pts }, fill: QCOL[q] + "22" });
    }
    var quad = new uPlot({ width: width(), height: 240, series: qSeries, legend: { show: true },
      axes: [xAxis(), { label: t("count"), incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] }],
      scales: { x: xScale, y: { range: function (u, lo, hi) { return [0, Math.max(2, Math.ceil(hi * 1.15))]; } } } },
      [d.ts, d.q1, d.q2, d.q3, d.q4], quadEl);
    var gold = new uPlot({ width: width(), height: 200,
      series: [{ label: t("date") }, { label: t("mean_goldstein"), stroke: "#1f5fa8", width: 2, points: { show: pts }, spanGaps: false }],
      axes: [xAxis(), { label: t("goldstein") }], scales: { x: xScale, y: { range: [-10, 10] } } },
      [d.ts, d.goldstein], gEl);
    global.addEventListener("resize", function () {
      quad.setSize({ width: width(), height: 240 });
      gold.setSize({ width: width(), height: 200 });
    });
    quadEl.setAttribute("data-x-min", String(range[0]));
    quadEl.setAttribute("data-x-max", String(range[1]));
    quadEl.setAttribute("data-ready", "1");
  }

  /* ---- actor network: deterministic force layout, SVG ------------------------------ */
  function network(container, data) {
    var nodes = data.nodes || [], edges = data.edges || [];
    var W = 900, H = 600;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": t("nav_network") }, container);
    if (!nodes.length) return;
    var idx = {};
    nodes.forEach(function (n, i) {
      idx[n.id] = i;
      var a = 2 * Math.PI * i / nodes.length;
      n.x = W / 2 + (W / 3) * Math.cos(a); n.y = H / 2 + (H / 3) * Math.sin(a); n.vx = 0; n.vy = 0;
    });
    var maxW = 1;
    edges.forEach(function (e) { maxW = Math.max(maxW, e.events); });
    var k = Math.sqrt(W * H / Math.max(nodes.length, 1)) * 0.6;
    for (var it = 0; it < 300; it++) {
      var temp = 40 * (1 - it / 300) + 1;
      nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var f = k * k / dist;
          a.dx += dx / dist * f; a.dy += dy / dist * f; b.dx -= dx / dist * f; b.dy -= dy / dist * f;
        }
      }
      edges.forEach(function (e) {
        var a = nodes[idx[e.source]], b = nodes[idx[e.target]];
        if (!a || !b || a === b) return;
        var dx = a.x - b.x, dy = a.y - b.y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = dist * dist / k * (0.5 + e.events / maxW);
        a.dx -= dx / dist * f; a.dy -= dy / dist * f; b.dx += dx / dist * f; b.dy += dy / dist * f;
      });
      nodes.forEach(function (n) {
        n.dx += (W / 2 - n.x) * 0.02 * k; n.dy += (H / 2 - n.y) * 0.02 * k;
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 0.01;
        n.x += n.dx / d * Math.min(d, temp); n.y += n.dy / d * Math.min(d, temp);
        n.x = Math.max(30, Math.min(W - 30, n.x)); n.y = Math.max(20, Math.min(H - 20, n.y));
      });
    }
    var gE = el("g", { "class": "edges" }, svg);
    edges.forEach(function (e) {
      var a = nodes[idx[e.source]], b = nodes[idx[e.target]];
      if (!a || !b) return;
      var coop = (e.cooperation || 0), conf = (e.conflict || 0);
      var col = coop >= conf ? "#1b7f4b" : "#c8372d";
      var line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: col, "stroke-opacity": 0.55,
        "stroke-width": 1 + 7 * e.events / maxW, "class": "edge", "data-source": e.source, "data-target": e.target }, gE);
      title(line, e.source + " ↔ " + e.target + ": " + e.events + " " + t("events") + " (" + t("cooperation") + " " +
        coop + ", " + t("conflict") + " " + conf + ")");
      line.style.cursor = "pointer";
      line.addEventListener("click", function () {
        global.location.href = "/dyad?a=" + encodeURIComponent(e.source) + "&b=" + encodeURIComponent(e.target);
      });
    });
    var maxN = 1;
    nodes.forEach(function (n) { maxN = Math.max(maxN, n.events || 1); });
    var gN = el("g", { "class": "nodes" }, svg);
    nodes.forEach(function (n) {
      var a = el("a", { href: "/events?actor=" + encodeURIComponent(n.id) }, gN);
      var c = el("circle", { cx: n.x, cy: n.y, r: 5 + 12 * Math.sqrt((n.events || 1) / maxN), fill: "#1f5fa8",
        "fill-opacity": 0.85, stroke: "#fff", "stroke-width": 1.5, "class": "node", "data-id": n.id }, a);
      title(c, n.id + (n.name ? " · " + n.name : "") + ": " + (n.events || 0) + " " + t("events"));
      var tx = el("text", { x: n.x, y: n.y - 9 - 12 * Math.sqrt((n.events || 1) / maxN), "text-anchor": "middle" }, a);
      tx.textContent = n.id;
    });
    container.setAttribute("data-ready", "1");
  }

  /* ---- event map: equirectangular land outline + points ---------------------------- */
  function map(container, data, landUrl) {
    var W = 1000, H = 500;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": t("nav_map") }, container);
    function px(lon) { return (lon + 180) / 360 * W; }
    function py(lat) { return (90 - lat) / 180 * H; }
    var gLand = el("g", {}, svg);
    for (var lon = -180; lon <= 180; lon += 30) el("line", { x1: px(lon), y1: 0, x2: px(lon), y2: H, "class": "grat" }, gLand);
    for (var lat = -60; lat <= 60; lat += 30) el("line", { x1: 0, y1: py(lat), x2: W, y2: py(lat), "class": "grat" }, gLand);
    var gPts = el("g", {}, svg);
    var pts = data.points || [];
    var maxC = 1;
    pts.forEach(function (p) { maxC = Math.max(maxC, p.events); });
    pts.forEach(function (p) {
      if (p.lat == null || p.lon == null) return;
      var c = el("circle", { cx: px(p.lon), cy: py(p.lat), r: 2.5 + 10 * Math.sqrt(p.events / maxC), "class": "pt",
        "data-name": p.name || "" }, gPts);
      title(c, (p.name || "") + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " " + t("events"));
    });
    container.setAttribute("data-ready", "1");
    if (typeof topojson === "undefined" || !global.fetch) return;
    global.fetch(landUrl).then(function (r) { return r.json(); }).then(function (topo) {
      var land = topojson.feature(topo, topo.objects.land);
      var d = "";
      (land.features || [land]).forEach(function (f) {
        var g = f.geometry || f;
        var polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
        polys.forEach(function (poly) {
          poly.forEach(function (ring) {
            var prev = null;
            ring.forEach(function (c, i) {
              // break the path where a ring wraps across the antimeridian
              var jump = prev !== null && Math.abs(c[0] - prev) > 180;
              d += (i === 0 || jump ? "M" : "L") + px(c[0]).toFixed(1) + "," + py(c[1]).toFixed(1);
              prev = c[0];
            });
            d += "Z";
          });
        });
      });
      el("path", { d: d, "class": "land" }, gLand);
      container.setAttribute("data-land", "1");
    });
  }

  global.WartaCharts = { dyad: dyad, network: network, map: map };
})(window);
