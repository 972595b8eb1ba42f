"""The proof a printed sheet carries: ``FQS1:<inspection id>:<revision>:<content hash prefix>``.

A clerk scans the QR code on page 1 (or types the line printed in the footer) and
``fengqiao sheet check TEXT`` says whether the paper shows the inspection as it
stands in the database, an older revision of it, or nothing the database knows.
20 hex digits (80 bits) of the content hash keep the code small enough to scan
from a photocopy while making a forged match impractical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import segno
from reportlab.platypus import Flowable

from fengqiao_desktop.errors import ReportError

PREFIX = "FQS1"
HASH_DIGITS = 20
_UUIDISH = r"[0-9A-Za-z][0-9A-Za-z_-]{0,63}"
_PROOF = re.compile(rf"^{PREFIX}:({_UUIDISH}):(\d{{1,9}}):([0-9a-fA-F]{{16,64}})$")


@dataclass(frozen=True)
class Proof:
    inspection_id: str
    revision: int
    hash_prefix: str  # lower-case hex, 16..64 digits

    def matches(self, content_hash: str) -> bool:
        return content_hash.lower().startswith(self.hash_prefix)

    def text(self) -> str:
        return f"{PREFIX}:{self.inspection_id}:{self.revision}:{self.hash_prefix}"


def format_proof(inspection_id: str, revision: int, content_hash: str) -> str:
    """The proof text for one revision of an inspection."""
    if not re.fullmatch(r"[0-9a-fA-F]{64}", content_hash or ""):
        raise ValueError("content_hash must be 64 hex digits (sha256)")
    return Proof(inspection_id, int(revision), content_hash[:HASH_DIGITS].lower()).text()


def parse_proof(text: str) -> Proof:
    """Parse a scanned or typed proof; a ``ReportError`` says what is wrong with it."""
    t = (text or "").strip()
    m = _PROOF.match(t)
    if not m:
        raise ReportError(
            f"无法识别的核验码：{t[:80]!r}。核验码形如 {PREFIX}:<检查编号>:<修订号>:<校验值>，"
            "印在评分表第1页的二维码中和每页页脚。",
            message_en=f"Not a score sheet proof: {t[:80]!r}. A proof looks like "
            f"{PREFIX}:<inspection id>:<revision>:<hash>; it is in the QR code on page 1 "
            "and in every page's footer.",
        )
    return Proof(m.group(1), int(m.group(2)), m.group(3).lower())


class QrFlowable(Flowable):
    """A vector QR code of ``text``, ``size`` points square including the quiet zone.

    Drawn as filled squares straight on the canvas: no graphics renderer, so no
    default font creeps into the page resources.
    """

    def __init__(self, text: str, size: float):
        super().__init__()
        self.matrix = segno.make(text, error="m", micro=False).matrix
        self.width = self.height = size

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self) -> None:
        quiet = 4
        n = len(self.matrix) + 2 * quiet
        cell = self.width / n
        c = self.canv
        c.saveState()
        c.setFillColorRGB(0, 0, 0)
        path = c.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.height - (r + quiet + 1) * cell
            col = 0
            while col < len(row):
                if row[col]:
                    start = col
                    while col < len(row) and row[col]:
                        col += 1
                    # one rectangle per run of dark modules keeps the PDF small
                    path.rect((start + quiet) * cell, y, (col - start) * cell, cell)
                else:
                    col += 1
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


def qr_flowable(text: str, size: float) -> QrFlowable:
    return QrFlowable(text, size)
