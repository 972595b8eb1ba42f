<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="86" />
        <source>The font licence file is missing: {path}</source>
        <translation>找不到字体许可文件：{path}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="91" />
        <source>installed package</source>
        <translation>安装包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="91" />
        <source>Python environment</source>
        <translation>Python 环境</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="92" />
        <source>Fengqiao Desktop</source>
        <translation>枫桥桌面版</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="93" />
        <source>Offline inspections of veterans’ service centers and stations.</source>
        <translation>退役军人服务中心（站）离线检查。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="94" />
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="95" />
        <source>Running from:</source>
        <translation>运行方式：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="96" />
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="117" />
        <source>Fengqiao Desktop is licensed under the Apache License 2.0.</source>
        <translation>枫桥桌面版以 Apache License 2.0 许可发布。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="118" />
        <source>Third-party parts shipped with it:</source>
        <translation>随附的第三方组件：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="119" />
        <source>Qt and PySide6 are used as shared libraries under the LGPL; you may replace them.</source>
        <translation>Qt 与 PySide6 以共享库形式按 LGPL 使用，您可以自行替换。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="128" />
        <source>Licence of the Chinese font (Droid Sans Fallback):</source>
        <translation>中文字体（Droid Sans Fallback）许可：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="136" />
        <source>About Fengqiao Desktop</source>
        <translation>关于枫桥桌面版</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="139" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/about.py" line="140" />
        <source>Licences</source>
        <translation>许可</translation>
    </message>
</context>
</TS>