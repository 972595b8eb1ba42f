<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>MainWindow</name>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>快捷键</translation>
    </message>
  </context>
  <context>
    <name>Shortcuts</name>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>按键</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>功能</translation>
    </message>
    <message>
      <source>Go to the note of the current item</source>
      <translation>转到当前项目的备注</translation>
    </message>
    <message>
      <source>Mark the current item not applicable (N/A)</source>
      <translation>将当前项目标为不适用</translation>
    </message>
    <message>
      <source>Add photos to the current item</source>
      <translation>为当前项目添加照片</translation>
    </message>
    <message>
      <source>Open the photo gallery</source>
      <translation>打开照片库</translation>
    </message>
    <message>
      <source>Save the score sheet as PDF</source>
      <translation>将评分表保存为 PDF</translation>
    </message>
    <message>
      <source>Undo the last change of an answer, note or N/A</source>
      <translation>撤销上一次对评分、备注或“不适用”的修改</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>重做</translation>
    </message>
    <message>
      <source>Go to the next unanswered item or missing photo</source>
      <translation>转到下一个未填写或缺照片的项目</translation>
    </message>
    <message>
      <source>Next item</source>
      <translation>下一项</translation>
    </message>
    <message>
      <source>Previous item</source>
      <translation>上一项</translation>
    </message>
    <message>
      <source>Yes / No</source>
      <translation>是 / 否</translation>
    </message>
    <message>
      <source>Full marks</source>
      <translation>满分</translation>
    </message>
    <message>
      <source>Type the points; choose an option by its number</source>
      <translation>输入分数；按序号选择选项</translation>
    </message>
    <message>
      <source>Clear the answer</source>
      <translation>清除评分</translation>
    </message>
    <message>
      <source>Paste a photo into the current item</source>
      <translation>将照片粘贴到当前项目</translation>
    </message>
    <message>
      <source>Change {n} {title}</source>
      <translation>修改 {n} {title}</translation>
    </message>
    <message>
      <source>Nothing missing</source>
      <translation>没有缺项</translation>
    </message>
  </context>
  <context>
    <name>StationFilter</name>
    <message>
      <source>All stations</source>
      <translation>全部服务站</translation>
    </message>
    <message>
      <source>Not inspected</source>
      <translation>未检查</translation>
    </message>
    <message>
      <source>Drafts</source>
      <translation>草稿</translation>
    </message>
    <message>
      <source>Completed, not exported</source>
      <translation>已完成未导出</translation>
    </message>
    <message>
      <source>Open findings</source>
      <translation>有未销号整改事项</translation>
    </message>
    <message>
      <source>Overdue findings</source>
      <translation>整改逾期</translation>
    </message>
    <message>
      <source>Show:</source>
      <translation>显示：</translation>
    </message>
    <message>
      <source>{label} ({count})</source>
      <translation>{label}（{count}）</translation>
    </message>
  </context>
  <context>
    <name>Photos</name>
    <message>
      <source>Taken {days} days before the visit</source>
      <translation>早于走访 {days} 天拍摄</translation>
    </message>
    <message>
      <source>Taken {time}</source>
      <translation>拍摄于 {time}</translation>
    </message>
    <message>
      <source>No capture time in the file</source>
      <translation>文件中没有拍摄时间</translation>
    </message>
    <message>
      <source>Fingerprint {hash}…</source>
      <translation>指纹 {hash}…</translation>
    </message>
    <message>
      <source>Location {position}</source>
      <translation>拍摄位置 {position}</translation>
    </message>
    <message>
      <source>Photo caption</source>
      <translation>照片说明</translation>
    </message>
    <message>
      <source>Caption for {n} new photo(s) (printed on the score sheet):</source>
      <translation>为新添加的 {n} 张照片填写说明（将打印在评分表上）：</translation>
    </message>
    <message>
      <source>Photo {i}: taken {day}, {days} days before the visit ({visit})</source>
      <translation>照片 {i}：拍摄于 {day}，比走访日期（{visit}）早 {days} 天</translation>
    </message>
    <message>
      <source>These photos are older than the visit. Do they show the station as it is today?</source>
      <translation>以下照片的拍摄时间早于本次走访。它们能反映服务站的现状吗？</translation>
    </message>
    <message>
      <source>Save caption</source>
      <translation>保存说明</translation>
    </message>
    <message>
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
  </context>
</TS>