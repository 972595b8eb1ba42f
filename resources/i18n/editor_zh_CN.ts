<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Editor</name>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/answer_widgets.py" line="60"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/answer_widgets.py" line="61"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/answer_widgets.py" line="62"/>
        <source>Y or 1</source>
        <translation>按 Y 或 1</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/answer_widgets.py" line="63"/>
        <source>N or 0</source>
        <translation>按 N 或 0</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/answer_widgets.py" line="138"/>
        <source> pts</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/answer_widgets.py" line="144"/>
        <source>0 to {max} in steps of {step}; F = full marks</source>
        <translation>0 至 {max} 分，步长 {step}；按 F 得满分</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/answer_widgets.py" line="229"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="110"/>
        <source>Complete</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="112"/>
        <source>Check and lock the inspection</source>
        <translation>检查必填项和佐证材料并锁定</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="113"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="114"/>
        <source>Edit a completed inspection (asks for a reason)</source>
        <translation>修改已完成的检查（需填写原因）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="115"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="130"/>
        <source>Audit trail</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="116"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="94"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="117"/>
        <source>Print score sheet…</source>
        <translation>打印评分表…</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="118"/>
        <source>Print preview, print, or save the on-site score sheet as a PDF (Ctrl+P)</source>
        <translation>打印预览、打印现场评分表，或保存为 PDF（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="119"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="146"/>
        <source>{title} ({max} pts)</source>
        <translation>{title}（{max} 分）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="220"/>
        <source>{status}, revision {rev}</source>
        <translation>{status}，第 {rev} 版</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="232"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="236"/>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="288"/>
        <source>Photos ({n})</source>
        <translation>照片（{n}）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="310"/>
        <source>Inspection completed and locked</source>
        <translation>检查已完成并锁定</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="317"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="104"/>
        <source>Not answered: {n} {title}</source>
        <translation>未评分：{n} {title}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="320"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="109"/>
        <source>Photos {have}/{need}: {n} {title}</source>
        <translation>照片 {have}/{need}：{n} {title}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="335"/>
        <source>Cannot change</source>
        <translation>无法修改</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="352"/>
        <source>score-sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="364"/>
        <source>Save score sheet</source>
        <translation>保存评分表</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="365"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="373"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="376"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="390"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="402"/>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="377"/>
        <source>The score sheet is not available in this version.</source>
        <translation>此版本暂不能生成评分表。</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="380"/>
        <source>Writing the score sheet…</source>
        <translation>正在生成评分表…</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="381"/>
        <source>Writing the score sheet</source>
        <translation>正在生成评分表</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="388"/>
        <source>Score sheet saved: {path}</source>
        <translation>评分表已保存：{path}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/editor_widget.py" line="391"/>
        <source>The score sheet was saved to {path}. Open it now?</source>
        <translation>评分表已保存到 {path}。现在打开吗？</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="49"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="148"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="132"/>
        <source>Item</source>
        <translation>考评项目</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="50"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="149"/>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="51"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="150"/>
        <source>Severity</source>
        <translation>性质</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="52"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="151"/>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="53"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="152"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="54"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="153"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="55"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="154"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="56"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="155"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="120"/>
        <source>Finding (rectification)</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="202"/>
        <source>Propose from scores</source>
        <translation>按扣分生成整改事项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="203"/>
        <source>Items below full marks become findings</source>
        <translation>未得满分的项目生成整改事项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="204"/>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="205"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings.py" line="206"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings_controller.py" line="70"/>
        <source>Delete finding</source>
        <translation>删除整改事项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings_controller.py" line="71"/>
        <source>Delete this finding?</source>
        <translation>确定删除这条整改事项吗？</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/findings_controller.py" line="80"/>
        <source>Findings</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="115"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="131"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="118"/>
        <source>(whole inspection)</source>
        <translation>（整次检查）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="122"/>
        <source>Remove photo…</source>
        <translation>删除照片…</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="180"/>
        <source>No photos yet</source>
        <translation>还没有照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="223"/>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/gallery.py" line="224"/>
        <source>Remove this photo from the inspection? This cannot be undone.</source>
        <translation>从本次检查中删除这张照片吗？删除后无法恢复。</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/item_row.py" line="81"/>
        <source>{max} pts</source>
        <translation>{max} 分</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/item_row.py" line="85"/>
        <source>(deduction)</source>
        <translation>（扣分制）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/item_row.py" line="88"/>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/item_row.py" line="97"/>
        <source>Evidence: {what}</source>
        <translation>佐证材料：{what}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/item_row.py" line="114"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/item_row.py" line="115"/>
        <source>Not applicable (Ctrl+D)</source>
        <translation>不适用（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/item_row.py" line="120"/>
        <source>Note (Ctrl+N)</source>
        <translation>备注（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="32"/>
        <source>Cannot complete yet</source>
        <translation>暂不能完成</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="51"/>
        <source>Change a completed inspection</source>
        <translation>修改已完成的检查</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="52"/>
        <source>This inspection is completed (revision {rev}). Changing it creates revision {next}; the reason is kept in the audit trail.</source>
        <translation>本次检查已完成（第 {rev} 版）。修改将生成第 {next} 版，修改原因记入修改记录。</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="58"/>
        <source>Reason for the change (required)</source>
        <translation>修改原因（必填）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="94"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="95"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="96"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="97"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/lifecycle.py" line="98"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="54"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="55"/>
        <source>Images ({patterns});;All files (*)</source>
        <translation>图片 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="72"/>
        <source>Processing photos</source>
        <translation>正在处理照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="92"/>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="101"/>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="93"/>
        <source>These files were not added:</source>
        <translation>以下文件未添加：</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="95"/>
        <source>{n} photo(s) added</source>
        <translation>已添加 {n} 张照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_controller.py" line="139"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_strip.py" line="55"/>
        <source>+ Photo</source>
        <translation>+ 照片</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_strip.py" line="57"/>
        <source>Add photos (or drop files here, or paste with Ctrl+V)</source>
        <translation>添加照片（也可把文件拖到这里，或按 Ctrl+V 粘贴）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_strip.py" line="79"/>
        <source>(no caption)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_strip.py" line="91"/>
        <source>Photos {n}/{min}</source>
        <translation>照片 {n}/{min}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/photo_strip.py" line="94"/>
        <source>Photos {n}</source>
        <translation>照片 {n}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="87"/>
        <source>Veto: {reasons}</source>
        <translation>否决原因：{reasons}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="90"/>
        <source> (so far)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="95"/>
        <source>Pass mark {mark}</source>
        <translation>达标线 {mark} 分</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="114"/>
        <source>Still missing: {n}</source>
        <translation>尚缺 {n} 项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="115"/>
        <source>Nothing missing</source>
        <translation>无缺项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/score_panel.py" line="121"/>
        <source>Click to go to the item</source>
        <translation>点击跳到该项</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/earlier_findings.py" line="22"/>
        <source>Open findings from earlier visits ({n}) — check them on site:</source>
        <translation>以往检查尚未整改的问题（{n} 项）— 请现场核查：</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/earlier_findings.py" line="28"/>
        <source>deadline {date}</source>
        <translation>期限 {date}</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/earlier_findings.py" line="33"/>
        <source>… and {n} more (see the station page)</source>
        <translation>… 另有 {n} 项（见站点页面）</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/service_backend.py" line="36"/>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/service_backend.py" line="37"/>
        <source>completed</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/service_backend.py" line="38"/>
        <source>reopened for correction</source>
        <translation>重新打开修改</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/service_backend.py" line="39"/>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location filename="../work/main/fengqiao_desktop/ui/editor/service_backend.py" line="40"/>
        <source>finding status changed</source>
        <translation>整改状态变更</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>The score sheet was sent to the printer.</source>
        <translation>评分表已发送到打印机。</translation>
    </message>
    <message>
        <source>Answer in the five-haves check</source>
        <translation>在五有检查中作答</translation>
    </message>
    <message>
        <source>Five-haves check, item {no}: {value}</source>
        <translation>取自五有检查第 {no} 项：{value}</translation>
    </message>
    <message>
        <source>note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>photos: {n}</source>
        <translation>照片 {n} 张</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>no five-haves check in this visit</source>
        <translation>本次走访没有五有检查</translation>
    </message>
    <message>
        <source>not finished yet</source>
        <translation>尚未查完（待定）</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>answer changed</source>
        <translation>修改答案</translation>
    </message>
    <message>
        <source>finding resolved</source>
        <translation>整改事项自动销号</translation>
    </message>
    <message>
        <source>{no}: {before} → {after}</source>
        <translation>{no}：{before} → {after}</translation>
    </message>
    <message>
        <source>; note: “{before}” → “{after}”</source>
        <translation>；备注：“{before}” → “{after}”</translation>
    </message>
    <message>
        <source>finding: {before} → {after}</source>
        <translation>整改事项：{before} → {after}</translation>
    </message>
    <message>
        <source>{total} pts, {verdict}</source>
        <translation>{total} 分，{verdict}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Complete the inspection?</source>
        <translation>确认完成检查？</translation>
    </message>
    <message>
        <source>Verdicts of this visit</source>
        <translation>本次走访的结论</translation>
    </message>
    <message>
        <source>Photos: {n}</source>
        <translation>照片：{n} 张</translation>
    </message>
    <message>
        <source>Completing locks the inspection; a later change needs a reason and makes a new revision.</source>
        <translation>完成后检查即锁定；之后如需修改，须说明理由，并生成新版本。</translation>
    </message>
    <message>
        <source>Complete and lock</source>
        <translation>完成并锁定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Score {total} / {max} — {verdict}</source>
        <translation>得分 {total} / {max} — {verdict}</translation>
    </message>
    <message>
        <source>{form}: {verdict}</source>
        <translation>{form}：{verdict}</translation>
    </message>
    <message>
        <source> ({status})</source>
        <translation>（{status}）</translation>
    </message>
    <message>
        <source>responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <source>measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>（无描述）</translation>
    </message>
    <message>
        <source>{finding} — missing: {what}</source>
        <translation>{finding} — 缺少：{what}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>第{n}版</translation>
    </message>
    <message>
        <source>Five-haves check of this visit: {state}</source>
        <translation>本次走访五有检查：{state}</translation>
    </message>
    <message>
        <source>{item}: {finding}</source>
        <translation>{item}：{finding}</translation>
    </message>
    <message>
        <source>Five haves</source>
        <translation>五有</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>示范型</translation>
    </message>
    <message>
        <source>{kind} · {station}</source>
        <translation>{kind} · {station}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Re-check saved</source>
        <translation>回头看结论已保存</translation>
    </message>
    <message>
        <source>finding re-checked</source>
        <translation>整改问题已复查</translation>
    </message>
    <message>
        <source>Findings: {n}. Every finding has a responsible person, a deadline and measures.</source>
        <translation>整改事项：{n} 项，均已填写责任人、整改时限和整改措施。</translation>
    </message>
    <message>
        <source>Double-click to open the finding</source>
        <translation>双击打开该整改事项</translation>
    </message>
    <message>
        <source>Signatures (optional): the station head and the inspector may sign here with the mouse, a pen or a finger; the score sheet prints them. Without them, sign the printed sheet.</source>
        <translation>签名（可选）：站长和检查人可用鼠标、手写笔或手指在此签名，评分表会打印签名；不在此签名的，请在打印的评分表上签字。</translation>
    </message>
    <message>
        <source>Station head</source>
        <translation>站长（负责人）</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Enter the name of the signer ({role}).</source>
        <translation>请填写签字人（{role}）的姓名。</translation>
    </message>
    <message>
        <source>Signature pad</source>
        <translation>签名板</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>签字人姓名</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
</context>
</TS>
