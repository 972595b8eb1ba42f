<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Badge</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/badges.py" line="51" />
        <source>Not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/badges.py" line="52" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/badges.py" line="53" />
        <source>Five-haves met</source>
        <translation>五有达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/badges.py" line="54" />
        <source>Demonstration grade met</source>
        <translation>示范型达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/badges.py" line="55" />
        <source>Failed</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>BureauPlaceholder</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/placeholder.py" line="32" />
        <source>Bureau workspace</source>
        <translation>局端工作区</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/placeholder.py" line="33" />
        <source>Importing inspectors' bundles, the trust store of inspector keys, coverage against the year's targets and conflicts will appear here. Until then, use the command line: fengqiao bundle / merge / coverage.</source>
        <translation>导入检查员数据包、检查员密钥信任库、年度目标覆盖情况和冲突处理将显示在这里。在此之前，请使用命令行：fengqiao bundle / merge / coverage。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/errors.py" line="55" />
        <source>Cannot continue</source>
        <translation>无法继续</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/errors.py" line="60" />
        <source>{count} rows have problems; nothing was imported.</source>
        <translation>有 {count} 行存在问题，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/errors.py" line="68" />
        <source>row {row}, column {column}: {reason}</source>
        <translation>第 {row} 行，列 {column}：{reason}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/errors.py" line="73" />
        <source>(no log file)</source>
        <translation>（无日志文件）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/errors.py" line="74" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/errors.py" line="75" />
        <source>Something went wrong inside the program. Your saved work is safe.</source>
        <translation>程序内部出错。已保存的内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/errors.py" line="77" />
        <source>Please send the log file to your support contact:
{path}</source>
        <translation>请将日志文件发送给技术支持人员：
{path}</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="81" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="82" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="83" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="84" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="85" />
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="189" />
        <source>Fengqiao Desktop — veterans' service station inspections</source>
        <translation>枫桥桌面版 — 退役军人服务站检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="190" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="191" />
        <source>&amp;Inspection</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="192" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="193" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="194" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="195" />
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="196" />
        <source>Stations and inspections (Ctrl+1)</source>
        <translation>服务站与检查（Ctrl+1）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="197" />
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="211" />
        <source>Bureau</source>
        <translation>局端</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="198" />
        <source>Bundle import, coverage and conflicts (Ctrl+2)</source>
        <translation>数据包导入、覆盖情况与冲突（Ctrl+2）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="199" />
        <source>Import roster…</source>
        <translation>导入名册…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="200" />
        <source>Load demonstration roster</source>
        <translation>加载演示名册</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="201" />
        <source>Export bundle…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="202" />
        <source>Export signed bundle (not available yet)</source>
        <translation>导出签名数据包（暂不可用）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="203" />
        <source>New inspection…</source>
        <translation>新建检查…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="204" />
        <source>Find station</source>
        <translation>查找服务站</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="205" />
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="393" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="206" />
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="387" />
        <source>About Fengqiao Desktop</source>
        <translation>关于枫桥桌面版</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="207" />
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="208" />
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="209" />
        <source>Stations</source>
        <translation>服务站</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="218" />
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="221" />
        <source>{count} stations</source>
        <translation>共 {count} 个服务站</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="267" />
        <source>Import roster</source>
        <translation>导入名册</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="267" />
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>名册 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="273" />
        <source>Importing roster…</source>
        <translation>正在导入名册…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="281" />
        <source>Loading demonstration roster…</source>
        <translation>正在加载演示名册…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="294" />
        <source>Roster: {added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>名册：新增 {added} 个，更新 {updated} 个，未变 {unchanged} 个</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="335" />
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="340" />
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="349" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="393" />
        <source>A task is still running. Stop it and quit?</source>
        <translation>仍有任务在运行。要停止任务并退出吗？</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="402" />
        <source>&lt;h3&gt;Fengqiao Desktop {version}&lt;/h3&gt;&lt;p&gt;Offline inspections of veterans' service centers and stations: the five-haves checklist, the demonstration-station rubric, photo evidence, findings and signed bundles for the county bureau.&lt;/p&gt;&lt;p&gt;Data folder: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;枫桥桌面版 {version}&lt;/h3&gt;&lt;p&gt;退役军人服务中心（站）离线检查：“五有”检查表、示范型服务中心（站）评分表、照片佐证、整改事项，以及报送县区局的签名数据包。&lt;/p&gt;&lt;p&gt;数据文件夹：{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/main_window.py" line="424" />
        <source>The inspection editor is not available in this build.
Inspection {id}</source>
        <translation>此版本中没有检查编辑器。
检查 {id}</translation>
    </message>
</context>
<context>
    <name>OpenFindingsModel</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="119" />
        <source>Visit</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="120" />
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="121" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="122" />
        <source>Severity</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="123" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="124" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/page_models.py" line="125" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Task pack (re-check)</source>
        <translation>任务包（回头看）</translation>
    </message>
</context>
<context>
    <name>StationBrowser</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/browser.py" line="88" />
        <source>Loading stations</source>
        <translation>正在加载服务站</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="108" />
        <source>New inspection…</source>
        <translation>新建检查…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="109" />
        <source>Start an inspection of this station (Ctrl+N)</source>
        <translation>开始检查此服务站（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="110" />
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="111" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="112" />
        <source>Open findings from earlier visits</source>
        <translation>以往检查未销号的整改事项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="113" />
        <source>Choose a station in the tree or search for it.</source>
        <translation>请在左侧树中选择服务站，或搜索服务站。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="114" />
        <source>Demonstration data: codes, addresses and contacts are made up.</source>
        <translation>演示数据：代码、地址和联系人均为虚构。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="115" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="115" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="115" />
        <source>Belongs to</source>
        <translation>上级</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="116" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="116" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="116" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/station_page.py" line="117" />
        <source>Veterans served</source>
        <translation>服务退役军人数</translation>
    </message>
</context>
<context>
    <name>StationSearch</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/search.py" line="108" />
        <source>Search by name, code or pinyin initials (e.g. dgxl)</source>
        <translation>按名称、代码或拼音首字母搜索（如 dgxl）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/search.py" line="144" />
        <source>No station matches “{text}”.</source>
        <translation>没有与“{text}”匹配的服务站。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/search.py" line="146" />
        <source>First {count} matches; type more to narrow down.</source>
        <translation>显示前 {count} 个结果；继续输入可缩小范围。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/search.py" line="149" />
        <source>{count} matches</source>
        <translation>{count} 个结果</translation>
    </message>
</context>
<context>
    <name>StationTree</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/tree_model.py" line="35" />
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/tree_model.py" line="36" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/stations/tree_model.py" line="37" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/tasks.py" line="258" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/tasks.py" line="287" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
</context>
</TS>