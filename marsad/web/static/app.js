/* marsad web page: state in the URL hash, data from the JSON API, and the views kept in
   step. #/?type=ASSAULT&country=KZ is the browse view with those filters; #/doc/12/<uid>
   is the article view of document 12 with that event selected. */
"use strict";

(function () {
  const I = window.MarsadI18n;
  const C = window.MarsadCharts;
  const FILTERS = ["type", "mode", "country", "date_from", "date_to", "actor", "place", "source",
    "q", "negated", "hypothetical"];
  const PER_PAGE = 25;
  const $ = (id) => document.getElementById(id);

  let world = null;
  let info = null;
  let lastBrowse = "#/";
  let seq = 0; // the newest request wins: answers to older ones are dropped
  let mapView = null;
  let fitted = false;
  const article = new window.MarsadArticle.ArticleView({
    title: $("article-title"), meta: $("article-meta"), legend: $("legend"),
    text: $("article-text"), events: $("doc-events"), record: $("record"),
  });

  function h(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function status(msg, isError) {
    const s = $("status");
    s.textContent = msg || "";
    s.classList.toggle("error", !!isError);
  }

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok || !body || body.ok !== true) {
      const err = body && body.error ? body.error : { message: res.statusText };
      throw new Error((err.code ? err.code + ": " : "") + err.message);
    }
    return body;
  }

  /* ---- state <-> hash -------------------------------------------------------------- */

  function parseHash() {
    const raw = location.hash.replace(/^#/, "") || "/";
    const [path, query] = raw.split("?");
    const params = new URLSearchParams(query || "");
    const doc = /^\/doc\/(\d+)(?:\/([0-9a-f]+-\d+))?$/.exec(path);
    if (doc) return { view: "doc", doc: doc[1], uid: doc[2] || null };
    const f = {};
    for (const k of FILTERS) { const v = params.get(k); if (v) f[k] = v; }
    const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
    return { view: "browse", filters: f, page };
  }

  function browseHash(filters, page) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (filters[k]) p.set(k, filters[k]);
    if (page && page > 1) p.set("page", String(page));
    const qs = p.toString();
    return "#/" + (qs ? "?" + qs : "");
  }

  function go(filters, page) { location.hash = browseHash(filters, page); }

  function query(filters, extra, drop) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (filters[k] && !(drop || []).includes(k)) p.set(k, filters[k]);
    for (const k of Object.keys(extra || {})) p.set(k, extra[k]);
    return p.toString();
  }

  /* ---- browse view ----------------------------------------------------------------- */

  function fillForm(f) {
    for (const k of FILTERS) {
      const el = $("f-" + k);
      if (el) el.value = f[k] || "";
    }
  }

  function readForm(state) {
    const f = {};
    for (const k of FILTERS) {
      const el = $("f-" + k);
      if (el && el.value.trim()) f[k] = el.value.trim();
    }
    if (state.filters.type) f.type = state.filters.type;
    return f;
  }

  function drawTypeFacets(state, counts) {
    const box = $("type-facets");
    C.clear(box);
    const active = new Set((state.filters.type || "").split(",").filter(Boolean));
    const types = new Set([...(info ? info.types : []), ...Object.keys(counts), ...active]);
    const order = I.TYPE_ORDER.filter((t) => types.has(t)).concat([...types].filter((t) => !I.TYPES[t]).sort());
    for (const t of order) {
      const b = h("button", "facet-type" + (active.has(t) ? " active" : ""));
      b.type = "button";
      b.setAttribute("data-type", t);
      b.setAttribute("aria-pressed", active.has(t) ? "true" : "false");
      const sw = h("i", "swatch");
      sw.style.background = C.color(t);
      b.appendChild(sw);
      b.appendChild(h("span", "name", I.typeName(t)));
      b.appendChild(h("span", "n", I.num(counts[t] || 0)));
      b.addEventListener("click", () => {
        const next = new Set(active);
        if (next.has(t)) next.delete(t); else next.add(t);
        const f = Object.assign({}, state.filters);
        if (next.size) f.type = [...next].join(","); else delete f.type;
        go(f, 1);
      });
      box.appendChild(b);
    }
  }

  function fillSelect(sel, rows, current, label) {
    const keep = sel.options[0];
    C.clear(sel);
    sel.appendChild(keep);
    const keys = new Set();
    for (const r of rows) {
      if (!r.key || keys.has(r.key)) continue;
      keys.add(r.key);
      const o = h("option", null, `${label(r)} (${I.num(r.n)})`);
      o.value = r.key;
      sel.appendChild(o);
    }
    if (current && !keys.has(current)) {
      const o = h("option", null, label({ key: current }));
      o.value = current;
      sel.appendChild(o);
    }
    sel.value = current || "";
  }

  function cell(tr, content, cls) {
    const td = h("td", cls);
    if (content instanceof Node) td.appendChild(content); else td.textContent = content || "";
    tr.appendChild(td);
    return td;
  }

  function drawTable(state, data) {
    const body = $("events-body");
    C.clear(body);
    if (!data.events.length) {
      const tr = h("tr", "empty");
      const td = cell(tr, I.t("no_events"));
      td.colSpan = 9;
      body.appendChild(tr);
    }
    for (const e of data.events) {
      const tr = h("tr", "event-row");
      tr.setAttribute("data-uid", e.uid);
      tr.setAttribute("data-type", e.type);
      const href = "#/doc/" + encodeURIComponent(e.doc) + "/" + encodeURIComponent(e.uid);
      cell(tr, I.date(e.day), "date");
      const ty = h("span", "type-chip");
      const sw = h("i");
      sw.style.background = C.color(e.type);
      ty.appendChild(sw);
      ty.appendChild(document.createTextNode(I.typeName(e.type) + (e.mode ? " · " + e.mode : "")));
      cell(tr, ty);
      const a = h("a", "trigger-link", e.trigger.text);
      a.href = href;
      a.setAttribute("dir", "rtl");
      const trig = h("span");
      trig.appendChild(a);
      if (e.negated) trig.appendChild(h("em", "flag", I.t("flag_negated")));
      if (e.hypothetical) trig.appendChild(h("em", "flag", I.t("flag_hypothetical")));
      cell(tr, trig, "ar");
      cell(tr, e.actors.join("، "), "ar");
      cell(tr, e.recipients.join("، "), "ar");
      const loc = e.location;
      const where = loc ? loc.text || (loc.precision === "country" ? "" : loc.name) : "";
      const land = loc && loc.country ? I.countryName(loc.country, world) : "";
      cell(tr, where && land && where !== land ? where + " · " + land : where || land, "ar");
      cell(tr, e.fatalities === null || e.fatalities === undefined ? "" : I.num(e.fatalities), "num");
      cell(tr, e.sources.join("، "), "ar");
      const d = e.document || {};
      cell(tr, d.title || d.doc_id || "", "ar doc");
      tr.title = e.snippet || "";
      tr.addEventListener("click", (ev) => {
        if (ev.target.closest("a")) return;
        location.hash = href;
      });
      body.appendChild(tr);
    }
    $("result-count").textContent = I.t("n_events", { n: I.num(data.total) });
    $("page-info").textContent = I.t("page_of", { p: I.num(data.page), n: I.num(data.pages) });
    $("prev-page").disabled = data.page <= 1;
    $("next-page").disabled = data.page >= data.pages;
    $("prev-page").onclick = () => go(state.filters, data.page - 1);
    $("next-page").onclick = () => go(state.filters, data.page + 1);
  }

  async function showBrowse(state) {
    $("browse").hidden = false;
    $("article-view").hidden = true;
    lastBrowse = browseHash(state.filters, state.page);
    fillForm(state.filters);
    const my = ++seq;
    status(I.t("loading"));
    document.body.classList.add("busy");
    try {
      const f = state.filters;
      const [events, stats, facets] = await Promise.all([
        api("/api/events?" + query(f, { page: state.page, per_page: PER_PAGE })),
        api("/api/stats?" + query(f, { by: "day_type,place,country" })),
        api("/api/stats?" + query(f, { by: "type,mode,country" }, ["type", "mode", "country"])),
      ]);
      if (my !== seq) return;
      const typeCounts = {};
      for (const r of facets.counts.type) typeCounts[r.key] = r.n;
      drawTypeFacets(state, typeCounts);
      const modes = facets.counts.mode.filter((r) => r.key);
      fillSelect($("f-mode"), modes, f.mode, (r) => r.key);
      fillSelect($("f-country"), facets.counts.country, f.country,
        (r) => I.countryName(r.key, world) || r.key);
      const countries = {};
      for (const r of stats.counts.country) if (r.key) countries[r.key] = r.n;
      if (mapView) {
        mapView.draw(stats.counts.place, countries, f.country || null);
        if (!fitted) { mapView.fit(); fitted = true; }
      }
      const unit = C.drawTimeline($("timeline"), $("timeline-legend"), stats.counts.day_type,
        f.date_from && f.date_to ? { from: f.date_from, to: f.date_to } : null, (from, to) => {
          const nf = Object.assign({}, state.filters);
          if (nf.date_from === from && nf.date_to === to) { delete nf.date_from; delete nf.date_to; } else { nf.date_from = from; nf.date_to = to; }
          go(nf, 1);
        });
      $("timeline-title").textContent = I.t(unit === "month" ? "timeline_month" : "timeline");
      drawTable(state, events);
      status("");
      document.body.setAttribute("data-loaded", String(my));
    } catch (err) {
      if (my === seq) status(I.t("error") + ": " + err.message, true);
    } finally {
      if (my === seq) document.body.classList.remove("busy");
    }
  }

  /* ---- article view ---------------------------------------------------------------- */

  async function showDoc(state) {
    $("browse").hidden = true;
    $("article-view").hidden = false;
    $("back-link").href = lastBrowse;
    const my = ++seq;
    status(I.t("loading"));
    try {
      const data = await api("/api/documents/" + encodeURIComponent(state.doc));
      if (my !== seq) return;
      article.render(data.document, state.uid);
      status("");
      document.body.setAttribute("data-loaded", String(my));
    } catch (err) {
      if (my === seq) status(I.t("error") + ": " + err.message, true);
    }
  }

  function summary() {
    if (info) $("store-summary").textContent = I.t("store", { d: I.num(info.documents), e: I.num(info.events) });
  }

  function route() {
    const state = parseHash();
    if (state.view === "doc") showDoc(state); else showBrowse(state);
  }

  /* ---- start ------------------------------------------------------------------------ */

  async function start() {
    I.apply();
    mapView = new C.MapView($("map"),
      (iso2) => {
        const s = parseHash();
        if (s.view !== "browse") return;
        const f = Object.assign({}, s.filters);
        if (f.country === iso2) delete f.country; else f.country = iso2;
        go(f, 1);
      },
      (place) => {
        const s = parseHash();
        if (s.view !== "browse") return;
        const f = Object.assign({}, s.filters);
        if (f.place === place) delete f.place; else f.place = place;
        go(f, 1);
      });
    $("zoom-in").addEventListener("click", () => mapView.zoom(0.7));
    $("zoom-out").addEventListener("click", () => mapView.zoom(1.4));
    $("zoom-fit").addEventListener("click", () => mapView.fit());
    $("filter-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      go(readForm(parseHash()), 1);
    });
    $("filter-form").addEventListener("change", (ev) => {
      if (ev.target.tagName === "SELECT" || ev.target.type === "date") go(readForm(parseHash()), 1);
    });
    $("reset").addEventListener("click", () => go({}, 1));
    $("lang-toggle").addEventListener("click", () => {
      I.setLang(I.lang === "ar" ? "en" : "ar");
      if (world) mapView.setWorld(world);
      summary();
      fitted = true;
      route();
    });
    window.addEventListener("hashchange", route);
    try {
      const [inf, w] = await Promise.all([
        api("/api/info"),
        fetch("/static/world.json").then((r) => r.json()),
      ]);
      info = inf.store;
      world = w;
      world.byIso2 = {};
      for (const c of world.countries) if (c.iso2) world.byIso2[c.iso2] = c;
      mapView.setWorld(world);
      summary();
    } catch (err) {
      status(I.t("error") + ": " + err.message, true);
    }
    route();
  }

  start();
})();
