"""Line breaking for the printed sheet: Chinese rules (禁则) and whole Latin words.

reportlab's ``wordWrap="CJK"`` breaks between any two characters. Its list of
characters that may not start a line covers Japanese and a few ASCII marks but
misses most Chinese full-width punctuation (，；：！？”’》), it keeps at most one
such mark by letting it hang past the margin, it never checks what a line ends
with (an opening “（《 may end a line), and it cuts Latin words and numbers
(0.|5分). :class:`SheetParagraph` replaces only the choice of break points:

- no line starts with a closing mark (:data:`NO_LINE_START`): the character
  before it moves down with it;
- no line ends with an opening mark (:data:`NO_LINE_END`): it moves down to the
  text it opens;
- a run of Latin letters and digits (a word, ``0.5``, ``2026-06-30``) is broken
  only where it has a space or meets Chinese text, unless it is longer than a line;
- spaces at the start of a wrapped line are dropped.

The lines themselves are still built by reportlab (``cjkU`` and
``makeCJKParaLine``), so fonts, colours, alignment and ``<br/>`` behave as before.
Every style of the sheet uses this one paragraph class (``sheet_style.para``).
"""

from __future__ import annotations

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus.paragraph import Paragraph, ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

# closing marks: ，。、；：！？ ” ’ ） 》 】 」 』 〕 〉 … and their ASCII cousins
NO_LINE_START = frozenset("，。、；：！？”’）》】」』〕〉〗｝］．,.;:!?)]}%‰℃°" + ALL_CANNOT_START) - frozenset("\"'")
# opening marks: “ ‘ （ 《 【 「 『 〔 〈 and their ASCII cousins
NO_LINE_END = frozenset("“‘（《【「『〔〈〖｛［([{" + ALL_CANNOT_END) - frozenset("\"'")


def _latin(ch: str) -> bool:
    """A character of a Latin word or number, which is not broken inside."""
    return len(ch) == 1 and ch.isascii() and (ch.isalnum() or ch in "._-/:%+@#&'\"")


def _is_space(ch: str) -> bool:
    return ch.isspace() and ch != ""


def _adjust(units: list, start: int, end: int) -> int:
    """Move a break point ``end`` (the first unit of the next line) back to an allowed place.

    Returns ``end`` itself when no allowed place exists on the line: the line then
    breaks where it is full, so text never runs out of its cell.
    """
    i = end
    # inside a Latin word: back to its start (a space or a change of script)
    if _latin(units[i]) and _latin(units[i - 1]):
        j = i - 1
        while j > start and _latin(units[j - 1]):
            j -= 1
        if j > start:
            i = j
        else:
            return end  # a word longer than the line: it has to be cut
    # the next line may not start with a closing mark, this one may not end with an opening one
    while i > start + 1 and (
        units[i] in NO_LINE_START or units[i - 1] in NO_LINE_END or (_latin(units[i]) and _latin(units[i - 1]))
    ):
        i -= 1
    if units[i] in NO_LINE_START or units[i - 1] in NO_LINE_END:
        return end
    return i


def break_lines(frags, max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """The lines of a paragraph's fragments, broken by the rules of this module."""
    units: list = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if text:
            units.extend(cjkU(ch, f, "utf8") for ch in text)
        else:  # an image, a <br/> or an empty run: one unit of its own
            units.append(cjkU(text, f, "utf8"))
    lines: list = []
    n = len(units)
    start = 0
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        if lines:  # a wrapped line does not start with a space
            while start < n and _is_space(units[start]) and not hasattr(units[start].frag, "lineBreak"):
                start += 1
            if start >= n:
                break
        width = 0.0
        i = start
        end = n
        hard = False
        while i < n:
            u = units[i]
            w = u.width
            if hasattr(w, "normalizedValue"):
                w._normalizer = max_width
                w = w.normalizedValue(max_width)
            if hasattr(u.frag, "lineBreak"):
                end, hard = i + 1, True
                width += w
                break
            if width + w > max_width + _FUZZ and i > start:
                end = _adjust(units, start, i)
                break
            width += w
            i += 1
        line = units[start:end]
        while not hard and len(line) > 1 and _is_space(line[-1]):
            line = line[:-1]  # trailing spaces would push centred text off centre
        used = sum(_unit_width(u, max_width) for u in line)
        lines.append(makeCJKParaLine(line, max_width, used, max_width - used, hard, calc_bounds))
        start = end
    return ParaLines(kind=1, lines=lines)


def _unit_width(u, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


class SheetParagraph(Paragraph):
    """A reportlab paragraph (style with ``wordWrap="CJK"``) broken by :func:`break_lines`."""

    def breakLinesCJK(self, maxWidths):  # noqa: N802 - reportlab's name
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara  # the second half of a split paragraph keeps its lines
        style = self.style
        self.height = 0
        if not self.frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return break_lines(self.frags, list(maxWidths), auto_leading not in ("", "off"))
