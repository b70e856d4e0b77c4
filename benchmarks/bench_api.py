"""Response time of the HTTP API on a store: events queries and the page's aggregates.

    marsad ingest ../shared/data/corpus/ant-multisource.jsonl.gz --db corpus.sqlite
    python benchmarks/bench_api.py --db corpus.sqlite [--rounds 20]

Requests go through the whole ASGI app (routing, validation, SQL, JSON) in-process with
httpx, without a network hop. The first request (which builds the server's event index)
is timed apart. Prints the median and 95th percentile per group and each query's best time.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import httpx

from marsad.api import create_app

EVENTS = [
    "/api/events", "/api/events?page=3", "/api/events?type=ASSAULT",
    "/api/events?type=PROTEST,COERCE&sort=-fatalities", "/api/events?country=SY",
    "/api/events?country=EG&type=ASSAULT", "/api/events?date_from=2018-01-01&date_to=2018-06-30",
    "/api/events?negated=true", "/api/events?hypothetical=false&type=THREATEN",
    "/api/events?actor=الجيش", "/api/events?place=دمشق", "/api/events?source=وكالة",
    "/api/events?q=قتل",
]
STATS = [
    "/api/stats?by=day_type,place,country",
    "/api/stats?by=type,mode,country",
    "/api/stats?by=day_type,place,country&type=ASSAULT",
]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


async def run(db: str, rounds: int) -> None:
    t0 = time.perf_counter()
    app = create_app(db)
    print(f"start-up (open + index): {(time.perf_counter() - t0) * 1000:.0f} ms")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as c:
        info = (await c.get("/api/info")).json()["store"]
        print(f"store: {info['documents']} documents, {info['events']} events")
        for name, paths in (("events", EVENTS), ("stats", STATS)):
            times: list[float] = []
            best: dict[str, float] = {}
            for _ in range(rounds):
                for p in paths:
                    t = time.perf_counter()
                    r = await c.get(p)
                    ms = (time.perf_counter() - t) * 1000
                    if r.status_code != 200:
                        raise SystemExit(f"{p}: {r.status_code} {r.text[:200]}")
                    times.append(ms)
                    best[p] = min(best.get(p, ms), ms)
            print(f"{name}: {len(times)} requests, median {statistics.median(times):.1f} ms, "
                  f"p95 {pct(times, 0.95):.1f} ms, max {max(times):.1f} ms")
            for p, ms in best.items():
                print(f"  {ms:8.1f} ms  {p}")
    app.state.store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="a store written by `marsad ingest`")
    ap.add_argument("--rounds", type=int, default=20, help="times each query is asked")
    args = ap.parse_args()
    asyncio.run(run(args.db, args.rounds))


if __name__ == "__main__":
    main()
