"""Inspection records from a verified bundle -> plain revision data, with scores recomputed.

The verifier has already checked each record's shape (bundle/manifest.py). Here
the merge module checks what only it can: the form is registered, the station is
in the central roster, every answer fits its item, the photos are the members
the bundle carries, and the claimed score is what the registered form gives.

The revision's identity is the sha256 of the record's RFC 8785 canonical JSON, so
the same revision carried by two bundles is recognised as the same.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime, timezone

import rfc8785

from fengqiao_desktop.bundle.verifier import VerifiedBundle
from fengqiao_desktop.domain import FormKind
from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import (
    Answer,
    AnswerValueError,
    ScoreResult,
    score,
    validate_answer,
)
from fengqiao_desktop.formengine.visit import GateState, visit_verdict

# A claimed score may differ from the recomputed one by rounding only.
TOLERANCE = 0.005


@dataclass(frozen=True)
class RevisionData:
    """One inspection revision, ready to merge (plain data, no ORM)."""

    inspection_id: str
    revision: int
    content_sha256: str
    record_json: str
    station_code: str
    form_sha256: str
    form_id: str
    form_kind: str
    visit_id: str | None
    status: str
    completed_at: str | None
    audit_chain: tuple[str, ...]
    total: float | None
    max_points: float | None
    own_verdict: str | None
    findings: tuple[dict, ...] = ()
    rechecks: tuple[dict, ...] = ()  # 回头看 verdicts on other inspections' findings
    photos: tuple[dict, ...] = field(default=(), repr=False)


def refuse(member: str, zh: str, en: str) -> MergeError:
    return MergeError(f"{member}: {zh}", message_en=f"{member}: {en}")


def normalise_time(value, member: str, name: str) -> str | None:
    """An ISO time with a zone -> ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (sorts as text everywhere)."""
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise refuse(
            member, f"{name} 不是有效的时间：{str(value)[:40]!r}", f"{name} is not a valid time: {str(value)[:40]!r}"
        ) from None
    if dt.tzinfo is None:
        raise refuse(member, f"{name} 缺少时区", f"{name} has no time zone")
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def content_sha256(record: dict) -> tuple[str, str]:
    data = rfc8785.dumps(record)
    return hashlib.sha256(data).hexdigest(), data.decode("utf-8")


def audit_chain(record: dict) -> tuple[str, ...]:
    """A fingerprint per audit entry: revision A is an ancestor of B when A's is a prefix of B's."""
    return tuple(
        hashlib.sha256(
            json.dumps(e, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        ).hexdigest()[:16]
        for e in record.get("audit") or []
    )


def recompute(form: FormDef, record: dict, member: str) -> ScoreResult:
    """The score the registered form gives this record's answers (no external vetoes)."""
    answers: dict[str, Answer] = {}
    for item_id, raw in (record.get("answers") or {}).items():
        item = form.items.get(item_id)
        if item is None:
            raise refuse(
                member,
                f"answers.{item_id}：表单 {form.id} {form.version} 中没有此项",
                f"answers.{item_id}: form {form.id} {form.version} has no such item",
            )
        try:
            ans = Answer.from_json(raw)
            validate_answer(item, ans)
        except AnswerValueError as exc:
            raise refuse(
                member,
                f"answers.{item_id}：答案不符合表单（{exc.reason}）",
                f"answers.{item_id}: the answer does not fit the form ({exc.reason})",
            ) from None
        except ValueError as exc:
            raise refuse(member, f"answers.{item_id}：{exc}", f"answers.{item_id}: {exc}") from None
        answers[item_id] = ans
    counts = Counter(p.get("item_id") for p in record.get("photos") or [] if p.get("item_id"))
    return score(form, answers, dict(counts))


def _num(v):
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def check_claim(form: FormDef, result: ScoreResult, record: dict, member: str) -> None:
    """Refuse a record whose claimed score differs from the recomputed one."""
    claim = record.get("score")
    status = record.get("status")
    if claim is None:
        if status in ("completed", "exported"):
            raise refuse(member, "已完成的检查缺少得分 score", "a completed inspection has no score")
        return

    def differs(what: str, claimed, recomputed) -> MergeError:
        return refuse(
            member,
            f"声明的{what} {claimed} 与按登记表单重算的 {recomputed:g} 不符",
            f"the claimed {what_en[what]} {claimed} differs from the recomputed {recomputed:g}",
        )

    what_en = {"总分": "total", "满分": "maximum", "结论": "verdict"}
    total = _num(claim.get("total"))
    if total is None or abs(total - result.total) > TOLERANCE:
        raise differs("总分", claim.get("total"), result.total)
    if "max" in claim:
        mx = _num(claim.get("max"))
        if mx is None or abs(mx - result.max) > TOLERANCE:
            raise differs("满分", claim.get("max"), result.max)
    ours = {s.id: s for s in result.sections}
    theirs = claim.get("sections")
    if theirs is not None:
        if not isinstance(theirs, list) or any(not isinstance(s, dict) for s in theirs):
            raise refuse(member, "score.sections 格式不正确", "score.sections is malformed")
        ids = [s.get("id") for s in theirs]
        if sorted(map(str, ids)) != sorted(ours):
            raise refuse(
                member,
                f"声明的分项 {ids} 与表单的分项 {list(ours)} 不符",
                f"the claimed sections {ids} differ from the form's {list(ours)}",
            )
        for s in theirs:
            mine = ours[s["id"]]
            earned = _num(s.get("earned"))
            if earned is None or abs(earned - mine.earned) > TOLERANCE:
                raise refuse(
                    member,
                    f"分项 {s['id']} 声明得分 {s.get('earned')}，重算为 {mine.earned:g}",
                    f"section {s['id']}: claimed {s.get('earned')}, recomputed {mine.earned:g}",
                )
    verdict = claim.get("verdict")
    allowed = {result.verdict.value}
    if form.kind is FormKind.RUBRIC:
        # the visit's five-haves check may veto the rubric or leave it pending (formengine.visit)
        allowed.update(visit_verdict(result.verdict, state).value for state in GateState)
    if verdict not in allowed:
        raise refuse(
            member,
            f"声明的结论 {verdict!r} 与重算的 {result.verdict.value!r} 不符",
            f"the claimed verdict {verdict!r} differs from the recomputed {result.verdict.value!r}",
        )


def check_evidence(form: FormDef, result: ScoreResult, record: dict, member: str) -> None:
    """Refuse a completed record that lacks the photos its form requires (``min_photos``).

    An item answered from another form of the visit (``from: five-haves/...``) has its
    photos on that form's record, so it is not counted here.
    """
    if record.get("status") not in ("completed", "exported"):
        return
    missing = [
        (i, have, need) for i, have, need in result.missing_evidence if i in form.items and form.items[i].source is None
    ]
    if not missing:
        return
    zh = "、".join(
        f"{form.items[i].no}（{form.items[i].title.zh}）需 {need} 张，只有 {have} 张" for i, have, need in missing
    )
    en = ", ".join(
        f"{form.items[i].no} ({form.items[i].title.en}) needs {need}, has {have}" for i, have, need in missing
    )
    raise MergeError(
        f"{member}：已完成的检查缺少佐证照片：{zh}",
        message_en=f"{member}: a completed inspection lacks the required photos: {en}",
        kind="missing_evidence",
    )


def revision_from_record(
    record: dict, member: str, form: FormDef, canonical: tuple[str, str] | None = None
) -> RevisionData:
    """Recompute and check one record; return what the central database stores.

    ``canonical`` is (sha256, text) of the record's canonical JSON when the caller
    already has it (a verified bundle member is canonical JSON: its bytes and the
    manifest's sha256 are exactly that), saving a second serialisation.
    """
    result = recompute(form, record, member)
    check_claim(form, result, record, member)
    check_evidence(form, result, record, member)
    sha, text = canonical or content_sha256(record)
    scored = record.get("score") is not None or record.get("status") in ("completed", "exported")
    return RevisionData(
        inspection_id=record["id"],
        revision=record["revision"],
        content_sha256=sha,
        record_json=text,
        station_code=record["station_code"],
        form_sha256=form.sha256,
        form_id=form.id,
        form_kind=form.kind.value,
        visit_id=record.get("visit_id"),
        status=str(record.get("status")),
        completed_at=normalise_time(record.get("completed_at"), member, "completed_at"),
        audit_chain=audit_chain(record),
        total=result.total if scored else None,
        max_points=result.max if scored else None,
        own_verdict=result.verdict.value if scored else None,
        findings=tuple(f for f in record.get("findings") or [] if isinstance(f, dict)),
        rechecks=tuple(r for r in record.get("rechecks") or [] if isinstance(r, dict)),
        photos=tuple(p for p in record.get("photos") or [] if isinstance(p, dict)),
    )


def revisions_from(vb: VerifiedBundle, forms: Mapping[str, FormDef], stations: AbstractSet[str]) -> list[RevisionData]:
    """``revisions_of`` given the registered forms (by sha256) and the roster codes: no database."""
    mine: dict[str, FormDef] = {}
    for i, f in enumerate(vb.forms):
        form = forms.get(f["sha256"])
        if form is None:
            raise MergeError(
                f"manifest.json: forms[{i}]：表单 {f['id']} 版本 {f['version']}（{f['sha256'][:12]}…）未在中心登记",
                message_en=f"manifest.json: forms[{i}]: form {f['id']} version {f['version']} "
                f"({f['sha256'][:12]}…) is not registered centrally",
                kind="unknown_form",
            )
        if (form.id, form.version) != (f["id"], f["version"]):
            raise MergeError(
                f"manifest.json: forms[{i}]：哈希 {f['sha256'][:12]}… 登记为 {form.id} {form.version}，"
                f"不是 {f['id']} {f['version']}",
                message_en=f"manifest.json: forms[{i}]: sha256 {f['sha256'][:12]}… is registered as "
                f"{form.id} {form.version}, not {f['id']} {f['version']}",
            )
        mine[f["sha256"]] = form
    sha_of = {m["name"]: m["sha256"] for m in vb.manifest["members"]}
    out = []
    for member in sorted(vb.records):
        rec = vb.records[member]
        if rec["station_code"] not in stations:
            raise MergeError(
                f"{member}：站点 {rec['station_code']} 不在中心名册中",
                message_en=f"{member}: station {rec['station_code']} is not in the central roster",
                kind="unknown_station",
            )
        fsha = rec["form"]["sha256"]
        form = mine.get(fsha)
        if form is None:
            raise MergeError(
                f"{member}: form：表单 {fsha[:12]}… 不在清单的 forms 中或未登记",
                message_en=f"{member}: form {fsha[:12]}… is not listed in the manifest's forms or not registered",
            )
        if (rec["form"]["id"], rec["form"]["version"]) != (form.id, form.version):
            raise MergeError(
                f"{member}: form：id/version 与登记的表单不符",
                message_en=f"{member}: form id/version differ from the registered form",
            )
        # the verifier refused any record that is not canonical JSON: its bytes (kept from
        # verification) are the canonical form, and the manifest already holds their sha256
        canonical = (sha_of[member], vb.record_text(member))
        out.append(revision_from_record(rec, member, form, canonical))
    return out
