"""Nisba adjectives and demonyms that name a country: الروسية، الكازاخي، السوريون، الأتراك.

Each country lists its masculine nisba stems (without the article); the inflected forms
(feminine ـة, plurals ـون/ـين, duals ـان/ـتان/ـتين, with or without ال) are generated and
folded once. Broken plurals are listed as they are. Ambiguous adjectives are left out on
purpose: المالي (Malian, but also "financial"), الكوري alone (which Korea?), العربي.
"""

from __future__ import annotations

from marsad.text.normalize import fold

# ISO alpha-2 -> masculine nisba stems, as written in the press.
_STEMS: dict[str, str] = {
    "US": "أمريكي أميركي امريكي اميركي",
    "GB": "بريطاني إنجليزي إنكليزي",
    "FR": "فرنسي",
    "DE": "ألماني الماني",
    "RU": "روسي",
    "CN": "صيني",
    "JP": "ياباني",
    "IN": "هندي",
    "PK": "باكستاني",
    "AF": "أفغاني افغاني",
    "IR": "إيراني ايراني",
    "TR": "تركي",
    "IQ": "عراقي",
    "SY": "سوري",
    "LB": "لبناني",
    "JO": "أردني اردني",
    "PS": "فلسطيني",
    "IL": "إسرائيلي اسرائيلي",
    "EG": "مصري",
    "SA": "سعودي",
    "YE": "يمني",
    "OM": "عماني",
    "AE": "إماراتي اماراتي",
    "QA": "قطري",
    "KW": "كويتي",
    "BH": "بحريني",
    "LY": "ليبي",
    "SD": "سوداني",
    "TN": "تونسي",
    "DZ": "جزائري",
    "MA": "مغربي",
    "MR": "موريتاني",
    "SO": "صومالي",
    "DJ": "جيبوتي",
    "ER": "إريتري اريتري",
    "ET": "إثيوبي اثيوبي",
    "KE": "كيني",
    "NG": "نيجيري",
    "TD": "تشادي",
    "NE": "نيجري",
    "BI": "بوروندي",
    "UA": "أوكراني اوكراني",
    "BY": "بيلاروسي بيلاروس",
    "KZ": "كازاخي كازاخستاني قازاقي قازاخي",
    "KG": "قيرغيزي قرغيزي قيرغيزستاني",
    "TJ": "طاجيكي طاجيكستاني",
    "UZ": "أوزبكي أوزبكستاني اوزبكي",
    "TM": "تركماني تركمانستاني",
    "AM": "أرميني ارميني",
    "AZ": "أذربيجاني اذربيجاني",
    "GE": "جورجي",
    "IT": "إيطالي ايطالي",
    "ES": "إسباني اسباني",
    "PT": "برتغالي",
    "GR": "يوناني",
    "CY": "قبرصي",
    "PL": "بولندي",
    "NL": "هولندي",
    "BE": "بلجيكي",
    "CH": "سويسري",
    "AT": "نمساوي",
    "SE": "سويدي",
    "NO": "نرويجي",
    "DK": "دنماركي",
    "FI": "فنلندي",
    "IE": "إيرلندي ايرلندي",
    "HU": "مجري",
    "RO": "روماني",
    "BG": "بلغاري",
    "CZ": "تشيكي",
    "RS": "صربي",
    "HR": "كرواتي",
    "BA": "بوسني",
    "AL": "ألباني",
    "CA": "كندي",
    "MX": "مكسيكي",
    "BR": "برازيلي",
    "AR": "أرجنتيني ارجنتيني",
    "VE": "فنزويلي",
    "CO": "كولومبي",
    "CU": "كوبي",
    "AU": "أسترالي استرالي",
    "NZ": "نيوزيلندي",
    "ID": "إندونيسي اندونيسي",
    "MY": "ماليزي",
    "PH": "فلبيني",
    "MM": "بورمي",
    "SG": "سنغافوري",
    "KR": "كوري_جنوبي",
    "KP": "كوري_شمالي",
    "ZA": "جنوب_أفريقي جنوب_إفريقي",
    "SS": "جنوب_سوداني",
}
# Forms that are not regular inflections (broken plurals, set phrases).
_EXTRA: dict[str, str] = {
    "الروس": "RU", "الأتراك": "TR", "الأفغان": "AF", "الألمان": "DE", "الإنجليز": "GB",
    "الأمريكان": "US", "الأميركان": "US", "الأمريكيتين": "",
}
_SUFFIXES = ("", "ه", "ون", "ين", "ان", "تان", "تين")


def _forms(stem: str) -> list[str]:
    words = fold(stem).split("_")
    out = []
    for suf in _SUFFIXES:
        # only the last word inflects: "كوري جنوبي" -> "الكوريه الجنوبيه"
        if len(words) == 1:
            w = words[0] + suf
            out += [w, "ال" + w]
        else:
            head = [x + suf for x in words]
            out.append(" ".join(head))
            out.append(" ".join("ال" + x for x in head))
    return out


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for cc, stems in _STEMS.items():
        for stem in stems.split():
            for f in _forms(stem):
                table.setdefault(f, cc)
    for form, cc in _EXTRA.items():
        if cc:
            table[fold(form)] = cc
        else:
            table.pop(fold(form), None)
    return table


NISBA: dict[str, str] = _build()
NISBA_FIRST: dict[str, int] = {}
for _k in NISBA:
    _w = _k.split(" ")
    NISBA_FIRST[_w[0]] = max(NISBA_FIRST.get(_w[0], 0), len(_w))


def nisba_country(word: str) -> str | None:
    """The alpha-2 country a folded nisba form names (``الروسيه`` -> ``RU``), else None."""
    return NISBA.get(word)
