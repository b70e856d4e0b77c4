"""Build ``marsad/web/static/world.json``: a simplified world outline for the offline map.

The source is Natural Earth's 1:110m "admin 0 countries" layer (public domain), as the
``naturalearth_lowres`` shapefile that geopandas wheels up to 0.14 carry. No library reads
it: the shapefile (polygons) and its dBASE table (names, ISO codes) are parsed with
``struct``. Each country becomes one SVG path in an equirectangular frame (x = lon + 180,
y = 90 - lat, so the world is the 360 x 180 box the page's map draws in), with points
rounded to 0.1 degree and near-duplicates dropped.

    pip download --no-deps geopandas==0.14.4 -d /tmp/gpd
    python scripts/build_world_outline.py /tmp/gpd/geopandas-0.14.4-py3-none-any.whl
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[1] / "marsad" / "web" / "static" / "world.json"
STEP = 0.1  # degrees


def read_dbf(data: bytes) -> list[dict[str, str]]:
    """Rows of a dBASE III table, every value as stripped text."""
    nrec, hlen, rlen = struct.unpack("<xxxxIHH", data[:12])
    fields: list[tuple[str, int]] = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(nrec):
        rec = data[hlen + i * rlen : hlen + (i + 1) * rlen]
        off = 1  # deletion flag
        row = {}
        for name, size in fields:
            row[name] = rec[off : off + size].decode("utf-8", "replace").strip()
            off += size
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    """Rings (lists of lon/lat points) of each polygon record of a .shp file."""
    shapes = []
    pos = 100
    while pos < len(data):
        _, clen = struct.unpack(">ii", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + clen * 2]
        pos += 8 + clen * 2
        stype = struct.unpack("<i", content[:4])[0]
        if stype not in (5, 15, 25):
            shapes.append([])
            continue
        nparts, npoints = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{nparts}i", content[44 : 44 + 4 * nparts]))
        base = 44 + 4 * nparts
        pts = [struct.unpack("<dd", content[base + 16 * k : base + 16 * k + 16])
               for k in range(npoints)]
        bounds = parts + [npoints]
        shapes.append([pts[bounds[j] : bounds[j + 1]] for j in range(nparts)])
    return shapes


def ring_path(ring: list[tuple[float, float]]) -> str:
    """One closed SVG subpath, points snapped to the grid, repeats dropped."""
    out: list[tuple[int, int]] = []
    for lon, lat in ring:
        p = (round((lon + 180) / STEP), round((90 - lat) / STEP))
        if not out or p != out[-1]:
            out.append(p)
    if len(out) < 4:
        return ""

    def fmt(v: int) -> str:
        return f"{v * STEP:.1f}".rstrip("0").rstrip(".")

    return "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in out) + "Z"


def centroid(rings: list[list[tuple[float, float]]]) -> tuple[float, float]:
    """Area centroid (lon, lat) of the largest ring: where the map puts a country's label."""
    best, best_area = (0.0, 0.0), -1.0
    for ring in rings:
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
        if abs(a) > best_area and a:
            best_area, best = abs(a), (cx / (3 * a), cy / (3 * a))
    return round(best[0], 2), round(best[1], 2)


def names(iso3: str) -> tuple[str, str]:
    """The ISO alpha-2 code and the Arabic name (CLDR, via babel and pycountry)."""
    try:
        import pycountry
        from babel import Locale
    except ImportError:
        return "", ""
    c = pycountry.countries.get(alpha_3=iso3) if len(iso3) == 3 else None
    if c is None:
        return "", ""
    return c.alpha_2, Locale("ar").territories.get(c.alpha_2, "")


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        shp = zf.read(MEMBER + ".shp")
        dbf = zf.read(MEMBER + ".dbf")
    rows = read_dbf(dbf)
    shapes = read_shp(shp)
    countries = []
    for row, rings in zip(rows, shapes, strict=True):
        d = "".join(ring_path(r) for r in rings)
        if not d:
            continue
        iso3 = row.get("iso_a3", "")
        iso2, name_ar = names(iso3)
        lon, lat = centroid(rings)
        countries.append({"iso3": iso3, "iso2": iso2, "name": row.get("name", ""),
                          "name_ar": name_ar, "lon": lon, "lat": lat, "d": d})
    doc = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), simplified to 0.1 deg",
        "frame": "equirectangular: x = lon + 180, y = 90 - lat",
        "countries": countries,
    }
    buf = io.StringIO()
    json.dump(doc, buf, ensure_ascii=False, separators=(",", ":"))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{len(countries)} countries, {OUT.stat().st_size} bytes -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
