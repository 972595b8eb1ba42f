"""Sample score-sheet data: a demo-like inspection and a large synthetic one.

Used for the documentation image, the benchmark and the tests, and handy for a
print preview without a database. The station is one of the demo stations of
兰州市 (made-up town and village codes, marked as demo data in the roster).
"""

from __future__ import annotations

import hashlib
import io
import random
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from fengqiao_desktop.formengine.loader import shipped_registry
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, score
from fengqiao_desktop.formengine.visit import VisitForm, evaluate_visit
from fengqiao_desktop.reports.sheet_data import (
    SheetCompanion,
    SheetData,
    SheetFinding,
    SheetInspection,
    SheetInspector,
    SheetPhoto,
    SheetStation,
)

DEMO_ID = "3f1c2a9e-7b4d-4c1e-9a53-5d8e2f6b1c07"
GATE_ID = "8a2d6e1f-4c3b-4f7a-9e05-1b6c7d8e9f10"

_LONG = (
    "现场查看服务站功能分区，办事大厅设有综合服务窗口和政策咨询台；"
    "查阅近一年工作台账、走访记录和培训签到表，部分月份记录不完整，需补充完善并按月归档。"
)


def make_jpeg(seed: int, size: tuple[int, int] = (1600, 1200)) -> bytes:
    """A photo-like JPEG (gradient and shapes) that differs with ``seed``."""
    rnd = random.Random(seed)
    w, h = size
    base = (rnd.randrange(60, 200), rnd.randrange(60, 200), rnd.randrange(60, 200))
    im = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    im = Image.blend(im, Image.new("RGB", (w, h), base), 0.6)
    d = ImageDraw.Draw(im)
    for _ in range(8):
        x, y = rnd.randrange(w), rnd.randrange(h)
        r = rnd.randrange(40, 260)
        d.rectangle([x, y, x + r * 1.6, y + r], fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def _photos(specs: list[tuple[str | None, str]], photo_dir: Path | None, seed: int = 0) -> list[SheetPhoto]:
    out = []
    for n, (item_id, caption) in enumerate(specs):
        data = make_jpeg(seed + n)
        if photo_dir is not None:
            photo_dir.mkdir(parents=True, exist_ok=True)
            (photo_dir / f"{hashlib.sha256(data).hexdigest()}.jpg").write_bytes(data)
        out.append(SheetPhoto(caption=caption, item_id=item_id, data=data))
    return out


def _photo_counts(photos: list[SheetPhoto]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in photos:
        if p.item_id:
            counts[p.item_id] = counts.get(p.item_id, 0) + 1
    return counts


def demo_sheet_data(photo_dir: Path | None = None, *, lang: str = "zh") -> SheetData:
    """A completed demonstration-rubric inspection of a town station, with the five-haves check."""
    reg = shipped_registry()
    form = reg.get("demonstration-town")
    gate = reg.get("five-haves")
    answers: dict[str, Answer] = {}
    for item in form.items.values():
        if not item.scored:
            answers[item.id] = Answer(value=False)
        elif item.type.value == "yes_no":
            answers[item.id] = Answer(value=True)
        else:
            answers[item.id] = Answer(value=item.max)
    answers["B1"] = Answer(value=5.0, note="功能分区齐全，无障碍坡道缺扶手。")
    answers["B4"] = Answer(na=True, note="与党群服务中心共用信息化设备。")
    answers["D2"] = Answer(value=3.0, note="2025年培训记录缺两次签到表。")
    answers["E2"] = Answer(value=2.0, note=_LONG)
    answers["G3"] = Answer(value=3.5, note="六必访记录齐全，个别走访照片无日期。")
    answers["I2"] = Answer(value=3.0)
    photos = _photos(
        [
            ("B1", "办事大厅功能分区"),
            ("B1", "政策咨询台"),
            ("G1", "入伍欢送会（2025-09）"),
            ("G1", "四尊崇走访记录"),
            ("G2", "退伍返乡座谈会"),
            ("G2", "五关爱登记表"),
            ("G3", "立功受奖家庭走访"),
            ("G3", "六必访台账"),
            ("C4", "实体化运行：值班表"),
        ],
        photo_dir,
    )
    gate_answers = {i: Answer(value=True) for i in gate.items}
    gate_answers["bianzhi"] = Answer(value=True, note="街道专岗2名，批复文件已查阅。")
    gate_photos = [
        replace(p, form_id=gate.id)
        for p in _photos(
            [
                (i, c)
                for i, c in zip(
                    gate.items, ("统一标识牌匾", "专岗设置文件", "人员公示栏", "经费拨付凭证", "上墙制度"), strict=True
                )
            ],
            photo_dir,
            seed=20,
        )
    ]
    # scored as the app scores a visit: the rubric's A1–A5 read the five-haves answers
    visit = evaluate_visit(
        [
            VisitForm("rubric", form, answers, _photo_counts(photos), completed=True),
            VisitForm("gate", gate, gate_answers, _photo_counts(gate_photos), completed=True),
        ]
    )
    result = visit["rubric"]
    companion = SheetCompanion(
        gate,
        visit.answers["gate"],
        visit["gate"],
        state=visit.gate,
        inspection=SheetInspection(GATE_ID, 0, date(2026, 5, 12), "completed"),
    )
    photos += gate_photos
    findings = [
        SheetFinding(
            "B1",
            "hardware",
            "deduction",
            "无障碍坡道未安装扶手。",
            "加装不锈钢扶手并设置无障碍标识。",
            "王建国",
            "2026-06-30",
            "open",
        ),
        SheetFinding(
            "D2",
            "staffing",
            "deduction",
            "2025年度业务培训缺两次签到记录。",
            "补齐培训记录，今后每次培训留存签到表和照片。",
            "李敏",
            "2026-05-31",
            "open",
        ),
        SheetFinding(
            "G3",
            "service",
            "advice",
            "部分走访照片未显示拍摄日期。",
            "走访照片统一使用带日期水印的相机应用。",
            "李敏",
            "2026-05-31",
            "open",
        ),
        # closed: it is no open problem and is not printed
        SheetFinding(
            "C4", "demonstration", "deduction", "值班表未上墙。", "值班表上墙。", "李敏", "2026-05-20", "verified"
        ),
    ]
    return SheetData(
        station=SheetStation(
            "620102001000", "东岗西路街道退役军人服务站", "town", "甘肃省兰州市城关区东岗西路街道办事处一楼"
        ),
        inspection=SheetInspection(DEMO_ID, 2, date(2026, 5, 12), "completed"),
        inspector=SheetInspector("张三", "城关区退役军人事务局"),
        form=form,
        answers=visit.answers["rubric"],
        result=result,
        content_hash=hashlib.sha256(b"demo inspection content").hexdigest(),
        companion=companion,
        findings=findings,
        photos=photos,
        lang=lang,
    )


def synthetic_form(n_items: int = 60, per_section: int = 10) -> FormDef:
    """A valid 100-point rubric with ``n_items`` graded items and long scoring guidance."""
    maxes = [2.0] * n_items
    # spread 100 points: whole points first, the remainder on the first items
    each = 100 // n_items
    maxes = [float(each)] * n_items
    rest = 100 - each * n_items
    for k in range(int(rest)):
        maxes[k % n_items] += 1
    sections = []
    for s in range(0, n_items, per_section):
        items = []
        for k in range(s, min(s + per_section, n_items)):
            item = {
                "id": f"S{s // per_section + 1}-{k + 1:02d}",
                "title": {"zh": f"考评项目第{k + 1}项（示例）", "en": f"Sample item {k + 1}"},
                "type": "graded",
                "max": maxes[k],
                "step": 0.5,
                "guidance": ("查阅资料、实地查看、听取汇报相结合。" * 3)
                + f"满分{maxes[k]:g}分，每缺一项扣0.5分，扣完为止。",
                "guidance_en": "Check the records, look around and hear the report. " * 3,
            }
            if k == 0:
                item.update(type="yes_no", veto=True, veto_reason="示例否决项", step=None)
                item.pop("step")
            if k == 5:
                item["na_allowed"] = True
            items.append(item)
        sections.append(
            {
                "id": f"S{s // per_section + 1}",
                "title": {"zh": f"第{s // per_section + 1}部分 综合考评", "en": f"Part {s // per_section + 1}"},
                "items": items,
            }
        )
    return FormDef.model_validate(
        {
            "id": f"synthetic-{n_items}",
            "version": "1",
            "title": {"zh": f"综合评分表（{n_items}项示例）", "en": f"Synthetic rubric ({n_items} items)"},
            "kind": "rubric",
            "levels": ["town"],
            "pass_mark": 90,
            "max_points": 100,
            "sections": sections,
        }
    )


def large_sheet_data(
    n_items: int = 60, n_photos: int = 20, photo_dir: Path | None = None, *, lang: str = "zh"
) -> SheetData:
    """A synthetic inspection: every item answered with a long note, many photos and findings."""
    form = synthetic_form(n_items)
    answers: dict[str, Answer] = {}
    for n, item in enumerate(form.items.values()):
        if item.type.value == "yes_no":
            answers[item.id] = Answer(value=True, note=_LONG)
        elif item.na_allowed:
            answers[item.id] = Answer(na=True, note="本站不涉及此项。")
        else:
            answers[item.id] = Answer(value=item.max - (0.5 if n % 3 == 0 else 0), note=_LONG * (1 + n % 2))
    ids = list(form.items)
    photos = _photos([(ids[k % len(ids)], f"现场照片{k + 1}：{_LONG[:30]}") for k in range(n_photos)], photo_dir)
    result = score(form, answers, _photo_counts(photos))
    findings = [
        SheetFinding(
            ids[k],
            "service",
            "deduction",
            f"问题{k + 1}：{_LONG}",
            "限期整改，整改完成后报区退役军人事务局复核。",
            "王建国",
            "2026-06-30",
            "open",
        )
        for k in range(8)
    ]
    return SheetData(
        station=SheetStation(
            "620102001001",
            "东岗西路街道某某社区退役军人服务站",
            "village",
            "甘肃省兰州市城关区东岗西路街道某某社区党群服务中心",
        ),
        inspection=SheetInspection("9b7e4c1a-2d3f-4e5a-8b6c-7d8e9f0a1b2c", 0, date(2026, 5, 12)),
        inspector=SheetInspector("张三", "城关区退役军人事务局"),
        form=form,
        answers=answers,
        result=result,
        content_hash=hashlib.sha256(b"large").hexdigest(),
        findings=findings,
        photos=photos,
        lang=lang,
    )
