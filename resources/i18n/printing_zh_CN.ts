<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Printing</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/printing.py" line="93"/>
        <source>Print preview — {name}</source>
        <translation>打印预览 — {name}</translation>
    </message>
</context>
</TS>
