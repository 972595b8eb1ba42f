<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Editor</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Y or 1</source>
        <translation>按 Y 或 1</translation>
    </message>
    <message>
        <source>N or 0</source>
        <translation>按 N 或 0</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>0 to {max} in steps of {step}; F = full marks</source>
        <translation>0 至 {max} 分，步长 {step}；按 F 得满分</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <source>Check and lock the inspection</source>
        <translation>检查必填项和佐证材料并锁定</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Edit a completed inspection (asks for a reason)</source>
        <translation>修改已完成的检查（需填写原因）</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>{title} ({max} pts)</source>
        <translation>{title}（{max} 分）</translation>
    </message>
    <message>
        <source>{status}, revision {rev}</source>
        <translation>{status}，第 {rev} 版</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已保存 {time}</translation>
    </message>
    <message>
        <source>Photos ({n})</source>
        <translation>照片（{n}）</translation>
    </message>
    <message>
        <source>Inspection completed and locked</source>
        <translation>检查已完成并锁定</translation>
    </message>
    <message>
        <source>Not answered: {n} {title}</source>
        <translation>未评分：{n} {title}</translation>
    </message>
    <message>
        <source>Photos {have}/{need}: {n} {title}</source>
        <translation>照片 {have}/{need}：{n} {title}</translation>
    </message>
    <message>
        <source>Cannot change</source>
        <translation>无法修改</translation>
    </message>
    <message>
        <source>Save score sheet</source>
        <translation>保存评分表</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Score sheet</source>
        <translation>评分表</translation>
    </message>
    <message>
        <source>The score sheet is not available in this version.</source>
        <translation>此版本暂不能生成评分表。</translation>
    </message>
    <message>
        <source>Writing the score sheet</source>
        <translation>正在生成评分表</translation>
    </message>
    <message>
        <source>Score sheet saved: {path}</source>
        <translation>评分表已保存：{path}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>考评项目</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>问题类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Finding (rectification)</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Propose from scores</source>
        <translation>按扣分生成整改事项</translation>
    </message>
    <message>
        <source>Items below full marks become findings</source>
        <translation>未得满分的项目生成整改事项</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete finding</source>
        <translation>删除整改事项</translation>
    </message>
    <message>
        <source>Delete this finding?</source>
        <translation>确定删除这条整改事项吗？</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>(whole inspection)</source>
        <translation>（整次检查）</translation>
    </message>
    <message>
        <source>Remove photo…</source>
        <translation>删除照片…</translation>
    </message>
    <message>
        <source>No photos yet</source>
        <translation>还没有照片</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <source>Remove this photo from the inspection? This cannot be undone.</source>
        <translation>从本次检查中删除这张照片吗？删除后无法恢复。</translation>
    </message>
    <message>
        <source>{max} pts</source>
        <translation>{max} 分</translation>
    </message>
    <message>
        <source>(deduction)</source>
        <translation>（扣分制）</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Evidence: {what}</source>
        <translation>佐证材料：{what}</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not applicable (Ctrl+D)</source>
        <translation>不适用（Ctrl+D）</translation>
    </message>
    <message>
        <source>Note (Ctrl+N)</source>
        <translation>备注（Ctrl+N）</translation>
    </message>
    <message>
        <source>Cannot complete yet</source>
        <translation>暂不能完成</translation>
    </message>
    <message>
        <source>Change a completed inspection</source>
        <translation>修改已完成的检查</translation>
    </message>
    <message>
        <source>This inspection is completed (revision {rev}). Changing it creates revision {next}; the reason is kept in the audit trail.</source>
        <translation>本次检查已完成（第 {rev} 版）。修改将生成第 {next} 版，修改原因记入修改记录。</translation>
    </message>
    <message>
        <source>Reason for the change (required)</source>
        <translation>修改原因（必填）</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Images ({patterns});;All files (*)</source>
        <translation>图片 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Processing photos</source>
        <translation>正在处理照片</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <source>These files were not added:</source>
        <translation>以下文件未添加：</translation>
    </message>
    <message>
        <source>{n} photo(s) added</source>
        <translation>已添加 {n} 张照片</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>+ Photo</source>
        <translation>+ 照片</translation>
    </message>
    <message>
        <source>Add photos (or drop files here, or paste with Ctrl+V)</source>
        <translation>添加照片（也可把文件拖到这里，或按 Ctrl+V 粘贴）</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <source>Photos {n}/{min}</source>
        <translation>照片 {n}/{min}</translation>
    </message>
    <message>
        <source>Photos {n}</source>
        <translation>照片 {n}</translation>
    </message>
    <message>
        <source>Veto: {reasons}</source>
        <translation>否决原因：{reasons}</translation>
    </message>
    <message>
        <source> (so far)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <source>Pass mark {mark}</source>
        <translation>达标线 {mark} 分</translation>
    </message>
    <message>
        <source>Still missing: {n}</source>
        <translation>尚缺 {n} 项</translation>
    </message>
    <message>
        <source>Nothing missing</source>
        <translation>无缺项</translation>
    </message>
    <message>
        <source>Click to go to the item</source>
        <translation>点击跳到该项</translation>
    </message>
</context>
</TS>