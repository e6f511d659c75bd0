"""The staff report in a real headless browser: it shows the list, a timeline, Japanese text.

Uses the distribution's Chromium at /usr/bin/chromium (``make chromium`` installs it with
fonts-noto-cjk where apt-get can be used as root); the test is skipped, with the reason,
where it is missing. Nothing is installed here.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from sign_detect import build_report

CHROMIUM = Path("/usr/bin/chromium")
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
WINDOW = (1280, 2400)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing: run `make chromium` (apt-get install chromium "
    "fonts-noto-cjk, as root) to run the browser test",
)

#: Appended to a copy of the page: draws glyphs in the page's font on a canvas and
#: reports whether they differ from a missing-glyph box, and where the list and the
#: first timeline are.
GLYPH_CHECK = """
<script>
(function () {
  const family = getComputedStyle(document.body).fontFamily;
  function draw(ch) {
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 64;
    const ctx = canvas.getContext("2d");
    ctx.font = "48px " + family;
    ctx.fillText(ch, 4, 52);
    return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(",");
  }
  const missing = draw("\\uE0FF");
  const words = ["高", "中", "低", "順", "位", "睡", "眠"];
  const shapes = words.map(draw);
  const img = document.querySelector("#people img");
  const table = document.querySelector("table.ranking");
  const out = {
    drawn: shapes.map((s) => s !== missing && /[1-9]/.test(s)),
    distinct: new Set(shapes).size,
    words: words.length,
    tableTop: table ? table.getBoundingClientRect().top : null,
    imgTop: img ? img.getBoundingClientRect().top : null,
    imgWidth: img ? img.naturalWidth : 0,
  };
  const pre = document.createElement("pre");
  pre.id = "glyph-check";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = build_report(
        SAMPLES / "checkins.csv",
        SAMPLES / "attendance.csv",
        graduates=SAMPLES / "graduates.csv",
        outcomes=SAMPLES / "outcomes.csv",
        top=6,
    )
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_the_dom_has_the_list_a_timeline_and_japanese_headings(
    page_path: Path, tmp_path: Path
) -> None:
    done = _chromium(tmp_path, "--dump-dom", page_path.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "<h1>小さなサイン レポート</h1>" in dom
    assert "<h2>順位一覧</h2>" in dom and "<h2>注意が必要な人: 経過と早めの対応</h2>" in dom
    assert len(re.findall(r'<tr class="level-(high|medium|low)">', dom)) == 6
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}"', dom)


def test_japanese_glyphs_render_in_the_page_font(page_path: Path, tmp_path: Path) -> None:
    checked = tmp_path / "checked.html"
    html = page_path.read_text(encoding="utf-8")
    checked.write_text(html.replace("</body>", GLYPH_CHECK + "</body>"), encoding="utf-8")
    done = _chromium(tmp_path, "--dump-dom", checked.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="glyph-check">(.*?)</pre>', done.stdout)
    assert found, "the check script did not run"
    result = json.loads(found.group(1).replace("&quot;", '"'))
    assert all(result["drawn"]), f"missing glyphs (tofu): {result}"
    assert result["distinct"] == result["words"], f"glyphs drawn as identical boxes: {result}"
    # The screenshot (same window) shows the ranked list and the first timeline.
    assert result["tableTop"] is not None and result["tableTop"] < WINDOW[1]
    assert result["imgTop"] is not None and result["imgTop"] < WINDOW[1]
    assert result["imgWidth"] > 400


def test_the_screenshot_exists_and_is_not_blank(page_path: Path, tmp_path: Path) -> None:
    from matplotlib.image import imread

    shot = tmp_path / "shot.png"
    done = _chromium(tmp_path, f"--screenshot={shot}", page_path.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    pixels = imread(shot)
    assert pixels.shape[:2] == (WINDOW[1], WINDOW[0])
    assert pixels[..., :3].std() > 0.05
    red = (pixels[..., 0] > 0.75) & (pixels[..., 1] < 0.3) & (pixels[..., 2] < 0.3)
    assert red.any(), "no red level badge (高) or crisis line in the screenshot"
