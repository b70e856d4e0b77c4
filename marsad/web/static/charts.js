/* marsad web page: the offline map (bundled Natural Earth outline, equirectangular) and the
   timeline of events per day, stacked by type. Both draw SVG with createElementNS and put
   text in with textContent only. */
"use strict";

window.MarsadCharts = (function () {
  const NS = "http://www.w3.org/2000/svg";
  const I = window.MarsadI18n;

  const COLORS = {
    ASSAULT: "#c0392b", PROTEST: "#e67e22", COERCE: "#8e44ad", MOBILIZE: "#6d4c41",
    SANCTION: "#7f8c8d", THREATEN: "#d35400", REJECT: "#95a5a6", ACCUSE: "#b7950b",
    REQUEST: "#2980b9", RETREAT: "#16a085", AID: "#27ae60", COOPERATE: "#1abc9c",
    CONCEDE: "#5dade2", SUPPORT: "#2e86c1", CONSULT: "#3949ab", AGREE: "#00897b",
  };
  function color(type) { return COLORS[type] || "#607d8b"; }

  function el(tag, attrs, parent) {
    const e = document.createElementNS(NS, tag);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function title(parent, text) {
    const tt = el("title", {}, parent);
    tt.textContent = text;
    return tt;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /* ---- map -------------------------------------------------------------------------- */

  const FULL = [0, 0, 360, 180];

  function MapView(svg, onCountry, onPlace) {
    this.svg = svg;
    this.onCountry = onCountry;
    this.onPlace = onPlace;
    this.world = null;
    this.view = FULL.slice();
    this.base = el("g", { class: "base" }, svg);
    this.labels = el("g", { class: "labels" }, svg);
    this.points = el("g", { class: "points" }, svg);
    this._bindZoom();
  }

  MapView.prototype.setWorld = function (world) {
    this.world = world;
    clear(this.base);
    el("rect", { x: 0, y: 0, width: 360, height: 180, class: "sea" }, this.base);
    for (let lon = -150; lon <= 150; lon += 30) {
      el("line", { x1: lon + 180, y1: 0, x2: lon + 180, y2: 180, class: "grat" }, this.base);
    }
    for (let lat = -60; lat <= 60; lat += 30) {
      el("line", { x1: 0, y1: 90 - lat, x2: 360, y2: 90 - lat, class: "grat" }, this.base);
    }
    for (const c of world.countries) {
      const p = el("path", { d: c.d, class: "country", "data-iso2": c.iso2 || "" }, this.base);
      title(p, I.lang === "ar" ? (c.name_ar || c.name) : c.name);
      if (c.iso2) p.addEventListener("click", () => this.onCountry(c.iso2));
    }
  };

  MapView.prototype.draw = function (places, countries, activeCountry) {
    clear(this.points);
    clear(this.labels);
    for (const p of this.base.querySelectorAll("path.country")) {
      const iso = p.getAttribute("data-iso2");
      p.classList.toggle("has-events", !!(iso && countries[iso]));
      p.classList.toggle("active", !!(iso && iso === activeCountry));
    }
    if (this.world) {
      const top = new Set(Object.entries(countries).sort((a, b) => b[1] - a[1]).slice(0, 15)
        .map(([k]) => k));
      for (const c of this.world.countries) {
        if (!c.iso2 || !top.has(c.iso2)) continue;
        const tx = el("text", { x: c.lon + 180, y: 90 - c.lat, class: "country-label" }, this.labels);
        tx.textContent = I.countryName(c.iso2, this.world);
      }
    }
    const max = Math.max(1, ...places.map((p) => p.n));
    for (const p of places) {
      if (p.lat === null || p.lon === null) continue;
      const r = 0.8 + 3.2 * Math.sqrt(p.n / max);
      const dot = el("circle", {
        cx: (p.lon + 180).toFixed(3), cy: (90 - p.lat).toFixed(3), r: r.toFixed(2),
        class: "point", "data-place": p.key || "", "data-n": p.n,
      }, this.points);
      title(dot, (p.key || "") + " · " + I.t("n_events", { n: I.num(p.n) }));
      dot.addEventListener("click", (ev) => { ev.stopPropagation(); this.onPlace(p.key || ""); });
    }
    this.places = places;
    this._scalePoints();
  };

  MapView.prototype.fit = function () {
    const pts = (this.places || []).filter((p) => p.lat !== null && p.lon !== null);
    if (!pts.length) { this.setView(FULL.slice()); return; }
    let x0 = 360, y0 = 180, x1 = 0, y1 = 0;
    for (const p of pts) {
      x0 = Math.min(x0, p.lon + 180); x1 = Math.max(x1, p.lon + 180);
      y0 = Math.min(y0, 90 - p.lat); y1 = Math.max(y1, 90 - p.lat);
    }
    let w = Math.max(x1 - x0, 30) * 1.4, h = Math.max(y1 - y0, 15) * 1.4;
    if (w / h > 2) h = w / 2; else w = h * 2;
    this.setView([(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h]);
  };

  MapView.prototype.setView = function (v) {
    let [x, y, w, h] = v;
    w = Math.min(Math.max(w, 8), 360); h = w / 2;
    x = Math.min(Math.max(x, 0), 360 - w); y = Math.min(Math.max(y, 0), 180 - h);
    this.view = [x, y, w, h];
    this.svg.setAttribute("viewBox", this.view.map((n) => n.toFixed(2)).join(" "));
    this._scalePoints();
  };

  MapView.prototype.zoom = function (factor, cx, cy) {
    const [x, y, w, h] = this.view;
    const px = cx === undefined ? x + w / 2 : cx, py = cy === undefined ? y + h / 2 : cy;
    const nw = w * factor, nh = h * factor;
    this.setView([px - (px - x) * factor, py - (py - y) * factor, nw, nh]);
  };

  MapView.prototype._scalePoints = function () {
    const k = this.view[2] / 360;
    this.svg.style.setProperty("--k", String(k));
    for (const c of this.points.querySelectorAll("circle")) {
      if (!c.dataset.r0) c.dataset.r0 = c.getAttribute("r");
      c.setAttribute("r", (parseFloat(c.dataset.r0) * Math.max(k, 0.08)).toFixed(3));
    }
  };

  MapView.prototype._bindZoom = function () {
    const svg = this.svg;
    const toMap = (ev) => {
      const r = svg.getBoundingClientRect();
      const [x, y, w, h] = this.view;
      return [x + ((ev.clientX - r.left) / r.width) * w, y + ((ev.clientY - r.top) / r.height) * h];
    };
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const [mx, my] = toMap(ev);
      this.zoom(ev.deltaY > 0 ? 1.25 : 0.8, mx, my);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, view: this.view.slice(), moved: false };
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const r = svg.getBoundingClientRect();
      const dx = ((ev.clientX - drag.x) / r.width) * drag.view[2];
      const dy = ((ev.clientY - drag.y) / r.height) * drag.view[3];
      if (Math.abs(dx) + Math.abs(dy) > 0.5) drag.moved = true;
      if (drag.moved) this.setView([drag.view[0] - dx, drag.view[1] - dy, drag.view[2], drag.view[3]]);
    });
    const end = () => { drag = null; };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointerleave", end);
  };

  /* ---- timeline ------------------------------------------------------------------- */

  function addDays(iso, n) {
    const d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  /* Per day when the span is short; per month when it is long (the bars would be
     thinner than a pixel). Returns [{key, from, to, label, counts: {type: n}}]. */
  function buckets(rows) {
    const byDay = new Map();
    for (const r of rows) {
      if (!byDay.has(r.key)) byDay.set(r.key, {});
      const v = byDay.get(r.key);
      v[r.type] = (v[r.type] || 0) + r.n;
    }
    let days = [...byDay.keys()].sort();
    let outside = 0;
    const spanOf = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86400000) + 1;
    if (spanOf(days[0], days[days.length - 1]) > 400) {
      // a few mis-dated events (1905, 2030) must not squash the rest: keep the middle 96%
      const total = rows.reduce((a, r) => a + r.n, 0);
      let acc = 0, lo = null, hi = null;
      for (const d of days) {
        const n = Object.values(byDay.get(d)).reduce((a, c) => a + c, 0);
        acc += n;
        if (lo === null && acc > total * 0.02) lo = d;
        if (hi === null && acc >= total * 0.98) hi = d;
      }
      const kept = days.filter((d) => d >= lo && d <= hi);
      for (const d of days) {
        if (d < lo || d > hi) outside += Object.values(byDay.get(d)).reduce((a, c) => a + c, 0);
      }
      days = kept;
    }
    const first = days[0], last = days[days.length - 1];
    const span = spanOf(first, last);
    const out = [];
    if (span <= 400) {
      for (let i = 0; i < span; i++) {
        const d = addDays(first, i);
        out.push({ key: d, from: d, to: d, label: I.date(d), counts: byDay.get(d) || null });
      }
      return { unit: "day", items: out, outside };
    }
    const months = new Map();
    for (const d of days) {
      const m = d.slice(0, 7);
      if (!months.has(m)) months.set(m, {});
      const acc = months.get(m);
      for (const [t, n] of Object.entries(byDay.get(d))) acc[t] = (acc[t] || 0) + n;
    }
    let [y, m] = first.slice(0, 7).split("-").map(Number);
    const [ly, lm] = last.slice(0, 7).split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      const key = `${y}-${String(m).padStart(2, "0")}`;
      const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      out.push({ key, from: key + "-01", to: end, label: I.date(key), counts: months.get(key) || null });
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return { unit: "month", items: out, outside };
  }

  function drawTimeline(svg, legend, rows, active, onRange) {
    clear(svg);
    clear(legend);
    const W = 600, H = 160, L = 34, B = 22, T = 8;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    if (!rows.length) {
      const tx = el("text", { x: W / 2, y: H / 2, class: "empty" }, svg);
      tx.textContent = I.t("no_events");
      return "day";
    }
    const types = new Set(rows.map((r) => r.type));
    const { unit, items, outside } = buckets(rows);
    const order = I.TYPE_ORDER.filter((t) => types.has(t)).concat([...types].filter((t) => !I.TYPES[t]));
    let max = 1;
    for (const b of items) {
      if (b.counts) max = Math.max(max, Object.values(b.counts).reduce((a, c) => a + c, 0));
    }
    const rtl = document.documentElement.dir === "rtl";
    const bw = (W - L - 8) / items.length;
    const y = (n) => T + (H - T - B) * (1 - n / max);
    const xOf = (i) => (rtl ? W - L - (i + 1) * bw : L + i * bw);
    el("line", { x1: rtl ? 4 : L, y1: H - B, x2: rtl ? W - L : W - 4, y2: H - B, class: "axis" }, svg);
    for (const frac of [0, 0.5, 1]) {
      const n = Math.round(max * frac);
      const tx = el("text", { x: rtl ? W - 2 : 2, y: y(n) + 3, class: "tick" + (rtl ? " end" : "") }, svg);
      tx.textContent = I.num(n);
    }
    items.forEach((b, i) => {
      if (!b.counts) return;
      const cls = "day" + (active && active.from === b.from && active.to === b.to ? " active" : "");
      const g = el("g", { class: cls, "data-day": b.key, "data-from": b.from, "data-to": b.to }, svg);
      let acc = 0;
      for (const t of order) {
        const n = b.counts[t];
        if (!n) continue;
        el("rect", {
          x: (xOf(i) + bw * 0.1).toFixed(2), width: Math.max(bw * 0.8, 0.6).toFixed(2),
          y: y(acc + n).toFixed(2), height: (y(acc) - y(acc + n)).toFixed(2), fill: color(t),
          "data-type": t,
        }, g);
        acc += n;
      }
      const tip = order.filter((t) => b.counts[t]).map((t) => `${I.typeName(t)}: ${I.num(b.counts[t])}`).join("\n");
      title(g, `${b.label}\n${tip}\n${I.t("day_click")}`);
      g.addEventListener("click", () => onRange(b.from, b.to));
    });
    const last = items.length - 1;
    const ticks = last === 0 ? [0] : [0, Math.floor(last / 2), last];
    for (const i of [...new Set(ticks)]) {
      const atStart = i === 0 && last > 0, atEnd = i === last && last > 0;
      let anchor = "mid";
      if (atStart) anchor = rtl ? "end" : "start";
      if (atEnd) anchor = rtl ? "start" : "end";
      const x = atStart ? (rtl ? xOf(i) + bw : xOf(i)) : atEnd ? (rtl ? xOf(i) : xOf(i) + bw) : xOf(i) + bw / 2;
      const tx = el("text", { x: x.toFixed(2), y: H - 6, class: "tick " + anchor }, svg);
      tx.textContent = items[i].label;
    }
    if (outside) {
      const note = el("text", { x: W / 2, y: T + 4, class: "tick mid" }, svg);
      note.textContent = I.t("outside", { n: I.num(outside) });
    }
    for (const t of order) {
      const item = document.createElement("span");
      item.className = "type-chip";
      const sw = document.createElement("i");
      sw.style.background = color(t);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(I.typeName(t)));
      legend.appendChild(item);
    }
    return unit;
  }

  return { MapView, drawTimeline, color, clear };
})();
