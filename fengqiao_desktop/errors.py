"""Known, user-facing errors versus bugs.

A ``KnownError`` is something the user can act on: a bad file, a wrong
passphrase, a full disk. Its message is written for the user (Chinese by
default, English via ``message_en``) and names the problem and what to do.
Anything else that escapes is a bug and is shown with a crash dialog / log path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fengqiao_desktop.roster.model import RowIssue


class KnownError(Exception):
    """An error whose message is fit to show to the user as is."""

    def __init__(
        self,
        message: str,
        *,
        message_en: str | None = None,
        hint: str | None = None,
        hint_en: str | None = None,
        kind: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        self.hint = hint
        self.hint_en = hint_en
        self.kind = kind  # what went wrong, for a plain explanation (e.g. merge/refusals.py)

    def user_message(self, lang: str = "zh") -> str:
        text = self.message_en if lang == "en" else self.message
        # one language on a screen: an English message gets only an English hint
        hint = self.hint_en if lang == "en" and self.message_en != self.message else self.hint
        if hint:
            text = f"{text}\n{hint}"
        return text

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class FormError(KnownError):
    """A form definition file is invalid or unknown."""


class RosterError(KnownError):
    """A station roster file cannot be imported.

    ``rows`` holds per-row problems as ``(row_number, column, reason)``.
    """

    def __init__(self, message: str, *, rows: list[RowIssue] | None = None, **kw):
        super().__init__(message, **kw)
        self.rows = rows or []


class StorageError(KnownError):
    """The local or central database cannot be used (locked, corrupt, disk full)."""


class InspectionError(KnownError):
    """An inspection operation is not allowed (locked, missing answers, ...)."""


class PhotoError(KnownError):
    """A file offered as a photo is not a usable image."""


class KeyError_(KnownError):
    """A signing key problem: wrong passphrase, missing key, bad key file."""


class BundleError(KnownError):
    """A bundle cannot be written, or was refused on verification.

    ``member`` names the zip member or manifest field at fault, when there is one.
    """

    def __init__(self, message: str, *, member: str | None = None, **kw):
        super().__init__(message, **kw)
        self.member = member


class MergeError(KnownError):
    """A bundle was refused by the merge module."""


class ReportError(KnownError):
    """A report (score sheet, coverage) could not be produced."""


class PackError(KnownError):
    """A task pack cannot be built, or was refused by the laptop; nothing was changed.

    ``kind`` says which refusal it is (``damaged``, ``signer``, ``inspector``,
    ``rollback``, ``form_missing``, ...); ``detail`` names the member or field
    at fault, for the details pane and the log, never as the message itself.
    """

    def __init__(self, message: str, *, kind: str = "invalid", detail: str = "", **kw):
        super().__init__(message, **kw)
        self.kind = kind
        self.detail = detail
