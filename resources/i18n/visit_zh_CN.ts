<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>NewInspectionDialog</name>
    <message>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>服务站：{name}</translation>
    </message>
    <message>
        <source>This visit:</source>
        <translation>本次走访：</translation>
    </message>
    <message>
        <source>Also score the demonstration rubric</source>
        <translation>同时进行示范型评分</translation>
    </message>
    <message>
        <source>The rubric's five-haves items take their answers from the five-haves check of the same visit: they are answered once.</source>
        <translation>评分表中的“五有”各项直接取自同次走访的五有检查，只需作答一次。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
