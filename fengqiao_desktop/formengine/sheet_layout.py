"""The official scoring-sheet layout, shared by the XLSX importer and exporter.

The official table is 考评项目 / 序号 / 考评内容 / 分值 / 评分标准 / 得分. An exported
sheet adds, to the right of 得分, the columns that make the round trip lossless
(方式, 步长, ...), and a second worksheet 表单信息 with the form's own fields. A
bureau's sheet needs only the official columns; the extra ones are optional.
"""

from __future__ import annotations

import re
import unicodedata

# column key -> (heading written on export, other accepted headings). Headings are
# matched after dropping spaces and case, so "Scoring rule" and "评分 标准" both match.
OFFICIAL = {
    "section": ("考评项目", ("考核项目", "评估项目", "检查项目", "项目", "项目类别", "section")),
    "number": ("序号", ("编号", "no", "no.", "itemno", "number", "id")),
    "content": (
        "考评内容",
        ("考核内容", "评估内容", "检查内容", "考评要点", "内容", "content", "item", "title", "requirement"),
    ),
    "points": ("分值", ("分数", "标准分", "满分", "points", "max", "maxpoints")),
    "rule": (
        "评分标准",
        ("评分细则", "考评标准", "考核标准", "扣分标准", "评分办法", "scoringrule", "scoring", "criteria", "guidance"),
    ),
    "score": ("得分", ("实得分", "考评得分", "score")),
}
EXTRA = {
    "type": ("方式", ("评分方式", "type")),
    "step": ("步长", ("step",)),
    "deduct_per": ("每项扣分", ("deductper", "deduct_per")),
    "veto": ("一票否决", ("veto",)),
    "veto_reason": ("否决说明", ("vetoreason", "veto_reason")),
    "na_allowed": ("可不适用", ("n/aallowed", "na_allowed")),
    "min_photos": ("照片", ("照片数", "photos", "min_photos")),
    "required": ("必答", ("required",)),
    "category": ("问题类别", ("category",)),
    "evidence": ("查看要点", ("evidence",)),
    "title_en": ("英文名称", ("title(en)", "englishtitle")),
    "guidance_en": ("英文评分标准", ("guidance(en)", "guidance_en")),
    "choices": ("选项", ("choices",)),
    "range": ("取值范围", ("range",)),
    "extra": ("其他字段", ("extra",)),  # JSON of item fields no other column holds
}
COLUMNS = {**OFFICIAL, **EXTRA}

INFO_SHEET = "表单信息"
SHEET = "评分表"
SUBTOTAL = ("小计", "分项小计", "subtotal")
TOTAL = ("合计", "总计", "总分", "合计分", "total")


def norm(text: str) -> str:
    """Text as compared: NFKC (full-width digits and brackets to ASCII), no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


_HEADINGS = {norm(name): key for key, (head, others) in COLUMNS.items() for name in (head, *others)}


def column_key(heading: str) -> str | None:
    """The column a heading names, or None for a column the importer does not use."""
    return _HEADINGS.get(norm(heading))


def heading(key: str, lang: str = "zh") -> str:
    return COLUMNS[key][0]


def is_subtotal(text: str) -> bool:
    t = norm(text)
    return any(t.startswith(norm(w)) for w in SUBTOTAL)


def is_total(text: str) -> bool:
    t = norm(text)
    return any(t.startswith(norm(w)) for w in TOTAL)
