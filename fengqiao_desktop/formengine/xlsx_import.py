"""Import a bureau's scoring sheet (XLSX or CSV) into a form definition.

The sheet is the official table 考评项目 / 序号 / 考评内容 / 分值 / 评分标准 / 得分, with
headings in Chinese or English in any column order, sections as merged cells (or as
rows of their own), subtotal rows, half points and rules written in words:

- "每缺一项扣1分，扣完为止" -> a ``deduction`` item taking 1 point per shortfall;
- "是/否" -> ``yes_no``; any other rule -> ``graded`` (points in steps of 0.5);
- "一票否决" in the content or the rule -> a veto item; "不适用" -> N/A allowed.

``import_sheet`` returns an :class:`ImportReport`: the form (validated exactly as
``forms check`` does) and every cell it could not read (sheet, cell, why), plus notes on
what it guessed. When there is any problem there is no form, and nothing is written.
A sheet exported by ``forms export`` carries extra columns and a 表单信息 worksheet that
the importer reads back, so YAML -> XLSX -> YAML gives the same form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from fengqiao_desktop.domain import FormKind, ItemType, Level
from fengqiao_desktop.errors import FormError
from fengqiao_desktop.formengine import sheet_layout as lay
from fengqiao_desktop.formengine.lineage import infer_map
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.sheet_grid import Cell, Grid, read_grids

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_CN_NUM = "一二三四五六七八九十"


@dataclass(frozen=True)
class Problem:
    """A cell the importer could not read (or, as a note, a guess it made)."""

    sheet: str
    cell: str  # "D12"; "" for the sheet as a whole
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{where}: {self.en if lang == 'en' else self.zh}"


@dataclass
class ImportReport:
    source: str
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    form: FormDef | None = None

    @property
    def ok(self) -> bool:
        return self.form is not None and not self.problems

    def lines(self, lang: str = "zh") -> list[str]:
        return [p.text(lang) for p in self.problems]


@dataclass(frozen=True)
class Options:
    form_id: str | None = None
    version: str | None = None
    levels: tuple[str, ...] = ()
    pass_mark: float | None = None
    kind: str | None = None


# -- reading numbers and rules ---------------------------------------------------------------

_NUM = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_DEDUCT = re.compile(r"(?:每|缺|少)[^，。；,;扣]{0,14}?扣(?:除)?\s*(\d+(?:\.\d+)?)\s*分")
_YES_NO = re.compile(r"是\s*[/／、]\s*否|^是否$|符合得分[，,]?不符合不得分|^(?:有|是)/(?:无|否)$")
_SECTION_POINTS = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")
_SECTION_NUMBERING = re.compile(rf"^(?:[（(]?[{_CN_NUM}]+[)）、.．]|\d+[、.．])\s*")
_SECTION_ID = re.compile(r"^([A-Z][A-Z0-9]{0,3})(?:[\s、.．:：]+)(?=\S)")
_PASS_MARK = re.compile(r"(\d+(?:\.\d+)?)\s*分(?:及|以)?以上[^。；]{0,8}?(?:达标|合格|示范)")


def _id_text(text: str) -> str:
    """A 序号 as an id: full-width to ASCII, no spaces or brackets, case kept."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).strip("()").rstrip("、.")


def _number(text: str) -> float | None:
    t = lay.norm(text).removesuffix("分")
    return float(t) if _NUM.match(t) else None


_STEPS = (0.5, 0.25, 0.1, 0.05, 0.01)


def _step_for(*values: float) -> float | None:
    """None (the default 0.5) when every value is a multiple of 0.5, else a finer step."""
    for s in _STEPS:
        if all(abs(v / s - round(v / s)) < 1e-9 for v in values):
            return None if s == 0.5 else s
    return None


def _section_title(text: str) -> tuple[str | None, str, float | None]:
    """'一、阵地建设（15分）' -> (None, '阵地建设', 15); 'B 阵地' -> ('B', '阵地', None)."""
    t = text.strip()
    pts = None
    m = _SECTION_POINTS.search(t)
    if m:
        pts = float(m.group(1))
        t = t[: m.start()].strip()
    sid = None
    m = _SECTION_ID.match(t)
    if m:
        sid, t = m.group(1), t[m.end() :].strip()
    else:
        t = _SECTION_NUMBERING.sub("", t).strip()
    return sid, t or text.strip(), pts


def _bool(text: str) -> bool | None:
    t = lay.norm(text)
    if t in ("是", "yes", "true", "y", "1", "√", "✓"):
        return True
    if t in ("否", "no", "false", "n", "0", ""):
        return False if t else None
    raise ValueError(text)


# -- the sheet ------------------------------------------------------------------------------


@dataclass
class _Row:
    n: int
    cells: dict[str, Cell]

    def text(self, key: str) -> str:
        c = self.cells.get(key)
        return c.text if c else ""

    def ref(self, key: str) -> str:
        c = self.cells.get(key)
        return c.ref if c else ""


@dataclass
class _Section:
    title: str
    ref: str
    sid: str | None = None
    declared: float | None = None
    items: list[dict] = field(default_factory=list)
    en: str = ""
    broken: bool = False  # a row could not be read: its subtotal cannot be checked
    raw: str = ""  # the cell's text as written


def _find_header(grid: Grid) -> tuple[int, dict[int, str]] | None:
    for idx, (_n, cells) in enumerate(grid.rows[:15]):
        cols: dict[int, str] = {}
        for c, cell in enumerate(cells):
            key = lay.column_key(cell.text) if cell.text else None
            if key and key not in cols.values():
                cols[c] = key
        if "content" in cols.values() and "points" in cols.values():
            return idx, cols
    return None


def _info(grids: list[Grid]) -> dict:
    """The 表单信息 worksheet of an exported sheet: form fields and section titles."""
    for g in grids:
        if g.sheet != lay.INFO_SHEET:
            continue
        out: dict = {"sections": []}
        for _n, cells in g.rows:
            vals = [c.text for c in cells] + [""] * 4
            key = vals[0]
            if key == "section":
                out["sections"].append((vals[1], vals[2], vals[3]))
            elif key and key != "key":
                out[key] = vals[1]
        return out
    return {}


class _Reader:
    def __init__(self, source: str, options: Options, previous: FormDef | None):
        self.report = ImportReport(source)
        self.opt = options
        self.previous = previous
        self.sheet = ""

    def err(self, cell: str, zh: str, en: str) -> None:
        self.report.problems.append(Problem(self.sheet, cell, zh, en))

    def note(self, cell: str, zh: str, en: str) -> None:
        self.report.notes.append(Problem(self.sheet, cell, zh, en))

    # ---------------------------------------------------------------------------------------
    def read(self, grids: list[Grid]) -> ImportReport:
        info = _info(grids)
        found = None
        for g in grids:
            if g.sheet == lay.INFO_SHEET:
                continue
            h = _find_header(g)
            if h:
                found = (g, *h)
                break
        if found is None:
            self.sheet = grids[0].sheet if grids else ""
            self.err(
                "",
                "找不到表头：需要“考评内容”和“分值”两列（也可用英文 Content / Points）",
                "no header row found: the sheet needs the columns 考评内容 and 分值 (or Content and Points)",
            )
            return self.report
        grid, hidx, cols = found
        self.sheet = grid.sheet
        title_lines = [next((c.text for c in cells if c.text), "") for _n, cells in grid.rows[:hidx]]
        title_lines = [t for t in title_lines if t]
        sections = self._sections(grid.rows[hidx + 1 :], cols, info)
        if self.report.problems:
            return self.report
        self._build(sections, title_lines, info)
        return self.report

    def _sections(self, rows, cols: dict[int, str], info: dict) -> list[_Section]:
        sections: list[_Section] = []
        last_section_text = ""
        total_row: tuple[float, str] | None = None
        for n, cells in rows:
            row = _Row(n, {key: cells[c] for c, key in cols.items() if c < len(cells)})
            texts = [c.text for c in cells if c.text]
            if not texts:
                continue
            labels = [row.text(k) for k in ("section", "number", "content")] + texts[:1]
            if any(lay.is_subtotal(t) for t in labels if t):
                self._check_subtotal(row, sections[-1] if sections else None)
                continue
            if any(lay.is_total(t) for t in labels if t):
                pts = _number(row.text("points"))
                if pts is not None:
                    total_row = (pts, row.ref("points"))
                continue
            distinct = {t for t in texts}
            if len(distinct) == 1 and _number(texts[0]) is None:  # a section row: one text, merged or not
                sid, title, pts = _section_title(texts[0])
                sections.append(_Section(title, next(c.ref for c in cells if c.text), sid, pts, raw=texts[0]))
                last_section_text = ""
                continue
            sec_text = row.text("section")
            if sec_text and sec_text != last_section_text:
                sid, title, pts = _section_title(sec_text)
                sections.append(_Section(title, row.ref("section"), sid, pts, raw=sec_text))
                last_section_text = sec_text
            if not sections:
                sections.append(_Section("考评内容", row.ref("content")))
                self.note(
                    row.ref("content"),
                    "表格没有“考评项目”，全部检查项归入一个分项",
                    "the sheet has no sections; every item goes into one section",
                )
            item = self._item(row)
            if item is not None:
                sections[-1].items.append(item)
            else:
                sections[-1].broken = True
        self._total_row = total_row
        return sections

    def _check_subtotal(self, row: _Row, sec: _Section | None) -> None:
        pts = _number(row.text("points"))
        if sec is None or pts is None or sec.broken:
            return
        have = sum(i["max"] for i in sec.items)
        if abs(have - pts) > 1e-9:
            self.err(
                row.ref("points"),
                f"小计写的是 {pts:g} 分，但“{sec.title}”各项相加是 {have:g} 分",
                f"the subtotal says {pts:g} points but the items of '{sec.title}' add up to {have:g}",
            )

    # -- one item row ------------------------------------------------------------------------
    def _item(self, row: _Row) -> dict | None:
        content = row.text("content")
        if not content:
            self.err(row.ref("content") or f"A{row.n}", "“考评内容”为空", "the content (考评内容) is empty")
            return None
        pts_text = row.text("points")
        pts = _number(pts_text) if pts_text else None
        rule = row.text("rule")
        d: dict = {
            "_row": row,
            "_no": row.text("number"),
            "title": {"zh": content, "en": row.text("title_en") or content},
        }
        if rule:
            d["guidance"] = rule
        if pts_text and pts is None:
            self.err(row.ref("points"), f"分值“{pts_text}”不是数字", f"the points '{pts_text}' are not a number")
            return None
        if pts is not None and pts < 0:
            self.err(row.ref("points"), f"分值 {pts:g} 不能为负数", f"the points {pts:g} cannot be negative")
            return None
        if row.text("type"):
            return self._item_literal(row, d, pts or 0.0)
        text = f"{content} {rule}"
        veto = "一票否决" in text or re.search(r"\bveto\b", text, re.I) is not None
        na = "不适用" in text or "N/A" in text
        if pts is None:
            if not veto:
                self.err(row.ref("points") or row.ref("content"), "“分值”为空", "the points (分值) are empty")
                return None
            pts = 0.0
        d["max"] = pts
        if veto and na:
            self.err(
                row.ref("rule") or row.ref("content"),
                "一票否决项不能标为“不适用”",
                "a veto item (一票否决) cannot be marked not applicable (不适用)",
            )
            return None
        if veto:
            d["veto"] = True
        if na:
            d["na_allowed"] = True
        deduct = _DEDUCT.search(rule)
        if pts == 0:
            if not veto:
                self.err(row.ref("points"), "分值为 0，又不是一票否决项", "0 points and not a veto item")
                return None
            d["type"] = "yes_no"
        elif _YES_NO.search(rule or ""):
            d["type"] = "yes_no"
        elif deduct:
            per = float(deduct.group(1))
            if per <= 0 or per > pts:
                self.err(
                    row.ref("rule"),
                    f"每项扣 {per:g} 分，超出分值 {pts:g}",
                    f"{per:g} points off per shortfall is more than the item's {pts:g}",
                )
                return None
            d["type"] = "deduction"
            step = _step_for(pts, per)
            if step is not None:
                d["step"] = step
            if abs(per - (step or 0.5)) > 1e-9:
                d["deduct_per"] = per
        else:
            d["type"] = "graded"
            step = _step_for(pts)
            if step is not None:
                d["step"] = step
        return d

    def _item_literal(self, row: _Row, d: dict, pts: float) -> dict | None:
        """A row from an exported sheet: every extra column taken as written (blank = default)."""
        try:
            d["type"] = ItemType.parse(row.text("type")).value
        except ValueError:
            self.err(row.ref("type"), f"方式“{row.text('type')}”无法识别", f"unknown type '{row.text('type')}'")
            return None
        d["max"] = pts
        for key in ("step", "deduct_per"):
            if row.text(key):
                v = _number(row.text(key))
                if v is None:
                    self.err(row.ref(key), f"“{row.text(key)}”不是数字", f"'{row.text(key)}' is not a number")
                    return None
                d[key] = v
        for key in ("veto", "na_allowed", "required"):
            try:
                b = _bool(row.text(key))
            except ValueError:
                self.err(row.ref(key), f"“{row.text(key)}”应为 是 或 否", f"'{row.text(key)}' should be yes or no")
                return None
            if b is not None and (b or key == "required"):
                d[key] = b
        if row.text("min_photos"):
            v = _number(row.text("min_photos"))
            if v is None or v != int(v) or v < 0:
                self.err(row.ref("min_photos"), "照片数应为非负整数", "photos must be a whole number >= 0")
                return None
            d["min_photos"] = int(v)
        for key in ("veto_reason", "category", "evidence", "guidance_en"):
            if row.text(key):
                d[key] = row.text(key)
        if row.text("choices"):
            try:
                d["choices"] = json.loads(row.text("choices"))
            except ValueError:
                self.err(row.ref("choices"), "选项不是有效的 JSON", "the choices are not valid JSON")
                return None
        if row.text("extra"):
            try:
                rest = json.loads(row.text("extra"))
                if not isinstance(rest, dict):
                    raise ValueError
            except ValueError:
                self.err(row.ref("extra"), "其他字段不是有效的 JSON 对象", "the extra fields are not a JSON object")
                return None
            d.update(rest)
        if row.text("range"):
            lo, sep, hi = row.text("range").partition("..")
            lo_v, hi_v = _number(lo) if lo else None, _number(hi) if hi else None
            if not sep or (lo and lo_v is None) or (hi and hi_v is None):
                self.err(row.ref("range"), "取值范围应写成 最小..最大", "the range must read min..max")
                return None
            if lo_v is not None:
                d["min_value"] = lo_v
            if hi_v is not None:
                d["max_value"] = hi_v
        return d

    # -- the form ----------------------------------------------------------------------------
    def _ids(self, sections: list[_Section], info: dict) -> None:
        """Section ids (from the sheet, the 表单信息 sheet, or A, B, C...) and item ids (序号)."""
        known = {zh: (sid, en) for sid, zh, en in info.get("sections", [])}
        used = {s.sid for s in sections if s.sid}
        letters = (chr(c) for c in range(ord("A"), ord("Z") + 1))
        for s in sections:
            if not s.sid:
                s.sid = next(x for x in letters if x not in used)
                used.add(s.sid)
            s.en = known.get(s.title, (None, ""))[1] or s.title
        numbers = [_id_text(i["_no"]) for s in sections for i in s.items]
        as_is = all(n and _ID.match(n) for n in numbers) and len(set(numbers)) == len(numbers)
        seen: dict[str, str] = {}
        for s in sections:
            for k, it in enumerate(s.items, start=1):
                num = _id_text(it["_no"])
                if isinstance(it.get("id"), str) and it["id"]:
                    iid = it["id"]  # an exported sheet whose 序号 is not the id carries the id
                elif as_is:
                    iid = num
                elif num and _ID.match(f"{s.sid}{num}"):
                    iid = f"{s.sid}{num}"
                else:
                    iid = f"{s.sid}{k}"
                    if num:
                        self.note(
                            it["_row"].ref("number"),
                            f"序号“{it['_no']}”不能作编号，改用 {iid}",
                            f"the number '{it['_no']}' cannot be an id; using {iid}",
                        )
                if iid in seen:
                    self.err(
                        it["_row"].ref("number"),
                        f"序号 {iid} 重复（第 {seen[iid]} 行已用）",
                        f"the number {iid} repeats (already used on row {seen[iid]})",
                    )
                seen[iid] = str(it["_row"].n)
                it["id"] = iid

    def _build(self, sections: list[_Section], title_lines: list[str], info: dict) -> None:
        # an exported sheet names its sections in 表单信息: their titles are taken as written
        known = {zh: sid for sid, zh, _en in info.get("sections", [])}
        for s in sections:
            if s.raw in known:
                s.sid, s.title, s.declared = known[s.raw], s.raw, None
        for s in sections:
            if not s.items:
                self.err(s.ref, f"考评项目“{s.title}”下没有检查项", f"the section '{s.title}' has no items")
            elif s.declared is not None and abs(sum(i["max"] for i in s.items) - s.declared) > 1e-9:
                have = sum(i["max"] for i in s.items)
                self.err(
                    s.ref,
                    f"“{s.title}”标明 {s.declared:g} 分，但各项相加是 {have:g} 分",
                    f"'{s.title}' says {s.declared:g} points but its items add up to {have:g}",
                )
        if not sections:
            self.err("", "表头下面没有检查项", "there are no items under the header")
        if self.report.problems:
            return
        self._ids(sections, info)
        items_ok = []
        for s in sections:
            for it in s.items:
                row: _Row = it["_row"]
                clean = {k: v for k, v in it.items() if not k.startswith("_")}
                try:
                    Item.model_validate(clean)
                except ValidationError as exc:
                    msg = "; ".join(
                        " / ".join(map(str, e["loc"])) + ": " + e["msg"].removeprefix("Value error, ")
                        if e["loc"]
                        else e["msg"].removeprefix("Value error, ")
                        for e in exc.errors()
                    )
                    self.err(
                        row.ref("points") or row.ref("content"), f"无法作为检查项：{msg}", f"not a valid item: {msg}"
                    )
                items_ok.append(clean)
        if self.report.problems:
            return
        total = sum(
            i["max"] for s in sections for i in s.items if i["type"] in ("yes_no", "graded", "deduction", "choice")
        )
        if self._total_row and abs(self._total_row[0] - total) > 1e-9:
            self.err(
                self._total_row[1],
                f"合计写的是 {self._total_row[0]:g} 分，但各项相加是 {total:g} 分",
                f"the total row says {self._total_row[0]:g} points but the items add up to {total:g}",
            )
            return
        data = self._form_fields(title_lines, info, total)
        if data is None:
            return
        data["sections"] = [
            {
                "id": s.sid,
                "title": {"zh": s.title, "en": s.en},
                "items": [{k: v for k, v in i.items() if not k.startswith("_")} for i in s.items],
            }
            for s in sections
        ]
        try:
            form = FormDef.model_validate(data)
        except ValidationError as exc:
            msg = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            self.err("", f"表单无效：{msg}", f"the form is invalid: {msg}")
            return
        if form.supersedes is None and self.previous is not None and "supersedes" not in info:
            sup = infer_map(form, self.previous)
            form = form.model_copy(update={"supersedes": sup})
            form = FormDef.model_validate(form.model_dump(mode="json", exclude_defaults=True, by_alias=True))
            self.note(
                "",
                f"替代已安装的版本 {self.previous.version}；版本映射按序号和名称推断，请核对",
                f"supersedes the installed version {self.previous.version}; the item map was "
                "inferred from numbers and titles: please confirm it",
            )
        self.report.form = form

    def _form_fields(self, title_lines: list[str], info: dict, total: float) -> dict | None:
        o = self.opt
        title = info.get("title_zh") or (title_lines[0] if title_lines else Path(self.report.source).stem)
        form_id = o.form_id or info.get("id") or Path(self.report.source).stem
        if not _ID.match(form_id):
            self.err(
                "",
                f"无法用文件名“{form_id}”作表单编号，请用 --id 指定（字母、数字、. _ -）",
                f"the file name '{form_id}' cannot be a form id; give one with --id (letters, digits, . _ -)",
            )
            return None
        version = o.version or info.get("version")
        if not version:
            version = _next_version(self.previous.version) if self.previous else "1"
        kind = o.kind or info.get("kind") or FormKind.RUBRIC.value
        levels = list(o.levels) or [x for x in info.get("levels", "").split(",") if x]
        if not levels:
            words = " ".join(title_lines) or title
            guess = [
                lv
                for lv, keys in (
                    (Level.VILLAGE, ("社区", "村")),
                    (Level.TOWN, ("乡镇", "街道")),
                    (Level.COUNTY, ("区县", "区（县）", "县级", "县")),
                )
                if any(k in words for k in keys)
            ]
            if len(guess) != 1:
                self.err(
                    "",
                    "无法从标题判断适用层级，请用 --level 指定（city、county、town、village）",
                    "cannot tell the level from the title; give it with --level (city, county, town, village)",
                )
                return None
            levels = [guess[0].value]
            self.note("", f"适用层级按标题定为 {guess[0].zh}", f"level taken from the title: {guess[0].value}")
        pass_mark: float | None = o.pass_mark
        if pass_mark is None and info.get("pass_mark"):
            pass_mark = _number(info["pass_mark"])
        if pass_mark is None and kind == FormKind.RUBRIC.value:
            m = _PASS_MARK.search(" ".join(title_lines))
            if m:
                pass_mark = float(m.group(1))
            else:
                pass_mark = round(total * 0.9, 2)
                self.note(
                    "",
                    f"未给出达标线，按满分的 90% 定为 {pass_mark:g}；可用 --pass-mark 修改",
                    f"no pass mark given: set to 90% of the total, {pass_mark:g} (change it with --pass-mark)",
                )
        data: dict = {
            "id": form_id,
            "version": version,
            "title": {"zh": title, "en": info.get("title_en") or title},
            "kind": kind,
            "levels": levels,
        }
        if pass_mark:
            data["pass_mark"] = pass_mark
        if info.get("max_points"):
            data["max_points"] = _number(info["max_points"])
        if info.get("na_rescale"):
            data["na_rescale"] = _bool(info["na_rescale"])
        if info.get("description"):
            data["description"] = info["description"]
        if info.get("supersedes"):
            data["supersedes"] = yaml.safe_load(info["supersedes"])
        if info.get("extra"):
            try:
                data.update(json.loads(info["extra"]))
            except ValueError:
                self.err("", "表单信息中的 extra 不是有效的 JSON", "the extra line of 表单信息 is not valid JSON")
                return None
        return data


def _next_version(v: str) -> str:
    head, dot, last = v.rpartition(".")
    if last.isdigit():
        return f"{head}{dot}{int(last) + 1}"
    return f"{v}.1"


def import_sheet(path: str | Path, options: Options | None = None, previous: FormDef | None = None) -> ImportReport:
    """Read a scoring sheet into a form; ``previous`` is the installed version it would replace.

    A file that cannot be opened at all raises FormError; everything else is in the report.
    """
    p = Path(path)
    grids = read_grids(p)
    return _Reader(p.name, options or Options(), previous).read(grids)


def form_yaml(form: FormDef) -> str:
    """A form as YAML text, fields at their default left out (``forms check`` reads it back)."""
    data = form.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def import_error(report: ImportReport, lang: str = "zh") -> FormError:
    """The report's problems as one FormError (the CLI prints it)."""
    n = len(report.problems)
    zh = f"评分表 {report.source} 有 {n} 处无法识别，未写入任何文件：\n" + "\n".join(report.lines("zh"))
    en = f"The scoring sheet {report.source} has {n} problem(s); nothing was written:\n" + "\n".join(report.lines("en"))
    return FormError(zh, message_en=en)
