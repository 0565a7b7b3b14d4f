<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddFollowUpDialog</name>
    <message>
        <source>Add a follow-up</source>
        <translation>添加跟进</translation>
    </message>
    <message>
        <source>What to do, what to bring…</source>
        <translation>要做什么，要带什么…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The card file %1 was written by a newer version of Prospect Desk. It has not been changed. Please install the newer version.</source>
        <translation>卡片文件 %1 由更新版本的 Prospect Desk 写入，未做任何更改。请安装新版本。</translation>
    </message>
    <message>
        <source>The card file %1 is damaged, so it was not opened and nothing was written to it. Restore a backup, or keep the file for repair.</source>
        <translation>卡片文件 %1 已损坏，因此没有打开，也未写入任何内容。请恢复备份，或保留该文件以便修复。</translation>
    </message>
    <message>
        <source>%1 is not a Prospect Desk card file (it holds other tables), so it was not opened and nothing was written to it. Choose a card file, or a new file name, with --db.</source>
        <translation>%1 不是 Prospect Desk 的卡片文件（其中有别的数据表），因此没有打开，也没有写入任何内容。请用 --db 选择一个卡片文件，或一个新的文件名。</translation>
    </message>
    <message>
        <source>The card file %1 needs upgrading to this version of Prospect Desk, but it is read-only. Make it writable, then open it again.</source>
        <translation>卡片文件 %1 需要升级到此版本的 Prospect Desk，但该文件为只读。请将其设为可写后重新打开。</translation>
    </message>
    <message>
        <source>The card file %1 could not be opened: %2</source>
        <translation>无法打开卡片文件 %1：%2</translation>
    </message>
    <message>
        <source>Prospect Desk</source>
        <translation>Prospect Desk</translation>
    </message>
    <message>
        <source>Prospect Desk is already open with this card file (process %1). Switch to that window, or close it before opening the file again.</source>
        <translation>Prospect Desk 已在使用此卡片文件（进程 %1）。请切换到那个窗口，或先将其关闭再打开此文件。</translation>
    </message>
    <message>
        <source>Prospect Desk is already open with this card file. Switch to that window, or close it before opening the file again.</source>
        <translation>Prospect Desk 已在使用此卡片文件。请切换到那个窗口，或先将其关闭再打开此文件。</translation>
    </message>
    <message>
        <source>The file is read-only, so no backup can be put in its place.</source>
        <translation>该文件为只读，无法用备份替换它。</translation>
    </message>
    <message>
        <source>No good backup of it was found.</source>
        <translation>没有找到它的完好备份。</translation>
    </message>
    <message>
        <source>The card file %1 is damaged, so it was not opened and nothing was written to it.

Restore the newest good backup (%2)? The damaged file is kept beside it, renamed.</source>
        <translation>卡片文件 %1 已损坏，因此没有打开，也未写入任何内容。

要恢复最新的完好备份（%2）吗？损坏的文件会改名后保留在旁边。</translation>
    </message>
    <message>
        <source>The damaged file was left as it is. Prospect Desk will close; you can restore a backup later with: main.py restore FILE</source>
        <translation>损坏的文件保持原样。Prospect Desk 将关闭；之后可以用以下命令恢复备份：main.py restore FILE</translation>
    </message>
    <message>
        <source>The backup could not be restored: %1</source>
        <translation>无法恢复备份：%1</translation>
    </message>
    <message>
        <source>The backup %1 was restored. The damaged file was kept as %2.</source>
        <translation>已恢复备份 %1。损坏的文件已保留为 %2。</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 backups of this card file, newest first. A copy is made every day you open it; the last 7 days and 4 weeks are kept, and every copy made by hand.</source>
        <translation>此卡片文件共有 %1 个备份，最新的在前。每天打开卡片文件时会自动备份一份；保留最近 7 天和 4 周的备份，以及所有手动备份。</translation>
    </message>
    <message>
        <source>No backups of this card file yet.</source>
        <translation>此卡片文件尚无备份。</translation>
    </message>
    <message>
        <source>The card file is read-only: backups cannot be made or restored here.</source>
        <translation>卡片文件为只读：无法在此备份或恢复。</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the card file with the backup made on %1? The cards as they are now are kept in a file beside it, not deleted.</source>
        <translation>要用 %1 的备份替换卡片文件吗？现有的卡片会另存为旁边的一个文件，不会被删除。</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>This backup could not be restored, so the card file was left as it was: %1</source>
        <translation>无法恢复此备份，卡片文件保持原样：%1</translation>
    </message>
    <message>
        <source>The backup was put in place but could not be opened: %1. Your previous card file was kept as %2.</source>
        <translation>备份已替换到位，但无法打开：%1。原卡片文件已保留为 %2。</translation>
    </message>
    <message>
        <source>The card file as it was before is kept as %1.</source>
        <translation>恢复前的卡片文件已保留为 %1。</translation>
    </message>
    <message>
        <source>The backup made on %1 was restored.</source>
        <translation>已恢复 %1 的备份。</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>Today&apos;s backup was made.</source>
        <translation>今天的备份已完成。</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be made: %1</source>
        <translation>今天的备份未能完成：%1</translation>
    </message>
    <message>
        <source>Making today&apos;s backup…</source>
        <translation>正在进行今天的备份…</translation>
    </message>
</context>
<context>
    <name>BulkDelete</name>
    <message>
        <source>Delete cards</source>
        <translation>删除卡片</translation>
    </message>
    <message>
        <source>Move the %1 chosen cards to the trash? You can restore them from Edit → Trash….</source>
        <translation>将选中的 %1 张卡片移到回收站吗？可以在“编辑 → 回收站…”中恢复。</translation>
    </message>
    <message>
        <source>Moving cards to the trash…</source>
        <translation>正在将卡片移到回收站…</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>◀ Previous month</source>
        <translation>◀ 上个月</translation>
    </message>
    <message>
        <source>Next month ▶</source>
        <translation>下个月 ▶</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>当周</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Double-click a line to open its card.</source>
        <translation>双击一行即可打开对应的卡片。</translation>
    </message>
    <message>
        <source>Follow-ups on %1</source>
        <translation>%1 的跟进</translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>逾期（%1）</translation>
    </message>
    <message>
        <source>Day (%1)</source>
        <translation>当天（%1）</translation>
    </message>
</context>
<context>
    <name>CallSheet</name>
    <message>
        <source>{referrer} asked me to call you, and I promised I would.</source>
        <translation>{referrer}请我给您打个电话，我答应过一定会打。</translation>
    </message>
    <message>
        <source>Your name came up in our sales meeting.</source>
        <translation>我们在销售会议上提到了您。</translation>
    </message>
    <message>
        <source>I just happened to think of you, and we have something new.</source>
        <translation>我刚好想到您，我们有了新东西想给您看看。</translation>
    </message>
    <message>
        <source>I wanted to thank you for your purchase.</source>
        <translation>我想谢谢您的惠顾。</translation>
    </message>
    <message>
        <source>Is everything working as you hoped?</source>
        <translation>一切都如您所愿吗？使用还满意吗？</translation>
    </message>
    <message>
        <source>Would you write a few lines about how it has worked for you?</source>
        <translation>能否请您写几句使用感受？</translation>
    </message>
    <message>
        <source>It has been a while: is it time to stock up again?</source>
        <translation>有一段时间了，是不是该再补货了？</translation>
    </message>
    <message>
        <source>Happy birthday! I just wanted to wish you well.</source>
        <translation>生日快乐！特地来祝福您。</translation>
    </message>
    <message>
        <source>Thank you for introducing me to {referred}.</source>
        <translation>谢谢您把我介绍给{referred}。</translation>
    </message>
    <message>
        <source>I am calling about the open invoice: when can we expect it?</source>
        <translation>我打电话是想问一下未结的货款，请问什么时候可以付款？</translation>
    </message>
    <message>
        <source>We have missed you: is there anything we could do better?</source>
        <translation>好久没见到您了，我们有什么可以做得更好的吗？</translation>
    </message>
    <message>
        <source>Did our letter reach you?</source>
        <translation>我们寄的信您收到了吗？</translation>
    </message>
    <message>
        <source>I just happened to think of you.</source>
        <translation>我刚好想到了您。</translation>
    </message>
    <message>
        <source>Name / company</source>
        <translation>姓名 / 公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Opening line</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Outcome / next step</source>
        <translation>结果 / 下一步</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Call sheet, %1</source>
        <translation>电话拜访表，%1</translation>
    </message>
    <message>
        <source>Call sheet, %1 to %2</source>
        <translation>电话拜访表，%1 至 %2</translation>
    </message>
    <message>
        <source>Nobody to call.</source>
        <translation>没有需要打电话的人。</translation>
    </message>
</context>
<context>
    <name>CallSheetDialog</name>
    <message>
        <source>Print call sheet</source>
        <translation>打印电话拜访表</translation>
    </message>
    <message>
        <source>Include overdue follow-ups</source>
        <translation>包括已逾期的跟进</translation>
    </message>
    <message>
        <source>Any circle</source>
        <translation>任何圈子</translation>
    </message>
    <message>
        <source>No circle</source>
        <translation>无圈子</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>任何类型</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Opening lines…</source>
        <translation>开场白…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>What to say</source>
        <translation>怎么说</translation>
    </message>
    <message>
        <source>Choose a first day and a last day on or after it.</source>
        <translation>请选择开始日期，以及不早于它的结束日期。</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Save call sheet as PDF</source>
        <translation>将电话拜访表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the call sheet…</source>
        <translation>正在生成电话拜访表…</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>No circle</source>
        <translation>无圈子</translation>
    </message>
    <message>
        <source>A removed circle</source>
        <translation>已删除的圈子</translation>
    </message>
    <message>
        <source>credit: %1</source>
        <translation>信用：%1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>寄给</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Mailer campaigns</source>
        <translation>邮寄活动</translation>
    </message>
    <message>
        <source>No mailer campaigns yet. New campaign… sends a mailer, a brochure, a new-arrival report, an invitation or a personal letter to a circle, a stage or a search, and puts a follow-up on each of those cards for its date.</source>
        <translation>还没有邮寄活动。“新建活动…”可向一个圈子、一个阶段或一次搜索的卡片寄送广告函件、新商品说明书、新进商品报告、展览会邀请或私人信函，并在活动日期为每张卡片添加一项跟进。</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <source>Print envelopes…</source>
        <translation>打印信封…</translation>
    </message>
    <message>
        <source>Print letters…</source>
        <translation>打印信函…</translation>
    </message>
    <message>
        <source>Mark all sent</source>
        <translation>全部标记为已寄出</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Campaign made: %1 follow-ups added.</source>
        <translation>活动已创建：添加了 %1 项跟进。</translation>
    </message>
    <message>
        <source>Letters written: %1 follow-ups done.</source>
        <translation>信函已生成：%1 项跟进已完成。</translation>
    </message>
    <message>
        <source>Mark the %1 open follow-ups of “%2” as done? Each card&apos;s history will say it was sent on %3.</source>
        <translation>将“%2”的 %1 项未完成跟进标记为完成？每张卡片的历史记录将记下已于 %3 寄出。</translation>
    </message>
    <message>
        <source>Sent: %1 (%2)</source>
        <translation>已寄出：%1（%2）</translation>
    </message>
    <message>
        <source>Marking %1 follow-ups done…</source>
        <translation>正在将 %1 项跟进标记为完成…</translation>
    </message>
    <message>
        <source>%1 follow-ups marked done.</source>
        <translation>已将 %1 项跟进标记为完成。</translation>
    </message>
    <message>
        <source>Delete the campaign “%1”? Its %2 open follow-ups are removed; the %3 done stay in the cards&apos; history.</source>
        <translation>删除活动“%1”？其 %2 项未完成跟进将被移除；已完成的 %3 项仍保留在卡片的历史记录中。</translation>
    </message>
    <message>
        <source>Removing %1 open follow-ups…</source>
        <translation>正在删除 %1 项未完成的跟进…</translation>
    </message>
    <message>
        <source>Campaign deleted: %1 open follow-ups removed.</source>
        <translation>活动已删除：移除了 %1 项未完成跟进。</translation>
    </message>
</context>
<context>
    <name>CardAccountBox</name>
    <message>
        <source>Top customer: among the top 20% by revenue of the last 12 months</source>
        <translation>重要客户：最近 12 个月销售额位居前 20%</translation>
    </message>
    <message>
        <source>Total due</source>
        <translation>应收合计</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <source>A seasonal buyer can have a longer threshold than the one in Settings</source>
        <translation>季节性购买的客户可以有比设置中更长的期限</translation>
    </message>
    <message>
        <source>%1 (due since %2)</source>
        <translation>%1（自 %2 起到期）</translation>
    </message>
    <message>
        <source>Lapsed after %1 months without a purchase (the setting)</source>
        <translation>%1 个月未购买即视为失联（按设置）</translation>
    </message>
    <message>
        <source>Lapsed after %1 months without a purchase (this card&apos;s own threshold)</source>
        <translation>%1 个月未购买即视为失联（此卡片自己的期限）</translation>
    </message>
    <message>
        <source>Lapse threshold</source>
        <translation>失联期限</translation>
    </message>
    <message>
        <source>Months without a purchase before this customer counts as lapsed (0: use the setting, now %1 months):</source>
        <translation>此客户多少个月未购买即视为失联（0：按设置，目前为 %1 个月）：</translation>
    </message>
</context>
<context>
    <name>CardEditor</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>No card selected</source>
        <translation>未选择卡片</translation>
    </message>
    <message>
        <source>Choose a card in the list, or create one.</source>
        <translation>请在列表中选择一张卡片，或新建一张。</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>服务公司</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>第一次接触日期</translation>
    </message>
    <message>
        <source>Transaction date</source>
        <translation>交易日期</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Credit status</source>
        <translation>信用状况</translation>
    </message>
    <message>
        <source>Source circle</source>
        <translation>来源圈子</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>推荐来源</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Has referred</source>
        <translation>已推荐的人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New company card</source>
        <translation>新建公司行号卡</translation>
    </message>
    <message>
        <source>New individual card</source>
        <translation>新建个人卡</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>带 * 的项为必填项。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(no circle)</source>
        <translation>（无圈子）</translation>
    </message>
    <message>
        <source>“%1” is not a date that exists.</source>
        <translation>“%1”不是一个存在的日期。</translation>
    </message>
    <message>
        <source>“%1” is not a date: type it as 2025-03-04.</source>
        <translation>“%1”不是日期：请按 2025-03-04 的格式输入。</translation>
    </message>
    <message>
        <source>The card could not be saved because the disk is full. Nothing was changed in the card file, and what you typed is still here: free some space, then save again.</source>
        <translation>磁盘已满，无法保存卡片。卡片文件未做任何更改，您输入的内容仍保留在这里：请腾出一些空间后再保存。</translation>
    </message>
    <message>
        <source>The card could not be saved because the card file cannot be written (it is read-only). What you typed is still here.</source>
        <translation>卡片文件无法写入（为只读），因此无法保存卡片。您输入的内容仍保留在这里。</translation>
    </message>
    <message>
        <source>The card could not be saved: %1. Nothing was changed in the card file, and what you typed is still here.</source>
        <translation>无法保存卡片：%1。卡片文件未做任何更改，您输入的内容仍保留在这里。</translation>
    </message>
    <message>
        <source>Card not saved</source>
        <translation>卡片未保存</translation>
    </message>
    <message>
        <source>A card needs a name.</source>
        <translation>卡片必须有名称。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>这不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>A birthday cannot be in the future.</source>
        <translation>生日不能是将来的日期。</translation>
    </message>
    <message>
        <source>A card cannot refer itself.</source>
        <translation>卡片不能将自己设为推荐人。</translation>
    </message>
</context>
<context>
    <name>CardPickerDialog</name>
    <message>
        <source>Choose a card</source>
        <translation>选择卡片</translation>
    </message>
    <message>
        <source>Type a name, company, phone or pinyin…</source>
        <translation>输入姓名、公司、电话号码或拼音…</translation>
    </message>
    <message>
        <source>%1 more: type more to narrow the list.</source>
        <translation>还有 %1 项：请继续输入以缩小范围。</translation>
    </message>
</context>
<context>
    <name>CardPrint</name>
    <message>
        <source>Print card</source>
        <translation>打印卡片</translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Credit status</source>
        <translation>信用状况</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>第一次接触</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近接触</translation>
    </message>
    <message>
        <source>%1: a top customer (the top 20% by revenue of the last 12 months)</source>
        <translation>%1：重要客户（最近 12 个月销售额前 20%）</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>DatePickDialog</name>
    <message>
        <source>Move to another date</source>
        <translation>改到其他日期</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>Record deal</source>
        <translation>记录交易</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>未成交</translation>
    </message>
    <message>
        <source>After the sale</source>
        <translation>售后</translation>
    </message>
    <message>
        <source>Delivery on</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <source>Test the installation</source>
        <translation>测试安装情况</translation>
    </message>
    <message>
        <source>Train use and upkeep</source>
        <translation>培训使用与保养</translation>
    </message>
    <message>
        <source>Why it was lost, and a look at yourself</source>
        <translation>未成交的原因与自我检讨</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DealImportWizard</name>
    <message>
        <source>Date of the sale</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Won or lost</source>
        <translation>成交或失败</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>没有日期</translation>
    </message>
    <message>
        <source>Not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>Not an amount</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>Not “won” or “lost” (成交 or 失败)</source>
        <translation>既不是“成交”也不是“失败”</translation>
    </message>
    <message>
        <source>No customer: give a name, phone or e-mail</source>
        <translation>没有客户：请填写姓名、电话或电子邮件</translation>
    </message>
    <message>
        <source>More paid than the amount</source>
        <translation>已付金额超过成交金额</translation>
    </message>
    <message>
        <source>A payment on a lost sale</source>
        <translation>失败的交易却有付款</translation>
    </message>
    <message>
        <source>No card matches the customer</source>
        <translation>没有与该客户相符的卡片</translation>
    </message>
    <message>
        <source>Several cards match the customer</source>
        <translation>有多张卡片与该客户相符</translation>
    </message>
    <message>
        <source>Import a sales history</source>
        <translation>导入销售记录</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Importing the sales…</source>
        <translation>正在导入销售记录…</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>没有写入任何内容。</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>导入已取消，没有写入任何内容。</translation>
    </message>
    <message>
        <source>No backup of your cards could be made before the import, so nothing was imported: %1</source>
        <translation>导入前无法备份您的卡片，因此没有导入任何内容：%1</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>导入失败，没有写入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <source>Mark declined</source>
        <translation>标记为拒绝</translation>
    </message>
    <message>
        <source>“No” usually means “not now”. Record the real reason, so the revisit can answer it.</source>
        <translation>“不要”通常意味着“暂时不买”。请记下真正的原因，以便回访时有针对性地解决。</translation>
    </message>
    <message>
        <source>What exactly did they say? (required for “Other”)</source>
        <translation>对方具体是怎么说的？（选择“其他”时必填）</translation>
    </message>
    <message>
        <source>Real reason</source>
        <translation>真正的原因</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Revisit on</source>
        <translation>回访日期</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Prospect Desk: an error</source>
        <translation>Prospect Desk：出错了</translation>
    </message>
    <message>
        <source>Something went wrong: %1

What was already saved is safe, and you can go on working. If it happens again, please send the details below to support.</source>
        <translation>出现问题：%1

已保存的内容不受影响，您可以继续工作。如果再次出现，请将下面的详细信息发送给技术支持。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export cards</source>
        <translation>导出卡片</translation>
    </message>
    <message>
        <source>The cards in the list now, as searched and filtered (%1)</source>
        <translation>当前列表中经搜索和筛选的卡片（%1）</translation>
    </message>
    <message>
        <source>All cards (%1)</source>
        <translation>全部卡片（%1）</translation>
    </message>
    <message>
        <source>The file is an Excel workbook that Prospect Desk can import again. Column titles are in the language of the window.</source>
        <translation>导出的文件是 Excel 工作簿，可以再导入 Prospect Desk。列标题使用窗口当前的语言。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Which cards?</source>
        <translation>导出哪些卡片？</translation>
    </message>
    <message>
        <source>Export cards to</source>
        <translation>将卡片导出到</translation>
    </message>
    <message>
        <source>prospects.xlsx</source>
        <translation>潜在客户.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting cards…</source>
        <translation>正在导出卡片…</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <source>%1 cards were written to %2.</source>
        <translation>已将 %1 张卡片写入 %2。</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The cards could not be written to %1: %2. Nothing was changed there; choose another folder or free some space and try again.</source>
        <translation>无法将卡片写入 %1：%2。该位置未做任何更改；请选择其他文件夹或腾出一些空间后重试。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the spreadsheet</source>
        <translation>选择电子表格</translation>
    </message>
    <message>
        <source>An Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file with one card per row and a row of column titles on top.</source>
        <translation>Excel（.xlsx、.xls）、OpenDocument（.ods）或 CSV 文件，每行一张卡片，首行为列标题。</translation>
    </message>
    <message>
        <source>Reading the spreadsheet…</source>
        <translation>正在读取电子表格…</translation>
    </message>
    <message>
        <source>Reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <source>Choose the sales history</source>
        <translation>选择销售记录</translation>
    </message>
    <message>
        <source>An Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file with one sale per row (date, customer, product, amount, won or lost, amount paid, due date) under a row of column titles.</source>
        <translation>Excel（.xlsx、.xls）、OpenDocument（.ods）或 CSV 文件：第一行是列标题，其下每行一笔销售（日期、客户、产品、金额、成交或失败、已付金额、到期日）。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Choose a sales history to import</source>
        <translation>选择要导入的销售记录</translation>
    </message>
    <message>
        <source>%1 columns; up to %2 rows of sales under the titles in row %3.</source>
        <translation>共 %1 列；第 %3 行的标题之下最多 %2 行销售记录。</translation>
    </message>
    <message>
        <source>Choose a spreadsheet to import</source>
        <translation>选择要导入的电子表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 columns; up to %2 rows of cards under the titles in row %3.</source>
        <translation>共 %1 列；第 %3 行为标题，其下最多 %2 行卡片。</translation>
    </message>
    <message>
        <source>The file %1 could not be opened: %2</source>
        <translation>无法打开文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Any credit status</source>
        <translation>任意信用状况</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Grey circles have no cards yet: find a few prospects in every circle.</source>
        <translation>灰色的圈子还没有卡片：每个圈子都去找几位潜在客户吧。</translation>
    </message>
    <message>
        <source>Add circle</source>
        <translation>添加圈子</translation>
    </message>
    <message>
        <source>Rename circle</source>
        <translation>重命名圈子</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove circle</source>
        <translation>删除圈子</translation>
    </message>
    <message>
        <source>Source circles</source>
        <translation>来源圈子</translation>
    </message>
    <message>
        <source>All circles</source>
        <translation>全部圈子</translation>
    </message>
    <message>
        <source>No circle</source>
        <translation>无圈子</translation>
    </message>
    <message>
        <source>No cards in this circle yet</source>
        <translation>此圈子中还没有卡片</translation>
    </message>
    <message>
        <source>Circle name:</source>
        <translation>圈子名称：</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>A circle named “%1” exists already.</source>
        <translation>名为“%1”的圈子已存在。</translation>
    </message>
    <message>
        <source>A circle needs a name.</source>
        <translation>圈子必须有名称。</translation>
    </message>
    <message>
        <source>Circle not saved</source>
        <translation>圈子未保存</translation>
    </message>
    <message>
        <source>Remove the circle “%1”? Its %2 cards stay, filed under no circle.</source>
        <translation>要删除圈子“%1”吗？其中的 %2 张卡片会保留，归入“无圈子”。</translation>
    </message>
</context>
<context>
    <name>FollowUpCalendar</name>
    <message>
        <source>+%1 more</source>
        <translation>另有 %1 项</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <source>Open follow-ups</source>
        <translation>待办跟进</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Mark declined…</source>
        <translation>标记为拒绝…</translation>
    </message>
    <message>
        <source>The prospect said “not now”: record the real reason and plan the revisit</source>
        <translation>潜在客户表示“暂不购买”：记下真正的原因并安排回访</translation>
    </message>
    <message>
        <source>Record deal…</source>
        <translation>记录交易…</translation>
    </message>
    <message>
        <source>A deal won or lost, and what follows it</source>
        <translation>记录成交或未成交的交易，以及后续工作</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>This card no longer exists.</source>
        <translation>这张卡片已不存在。</translation>
    </message>
    <message>
        <source>This deal no longer exists.</source>
        <translation>这笔交易已不存在。</translation>
    </message>
    <message>
        <source>Choose a reason from the list.</source>
        <translation>请从列表中选择原因。</translation>
    </message>
    <message>
        <source>Say in the note what the real reason was.</source>
        <translation>请在备注中写明真正的原因。</translation>
    </message>
    <message>
        <source>“Not interested” is not a reason you can work with. Write down the real reason (price, timing, a supplier they already have…) so the revisit can address it.</source>
        <translation>“没兴趣”不是可以着手的原因。请记下真正的原因（价格、时机、已有供应商……），回访时才能有的放矢。</translation>
    </message>
    <message>
        <source>The revisit date cannot be in the past.</source>
        <translation>回访日期不能早于今天。</translation>
    </message>
    <message>
        <source>Choose whether the deal was won or lost.</source>
        <translation>请选择交易是成交还是未成交。</translation>
    </message>
    <message>
        <source>The amount must be zero or more.</source>
        <translation>金额必须大于或等于零。</translation>
    </message>
    <message>
        <source>Choose why the deal was lost.</source>
        <translation>请选择未成交的原因。</translation>
    </message>
    <message>
        <source>Answer all six self-review questions with yes or no.</source>
        <translation>请对六个自我检讨问题逐一回答“是”或“否”。</translation>
    </message>
    <message>
        <source>Choose the kind of campaign.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>名称为必填项。</translation>
    </message>
    <message>
        <source>Choose which cards the campaign goes to.</source>
        <translation>请选择活动要发给哪些卡片。</translation>
    </message>
    <message>
        <source>This lunar date does not exist.</source>
        <translation>这个农历日期不存在。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>What was said or done…</source>
        <translation>说了什么、做了什么…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove entry</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Remove this entry from the card&apos;s history?</source>
        <translation>要从卡片的历史记录中删除此条记录吗？</translation>
    </message>
</context>
<context>
    <name>IcsExportDialog</name>
    <message>
        <source>Export calendar (.ics)</source>
        <translation>导出日历（.ics）</translation>
    </message>
    <message>
        <source>Follow-ups and birthdays between these dates go into one .ics file that other calendars can import.</source>
        <translation>这两个日期之间的跟进和生日会写入一个 .ics 文件，其他日历可以导入。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The last day comes before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history…</source>
        <translation>导入记录…</translation>
    </message>
    <message>
        <source>Undone on %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>This import was undone already; it cannot be undone twice.</source>
        <translation>这次导入已经撤销过了，不能再撤销一次。</translation>
    </message>
    <message>
        <source>There is no import %1 in the history.</source>
        <translation>导入记录中没有第 %1 次导入。</translation>
    </message>
    <message>
        <source>The sales import was undone: %1 deals and %2 payments it recorded were removed, and %3 cards it made customers got their earlier stage back.</source>
        <translation>销售记录导入已撤销：它记下的 %1 笔交易和 %2 笔付款已删除，它设为客户的 %3 张卡片已恢复原来的阶段。</translation>
    </message>
    <message>
        <source>%1 open follow-ups of those deals were taken away.</source>
        <translation>这些交易未完成的 %1 项跟进已撤除。</translation>
    </message>
    <message>
        <source>%1 cards it made for unmatched rows were moved to the trash.</source>
        <translation>它为未匹配的行新建的 %1 张卡片已移到回收站。</translation>
    </message>
    <message>
        <source>%1 deals were paid on, followed up or filled in after the import, so they were left as they are, with all their payments: %2</source>
        <translation>有 %1 笔交易在导入后收过款、做过跟进或补填过内容，因此连同全部付款保持现状未动：%2</translation>
    </message>
    <message>
        <source>%1 cards it made have other deals, follow-ups, notes or referred cards now, so they were kept: %2</source>
        <translation>它新建的卡片中有 %1 张现在已有别的交易、跟进、记录或介绍的卡片，因此予以保留：%2</translation>
    </message>
    <message>
        <source>%1 cards it made customers were changed again after it, so they were left as they are: %2</source>
        <translation>它设为客户的卡片中有 %1 张在导入后又修改过，因此保持现状未动：%2</translation>
    </message>
    <message>
        <source>The import was undone: %1 cards it added were moved to the trash, and %2 cards it updated got their earlier values back.</source>
        <translation>导入已撤销：它新增的 %1 张卡片已移到回收站，它更新过的 %2 张卡片已恢复为原来的内容。</translation>
    </message>
    <message>
        <source>%1 of the cards moved to the trash had been changed after the import. If you want to keep them, restore them from the trash (Edit → Trash…).</source>
        <translation>移到回收站的卡片中有 %1 张在导入后修改过。如果要保留它们，请从回收站中恢复（编辑 → 回收站…）。</translation>
    </message>
    <message>
        <source>%1 cards the import updated were changed again after it, so they were left as they are: %2</source>
        <translation>这次导入更新过的卡片中有 %1 张在导入后又修改过，因此保持现状未动：%2</translation>
    </message>
    <message>
        <source>%1 revisits the import had put on the cards it updated were taken away (those on the cards it added are in the trash with them).</source>
        <translation>这次导入给它更新的卡片添加的 %1 条回访已撤除（它新增的卡片上的回访随卡片一起在回收站中）。</translation>
    </message>
    <message>
        <source>Circles the import made that no card uses any more were removed: %1</source>
        <translation>这次导入新建、且已没有卡片使用的圈子已删除：%1</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cards added; for a sales history, deals imported</source>
        <translation>新增的卡片；销售记录则为导入的交易</translation>
    </message>
    <message>
        <source>Cards updated; for a sales history, cards that became customers</source>
        <translation>更新的卡片；销售记录则为成为客户的卡片</translation>
    </message>
    <message>
        <source>Duplicates skipped; for a sales history, unmatched rows left out</source>
        <translation>跳过的重复项；销售记录则为未导入的未匹配行</translation>
    </message>
    <message>
        <source>Rows rejected</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>撤销这次导入…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>(no file name)</source>
        <translation>（无文件名）</translation>
    </message>
    <message>
        <source>No cards have been imported into this card file yet.</source>
        <translation>此卡片文件还没有导入过卡片。</translation>
    </message>
    <message>
        <source>The card file is read-only: imports cannot be undone here.</source>
        <translation>此卡片文件是只读的：无法在这里撤销导入。</translation>
    </message>
    <message>
        <source>Undo an import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of %1 made on %2?

The %3 cards it added go to the trash (you can restore them from there), and the %4 cards it updated get their earlier values back, unless you changed them since.</source>
        <translation>撤销 %2 导入的 %1 吗？

它新增的 %3 张卡片将移到回收站（可以从那里恢复），它更新过的 %4 张卡片将恢复为原来的内容（导入后您又修改过的除外）。</translation>
    </message>
    <message>
        <source>Sales history</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>%1 deals imported, %2 of them from unmatched rows you resolved (%3 new cards made for them); %4 cards became customers; %5 unmatched rows left out; %6 rows rejected.</source>
        <translation>导入 %1 笔交易，其中 %2 笔来自您处理过的未匹配行（为此新建了 %3 张卡片）；%4 张卡片成为客户；%5 个未匹配行未导入；%6 行被拒绝。</translation>
    </message>
    <message>
        <source>%1 cards added, %2 cards updated, %3 duplicates skipped, %4 rows rejected.</source>
        <translation>新增 %1 张卡片，更新 %2 张卡片，跳过 %3 个重复项，%4 行被拒绝。</translation>
    </message>
    <message>
        <source>Every import of cards or of a sales history, newest first. Undoing an import of cards moves the cards it added to the trash and gives the cards it updated their earlier values back, unless you changed them since. Undoing a sales history removes the deals and payments it recorded, except deals worked on since.</source>
        <translation>每一次卡片导入和销售记录导入，最新的在前。撤销一次卡片导入会把它新增的卡片移到回收站，并把它更新过的卡片恢复为原来的内容（导入后您又修改过的卡片除外）。撤销一次销售记录导入会删除它记下的交易和付款（导入后又处理过的交易除外）。</translation>
    </message>
    <message>
        <source>Undo the sales history import of %1 made on %2?

The %3 deals it recorded are removed with their payments and open follow-ups, the %4 cards it made customers get their earlier stage back, and the %5 cards it made go to the trash. Deals paid on or filled in since, and cards in use, are kept.</source>
        <translation>撤销 %2 导入的销售记录 %1 吗？

它记下的 %3 笔交易将连同付款和未完成的跟进一起删除，它设为客户的 %4 张卡片将恢复原来的阶段，它新建的 %5 张卡片将移到回收站。导入后收过款或补填过内容的交易，以及仍在使用的卡片，会予以保留。</translation>
    </message>
    <message>
        <source>Undoing the import…</source>
        <translation>正在撤销导入…</translation>
    </message>
    <message>
        <source>The undo was cancelled: nothing was changed.</source>
        <translation>撤销已取消：没有改动任何内容。</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>The file %1 does not exist (any more).</source>
        <translation>文件 %1 不存在（或已被移走）。</translation>
    </message>
    <message>
        <source>The file %1 is empty: there is nothing to import.</source>
        <translation>文件 %1 是空的：没有可导入的内容。</translation>
    </message>
    <message>
        <source>The file %1 is not a spreadsheet. Choose an Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file.</source>
        <translation>文件 %1 不是电子表格。请选择 Excel（.xlsx、.xls）、OpenDocument（.ods）或 CSV 文件。</translation>
    </message>
    <message>
        <source>The file %1 is damaged and cannot be read. Open it in your spreadsheet program, save it again and retry.</source>
        <translation>文件 %1 已损坏，无法读取。请用电子表格程序打开它，重新保存后再试。</translation>
    </message>
    <message>
        <source>The file %1 is protected by a password. Open it in your spreadsheet program, remove the password, save it and retry.</source>
        <translation>文件 %1 受密码保护。请用电子表格程序打开它，取消密码并保存后再试。</translation>
    </message>
    <message>
        <source>The file %1 is too large to import safely.</source>
        <translation>文件 %1 太大，无法安全导入。</translation>
    </message>
    <message>
        <source>The file %1 has no sheet of that name.</source>
        <translation>文件 %1 中没有该名称的工作表。</translation>
    </message>
    <message>
        <source>The first filled row of %1 holds no column titles. Put a row of titles (such as Name, Company, Phone) above the cards.</source>
        <translation>%1 中第一个有内容的行不是列标题。请在卡片上方加一行标题（例如“姓名”“公司”“电话”）。</translation>
    </message>
    <message>
        <source>The text of %1 is in an unknown encoding. Save it as UTF-8 and retry.</source>
        <translation>无法识别 %1 的文本编码。请将其另存为 UTF-8 格式后再试。</translation>
    </message>
    <message>
        <source>The file %1 would unpack to far more than its own size (a &quot;zip bomb&quot;), so it was not opened. Nothing was imported.</source>
        <translation>文件 %1 解压后会远远大于文件本身（“压缩炸弹”），因此没有打开它。没有导入任何内容。</translation>
    </message>
    <message>
        <source>The file %1 holds XML declarations (DOCTYPE or ENTITY) that no spreadsheet needs and that can be used to attack a program, so it was not opened. Nothing was imported.</source>
        <translation>文件 %1 含有电子表格用不到、却可被用来攻击程序的 XML 声明（DOCTYPE 或 ENTITY），因此没有打开它。没有导入任何内容。</translation>
    </message>
    <message>
        <source>Row %2 of %1 holds control characters (invisible codes that are not text), so nothing was imported. Remove them in your spreadsheet program and retry.</source>
        <translation>%1 的第 %2 行含有控制字符（不是文字的不可见代码），因此没有导入任何内容。请在电子表格程序中删除它们后再试。</translation>
    </message>
    <message>
        <source>A cell in row %2 of %1 holds more than 32,767 characters, more than a spreadsheet cell can hold, so nothing was imported.</source>
        <translation>%1 第 %2 行的一个单元格超过 32,767 个字符，超出了电子表格单元格的容量，因此没有导入任何内容。</translation>
    </message>
    <message>
        <source>The file %1 has more than 1,048,576 rows, more than a spreadsheet can hold, so nothing was imported. Split it into smaller files.</source>
        <translation>文件 %1 超过 1,048,576 行，超出了电子表格的容量，因此没有导入任何内容。请把它拆分成几个较小的文件。</translation>
    </message>
    <message>
        <source>Line %2 of %1 is longer than a megabyte: this is not a list of cards. Nothing was imported.</source>
        <translation>%1 的第 %2 行超过 1 MB：这不是一份卡片清单。没有导入任何内容。</translation>
    </message>
    <message>
        <source>The file %1 holds binary data, not text, so it is not a CSV file. Nothing was imported.</source>
        <translation>文件 %1 含有二进制数据而不是文字，因此不是 CSV 文件。没有导入任何内容。</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>Not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>No such date</source>
        <translation>日期不存在</translation>
    </message>
    <message>
        <source>Unknown kind (company or individual)</source>
        <translation>无法识别的类型（应为公司或个人）</translation>
    </message>
    <message>
        <source>Unknown stage</source>
        <translation>无法识别的阶段</translation>
    </message>
    <message>
        <source>Unknown credit status</source>
        <translation>无法识别的信用状况</translation>
    </message>
    <message>
        <source>Unknown referral source</source>
        <translation>无法识别的推荐来源</translation>
    </message>
    <message>
        <source>Not an e-mail address</source>
        <translation>不是有效的电子邮件地址</translation>
    </message>
    <message>
        <source>Birthday in the future</source>
        <translation>生日是将来的日期</translation>
    </message>
    <message>
        <source>Referrer not found: imported without the link</source>
        <translation>未找到推荐人：已导入，但未关联推荐人</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话号码相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>电子邮件相同</translation>
    </message>
    <message>
        <source>same name and company</source>
        <translation>姓名和公司都相同</translation>
    </message>
    <message>
        <source>Kind (company or individual)</source>
        <translation>类型（公司或个人）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>服务公司</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>第一次接触日期</translation>
    </message>
    <message>
        <source>Transaction date</source>
        <translation>交易日期</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Credit status</source>
        <translation>信用状况</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Referral source</source>
        <translation>推荐来源</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Next revisit (a follow-up)</source>
        <translation>下次回访（跟进事项）</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import cards from a spreadsheet</source>
        <translation>从电子表格导入卡片</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>(column %1)</source>
        <translation>（第 %1 列）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>New prospect</source>
        <translation>新的潜在顾客</translation>
    </message>
    <message>
        <source>Declined / not now</source>
        <translation>拒绝 / 暂不购买</translation>
    </message>
    <message>
        <source>Current customer</source>
        <translation>现在的客户</translation>
    </message>
    <message>
        <source>Former customer</source>
        <translation>以往客户</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>需注意</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>不良</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>朋友</translation>
    </message>
    <message>
        <source>Competitor&apos;s customer</source>
        <translation>竞争对手的客户</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会面</translation>
    </message>
    <message>
        <source>Work friends</source>
        <translation>工作上的朋友</translation>
    </message>
    <message>
        <source>School friends</source>
        <translation>学校时的朋友</translation>
    </message>
    <message>
        <source>Shared-hobby friends</source>
        <translation>兴趣相同的朋友</translation>
    </message>
    <message>
        <source>Social-activity friends</source>
        <translation>社会活动关系的朋友</translation>
    </message>
    <message>
        <source>Residence-related</source>
        <translation>和居住环境有关的朋友</translation>
    </message>
    <message>
        <source>Commute and transport</source>
        <translation>与交通有关的朋友</translation>
    </message>
    <message>
        <source>Daily encounters</source>
        <translation>日常接触到的人</translation>
    </message>
    <message>
        <source>Neighbourhood community</source>
        <translation>住宅社区内的朋友</translation>
    </message>
    <message>
        <source>Children-related</source>
        <translation>和小孩子有关的朋友</translation>
    </message>
    <message>
        <source>Spouse-related</source>
        <translation>和太太有关的朋友</translation>
    </message>
    <message>
        <source>Same club or association</source>
        <translation>和自己相同社团的人</translation>
    </message>
    <message>
        <source>Same religion</source>
        <translation>和自己宗教有关的人</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼物</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>致谢</translation>
    </message>
    <message>
        <source>Delivery check</source>
        <translation>交货确认</translation>
    </message>
    <message>
        <source>Installation test</source>
        <translation>安装测试</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>使用培训</translation>
    </message>
    <message>
        <source>Testimonial request</source>
        <translation>索取推荐函</translation>
    </message>
    <message>
        <source>Repeat purchase</source>
        <translation>再次购买</translation>
    </message>
    <message>
        <source>Referral: first contact</source>
        <translation>推荐：第一次接触</translation>
    </message>
    <message>
        <source>Thank the referrer</source>
        <translation>感谢推荐人</translation>
    </message>
    <message>
        <source>Mailer</source>
        <translation>广告函件</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Win back</source>
        <translation>挽回客户</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Birthday on {birthday}: send a small gift</source>
        <translation>{birthday} 生日：送一份小礼物</translation>
    </message>
    <message>
        <source>Revisit after &apos;not now&apos; ({reason}): check the same person still buys</source>
        <translation>“暂不购买”后的回访（{reason}）：确认采购的仍是同一个人</translation>
    </message>
    <message>
        <source>Revisit after a lost deal ({reason}): bring something new</source>
        <translation>未成交后的回访（{reason}）：带点新东西去</translation>
    </message>
    <message>
        <source>Thank the customer for the purchase</source>
        <translation>感谢客户购买</translation>
    </message>
    <message>
        <source>Check the delivery and ask whether they are satisfied</source>
        <translation>确认交货情况，并询问客户是否满意</translation>
    </message>
    <message>
        <source>Test the installation</source>
        <translation>测试安装情况</translation>
    </message>
    <message>
        <source>Train use and upkeep</source>
        <translation>培训使用与保养</translation>
    </message>
    <message>
        <source>Ask for a testimonial letter</source>
        <translation>请客户写一封推荐函</translation>
    </message>
    <message>
        <source>Prompt the repeat purchase</source>
        <translation>促成再次购买</translation>
    </message>
    <message>
        <source>Referred by {referrer_name}: “{referrer_name} asked me to call you”</source>
        <translation>经 {referrer_name} 推荐：“是{referrer_name}让我给您打电话的”</translation>
    </message>
    <message>
        <source>{referred_name} became a customer: thank the referrer</source>
        <translation>{referred_name} 已成为客户：感谢推荐人</translation>
    </message>
    <message>
        <source>Campaign ({campaign_kind})</source>
        <translation>推广活动（{campaign_kind}）</translation>
    </message>
    <message>
        <source>Win back: {approach} ({channel})</source>
        <translation>挽回客户：{approach}（{channel}）</translation>
    </message>
    <message>
        <source>Collect what is owed: {step}</source>
        <translation>回收货款：{step}</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Not the right time</source>
        <translation>时机不对</translation>
    </message>
    <message>
        <source>No budget yet</source>
        <translation>暂无预算</translation>
    </message>
    <message>
        <source>Has a supplier</source>
        <translation>已有供应商</translation>
    </message>
    <message>
        <source>An obstacle (delivery, packaging, payment terms)</source>
        <translation>存在障碍（交货、包装、付款条件）</translation>
    </message>
    <message>
        <source>The buyer left or moved</source>
        <translation>采购人离职或调动</translation>
    </message>
    <message>
        <source>Short of cash for now</source>
        <translation>暂时资金不足</translation>
    </message>
    <message>
        <source>Other (say what)</source>
        <translation>其他（请说明）</translation>
    </message>
    <message>
        <source>Price or terms</source>
        <translation>价格或条件</translation>
    </message>
    <message>
        <source>The product did not fit</source>
        <translation>商品不合适</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>时机</translation>
    </message>
    <message>
        <source>A competitor won</source>
        <translation>被竞争对手拿下</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Did I grasp the customer&apos;s need and motive?</source>
        <translation>我是否把握了客户的需求和购买动机？</translation>
    </message>
    <message>
        <source>Did my approach get their attention?</source>
        <translation>我的接近方式是否引起了客户的注意？</translation>
    </message>
    <message>
        <source>Did my talk raise their desire to buy?</source>
        <translation>我的商谈是否激发了客户的购买欲望？</translation>
    </message>
    <message>
        <source>Did I handle their objections?</source>
        <translation>我是否妥善处理了客户的异议？</translation>
    </message>
    <message>
        <source>Did I use closing techniques?</source>
        <translation>我是否运用了促成交易的技巧？</translation>
    </message>
    <message>
        <source>Were my attitude and manner right?</source>
        <translation>我的态度和举止是否得当？</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>一次</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Advertising mailer</source>
        <translation>广告函件</translation>
    </message>
    <message>
        <source>New-product brochure</source>
        <translation>新商品说明书</translation>
    </message>
    <message>
        <source>New-arrival report</source>
        <translation>新进商品报告</translation>
    </message>
    <message>
        <source>Exhibition invitation</source>
        <translation>展览会邀请</translation>
    </message>
    <message>
        <source>Personal letter</source>
        <translation>私人信函</translation>
    </message>
    <message>
        <source>Something interrupted them</source>
        <translation>因故中断，久未联系</translation>
    </message>
    <message>
        <source>A bad experience they never reported</source>
        <translation>有过不愉快的经历却没有说出来</translation>
    </message>
    <message>
        <source>Their situation changed</source>
        <translation>情况变了，用不上了</translation>
    </message>
    <message>
        <source>Give them a reason to return and a welcome-back gift</source>
        <translation>给对方一个回来的理由，并送上回归礼物</translation>
    </message>
    <message>
        <source>Apologise, ask what went wrong and make amends</source>
        <translation>道歉，问清哪里出了问题，并加以弥补</translation>
    </message>
    <message>
        <source>Greet and thank them, and ask for referrals</source>
        <translation>问候并感谢对方，请其介绍客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Goodwill arrears</source>
        <translation>善意拖欠</translation>
    </message>
    <message>
        <source>Malicious arrears</source>
        <translation>恶意拖欠</translation>
    </message>
    <message>
        <source>Letter, phone or fax</source>
        <translation>函电追账（信函、电话或传真）</translation>
    </message>
    <message>
        <source>Visit: get a written repayment plan with the company seal</source>
        <translation>上门追账：取得加盖公司印章的书面还款计划</translation>
    </message>
    <message>
        <source>Legal action</source>
        <translation>法律手段</translation>
    </message>
    <message>
        <source>Check the repayment plan is kept</source>
        <translation>检查还款计划是否履行</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <source>Print labels and envelopes</source>
        <translation>打印标签和信封</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>%1 cards</source>
        <translation>%1 张卡片</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>标签纸</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Save labels as PDF</source>
        <translation>将标签保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the labels…</source>
        <translation>正在生成标签…</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>无法写入 PDF：%1</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <source>Letter “%1” sent</source>
        <translation>已寄出信函“%1”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Addressee (person in charge, else name)</source>
        <translation>收信人（负责人，否则为姓名）</translation>
    </message>
    <message>
        <source>Salutation (Dear …)</source>
        <translation>称呼（尊敬的……）</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Name and address block</source>
        <translation>姓名和地址栏</translation>
    </message>
    <message>
        <source>Last purchase: product</source>
        <translation>上次购买：商品</translation>
    </message>
    <message>
        <source>Last purchase: date</source>
        <translation>上次购买：日期</translation>
    </message>
    <message>
        <source>Last purchase: amount</source>
        <translation>上次购买：金额</translation>
    </message>
    <message>
        <source>Person they referred</source>
        <translation>其推荐的人</translation>
    </message>
    <message>
        <source>Today&apos;s date</source>
        <translation>今天的日期</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>您的签名</translation>
    </message>
    <message>
        <source>Chinese letters</source>
        <translation>中文信函</translation>
    </message>
    <message>
        <source>English letters</source>
        <translation>英文信函</translation>
    </message>
</context>
<context>
    <name>LettersDialog</name>
    <message>
        <source>Print letters</source>
        <translation>打印信函</translation>
    </message>
    <message>
        <source>Your name and signature…</source>
        <translation>您的姓名和签名…</translation>
    </message>
    <message>
        <source>Letters to</source>
        <translation>收信人</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>插入字段</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Restore the original</source>
        <translation>恢复原版</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>预览对象</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>The %1 chosen cards</source>
        <translation>选中的 %1 张卡片</translation>
    </message>
    <message>
        <source>Campaign “%1” of %2 (%3 letters to send)</source>
        <translation>%2 的活动“%1”（待寄 %3 封）</translation>
    </message>
    <message>
        <source>%1 letters, one per card</source>
        <translation>共 %1 封信，每张卡片一封</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <translation>%1（已修改）</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>A template needs a title and some text.</source>
        <translation>模板需要标题和正文。</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>无法保存模板：%1</translation>
    </message>
    <message>
        <source>Throw away your changes to “%1” and go back to the original?</source>
        <translation>放弃对“%1”的修改并恢复原版吗？</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>删除模板“%1”吗？</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Title of the new letter</source>
        <translation>新信函的标题</translation>
    </message>
    <message>
        <source>Save your changes to “%1”?</source>
        <translation>保存对“%1”的修改吗？</translation>
    </message>
    <message>
        <source>No cards to write to.</source>
        <translation>没有可写信的卡片。</translation>
    </message>
    <message>
        <source>Not a field, printed as typed: %1</source>
        <translation>不是字段，将按原样打印：%1</translation>
    </message>
    <message>
        <source>Empty for some cards: %1</source>
        <translation>部分卡片此项为空：%1</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%3 张中有 %2 张）</translation>
    </message>
    <message>
        <source>These words in braces are not fields and will print as typed: %1. Print anyway?</source>
        <translation>花括号中的这些词不是字段，将按原样打印：%1。仍要打印吗？</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Printing the letters…</source>
        <translation>正在打印信函…</translation>
    </message>
    <message>
        <source>Save letters as PDF</source>
        <translation>将信函保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the letters…</source>
        <translation>正在写入信函…</translation>
    </message>
    <message>
        <source>The letters could not be printed: %1</source>
        <translation>无法打印信函：%1</translation>
    </message>
</context>
<context>
    <name>Mailing</name>
    <message>
        <source>Labels, A4, 3 × 8 (24 a sheet)</source>
        <translation>标签，A4，3 × 8（每张 24 个）</translation>
    </message>
    <message>
        <source>Labels, A4, 2 × 7 (14 a sheet)</source>
        <translation>标签，A4，2 × 7（每张 14 个）</translation>
    </message>
    <message>
        <source>Envelope DL (220 × 110 mm)</source>
        <translation>DL 信封（220 × 110 毫米）</translation>
    </message>
    <message>
        <source>Envelope C5 (229 × 162 mm)</source>
        <translation>C5 信封（229 × 162 毫米）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Prospect Desk</source>
        <translation>Prospect Desk</translation>
    </message>
    <message>
        <source>Search name, company, phone, e-mail, address, interests, notes or pinyin</source>
        <translation>搜索姓名、公司、电话号码、电子邮件、地址、兴趣、备注或拼音</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>New company card</source>
        <translation>新建公司行号卡</translation>
    </message>
    <message>
        <source>New individual card</source>
        <translation>新建个人卡</translation>
    </message>
    <message>
        <source>Save card</source>
        <translation>保存卡片</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>删除卡片</translation>
    </message>
    <message>
        <source>Trash…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import sales history…</source>
        <translation>导入销售记录…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Print call sheet…</source>
        <translation>打印电话拜访表…</translation>
    </message>
    <message>
        <source>Print card…</source>
        <translation>打印卡片…</translation>
    </message>
    <message>
        <source>Print labels and envelopes…</source>
        <translation>打印标签和信封…</translation>
    </message>
    <message>
        <source>Print letters…</source>
        <translation>打印信函…</translation>
    </message>
    <message>
        <source>Load demo cards</source>
        <translation>载入示例卡片</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>导出日历（.ics）…</translation>
    </message>
    <message>
        <source>Mailer campaigns…</source>
        <translation>邮寄活动…</translation>
    </message>
    <message>
        <source>%1 events exported.</source>
        <translation>已导出 %1 个事件。</translation>
    </message>
    <message>
        <source>%1 of %2 cards</source>
        <translation>显示 %1 张卡片，共 %2 张</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This card has changes that are not saved. Save them?</source>
        <translation>此卡片有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>Card saved.</source>
        <translation>卡片已保存。</translation>
    </message>
    <message>
        <source>%1 cards moved to the trash.</source>
        <translation>已将 %1 张卡片移到回收站。</translation>
    </message>
    <message>
        <source>%1 demo cards added.</source>
        <translation>已添加 %1 张示例卡片。</translation>
    </message>
    <message>
        <source>Welcome to Prospect Desk</source>
        <translation>欢迎使用 Prospect Desk</translation>
    </message>
    <message>
        <source>Your card file is empty. Load about 200 demo cards to look around? You can delete them later, or start with your own cards.</source>
        <translation>您的卡片文件是空的。要载入约 200 张示例卡片先熟悉一下吗？之后可以将它们删除；您也可以直接从自己的卡片开始。</translation>
    </message>
    <message>
        <source>This card file is read-only: you can look but not change anything.</source>
        <translation>此卡片文件为只读：只能查看，不能做任何更改。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns to card fields</source>
        <translation>将各列对应到卡片项目</translation>
    </message>
    <message>
        <source>Each column of the file fills the card field chosen for it. Choose “(leave out)” for a column you do not want.</source>
        <translation>文件中的每一列会填入为其选择的卡片项目。不需要的列请选择“（不导入）”。</translation>
    </message>
    <message>
        <source>Match the columns to the parts of a sale</source>
        <translation>将各列对应到销售记录的项目</translation>
    </message>
    <message>
        <source>Titles in Chinese or English are recognised; correct any column here. Choose “(leave out)” for a column you do not want.</source>
        <translation>中文或英文的标题都能识别；如有不对，可在此更正。不需要的列请选“（不导入）”。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Part of the sale</source>
        <translation>销售项目</translation>
    </message>
    <message>
        <source>the customer (name, phone or e-mail)</source>
        <translation>客户（姓名、电话或电子邮件）</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下项目选择一列：%1</translation>
    </message>
    <message>
        <source>Card field</source>
        <translation>卡片项目</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Choose a column for the name or the company: a card needs one of them.</source>
        <translation>请为姓名或公司选择一列：卡片至少需要其中一项。</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>（不导入）</translation>
    </message>
</context>
<context>
    <name>NewCampaignDialog</name>
    <message>
        <source>New mailer campaign</source>
        <translation>新建邮寄活动</translation>
    </message>
    <message>
        <source>e.g. Spring new-arrival report</source>
        <translation>例如：春季新品报告</translation>
    </message>
    <message>
        <source>Any circle</source>
        <translation>任意圈子</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No circle</source>
        <translation>无圈子</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>任意阶段</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <source>Any credit status</source>
        <translation>任意信用状况</translation>
    </message>
    <message>
        <source>Words as in the card list&apos;s search: name, company, notes, pinyin…</source>
        <translation>与卡片列表搜索相同：姓名、公司、备注、拼音…</translation>
    </message>
    <message>
        <source>Use the current list&apos;s search and filters</source>
        <translation>使用当前列表的搜索和筛选</translation>
    </message>
    <message>
        <source>Goes to the cards that match all of</source>
        <translation>发给同时符合以下全部条件的卡片</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圈子</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Kind of card</source>
        <translation>卡片类型</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>The cards could not be counted: %1</source>
        <translation>无法统计卡片数量：%1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>%1 cards will get a follow-up on %2</source>
        <translation>%1 张卡片将在 %2 得到一项跟进</translation>
    </message>
    <message>
        <source>No card matches these choices: the campaign would reach nobody.</source>
        <translation>没有卡片符合这些条件：此活动不会寄给任何人。</translation>
    </message>
    <message>
        <source>Adding a follow-up to each of %1 cards…</source>
        <translation>正在为 %1 张卡片各添加一项跟进…</translation>
    </message>
</context>
<context>
    <name>OpeningLines</name>
    <message>
        <source>Referral: first contact</source>
        <translation>推荐：首次联系</translation>
    </message>
    <message>
        <source>Revisit after &apos;not now&apos;</source>
        <translation>“暂不购买”后的回访</translation>
    </message>
    <message>
        <source>Revisit after a lost deal</source>
        <translation>丢单后的回访</translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation>致谢</translation>
    </message>
    <message>
        <source>Delivery, installation, training</source>
        <translation>交货、安装、培训</translation>
    </message>
    <message>
        <source>Testimonial request</source>
        <translation>请求推荐信</translation>
    </message>
    <message>
        <source>Repeat purchase</source>
        <translation>再次购买</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Thank the referrer</source>
        <translation>感谢推荐人</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>催收货款</translation>
    </message>
    <message>
        <source>Win back</source>
        <translation>挽回客户</translation>
    </message>
    <message>
        <source>Mailing campaign</source>
        <translation>邮寄活动</translation>
    </message>
    <message>
        <source>Any other follow-up</source>
        <translation>其他跟进</translation>
    </message>
</context>
<context>
    <name>OpeningLinesDialog</name>
    <message>
        <source>Opening lines</source>
        <translation>开场白</translation>
    </message>
    <message>
        <source>Leave a line empty to use the suggested one. {referrer} and {referred} stand for the names.</source>
        <translation>留空则使用建议的开场白。{referrer} 和 {referred} 代表相应的姓名。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Follow-up done</source>
        <translation>跟进完成</translation>
    </message>
    <message>
        <source>What came of it…</source>
        <translation>结果如何…</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ParetoTab</name>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <source>By customer</source>
        <translation>按客户</translation>
    </message>
    <message>
        <source>By circle</source>
        <translation>按人际圈</translation>
    </message>
    <message>
        <source>By referrer</source>
        <translation>按介绍人</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Top customers not contacted for this long are flagged (the same setting as in Settings)</source>
        <translation>超过这么久未联系的重要客户会被标出（与设置中的是同一项）</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Top 20%</source>
        <translation>前 20%</translation>
    </message>
    <message>
        <source>No contact lately</source>
        <translation>近期未联系</translation>
    </message>
    <message>
        <source>Revenue of</source>
        <translation>销售额：</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Flag top customers with no contact in</source>
        <translation>标出未联系天数达到以下的重要客户：</translation>
    </message>
    <message>
        <source>No won deals from %1 to %2.</source>
        <translation>%1 至 %2 没有成交。</translation>
    </message>
    <message>
        <source>From %5 to %6, the top 20% (%1 of %2) bring %3 of the revenue of %4.</source>
        <translation>%5 至 %6，前 20% 的客户（%2 位中的 %1 位）带来了销售额 %4 中的 %3。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No circle</source>
        <translation>无人际圈</translation>
    </message>
    <message>
        <source>Not referred</source>
        <translation>非介绍而来</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the first rows</source>
        <translation>检查前几行</translation>
    </message>
    <message>
        <source>Rows with a problem (in red; point at a cell to see why) are left out. Duplicates of cards you have are in yellow.</source>
        <translation>有问题的行（红色；将鼠标指向单元格可查看原因）不会导入。与已有卡片重复的行显示为黄色。</translation>
    </message>
    <message>
        <source>Skip them: keep the cards as they are</source>
        <translation>跳过：已有卡片保持不变</translation>
    </message>
    <message>
        <source>Update the existing card with the values in the file</source>
        <translation>用文件中的内容更新已有卡片</translation>
    </message>
    <message>
        <source>Add them anyway as new cards</source>
        <translation>仍作为新卡片添加</translation>
    </message>
    <message>
        <source>Rows that duplicate a card (same phone, e-mail, or name and company):</source>
        <translation>与已有卡片重复的行（电话号码相同、电子邮件相同，或姓名和公司都相同）：</translation>
    </message>
    <message>
        <source>Looking at the first rows…</source>
        <translation>正在查看前几行…</translation>
    </message>
    <message>
        <source>The first %1 rows of %2: %3 with a problem, %4 duplicates.</source>
        <translation>共 %2 行中的前 %1 行：%3 行有问题，%4 行重复。</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>检查各行</translation>
    </message>
    <message>
        <source>Rows with a problem (in red; point at a cell to see why) are left out. Rows whose customer matches no card, or several, are in yellow: say whose they are on the next page.</source>
        <translation>有问题的行（红色；鼠标指向单元格可看原因）不会导入。客户没有对应卡片或对应多张卡片的行为黄色：请在下一页说明属于谁。</translation>
    </message>
    <message>
        <source>Of %1 rows: %2 will be imported on the card they name, %3 are left out because of a problem, %4 name a customer with no card or several.</source>
        <translation>共 %1 行：%2 行将导入到相应的卡片，%3 行因有问题不导入，%4 行的客户没有对应卡片或对应多张卡片。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>没有卡片</translation>
    </message>
    <message>
        <source>%1 cards</source>
        <translation>%1 张卡片</translation>
    </message>
    <message>
        <source>Sale of %1</source>
        <translation>%1 的销售</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>No preview: it was cancelled.</source>
        <translation>没有预览：已取消。</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>没有预览：%1</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>新卡片</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Duplicates a card you have (%1)</source>
        <translation>与已有卡片重复（%1）</translation>
    </message>
    <message>
        <source>Duplicates row %1 (%2)</source>
        <translation>与第 %1 行重复（%2）</translation>
    </message>
    <message>
        <source>Importing cards…</source>
        <translation>正在导入卡片…</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>导入已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <source>No backup of your cards could be made before the import, so nothing was imported: %1</source>
        <translation>导入前无法备份您的卡片，因此未导入任何内容：%1</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>导入失败，未写入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <source>No Chinese font</source>
        <translation>没有中文字体</translation>
    </message>
    <message>
        <source>No font with Chinese characters is installed, so Chinese text would print as empty boxes. Install a Chinese font (for example WenQuanYi Micro Hei) and try again.</source>
        <translation>系统中没有安装含中文字符的字体，中文会打印成空方框。请安装一种中文字体（例如文泉驿微米黑）后再试。</translation>
    </message>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>无法打开打印机或文件。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReceivablesTab</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30 天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>拖欠类型</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记付款…</translation>
    </message>
    <message>
        <source>Goodwill arrears…</source>
        <translation>善意拖欠…</translation>
    </message>
    <message>
        <source>Malicious arrears…</source>
        <translation>恶意拖欠…</translation>
    </message>
    <message>
        <source>Start collection</source>
        <translation>开始追账</translation>
    </message>
    <message>
        <source>Schedule the collection ladder: letter, phone or fax, then e-mail, then a visit, then legal action</source>
        <translation>安排追账步骤：先函电追账，再网络追账（电子邮件），再上门追账，最后诉诸法律</translation>
    </message>
    <message>
        <source>Open receivables, soonest due first</source>
        <translation>未收清的应收账款，最早到期的在前</translation>
    </message>
    <message>
        <source>Ageing as of %1: %2 owed by %3 customers</source>
        <translation>截至 %1 的账龄：%3 位客户共欠 %2</translation>
    </message>
    <message>
        <source>That is more than is owed: only %1 is still owed on this deal.</source>
        <translation>超过了所欠金额：这笔交易只剩 %1 未付。</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <source>Say what reason the customer gave.</source>
        <translation>请写明客户给出的理由。</translation>
    </message>
    <message>
        <source>Nothing is owed on this deal.</source>
        <translation>这笔交易没有欠款。</translation>
    </message>
    <message>
        <source>Goodwill arrears are not escalated: agree a repayment plan instead.</source>
        <translation>善意拖欠不升级追账：请改为商定还款计划。</translation>
    </message>
    <message>
        <source>This deal cannot take that change.</source>
        <translation>这笔交易不能这样修改。</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登记付款</translation>
    </message>
    <message>
        <source>Payment received today from %1 (%2 owed):</source>
        <translation>今天收到 %1 的付款（尚欠 %2）：</translation>
    </message>
    <message>
        <source>What reason did %1 give for not paying?</source>
        <translation>%1 给出的不付款理由是什么？</translation>
    </message>
    <message>
        <source>The collection steps for %1 are on the calendar.</source>
        <translation>%1 的追账步骤已排入日历。</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Win back</source>
        <translation>挽回客户</translation>
    </message>
    <message>
        <source>80/20</source>
        <translation>80/20</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Lapsed customers, the loss rate, the ageing and the no-contact flag are worked out as of this day</source>
        <translation>失联客户、客户损失率、账龄和未联系标记都按这一天计算</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Working out…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Working out the report…</source>
        <translation>正在计算报表…</translation>
    </message>
    <message>
        <source>Cancelled: the figures shown are the last ones.</source>
        <translation>已取消：显示的是上一次的数字。</translation>
    </message>
    <message>
        <source>The report could not be worked out: %1</source>
        <translation>无法计算报表：%1</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Rows left out:</source>
        <translation>未导入的行：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save rows left out…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>%1 sales imported, all in one go.</source>
        <translation>已一次性导入 %1 笔销售。</translation>
    </message>
    <message>
        <source>%1 of them on the card you picked or on a new card; %2 new cards made.</source>
        <translation>其中 %1 笔归入您选定的卡片或新卡片；新建了 %2 张卡片。</translation>
    </message>
    <message>
        <source>%1 rows left out because of a problem, %2 rows whose customer you left out.</source>
        <translation>%1 行因有问题未导入，%2 行因您选择不导入其客户而未导入。</translation>
    </message>
    <message>
        <source>The rows could not be saved to %1: %2</source>
        <translation>无法将这些行保存到 %1：%2</translation>
    </message>
    <message>
        <source>The rows left out were saved to %1. Correct them there and import that file again.</source>
        <translation>未导入的行已保存到 %1。请在该文件中更正后再次导入。</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>Save the rows left out, with the reason, to an Excel file you can correct and import again.</source>
        <translation>将未导入的行连同原因保存为 Excel 文件，修改后可以再次导入。</translation>
    </message>
    <message>
        <source>%1 new cards imported.</source>
        <translation>已导入 %1 张新卡片。</translation>
    </message>
    <message>
        <source>%1 existing cards updated.</source>
        <translation>已更新 %1 张已有卡片。</translation>
    </message>
    <message>
        <source>%1 duplicates skipped, %2 duplicates added as new cards.</source>
        <translation>跳过了 %1 条重复，另有 %2 条重复已作为新卡片添加。</translation>
    </message>
    <message>
        <source>%1 rows left out because of a problem.</source>
        <translation>有 %1 行因存在问题未导入。</translation>
    </message>
    <message>
        <source>%1 circles created, %2 revisits scheduled.</source>
        <translation>新建了 %1 个圈子，安排了 %2 次回访。</translation>
    </message>
    <message>
        <source>%1 referrers were not found; those cards were imported without the link.</source>
        <translation>有 %1 位推荐人未找到；相应的卡片已导入，但未关联推荐人。</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save rows left out</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The rejected rows could not be saved to %1: %2</source>
        <translation>无法将未导入的行保存到 %1：%2</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>The rejected rows were saved to %1. Correct them there and import that file again.</source>
        <translation>未导入的行已保存到 %1。请在该文件中修改，然后再次导入。</translation>
    </message>
</context>
<context>
    <name>SenderDialog</name>
    <message>
        <source>Your name and signature</source>
        <translation>您的姓名和签名</translation>
    </message>
    <message>
        <source>For example:
Wang Wei
Sales manager, Prospect Co.
Tel. 138 0013 8000</source>
        <translation>例如：
王伟
某某公司 销售经理
电话 138 0013 8000</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>An empty signature signs with your name.</source>
        <translation>签名留空时以您的姓名署名。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>A customer has lapsed after</source>
        <translation>客户失联的期限</translation>
    </message>
    <message>
        <source> months without a purchase</source>
        <translation> 个月未购买</translation>
    </message>
    <message>
        <source>Flag top customers with no contact in</source>
        <translation>重要客户未联系的提醒期限</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Collection steps, goodwill or not yet classed</source>
        <translation>催收步骤间隔（善意拖欠或尚未分类）</translation>
    </message>
    <message>
        <source> days apart</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Collection steps, malicious arrears</source>
        <translation>催收步骤间隔（恶意拖欠）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The window is rebuilt in the new language at once.</source>
        <translation>窗口会立即以新语言重新显示。</translation>
    </message>
    <message>
        <source>Reports and collection</source>
        <translation>报表与收款</translation>
    </message>
    <message>
        <source>A seasonal buyer can have a longer lapse threshold of their own: set it on their card. Malicious arrears are usually chased faster.</source>
        <translation>季节性购买的客户可以有自己更长的失联期限：在其卡片上设置。恶意拖欠通常要催得更紧。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>The settings could not be saved in the card file: %1</source>
        <translation>无法将设置保存到卡片文件：%1</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <source>Open card</source>
        <translation>打开卡片</translation>
    </message>
    <message>
        <source>Print call sheet…</source>
        <translation>打印电话清单…</translation>
    </message>
    <message>
        <source>Double-click a line to open its card.</source>
        <translation>双击一行即可打开对应的卡片。</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <source>%1 overdue · %2 today · %3 in the next 7 days</source>
        <translation>逾期 %1 项 · 今天 %2 项 · 未来 7 天 %3 项</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <source>Nothing due today.</source>
        <translation>今天没有待办事项。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>From import</source>
        <translation>来自导入</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Put the chosen cards back in the card list</source>
        <translation>把选中的卡片放回卡片列表</translation>
    </message>
    <message>
        <source>Restore all from this import</source>
        <translation>恢复这次导入的全部卡片</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>All deleted cards</source>
        <translation>全部已删除的卡片</translation>
    </message>
    <message>
        <source>From %1 (%2, %3 cards)</source>
        <translation>来自 %1（%2，%3 张卡片）</translation>
    </message>
    <message>
        <source>%1 cards in the trash.</source>
        <translation>回收站中有 %1 张卡片。</translation>
    </message>
    <message>
        <source>Delete all %1 cards in the trash for good, with their history, follow-ups and deals? This cannot be undone.</source>
        <translation>要永久删除回收站中的全部 %1 张卡片，连同其历史记录、跟进和交易吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Emptying the trash…</source>
        <translation>正在清空回收站…</translation>
    </message>
    <message>
        <source>Cancelled: the trash is as it was.</source>
        <translation>已取消：回收站保持原样。</translation>
    </message>
    <message>
        <source>%1 cards restored to the card list.</source>
        <translation>已将 %1 张卡片恢复到卡片列表。</translation>
    </message>
    <message>
        <source>%1 cards deleted for good.</source>
        <translation>已永久删除 %1 张卡片。</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Search the trash</source>
        <translation>在回收站中搜索</translation>
    </message>
    <message>
        <source>%1 of the %2 cards in the trash are shown.</source>
        <translation>回收站中共 %2 张卡片，显示其中 %1 张。</translation>
    </message>
    <message>
        <source>Restoring cards…</source>
        <translation>正在恢复卡片…</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
</context>
<context>
    <name>UnmatchedPage</name>
    <message>
        <source>Say whose these sales are</source>
        <translation>说明这些销售属于谁</translation>
    </message>
    <message>
        <source>These rows name a customer with no card, or one that several cards match. Select rows, then pick their card, make a new card, or leave them out.</source>
        <translation>这些行的客户没有卡片，或有多张卡片与之相符。请选中行，然后选择其卡片、新建卡片或不导入。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Pick the card…</source>
        <translation>选择卡片…</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>新建卡片</translation>
    </message>
    <message>
        <source>One new card per customer, however many rows name them</source>
        <translation>每位客户只新建一张卡片，无论有多少行</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>%1 cards match</source>
        <translation>%1 张卡片相符</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>A new card</source>
        <translation>新建卡片</translation>
    </message>
    <message>
        <source>Sale of %1</source>
        <translation>%1 的销售</translation>
    </message>
    <message>
        <source>%1 on a picked card, %2 on new cards, %3 left out</source>
        <translation>%1 行归入选定卡片，%2 行归入新卡片，%3 行不导入</translation>
    </message>
</context>
<context>
    <name>WinBackTab</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>总金额</translation>
    </message>
    <message>
        <source>Years as customer</source>
        <translation>成为客户的年数</translation>
    </message>
    <message>
        <source>Why they lapsed</source>
        <translation>失联原因</translation>
    </message>
    <message>
        <source>Suggested approach</source>
        <translation>建议做法</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Why did they lapse?</source>
        <translation>为什么失联？</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>安排</translation>
    </message>
    <message>
        <source>Schedule the suggested approach as a follow-up for today</source>
        <translation>把建议做法安排为今天的跟进</translation>
    </message>
    <message>
        <source>Lapse reason:</source>
        <translation>失联原因：</translation>
    </message>
    <message>
        <source>No loss rate yet: it needs customers who bought before last year.</source>
        <translation>还算不出客户损失率：需要有去年以前购买过的客户。</translation>
    </message>
    <message>
        <source>Loss rate %1: %2 of %3 customers bought nothing (%4). At this loss rate you need %5 new customers a year to grow 10%.</source>
        <translation>%1 年客户损失率：%3 位客户中有 %2 位没有再购买（%4）。按这个损失率，每年需要 %5 位新客户才能增长 10%。</translation>
    </message>
    <message>
        <source>Win back</source>
        <translation>挽回客户</translation>
    </message>
    <message>
        <source>A win-back follow-up for %1 is on today&apos;s list.</source>
        <translation>挽回 %1 的跟进已列入今天的清单。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>%1 demo cards added.</source>
        <translation>已添加 %1 张示例卡片。</translation>
    </message>
    <message>
        <source>Cards: %1 (in the trash: %2)</source>
        <translation>卡片：%1（回收站中：%2）</translation>
    </message>
    <message>
        <source>By kind:</source>
        <translation>按类型：</translation>
    </message>
    <message>
        <source>By stage:</source>
        <translation>按阶段：</translation>
    </message>
    <message>
        <source>By credit status:</source>
        <translation>按信用状况：</translation>
    </message>
    <message>
        <source>By circle:</source>
        <translation>按圈子：</translation>
    </message>
    <message>
        <source>No circle</source>
        <translation>无圈子</translation>
    </message>
    <message>
        <source>fill the database with the demo set of about 200 cards</source>
        <translation>在卡片文件中填入约 200 张示例卡片</translation>
    </message>
    <message>
        <source>print counts of cards by kind, stage, credit status and circle</source>
        <translation>按类型、阶段、信用状况和圈子列出卡片数量</translation>
    </message>
    <message>
        <source>Prospect Desk: prospect cards for the individual salesperson. Without a subcommand, the window opens.</source>
        <translation>Prospect Desk：供销售员个人使用的潜在客户卡管理工具。不带子命令时打开主窗口。</translation>
    </message>
    <message>
        <source>the card file to use (default: $PROSPECT_DESK_DB, else the user&apos;s data folder)</source>
        <translation>要使用的卡片文件（默认：$PROSPECT_DESK_DB，未设置时使用用户数据文件夹）</translation>
    </message>
    <message>
        <source>subcommand</source>
        <translation>子命令</translation>
    </message>
    <message>
        <source>%1 is not a Prospect Desk card file, so it was not opened and nothing was written to it.</source>
        <translation>%1 不是 Prospect Desk 的卡片文件，因此没有打开，也没有写入任何内容。</translation>
    </message>
    <message>
        <source>The card file %1 could not be opened: %2</source>
        <translation>无法打开卡片文件 %1：%2</translation>
    </message>
    <message>
        <source>first day, e.g. 2025-03-04</source>
        <translation>起始日期，例如 2025-03-04</translation>
    </message>
    <message>
        <source>last day, e.g. 2025-03-31</source>
        <translation>结束日期，例如 2025-03-31</translation>
    </message>
    <message>
        <source>the .ics file to write</source>
        <translation>要写入的 .ics 文件</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date; write it as 2025-03-04.</source>
        <translation>%1：“%2”不是日期；请写成 2025-03-04。</translation>
    </message>
    <message>
        <source>--to comes before --from.</source>
        <translation>--to 早于 --from。</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 events written to %2.</source>
        <translation>已将 %1 个事件写入 %2。</translation>
    </message>
    <message>
        <source>print the follow-ups of a date range, one per line: date, kind, card, why (tab separated)</source>
        <translation>打印某段日期内的跟进，每行一条：日期、类型、卡片、原因（以制表符分隔）</translation>
    </message>
    <message>
        <source>write the follow-ups and birthdays of a date range to an .ics file</source>
        <translation>将某段日期内的跟进和生日写入 .ics 文件</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>the spreadsheet (.xlsx, .xls, .ods or .csv)</source>
        <translation>电子表格文件（.xlsx、.xls、.ods 或 .csv）</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>the sheet to read (default: the first)</source>
        <translation>要读取的工作表（默认：第一个）</translation>
    </message>
    <message>
        <source>what to do with a row that duplicates a card: skip it, update the card, or add it anyway (default: skip)</source>
        <translation>与已有卡片重复的行如何处理：跳过、更新该卡片，或仍然添加（默认：跳过）</translation>
    </message>
    <message>
        <source>REJECTS.xlsx</source>
        <translation>未导入的行.xlsx</translation>
    </message>
    <message>
        <source>save the rows left out, with the reason, to this file</source>
        <translation>将未导入的行连同原因保存到此文件</translation>
    </message>
    <message>
        <source>The file %1 could not be opened: %2</source>
        <translation>无法打开文件 %1：%2</translation>
    </message>
    <message>
        <source>No backup of the card file could be made, so nothing was imported: %1</source>
        <translation>无法备份卡片文件，因此未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Imported %1 cards; %2 duplicates (%3 skipped, %4 updated, %5 added); %6 rows rejected.</source>
        <translation>已导入 %1 张卡片；重复 %2 条（跳过 %3 条，更新 %4 条，添加 %5 条）；未导入 %6 行。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>The rejected rows could not be saved to %1: %2</source>
        <translation>无法将未导入的行保存到 %1：%2</translation>
    </message>
    <message>
        <source>the .xlsx file to write</source>
        <translation>要写入的 .xlsx 文件</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>only cards found by this search, as in the window</source>
        <translation>仅包括用此搜索词找到的卡片（与窗口中的搜索相同）</translation>
    </message>
    <message>
        <source>only cards of the circle of this name (in either language)</source>
        <translation>仅包括此名称圈子中的卡片（中英文名称均可）</translation>
    </message>
    <message>
        <source>There is no circle called %1.</source>
        <translation>没有名为 %1 的圈子。</translation>
    </message>
    <message>
        <source>The cards could not be written to %1: %2</source>
        <translation>无法将卡片写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 cards written to %2.</source>
        <translation>已将 %1 张卡片写入 %2。</translation>
    </message>
    <message>
        <source>import cards from a spreadsheet; prints what was imported, duplicated and rejected</source>
        <translation>从电子表格导入卡片；列出已导入、重复和未导入的情况</translation>
    </message>
    <message>
        <source>write the cards (all, or those of a search or circle) to an .xlsx file</source>
        <translation>将卡片（全部，或某次搜索、某个圈子中的卡片）写入 .xlsx 文件</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Prospect Desk has the card file %1 open (process %2): close it first.</source>
        <translation>Prospect Desk 正在使用卡片文件 %1（进程 %2）：请先将其关闭。</translation>
    </message>
    <message>
        <source>where to write the copy (default: the backups folder beside the card file)</source>
        <translation>副本的保存位置（默认：卡片文件旁的备份文件夹）</translation>
    </message>
    <message>
        <source>No backup was made of %1: %2</source>
        <translation>未能备份 %1：%2</translation>
    </message>
    <message>
        <source>the backup to put in place</source>
        <translation>要恢复的备份</translation>
    </message>
    <message>
        <source>There is no backup file %1.</source>
        <translation>备份文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The card file %1 cannot be replaced: %2</source>
        <translation>无法替换卡片文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a sound backup, so nothing was changed: %2</source>
        <translation>%1 不是完好的备份，因此未做任何更改：%2</translation>
    </message>
    <message>
        <source>The backup could not be restored, so nothing was changed: %1</source>
        <translation>无法恢复该备份，因此未做任何更改：%1</translation>
    </message>
    <message>
        <source>Restored %1 to %2.</source>
        <translation>已将 %1 恢复到 %2。</translation>
    </message>
    <message>
        <source>The previous card file was kept as %1</source>
        <translation>原卡片文件已保留为 %1</translation>
    </message>
    <message>
        <source>No backups of %1 yet.</source>
        <translation>%1 尚无备份。</translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>No cards have been imported yet.</source>
        <translation>还没有导入过卡片。</translation>
    </message>
    <message>
        <source>list the imports of cards and of sales histories, newest first, with their IDs</source>
        <translation>列出卡片和销售记录的导入记录（最新的在前）及其编号</translation>
    </message>
    <message>
        <source>undo an import: the cards it added go to the trash, the cards it updated get their earlier values back unless changed since; a sales history&apos;s deals and payments are removed unless worked on since</source>
        <translation>撤销一次导入：它新增的卡片移到回收站，它更新过的卡片恢复为原来的内容（之后又修改过的除外）；销售记录的交易和付款会被删除（之后又处理过的除外）</translation>
    </message>
    <message>
        <source>the import&apos;s ID, as `imports` shows it</source>
        <translation>导入的编号（见 `imports` 的列表）</translation>
    </message>
    <message>
        <source>Import %1 was undone already; it cannot be undone twice.</source>
        <translation>第 %1 次导入已经撤销过了，不能再撤销一次。</translation>
    </message>
    <message>
        <source>There is no import %1; `imports` lists them.</source>
        <translation>没有第 %1 次导入；用 `imports` 可以列出所有导入。</translation>
    </message>
    <message>
        <source>Import %1 undone: %2 cards moved to the trash, %3 cards given their earlier values back.</source>
        <translation>第 %1 次导入已撤销：%2 张卡片移到回收站，%3 张卡片恢复为原来的内容。</translation>
    </message>
    <message>
        <source>%1 of the cards moved to the trash had been changed after the import.</source>
        <translation>移到回收站的卡片中有 %1 张在导入后修改过。</translation>
    </message>
    <message>
        <source>Changed again after the import, so left as they are (ID, name):</source>
        <translation>导入后又修改过、因此保持现状的卡片（编号，名称）：</translation>
    </message>
    <message>
        <source>ID  imported on       added  updated  skipped  left out  state  kind  file</source>
        <translation>编号 导入时间           新增     更新     跳过    未导入  状态  类型  文件</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Import %1 undone: %2 deals and %3 payments removed, %4 cards given their earlier stage back, %5 cards it made moved to the trash.</source>
        <translation>第 %1 次导入已撤销：删除 %2 笔交易和 %3 笔付款，%4 张卡片恢复原来的阶段，它新建的 %5 张卡片移到回收站。</translation>
    </message>
    <message>
        <source>%1 open follow-ups of those deals were taken away.</source>
        <translation>这些交易未完成的 %1 项跟进已撤除。</translation>
    </message>
    <message>
        <source>Paid on, followed up or filled in after the import, so kept (deal ID, card):</source>
        <translation>导入后收过款、做过跟进或补填过内容、因此保留的交易（交易编号，卡片）：</translation>
    </message>
    <message>
        <source>Cards it made that are in use now, so kept (ID, name):</source>
        <translation>它新建、现在仍在使用、因此保留的卡片（编号，名称）：</translation>
    </message>
    <message>
        <source>%1 revisits the import had put on the cards it updated were taken away.</source>
        <translation>这次导入给它更新的卡片添加的 %1 条回访已撤除。</translation>
    </message>
    <message>
        <source>Circles the import made that no card uses any more were removed: %1</source>
        <translation>这次导入新建、且已没有卡片使用的圈子已删除：%1</translation>
    </message>
    <message>
        <source>make a checked copy of the card file now; prints its path</source>
        <translation>立即为卡片文件制作一份经过校验的副本，并列出其路径</translation>
    </message>
    <message>
        <source>put a backup in place of the card file, keeping the current file beside it</source>
        <translation>用备份替换卡片文件，当前文件保留在其旁边</translation>
    </message>
    <message>
        <source>list the backups of the card file, newest first</source>
        <translation>列出卡片文件的备份，最新的在前</translation>
    </message>
    <message>
        <source>the day, or the first day of a range, e.g. 2025-03-04</source>
        <translation>日期，或日期范围的第一天，例如 2025-03-04</translation>
    </message>
    <message>
        <source>the last day of the range (default: the same day)</source>
        <translation>日期范围的最后一天（默认：同一天）</translation>
    </message>
    <message>
        <source>only follow-ups of this kind</source>
        <translation>只列出这一类型的跟进</translation>
    </message>
    <message>
        <source>also list the open follow-ups due before the day</source>
        <translation>同时列出该日期之前到期、尚未完成的跟进</translation>
    </message>
    <message>
        <source>paper size (default: a4)</source>
        <translation>纸张大小（默认：a4）</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>要写入的 PDF 文件</translation>
    </message>
    <message>
        <source>--to comes before --date.</source>
        <translation>--to 早于 --date。</translation>
    </message>
    <message>
        <source>%2 written (%1 pages).</source>
        <translation>已写入 %2（共 %1 页）。</translation>
    </message>
    <message>
        <source>the letter template, e.g. thank_you, birthday, win_back</source>
        <translation>信函模板，例如 thank_you、birthday、win_back</translation>
    </message>
    <message>
        <source>write to the cards of this campaign and mark its letters sent</source>
        <translation>写给此活动的卡片，并将其信函标记为已寄出</translation>
    </message>
    <message>
        <source>write to these cards, e.g. 3,17,42</source>
        <translation>写给这些卡片，例如 3,17,42</translation>
    </message>
    <message>
        <source>which language&apos;s template (default: the window&apos;s language)</source>
        <translation>使用哪种语言的模板（默认：界面语言）</translation>
    </message>
    <message>
        <source>the date the letters bear (default: today)</source>
        <translation>信函上的日期（默认：今天）</translation>
    </message>
    <message>
        <source>--cards: “%1” is not a list of card numbers such as 3,17,42.</source>
        <translation>--cards：“%1”不是卡片编号列表（例如 3,17,42）。</translation>
    </message>
    <message>
        <source>There is no letter template “%1”. The templates are: %2</source>
        <translation>没有信函模板“%1”。现有模板：%2</translation>
    </message>
    <message>
        <source>The template uses words in braces that are not fields: %1</source>
        <translation>模板中花括号内的这些词不是字段：%1</translation>
    </message>
    <message>
        <source>There are no cards to write to.</source>
        <translation>没有可写信的卡片。</translation>
    </message>
    <message>
        <source>%1 written (%2 letters, %3 pages).</source>
        <translation>已写入 %1（%2 封信，%3 页）。</translation>
    </message>
    <message>
        <source>%1 follow-ups of the campaign marked done.</source>
        <translation>已将该活动的 %1 项跟进标记为完成。</translation>
    </message>
    <message>
        <source>write the call sheet of a day or range as a PDF</source>
        <translation>将某一天或某段日期的电话拜访表写成 PDF</translation>
    </message>
    <message>
        <source>write personal letters from a template as a PDF, one per card</source>
        <translation>按模板写私人信函并保存为 PDF，每张卡片一封</translation>
    </message>
    <message>
        <source>which report: lapsed, pareto or ageing</source>
        <translation>哪份报表：lapsed（失联客户）、pareto（80/20）或 ageing（账龄）</translation>
    </message>
    <message>
        <source>the day the report is made for (default: today)</source>
        <translation>报表的截止日期（默认：今天）</translation>
    </message>
    <message>
        <source>write the report to this .xlsx file instead</source>
        <translation>改为把报表写入这个 .xlsx 文件</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>购买次数</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>总金额</translation>
    </message>
    <message>
        <source>Years as customer</source>
        <translation>成为客户的年数</translation>
    </message>
    <message>
        <source>Lapse reason</source>
        <translation>失联原因</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>做法</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>累计占比</translation>
    </message>
    <message>
        <source>Top 20%</source>
        <translation>前 20%</translation>
    </message>
    <message>
        <source>No recent contact</source>
        <translation>近期未联系</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30 天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Loss rate %1: %2 of %3 customers bought nothing (%4). At this loss rate you need %5 new customers a year to grow 10%.</source>
        <translation>%1 年客户损失率：%3 位客户中有 %2 位没有再购买（%4）。按这个损失率，每年需要 %5 位新客户才能增长 10%。</translation>
    </message>
    <message>
        <source>%1 rows written to %2.</source>
        <translation>已把 %1 行写入 %2。</translation>
    </message>
    <message>
        <source>a date is needed</source>
        <translation>需要日期</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>not an amount</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>say won or lost</source>
        <translation>请写明成交或失败</translation>
    </message>
    <message>
        <source>no customer: give a name, phone or e-mail</source>
        <translation>没有客户：请给出姓名、电话或电子邮件</translation>
    </message>
    <message>
        <source>more paid than the amount</source>
        <translation>已付金额超过成交金额</translation>
    </message>
    <message>
        <source>a payment on a lost deal</source>
        <translation>失败的交易不能有付款</translation>
    </message>
    <message>
        <source>no card matches the customer</source>
        <translation>没有卡片与该客户相符</translation>
    </message>
    <message>
        <source>several cards match the customer</source>
        <translation>有多张卡片与该客户相符</translation>
    </message>
    <message>
        <source>the sales history, .xlsx or .csv</source>
        <translation>销售记录文件，.xlsx 或 .csv</translation>
    </message>
    <message>
        <source>save the rejected and unmatched rows, with the reasons, to this .xlsx file</source>
        <translation>把被拒绝和未匹配的行连同原因保存到这个 .xlsx 文件</translation>
    </message>
    <message>
        <source>Imported %1 deals; %2 rows rejected; %3 rows unmatched.</source>
        <translation>已导入 %1 笔交易；%2 行被拒绝；%3 行未匹配。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>import a sales history (.xlsx or .csv) as deals on the matching cards, all or nothing, and print imported / rejected / unmatched</source>
        <translation>把销售记录（.xlsx 或 .csv）作为交易导入相符的卡片，要么全部导入要么全不导入，并打印已导入 / 被拒绝 / 未匹配的数目</translation>
    </message>
    <message>
        <source>print a report, one customer per line (tab separated), or write it to .xlsx: lapsed customers, the 80/20 view of the last year&apos;s revenue, or the ageing of receivables</source>
        <translation>打印报表，每行一位客户（以制表符分隔），或写入 .xlsx：失联客户、最近一年销售额的 80/20 分析，或应收账款的账龄</translation>
    </message>
</context>
</TS>
