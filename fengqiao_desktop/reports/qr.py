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

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

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


def qr_drawing(text: str, size: float) -> Drawing:
    """A vector QR code of ``text``, ``size`` points square (quiet zone included)."""
    widget = QrCodeWidget(text, barLevel="M", barBorder=4)
    x0, y0, x1, y1 = widget.getBounds()
    w, h = x1 - x0, y1 - y0
    d = Drawing(size, size, transform=[size / w, 0, 0, size / h, -x0 * size / w, -y0 * size / h])
    d.add(widget)
    return d
