<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FormImport</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="47" />
        <source>Points changed</source>
        <translation>分值变化</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="48" />
        <source>Renamed</source>
        <translation>改名</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="49" />
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="50" />
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="51" />
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="52" />
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="53" />
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="62" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="62" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="62" />
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="64" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="65" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="66" />
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="72" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="74" />
        <source>Old item</source>
        <translation>原检查项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="75" />
        <source>New item</source>
        <translation>新检查项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="76" />
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="39" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="77" />
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="37" />
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="90" />
        <source>Import a scoring sheet</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="93" />
        <source>an .xlsx or .csv file saved by Excel or WPS</source>
        <translation>Excel 或 WPS 保存的 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="94" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="100" />
        <source>from the sheet or the file name</source>
        <translation>取自表格或文件名</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="107" />
        <source>from the title, else 90% of the total</source>
        <translation>取自标题，否则为满分的 90%</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="108" />
        <source>Read the sheet</source>
        <translation>读取评分表</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="111" />
        <source>Sheet file</source>
        <translation>评分表文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="112" />
        <source>Form id</source>
        <translation>表单编号</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="113" />
        <source>Levels</source>
        <translation>适用层级</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="114" />
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="38" />
        <source>Pass mark</source>
        <translation>达标线</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="126" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="128" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="158" />
        <source>Choose a scoring sheet</source>
        <translation>选择评分表</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="159" />
        <source>Scoring sheets (*.xlsx *.csv);;All files (*)</source>
        <translation>评分表 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="179" />
        <source>Reading the scoring sheet</source>
        <translation>正在读取评分表</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="194" />
        <source>%1 cell(s) could not be read. Nothing will be written; correct the sheet and read it again.</source>
        <translation>有 %1 处无法识别，不会写入任何文件；请修改评分表后重新读取。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="200" />
        <source>%1 — %2 version %3: %4 sections, %5 items, %6 points, pass mark %7.</source>
        <translation>%1 —— %2 版本 %3：%4 个分项，%5 个检查项，满分 %6，达标线 %7。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="205" />
        <source>This version is already installed.</source>
        <translation>此版本已安装。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="211" />
        <source>Changes against the installed version %1 (total %2 → %3 points):</source>
        <translation>与已安装的版本 %1 相比的变更（满分 %2 → %3）：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="33" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="34" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="35" />
        <source>Supersedes</source>
        <translation>替代版本</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="36" />
        <source>Items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="80" />
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="83" />
        <source>The forms on this computer: the shipped ones and the bureau's own. Import a bureau's scoring sheet from Excel or WPS, or export a form to XLSX for review and printing.</source>
        <translation>本机的表单：随软件提供的表单和本局自己的表单。可从 Excel 或 WPS 导入评分表，或将表单导出为 XLSX 以便审阅和打印。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="86" />
        <source>Import a scoring sheet…</source>
        <translation>导入评分表…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="87" />
        <source>Export to XLSX…</source>
        <translation>导出为 XLSX…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="88" />
        <source>Register at the bureau…</source>
        <translation>在本局登记…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="89" />
        <source>Accept inspections scored with the selected form; a new version shows its changes first</source>
        <translation>接收用所选表单评分的检查；新版本先列出其变更</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="100" />
        <source>Loading forms</source>
        <translation>正在读取表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="114" />
        <source>Export the form to XLSX</source>
        <translation>将表单导出为 XLSX</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="120" />
        <source>Exporting the form</source>
        <translation>正在导出表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="128" />
        <source>Choose a form in the list first.</source>
        <translation>请先在列表中选择一个表单。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="137" />
        <source>Comparing with the bureau's forms</source>
        <translation>正在与本局已登记的表单比对</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="146" />
        <source>Nothing registered.</source>
        <translation>未登记任何表单。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="159" />
        <source>Registered at the bureau: %1 version %2.</source>
        <translation>已在本局登记：%1 版本 %2。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="163" />
        <source>Registering the form</source>
        <translation>正在登记表单</translation>
    </message>
</context>
<context>
    <name>FormRegister</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="26" />
        <source>Register the form at the bureau</source>
        <translation>在本局登记表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="37" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="39" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="52" />
        <source>%1 version %2 is already registered at the bureau; nothing to do.</source>
        <translation>%1 版本 %2 已在本局登记，无需操作。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="55" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="57" />
        <source>%1 version %2 replaces the registered version %3 (total %4 → %5 points):</source>
        <translation>%1 版本 %2 替代已登记的版本 %3（满分 %4 → %5）：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="62" />
        <source>%1 item(s) added, %2 removed, %3 with points changed. Accept these changes and register?</source>
        <translation>新增 %1 项，删除 %2 项，分值变化 %3 项。接受以上变更并登记？</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="66" />
        <source>%1 version %2 is new at the bureau: %3 items, %4 points.</source>
        <translation>%1 版本 %2 尚未在本局登记：%3 个检查项，满分 %4。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/register_dialog.py" line="69" />
        <source>Register it so that inspections scored with it are accepted?</source>
        <translation>登记后，用它评分的检查才会被接收。现在登记吗？</translation>
    </message>
</context>
</TS>