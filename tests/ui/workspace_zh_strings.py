"""Chinese for the workspace strings (shortcuts, undo, window fit, filters): builds workspace_zh_CN.ts.

    python tests/ui/workspace_zh_strings.py   # writes the .ts and compiles the .qm with lrelease

Some sources are not literal ``translate`` calls (the editor's key descriptions
are data in ``ui/editor/keys.py``), so this file lists the strings itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ts_build import write_ts  # noqa: E402

ZH: dict[str, dict[str, str]] = {
    "MainWindow": {
        "Keyboard shortcuts": "快捷键",
    },
    "Shortcuts": {
        "Keyboard shortcuts": "快捷键",
        "Key": "按键",
        "Action": "功能",
        "Go to the note of the current item": "转到当前项目的备注",
        "Mark the current item not applicable (N/A)": "将当前项目标为不适用",
        "Add photos to the current item": "为当前项目添加照片",
        "Open the photo gallery": "打开照片库",
        "Save the score sheet as PDF": "将评分表保存为 PDF",
        "Undo the last change of an answer, note or N/A": "撤销上一次对评分、备注或“不适用”的修改",
        "Redo": "重做",
        "Go to the next unanswered item or missing photo": "转到下一个未填写或缺照片的项目",
        "Next item": "下一项",
        "Previous item": "上一项",
        "Yes / No": "是 / 否",
        "Full marks": "满分",
        "Type the points; choose an option by its number": "输入分数；按序号选择选项",
        "Clear the answer": "清除评分",
        "Paste a photo into the current item": "将照片粘贴到当前项目",
        "Change {n} {title}": "修改 {n} {title}",
        "Nothing missing": "没有缺项",
    },
    "StationFilter": {
        "All stations": "全部服务站",
        "Not inspected": "未检查",
        "Drafts": "草稿",
        "Completed, not exported": "已完成未导出",
        "Open findings": "有未销号整改事项",
        "Overdue findings": "整改逾期",
        "Show:": "显示：",
        "{label} ({count})": "{label}（{count}）",
    },
    "Photos": {
        "Taken {days} days before the visit": "早于走访 {days} 天拍摄",
        "Taken {time}": "拍摄于 {time}",
        "No capture time in the file": "文件中没有拍摄时间",
        "Fingerprint {hash}…": "指纹 {hash}…",
        "Location {position}": "拍摄位置 {position}",
        "Photo caption": "照片说明",
        "Caption for {n} new photo(s) (printed on the score sheet):": "为新添加的 {n} 张照片填写说明（将打印在评分表上）：",
        "Photo {i}: taken {day}, {days} days before the visit ({visit})": "照片 {i}：拍摄于 {day}，比走访日期（{visit}）早 {days} 天",
        "These photos are older than the visit. Do they show the station as it is today?": "以下照片的拍摄时间早于本次走访。它们能反映服务站的现状吗？",
        "Save caption": "保存说明",
        "Skip": "跳过",
    },
}

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources/i18n/workspace_zh_CN.ts"


def build() -> None:
    write_ts(TS, ZH)


if __name__ == "__main__":
    build()
