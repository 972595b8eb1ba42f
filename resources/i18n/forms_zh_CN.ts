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
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="38" />
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/import_dialog.py" line="77" />
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="36" />
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
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="37" />
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
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="32" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="33" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="34" />
        <source>Supersedes</source>
        <translation>替代版本</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="35" />
        <source>Items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="71" />
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="74" />
        <source>The forms on this computer: the shipped ones and the bureau's own. Import a bureau's scoring sheet from Excel or WPS, or export a form to XLSX for review and printing.</source>
        <translation>本机的表单：随软件提供的表单和本局自己的表单。可从 Excel 或 WPS 导入评分表，或将表单导出为 XLSX 以便审阅和打印。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="77" />
        <source>Import a scoring sheet…</source>
        <translation>导入评分表…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="78" />
        <source>Export to XLSX…</source>
        <translation>导出为 XLSX…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="88" />
        <source>Loading forms</source>
        <translation>正在读取表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="102" />
        <source>Export the form to XLSX</source>
        <translation>将表单导出为 XLSX</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/forms/page.py" line="108" />
        <source>Exporting the form</source>
        <translation>正在导出表单</translation>
    </message>
</context>
</TS>