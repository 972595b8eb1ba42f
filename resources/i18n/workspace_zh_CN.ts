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
</TS>