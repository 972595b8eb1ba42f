<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BureauReview</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="54"/>
        <source>Received (to review)</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="55"/>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="56"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="75"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="77"/>
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="78"/>
        <source>Station</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="80"/>
        <source>County</source>
        <translation>区（县）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="81"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="82"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="83"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="84"/>
        <source>Inspector</source>
        <translation>检查人员</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="85"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="87"/>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="121"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="108"/>
        <source>Return an inspection</source>
        <translation>退回检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="109"/>
        <source>Approve an inspection</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="110"/>
        <source>Return {what} to its inspector? Say what must be corrected; the inspection stops counting in coverage until a corrected version arrives.</source>
        <translation>将 {what} 退回给检查人员？请写明需要改正的内容；在收到改正后的版本之前，该检查不计入覆盖统计。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="113"/>
        <source>Approve {what}?</source>
        <translation>审核通过 {what}？</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="120"/>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="216"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="219"/>
        <source>Every imported inspection is received for review, then approved or returned to its inspector with a comment. A returned inspection does not count in coverage until a corrected version arrives.</source>
        <translation>导入的每份检查先为“待审核”，再审核通过或连同意见退回给检查人员。退回的检查在收到改正后的版本之前不计入覆盖统计。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="226"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="231"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="232"/>
        <source>County:</source>
        <translation>区（县）：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="233"/>
        <source>Inspector:</source>
        <translation>检查人员：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="234"/>
        <source>Completed between</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="235"/>
        <source>Approve…</source>
        <translation>审核通过…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="236"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="259"/>
        <source>Loading inspections</source>
        <translation>正在读取检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="277"/>
        <source>{n} inspection(s), {waiting} to review</source>
        <translation>共 {n} 份检查，{waiting} 份待审核</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/review/page.py" line="308"/>
        <source>Recording the review</source>
        <translation>正在记录审核结果</translation>
    </message>
</context>
<context>
    <name>BureauRoster</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="41"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="42"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="43"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="44"/>
        <source>Parent code</source>
        <translation>上级代码</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="45"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="46"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="47"/>
        <source>Veterans served</source>
        <translation>服务退役军人数</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="49"/>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="50"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="56"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="57"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="58"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="119"/>
        <source>Central roster</source>
        <translation>中心名册</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="122"/>
        <source>The stations of the bureau&apos;s roster. Bundles about a station that is not here are refused. Import the roster file (CSV or XLSX): a file with any bad row imports nothing.</source>
        <translation>本局名册中的站点。涉及名册以外站点的数据包会被拒收。请导入名册文件（CSV 或 XLSX）：文件中只要有一行有误，就不会导入任何站点。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="125"/>
        <source>Import roster file…</source>
        <translation>导入名册文件…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="126"/>
        <source>Load demonstration roster</source>
        <translation>加载演示名册</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="127"/>
        <source>Search by code or name</source>
        <translation>按代码或名称搜索</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="136"/>
        <source>Loading the roster</source>
        <translation>正在读取名册</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="157"/>
        <source>The roster is empty</source>
        <translation>名册为空</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="161"/>
        <source>{shown} of {total} stations</source>
        <translation>显示 {shown} / 共 {total} 个站点</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="167"/>
        <source>Choose a roster file</source>
        <translation>选择名册文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="168"/>
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>名册 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="174"/>
        <source>Importing the roster</source>
        <translation>正在导入名册</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="179"/>
        <source>Loading the demonstration roster</source>
        <translation>正在加载演示名册</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/roster/page.py" line="186"/>
        <source>Roster imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>名册已导入：新增 {added}，更新 {updated}，未变 {unchanged}。</translation>
    </message>
</context>
</TS>
