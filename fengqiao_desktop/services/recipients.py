"""Whom this laptop encrypts its bundles to: the bureau's age recipients.

They arrive with every task pack (``bureau.age_recipients`` in its manifest,
stored by ``services.packs`` as the ``meta`` row ``BUREAU_RECIPIENTS``), or are
added by hand after the inspector compared the fingerprint with the bureau
(``fengqiao bureau-recipient add age1…``). Without one, export writes a
plaintext (v1) bundle and says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fengqiao_desktop.bundle.agecrypt import MAX_RECIPIENTS, parse_recipient, recipient_fingerprint
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.storage import meta

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

BUREAU_RECIPIENTS = "bureau_age_recipients"  # the meta row: a JSON list of age1… recipients


@dataclass(frozen=True)
class RecipientView:
    recipient: str  # age1…
    fingerprint: str


def _read(s) -> list[str]:
    raw = meta.get_meta(s, BUREAU_RECIPIENTS)
    try:
        values = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [v for v in values if isinstance(v, str)]


def bureau_recipients(store: LocalStore) -> list[str]:
    with store.session() as s:
        return _read(s)


def recipient_views(store: LocalStore) -> list[RecipientView]:
    return [RecipientView(r, recipient_fingerprint(r)) for r in bureau_recipients(store)]


def check_recipient(text: str) -> RecipientView:
    """Parse what the inspector typed or scanned, to show its fingerprint before it is added."""
    r = parse_recipient(text)
    return RecipientView(r, recipient_fingerprint(r))


def add_bureau_recipient(store: LocalStore, text: str, *, confirmed_fingerprint: str) -> RecipientView:
    """Add a recipient by hand; the fingerprint the inspector compared with the bureau must match."""
    view = check_recipient(text)
    if confirmed_fingerprint.replace(" ", "").upper() != view.fingerprint.replace(" ", ""):
        raise KeyError_(
            "指纹未经确认，未添加。请与县局核对指纹后再添加。",
            message_en="The fingerprint was not confirmed; nothing was added. Compare it with "
            "the bureau and add it again.",
        )
    with store.session(write=True) as s:
        values = _read(s)
        if view.recipient not in values:
            if len(values) >= MAX_RECIPIENTS - 1:  # the inspector's own recipient comes on top
                raise KeyError_(
                    f"接收方已达上限（{MAX_RECIPIENTS - 1} 个）",
                    message_en=f"there are already {MAX_RECIPIENTS - 1} recipients (the limit)",
                )
            values.append(view.recipient)
            meta.set_meta(s, BUREAU_RECIPIENTS, json.dumps(values))
    return view


def remove_bureau_recipient(store: LocalStore, recipient: str) -> bool:
    r = "".join(recipient.split()).lower()
    with store.session(write=True) as s:
        values = _read(s)
        if r not in values:
            return False
        values.remove(r)
        meta.set_meta(s, BUREAU_RECIPIENTS, json.dumps(values) if values else None)
    return True
