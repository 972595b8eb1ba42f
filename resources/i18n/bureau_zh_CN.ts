<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BureauConflicts</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="34"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="35"/>
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="36"/>
        <source>Last edited</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="37"/>
        <source>Total score</source>
        <translation>总分</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="38"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="39"/>
        <source>Audit entries</source>
        <translation>审计记录条数</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="40"/>
        <source>Current winner</source>
        <translation>当前胜出</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="46"/>
        <source>Pass</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="47"/>
        <source>Fail</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="48"/>
        <source>Vetoed</source>
        <translation>否决</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="49"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="66"/>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="75"/>
        <source>Winner</source>
        <translation>胜出</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="71"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="73"/>
        <source>(no answer)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="75"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="76"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="84"/>
        <source> — note: {note}</source>
        <translation> — 备注：{note}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="86"/>
        <source> — {n} photo(s)</source>
        <translation> — 照片 {n} 张</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="102"/>
        <source>Revision {n} ({sha})</source>
        <translation>修订 {n}（{sha}）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="126"/>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="137"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/compare_model.py" line="138"/>
        <source>Max</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="54"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="55"/>
        <source>Resolved</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="69"/>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="70"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="72"/>
        <source>Competing revisions</source>
        <translation>相互竞争的修订</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="76"/>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="152"/>
        <source>Decided by</source>
        <translation>裁定人</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="78"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="146"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="149"/>
        <source>Record the choice</source>
        <translation>记录裁定</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="150"/>
        <source>Winning revision</source>
        <translation>采用的修订</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="151"/>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="153"/>
        <source>No conflicts: no inspection has competing revisions.</source>
        <translation>没有冲突：没有检查存在相互竞争的修订。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="164"/>
        <source>Loading conflicts</source>
        <translation>正在读取冲突</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="199"/>
        <source>Comparing revisions</source>
        <translation>正在比较修订</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="221"/>
        <source>{station} ({code}) — {form}; differences are highlighted</source>
        <translation>{station}（{code}）— {form}；不同之处已高亮</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="229"/>
        <source>Revision {n} by {who}: {total}, {verdict}</source>
        <translation>修订 {n}，{who}：{total} 分，{verdict}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/conflicts/page.py" line="262"/>
        <source>Recording the choice</source>
        <translation>正在记录裁定</translation>
    </message>
</context>
<context>
    <name>BureauImport</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="180"/>
        <source>Refuse unencrypted bundles</source>
        <translation>拒收未加密的数据包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="49"/>
        <source>Bureau key passphrase</source>
        <translation>县局密钥口令</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="50"/>
        <source>Encrypted bundles are opened with the bureau key&apos;s passphrase (asked once until the app closes):</source>
        <translation>加密的数据包需用县局密钥口令打开（本次运行期间只问一次）：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="151"/>
        <source>Import bundles</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="154"/>
        <source>Drop .fqbundle files or a folder of them here</source>
        <translation>将 .fqbundle 数据包文件或其所在文件夹拖放到这里</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="156"/>
        <source>Choose bundles…</source>
        <translation>选择数据包…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="157"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="158"/>
        <source>Open refusal report</source>
        <translation>打开拒收报告</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="159"/>
        <source>Open quarantine folder</source>
        <translation>打开隔离文件夹</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="160"/>
        <source>Every import so far</source>
        <translation>历次导入记录</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="161"/>
        <source>Verify again</source>
        <translation>重新校验</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="162"/>
        <source>Open report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="163"/>
        <source>Show the kept file</source>
        <translation>显示保存的文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="172"/>
        <source>Loading the import history</source>
        <translation>正在读取导入记录</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="201"/>
        <source>{file}: {result}</source>
        <translation>{file}：{result}</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="205"/>
        <source>Verifying again</source>
        <translation>正在重新校验</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="222"/>
        <source>Choose bundles</source>
        <translation>选择数据包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="223"/>
        <source>Bundles (*.fqbundle);;All files (*)</source>
        <translation>数据包 (*.fqbundle);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="229"/>
        <source>Choose a folder of bundles</source>
        <translation>选择数据包所在文件夹</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="257"/>
        <source>Importing {name} ({done} of {total})</source>
        <translation>正在导入 {name}（第 {done} 个，共 {total} 个）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="262"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="264"/>
        <source>Importing bundles</source>
        <translation>正在导入数据包</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="297"/>
        <source>{files} file(s): {imported} imported, {already} already imported, {refused} refused, {quarantined} quarantined</source>
        <translation>共 {files} 个文件：{imported} 个已导入，{already} 个已导入过，{refused} 个已拒收，{quarantined} 个已隔离</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="303"/>
        <source> — stopped early; the rest were not imported</source>
        <translation> — 已提前停止，其余数据包未导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/page.py" line="309"/>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="21"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="79"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="22"/>
        <source>Would import</source>
        <translation>将导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="23"/>
        <source>Already imported</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="24"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="80"/>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="25"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="81"/>
        <source>Quarantined</source>
        <translation>已隔离</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="26"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="43"/>
        <source>{inspections} inspection(s): {new} new, {revisions} new revision(s), {present} already present, {conflicts} conflict(s); {photos} photo(s)</source>
        <translation>检查 {inspections} 份：新检查 {new}，新修订 {revisions}，已有 {present}，冲突 {conflicts}；照片 {photos} 张</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="50"/>
        <source>Nothing changed: this bundle was imported before</source>
        <translation>未做任何更改：此数据包以前已导入</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="52"/>
        <source>Stopped before this bundle was imported</source>
        <translation>在导入此数据包之前已停止</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="55"/>
        <source> (member: {member})</source>
        <translation>（成员：{member}）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="65"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="100"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="67"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="101"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="68"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="103"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="70"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="104"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="71"/>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="105"/>
        <source>Device / sequence</source>
        <translation>设备 / 序号</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="73"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="88"/>
        <source>{inspections} inspection(s), {revisions} new revision(s), {conflicts} conflict(s), {photos} photo(s)</source>
        <translation>检查 {inspections} 份，新修订 {revisions} 份，冲突 {conflicts} 个，照片 {photos} 张</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="99"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/imports/results.py" line="106"/>
        <source>Kept as</source>
        <translation>保存位置</translation>
    </message>
</context>
<context>
    <name>BureauTrust</name>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="61"/>
        <source>Trust an inspector&apos;s key</source>
        <translation>信任检查员密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="63"/>
        <source>the inspector&apos;s .pub file</source>
        <translation>检查员的 .pub 公钥文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="64"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="74"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="195"/>
        <source>from</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="75"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="196"/>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="83"/>
        <source>Public key file</source>
        <translation>公钥文件</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="84"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="204"/>
        <source>Inspector&apos;s name</source>
        <translation>检查员姓名</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="85"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="205"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="75"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="86"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="206"/>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="89"/>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="90"/>
        <source>Name and unit must be exactly those the inspector&apos;s laptop puts in its bundles; they are filled in from the key file when it gives them.</source>
        <translation>姓名和单位须与检查员电脑写入数据包的完全一致；公钥文件中写有时会自动填入。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="184"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="215"/>
        <source>Edit a trusted key</source>
        <translation>修改信任的密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="207"/>
        <source>Reason for the change</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="235"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="243"/>
        <source>Trust a key again</source>
        <translation>重新信任密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="236"/>
        <source>Trust {key} again from today? Bundles it signed before today stay refused. Give the reason (for example: the laptop was found).</source>
        <translation>自今天起重新信任 {key}？此前用它签出的数据包仍然拒收。请说明原因（例如：电脑已找回）。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="59"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="126"/>
        <source>Choose a public key</source>
        <translation>选择公钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="127"/>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>公钥 (*.pub);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="146"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="190"/>
        <source>Revoke a key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="147"/>
        <source>Revoke {key}? Bundles it signs from now on will be refused. Give the reason (for example: laptop lost).</source>
        <translation>吊销 {key}？从现在起由它签名的数据包将被拒收。请填写理由（例如：笔记本电脑丢失）。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="60"/>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="61"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="62"/>
        <source>Not yet valid</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/dialogs.py" line="203"/>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="73"/>
        <source>Key id</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="74"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="76"/>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="77"/>
        <source>Valid until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="78"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="79"/>
        <source>Revoked at</source>
        <translation>吊销时间</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="80"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="81"/>
        <source>Public key (fingerprint)</source>
        <translation>公钥（指纹）</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="123"/>
        <source>Trusted inspector keys</source>
        <translation>信任的检查员密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="126"/>
        <source>Bundles are imported only when signed by a key listed here, valid on the bundle&apos;s date, not revoked, and naming the same inspector and unit.</source>
        <translation>只有由此处列出的密钥签名、在数据包日期有效、未被吊销、且检查员姓名和单位一致的数据包才会被导入。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="129"/>
        <source>Add a key…</source>
        <translation>添加密钥…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="130"/>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="131"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="132"/>
        <source>Trust again…</source>
        <translation>重新信任…</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="139"/>
        <source>Loading keys</source>
        <translation>正在读取密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="176"/>
        <source>Adding a key</source>
        <translation>正在添加密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="191"/>
        <source>Really revoke {key}? This cannot be undone.</source>
        <translation>确定吊销 {key}？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="202"/>
        <source>Revoking a key</source>
        <translation>正在吊销密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="216"/>
        <source>Change {key} to {name} ({unit})? The old values are kept in the key&apos;s history.</source>
        <translation>将 {key} 改为 {name}（{unit}）？原来的内容会保留在该密钥的变更记录中。</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="229"/>
        <source>Changing a key</source>
        <translation>正在修改密钥</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="244"/>
        <source>Really trust {key} again from today?</source>
        <translation>确定自今天起重新信任 {key}？</translation>
    </message>
    <message>
        <location filename="../../fengqiao_desktop/ui/bureau/trust/page.py" line="256"/>
        <source>Trusting a key again</source>
        <translation>正在重新信任密钥</translation>
    </message>
</context>
</TS>
