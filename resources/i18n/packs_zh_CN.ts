<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BureauPacks</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="70" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="71" />
        <source>Made at (UTC)</source>
        <translation>生成时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="72" />
        <source>Inspector key</source>
        <translation>检查人员密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="73" />
        <source>Assignments</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="74" />
        <source>Findings to re-check</source>
        <translation>待回头看问题</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="75" />
        <source>Stations</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="76" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="209" />
        <source>Task packs</source>
        <translation>任务包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="212" />
        <source>Bureau signing key</source>
        <translation>县局签名密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="213" />
        <source>Bureau name:</source>
        <translation>县局名称：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="213" />
        <source>Parent body:</source>
        <translation>上级单位：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="213" />
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="214" />
        <source>Repeat passphrase:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="216" />
        <source>e.g. Chengguan District Veterans Affairs Bureau</source>
        <translation>例如：城关区退役军人事务局</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="217" />
        <source>Create the bureau key</source>
        <translation>创建县局密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="218" />
        <source>New task pack</source>
        <translation>新建任务包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="219" />
        <source>Inspector:</source>
        <translation>检查人员：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="219" />
        <source>Counties whose roster goes along (none: the whole roster), and the stations to assign:</source>
        <translation>随包发送名册的区县（不选则发送全部名册），以及要分派的站点：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="221" />
        <source>Select stations:</source>
        <translation>选择站点：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="221" />
        <source>Due date:</source>
        <translation>完成时限：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="221" />
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="221" />
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="305" />
        <source>Save to folder:</source>
        <translation>保存到文件夹：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="222" />
        <source>Bureau key passphrase:</source>
        <translation>县局密钥口令：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="228" />
        <source>Towns/streets</source>
        <translation>街道（乡镇）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="228" />
        <source>Villages/communities</source>
        <translation>社区（村）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="228" />
        <source>Counties</source>
        <translation>区（县）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="232" />
        <source>only those not yet demonstration-grade</source>
        <translation>仅限尚未示范型达标的</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="233" />
        <source>List stations</source>
        <translation>列出站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="234" />
        <source>e.g. the USB drive</source>
        <translation>例如 U 盘</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="235" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="236" />
        <source>Build and sign the pack</source>
        <translation>生成并签名任务包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="237" />
        <source>Packs made:</source>
        <translation>已生成的任务包：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="245" />
        <source>Loading task packs…</source>
        <translation>正在读取任务包…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="267" />
        <source>The bureau has no signing key yet. Task packs are signed with it,
and inspectors' laptops accept packs from this key alone.</source>
        <translation>本局尚未创建签名密钥。任务包用它签名，
检查人员的电脑只接受此密钥签发的任务包。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="271" />
        <source>{name} ({unit})
Key id: {key_id}
Fingerprint: {fingerprint}
Inspectors compare this fingerprint when they import the first pack.</source>
        <translation>{name}（{unit}）
密钥 ID：{key_id}
指纹：{fingerprint}
检查人员导入第一个任务包时需核对此指纹。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="274" />
        <source>Bundles are encrypted to: {recipient} (fingerprint {fingerprint})</source>
        <translation>数据包加密给：{recipient}（指纹 {fingerprint}）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="277" />
        <source>The encryption key for bundles is made with the next task pack.</source>
        <translation>数据包的加密公钥将在制作下一个任务包时创建。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="291" />
        <source>Creating the bureau key…</source>
        <translation>正在创建县局密钥…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="300" />
        <source>Listing stations…</source>
        <translation>正在列出站点…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="320" />
        <source>Choose the inspector, at least one station and the folder first.</source>
        <translation>请先选择检查人员、至少一个站点和保存文件夹。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="326" />
        <source>Pack number {seq} written and verified:
{path}</source>
        <translation>第 {seq} 号任务包已写入并校验通过：
{path}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/bureau_page.py" line="330" />
        <source>Building the task pack…</source>
        <translation>正在生成任务包…</translation>
    </message>
</context>
<context>
    <name>MyTasks</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="38" />
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="47" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="38" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="39" />
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="49" />
        <source>Completed, not exported</source>
        <translation>已完成未导出</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="39" />
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="40" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="46" />
        <source>All assignments</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="48" />
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="50" />
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="62" />
        <source>Findings to re-check</source>
        <translation>待回头看问题</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="57" />
        <source>Due</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="58" />
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="59" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="60" />
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="61" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="63" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="114" />
        <source>{n} assignments from the bureau, {overdue} overdue. Double-click one to start the visit with its forms.</source>
        <translation>县局分派的任务 {n} 项，其中 {overdue} 项已逾期。双击任务即按分派的表单开始走访。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="116" />
        <source>No assignments yet. Import the bureau's task pack under File → Import task pack….</source>
        <translation>暂无任务。请在“文件 → 导入任务包…”中导入县局的任务包。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="126" />
        <source>Loading my tasks…</source>
        <translation>正在读取我的任务…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="159" />
        <location filename="../../fengqiao_desktop/ui/packs/my_tasks.py" line="165" />
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
</context>
<context>
    <name>TaskPack</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="40" />
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="99" />
        <source>Import task pack</source>
        <translation>导入任务包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="43" />
        <source>Task pack number {seq} from {bureau}:
{stations} stations, {forms} forms, {assignments} assignments, {findings} findings to re-check, {returned} returned inspections.</source>
        <translation>来自{bureau}的第 {seq} 号任务包：
站点 {stations} 个，表单 {forms} 份，任务 {assignments} 项，待回头看问题 {findings} 项，退回的检查 {returned} 份。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="57" />
        <source>This is the first task pack on this computer. Compare the bureau key's fingerprint below with the one the bureau gave you (on paper, by phone, or its QR code). Import only if they are the same: from now on this computer accepts task packs signed by this key alone.</source>
        <translation>这是本机收到的第一个任务包。请将下面的县局密钥指纹与县局提供的指纹（纸面、电话或二维码）逐位核对，完全一致才能导入：此后本机只接受此密钥签发的任务包。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="65" />
        <source>Bureau key {key_id}, fingerprint:</source>
        <translation>县局密钥 {key_id}，指纹：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="70" />
        <source>The bureau's public key as a QR code</source>
        <translation>县局公钥二维码</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="78" />
        <source>The fingerprint matches — import</source>
        <translation>指纹一致，导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="80" />
        <source>Signed by the bureau key this computer trusts ({key_id}).</source>
        <translation>由本机信任的县局密钥（{key_id}）签发。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="82" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="85" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="99" />
        <source>Task packs (*.fqpack)</source>
        <translation>任务包 (*.fqpack)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="115" />
        <source>Importing the task pack…</source>
        <translation>正在导入任务包…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="125" />
        <source>Task pack number {seq} imported: {assignments} assignments are in My tasks.</source>
        <translation>第 {seq} 号任务包已导入：{assignments} 项任务已列入“我的任务”。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="129" />
        <source>Checking the task pack…</source>
        <translation>正在校验任务包…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/packs/import_pack.py" line="141" />
        <source>Import task pack…</source>
        <translation>导入任务包…</translation>
    </message>
</context>
</TS>