"""Bureau use cases over the central database, as plain-data functions.

Every function takes ``url`` (a SQLAlchemy URL; ``None`` means ``--central`` /
``FENGQIAO_CENTRAL`` / the default SQLite file) or an already open ``Central``,
opens its own connections and returns plain dataclasses or dicts, so a Qt page
can call it from a worker thread and hand the result to the GUI thread.
Long work (``import_bundles``) takes ``progress(done, total, name)`` and
``cancelled()`` callables; a cancel stops between bundles (each bundle is
atomic), or while a bundle is being verified.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from fengqiao_desktop import config
from fengqiao_desktop.bundle.minisign import PublicKey
from fengqiao_desktop.events import BUNDLE_IMPORTED
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.merge import chain as _chain
from fengqiao_desktop.merge import conflicts as _conflicts
from fengqiao_desktop.merge import digest as _digest
from fengqiao_desktop.merge import followup as _followup
from fengqiao_desktop.merge import forms_registry, importer, results, trust
from fengqiao_desktop.merge import review as _review
from fengqiao_desktop.merge import roster as _roster
from fengqiao_desktop.merge.chain import HeldBundle
from fengqiao_desktop.merge.checks import chain_gaps
from fengqiao_desktop.merge.conflicts import ConflictView
from fengqiao_desktop.merge.db import Central, open_central
from fengqiao_desktop.merge.followup import FollowupRow
from fengqiao_desktop.merge.forms_registry import FormEntry
from fengqiao_desktop.merge.importer import ImportOutcome
from fengqiao_desktop.merge.results import StationResult
from fengqiao_desktop.merge.review import ReviewRow
from fengqiao_desktop.merge.signer import TrustEntry
from fengqiao_desktop.roster.model import ImportResult
from fengqiao_desktop.services.central_session import CentralSession

__all__ = [
    "ConflictView",
    "FollowupRow",
    "FormEntry",
    "ReviewRow",
    "finding_close",
    "followups",
    "review_list",
    "review_set",
    "conflict_comparison",
    "quarantine_dir",
    "ImportOutcome",
    "StationResult",
    "TrustEntry",
    "bundles_list",
    "conflict_resolve",
    "conflicts_list",
    "device_gaps",
    "digest",
    "dump",
    "HeldBundle",
    "forms_list",
    "forms_plan_register",
    "item_results_export",
    "forms_register",
    "import_bundles",
    "load_demo",
    "open_central",
    "public_key_file",
    "quarantine_list",
    "quarantine_reject",
    "quarantine_release",
    "roster_import",
    "roster_stations",
    "station_results",
    "trust_add",
    "trust_edit",
    "trust_history",
    "trust_list",
    "trust_retrust",
    "trust_revoke",
]

Target = str | Central | CentralSession | None


@contextmanager
def _open(target: Target) -> Iterator[Central]:
    """The central database ``target`` names: an open one (or a session's) as it is, else a
    database opened for this call and released after it."""
    if isinstance(target, Central):
        yield target
        return
    if isinstance(target, CentralSession):
        yield target.central()
        return
    central = open_central(target)
    try:
        yield central
    finally:
        central.dispose()


def import_bundles(
    paths: Sequence[str | Path],
    *,
    url: Target = None,
    dry_run: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    unlock: Callable[[], Sequence] | None = None,
    require_encryption: bool | None = None,
    keystore_dir: str | Path | None = None,
) -> list[ImportOutcome]:
    """Import bundle files and folders of them; one outcome per bundle file.

    ``unlock()`` returns the bureau's age identities (see ``bureau_unlocker``); it is
    called only if an encrypted bundle is met. ``require_encryption`` defaults to the
    bureau PC's setting (on once the bureau has an age identity)."""
    if require_encryption is None:
        require_encryption = bureau_keystore(keystore_dir).require_encryption()
    decryption = importer.Decryption(unlock=unlock, require_encryption=require_encryption)
    with _open(url) as c:
        outcomes = importer.import_bundles(
            c, paths, dry_run=dry_run, progress=progress, cancelled=cancelled, decryption=decryption
        )
    if isinstance(url, CentralSession) and not dry_run and outcomes:
        url.events.announce(
            BUNDLE_IMPORTED,
            imported=sum(1 for o in outcomes if o.status == "imported"),
            refused=sum(1 for o in outcomes if not o.ok),
        )
    return outcomes


def any_encrypted(paths: Sequence[str | Path]) -> bool:
    """Is any of these bundle files (folders scanned) encrypted? Reads a few bytes of each."""
    from fengqiao_desktop.bundle import agecrypt

    for p in importer.expand_paths(paths):
        try:
            if agecrypt.sniff(p) == agecrypt.V2:
                return True
        except OSError:
            continue  # the import names the problem
    return False


def bureau_keystore(directory: str | Path | None = None):
    """The bureau's key store on this PC (``<data dir>/bureau`` by default)."""
    from fengqiao_desktop.packs.identity import BureauKeyStore

    return BureauKeyStore(directory)


def unlock_bureau(passphrase: str, *, keystore_dir: str | Path | None = None) -> list:
    """The bureau's age identities, decrypted with its passphrase (scrypt: seconds; off the GUI
    thread). KeyError_ (kind ``wrong_passphrase``) when the passphrase is wrong."""
    return [bureau_keystore(keystore_dir).load_age_identity(passphrase)]


def bureau_unlocker(passphrase: Callable[[], str], *, keystore_dir: str | Path | None = None) -> Callable[[], list]:
    """An ``unlock`` for ``import_bundles`` that asks ``passphrase()`` only when it is called."""
    return lambda: unlock_bureau(passphrase(), keystore_dir=keystore_dir)


def trust_list(*, url: Target = None) -> list[TrustEntry]:
    with _open(url) as c, c.read() as conn:
        return trust.list_keys(conn)


def trust_add(
    public_key: str | Path | PublicKey,
    *,
    name: str,
    unit: str,
    valid_from: date | None = None,
    valid_to: date | None = None,
    url: Target = None,
) -> TrustEntry:
    """Trust a key: a PublicKey, a ``.pub`` file path, or minisign's one-line form."""
    if not isinstance(public_key, PublicKey):
        text = str(public_key)
        public_key = PublicKey.from_line(text) if text.startswith("RW") and len(text) == 56 else PublicKey.load(text)
    with _open(url) as c, c.write() as conn:
        entry = trust.add_key(conn, public_key, name=name, unit=unit, valid_from=valid_from, valid_to=valid_to)
        importer.log_action(conn, "trust_add", None, None, None, "ok", f"{entry.key_id} {entry.name} {entry.unit}")
        return entry


def trust_revoke(key_id: str, *, reason: str, since: datetime | None = None, url: Target = None) -> TrustEntry:
    with _open(url) as c, c.write() as conn:
        entry = trust.revoke_key(conn, key_id, reason=reason, since=since)
        importer.log_action(conn, "trust_revoke", None, None, None, "ok", f"{entry.key_id}: {reason}")
        return entry


def trust_edit(
    key_id: str,
    *,
    name: str | None = None,
    unit: str | None = None,
    valid_from: date | None | str = "keep",
    valid_to: date | None | str = "keep",
    reason: str = "",
    url: Target = None,
) -> TrustEntry:
    """Correct a trusted key's name, unit or validity (``"keep"`` leaves a date as it is)."""
    with _open(url) as c, c.write() as conn:
        entry = trust.edit_key(
            conn, key_id, name=name, unit=unit, valid_from=valid_from, valid_to=valid_to, reason=reason
        )
        importer.log_action(
            conn,
            "trust_edit",
            None,
            None,
            None,
            "ok",
            f"{entry.key_id} {entry.name} {entry.unit} {entry.valid_from}~{entry.valid_to}",
        )
        return entry


def trust_retrust(
    key_id: str,
    *,
    reason: str,
    name: str | None = None,
    unit: str | None = None,
    valid_to: date | None = None,
    url: Target = None,
) -> TrustEntry:
    """Trust a revoked key again from today on, with a reason (kept in its history)."""
    with _open(url) as c, c.write() as conn:
        entry = trust.retrust_key(conn, key_id, reason=reason, name=name, unit=unit, valid_to=valid_to)
        importer.log_action(conn, "trust_retrust", None, None, None, "ok", f"{entry.key_id}: {reason}")
        return entry


def trust_history(key_id: str, *, url: Target = None) -> list[trust.KeyChange]:
    with _open(url) as c, c.read() as conn:
        return trust.key_history(conn, key_id)


def public_key_file(path: str | Path) -> tuple[PublicKey, str, str]:
    """A ``.pub`` file's key and the name and unit its comment gives ('' when it gives none)."""
    from fengqiao_desktop.bundle.keys import KeyStore

    pk = PublicKey.load(path)
    text = Path(path).read_bytes()[:4096].decode("utf-8", errors="replace")
    name, unit = KeyStore.profile_from_public_text(text) or ("", "")
    return pk, name, unit


def forms_register(paths: Sequence[str | Path], *, url: Target = None) -> list[tuple[FormEntry, bool]]:
    from fengqiao_desktop.formengine.loader import load_form_file

    return register_form_defs([load_form_file(p) for p in paths], url=url)


def register_form_defs(forms: Sequence[FormDef], *, url: Target = None) -> list[tuple[FormEntry, bool]]:
    """Register forms already read (the Forms page registers an installed one)."""
    with _open(url) as c, c.write() as conn:
        done = forms_registry.register_forms(conn, list(forms))
        entries = {e.sha256: e for e in forms_registry.list_forms(conn)}
        return [(entries[f.sha256], added) for f, added in done]


def forms_plan_register(paths: Sequence[str | Path], *, url: Target = None) -> list[forms_registry.RegistrationPlan]:
    """What ``forms_register`` would do: each form's diff against the version it replaces."""
    from fengqiao_desktop.formengine.loader import load_form_file

    return plan_form_registration([load_form_file(p) for p in paths], url=url)


def plan_form_registration(forms: Sequence[FormDef], *, url: Target = None) -> list[forms_registry.RegistrationPlan]:
    """What ``register_form_defs`` would do (the CLI prints it, the Forms page shows it before asking)."""
    with _open(url) as c, c.read() as conn:
        return forms_registry.plan_registration(conn, list(forms))


def item_results_export(form_id: str, path: str | Path, *, url: Target = None, lang: str = "zh") -> tuple[Path, int]:
    """Write every inspection's item results of ``form_id`` across its versions (XLSX or CSV).

    Returns the file and the number of inspections; one column per item thread, never shifted.
    """
    from fengqiao_desktop.merge.item_results import form_visits
    from fengqiao_desktop.reports.item_results import write_item_results

    with _open(url) as c, c.read() as conn:
        lineage, visits = form_visits(conn, form_id)
    return write_item_results(lineage, visits, path, lang), len(visits)


def forms_list(*, url: Target = None) -> list[FormEntry]:
    with _open(url) as c, c.read() as conn:
        return forms_registry.list_forms(conn)


def roster_import(path: str | Path, *, url: Target = None) -> ImportResult:
    with _open(url) as c:
        return _roster.import_roster_file(c, path)


def roster_stations(*, url: Target = None) -> list:
    """The central roster's stations (``roster.model.StationRow``), by code."""
    with _open(url) as c:
        return _roster.list_stations(c)


def load_demo(*, url: Target = None) -> ImportResult:
    with _open(url) as c:
        return _roster.load_demo_roster(c)


def digest(*, url: Target = None) -> str:
    with _open(url) as c, c.read() as conn:
        return _digest.digest(conn)


def dump(*, url: Target = None) -> dict:
    with _open(url) as c, c.read() as conn:
        return _digest.dump(conn)


def conflicts_list(*, url: Target = None, open_only: bool = False) -> list[ConflictView]:
    with _open(url) as c, c.read() as conn:
        return _conflicts.list_conflicts(conn, open_only=open_only)


def conflict_resolve(
    inspection_id: str, winner_sha256: str, *, reason: str, resolved_by: str, url: Target = None
) -> ConflictView:
    with _open(url) as c, c.write() as conn:
        return _conflicts.resolve(conn, inspection_id, winner_sha256, reason=reason, resolved_by=resolved_by)


def conflict_comparison(inspection_id: str, *, url: Target = None):
    """The competing revisions of one conflict, item by item (``services.conflict_compare``)."""
    from fengqiao_desktop.services import conflict_compare

    with _open(url) as c, c.read() as conn:
        return conflict_compare.compare(conn, inspection_id)


def quarantine_dir(*, url: Target = None) -> Path:
    """The folder refused and quarantined bundles are copied to, with their reports."""
    from fengqiao_desktop.merge.db import QUARANTINE, files_dir_for

    if isinstance(url, (Central, CentralSession)):
        url = url.url
    return files_dir_for(config.central_url(url)) / QUARANTINE


def station_results(*, year: int | None = None, url: Target = None) -> list[StationResult]:
    with _open(url) as c, c.read() as conn:
        return results.station_results(conn, year=year)


def bundles_list(*, url: Target = None) -> list[dict]:
    """Every bundle seen (imported, refused, quarantined), newest first."""
    from sqlalchemy import select

    from fengqiao_desktop.merge.models import Bundle, table_of

    t = table_of(Bundle)
    with _open(url) as c, c.read() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(t))]
    return sorted(rows, key=lambda r: (str(r["imported_at"]), r["manifest_sha256"]), reverse=True)


def device_gaps(*, url: Target = None) -> dict[str, list[tuple[int, int]]]:
    """Per device, the ranges of sequence numbers not imported (below its highest)."""
    from sqlalchemy import select

    from fengqiao_desktop.merge.models import Bundle, table_of

    t = table_of(Bundle)
    with _open(url) as c, c.read() as conn:
        devices = sorted(set(conn.execute(select(t.c.device_id).where(t.c.status == "imported")).scalars()))
        return {d: g for d in devices if (g := chain_gaps(conn, d))}


def quarantine_list(*, url: Target = None) -> list[HeldBundle]:
    """Bundles stored but quarantined (their chain forked), waiting for a person."""
    with _open(url) as c, c.read() as conn:
        return _chain.held_bundles(conn)


def quarantine_release(ident: str, *, reason: str, by: str, url: Target = None) -> dict[str, tuple[str, str]]:
    """Release a quarantined bundle (a bundle id or manifest sha256): it stands, its chain is re-decided."""
    with _open(url) as c, c.write() as conn:
        return _chain.decide_bundle(conn, ident, _chain.RELEASED, reason=reason, by=by)


def quarantine_reject(ident: str, *, reason: str, by: str, url: Target = None) -> dict[str, tuple[str, str]]:
    """Reject a quarantined bundle for good; its chain is re-decided."""
    with _open(url) as c, c.write() as conn:
        return _chain.decide_bundle(conn, ident, _chain.REJECTED, reason=reason, by=by)


def review_list(
    *,
    url: Target = None,
    state: str | None = None,
    county: str | None = None,
    inspector: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[ReviewRow]:
    """Imported inspections with their review state (received / approved / returned), newest first."""
    with _open(url) as c, c.read() as conn:
        return _review.list_reviews(
            conn, state=state, county=county, inspector=inspector, date_from=date_from, date_to=date_to
        )


def review_set(inspection_id: str, state: str, *, by: str, comment: str = "", url: Target = None) -> ReviewRow:
    """Approve or return an inspection (its current winning revision); logged with who and why."""
    with _open(url) as c, c.write() as conn:
        row = _review.set_review(conn, inspection_id, state, by=by, comment=comment)
        importer.log_action(conn, f"review_{state}", None, None, None, "ok", f"{inspection_id} {by}: {comment}".strip())
        return row


def followups(*, url: Target = None, status: str | None = "rectified") -> list[FollowupRow]:
    """Findings re-checked (回头看) or closed; by default those rectified and awaiting 销号."""
    with _open(url) as c, c.read() as conn:
        return _followup.list_followups(conn, status=status)


def finding_close(inspection_id: str, finding_id: str, *, by: str, note: str = "", url: Target = None) -> None:
    """The bureau's 销号 of a finding; logged with who and why."""
    with _open(url) as c, c.write() as conn:
        _followup.close_finding(conn, inspection_id, finding_id, by=by, note=note)
        importer.log_action(
            conn, "finding_closed", None, None, None, "ok", f"{inspection_id} {finding_id} {by}: {note}".strip()
        )


def import_history(*, url: Target = None, limit: int | None = None) -> list:
    """Every import ever made, newest first (``merge.history.ImportRecord``)."""
    from fengqiao_desktop.merge.history import import_history as _history

    with _open(url) as c, c.read() as conn:
        return _history(conn, c.files_dir, limit=limit)


def reverify_bundle(
    path: str | Path, *, url: Target = None, identities: Sequence | None = None
) -> tuple[bool, str, str]:
    """Verify an archived bundle again with today's trust store: (ok, reason, reason_en).
    An encrypted one is decrypted (into a private temp file) with ``identities``."""
    import contextlib

    from fengqiao_desktop.bundle import agecrypt
    from fengqiao_desktop.bundle.verifier import verify_bundle
    from fengqiao_desktop.errors import BundleError, KeyError_, MergeError
    from fengqiao_desktop.merge import checks, refusals

    with _open(url) as c, c.read() as conn, contextlib.ExitStack() as stack:
        try:
            target = Path(path)
            if agecrypt.sniff(target) == agecrypt.V2:
                if not identities:
                    raise KeyError_(
                        "加密数据包需要县局密钥口令",
                        message_en="an encrypted bundle needs the bureau key's passphrase",
                        kind="needs_passphrase",
                    )
                target = stack.enter_context(agecrypt.decrypted(target, identities))
            vb = verify_bundle(target, public_keys=trust.verification_keys(conn))
            checks.check_trust(conn, vb)
        except (BundleError, MergeError, KeyError_) as exc:
            r = refusals.explain(exc)
            return False, r.reason, r.reason_en
        except OSError as exc:
            return False, f"无法读取文件：{exc}", f"cannot read the file: {exc}"
    return (
        True,
        (f"签名有效，内容完整（{vb.inspector.get('name', '')}，{vb.manifest['created_at']}）"),
        f"signature valid, contents intact ({vb.inspector.get('name', '')}, {vb.manifest['created_at']})",
    )
