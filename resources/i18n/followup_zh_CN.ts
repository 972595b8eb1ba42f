<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>Recheck</name>
    <message>
      <source>Rectified</source>
      <translation>已整改</translation>
    </message>
    <message>
      <source>Still open</source>
      <translation>仍未整改</translation>
    </message>
    <message>
      <source>{verdict}: {note}</source>
      <translation>{verdict}：{note}</translation>
    </message>
    <message>
      <source>Not re-checked yet</source>
      <translation>未复查</translation>
    </message>
    <message>
      <source>Returned by the bureau ({who}, {when}):</source>
      <translation>县局退回（{who}，{when}）：</translation>
    </message>
    <message>
      <source>Correct it and complete it again; it goes back with your next export.</source>
      <translation>请修改后重新完成检查，下次导出时一并交回。</translation>
    </message>
    <message>
      <source>Re-check: rectified</source>
      <translation>回头看：已整改</translation>
    </message>
    <message>
      <source>What did you check on site?</source>
      <translation>现场核查了什么？</translation>
    </message>
    <message>
      <source>Choose photo…</source>
      <translation>选择照片…</translation>
    </message>
    <message>
      <source>No photo chosen</source>
      <translation>尚未选择照片</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>整改问题</translation>
    </message>
    <message>
      <source>Note (required)</source>
      <translation>核查说明（必填）</translation>
    </message>
    <message>
      <source>Photo of the rectified state</source>
      <translation>整改后的现场照片</translation>
    </message>
    <message>
      <source>Images ({patterns})</source>
      <translation>图片（{patterns}）</translation>
    </message>
    <message>
      <source>Re-check: findings the bureau sent ({n})</source>
      <translation>回头看：县局下发的待整改问题（{n}）</translation>
    </message>
    <message>
      <source>deadline {date}</source>
      <translation>整改时限 {date}</translation>
    </message>
    <message>
      <source>found by {name}</source>
      <translation>发现人 {name}</translation>
    </message>
    <message>
      <source>Rectified…</source>
      <translation>已整改…</translation>
    </message>
    <message>
      <source>Processing photos</source>
      <translation>正在处理照片</translation>
    </message>
    <message>
      <source>Re-check</source>
      <translation>回头看</translation>
    </message>
  </context>
  <context>
    <name>BureauFollowup</name>
    <message>
      <source>Station</source>
      <translation>服务站</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>整改问题</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改时限</translation>
    </message>
    <message>
      <source>Re-check note</source>
      <translation>复查说明</translation>
    </message>
    <message>
      <source>Re-checked by</source>
      <translation>复查人</translation>
    </message>
    <message>
      <source>Close a finding</source>
      <translation>整改问题销号</translation>
    </message>
    <message>
      <source>Close “{what}” at {station}? It stops counting as open in coverage.</source>
      <translation>将{station}的“{what}”销号？销号后不再计入未整改数。</translation>
    </message>
    <message>
      <source>Re-check by {who}: {note}</source>
      <translation>{who} 复查：{note}</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>没有照片</translation>
    </message>
    <message>
      <source>Closed by</source>
      <translation>销号人</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Rectified at a re-check, awaiting closure</source>
      <translation>复查已整改，待销号</translation>
    </message>
    <message>
      <source>Close finding…</source>
      <translation>销号…</translation>
    </message>
    <message>
      <source>Loading findings</source>
      <translation>正在读取整改问题</translation>
    </message>
    <message>
      <source>{n} finding(s) to close</source>
      <translation>{n} 个问题待销号</translation>
    </message>
    <message>
      <source>Closing the finding</source>
      <translation>正在销号</translation>
    </message>
  </context>
</TS>