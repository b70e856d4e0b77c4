/* marsad web page: the article view. The article text (untrusted) is cut at every span
   boundary of every extracted field and rebuilt from text nodes, so no part of it is ever
   parsed as HTML. Offsets are code points (as Python counts them), so the text is split
   with Array.from, never indexed as UTF-16. */
"use strict";

window.MarsadArticle = (function () {
  const I = window.MarsadI18n;
  const PRIORITY = ["trigger", "figure", "date", "place", "actor", "recipient", "speaker", "cue",
    "source", "mention", "content"];
  const LEGEND = ["trigger", "mention", "actor", "recipient", "place", "date", "figure", "speaker",
    "cue", "content", "source"];

  function h(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /* Every span of the document, merged by (kind, start, end); each keeps the records it
     belongs to. */
  function collectMarks(doc) {
    const marks = new Map();
    const len = Array.from(doc.text).length;
    function add(kind, span, ref) {
      if (!span || typeof span.start !== "number" || typeof span.end !== "number") return;
      if (span.end <= span.start || span.start < 0 || span.end > len) return;
      const key = kind + ":" + span.start + ":" + span.end;
      let m = marks.get(key);
      if (!m) {
        m = { id: "m" + marks.size, kind, start: span.start, end: span.end, text: span.text, refs: [] };
        marks.set(key, m);
      }
      if (!m.refs.some((r) => r.key === ref.key)) m.refs.push(ref);
    }
    (doc.events || []).forEach((e, i) => {
      const ref = { key: "e" + i, event: i, uid: e.uid, record: e,
        label: I.t("event_n", { n: I.num(i + 1) }) + " · " + I.typeName(e.type) };
      add("trigger", e.trigger, ref);
      for (const m of e.mentions || []) add("mention", m, ref);
      for (const a of e.actors || []) add("actor", a, ref);
      for (const a of e.recipients || []) add("recipient", a, ref);
      if (e.location) add("place", e.location, ref);
      add("date", e.date_span, ref);
      for (const f of e.figures || []) add("figure", f, ref);
      for (const s of e.sources || []) {
        add("source", s, ref);
        for (const c of s.chain || []) add("source", c, ref);
      }
    });
    (doc.figures || []).forEach((f, i) => {
      add("figure", f, { key: "f" + i, record: f, label: I.t("figure_n", { n: I.num(i + 1) }) });
    });
    (doc.quotes || []).forEach((q, i) => {
      const ref = { key: "q" + i, record: q, label: I.t("quote_n", { n: I.num(i + 1) }) };
      add("speaker", q.speaker, ref);
      add("cue", q.cue, ref);
      add("content", q.content, ref);
      for (const s of q.sources || []) add("source", s, ref);
    });
    (doc.sources || []).forEach((s, i) => {
      const ref = { key: "s" + i, record: s, label: I.t("source_n", { n: I.num(i + 1) }) };
      add("source", s, ref);
      for (const c of s.chain || []) add("source", c, ref);
    });
    (doc.dates || []).forEach((d, i) => {
      add("date", d, { key: "d" + i, record: d, label: I.t("date_n", { n: I.num(i + 1) }) });
    });
    (doc.places || []).forEach((p, i) => {
      add("place", p, { key: "p" + i, record: p, label: I.t("place_n", { n: I.num(i + 1) }) });
    });
    return [...marks.values()];
  }

  function rank(m) { return PRIORITY.indexOf(m.kind); }

  /* The text cut into segments; each segment lists the marks that cover it. */
  function segments(cps, marks) {
    const cuts = new Set([0, cps.length]);
    for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
    const pts = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const cover = marks.filter((m) => m.start <= a && m.end >= b);
      cover.sort((x, y) => (x.end - x.start) - (y.end - y.start) || rank(x) - rank(y));
      out.push({ a, b, text: cps.slice(a, b).join(""), cover });
    }
    return out;
  }

  function ArticleView(els) {
    this.els = els;
    this.doc = null;
    this.marks = [];
    this.current = null;
  }

  ArticleView.prototype.render = function (doc, uid) {
    this.doc = doc;
    const { title, meta, legend, text, events, record } = this.els;
    title.textContent = doc.title || doc.doc_id || I.t("untitled");
    window.MarsadCharts.clear(meta);
    for (const part of [
      doc.site, doc.published ? I.t("published") + " " + I.date(doc.published) : null,
      doc.doc_id, I.t("n_events", { n: I.num((doc.events || []).length) }),
    ]) {
      if (!part) continue;
      if (meta.firstChild) meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(h("bdi", null, part));
    }
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      const a = h("a", null, doc.url);
      a.href = doc.url;
      a.rel = "noopener noreferrer nofollow";
      a.target = "_blank";
      const b = h("bdi");
      b.appendChild(a);
      if (meta.firstChild) meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(b);
    }
    window.MarsadCharts.clear(legend);
    legend.appendChild(h("strong", null, I.t("legend") + ":"));
    for (const k of LEGEND) {
      const item = h("span", "legend-item hl k-" + k + " top-" + k, I.kindName(k));
      item.setAttribute("data-kind", k);
      legend.appendChild(item);
    }
    const cps = Array.from(doc.text);
    this.marks = collectMarks(doc);
    window.MarsadCharts.clear(text);
    const frag = document.createDocumentFragment();
    for (const seg of segments(cps, this.marks)) {
      if (!seg.cover.length) { frag.appendChild(document.createTextNode(seg.text)); continue; }
      const kinds = [...new Set(seg.cover.map((m) => m.kind))];
      const top = seg.cover.find((m) => m.kind !== "content") || seg.cover[0];
      const s = h("span", "hl top-" + top.kind + " " + kinds.map((k) => "k-" + k).join(" "), seg.text);
      s.setAttribute("data-marks", seg.cover.map((m) => m.id).join(" "));
      s.setAttribute("data-start", seg.a);
      s.setAttribute("data-end", seg.b);
      s.tabIndex = 0;
      frag.appendChild(s);
    }
    text.appendChild(frag);
    text.onclick = (ev) => {
      const s = ev.target.closest ? ev.target.closest("span.hl") : null;
      if (s) this.showMarks(s.getAttribute("data-marks").split(" "));
    };
    text.onkeydown = (ev) => {
      if (ev.key === "Enter" && ev.target.classList && ev.target.classList.contains("hl")) {
        this.showMarks(ev.target.getAttribute("data-marks").split(" "));
      }
    };
    window.MarsadCharts.clear(events);
    (doc.events || []).forEach((e, i) => {
      const li = h("li", "doc-event");
      const b = h("button", "event-jump");
      b.type = "button";
      b.setAttribute("data-uid", e.uid || "");
      b.setAttribute("data-idx", i);
      const sw = h("i", "swatch");
      sw.style.background = window.MarsadCharts.color(e.type);
      b.appendChild(sw);
      b.appendChild(h("strong", null, I.typeName(e.type)));
      b.appendChild(document.createTextNode(" "));
      b.appendChild(h("span", "trig", e.trigger ? e.trigger.text : ""));
      if (e.negated || e.hypothetical) {
        b.appendChild(h("em", "flag", e.negated ? I.t("flag_negated") : I.t("flag_hypothetical")));
      }
      b.addEventListener("click", () => this.select(i, true));
      li.appendChild(b);
      events.appendChild(li);
    });
    window.MarsadCharts.clear(record);
    this.current = null;
    window.marsadArticle = { id: doc.id, marks: this.marks.map((m) => ({
      id: m.id, kind: m.kind, start: m.start, end: m.end, text: m.text,
      refs: m.refs.map((r) => r.key) })), current: null };
    const idx = (doc.events || []).findIndex((e) => e.uid && e.uid === uid);
    if (idx >= 0) this.select(idx, true);
  };

  /* Make event i current: outline its words, scroll to its trigger, show its record. */
  ArticleView.prototype.select = function (i, scroll) {
    const e = this.doc.events[i];
    this.current = i;
    const ids = new Set(this.marks.filter((m) => m.refs.some((r) => r.event === i)).map((m) => m.id));
    const trig = this.marks.find((m) => m.kind === "trigger" && m.refs.some((r) => r.event === i));
    let first = null;
    for (const s of this.els.text.querySelectorAll("span.hl")) {
      const mine = s.getAttribute("data-marks").split(" ").some((id) => ids.has(id));
      s.classList.toggle("cur", mine);
      const isTrig = trig && s.getAttribute("data-marks").split(" ").includes(trig.id);
      s.classList.toggle("cur-trigger", !!isTrig);
      if (isTrig && !first) first = s;
    }
    for (const b of this.els.events.querySelectorAll("button.event-jump")) {
      b.classList.toggle("active", b.getAttribute("data-idx") === String(i));
    }
    if (first) {
      if (scroll) first.scrollIntoView({ block: "center" });
      first.classList.remove("flash");
      void first.offsetWidth;
      first.classList.add("flash");
    }
    window.marsadArticle.current = e.uid || null;
    this.showRefs([{ kind: "trigger", text: e.trigger ? e.trigger.text : "",
      refs: [{ key: "e" + i, record: e, label: I.t("event_n", { n: I.num(i + 1) }) + " · " + I.typeName(e.type) }] }]);
  };

  ArticleView.prototype.showMarks = function (ids) {
    const chosen = ids.map((id) => this.marks.find((m) => m.id === id)).filter(Boolean);
    this.showRefs(chosen);
  };

  ArticleView.prototype.showRefs = function (marks) {
    const box = this.els.record;
    window.MarsadCharts.clear(box);
    for (const m of marks) {
      const sec = h("section", "rec");
      const head = h("h4");
      head.appendChild(h("span", "hl top-" + m.kind + " k-" + m.kind, I.kindName(m.kind)));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(h("q", null, m.text));
      sec.appendChild(head);
      for (const r of m.refs) {
        sec.appendChild(h("p", "rec-label", r.label));
        sec.appendChild(describe(r.record));
        if (r.event !== undefined && this.current !== r.event) {
          const b = h("button", "goto", I.t("open"));
          b.type = "button";
          b.addEventListener("click", () => this.select(r.event, true));
          sec.appendChild(b);
        }
        const det = h("details");
        det.appendChild(h("summary", null, I.t("json")));
        det.appendChild(h("pre", "json", JSON.stringify(r.record, null, 2)));
        sec.appendChild(det);
      }
      box.appendChild(sec);
    }
  };

  function spanText(v) {
    if (v && typeof v === "object" && typeof v.text === "string") return v.text;
    return null;
  }

  /* A record as a definition list: scalars as they are, spans as their words. */
  function describe(rec) {
    const dl = h("dl", "fields");
    const skip = new Set(["start", "end", "sentence", "sentence_span", "idx", "uid", "quote",
      "event", "document", "quote_record"]);
    for (const k of Object.keys(rec || {})) {
      if (skip.has(k)) continue;
      let v = rec[k];
      if (v === null || v === undefined || v === false || (Array.isArray(v) && !v.length)) continue;
      let shown;
      if (Array.isArray(v)) {
        shown = v.map((x) => {
          const s = spanText(x);
          if (s === null) return typeof x === "object" ? JSON.stringify(x) : String(x);
          if (x.kind !== undefined) return `${s} (${x.kind}${x.value !== undefined ? " = " + I.num(x.value) : ""})`;
          return s;
        }).join(" · ");
      } else if (typeof v === "object") {
        shown = spanText(v);
        if (k === "location") shown = [v.text, v.name, v.country].filter(Boolean).join(" · ");
        if (shown === null) shown = JSON.stringify(v);
      } else if (typeof v === "number") {
        shown = I.num(v);
      } else if (k === "type") {
        shown = I.typeName(v) + " (" + v + ")";
      } else {
        shown = String(v);
      }
      dl.appendChild(h("dt", null, I.field(k)));
      dl.appendChild(h("dd", null, shown));
    }
    return dl;
  }

  return { ArticleView, collectMarks, segments };
})();
