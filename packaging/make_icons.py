"""Draw the app icon once at high resolution and write every size the platforms want.

Writes ``resources/icons/fengqiao-<n>.png`` for n in 16…512 (Linux hicolor theme,
the Qt window icon), ``fengqiao.ico`` (Windows: 16–256 in one file) and
``fengqiao.icns`` is left to a macOS build. The motif: a red rounded square, a
white arch bridge (枫桥, "maple bridge") and a gold star. Run:
``python packaging/make_icons.py``.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
S = 2048  # drawn large, then reduced with a good filter: clean edges at every size
RED, WHITE, GOLD = (183, 28, 28, 255), (255, 255, 255, 255), (255, 205, 40, 255)


def star(cx: float, cy: float, r_out: float, r_in: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def draw() -> Image.Image:
    img = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    m = S * 0.04
    d.rounded_rectangle((m, m, S - m, S - m), radius=S * 0.2, fill=RED)
    # The arch: a thick half ring over the deck.
    cx, deck = S / 2, S * 0.74
    r_out, r_in = S * 0.36, S * 0.29
    d.pieslice((cx - r_out, deck - r_out, cx + r_out, deck + r_out), 180, 360, fill=WHITE)
    d.pieslice((cx - r_in, deck - r_in, cx + r_in, deck + r_in), 180, 360, fill=RED)
    # Hangers from the arch down to the deck.
    w = S * 0.022
    for x in (-0.6, -0.3, 0.0, 0.3, 0.6):
        px = cx + x * r_in
        top = deck - math.sqrt(max(r_in**2 - (x * r_in) ** 2, 0))
        d.rectangle((px - w / 2, top, px + w / 2, deck), fill=WHITE)
    # The deck, wider than the arch.
    d.rectangle((S * 0.12, deck, S * 0.88, deck + S * 0.06), fill=WHITE)
    d.polygon(star(cx, S * 0.27, S * 0.15, S * 0.06), fill=GOLD)
    return img


def main() -> None:
    big = draw()
    ICONS.mkdir(parents=True, exist_ok=True)
    for n in PNG_SIZES:
        big.resize((n, n), Image.LANCZOS).save(ICONS / f"fengqiao-{n}.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "fengqiao.ico", sizes=[(n, n) for n in ICO_SIZES])
    print(f"wrote {len(PNG_SIZES)} PNGs and fengqiao.ico to {ICONS}")


if __name__ == "__main__":
    main()
