"""Chinese for every string of the task-pack UI (builds resources/i18n/packs_zh_CN.ts and .qm).

python tests/ui/packs/zh_strings.py   # runs lupdate, fills the translations, runs lrelease
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCES = sorted((ROOT / "fengqiao_desktop" / "ui" / "packs").glob("*.py"))
TS = ROOT / "resources" / "i18n" / "packs_zh_CN.ts"

ZH = {
    # the bureau's page
    "No.": "序号",
    "Made at (UTC)": "生成时间（UTC）",
    "Inspector key": "检查人员密钥",
    "Assignments": "任务",
    "Findings to re-check": "待回头看问题",
    "Stations": "站点",
    "File": "文件",
    "Task packs": "任务包",
    "Bureau signing key": "县局签名密钥",
    "Bureau name:": "县局名称：",
    "Parent body:": "上级单位：",
    "Passphrase:": "口令：",
    "Repeat passphrase:": "再次输入口令：",
    "e.g. Chengguan District Veterans Affairs Bureau": "例如：城关区退役军人事务局",
    "Create the bureau key": "创建县局密钥",
    "New task pack": "新建任务包",
    "Inspector:": "检查人员：",
    "Counties whose roster goes along (none: the whole roster), and the stations to assign:": "随包发送名册的区县（不选则发送全部名册），以及要分派的站点：",
    "Select stations:": "选择站点：",
    "Due date:": "完成时限：",
    "Note:": "备注：",
    "Save to folder:": "保存到文件夹：",
    "Bureau key passphrase:": "县局密钥口令：",
    "Towns/streets": "街道（乡镇）",
    "Villages/communities": "社区（村）",
    "Counties": "区（县）",
    "only those not yet demonstration-grade": "仅限尚未示范型达标的",
    "List stations": "列出站点",
    "e.g. the USB drive": "例如 U 盘",
    "Browse…": "浏览…",
    "Build and sign the pack": "生成并签名任务包",
    "Packs made:": "已生成的任务包：",
    "Loading task packs…": "正在读取任务包…",
    "The bureau has no signing key yet. Task packs are signed with it,\nand inspectors' laptops accept "
    "packs from this key alone.": "本局尚未创建签名密钥。任务包用它签名，\n检查人员的电脑只接受此密钥签发的任务包。",
    "{name} ({unit})\nKey id: {key_id}\nFingerprint: {fingerprint}\nInspectors compare this fingerprint "
    "when they import the first pack.": "{name}（{unit}）\n密钥 ID：{key_id}\n指纹：{fingerprint}\n检查人员导入第一个任务包时需核对此指纹。",
    "Bundles are encrypted to: {recipient} (fingerprint {fingerprint})": "数据包加密给：{recipient}（指纹 {fingerprint}）",
    "The encryption key for bundles is made with the next task pack.": "数据包的加密公钥将在制作下一个任务包时创建。",
    "Creating the bureau key…": "正在创建县局密钥…",
    "Listing stations…": "正在列出站点…",
    "Choose the inspector, at least one station and the folder first.": "请先选择检查人员、至少一个站点和保存文件夹。",
    "Pack number {seq} written and verified:\n{path}": "第 {seq} 号任务包已写入并校验通过：\n{path}",
    "Building the task pack…": "正在生成任务包…",
    # my tasks
    "Not started": "未开始",
    "Draft": "草稿",
    "Completed, not exported": "已完成未导出",
    "Exported": "已导出",
    "Overdue": "已逾期",
    "All assignments": "全部任务",
    "Drafts": "草稿",
    "Due": "完成时限",
    "Station": "站点",
    "Code": "代码",
    "Forms": "表单",
    "State": "状态",
    "Note": "备注",
    "{n} assignments from the bureau, {overdue} overdue. Double-click one to start the visit with its forms.": "县局分派的任务 {n} 项，其中 {overdue} 项已逾期。双击任务即按分派的表单开始走访。",
    "No assignments yet. Import the bureau's task pack under File → Import task pack….": "暂无任务。请在“文件 → 导入任务包…”中导入县局的任务包。",
    "Loading my tasks…": "正在读取我的任务…",
    "My tasks": "我的任务",
    # import
    "Import task pack": "导入任务包",
    "Task pack number {seq} from {bureau}:\n{stations} stations, {forms} forms, {assignments} assignments, "
    "{findings} findings to re-check, {returned} returned inspections.": "来自{bureau}的第 {seq} 号任务包：\n站点 {stations} 个，表单 {forms} 份，任务 {assignments} 项，"
    "待回头看问题 {findings} 项，退回的检查 {returned} 份。",
    "This is the first task pack on this computer. Compare the bureau key's fingerprint below with the one "
    "the bureau gave you (on paper, by phone, or its QR code). Import only if they are the same: from now on "
    "this computer accepts task packs signed by this key alone.": "这是本机收到的第一个任务包。请将下面的县局密钥指纹与县局提供的指纹（纸面、电话或二维码）逐位核对，"
    "完全一致才能导入：此后本机只接受此密钥签发的任务包。",
    "Bureau key {key_id}, fingerprint:": "县局密钥 {key_id}，指纹：",
    "The bureau's public key as a QR code": "县局公钥二维码",
    "The fingerprint matches — import": "指纹一致，导入",
    "Signed by the bureau key this computer trusts ({key_id}).": "由本机信任的县局密钥（{key_id}）签发。",
    "Import": "导入",
    "Cancel": "取消",
    "Task packs (*.fqpack)": "任务包 (*.fqpack)",
    "Importing the task pack…": "正在导入任务包…",
    "Task pack number {seq} imported: {assignments} assignments are in My tasks.": "第 {seq} 号任务包已导入：{assignments} 项任务已列入“我的任务”。",
    "Checking the task pack…": "正在校验任务包…",
    "Import task pack…": "导入任务包…",
}


def build() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ui, for the shared builder
    from ts_build import build_ts

    build_ts(SOURCES, TS, ZH)


if __name__ == "__main__":
    build()
