<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DataLock</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="96" />
        <source>Unlock this computer's data</source>
        <translation>解锁本机数据</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="98" />
        <source>The inspections and photos on this computer are encrypted. Enter the passphrase (the passphrase of your signing key) to open them.</source>
        <translation>本机上的检查记录和照片已加密。请输入口令（即您签名密钥的口令）以打开。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="104" />
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="106" />
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="109" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="112" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="152" />
        <source>Wrong passphrase. Try again.</source>
        <translation>口令不正确，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="214" />
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="300" />
        <source>Encrypt this computer's data</source>
        <translation>加密本机数据</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="216" />
        <source>The local database, its backup copies and the photos are encrypted, so that someone who takes this computer or its disk cannot read them. The program then asks the passphrase at every start. Close other programs that use the data first.</source>
        <translation>本地数据库、其备份副本和照片都将被加密，即使电脑或硬盘丢失，他人也无法读取。此后每次启动程序时都需输入口令。请先关闭其他使用这些数据的程序。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="224" />
        <source>A copy of the database is kept in {folder} before anything changes; once the encrypted database has been checked, that copy is encrypted with the same passphrase.</source>
        <translation>开始前会在 {folder} 中保留一份数据库副本；加密后的数据库校验通过后，该副本也会用同一口令加密。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="231" />
        <source>Passphrase of your signing key:</source>
        <translation>签名密钥的口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="235" />
        <source>Nobody can recover the passphrase: if it is lost, the data on this computer cannot be opened.</source>
        <translation>口令无法找回：一旦遗忘，本机数据将无法打开。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="241" />
        <source>Encrypt</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="244" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="263" />
        <source>Checking the data…</source>
        <translation>正在检查数据…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="264" />
        <source>Copying the database to the backups folder…</source>
        <translation>正在将数据库备份到备份文件夹…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="265" />
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="266" />
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="267" />
        <source>Putting the encrypted database in place…</source>
        <translation>正在启用加密后的数据库…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="268" />
        <source>Encrypting the backup copies…</source>
        <translation>正在加密备份副本…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="269" />
        <source>Encrypting the photos…</source>
        <translation>正在加密照片…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="302" />
        <source>This computer's data is already encrypted.</source>
        <translation>本机数据已经加密。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="313" />
        <source>Wait until the running task has finished, then try again.</source>
        <translation>请等待正在进行的任务完成后再试。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="335" />
        <source>This computer's data is encrypted. The passphrase is asked at every start.</source>
        <translation>本机数据已加密。此后每次启动时需输入口令。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="339" />
        <source>The copy made before is kept, encrypted, in:
{path}</source>
        <translation>加密前的副本已加密保存在：
{path}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="354" />
        <source>Encryption cancelled. The data is as it was.</source>
        <translation>已取消加密，数据保持原样。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/datalock.py" line="368" />
        <source>Encrypt this computer's data…</source>
        <translation>加密本机数据…</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="68" />
        <source>Export signed bundle</source>
        <translation>导出签名数据包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="75" />
        <source>Completed inspections not exported yet:</source>
        <translation>已完成、尚未导出的检查：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="79" />
        <source>Everything changed since the last export (every completed revision)</source>
        <translation>上次导出以来的全部变更（每个已完成的版本）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="95" />
        <source>e.g. the USB drive</source>
        <translation>例如 U 盘</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="96" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="100" />
        <source>Save to folder:</source>
        <translation>保存到文件夹：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="104" />
        <source>Key passphrase:</source>
        <translation>密钥口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="123" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="127" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="131" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="134" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="154" />
        <source>{total} pts</source>
        <translation>{total} 分</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="203" />
        <source>Nothing selected.</source>
        <translation>未选择任何检查。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="210" />
        <source>Save bundle to</source>
        <translation>数据包保存位置</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="277" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="291" />
        <source>Bundle written and verified:
{path}</source>
        <translation>数据包已写入并校验通过：
{path}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="303" />
        <source>Export cancelled. Nothing was written and nothing was changed.</source>
        <translation>导出已取消。未写入任何文件，数据未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/export/dialog.py" line="312" />
        <source>Export failed. Nothing was changed.</source>
        <translation>导出失败，数据未作任何更改。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="103" />
        <source>Welcome to Fengqiao Desktop</source>
        <translation>欢迎使用枫桥桌面版</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="105" />
        <source>A few steps set up this computer for inspections. Choose the interface language.</source>
        <translation>只需几步即可在本机开始检查工作。请先选择界面语言。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="110" />
        <source>The language can be changed later under View → Language.</source>
        <translation>以后可在“视图 → 语言”中更改。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="135" />
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="137" />
        <source>Who inspects with this computer. Name and unit appear on score sheets and bundles.</source>
        <translation>使用本机进行检查的人员。姓名和单位将显示在评分表和数据包中。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="144" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="145" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="146" />
        <source>Phone (optional):</source>
        <translation>电话（可选）：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="152" />
        <source>e.g. Chengguan District Veterans Affairs Bureau</source>
        <translation>例如：城关区退役军人事务局</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="155" />
        <source>You can change these later under File → Inspector and signing key….</source>
        <translation>以后可在“文件 → 检查员与密钥…”中修改。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="204" />
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="206" />
        <source>Bundles you export are signed with your own key, so the bureau knows they come from you.</source>
        <translation>导出的数据包用您本人的密钥签名，县局据此确认数据来自您。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="211" />
        <source>Choose a passphrase of at least 8 characters. It is asked each time you export.</source>
        <translation>请设置至少 8 个字符的口令，每次导出时都需要输入。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="215" />
        <source>Skip for now</source>
        <translation>暂时跳过</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="217" />
        <source>Without a key you can inspect and print score sheets, but you cannot export bundles. Create the key later under File → Inspector and signing key….</source>
        <translation>没有密钥也可以检查和打印评分表，但不能导出数据包。以后可在“文件 → 检查员与密钥…”中创建密钥。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="224" />
        <source>Encrypt this computer's data with this passphrase (recommended)</source>
        <translation>用此口令加密本机数据（推荐）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="227" />
        <source>The inspections and photos on this computer are then unreadable without the passphrase, which is asked at every start. It can also be done later under File.</source>
        <translation>加密后，没有口令就无法读取本机上的检查记录和照片；每次启动时需输入口令。也可以以后在“文件”菜单中加密。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="264" />
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="530" />
        <source>Creating the key…</source>
        <translation>正在创建密钥…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="280" />
        <source>Key {key_id} created.</source>
        <translation>已创建密钥 {key_id}。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="339" />
        <source>Stations</source>
        <translation>服务站</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="341" />
        <source>Which stations to start with. A roster can also be imported later under File.</source>
        <translation>选择初始的服务站数据。以后也可在“文件”菜单中导入名册。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="346" />
        <source>Demonstration roster (兰州市, for trying the program out)</source>
        <translation>演示名册（兰州市，供试用）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="349" />
        <source>Import a roster file (CSV or XLSX) from the bureau:</source>
        <translation>导入县局提供的名册文件（CSV 或 XLSX）：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="351" />
        <source>Nothing for now</source>
        <translation>暂不导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="353" />
        <source>This computer is at the bureau: also set up the central database with this roster and open the Bureau workspace</source>
        <translation>本机在局端使用：同时用此名册建立中心库，并打开局端工作区</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="359" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="417" />
        <source>Roster file</source>
        <translation>名册文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="419" />
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>名册 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="477" />
        <source>Bureau signing key</source>
        <translation>县局签名密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="479" />
        <source>Task packs the bureau sends to inspectors are signed with the bureau's own key. Choose its passphrase (at least 8 characters); keep it with the bureau, not with one person.</source>
        <translation>县局发给检查人员的任务包用县局自己的密钥签名。请设置县局密钥口令（至少 8 个字符），由单位保管，而不是由个人保管。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="485" />
        <source>Bureau name:</source>
        <translation>县局名称：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="486" />
        <source>Parent body:</source>
        <translation>上级单位：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="487" />
        <source>Later, on the Task packs page</source>
        <translation>以后在“任务包”页面创建</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="501" />
        <source>The bureau key exists. Fingerprint for inspectors to compare: {fingerprint}</source>
        <translation>县局密钥已创建。供检查人员核对的指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="584" />
        <source>Set up Fengqiao Desktop</source>
        <translation>设置枫桥桌面版</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="586" />
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="587" />
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="588" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="589" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/firstrun/wizard.py" line="647" />
        <source>Setting up the central database</source>
        <translation>正在建立中心库</translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="44" />
        <source>Bureau encryption key</source>
        <translation>县局加密公钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="45" />
        <source>Fingerprint: {fingerprint}

Is it the same as the one the bureau gave you?</source>
        <translation>指纹：{fingerprint}

与县局提供的指纹一致吗？</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="70" />
        <source>Create signing key</source>
        <translation>创建签名密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="74" />
        <source>This replaces key {key_id}. The old key is backed up but will no longer sign; the bureau must register the new public key.</source>
        <translation>这将替换密钥 {key_id}。旧密钥会备份，但不再用于签名；新公钥需在县局重新登记。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="105" />
        <source>Inspector and signing key</source>
        <translation>检查员与密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="109" />
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="117" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="118" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="119" />
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="120" />
        <source>Save profile</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="126" />
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="138" />
        <source>Key id:</source>
        <translation>密钥 ID：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="139" />
        <source>Public key:</source>
        <translation>公钥：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="145" />
        <source>Export .pub file…</source>
        <translation>导出 .pub 文件…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="148" />
        <source>Create new key…</source>
        <translation>创建新密钥…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="151" />
        <source>Import minisign key…</source>
        <translation>导入 minisign 密钥…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="166" />
        <source>Bundle encryption</source>
        <translation>数据包加密</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="177" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="183" />
        <source>Bureau's encryption key:</source>
        <translation>县局加密公钥：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="205" />
        <source>Give the .pub file (or let the bureau scan the QR code) to register this key; bundles signed with it are accepted only after that.</source>
        <translation>请将 .pub 文件交给县局（或由县局扫描二维码）登记此密钥；登记后，用它签名的数据包才会被接收。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="213" />
        <source>no key yet</source>
        <translation>尚无密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="215" />
        <source>No signing key on this computer yet. Bundles cannot be exported until you create or import one.</source>
        <translation>本机还没有签名密钥。创建或导入密钥之前无法导出数据包。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="228" />
        <source>Bundles are encrypted: only the bureau (and you) can open them. Keys: {keys}</source>
        <translation>数据包已加密：只有县局（和您本人）能打开。公钥：{keys}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="234" />
        <source>Bundles are NOT encrypted yet: the bureau's encryption key comes with its task pack, or enter it here after comparing its fingerprint with the bureau.</source>
        <translation>数据包尚未加密：县局的加密公钥随其任务包送达，也可在与县局核对指纹后在此填入。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="322" />
        <source>Import minisign secret key</source>
        <translation>导入 minisign 私钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="324" />
        <source>minisign secret keys (*.key);;All files (*)</source>
        <translation>minisign 私钥 (*.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="332" />
        <source>Replace key</source>
        <translation>替换密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="333" />
        <source>Replace key {key_id} with the imported key? The bureau must register the new public key.</source>
        <translation>用导入的密钥替换密钥 {key_id}？新公钥需在县局重新登记。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="353" />
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="354" />
        <source>Passphrase of the minisign key:</source>
        <translation>minisign 私钥的口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="380" />
        <source>Export public key</source>
        <translation>导出公钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/dialog.py" line="382" />
        <source>minisign public keys (*.pub)</source>
        <translation>minisign 公钥 (*.pub)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/menu.py" line="22" />
        <source>Inspector and signing key…</source>
        <translation>检查员与密钥…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="43" />
        <source>too short (at least 8 characters)</source>
        <translation>太短（至少 8 个字符）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="44" />
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="45" />
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="46" />
        <source>good</source>
        <translation>较强</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="47" />
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="87" />
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="88" />
        <source>Repeat:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="90" />
        <source>Remember this passphrase. It protects your signing key and cannot be recovered or reset by anyone: if it is lost, you need a new key and the bureau must register it again.</source>
        <translation>请牢记此口令。它保护您的签名密钥，任何人都无法找回或重置：一旦遗忘，只能创建新密钥并到县局重新登记。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="108" />
        <source>Strength: {label}</source>
        <translation>强度：{label}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/identity/passphrase.py" line="110" />
        <source>(the two entries differ)</source>
        <translation>（两次输入不一致）</translation>
    </message>
</context>
</TS>