<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="78" />
        <source>Coverage</source>
        <comment>Five-haves %</comment>
        <translation>覆盖与达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="78" />
        <source>Coverage</source>
        <comment>Demonstration %</comment>
        <translation>覆盖与达标</translation>
    </message>
</context>
<context>
    <name>Coverage</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="57" />
        <source>No stations</source>
        <translation>无站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/chart.py" line="79" />
        <source>Target %1%</source>
        <translation>目标 %1%</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="24" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="24" />
        <source>Stations</source>
        <translation>站点数</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="24" />
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="25" />
        <source>Five-haves met</source>
        <translation>五有达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="25" />
        <source>Five-haves %</source>
        <translation>五有达标率</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="26" />
        <source>Demonstration met</source>
        <translation>示范型达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="26" />
        <source>Demonstration %</source>
        <translation>示范型达标率</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="27" />
        <source>Target</source>
        <translation>示范型目标数</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="27" />
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="27" />
        <source>Overdue rectifications</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="134" />
        <source>Not inspected this year</source>
        <translation>本年度未检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/model.py" line="136" />
        <source>Vetoed (一票否决)</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="123" />
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="148" />
        <source>Coverage</source>
        <translation>覆盖与达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="126" />
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="127" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="128" />
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="129" />
        <source>Export PDF…</source>
        <translation>导出 PDF 通报…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="130" />
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="210" />
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="132" />
        <source>Select a station to see its inspections and photos.</source>
        <translation>选择一个站点，查看其检查记录和照片。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="141" />
        <source>Computing coverage…</source>
        <translation>正在统计覆盖情况…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="153" />
        <source>Could not compute coverage: %1</source>
        <translation>无法统计覆盖情况：%1</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="181" />
        <source>%1 stations</source>
        <translation>%1站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="224" />
        <source>%1 photos, %2 findings</source>
        <translation>照片 %1 张，整改事项 %2 项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="227" />
        <source>No inspections of this station yet.</source>
        <translation>该站点尚无检查记录。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="238" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="238" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="240" />
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="260" />
        <source>Export coverage</source>
        <translation>导出覆盖情况</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/coverage/page.py" line="261" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
</TS>