"""Chinese for every string of the Bureau forms page and the sheet import dialog (builds forms_zh_CN.ts).

python tests/ui/bureau_forms/zh_strings.py   # runs lupdate, fills the translations, runs lrelease
"""

from __future__ import annotations

import sys
from pathlib import Path

ZH = {
    "Import a scoring sheet": "导入评分表",
    "an .xlsx or .csv file saved by Excel or WPS": "Excel 或 WPS 保存的 .xlsx 或 .csv 文件",
    "Browse…": "浏览…",
    "from the sheet or the file name": "取自表格或文件名",
    "from the title, else 90% of the total": "取自标题，否则为满分的 90%",
    "Read the sheet": "读取评分表",
    "Sheet file": "评分表文件",
    "Form id": "表单编号",
    "Levels": "适用层级",
    "Pass mark": "达标线",
    "Import": "导入",
    "Close": "关闭",
    "Choose a scoring sheet": "选择评分表",
    "Scoring sheets (*.xlsx *.csv);;All files (*)": "评分表 (*.xlsx *.csv);;所有文件 (*)",
    "Reading the scoring sheet": "正在读取评分表",
    "%1 cell(s) could not be read. Nothing will be written; correct the sheet and read it again.": "有 %1 处无法识别，不会写入任何文件；请修改评分表后重新读取。",
    "%1 — %2 version %3: %4 sections, %5 items, %6 points, pass mark %7.": "%1 —— %2 版本 %3：%4 个分项，%5 个检查项，满分 %6，达标线 %7。",
    "This version is already installed.": "此版本已安装。",
    "Changes against the installed version %1 (total %2 → %3 points):": "与已安装的版本 %1 相比的变更（满分 %2 → %3）：",
    "Kind": "类型",
    "Problem": "问题",
    "Note": "提示",
    "Sheet": "工作表",
    "Cell": "单元格",
    "Details": "说明",
    "Change": "变更",
    "Old item": "原检查项",
    "New item": "新检查项",
    "Title": "名称",
    "Points": "分值",
    "Points changed": "分值变化",
    "Renamed": "改名",
    "Moved": "移动",
    "Split": "拆分",
    "Merged": "合并",
    "Removed": "删除",
    "Added": "新增",
    "Form": "表单",
    "Version": "版本",
    "Supersedes": "替代版本",
    "Items": "检查项",
    "Forms": "表单",
    "The forms on this computer: the shipped ones and the bureau's own. Import a bureau's scoring sheet "
    "from Excel or WPS, or export a form to XLSX for review and printing.": "本机的表单：随软件提供的表单和本局自己的表单。可从 Excel 或 WPS 导入评分表，或将表单导出为 XLSX 以便审阅和打印。",
    "Import a scoring sheet…": "导入评分表…",
    "Export to XLSX…": "导出为 XLSX…",
    "Loading forms": "正在读取表单",
    "Export the form to XLSX": "将表单导出为 XLSX",
    "Exporting the form": "正在导出表单",
    # registering at the bureau
    "Register at the bureau…": "在本局登记…",
    "Accept inspections scored with the selected form; a new version shows its changes first": "接收用所选表单评分的检查；新版本先列出其变更",
    "Choose a form in the list first.": "请先在列表中选择一个表单。",
    "Comparing with the bureau's forms": "正在与本局已登记的表单比对",
    "Nothing registered.": "未登记任何表单。",
    "Registered at the bureau: %1 version %2.": "已在本局登记：%1 版本 %2。",
    "Registering the form": "正在登记表单",
    "Register the form at the bureau": "在本局登记表单",
    "Register": "登记",
    "Cancel": "取消",
    "%1 version %2 is already registered at the bureau; nothing to do.": "%1 版本 %2 已在本局登记，无需操作。",
    "%1 version %2 replaces the registered version %3 (total %4 → %5 points):": "%1 版本 %2 替代已登记的版本 %3（满分 %4 → %5）：",
    "%1 item(s) added, %2 removed, %3 with points changed. Accept these changes and register?": "新增 %1 项，删除 %2 项，分值变化 %3 项。接受以上变更并登记？",
    "%1 version %2 is new at the bureau: %3 items, %4 points.": "%1 版本 %2 尚未在本局登记：%3 个检查项，满分 %4。",
    "Register it so that inspections scored with it are accepted?": "登记后，用它评分的检查才会被接收。现在登记吗？",
}

ROOT = Path(__file__).resolve().parents[3]
SOURCES = sorted((ROOT / "fengqiao_desktop/ui/bureau/forms").glob("*.py"))
TS = ROOT / "resources/i18n/forms_zh_CN.ts"


def build() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ui, for the shared builder
    from ts_build import build_ts

    build_ts(SOURCES, TS, ZH)


if __name__ == "__main__":
    build()
