"""The web page in a real headless browser (Debian's chromium + chromedriver, via selenium).

The server runs in a thread of the test process on a free port. Skipped cleanly when
chromium, chromedriver or selenium is absent.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    pytest.skip("chromium and chromedriver are not installed "
                "(apt-get install -y chromium chromium-driver)", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
uvicorn = pytest.importorskip("uvicorn")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from webstore import PAYLOAD_TEXT, curated_store, example_store  # noqa: E402

from marsad.api import create_app  # noqa: E402

WAIT = 20


class LiveServer:
    """uvicorn in a thread, on a socket bound to a free port of 127.0.0.1."""

    def __init__(self, db: Path) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        app = create_app(db)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="error", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + WAIT
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()

    def api(self, path: str) -> Any:
        r = httpx.get(self.url + path, timeout=10)
        r.raise_for_status()
        return r.json()


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                 "--window-size=1400,1000", "--lang=ar"):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(executable_path=DRIVER), options=opts)
    drv.set_page_load_timeout(WAIT)
    try:
        yield drv
    finally:
        drv.quit()


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = curated_store(tmp_path_factory.mktemp("web") / "curated.sqlite")
    with LiveServer(db) as srv:
        yield srv


def loaded(drv: Any, url: str) -> None:
    """Open ``url`` and wait until the page has drawn the answers to its requests."""
    before = drv.execute_script("return document.body && document.body.dataset.loaded || ''")
    drv.get(url)
    wait_loaded(drv, before)


def wait_loaded(drv: Any, before: str = "") -> None:
    WebDriverWait(drv, WAIT).until(lambda d: d.execute_script(
        "return !!document.body && !!document.body.dataset.loaded"
        " && document.body.dataset.loaded !== arguments[0]"
        " && !document.body.classList.contains('busy')", before))


def no_alert(drv: Any) -> bool:
    try:
        _ = drv.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def mark_text(drv: Any, kind: str, start: int, end: int) -> tuple[str, list[str]]:
    """The words the page highlights for one span, and the classes of their segments."""
    return tuple(drv.execute_script("""
        const [kind, start, end] = arguments;
        const m = window.marsadArticle.marks.find(
            (x) => x.kind === kind && x.start === start && x.end === end);
        if (!m) return ["", []];
        const segs = [...document.querySelectorAll('#article-text span.hl')]
            .filter((s) => s.dataset.marks.split(' ').includes(m.id));
        return [segs.map((s) => s.textContent).join(''), segs.map((s) => s.className)];
    """, kind, start, end))


def rows(drv: Any) -> list[Any]:
    return drv.find_elements(By.CSS_SELECTOR, "#events-body tr.event-row")


def open_event_checks(drv: Any, srv: LiveServer, uid: str, shot: Path) -> dict[str, Any]:
    """Click the event's row; check its trigger and figures are highlighted in place."""
    ev = srv.api(f"/api/events/{uid}")["event"]
    before = drv.execute_script("return document.body.dataset.loaded")
    drv.find_element(By.CSS_SELECTOR, f'#events-body tr[data-uid="{uid}"] td.date').click()
    wait_loaded(drv, before)
    WebDriverWait(drv, WAIT).until(
        lambda d: d.execute_script("return window.marsadArticle.current") == uid)
    assert drv.find_element(By.ID, "article-view").is_displayed()
    text_el = drv.find_element(By.ID, "article-text")
    assert text_el.get_attribute("dir") == "rtl"
    trig = ev["trigger"]
    words, classes = mark_text(drv, "trigger", trig["start"], trig["end"])
    assert words == trig["text"]
    assert all("k-trigger" in c and "cur-trigger" in c for c in classes)
    shown = "".join(e.text for e in drv.find_elements(By.CSS_SELECTOR, ".hl.cur-trigger"))
    assert shown == trig["text"]
    for f in ev["figures"]:
        words, classes = mark_text(drv, "figure", f["start"], f["end"])
        assert words == f["text"], f
        assert classes and all("k-figure" in c and "cur" in c.split() for c in classes)
    drv.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    return ev


def test_filter_open_event_and_highlights(driver: Any, curated: LiveServer,
                                          tmp_path: Path) -> None:
    loaded(driver, curated.url + "/")
    total = curated.api("/api/events")["total"]
    assert len(rows(driver)) == total > 0
    assert no_alert(driver)
    # the map shows one point per located place, the timeline one bar group per day
    places = curated.api("/api/stats?by=place,day")["counts"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map circle.point")) == len(places["place"])
    assert len(driver.find_elements(By.CSS_SELECTOR, "#timeline g.day")) == len(places["day"])
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map path.country")) > 150

    # filter by type: the table, the map and the timeline follow
    before = driver.execute_script("return document.body.dataset.loaded")
    driver.find_element(By.CSS_SELECTOR, '#type-facets button[data-type="ASSAULT"]').click()
    wait_loaded(driver, before)
    assert "type=ASSAULT" in driver.current_url
    want = curated.api("/api/events?type=ASSAULT")
    got = rows(driver)
    assert len(got) == want["total"] >= 1
    assert {r.get_attribute("data-type") for r in got} == {"ASSAULT"}
    day_bars = driver.find_elements(By.CSS_SELECTOR, "#timeline g.day rect")
    assert {b.get_attribute("data-type") for b in day_bars} == {"ASSAULT"}
    pts = curated.api("/api/stats?by=place&type=ASSAULT")["counts"]["place"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map circle.point")) == len(pts)

    uid = want["events"][0]["uid"]
    ev = open_event_checks(driver, curated, uid, tmp_path / "article.png")
    assert len(ev["figures"]) == 2  # 13 killed, more than 300 injured

    # clicking a highlighted figure shows the record it belongs to
    fig = ev["figures"][1]
    driver.execute_script("""
        const m = window.marsadArticle.marks.find((x) => x.kind === 'figure' && x.start === arguments[0]);
        document.querySelector('#article-text span.hl[data-marks~="' + m.id + '"]').click();
    """, fig["start"])
    record = driver.find_element(By.ID, "record").text
    assert fig["text"] in record and "injured" in record

    # the events list of the article jumps to another event's words
    other = driver.find_element(By.CSS_SELECTOR, '#doc-events button[data-idx="2"]')
    other.click()
    doc = curated.api(f"/api/documents/{ev['document']['id']}")["document"]
    assert driver.execute_script("return window.marsadArticle.current") == doc["events"][2]["uid"]
    shown = "".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".hl.cur-trigger"))
    assert shown == doc["events"][2]["trigger"]["text"]

    # every legend kind the issue lists is present
    kinds = {e.get_attribute("data-kind") for e in driver.find_elements(By.CSS_SELECTOR, "#legend .legend-item")}
    assert {"trigger", "actor", "recipient", "place", "date", "figure", "speaker", "cue",
            "content", "source"} <= kinds


def test_untrusted_text_is_shown_as_text(driver: Any, curated: LiveServer,
                                         tmp_path: Path) -> None:
    doc = curated.api("/api/events?q=" + "تظاهر")["events"][0]["document"]
    loaded(driver, f"{curated.url}/#/doc/{doc['id']}")
    assert no_alert(driver)
    text = driver.find_element(By.ID, "article-text")
    assert driver.execute_script("return arguments[0].textContent", text) == PAYLOAD_TEXT
    assert "<script>alert('x')</script>" in text.text
    assert "onerror=alert(1)" in text.text
    assert text.find_elements(By.CSS_SELECTOR, "script, img, b") == []
    title = driver.find_element(By.ID, "article-title")
    assert title.text == "مظاهرة <b>طلاب</b> <img src=x onerror=alert(2)>"
    assert title.find_elements(By.CSS_SELECTOR, "*") == []
    assert driver.find_elements(By.CSS_SELECTOR, "body img") == []
    # and in the table
    loaded(driver, f"{curated.url}/#/?q=" + "تظاهر")
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "#events-body td.doc")]
    assert any("onerror=alert(2)" in c for c in cells)
    assert driver.find_elements(By.CSS_SELECTOR, "#events-body img, #events-body b") == []
    assert no_alert(driver)
    driver.save_screenshot(str(tmp_path / "payload.png"))


def click_and_wait(drv: Any, element: Any) -> None:
    before = drv.execute_script("return document.body.dataset.loaded")
    element.click()
    wait_loaded(drv, before)


def click_js(drv: Any, css: str) -> None:
    """Click an SVG element (a country, a bar) whatever lies on top of it."""
    before = drv.execute_script("return document.body.dataset.loaded")
    drv.execute_script("document.querySelector(arguments[0]).dispatchEvent("
                       "new MouseEvent('click', {bubbles: true}))", css)
    wait_loaded(drv, before)


def test_map_and_timeline_filter_every_view(driver: Any, curated: LiveServer) -> None:
    loaded(driver, curated.url + "/")
    # a click on Egypt filters by country: table, map points and timeline all follow
    click_js(driver, '#map path.country[data-iso2="EG"]')
    assert "country=EG" in driver.current_url
    want = curated.api("/api/events?country=EG")
    assert {r.get_attribute("data-uid") for r in rows(driver)} == {
        e["uid"] for e in want["events"]}
    assert driver.find_element(By.ID, "f-country").get_attribute("value") == "EG"
    assert "active" in driver.find_element(
        By.CSS_SELECTOR, '#map path.country[data-iso2="EG"]').get_attribute("class")
    assert [c.get_attribute("data-place") for c in driver.find_elements(
        By.CSS_SELECTOR, "#map circle.point")] == ["Cairo"]
    assert [g.get_attribute("data-day") for g in driver.find_elements(
        By.CSS_SELECTOR, "#timeline g.day")] == ["2022-02-13"]
    # a click on a day of the timeline narrows to that day
    click_and_wait(driver, driver.find_element(By.ID, "reset"))
    assert len(rows(driver)) == 7
    click_js(driver, '#timeline g.day[data-day="2022-01-06"]')
    assert "date_from=2022-01-06" in driver.current_url
    days = {r.find_element(By.CSS_SELECTOR, "td.date").text for r in rows(driver)}
    assert len(rows(driver)) == curated.api(
        "/api/events?date_from=2022-01-06&date_to=2022-01-06")["total"] == 3
    assert len(days) == 1
    # a text filter typed in the form (ta marbuta typed as ha) adds to the day filter
    box = driver.find_element(By.ID, "f-actor")
    box.clear()
    box.send_keys("روسيا")
    click_and_wait(driver, driver.find_element(By.ID, "apply"))
    assert [r.get_attribute("data-type") for r in rows(driver)] == ["CONSULT"]
    click_and_wait(driver, driver.find_element(By.ID, "reset"))
    box = driver.find_element(By.ID, "f-actor")
    box.send_keys("الشرطه")
    click_and_wait(driver, driver.find_element(By.ID, "apply"))
    assert [r.get_attribute("data-type") for r in rows(driver)] == ["COERCE"]
    assert "actor=" in driver.current_url


def test_language_switch(driver: Any, curated: LiveServer) -> None:
    loaded(driver, curated.url + "/")
    assert driver.execute_script("return document.documentElement.dir") == "rtl"
    assert driver.find_element(By.ID, "filters-title").text == "التصفية"
    before = driver.execute_script("return document.body.dataset.loaded")
    driver.find_element(By.ID, "lang-toggle").click()
    wait_loaded(driver, before)
    assert driver.execute_script("return document.documentElement.dir") == "ltr"
    assert driver.find_element(By.ID, "filters-title").text == "Filters"
    assert "Assault" in driver.find_element(By.ID, "type-facets").text
    driver.find_element(By.ID, "lang-toggle").click()  # back to Arabic for the other tests


def test_pipeline_example_in_browser(driver: Any, tmp_path: Path) -> None:
    """The bundled example through the real pipeline: its event with the most figures
    opens with its trigger and figures highlighted, and so is every figure of the text."""
    db = example_store(tmp_path / "example.sqlite")
    with LiveServer(db) as srv:
        loaded(driver, srv.url + "/")
        doc = srv.api("/api/documents/1")["document"]
        assert doc["events"], "the pipeline found no event in the example"
        assert doc["figures"], "the pipeline found no figure in the example"
        ev = max(doc["events"], key=lambda e: len(e["figures"]))
        before = driver.execute_script("return document.body.dataset.loaded")
        driver.find_element(By.CSS_SELECTOR,
                            f'#type-facets button[data-type="{ev["type"]}"]').click()
        wait_loaded(driver, before)
        assert {r.get_attribute("data-type") for r in rows(driver)} == {ev["type"]}
        open_event_checks(driver, srv, ev["uid"], tmp_path / "example.png")
        for f in doc["figures"]:
            words, classes = mark_text(driver, "figure", f["start"], f["end"])
            assert words == f["text"] and all("k-figure" in c for c in classes)


def test_offsets_are_code_points_and_overlaps_split(driver: Any, curated: LiveServer) -> None:
    """Python offsets count code points; an emoji (two UTF-16 units) before a span must not
    shift the highlight, and nested spans cut the text into non-overlapping segments."""
    loaded(driver, curated.url + "/")
    text = "😀 «قتل 13 شخصاً» قال المصدر"
    trig, fig = text.index("قتل"), text.index("13")
    content = (text.index("«") + 1, text.index("»"))
    marks = [{"id": "m0", "kind": "trigger", "start": trig, "end": trig + 3},
             {"id": "m1", "kind": "figure", "start": fig, "end": fig + 2},
             {"id": "m2", "kind": "content", "start": content[0], "end": content[1]}]
    segs = driver.execute_script(
        "return MarsadArticle.segments(Array.from(arguments[0]), arguments[1])"
        ".map((s) => [s.text, s.cover.map((m) => m.id)]);", text, marks)
    assert "".join(s for s, _ in segs) == text
    covered = {s: ids for s, ids in segs if ids}
    assert covered["قتل"] == ["m0", "m2"]  # the innermost span first
    assert covered["13"] == ["m1", "m2"]
    assert covered[" شخصاً"] == ["m2"]
