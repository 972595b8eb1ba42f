"""An in-memory implementation of the editor's backend interface, for widget-level tests.

It scores with the real form engine and checks photos with Pillow, so the
widgets meet the same rules they meet in the app; the end-to-end test uses the
real services and database instead.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from datetime import datetime
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from fengqiao_desktop.domain import FindingCategory, InspectionStatus, Severity
from fengqiao_desktop.errors import InspectionError, PhotoError
from fengqiao_desktop.formengine.scoring import Answer, score, validate_answer
from fengqiao_desktop.ui.editor.backend import EditorContent, IngestFailure, VisitInfo
from fengqiao_desktop.ui.editor.findings import FindingRow
from fengqiao_desktop.ui.editor.lifecycle import AuditRow
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow


class MemoryBackend:
    def __init__(self, form, photo_dir: Path):
        self.form = form
        self.inspection_id = str(uuid.uuid4())
        self.photo_dir = Path(photo_dir)
        self.photo_dir.mkdir(parents=True, exist_ok=True)
        self.answers: dict[str, Answer] = {}
        self.saves: list[tuple[str, Answer]] = []
        self._photos: dict[str, PhotoRow] = {}
        self._findings: dict[str, FindingRow] = {}
        self.status = InspectionStatus.DRAFT
        self.revision = 1
        self._audit: list[AuditRow] = [AuditRow(1, _now(), "created")]

    # -- answers ---------------------------------------------------------------
    def _counts(self):
        counts: dict[str, int] = {}
        for p in self._photos.values():
            if p.item_id:
                counts[p.item_id] = counts.get(p.item_id, 0) + 1
        return counts

    def score(self):
        return score(self.form, self.answers, self._counts())

    def visit(self) -> VisitInfo:
        return VisitInfo()  # a form done alone: no other inspection in the visit

    def load(self) -> EditorContent:
        return EditorContent(
            self.inspection_id,
            self.form,
            "测试站",
            self.status,
            self.revision,
            dict(self.answers),
            self.photos(),
            self.score(),
        )

    def set_answer(self, item_id, answer):
        if self.status is not InspectionStatus.DRAFT:
            raise InspectionError("已完成的检查不能修改")
        validate_answer(self.form.items[item_id], answer)
        self.answers[item_id] = answer
        self.saves.append((item_id, answer))
        return self.score()

    def signer_names(self):
        return "王站长", "张三"

    def complete(self, signatures=()):
        self.signatures = list(signatures)
        result = self.score()
        if not result.complete:
            err = InspectionError("还有未完成的项目")
            err.problems = [f"未答：{i}" for i in result.missing_answers] + [
                f"缺照片：{i}" for i, _h, _n in result.missing_evidence
            ]
            raise err
        self.status = InspectionStatus.COMPLETED
        self._audit.append(AuditRow(self.revision, _now(), "completed"))
        return result

    def reopen(self, reason):
        if not reason.strip():
            raise InspectionError("需要填写修改原因")
        self.revision += 1
        self.status = InspectionStatus.DRAFT
        self._audit.append(AuditRow(self.revision, _now(), "reopened", reason))

    def audit(self):
        return list(self._audit)

    # -- photos ------------------------------------------------------------------
    def photos(self):
        return list(self._photos.values())

    def ingest_job(self, paths):
        out_dir = self.photo_dir

        def job():
            results = []
            for p in paths:
                try:
                    with Image.open(p) as im:
                        im.load()
                        im = im.convert("RGB")
                        photo = _store(out_dir, im)
                        im.thumbnail((160, 160))
                        thumb = _store(out_dir, im)
                except (UnidentifiedImageError, OSError):
                    results.append(IngestFailure(p, PhotoError("不是可用的图片文件").user_message()))
                    continue
                results.append({"sha256": photo, "thumb": thumb})
            return results

        return job

    def attach(self, item_id, ingested):
        pid = uuid.uuid4().hex
        self._photos[pid] = PhotoRow(pid, item_id, "", ingested["sha256"], ingested["thumb"], ingested["sha256"])

    def read_photo(self, sha256):
        return (self.photo_dir / f"{sha256}.jpg").read_bytes()

    def set_caption(self, photo_id, caption):
        from dataclasses import replace

        self._photos[photo_id] = replace(self._photos[photo_id], caption=caption)

    def set_photo_item(self, photo_id, item_id):
        from dataclasses import replace

        self._photos[photo_id] = replace(self._photos[photo_id], item_id=item_id)

    def remove_photo(self, photo_id):
        del self._photos[photo_id]

    # -- findings ----------------------------------------------------------------
    def findings(self):
        return list(self._findings.values())

    def propose_findings(self):
        result = self.score()
        made = []
        for iid, s in result.items.items():
            if (
                s.answered
                and not s.na
                and s.points < s.max
                and not any(f.item_id == iid for f in self._findings.values())
            ):
                fid = uuid.uuid4().hex
                sev = Severity.VETO if s.veto_failed else Severity.DEDUCTION
                row = FindingRow(fid, iid, FindingCategory.SERVICE, sev, description=self.form.items[iid].title.zh)
                self._findings[fid] = row
                made.append(row)
        return made

    def finding_defaults(self):
        return "", ""

    def save_finding(self, row):
        fid = row.id or uuid.uuid4().hex
        from dataclasses import replace

        self._findings[fid] = replace(row, id=fid, item_label="")

    def delete_finding(self, finding_id):
        self._findings.pop(finding_id, None)

    def sheet_job(self, target):
        def job():
            Path(target).write_bytes(b"%PDF-1.4\n%test\n")
            return target

        return job


def _now() -> str:
    return datetime.now().strftime("%Y-%m-%d %H:%M:%S")


def _store(folder: Path, im: Image.Image) -> str:
    """Save ``im`` as a JPEG named by its sha256; returns the sha256."""
    out = io.BytesIO()
    im.save(out, "JPEG")
    sha = hashlib.sha256(out.getvalue()).hexdigest()
    (folder / f"{sha}.jpg").write_bytes(out.getvalue())
    return sha
