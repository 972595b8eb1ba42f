"""Chinese for the rectification follow-up (回头看 → 销号): builds followup_zh_CN.ts and its .qm.

    python tests/ui/followup_zh_strings.py   # writes the .ts and compiles the .qm with lrelease

Contexts: ``Recheck`` (the editor's 回头看 panel, ``ui/editor/recheck_panel.py``) and
``BureauFollowup`` (the review page's 待销号 list, ``ui/bureau/review/followups.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ts_build import write_ts  # noqa: E402

ZH: dict[str, dict[str, str]] = {
    "Recheck": {
        "Rectified": "已整改",
        "Still open": "仍未整改",
        "{verdict}: {note}": "{verdict}：{note}",
        "Not re-checked yet": "未复查",
        "Returned by the bureau ({who}, {when}):": "县局退回（{who}，{when}）：",
        "Correct it and complete it again; it goes back with your next export.": "请修改后重新完成检查，下次导出时一并交回。",
        "Re-check: rectified": "回头看：已整改",
        "What did you check on site?": "现场核查了什么？",
        "Choose photo…": "选择照片…",
        "No photo chosen": "尚未选择照片",
        "Finding": "整改问题",
        "Note (required)": "核查说明（必填）",
        "Photo of the rectified state": "整改后的现场照片",
        "Images ({patterns})": "图片（{patterns}）",
        "Re-check: findings the bureau sent ({n})": "回头看：县局下发的待整改问题（{n}）",
        "deadline {date}": "整改时限 {date}",
        "found by {name}": "发现人 {name}",
        "Rectified…": "已整改…",
        "Processing photos": "正在处理照片",
        "Re-check": "回头看",
    },
    "BureauFollowup": {
        "Station": "服务站",
        "Finding": "整改问题",
        "Deadline": "整改时限",
        "Re-check note": "复查说明",
        "Re-checked by": "复查人",
        "Close a finding": "整改问题销号",
        "Close “{what}” at {station}? It stops counting as open in coverage.": "将{station}的“{what}”销号？销号后不再计入未整改数。",
        "Re-check by {who}: {note}": "{who} 复查：{note}",
        "No photo": "没有照片",
        "Closed by": "销号人",
        "Note": "备注",
        "Rectified at a re-check, awaiting closure": "复查已整改，待销号",
        "Close finding…": "销号…",
        "Loading findings": "正在读取整改问题",
        "{n} finding(s) to close": "{n} 个问题待销号",
        "Closing the finding": "正在销号",
    },
}

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources/i18n/followup_zh_CN.ts"


def build() -> None:
    write_ts(TS, ZH)


if __name__ == "__main__":
    build()
