"""The fonts every report uses, registered once with reportlab, and mixing them per character.

Chinese text uses Droid Sans Fallback, shipped in ``resources/fonts`` (Apache-2.0).
That font is a fallback font: it has no Latin letters, digits or ASCII
punctuation at all. Those characters use Bitstream Vera, which ships inside
reportlab itself (``reportlab/fonts``, Bitstream Vera licence), so nothing more is
added to the application. reportlab has no font fallback, so ``mix_markup`` wraps
every run of characters the CJK font lacks in a ``<font>`` tag, and ``draw_mixed``
does the same for text drawn straight on a canvas.

reportlab embeds TrueType fonts as a subset of the glyphs a document uses, so a
sheet prints the same on a PC without any Chinese font installed. The CJK font has
no bold face: headings use size, and its bold name maps to the same face.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from fengqiao_desktop import paths
from fengqiao_desktop.errors import ReportError

FONT = "FengqiaoCJK"
FONT_BOLD = "FengqiaoCJK-Bold"
LATIN = "FengqiaoLatin"
LATIN_BOLD = "FengqiaoLatin-Bold"

_lock = threading.Lock()
_registered = False


def latin_font_path(bold: bool = False) -> Path:
    return Path(reportlab.__file__).resolve().parent / "fonts" / ("VeraBd.ttf" if bold else "Vera.ttf")


def _load(name: str, path: Path) -> TTFont:
    try:
        return TTFont(name, str(path))
    except (OSError, TTFError) as exc:
        raise ReportError(
            f"无法载入报表字体 {path}：{exc}。请重新安装本软件。",
            message_en=f"Cannot load the report font {path}: {exc}. Please reinstall the application.",
        ) from exc


def register_fonts() -> str:
    """Register the report fonts (idempotent, thread-safe); return the CJK font's name."""
    global _registered
    if _registered:
        return FONT
    with _lock:
        if _registered:
            return FONT
        cjk = paths.font_path()
        for name, path in (
            (FONT, cjk),
            (FONT_BOLD, cjk),
            (LATIN, latin_font_path()),
            (LATIN_BOLD, latin_font_path(bold=True)),
        ):
            pdfmetrics.registerFont(_load(name, path))
        # italics map to the upright faces: neither font family ships an italic we embed
        for family, regular, bold in ((FONT, FONT, FONT_BOLD), (LATIN, LATIN, LATIN_BOLD)):
            addMapping(family, 0, 0, regular)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, regular)
            addMapping(family, 1, 1, bold)
        _registered = True
    return FONT


@cache
def _cjk_chars() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def runs(text: str) -> list[tuple[str, str]]:
    """Split plain text into (font name, text) runs: CJK where the CJK font has the glyph."""
    have = _cjk_chars()
    out: list[tuple[str, str]] = []
    for ch in text:
        font = FONT if ord(ch) in have else LATIN
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


_TOKENS = re.compile(r"(<[^>]*>|&#?[A-Za-z0-9]+;)")


def mix_markup(markup: str) -> str:
    """Paragraph markup with every run the CJK font lacks set in the Latin font."""
    parts: list[str] = []
    for token in _TOKENS.split(markup):
        if not token:
            continue
        if token.startswith("<"):
            parts.append(token)
        elif token.startswith("&"):
            parts.append(f'<font name="{LATIN}">{token}</font>')
        else:
            for font, text in runs(token):
                parts.append(text if font == FONT else f'<font name="{LATIN}">{text}</font>')
    return "".join(parts)


def mixed_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs(text))


def draw_mixed(canvas, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """Draw one line of mixed Chinese/Latin text on a reportlab canvas."""
    width = mixed_width(text, size)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    for font, part in runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, font, size)
