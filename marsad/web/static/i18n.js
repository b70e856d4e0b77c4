/* marsad web page: interface labels in Arabic and English, number and date formats.
   Every label is set with textContent; nothing here is ever parsed as HTML. */
"use strict";

window.MarsadI18n = (function () {
  const LABELS = {
    ar: {
      api: "واجهة البرمجة", filters: "التصفية", type: "النوع", mode: "الأسلوب", country: "البلد",
      date_from: "من", date_to: "إلى", actor: "الفاعل", place: "المكان", source: "المصدر",
      q: "نص", negated: "منفي", hypothetical: "افتراضي", any: "الكل", exclude: "استبعاد",
      only: "فقط", apply: "تطبيق", reset: "إعادة الضبط", map: "الخريطة", fit: "ملاءمة",
      map_note: "حدود الدول: Natural Earth (ملكية عامة).", timeline: "الأحداث في كل يوم", timeline_month: "الأحداث في كل شهر",
      events: "الأحداث", date: "التاريخ", trigger: "الكلمة الدالة", actors: "الفاعلون",
      recipients: "المتلقون", killed: "القتلى", article: "المقال", prev: "السابق", next: "التالي",
      back: "العودة إلى الأحداث", doc_events: "أحداث هذا المقال", record: "السجل",
      record_hint: "انقر على كلمة مظللة لترى السجل الذي تنتمي إليه.",
      page_of: "صفحة {p} من {n}", n_events: "{n} حدث", store: "{d} مقال · {e} حدث",
      no_events: "لا أحداث تطابق التصفية.", loading: "جارٍ التحميل…", error: "خطأ",
      published: "نُشر", open: "فتح", legend: "مفتاح الألوان", fields: "الحقول",
      flag_negated: "منفي", flag_hypothetical: "افتراضي", flag_future: "مستقبلي",
      flag_historical: "تاريخي", value: "القيمة", kind: "النوع", counted: "المعدود",
      speaker: "المتحدث", cue: "فعل القول", content: "المضمون", chain: "سلسلة الإسناد",
      location: "الموقع", event_n: "الحدث {n}", quote_n: "الاقتباس {n}", figure_n: "الرقم {n}",
      source_n: "المصدر {n}", place_n: "المكان {n}", date_n: "التاريخ {n}", json: "السجل كاملاً (JSON)",
      no_date: "بلا تاريخ", untitled: "(بلا عنوان)", country_click: "انقر لتصفية هذا البلد",
      day_click: "انقر لتصفية هذه الفترة", outside: "و{n} حدثاً خارج هذا المدى (تواريخ شاذة)",
    },
    en: {
      api: "API", filters: "Filters", type: "Type", mode: "Mode", country: "Country",
      date_from: "From", date_to: "To", actor: "Actor", place: "Place", source: "Source",
      q: "Text", negated: "Negated", hypothetical: "Hypothetical", any: "any", exclude: "exclude",
      only: "only", apply: "Apply", reset: "Reset", map: "Map", fit: "Fit",
      map_note: "Country outlines: Natural Earth (public domain).", timeline: "Events per day", timeline_month: "Events per month",
      events: "Events", date: "Date", trigger: "Trigger", actors: "Actors",
      recipients: "Recipients", killed: "Killed", article: "Article", prev: "Previous",
      next: "Next", back: "Back to events", doc_events: "Events in this article",
      record: "Record", record_hint: "Click a highlighted word to see the record it belongs to.",
      page_of: "page {p} of {n}", n_events: "{n} events", store: "{d} articles · {e} events",
      no_events: "No event matches the filters.", loading: "Loading…", error: "Error",
      published: "Published", open: "open", legend: "Legend", fields: "Fields",
      flag_negated: "negated", flag_hypothetical: "hypothetical", flag_future: "future",
      flag_historical: "historical", value: "value", kind: "kind", counted: "counted",
      speaker: "speaker", cue: "cue", content: "content", chain: "attribution chain",
      location: "location", event_n: "event {n}", quote_n: "quote {n}", figure_n: "figure {n}",
      source_n: "source {n}", place_n: "place {n}", date_n: "date {n}", json: "Whole record (JSON)",
      no_date: "no date", untitled: "(untitled)", country_click: "click to filter this country",
      day_click: "click to filter this period", outside: "and {n} events outside this range (outlying dates)",
    },
  };

  /* PLOVER event types, with Arabic names. */
  const TYPES = {
    AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "تأييد", CONCEDE: "تنازل", COOPERATE: "تعاون",
    AID: "مساعدة", RETREAT: "تراجع", REQUEST: "طلب", ACCUSE: "اتهام", REJECT: "رفض",
    THREATEN: "تهديد", PROTEST: "احتجاج", SANCTION: "عقوبة", MOBILIZE: "تعبئة", COERCE: "إكراه",
    ASSAULT: "اعتداء",
  };
  const TYPE_ORDER = Object.keys(TYPES);

  /* Arabic names of record fields (the record panel); English shows the JSON keys. */
  const FIELDS = {
    type: "النوع", mode: "الأسلوب", trigger: "الكلمة الدالة", actors: "الفاعلون",
    recipients: "المتلقون", location: "الموقع", date: "التاريخ", date_precision: "دقة التاريخ",
    date_span: "عبارة التاريخ", figures: "الأرقام", sources: "المصادر", confidence: "الثقة",
    mentions: "إشارات أخرى", negated: "منفي", hypothetical: "افتراضي", future: "مستقبلي",
    historical: "تاريخي", kind: "النوع", value: "القيمة", value_max: "الحد الأعلى",
    qualifier: "التقدير", counted: "المعدود", cue: "الإشارة", speaker: "المتحدث",
    speaker_from: "تعيين المتحدث", content: "المضمون", direct: "اقتباس مباشر",
    chain: "سلسلة الإسناد", text: "النص", name: "الاسم", country: "البلد", country3: "رمز البلد",
    precision: "الدقة", calendar: "التقويم", relative: "نسبي", role: "الدور", lat: "خط العرض",
    lon: "خط الطول", geonameid: "معرّف GeoNames", admin1: "الإقليم", feature_class: "صنف المعلم",
    fatalities: "القتلى", label: "الصنف",
  };
  function field(key) { return lang === "ar" && FIELDS[key] ? FIELDS[key] : key; }

  /* The highlight kinds of the article view. */
  const KINDS = {
    trigger: { ar: "الكلمة الدالة على الحدث", en: "event trigger" },
    mention: { ar: "إشارة أخرى إلى الحدث", en: "other mention" },
    actor: { ar: "الفاعل", en: "actor" },
    recipient: { ar: "المتلقي", en: "recipient" },
    place: { ar: "المكان", en: "place" },
    date: { ar: "التاريخ", en: "date" },
    figure: { ar: "رقم", en: "figure" },
    speaker: { ar: "المتحدث", en: "quote speaker" },
    cue: { ar: "فعل القول", en: "quote cue" },
    content: { ar: "مضمون الاقتباس", en: "quote content" },
    source: { ar: "المصدر", en: "source" },
  };

  let lang = "ar";
  try {
    const saved = window.localStorage.getItem("marsad.lang");
    if (saved === "en" || saved === "ar") lang = saved;
  } catch (e) { /* storage may be disabled */ }

  function t(key, vars) {
    let s = (LABELS[lang] && LABELS[lang][key]) || LABELS.en[key] || key;
    if (vars) {
      for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
    }
    return s;
  }

  function typeName(code) {
    if (!code) return "";
    if (lang === "ar" && TYPES[code]) return TYPES[code];
    return code.charAt(0) + code.slice(1).toLowerCase();
  }

  function kindName(kind) {
    return (KINDS[kind] && KINDS[kind][lang]) || kind;
  }

  function locale() { return lang === "ar" ? "ar" : "en-GB"; }

  function num(n) {
    if (n === null || n === undefined) return "";
    return new Intl.NumberFormat(locale()).format(n);
  }

  function date(iso, short) {
    if (!iso) return t("no_date");
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
    if (!m) return iso;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1));
    const opts = short
      ? { year: "2-digit", month: "short", day: "numeric", timeZone: "UTC" }
      : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    if (!m[3]) { delete opts.day; }
    return new Intl.DateTimeFormat(locale(), opts).format(d);
  }

  function countryName(iso2, world) {
    if (!iso2) return "";
    const c = world && world.byIso2 ? world.byIso2[iso2] : null;
    if (c) return (lang === "ar" ? c.name_ar : c.name) || c.name || iso2;
    try {
      return new Intl.DisplayNames([locale()], { type: "region" }).of(iso2) || iso2;
    } catch (e) { return iso2; }
  }

  function apply(root) {
    document.documentElement.lang = lang;
    document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
    for (const el of (root || document).querySelectorAll("[data-i18n]")) {
      el.textContent = t(el.getAttribute("data-i18n"));
    }
    const toggle = document.getElementById("lang-toggle");
    if (toggle) toggle.textContent = lang === "ar" ? "English" : "العربية";
  }

  function setLang(l) {
    lang = l === "en" ? "en" : "ar";
    try { window.localStorage.setItem("marsad.lang", lang); } catch (e) { /* ignore */ }
    apply();
  }

  return {
    t, typeName, kindName, field, num, date, countryName, apply, setLang,
    get lang() { return lang; }, TYPES, TYPE_ORDER, KINDS,
  };
})();
