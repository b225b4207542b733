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
  function dyad(d) {
    var quadEl = document.getElementById("chart-quad");
    var gEl = document.getElementById("chart-goldstein");
    if (!quadEl || !d.ts || !d.ts.length || typeof uPlot === "undefined") return;
    function width() { return Math.max(260, quadEl.clientWidth || 600); }
    var pts = d.ts.length < 60;
    var qSeries = [{}];
    for (var q = 1; q <= 4; q++) {
      qSeries.push({ label: t("quad_" + q), stroke: QCOL[q], width: 2, points: { show: pts }, fill: QCOL[q] + "22" });
    }
    var axes = [{}, { label: t("count") }];
    var quad = new uPlot({ width: width(), height: 240, series: qSeries, axes: axes, legend: { show: true },
      scales: { x: { time: true } } }, [d.ts, d.q1, d.q2, d.q3, d.q4], quadEl);
    var gold = new uPlot({ width: width(), height: 200,
      series: [{}, { label: t("mean_goldstein"), stroke: "#1f5fa8", width: 2, points: { show: pts }, spanGaps: true }],
      axes: [{}, { label: t("goldstein") }], scales: { x: { time: true }, y: { range: [-10, 10] } } },
      [d.ts, d.goldstein], gEl);
    global.addEventListener("resize", function () {
      quad.setSize({ width: width(), height: 240 });
      gold.setSize({ width: width(), height: 200 });
    });
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
