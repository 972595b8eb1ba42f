"""Chinese for every string of the identity, export and first-run UI (builds identity_zh_CN.ts).

python tests/ui/identity/zh_strings.py   # runs lupdate, fills the translations, runs lrelease
"""

from __future__ import annotations

import sys
from pathlib import Path

ZH = {
    # Export
    "Export signed bundle": "导出签名数据包",
    "Completed inspections not exported yet:": "已完成、尚未导出的检查：",
    "Everything changed since the last export (every completed revision)": "上次导出以来的全部变更（每个已完成的版本）",
    "e.g. the USB drive": "例如 U 盘",
    "Browse…": "浏览…",
    "Save to folder:": "保存到文件夹：",
    "Key passphrase:": "密钥口令：",
    "Open folder": "打开文件夹",
    "Export": "导出",
    "Cancel": "取消",
    "Close": "关闭",
    "Nothing selected.": "未选择任何检查。",
    "{total} pts": "{total} 分",
    "Save bundle to": "数据包保存位置",
    "Stopping…": "正在停止…",
    "Bundle written and verified:\n{path}": "数据包已写入并校验通过：\n{path}",
    "Export cancelled. Nothing was written and nothing was changed.": "导出已取消。未写入任何文件，数据未作任何更改。",
    "Export failed. Nothing was changed.": "导出失败，数据未作任何更改。",
    # first-run wizard: encrypting the data folder
    "Encrypt this computer's data with this passphrase (recommended)": "用此口令加密本机数据（推荐）",
    "The inspections and photos on this computer are then unreadable without the passphrase, "
    "which is asked at every start. It can also be done later under File.": "加密后，没有口令就无法读取本机上的检查记录和照片；"
    "每次启动时需输入口令。也可以以后在“文件”菜单中加密。",
    # DataLock: unlocking at start, File → Encrypt this computer's data…
    "Unlock this computer's data": "解锁本机数据",
    "The inspections and photos on this computer are encrypted. Enter the passphrase "
    "(the passphrase of your signing key) to open them.": "本机上的检查记录和照片已加密。请输入口令（即您签名密钥的口令）以打开。",
    "Data folder: {path}": "数据文件夹：{path}",
    "Unlock": "解锁",
    "Quit": "退出",
    "Wrong passphrase. Try again.": "口令不正确，请重新输入。",
    "Encrypt this computer's data": "加密本机数据",
    "Encrypt this computer's data…": "加密本机数据…",
    "The local database, its backup copies and the photos are encrypted, so that someone "
    "who takes this computer or its disk cannot read them. The program then asks the "
    "passphrase at every start. Close other programs that use the data first.": "本地数据库、其备份副本和照片都将被加密，"
    "即使电脑或硬盘丢失，他人也无法读取。此后每次启动程序时都需输入口令。请先关闭其他使用这些数据的程序。",
    "A copy of the database is kept in {folder} before anything changes; once the "
    "encrypted database has been checked, that copy is encrypted with the same passphrase.": "开始前会在 {folder} "
    "中保留一份数据库副本；加密后的数据库校验通过后，该副本也会用同一口令加密。",
    "Passphrase of your signing key:": "签名密钥的口令：",
    "Nobody can recover the passphrase: if it is lost, the data on this computer cannot be opened.": "口令无法找回："
    "一旦遗忘，本机数据将无法打开。",
    "Encrypt": "加密",
    "Checking the data…": "正在检查数据…",
    "Copying the database to the backups folder…": "正在将数据库备份到备份文件夹…",
    "Encrypting the database…": "正在加密数据库…",
    "Putting the encrypted database in place…": "正在启用加密后的数据库…",
    "Encrypting the backup copies…": "正在加密备份副本…",
    "Encrypting the photos…": "正在加密照片…",
    "This computer's data is already encrypted.": "本机数据已经加密。",
    "Wait until the running task has finished, then try again.": "请等待正在进行的任务完成后再试。",
    "This computer's data is encrypted. The passphrase is asked at every start.": "本机数据已加密。此后每次启动时需输入口令。",
    "The copy made before is kept, encrypted, in:\n{path}": "加密前的副本已加密保存在：\n{path}",
    "Encryption cancelled. The data is as it was.": "已取消加密，数据保持原样。",
    # FirstRun
    "This computer is at the bureau: also set up the central database with this roster and open the Bureau workspace": "本机在局端使用：同时用此名册建立中心库，并打开局端工作区",
    "Setting up the central database": "正在建立中心库",
    "Welcome to Fengqiao Desktop": "欢迎使用枫桥桌面版",
    "A few steps set up this computer for inspections. Choose the interface language.": "只需几步即可在本机开始检查工作。请先选择界面语言。",
    "The language can be changed later under View → Language.": "以后可在“视图 → 语言”中更改。",
    "Inspector": "检查人员",
    "Who inspects with this computer. Name and unit appear on score sheets and bundles.": "使用本机进行检查的人员。姓名和单位将显示在评分表和数据包中。",
    "Name:": "姓名：",
    "Unit:": "单位：",
    "Phone (optional):": "电话（可选）：",
    "e.g. Chengguan District Veterans Affairs Bureau": "例如：城关区退役军人事务局",
    "You can change these later under File → Inspector and signing key….": "以后可在“文件 → 检查员与密钥…”中修改。",
    "Signing key": "签名密钥",
    "Bundles you export are signed with your own key, so the bureau knows they come from you.": "导出的数据包用您本人的密钥签名，县局据此确认数据来自您。",
    "Choose a passphrase of at least 8 characters. It is asked each time you export.": "请设置至少 8 个字符的口令，每次导出时都需要输入。",
    "Skip for now": "暂时跳过",
    "Bureau signing key": "县局签名密钥",
    "Task packs the bureau sends to inspectors are signed with the bureau's own key. Choose its passphrase "
    "(at least 8 characters); keep it with the bureau, not with one person.": "县局发给检查人员的任务包用县局自己的密钥签名。请设置县局密钥口令（至少 8 个字符），由单位保管，而不是由个人保管。",
    "Bureau name:": "县局名称：",
    "Parent body:": "上级单位：",
    "Later, on the Task packs page": "以后在“任务包”页面创建",
    "The bureau key exists. Fingerprint for inspectors to compare: {fingerprint}": "县局密钥已创建。供检查人员核对的指纹：{fingerprint}",
    "Without a key you can inspect and print score sheets, but you cannot export bundles. Create the key "
    "later under File → Inspector and signing key….": "没有密钥也可以检查和打印评分表，但不能导出数据包。以后可在“文件 → 检查员与密钥…”中创建密钥。",
    "Creating the key…": "正在创建密钥…",
    "Key {key_id} created.": "已创建密钥 {key_id}。",
    "Stations": "服务站",
    "Which stations to start with. A roster can also be imported later under File.": "选择初始的服务站数据。以后也可在“文件”菜单中导入名册。",
    "Demonstration roster (兰州市, for trying the program out)": "演示名册（兰州市，供试用）",
    "Import a roster file (CSV or XLSX) from the bureau:": "导入县局提供的名册文件（CSV 或 XLSX）：",
    "Nothing for now": "暂不导入",
    "Choose file…": "选择文件…",
    "Roster file": "名册文件",
    "Rosters (*.csv *.xlsx);;All files (*)": "名册 (*.csv *.xlsx);;所有文件 (*)",
    "Set up Fengqiao Desktop": "设置枫桥桌面版",
    "Next >": "下一步 >",
    "< Back": "< 上一步",
    "Finish": "完成",
    # Identity
    "Create signing key": "创建签名密钥",
    "This replaces key {key_id}. The old key is backed up but will no longer sign; the bureau must register "
    "the new public key.": "这将替换密钥 {key_id}。旧密钥会备份，但不再用于签名；新公钥需在县局重新登记。",
    "Inspector and signing key": "检查员与密钥",
    "Phone:": "电话：",
    "Save profile": "保存资料",
    "Key id:": "密钥 ID：",
    "Public key:": "公钥：",
    "Export .pub file…": "导出 .pub 文件…",
    "Create new key…": "创建新密钥…",
    "Import minisign key…": "导入 minisign 密钥…",
    "Give the .pub file (or let the bureau scan the QR code) to register this key; bundles signed with it "
    "are accepted only after that.": "请将 .pub 文件交给县局（或由县局扫描二维码）登记此密钥；登记后，用它签名的数据包才会被接收。",
    "no key yet": "尚无密钥",
    "No signing key on this computer yet. Bundles cannot be exported until you create or import one.": "本机还没有签名密钥。创建或导入密钥之前无法导出数据包。",
    "Import minisign secret key": "导入 minisign 私钥",
    "minisign secret keys (*.key);;All files (*)": "minisign 私钥 (*.key);;所有文件 (*)",
    "Replace key": "替换密钥",
    "Replace key {key_id} with the imported key? The bureau must register the new public key.": "用导入的密钥替换密钥 {key_id}？新公钥需在县局重新登记。",
    "Passphrase": "口令",
    "Passphrase of the minisign key:": "minisign 私钥的口令：",
    "Export public key": "导出公钥",
    "minisign public keys (*.pub)": "minisign 公钥 (*.pub)",
    "Inspector and signing key…": "检查员与密钥…",
    "too short (at least 8 characters)": "太短（至少 8 个字符）",
    "weak": "弱",
    "fair": "一般",
    "good": "较强",
    "strong": "强",
    "Passphrase:": "口令：",
    "Repeat:": "再输一次：",
    "Remember this passphrase. It protects your signing key and cannot be recovered or reset by anyone: if "
    "it is lost, you need a new key and the bureau must register it again.": "请牢记此口令。它保护您的签名密钥，任何人都无法找回或重置：一旦遗忘，只能创建新密钥并到县局重新登记。",
    "Strength: {label}": "强度：{label}",
    "(the two entries differ)": "（两次输入不一致）",
    # bundle encryption
    "Bureau encryption key": "县局加密公钥",
    "Fingerprint: {fingerprint}\n\nIs it the same as the one the bureau gave you?": "指纹：{fingerprint}\n\n与县局提供的指纹一致吗？",
    "Bundle encryption": "数据包加密",
    "Add": "添加",
    "Bureau's encryption key:": "县局加密公钥：",
    "Bundles are encrypted: only the bureau (and you) can open them. Keys: {keys}": "数据包已加密：只有县局（和您本人）能打开。公钥：{keys}",
    "Bundles are NOT encrypted yet: the bureau's encryption key comes with its task pack, or enter it here "
    "after comparing its fingerprint with the bureau.": "数据包尚未加密：县局的加密公钥随其任务包送达，也可在与县局核对指纹后在此填入。",
}

ROOT = Path(__file__).resolve().parents[3]
SOURCES = [
    *sorted((ROOT / "fengqiao_desktop/ui/identity").glob("*.py")),
    *sorted((ROOT / "fengqiao_desktop/ui/export").glob("*.py")),
    *sorted((ROOT / "fengqiao_desktop/ui/firstrun").glob("*.py")),
]
TS = ROOT / "resources/i18n/identity_zh_CN.ts"


def build() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ui, for the shared builder
    from ts_build import build_ts

    build_ts(SOURCES, TS, ZH)


if __name__ == "__main__":
    build()
