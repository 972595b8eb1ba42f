<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Coverage</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="57"/>
        <source>No stations</source>
        <translation>无站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="79"/>
        <source>Target %1%</source>
        <translation>目标 %1%</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="25"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="26"/>
        <source>Stations</source>
        <translation>站点数</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="27"/>
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="28"/>
        <source>Five-haves met</source>
        <translation>五有达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="77"/>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="29"/>
        <source>Five-haves %</source>
        <translation>五有达标率</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="30"/>
        <source>Demonstration met</source>
        <translation>示范型达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="78"/>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="31"/>
        <source>Demonstration %</source>
        <translation>示范型达标率</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="32"/>
        <source>Target</source>
        <translation>示范型目标数</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="33"/>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="34"/>
        <source>Overdue rectifications</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="141"/>
        <source>Not inspected this year</source>
        <translation>本年度未检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="143"/>
        <source>Vetoed (一票否决)</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="127"/>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="152"/>
        <source>Coverage</source>
        <translation>覆盖与达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="130"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="131"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="132"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="133"/>
        <source>Export PDF…</source>
        <translation>导出 PDF 通报…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="134"/>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="215"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="136"/>
        <source>Select a station to see its inspections and photos.</source>
        <translation>选择一个站点，查看其检查记录和照片。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="145"/>
        <source>Computing coverage…</source>
        <translation>正在统计覆盖情况…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="157"/>
        <source>Could not compute coverage: %1</source>
        <translation>无法统计覆盖情况：%1</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="185"/>
        <source>%1 stations</source>
        <translation>%1站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="225"/>
        <source>Open finding: %1 (deadline %2)</source>
        <translation>待整改：%1（期限 %2）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="236"/>
        <source>%1 photos, %2 findings</source>
        <translation>照片 %1 张，整改事项 %2 项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="240"/>
        <source>(version %1)</source>
        <translation>（第 %1 版）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="296"/>
        <source>%1 (photo unavailable)</source>
        <translation>%1（照片无法读取）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="300"/>
        <source>This photo cannot be read: the copy of its bundle kept in the archive folder is missing or damaged. Import the same bundle file again to restore it.</source>
        <translation>无法读取此照片：存档文件夹中保存的该数据包副本缺失或已损坏。请重新导入同一个数据包文件以恢复。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="239"/>
        <source>No inspections of this station yet.</source>
        <translation>该站点尚无检查记录。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="250"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="250"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="252"/>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="272"/>
        <source>Export coverage</source>
        <translation>导出覆盖情况</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="273"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
</TS>
