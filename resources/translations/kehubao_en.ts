<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于客户宝</source>
        <translation>About Kehubao</translation>
    </message>
    <message>
        <source>本机数据</source>
        <translation>Data on this computer</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>致谢与许可证</source>
        <translation>Credits and licences</translation>
    </message>
    <message>
        <source>离线客户管理：客户档案、联系人、跟进、话术与评价。</source>
        <translation>Offline customer management: customer profiles, contacts, follow-ups, scripts and evaluation.</translation>
    </message>
    <message>
        <source>所有数据只保存在这台电脑上，不会上传。备份文件夹可以复制到 U 盘或网盘另存一份。</source>
        <translation>All data is kept on this computer only and is never uploaded. Copy the backups folder to a USB drive or a cloud drive to keep a second copy.</translation>
    </message>
    <message>
        <source>数据库文件</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backups folder</translation>
    </message>
    <message>
        <source>数据库在服务器上，请用服务器的工具备份。</source>
        <translation>The database is on a server: back it up with the server&apos;s tools.</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>在文件管理器中打开这个文件夹</source>
        <translation>Open this folder in the file manager</translation>
    </message>
    <message>
        <source>这个文件夹还没有建立</source>
        <translation>This folder has not been created yet</translation>
    </message>
    <message>
        <source>客户宝使用了下面这些字体和程序库，感谢它们的作者。选中一项，可以查看它的许可证全文。</source>
        <translation>Kehubao uses the fonts and libraries below, with thanks to their authors. Select one to read the full text of its licence.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>查看许可证全文…</source>
        <translation>Full licence text…</translation>
    </message>
    <message>
        <source>字体（用于 PDF 报表）</source>
        <translation>Fonts (for PDF reports)</translation>
    </message>
    <message>
        <source>程序库</source>
        <translation>Libraries</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>这个程序库没有随附许可证全文，它的许可证是：%1</source>
        <translation>This library ships no licence text; its licence is: %1</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>客户宝已经打开了这个数据库，但那个窗口没有响应。请切换到已打开的窗口，或稍后再试。</source>
        <translation>Kehubao already has this database open, but that window is not responding. Switch to the open window, or try again later.</translation>
    </message>
    <message>
        <source>数据库已移到本机文件夹：%1（原来的位置不再使用）</source>
        <translation>The database was moved to a local folder: %1 (the old location is no longer used)</translation>
    </message>
    <message>
        <source>正在把数据库复制到本机文件夹…</source>
        <translation>Copying the database to a local folder…</translation>
    </message>
    <message>
        <source>没能移动数据库，继续使用原来的位置。

%1</source>
        <translation>The database could not be moved; the old location is still in use.

%1</translation>
    </message>
    <message>
        <source>数据库已复制到：
%1

以后客户宝使用这个文件。原来的文件仍在 %2，不再使用；确认一切正常后可以自行删除。</source>
        <translation>The database was copied to:
%1

Kehubao uses this file from now on. The old file is still at %2 and is no longer used; once you have checked that everything is in order, you may delete it.</translation>
    </message>
    <message>
        <source>数据库已移到本机文件夹：%1</source>
        <translation>The database was moved to a local folder: %1</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Back up and restore</translation>
    </message>
    <message>
        <source>客户宝会自动备份：每天第一次启动时、有改动时每 30 分钟、退出时，以及导入、合并、批量删除和恢复之前。备份经过校验并压缩，保留最近 12 天每天一份、10 周每周一份、9 个月每月一份。</source>
        <translation>Kehubao backs up by itself: at the first start of each day, every 30 minutes while you make changes, at exit, and before an import, a merge, a bulk delete or a restore. Backups are verified and compressed; one a day is kept for 12 days, one a week for 10 weeks and one a month for 9 months.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore selected…</translation>
    </message>
    <message>
        <source>从文件恢复…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <source>另存数据库副本…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <source>已校验</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>未校验</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>共 %1 个备份，占用 %2；保存在 %3</source>
        <translation>Backups: %1, using %2, kept in %3</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>用 %1 的备份（%2 个客户）替换当前数据库吗？

当前的数据会先备份，之后也能恢复回来。恢复要么全部完成，要么什么都不改。</source>
        <translation>Replace the current database with the backup of %1 (customers: %2)?

The current data is backed up first, so you can go back to it. A restore either completes or changes nothing.</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>客户宝备份 (*.zip *.db);;所有文件 (*)</source>
        <translation>Kehubao backups (*.zip *.db);;All files (*)</translation>
    </message>
    <message>
        <source>用这个文件替换当前数据库吗？当前的数据会先备份。
%1</source>
        <translation>Replace the current database with this file? The current data is backed up first.
%1</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>已恢复：%1 个客户，%2 个联系人。恢复前的数据已备份。</source>
        <translation>Restored. Customers: %1, contacts: %2. The data as it was before is backed up.</translation>
    </message>
    <message>
        <source>另存数据库副本</source>
        <translation>Save a copy of the database</translation>
    </message>
    <message>
        <source>客户宝数据库 (*.db)</source>
        <translation>Kehubao databases (*.db)</translation>
    </message>
    <message>
        <source>已保存副本：%1</source>
        <translation>Copy saved: %1</translation>
    </message>
    <message>
        <source>正在保存副本…</source>
        <translation>Saving a copy…</translation>
    </message>
</context>
<context>
    <name>BatchExport</name>
    <message>
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>正在批量导出报表…</source>
        <translation>Exporting reports…</translation>
    </message>
    <message>
        <source>已导出 %1 份</source>
        <translation>Reports exported: %1</translation>
    </message>
    <message>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>客户评价表</source>
        <translation>Customer evaluation sheet</translation>
    </message>
    <message>
        <source>拜访准备单</source>
        <translation>Pre-visit brief</translation>
    </message>
    <message>
        <source>客户档案卡</source>
        <translation>Customer archive card</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDFs</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>每个客户生成一个 PDF 文件；可以随时取消，已生成的文件会保留。</source>
        <translation>One PDF file per customer. You can cancel at any time; the files already written are kept.</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>请选择导出文件夹。</source>
        <translation>Please choose a folder to export to.</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>还有 %1 项……</source>
        <translation>%1 more…</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>上一周期</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>回到今天</source>
        <translation>Back to today</translation>
    </message>
    <message>
        <source>下一周期</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>方向键选日期&#x3000;Tab 选事项&#x3000;Alt+方向键 改期（或拖到另一天）&#x3000;Enter 打开客户&#x3000;E 编辑跟进&#x3000;PgUp/PgDn 翻页&#x3000;Home 今天</source>
        <translation>Arrows: day   Tab: item   Alt+arrows: reschedule (or drag to another day)   Enter: open customer   E: edit   PgUp/PgDn: page   Home: today</translation>
    </message>
    <message>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>%1 年 %2 月</source>
        <translation>%2/%1</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>共 %1 项</source>
        <translation>Items: %1</translation>
    </message>
</context>
<context>
    <name>CatchUpDialog</name>
    <message>
        <source>离开期间到期的跟进</source>
        <translation>Follow-ups that fell due while you were away</translation>
    </message>
    <message>
        <source>软件关闭期间，有 %1 条跟进到期：</source>
        <translation>Follow-ups that fell due while the app was closed: %1</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>客户 · 联系人</source>
        <translation>Customer · Contact</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>打开客户</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <source>选择左侧的联系人查看名片</source>
        <translation>Select a contact on the left to see their card</translation>
    </message>
    <message>
        <source>（农历）</source>
        <translation> (lunar)</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>年龄段</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Home region</translation>
    </message>
    <message>
        <source>籍贯</source>
        <translation>Hometown</translation>
    </message>
    <message>
        <source>文化素质</source>
        <translation>Education level</translation>
    </message>
    <message>
        <source>上次情绪：</source>
        <translation>Last mood: </translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>沟通提示</source>
        <translation>Communication tips</translation>
    </message>
    <message>
        <source>记录对方的个性、年龄段、地域和情绪后，这里会给出沟通建议。</source>
        <translation>Record the contact&apos;s personality, age group, home region and mood, and tips for talking with them appear here.</translation>
    </message>
    <message>
        <source>（主要联系人）</source>
        <translation>(primary contact)</translation>
    </message>
    <message>
        <source>备注：</source>
        <translation>Notes: </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>新建联系人</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>编辑联系人</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>决策角色</source>
        <translation>Decision role</translation>
    </message>
    <message>
        <source>主要联系人</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>是该客户的主要联系人</source>
        <translation>Primary contact for this customer</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>11 位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>座机请带区号</source>
        <translation>Landline with area code</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>农历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>按农历过生日</source>
        <translation>Birthday follows the lunar calendar</translation>
    </message>
    <message>
        <source>年龄段</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Home region</translation>
    </message>
    <message>
        <source>籍贯</source>
        <translation>Hometown</translation>
    </message>
    <message>
        <source>文化素质</source>
        <translation>Education level</translation>
    </message>
    <message>
        <source>上次情绪</source>
        <translation>Last mood</translation>
    </message>
    <message>
        <source>上次接触时对方的情绪（七情），下次沟通前会提示相应的方法</source>
        <translation>The contact&apos;s mood last time (the seven emotions); matching tips are shown before your next conversation</translation>
    </message>
    <message>
        <source>个性</source>
        <translation>Personality</translation>
    </message>
    <message>
        <source>如：豪爽直率、重信义、决策慢…</source>
        <translation>e.g. outgoing and direct, values loyalty, slow to decide…</translation>
    </message>
    <message>
        <source>交流方式</source>
        <translation>Communication style</translation>
    </message>
    <message>
        <source>如：喜欢微信沟通，下午方便通话…</source>
        <translation>e.g. prefers WeChat, best called in the afternoon…</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>偏好</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>爱好、忌讳、喜欢的话题…</source>
        <translation>Hobbies, taboos, favourite topics…</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>可能重复：</source>
        <translation>Possible duplicates:</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>客户宝遇到了一个意外错误（%1），刚才的操作可能没有完成。</source>
        <translation>Kehubao ran into an unexpected error (%1); what you just did may not have been completed.</translation>
    </message>
    <message>
        <source>您的数据是安全的：每次修改都在一个事务中保存，没有完成的修改不会写进数据库。</source>
        <translation>Your data is safe: every change is saved in a transaction, and a change that did not complete is never written to the database.</translation>
    </message>
    <message>
        <source>错误的详细记录在：%1</source>
        <translation>The details of the error were recorded in: %1</translation>
    </message>
    <message>
        <source>错误记录无法写入文件。</source>
        <translation>The error could not be written to the log file.</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>继续使用</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>客户宝遇到了意外错误，刚才的操作可能没有完成（又发生了 %1 次，都已记录）。</source>
        <translation>Kehubao ran into an unexpected error; what you just did may not have been completed (%1 more since, all recorded).</translation>
    </message>
    <message>
        <source>客户宝启动时遇到了一个意外错误（%1），无法打开窗口。</source>
        <translation>Kehubao ran into an unexpected error while starting (%1) and cannot open its window.</translation>
    </message>
</context>
<context>
    <name>CustomerBulk</name>
    <message>
        <source>标签（多个用逗号分隔）：</source>
        <translation>Tags (separate with commas):</translation>
    </message>
    <message>
        <source>（无负责人）</source>
        <translation>(No owner)</translation>
    </message>
    <message>
        <source>修改负责人</source>
        <translation>Change owner</translation>
    </message>
    <message>
        <source>负责人（可输入新名字）：</source>
        <translation>Owner (or type a new name):</translation>
    </message>
    <message>
        <source>修改状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>客户状态：</source>
        <translation>Customer status:</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <source>编辑 (F2)</source>
        <translation>Edit (F2)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>在评价页为这个客户打分</source>
        <translation>Score this customer on the Evaluation page</translation>
    </message>
    <message>
        <source>新建联系人</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>更多</source>
        <translation>More</translation>
    </message>
    <message>
        <source>彻底删除客户…</source>
        <translation>Erase customer permanently…</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>个人信息</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>导出个人信息…</source>
        <translation>Export personal data…</translation>
    </message>
    <message>
        <source>彻底删除联系人…</source>
        <translation>Erase contact permanently…</translation>
    </message>
    <message>
        <source>档案</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>交易与评价</source>
        <translation>Transactions and evaluation</translation>
    </message>
    <message>
        <source>评级 %1</source>
        <translation>Grade %1</translation>
    </message>
    <message>
        <source>负责人：%1</source>
        <translation>Owner: %1</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 万元</source>
        <translation>%1 × ¥10k</translation>
    </message>
    <message>
        <source>客户编号</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>性质</source>
        <translation>Entity type</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>经济性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>员工人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>年营业额</source>
        <translation>Annual revenue</translation>
    </message>
    <message>
        <source>注册资金</source>
        <translation>Registered capital</translation>
    </message>
    <message>
        <source>信誉度</source>
        <translation>Credit rating</translation>
    </message>
    <message>
        <source>信用额度</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>销售区域</source>
        <translation>Sales region</translation>
    </message>
    <message>
        <source>客户来源</source>
        <translation>Lead source</translation>
    </message>
    <message>
        <source>介绍人</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>下次跟进</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>待办跟进</source>
        <translation>Open follow-ups</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>Created on</translation>
    </message>
    <message>
        <source>资质与批准手续</source>
        <translation>Licences and approvals</translation>
    </message>
    <message>
        <source>销售网络</source>
        <translation>Sales network</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>分类策略：%1</source>
        <translation>Strategy for %1</translation>
    </message>
    <message>
        <source>风险记录</source>
        <translation>Risk records</translation>
    </message>
    <message>
        <source>还没有跟进记录。</source>
        <translation>No interactions yet.</translation>
    </message>
    <message>
        <source>情绪：%1</source>
        <translation>Mood: %1</translation>
    </message>
    <message>
        <source>跟进</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>【%1】</source>
        <translation>[%1] </translation>
    </message>
    <message>
        <source>打印拜访报告</source>
        <translation>Print visit report</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>新建客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>编辑客户</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>主要联系人（可选）</source>
        <translation>Primary contact (optional)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>11 位手机号</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic info</translation>
    </message>
    <message>
        <source>档案与资质</source>
        <translation>Profile and licences</translation>
    </message>
    <message>
        <source>地址与区域</source>
        <translation>Address and region</translation>
    </message>
    <message>
        <source>客户名称</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>单位全称或个人姓名</source>
        <translation>Full organisation name or person&apos;s name</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>客户编号</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <source>客户性质</source>
        <translation>Entity type</translation>
    </message>
    <message>
        <source>客户类型</source>
        <translation>Customer type</translation>
    </message>
    <message>
        <source>客户状态</source>
        <translation>Customer status</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>选择或输入业务员姓名</source>
        <translation>Choose or type a sales rep&apos;s name</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>多个标签用逗号分隔，如：重点客户，老客户</source>
        <translation>Separate tags with commas, e.g.: key account, repeat customer</translation>
    </message>
    <message>
        <source>客户来源</source>
        <translation>Lead source</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>座机请带区号，如 021-62345678</source>
        <translation>Landline with area code, e.g. 021-62345678</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>经济性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>员工人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>年营业额（万元）</source>
        <translation>Annual revenue (¥10k)</translation>
    </message>
    <message>
        <source>注册资金（万元）</source>
        <translation>Registered capital (¥10k)</translation>
    </message>
    <message>
        <source>信誉度</source>
        <translation>Credit rating</translation>
    </message>
    <message>
        <source>信用额度（元）</source>
        <translation>Credit limit (¥)</translation>
    </message>
    <message>
        <source>资质与批准手续</source>
        <translation>Licences and approvals</translation>
    </message>
    <message>
        <source>营业执照、经营许可证、代理授权…</source>
        <translation>Business licence, operating permits, agency authorization…</translation>
    </message>
    <message>
        <source>销售网络</source>
        <translation>Sales network</translation>
    </message>
    <message>
        <source>下游网点数量、覆盖范围…</source>
        <translation>Number of downstream outlets, coverage…</translation>
    </message>
    <message>
        <source>省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <source>详细地址</source>
        <translation>Street address</translation>
    </message>
    <message>
        <source>销售区域</source>
        <translation>Sales region</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>可能与已有客户重复：</source>
        <translation>May duplicate existing customers:</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>筛选：名称、拼音、电话、联系人…（Ctrl+F）</source>
        <translation>Filter: name, pinyin, phone, contact… (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>全部区域</source>
        <translation>All regions</translation>
    </message>
    <message>
        <source>全部行业</source>
        <translation>All industries</translation>
    </message>
    <message>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>全部负责人</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>联系不限</source>
        <translation>Any last contact</translation>
    </message>
    <message>
        <source>30天未联系</source>
        <translation>No contact for 30 days</translation>
    </message>
    <message>
        <source>60天未联系</source>
        <translation>No contact for 60 days</translation>
    </message>
    <message>
        <source>90天未联系</source>
        <translation>No contact for 90 days</translation>
    </message>
    <message>
        <source>半年未联系</source>
        <translation>No contact for 6 months</translation>
    </message>
    <message>
        <source>一年未联系</source>
        <translation>No contact for a year</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>批量操作</source>
        <translation>Bulk actions</translation>
    </message>
    <message>
        <source>添加标签…</source>
        <translation>Add tags…</translation>
    </message>
    <message>
        <source>移除标签…</source>
        <translation>Remove tags…</translation>
    </message>
    <message>
        <source>修改负责人…</source>
        <translation>Change owner…</translation>
    </message>
    <message>
        <source>修改状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <source>导出 PDF…</source>
        <translation>Export PDFs…</translation>
    </message>
    <message>
        <source>显示列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>（未分配）</source>
        <translation>(Unassigned)</translation>
    </message>
    <message>
        <source>共 %1 个客户</source>
        <translation>Customers: %1</translation>
    </message>
    <message>
        <source>筛选出 %1 个客户</source>
        <translation>Matching customers: %1</translation>
    </message>
    <message>
        <source> · 已选 %1</source>
        <translation> · Selected: %1</translation>
    </message>
    <message>
        <source> · 正在加载…</source>
        <translation> · Loading…</translation>
    </message>
    <message>
        <source>导出所选客户的 PDF…</source>
        <translation>Export PDFs of the selected customers…</translation>
    </message>
    <message>
        <source>导出筛选结果的 PDF…</source>
        <translation>Export PDFs of the filtered customers…</translation>
    </message>
    <message>
        <source>添加标签</source>
        <translation>Add tags</translation>
    </message>
    <message>
        <source>移除标签</source>
        <translation>Remove tags</translation>
    </message>
    <message>
        <source>正在批量修改…</source>
        <translation>Applying changes…</translation>
    </message>
    <message>
        <source>已修改 %1 个客户（可撤销）</source>
        <translation>Customers updated: %1 (can be undone)</translation>
    </message>
</context>
<context>
    <name>CustomerMoneyPage</name>
    <message>
        <source>记一笔销售</source>
        <translation>Record a sale</translation>
    </message>
    <message>
        <source>回款</source>
        <translation>Record a payment</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Record a return</translation>
    </message>
    <message>
        <source>记录支援</source>
        <translation>Record support</translation>
    </message>
    <message>
        <source>记录风险</source>
        <translation>Record a risk</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>删除所选交易</source>
        <translation>Delete selected transaction</translation>
    </message>
    <message>
        <source>移入回收站，Ctrl+Z 可撤销</source>
        <translation>Moves it to the recycle bin; Ctrl+Z undoes</translation>
    </message>
    <message>
        <source>交易记录</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>共 %1 笔</source>
        <translation>%1 in all</translation>
    </message>
    <message>
        <source>0–30 天</source>
        <translation>0–30 days</translation>
    </message>
    <message>
        <source>31–60 天</source>
        <translation>31–60 days</translation>
    </message>
    <message>
        <source>61–90 天</source>
        <translation>61–90 days</translation>
    </message>
    <message>
        <source>90 天以上</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <source>应收款</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>预收款</source>
        <translation>Paid in advance</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>最长逾期</source>
        <translation>Longest overdue</translation>
    </message>
    <message>
        <source>%1 天</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>信用额度</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>未设</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>超出额度</source>
        <translation>Over the limit by</translation>
    </message>
    <message>
        <source>账期</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>应收款与账龄</source>
        <translation>Receivables and ageing</translation>
    </message>
    <message>
        <source>既成价值</source>
        <translation>Realised value</translation>
    </message>
    <message>
        <source>潜在价值</source>
        <translation>Potential value</translation>
    </message>
    <message>
        <source>影响价值</source>
        <translation>Influence value</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>按近 12 个月净销售 %1、预计还合作 %2 年；推荐了 %3 个客户。</source>
        <translation>Based on net sales of %1 in the last 12 months; years still expected together: %2; customers referred: %3.</translation>
    </message>
    <message>
        <source>客户价值</source>
        <translation>Customer value</translation>
    </message>
    <message>
        <source>（已处理）</source>
        <translation>(resolved)</translation>
    </message>
    <message>
        <source>【%1】</source>
        <translation>[%1] </translation>
    </message>
    <message>
        <source>证据：%1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <source>风险</source>
        <translation>Risks</translation>
    </message>
    <message>
        <source>支援记录</source>
        <translation>Support given</translation>
    </message>
    <message>
        <source>还没有支援记录。</source>
        <translation>No support recorded yet.</translation>
    </message>
    <message>
        <source>共 %1 次，费用 %2</source>
        <translation>Times: %1, cost %2</translation>
    </message>
    <message>
        <source>累计销售</source>
        <translation>Total sales</translation>
    </message>
    <message>
        <source>近12个月销售</source>
        <translation>Sales, last 12 months</translation>
    </message>
    <message>
        <source>累计回款</source>
        <translation>Total payments received</translation>
    </message>
    <message>
        <source>最近销售</source>
        <translation>Last sale</translation>
    </message>
    <message>
        <source>交易笔数</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>交易汇总</source>
        <translation>Transaction summary</translation>
    </message>
    <message>
        <source>最近评价</source>
        <translation>Latest evaluation</translation>
    </message>
    <message>
        <source>尚未评价</source>
        <translation>Not evaluated yet</translation>
    </message>
    <message>
        <source>最近评价：%1（%2）</source>
        <translation>Latest evaluation: %1 (%2)</translation>
    </message>
    <message>
        <source>总分 %1 · 评级 %2</source>
        <translation>Total score %1 · Grade %2</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
</context>
<context>
    <name>CustomerPdf</name>
    <message>
        <source>所选的 %1 个客户</source>
        <translation>Selected customers (%1)</translation>
    </message>
    <message>
        <source>全部 %1 个客户</source>
        <translation>All customers (%1)</translation>
    </message>
    <message>
        <source>筛选出的 %1 个客户</source>
        <translation>Customers matching the filter (%1)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>输入客户名称、拼音或电话</source>
        <translation>Type a customer name, pinyin or phone</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>客户名称</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>评级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>区域</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>下次跟进</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>近12月销售</source>
        <translation>Sales (12 mo.)</translation>
    </message>
    <message>
        <source>应收款</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>单位电话</source>
        <translation>Office phone</translation>
    </message>
    <message>
        <source>建档日期</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Deleted</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>客户列表</source>
        <translation>Customer list</translation>
    </message>
    <message>
        <source>这个客户已被删除。</source>
        <translation>This customer has been deleted.</translation>
    </message>
    <message>
        <source>删除联系人</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>删除这个联系人？可以在回收站恢复，也可以按 Ctrl+Z 撤销。</source>
        <translation>Delete this contact? You can restore it from the Recycle Bin, or press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>这 %1 个客户</source>
        <translation>these %1 customers</translation>
    </message>
    <message>
        <source>删除%1？</source>
        <translation>Delete %1?</translation>
    </message>
    <message>
        <source>其中有 %1 条跟进和交易记录，会随客户一起移入回收站。</source>
        <translation>Interactions and transactions that go to the recycle bin with them: %1.</translation>
    </message>
    <message>
        <source>删除后可以在回收站恢复，也可以按 Ctrl+Z 撤销。</source>
        <translation>You can restore them from the recycle bin, or press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>删除客户</source>
        <translation>Delete customer</translation>
    </message>
    <message>
        <source>已将 %1 个客户移入回收站（Ctrl+Z 撤销）</source>
        <translation>Customers moved to the recycle bin: %1 (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>正在删除…</source>
        <translation>Deleting…</translation>
    </message>
    <message>
        <source>还没有客户可以导出。</source>
        <translation>There are no customers to export yet.</translation>
    </message>
</context>
<context>
    <name>CustomersSection</name>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>新建客户…</source>
        <translation>New customer…</translation>
    </message>
    <message>
        <source>导出名单…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <source>筛选客户列表</source>
        <translation>Filter customer list</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <source>客户宝没有打开这个文件，也没有写入任何内容。</source>
        <translation>Kehubao has not opened this file and has written nothing to it.</translation>
    </message>
    <message>
        <source>最新的完好备份：%1（%2 个客户）。恢复它会替换损坏的文件，损坏的文件会另存一份。</source>
        <translation>Newest good backup: %1 (customers: %2). Restoring it replaces the damaged file, which is kept aside.</translation>
    </message>
    <message>
        <source>从最新备份恢复</source>
        <translation>Restore the newest backup</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>未填写</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>清空日期</source>
        <translation>Clear date</translation>
    </message>
</context>
<context>
    <name>DueField</name>
    <message>
        <source>提醒我</source>
        <translation>Remind me</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>彻底删除联系人</source>
        <translation>Erase contact permanently</translation>
    </message>
    <message>
        <source>彻底删除客户</source>
        <translation>Erase customer permanently</translation>
    </message>
    <message>
        <source>将彻底删除联系人“%1”（%2）。</source>
        <translation>Contact “%1” (%2) will be erased permanently.</translation>
    </message>
    <message>
        <source>将彻底删除客户“%1”。</source>
        <translation>Customer “%1” will be erased permanently.</translation>
    </message>
    <message>
        <source>删除的记录：%1。</source>
        <translation>Will be deleted: %1.</translation>
    </message>
    <message>
        <source>撤销日志、导入记录和搜索索引中的相关内容也会清除；其他记录中提到的姓名和号码替换为“〔已删除〕”。</source>
        <translation>What the undo history, import records and search index hold about them is removed too; their name and numbers in other records are replaced by a “deleted” marker.</translation>
    </message>
    <message>
        <source>此操作不能撤销，回收站中也不会保留。</source>
        <translation>This cannot be undone, and nothing is kept in the Recycle Bin.</translation>
    </message>
    <message>
        <source>较早的备份（数据库旁的 backups 文件夹，以及另存到别处的备份文件）中仍保存着这些信息，直到这些备份被轮换删除为止。</source>
        <translation>Older backups (the backups folder next to the database, and backup files saved elsewhere) still hold this information until they are rotated out.</translation>
    </message>
    <message>
        <source>这是个人客户，客户档案中也有此人的信息：要全部删除，请彻底删除客户。</source>
        <translation>This is an individual customer: the customer record holds this person’s details too. To remove everything, erase the customer.</translation>
    </message>
    <message>
        <source>请输入“%1”以确认：</source>
        <translation>Type “%1” to confirm:</translation>
    </message>
    <message>
        <source>彻底删除</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>客户 %1 个</source>
        <translation>Customers: %1</translation>
    </message>
    <message>
        <source>联系人 %1 个</source>
        <translation>Contacts: %1</translation>
    </message>
    <message>
        <source>跟进记录 %1 条</source>
        <translation>Interactions: %1</translation>
    </message>
    <message>
        <source>跟进提醒 %1 条</source>
        <translation>Follow-ups: %1</translation>
    </message>
    <message>
        <source>交易记录 %1 条</source>
        <translation>Transactions: %1</translation>
    </message>
    <message>
        <source>评价 %1 次</source>
        <translation>Evaluations: %1</translation>
    </message>
    <message>
        <source>支援记录 %1 条</source>
        <translation>Support given: %1</translation>
    </message>
    <message>
        <source>风险事件 %1 条</source>
        <translation>Risk events: %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>EvaluationFormView</name>
    <message>
        <source>全部分类</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>区域（可空）</source>
        <translation>Any region</translation>
    </message>
    <message>
        <source>开始逐个评价</source>
        <translation>Evaluate one by one</translation>
    </message>
    <message>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>编辑评价模板…</source>
        <translation>Edit template…</translation>
    </message>
    <message>
        <source>本季评价：</source>
        <translation>This quarter:</translation>
    </message>
    <message>
        <source>评语（可空）</source>
        <translation>Comments (optional)</translation>
    </message>
    <message>
        <source>保存评价 (Ctrl+S)</source>
        <translation>Save evaluation (Ctrl+S)</translation>
    </message>
    <message>
        <source>评语：</source>
        <translation>Comments:</translation>
    </message>
    <message>
        <source>没有符合条件的客户</source>
        <translation>No customer matches</translation>
    </message>
    <message>
        <source>第 %1 / %2 个</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>选择要评价的客户：按分类或区域开始逐个评价，或在客户页打开评价</source>
        <translation>Choose customers to evaluate: start one by one by class or region, or open an evaluation from a customer</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>上次 %1 分（%2）</source>
        <translation>last time %1 points (%2)</translation>
    </message>
    <message>
        <source>本季已评价过</source>
        <translation>already evaluated this quarter</translation>
    </message>
    <message>
        <source>0–%1 分；上次：%2</source>
        <translation>0–%1 points; last time: %2</translation>
    </message>
    <message>
        <source>总分 %1 · 等级 %2</source>
        <translation>Total %1 · grade %2</translation>
    </message>
    <message>
        <source>（还有 %1 项未打分）</source>
        <translation>(not scored yet: %1)</translation>
    </message>
    <message>
        <source>每一项都要打分后才能保存</source>
        <translation>Score every indicator before saving</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>EvaluationHistory</name>
    <message>
        <source>评价历史</source>
        <translation>Evaluation history</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>评价日期</source>
        <translation>Evaluated on</translation>
    </message>
    <message>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>等级 / 分类</source>
        <translation>Grade / class</translation>
    </message>
    <message>
        <source>预览评价表</source>
        <translation>Preview sheet</translation>
    </message>
    <message>
        <source>打印评价表…</source>
        <translation>Print sheet…</translation>
    </message>
    <message>
        <source>评价历史：%1</source>
        <translation>Evaluation history: %1</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>这个客户还没有评价。</source>
        <translation>This customer has not been evaluated yet.</translation>
    </message>
    <message>
        <source>这是第一次评价，没有可比较的上次评价。</source>
        <translation>This is the first evaluation; there is no earlier one to compare with.</translation>
    </message>
    <message>
        <source>与上次（%1，%2 分，%3）相比：总分 %4</source>
        <translation>Since last time (%1, %2 points, %3): total %4</translation>
    </message>
    <message>
        <source>，等级 %1 → %2</source>
        <translation>, grade %1 → %2</translation>
    </message>
    <message>
        <source>%1：%2 → %3，对总分 %4 分</source>
        <translation>%1: %2 → %3, %4 points on the total</translation>
    </message>
    <message>
        <source>各项分数都没有变化。</source>
        <translation>No indicator changed.</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>折合分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>等级描述</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>评语：%1</source>
        <translation>Comments: %1</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>评价表</source>
        <translation>Evaluation form</translation>
    </message>
    <message>
        <source>客户组合</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>风险客户</source>
        <translation>Risks</translation>
    </message>
    <message>
        <source>导入交易记录…</source>
        <translation>Import transactions…</translation>
    </message>
    <message>
        <source>价值与账期假设…</source>
        <translation>Value and terms assumptions…</translation>
    </message>
</context>
<context>
    <name>EvaluationSection</name>
    <message>
        <source>评价</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>客户组合</source>
        <translation>Portfolio</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>导出名单</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>导出哪些客户</source>
        <translation>Which customers to export</translation>
    </message>
    <message>
        <source>全部客户（%1 个）</source>
        <translation>All customers (%1)</translation>
    </message>
    <message>
        <source>当前筛选结果（%1 个）</source>
        <translation>Current filter results (%1)</translation>
    </message>
    <message>
        <source>选中的客户（%1 个）</source>
        <translation>Selected customers (%1)</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>每个联系人一行；导出的文件可以原样再导入。</source>
        <translation>One row per contact; the exported file can be imported again as is.</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>客户名单</source>
        <translation>Customer list</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 %1 个客户到 %2</source>
        <translation>Customers exported to %2: %1</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>编辑跟进</source>
        <translation>Edit follow-up</translation>
    </message>
    <message>
        <source>新建跟进</source>
        <translation>New follow-up</translation>
    </message>
    <message>
        <source>正在载入……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>例如：回电确认报价</source>
        <translation>e.g. call back to confirm the quote</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>到期时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>优先级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>这条跟进已经处理过了，不能再修改。</source>
        <translation>This follow-up has already been dealt with and can no longer be changed.</translation>
    </message>
    <message>
        <source>无法载入跟进</source>
        <translation>Could not load the follow-up</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>FollowUpsSection</name>
    <message>
        <source>跟进</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>已逾期和今天到期的跟进：%1</source>
        <translation>Follow-ups overdue or due today: %1</translation>
    </message>
    <message>
        <source>导出跟进日历（.ics）…</source>
        <translation>Export follow-up calendar (.ics)…</translation>
    </message>
    <message>
        <source>记录跟进…</source>
        <translation>Log interaction…</translation>
    </message>
    <message>
        <source>新建跟进提醒…</source>
        <translation>New follow-up…</translation>
    </message>
    <message>
        <source>提醒设置…</source>
        <translation>Reminder settings…</translation>
    </message>
    <message>
        <source>跟进日历</source>
        <translation>Follow-up calendar</translation>
    </message>
    <message>
        <source>先在列表中选中或打开一个客户，再按 Ctrl+L 记录跟进</source>
        <translation>Select or open a customer first, then press Ctrl+L to log an interaction</translation>
    </message>
    <message>
        <source>先在列表中选中或打开一个客户，再按 Ctrl+Shift+L 新建跟进</source>
        <translation>Select or open a customer first, then press Ctrl+Shift+L for a new follow-up</translation>
    </message>
    <message>
        <source>导出跟进日历</source>
        <translation>Export follow-up calendar</translation>
    </message>
    <message>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <source>已导出 %1 条跟进</source>
        <translation>Follow-ups exported: %1</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>%1：</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>用户指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
</context>
<context>
    <name>Hotkey</name>
    <message>
        <source>“%1”不能用作全局快捷键，请包含 Ctrl、Alt 或 Shift 加一个键。</source>
        <translation>“%1” cannot be a system-wide shortcut: use Ctrl, Alt or Shift with one key.</translation>
    </message>
    <message>
        <source>全局快捷键“%1”已被其他程序占用：关闭那个程序后重新打开客户宝即可使用。在客户宝窗口内，这个快捷键仍然可用。</source>
        <translation>Another program already uses the shortcut “%1” system-wide: close that program and restart Kehubao to use it. Inside the Kehubao window the shortcut still works.</translation>
    </message>
    <message>
        <source>无法注册全局快捷键“%1”（错误 %2）。</source>
        <translation>Could not register the system-wide shortcut “%1” (error %2).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入名单</source>
        <translation>Import list</translation>
    </message>
    <message>
        <source>请选择要导入的文件（Excel、CSV 或手机导出的 vCard）</source>
        <translation>Choose a file to import (Excel, CSV or a vCard exported from a phone)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>客户 / 联系人</source>
        <translation>Customer / contact</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>1. 列对应</source>
        <translation>1. Column mapping</translation>
    </message>
    <message>
        <source>2. 预览结果</source>
        <translation>2. Preview</translation>
    </message>
    <message>
        <source>遇到重复：</source>
        <translation>On duplicates:</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>合并（补全空白字段）</source>
        <translation>Merge (fill in empty fields)</translation>
    </message>
    <message>
        <source>仍然新建</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>跳过有错误的行（否则有错误就整批不导入）</source>
        <translation>Skip rows with errors (otherwise any error stops the whole import)</translation>
    </message>
    <message>
        <source>保存问题清单…</source>
        <translation>Save problem list…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <source>名单文件</source>
        <translation>Contact list files</translation>
    </message>
    <message>
        <source> · 工作表“%1”</source>
        <translation> · sheet “%1”</translation>
    </message>
    <message>
        <source> · 已使用上次保存的列对应</source>
        <translation> · Using the column mapping saved last time</translation>
    </message>
    <message>
        <source>正在读取文件…</source>
        <translation>Reading file…</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>手机通讯录文件：姓名、单位、电话、邮箱等会自动对应，共 %1 张名片。</source>
        <translation>Phone contacts file: names, companies, phone numbers, emails, etc. are mapped automatically. Cards in the file: %1.</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>预览未完成：导入时会按当前设置重新检查每一行。</source>
        <translation>Preview not finished: importing checks every row again with the current settings.</translation>
    </message>
    <message>
        <source>正在检查数据…</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>有误</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>共 %1 行：新建 %2，合并 %3，跳过 %4，有误 %5</source>
        <translation>Rows: %1 (new: %2, merge: %3, skip: %4, with errors: %5)</translation>
    </message>
    <message>
        <source>（预览只列出有重复或问题的行）</source>
        <translation> (The preview lists only rows with duplicates or problems.)</translation>
    </message>
    <message>
        <source>有错误的行：请修改文件，或勾选“跳过有错误的行”</source>
        <translation>Some rows have errors: fix the file, or check &quot;Skip rows with errors&quot;</translation>
    </message>
    <message>
        <source>保存问题清单</source>
        <translation>Save problem list</translation>
    </message>
    <message>
        <source>导入问题清单</source>
        <translation>Import problems</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>无法保存：%1</source>
        <translation>Could not save: %1</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导入完成：新建客户 %1 个，新增联系人 %2 个，合并 %3 行，跳过 %4 行。
如有需要，可以用“编辑 → 撤销”（Ctrl+Z）撤销这次导入。</source>
        <translation>Import finished. New customers: %1; new contacts: %2; rows merged: %3; rows skipped: %4.
If needed, you can undo this import with &quot;Edit → Undo&quot; (Ctrl+Z).</translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>报表抬头</source>
        <translation>Report letterhead</translation>
    </message>
    <message>
        <source>贵公司名称</source>
        <translation>Your company&apos;s name</translation>
    </message>
    <message>
        <source>PNG 或 JPG 图片，可不填</source>
        <translation>PNG or JPG image, optional</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>公司名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>标志</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>主色</source>
        <translation>Primary colour</translation>
    </message>
    <message>
        <source>辅色</source>
        <translation>Accent colour</translation>
    </message>
    <message>
        <source>抬头印在每份报表的页眉；主色用于标题和表头，辅色用于表格底纹。</source>
        <translation>The letterhead is printed at the top of every report; the primary colour is used for titles and table headers, the accent colour for table shading.</translation>
    </message>
    <message>
        <source>选择标志图片</source>
        <translation>Choose a logo image</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>筛选：中文、拼音或首字母</source>
        <translation>Filter: Chinese, pinyin or initials</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>侧重</source>
        <translation>Focus</translation>
    </message>
    <message>
        <source>效果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>复制一份</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>复制为文字</source>
        <translation>Copy as text</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>取消归档</source>
        <translation>Unarchive</translation>
    </message>
    <message>
        <source>★ 有新版内置话术</source>
        <translation>★ A new built-in version is available</translation>
    </message>
    <message>
        <source>已新建话术</source>
        <translation>Script added</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>删除话术</source>
        <translation>Delete scripts</translation>
    </message>
    <message>
        <source>把选中的 %1 条话术移到回收站？可以用“撤销”恢复。</source>
        <translation>Move the selected scripts (%1) to the recycle bin? Undo brings them back.</translation>
    </message>
    <message>
        <source>已删除 %1 条话术</source>
        <translation>Scripts deleted: %1</translation>
    </message>
    <message>
        <source>已复制，可以粘贴到微信</source>
        <translation>Copied: paste it into WeChat</translation>
    </message>
    <message>
        <source>导出话术库</source>
        <translation>Export script library</translation>
    </message>
    <message>
        <source>话术库</source>
        <translation>Script library</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx);;JSON (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <source>已导出 %1 条话术</source>
        <translation>Scripts exported: %1</translation>
    </message>
    <message>
        <source>导入话术库</source>
        <translation>Import script library</translation>
    </message>
    <message>
        <source>话术库 (*.xlsx *.json)</source>
        <translation>Script library (*.xlsx *.json)</translation>
    </message>
    <message>
        <source>导入完成：新增 %1 条，更新 %2 条</source>
        <translation>Import done: %1 added, %2 updated</translation>
    </message>
</context>
<context>
    <name>LicenceTextDialog</name>
    <message>
        <source>许可证：%1</source>
        <translation>Licence: %1</translation>
    </message>
</context>
<context>
    <name>LocationWarning</name>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>移动到本机文件夹…</source>
        <translation>Move to a local folder…</translation>
    </message>
    <message>
        <source>仍然使用</source>
        <translation>Keep using</translation>
    </message>
    <message>
        <source>不再提示</source>
        <translation>Don&apos;t warn again</translation>
    </message>
</context>
<context>
    <name>LogInteractionDialog</name>
    <message>
        <source>记录跟进</source>
        <translation>Log interaction</translation>
    </message>
    <message>
        <source>正在载入……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>谈了什么，一句话</source>
        <translation>What was discussed, in one line</translation>
    </message>
    <message>
        <source>对方情绪</source>
        <translation>Their mood</translation>
    </message>
    <message>
        <source>发现的需求</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <source>遇到的异议</source>
        <translation>Objections met</translation>
    </message>
    <message>
        <source>客户怎么说的，例如：太贵了（会找出对应的话术）</source>
        <translation>What the customer said, e.g. “too expensive” (matching scripts are offered)</translation>
    </message>
    <message>
        <source>话术与应答</source>
        <translation>Script and reply</translation>
    </message>
    <message>
        <source>使用的应答</source>
        <translation>Reply used</translation>
    </message>
    <message>
        <source>用了哪条话术或怎么回答的</source>
        <translation>Which script you used, or how you answered</translation>
    </message>
    <message>
        <source>应答效果</source>
        <translation>Did it work</translation>
    </message>
    <message>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>奏效</source>
        <translation>Worked</translation>
    </message>
    <message>
        <source>没奏效</source>
        <translation>Did not work</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>写下一步并勾选到期时间，会生成跟进提醒</source>
        <translation>Write the next step and tick a due time to create a follow-up</translation>
    </message>
    <message>
        <source>下次跟进</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1（上次：%2）</source>
        <translation>%1 (last time: %2)</translation>
    </message>
    <message>
        <source>同时完成提醒“%1”</source>
        <translation>Also complete the follow-up “%1”</translation>
    </message>
    <message>
        <source>无法载入客户</source>
        <translation>Could not load the customer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>导入名单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <source>加载演示数据…</source>
        <translation>Load demo data…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>备份与恢复…</source>
        <translation>Back up and restore…</translation>
    </message>
    <message>
        <source>全局搜索</source>
        <translation>Global search</translation>
    </message>
    <message>
        <source>检查数据库</source>
        <translation>Check database</translation>
    </message>
    <message>
        <source>重建搜索索引</source>
        <translation>Rebuild search index</translation>
    </message>
    <message>
        <source>用户指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>关于客户宝</source>
        <translation>About Kehubao</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>数据库被其他程序（例如命令行）修改过，已刷新。</source>
        <translation>The database was changed by another program (such as the command line); the view was refreshed.</translation>
    </message>
    <message>
        <source>把数据库复制到本机文件夹：
%1

客户宝会关闭窗口、复制数据库，再打开新位置的数据库；以后用原来的路径打开时也会使用新位置。原来的文件保留在原处，不再使用。

要继续吗？</source>
        <translation>Copy the database to a local folder:
%1

Kehubao will close the window, copy the database and open it at the new location; opening the old path later also uses the new location. The old file stays where it is and is no longer used.

Continue?</translation>
    </message>
    <message>
        <source>客户 %1 个</source>
        <translation>Customers: %1</translation>
    </message>
    <message>
        <source>撤销“%1”</source>
        <translation>Undo &quot;%1&quot;</translation>
    </message>
    <message>
        <source>撤销“%1”会把这次导入的客户移入回收站，确定吗？</source>
        <translation>Undoing &quot;%1&quot; will move the customers from this import to the Recycle Bin. Continue?</translation>
    </message>
    <message>
        <source>正在撤销…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <source>已撤销：%1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <source>（%1 项之后又被修改过，保留了最新的内容）</source>
        <translation> (items changed again since, whose latest content was kept: %1)</translation>
    </message>
    <message>
        <source>请先关闭打开的对话框，再导入 %1</source>
        <translation>Close the open dialog first, then import %1</translation>
    </message>
    <message>
        <source>加载演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>要生成多少个演示客户？（会加入当前数据库）</source>
        <translation>How many demo customers should be generated? (They are added to the current database.)</translation>
    </message>
    <message>
        <source>正在生成演示数据…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <source>已生成 %1 个演示客户</source>
        <translation>Demo customers generated: %1</translation>
    </message>
    <message>
        <source>服务器数据库请用服务器的备份工具。</source>
        <translation>For a server database, please use the server&apos;s own backup tools.</translation>
    </message>
    <message>
        <source>数据库文件已损坏（%1）。请不要继续修改数据：在“备份与恢复”中恢复最新的备份。</source>
        <translation>The database file is damaged (%1). Please stop changing data and restore the newest backup in “Back up and restore”.</translation>
    </message>
    <message>
        <source>发现问题：
</source>
        <translation>Problems found:
</translation>
    </message>
    <message>
        <source>检查通过，没有发现问题。</source>
        <translation>Check passed. No problems found.</translation>
    </message>
    <message>
        <source>正在检查数据库…</source>
        <translation>Checking database…</translation>
    </message>
    <message>
        <source>正在重建搜索索引…</source>
        <translation>Rebuilding search index…</translation>
    </message>
    <message>
        <source>搜索索引已重建</source>
        <translation>Search index rebuilt</translation>
    </message>
    <message>
        <source>“%1”还在进行。现在退出会取消它（已做的部分不会保存）。确定退出吗？</source>
        <translation>&quot;%1&quot; is still running. Exiting now will cancel it (work done so far will not be saved). Exit anyway?</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>合并客户</source>
        <translation>Merge customers</translation>
    </message>
    <message>
        <source>把两条记录合并成一条。保留哪一条？另一条的联系人、跟进记录、交易、评价和标签都会转到保留的记录上，它本身移入回收站（可撤销）。</source>
        <translation>Merge two records into one. Which one should be kept? The other record&apos;s contacts, interactions, transactions, evaluations and tags move to the kept record, and the other record goes to the Recycle Bin (can be undone).</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保留的记录：</source>
        <translation>Record to keep:</translation>
    </message>
    <message>
        <source>两条记录不同的地方，选择要保留的值：</source>
        <translation>Where the two records differ, choose the value to keep:</translation>
    </message>
    <message>
        <source>两条记录没有冲突的字段。</source>
        <translation>The two records have no conflicting fields.</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>PersonalDataActions</name>
    <message>
        <source>个人信息-%1</source>
        <translation>Personal data - %1</translation>
    </message>
    <message>
        <source>导出个人信息</source>
        <translation>Export personal data</translation>
    </message>
    <message>
        <source>便于阅读的网页</source>
        <translation>Readable web page</translation>
    </message>
    <message>
        <source>完整数据</source>
        <translation>Complete data</translation>
    </message>
    <message>
        <source>已导出个人信息到 %1</source>
        <translation>Personal data exported to %1</translation>
    </message>
    <message>
        <source>正在彻底删除…</source>
        <translation>Deleting permanently…</translation>
    </message>
    <message>
        <source>已彻底删除联系人“%1”。</source>
        <translation>Contact “%1” has been erased permanently.</translation>
    </message>
    <message>
        <source>已彻底删除客户“%1”。</source>
        <translation>Customer “%1” has been erased permanently.</translation>
    </message>
    <message>
        <source>数据库文件未能整理（可能有其他程序正在使用数据库），旧内容可能仍留在文件的空闲空间中。</source>
        <translation>The database file could not be rebuilt (another program may be using the database); old content may remain in its free space.</translation>
    </message>
    <message>
        <source>较早的备份（数据库旁的 backups 文件夹，以及另存到别处的备份文件）中仍保存着这些信息，直到这些备份被轮换删除为止。</source>
        <translation>Older backups (the backups folder next to the database, and backup files saved elsewhere) still hold this information until they are rotated out.</translation>
    </message>
    <message>
        <source>已彻底删除</source>
        <translation>Erased permanently</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>客户数</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>近 12 个月销量（万元）</source>
        <translation>Sales, 12 months (¥10k)</translation>
    </message>
    <message>
        <source>客户价值（万元）</source>
        <translation>Value (¥10k)</translation>
    </message>
    <message>
        <source>策略</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>共 %1 个客户，未分类（无评价）%2 个；点击图中的圆点、象限名称或金字塔的一层查看对应客户</source>
        <translation>Customers: %1, not classified (no evaluation): %2. Click a dot, a quadrant&apos;s name or a layer of the pyramid to see its customers</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>报表预览</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>无法生成这份报表</source>
        <translation>This report could not be generated</translation>
    </message>
    <message>
        <source>报表预览 - %1</source>
        <translation>Report preview - %1</translation>
    </message>
    <message>
        <source>以下字符没有字体可以显示，会印成占位符：%1</source>
        <translation>No font can draw these characters; they will print as placeholders: %1</translation>
    </message>
    <message>
        <source>第 %1 页 / 共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>PyramidChart</name>
    <message>
        <source>顶层客户</source>
        <translation>Top customers</translation>
    </message>
    <message>
        <source>大客户</source>
        <translation>Major customers</translation>
    </message>
    <message>
        <source>中等客户</source>
        <translation>Medium customers</translation>
    </message>
    <message>
        <source>小客户</source>
        <translation>Small customers</translation>
    </message>
    <message>
        <source>%1：%2 个
价值 %3 万元，占 %4%</source>
        <translation>%1: %2
value %3 × ¥10k, %4%</translation>
    </message>
</context>
<context>
    <name>QuadrantChart</name>
    <message>
        <source>正在计算客户组合…</source>
        <translation>Computing the portfolio…</translation>
    </message>
    <message>
        <source>近 12 个月销量（万元）→</source>
        <translation>Sales, last 12 months (¥10k) →</translation>
    </message>
    <message>
        <source>忠诚度 →</source>
        <translation>Loyalty →</translation>
    </message>
</context>
<context>
    <name>QuickPanel</name>
    <message>
        <source>话术速查</source>
        <translation>Quick scripts</translation>
    </message>
    <message>
        <source>客户说了什么？中文、拼音或首字母，如 tai gui、tg</source>
        <translation>What did the customer say? Chinese, pinyin or initials, e.g. tai gui, tg</translation>
    </message>
    <message>
        <source>↑↓ 选择 · Enter 复制最佳回答 · 1–9 复制第几条 · Ctrl+Enter 复制并记录使用 · Esc 隐藏</source>
        <translation>↑↓ choose · Enter copies the best reply · 1–9 copy that reply · Ctrl+Enter copies and logs the use · Esc hides</translation>
    </message>
    <message>
        <source>未打开客户：复制回答不会记录到客户</source>
        <translation>No customer open: copied replies are not logged on a customer</translation>
    </message>
    <message>
        <source>按情绪同为“%1”时的成功率排序</source>
        <translation>ranked by success when the mood was “%1”</translation>
    </message>
    <message>
        <source>按同为%1的联系人的成功率排序</source>
        <translation>ranked by success with other contacts of the %1 group</translation>
    </message>
    <message>
        <source>没有找到相关话术</source>
        <translation>No matching script</translation>
    </message>
    <message>
        <source>已复制第 %1 条回答</source>
        <translation>Reply %1 copied</translation>
    </message>
    <message>
        <source>已复制并记录到客户</source>
        <translation>Copied and logged on the customer</translation>
    </message>
    <message>
        <source>已复制；没有打开的客户，未记录</source>
        <translation>Copied; no customer is open, nothing logged</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>出现意外错误，没有保存任何内容：%1</source>
        <translation>An unexpected error occurred; nothing was saved: %1</translation>
    </message>
    <message>
        <source>有未保存的内容，要保存吗？</source>
        <translation>You have unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>RecurrenceField</name>
    <message>
        <source>不重复</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>工作日（周一至周五）</source>
        <translation>Weekdays (Mon–Fri)</translation>
    </message>
    <message>
        <source>每周（选星期）</source>
        <translation>Weekly (choose days)</translation>
    </message>
    <message>
        <source>每月某日</source>
        <translation>Monthly on a day</translation>
    </message>
    <message>
        <source>每月最后一天</source>
        <translation>Monthly on the last day</translation>
    </message>
    <message>
        <source>每隔几天</source>
        <translation>Every N days</translation>
    </message>
    <message>
        <source>每年</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>间隔</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>RecurrenceText</name>
    <message>
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>不重复</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>每天</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>每 %1 天</source>
        <translation>Every %1 days</translation>
    </message>
    <message>
        <source>工作日（周一至周五）</source>
        <translation>Weekdays (Mon–Fri)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>每周</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>每 %1 周</source>
        <translation>Every %1 weeks</translation>
    </message>
    <message>
        <source>%1%2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>每 %1 个月</source>
        <translation>Every %1 months</translation>
    </message>
    <message>
        <source>%1最后一天</source>
        <translation>%1 on the last day</translation>
    </message>
    <message>
        <source>%1 %2 日（没有这天则为月末）</source>
        <translation>%1 on day %2 (or the month&apos;s last day)</translation>
    </message>
    <message>
        <source>%1 %2 日</source>
        <translation>%1 on day %2</translation>
    </message>
    <message>
        <source>每年</source>
        <translation>Yearly</translation>
    </message>
    <message>
        <source>每 %1 年</source>
        <translation>Every %1 years</translation>
    </message>
    <message>
        <source>%1 %2 月 %3 日</source>
        <translation>%1 on %2/%3</translation>
    </message>
</context>
<context>
    <name>RecycleBinPage</name>
    <message>
        <source>客户名称</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所属客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>跟进时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>提醒事项</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>到期时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>交易</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>交易日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>跟进记录</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>跟进提醒</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>话术</source>
        <translation>Scripts</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>彻底删除</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>删除的记录在这里，可以恢复；彻底删除后无法找回。已删除客户的联系人和历史随客户一起恢复。</source>
        <translation>Deleted records are kept here and can be restored. Once deleted permanently, they cannot be recovered. The contacts and history of a deleted customer come back with the customer.</translation>
    </message>
    <message>
        <source>客户 %1 个 · 联系人 %2 个 · 跟进记录 %3 条 · 提醒 %4 条 · 话术 %5 条 · 交易 %6 条</source>
        <translation>Customers: %1 · Contacts: %2 · Interactions: %3 · Follow-ups: %4 · Scripts: %5 · Transactions: %6</translation>
    </message>
    <message>
        <source>已合并到“%1”</source>
        <translation>Merged into &quot;%1&quot;</translation>
    </message>
    <message>
        <source>已恢复 %1 条</source>
        <translation>Items restored: %1</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>彻底删除选中的 %1 条记录？连同它们的全部历史，无法恢复，也不能撤销。</source>
        <translation>Permanently delete the selected records (%1) with all their history? This cannot be restored or undone.</translation>
    </message>
    <message>
        <source>正在彻底删除…</source>
        <translation>Deleting permanently…</translation>
    </message>
</context>
<context>
    <name>RecycleBinSection</name>
    <message>
        <source>回收站</source>
        <translation>Recycle Bin</translation>
    </message>
</context>
<context>
    <name>ReminderNotifier</name>
    <message>
        <source>跟进到期：%1</source>
        <translation>Follow-up due: %1</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>上次：%1</source>
        <translation>Last time: %1</translation>
    </message>
    <message>
        <source>%1 条跟进到期</source>
        <translation>%1 follow-ups due</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ReminderSettingsDialog</name>
    <message>
        <source>提醒设置</source>
        <translation>Reminder settings</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>联系人生日（公历和农历）</source>
        <translation>Contacts&apos; birthdays (solar and lunar)</translation>
    </message>
    <message>
        <source>久未联系的重要客户</source>
        <translation>Key customers not contacted lately</translation>
    </message>
    <message>
        <source>未分类的客户也提醒</source>
        <translation>Also for unclassified customers</translation>
    </message>
    <message>
        <source>回款到期与逾期</source>
        <translation>Payments due and overdue</translation>
    </message>
    <message>
        <source>到期日落在法定节假日时标出</source>
        <translation>Mark due dates that fall on public holidays</translation>
    </message>
    <message>
        <source>关闭窗口时最小化到托盘（继续提醒）</source>
        <translation>Closing the window minimises to the tray (reminders continue)</translation>
    </message>
    <message>
        <source>提前：</source>
        <translation>Days before:</translation>
    </message>
    <message>
        <source>其他客户</source>
        <translation>Other customers</translation>
    </message>
    <message>
        <source>%1：超过</source>
        <translation>%1: after</translation>
    </message>
    <message>
        <source>到期前：</source>
        <translation>Before due:</translation>
    </message>
    <message>
        <source>逾期回看：</source>
        <translation>Overdue within the last:</translation>
    </message>
    <message>
        <source>没有保存：%1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>客户评价表</source>
        <translation>Customer evaluation sheet</translation>
    </message>
    <message>
        <source>拜访准备单</source>
        <translation>Pre-visit brief</translation>
    </message>
    <message>
        <source>客户档案卡</source>
        <translation>Customer archive card</translation>
    </message>
    <message>
        <source>最近一次拜访报告</source>
        <translation>Latest visit report</translation>
    </message>
    <message>
        <source>这份报表里有 %1 个字符没有字体可以显示，会印成占位符：
%2

仍然继续吗？</source>
        <translation>This report has characters that no font can draw (%1); they will print as placeholders:
%2

Continue anyway?</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存文件：%1</source>
        <translation>Could not save the file: %1</translation>
    </message>
    <message>
        <source>已送去打印：%1 页</source>
        <translation>Sent to the printer. Pages: %1</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>正在生成报表…</source>
        <translation>Generating the report…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>客户评价表</source>
        <translation>Customer evaluation sheet</translation>
    </message>
    <message>
        <source>拜访报告（最近一次）</source>
        <translation>Visit report (latest visit)</translation>
    </message>
    <message>
        <source>拜访清单（一天或一周）</source>
        <translation>Visit list (a day or a week)</translation>
    </message>
    <message>
        <source>拜访准备单</source>
        <translation>Pre-visit brief</translation>
    </message>
    <message>
        <source>客户档案卡</source>
        <translation>Customer archive card</translation>
    </message>
    <message>
        <source>客户名单</source>
        <translation>Customer list</translation>
    </message>
    <message>
        <source>单个客户</source>
        <translation>One customer</translation>
    </message>
    <message>
        <source>按分类</source>
        <translation>By class</translation>
    </message>
    <message>
        <source>按区域</source>
        <translation>By region</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>省、市或销售区域，如 山东、济南、华东</source>
        <translation>Province, city or sales region, e.g. Shandong, Jinan, East China</translation>
    </message>
    <message>
        <source>当天</source>
        <translation>That day</translation>
    </message>
    <message>
        <source>所在的一周（周一至周日）</source>
        <translation>Its week (Monday to Sunday)</translation>
    </message>
    <message>
        <source>报表</source>
        <comment>the report picker</comment>
        <translation>Report</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>区域</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>批量导出到文件夹…</source>
        <translation>Batch export to folder…</translation>
    </message>
    <message>
        <source>报表抬头…</source>
        <translation>Letterhead…</translation>
    </message>
    <message>
        <source>选好客户后可以预览、打印或保存；要一次导出多个客户，请把范围改为分类或区域。</source>
        <translation>Choose a customer to preview, print or save; to export many customers at once, set the scope to a class or a region.</translation>
    </message>
    <message>
        <source>批量导出为每个客户生成一个 PDF 文件，放在所选文件夹中；可以随时取消，已生成的文件会保留。</source>
        <translation>Batch export writes one PDF per customer into the folder you choose; you can cancel at any time, and the files already written stay.</translation>
    </message>
    <message>
        <source>不选分类也不填区域时，列出全部客户（最多 20,000 家）。</source>
        <translation>With no class and no region, every customer is listed (at most 20,000).</translation>
    </message>
    <message>
        <source>列出所选一天或一周内的全部拜访和会面。</source>
        <translation>Lists every visit and meeting of the chosen day or week.</translation>
    </message>
</context>
<context>
    <name>ReportsSection</name>
    <message>
        <source>打印当前客户…</source>
        <translation>Print current customer…</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>先在列表中选中或打开一个客户，再按 Ctrl+P 打印</source>
        <translation>Select or open a customer first, then press Ctrl+P to print</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>记录风险</source>
        <translation>Record a risk</translation>
    </message>
    <message>
        <source>风险类型</source>
        <translation>Kind of risk</translation>
    </message>
    <message>
        <source>发生日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>经过</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>在哪里发现、涉及什么产品、价格多少</source>
        <translation>Where it was found, which products, at what price</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>发票号、照片文件名、证人等</source>
        <translation>Invoice numbers, photo file names, witnesses…</translation>
    </message>
</context>
<context>
    <name>RiskListView</name>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>应收（元）</source>
        <translation>Receivable (¥)</translation>
    </message>
    <message>
        <source>逾期（元）</source>
        <translation>Overdue (¥)</translation>
    </message>
    <message>
        <source>超出信用额度（元）</source>
        <translation>Over credit limit (¥)</translation>
    </message>
    <message>
        <source>未处理的窜货/抛售</source>
        <translation>Open cross-region / dumping</translation>
    </message>
    <message>
        <source>风险敞口（元）</source>
        <translation>Exposure (¥)</translation>
    </message>
    <message>
        <source>按风险敞口排序：逾期金额与超出信用额度部分中较大者；只有窜货/抛售记录时为应收余额。双击打开客户。</source>
        <translation>Sorted by exposure: the larger of the overdue amount and the excess over the credit limit; for a customer with only a cross-region or dumping record, what it owes. Double-click to open the customer.</translation>
    </message>
</context>
<context>
    <name>ScriptDialog</name>
    <message>
        <source>编辑话术</source>
        <translation>Edit script</translation>
    </message>
    <message>
        <source>新建话术</source>
        <translation>New script</translation>
    </message>
    <message>
        <source>客户怎么说，例如：你们太贵了</source>
        <translation>What the customer says, e.g. “you are too expensive”</translation>
    </message>
    <message>
        <source>（不限）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>客户的其他说法，一行一种</source>
        <translation>Other ways customers say it, one per line</translation>
    </message>
    <message>
        <source>客户为什么会这样说</source>
        <translation>Why customers say it</translation>
    </message>
    <message>
        <source>应对要点</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>通话之后做什么</source>
        <translation>What to do after the call</translation>
    </message>
    <message>
        <source>用空格分隔</source>
        <translation>Separated by spaces</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>为什么这样答</source>
        <translation>Why this reply</translation>
    </message>
    <message>
        <source>添加回答</source>
        <translation>Add reply</translation>
    </message>
    <message>
        <source>删除所选回答</source>
        <translation>Remove selected replies</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>侧重</source>
        <translation>Focus</translation>
    </message>
    <message>
        <source>客户说法</source>
        <translation>Phrasings</translation>
    </message>
    <message>
        <source>原因分析</source>
        <translation>Why they say it</translation>
    </message>
    <message>
        <source>技巧</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>后续动作</source>
        <translation>After the call</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>ScriptPicker</name>
    <message>
        <source>（没用话术）</source>
        <translation>(no script used)</translation>
    </message>
    <message>
        <source>（没用话术 · 找到 %1 条）</source>
        <translation>(no script used · %1 found)</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>（应答不记录）</source>
        <translation>(reply not recorded)</translation>
    </message>
    <message>
        <source>（%1/%2 次奏效）</source>
        <translation> (worked %1 of %2)</translation>
    </message>
</context>
<context>
    <name>ScriptView</name>
    <message>
        <source>尚无使用记录</source>
        <translation>Not used yet</translation>
    </message>
    <message>
        <source>用过 %1 次</source>
        <translation>Times used: %1</translation>
    </message>
    <message>
        <source>成功 %1/%2（%3%）</source>
        <translation>worked %1/%2 (%3%)</translation>
    </message>
    <message>
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>这条内置话术有新版本。你改过它，所以保留了你的文字；可以在“编辑”菜单里采用新版本或继续用自己的。</source>
        <translation>There is a new version of this built-in script. You had edited it, so your text was kept; in the Edit menu you can take the new version or keep yours.</translation>
    </message>
    <message>
        <source>客户常这样说</source>
        <translation>What customers often say</translation>
    </message>
    <message>
        <source>为什么会这样说</source>
        <translation>Why they say it</translation>
    </message>
    <message>
        <source>可以这样回答</source>
        <translation>How you can answer</translation>
    </message>
    <message>
        <source>要点</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>后续动作</source>
        <translation>After the call</translation>
    </message>
    <message>
        <source>新版内置话术的回答</source>
        <translation>Replies of the new built-in version</translation>
    </message>
</context>
<context>
    <name>ScriptsSection</name>
    <message>
        <source>话术</source>
        <translation>Scripts</translation>
    </message>
    <message>
        <source>话术速查…</source>
        <translation>Quick scripts…</translation>
    </message>
    <message>
        <source>导出话术库…</source>
        <translation>Export script library…</translation>
    </message>
    <message>
        <source>导入话术库…</source>
        <translation>Import script library…</translation>
    </message>
    <message>
        <source>采用新版内置话术</source>
        <translation>Take the new built-in version</translation>
    </message>
    <message>
        <source>保留自己的话术，不再提示新版</source>
        <translation>Keep my script, stop offering the new version</translation>
    </message>
    <message>
        <source>回答已复制到剪贴板</source>
        <translation>Reply copied to the clipboard</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>搜索客户、联系人、电话、拼音、话术…（Ctrl+K）</source>
        <translation>Search customers, contacts, phone numbers, pinyin, scripts… (Ctrl+K)</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>显示更多…</source>
        <translation>Show more…</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>没有找到“%1”</source>
        <translation>No results for &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>SupportDialog</name>
    <message>
        <source>记录支援</source>
        <translation>Record support</translation>
    </message>
    <message>
        <source>支援类型</source>
        <translation>Kind of support</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>费用（元）</source>
        <translation>Cost (¥)</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>做了什么，效果如何</source>
        <translation>What was done and how it went</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Canceling…</translation>
    </message>
    <message>
        <source>出现了意外错误，操作没有完成，数据没有改动。

%1</source>
        <translation>An unexpected error occurred. The operation was not completed and no data was changed.

%1</translation>
    </message>
    <message>
        <source>详细记录在：%1</source>
        <translation>Details were recorded in: %1</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>评价模板</source>
        <translation>Evaluation template</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>权重 %</source>
        <translation>Weight %</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Max score</translation>
    </message>
    <message>
        <source>用于分类</source>
        <translation>Used for class</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>添加指标</source>
        <translation>Add indicator</translation>
    </message>
    <message>
        <source>删除指标</source>
        <translation>Remove indicator</translation>
    </message>
    <message>
        <source>等级分数线：</source>
        <translation>Grade thresholds:</translation>
    </message>
    <message>
        <source>，其余为 D</source>
        <translation>, anything lower is D</translation>
    </message>
    <message>
        <source>模板名称：</source>
        <translation>Template name:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>忠诚度</source>
        <translation>Loyalty</translation>
    </message>
    <message>
        <source>销量</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>权重合计 %1%</source>
        <translation>Weights add up to %1%</translation>
    </message>
</context>
<context>
    <name>ThresholdBar</name>
    <message>
        <source> 万元</source>
        <translation> × ¥10k</translation>
    </message>
    <message>
        <source>保存并重新分类</source>
        <translation>Save and reclassify</translation>
    </message>
    <message>
        <source>大客户：近 12 个月销量 ≥</source>
        <translation>High volume: sales in the last 12 months ≥</translation>
    </message>
    <message>
        <source>忠诚：忠诚度指标得分 ≥</source>
        <translation>Loyal: loyalty indicators&apos; score ≥</translation>
    </message>
    <message>
        <source>正在重新分类…</source>
        <translation>Reclassifying…</translation>
    </message>
    <message>
        <source>已重新分类，%1 个客户的分类有变化</source>
        <translation>Reclassified; customers whose class changed: %1</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>七天内</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>久未联系的重要客户</source>
        <translation>Key customers not contacted lately</translation>
    </message>
    <message>
        <source>回款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>客户 · 联系人</source>
        <translation>Customer · Contact</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>上次联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>情绪</source>
        <translation>Mood</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Advice</translation>
    </message>
    <message>
        <source>打开客户</source>
        <translation>Open customer</translation>
    </message>
    <message>
        <source>记录跟进</source>
        <translation>Log interaction</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>推迟</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>改到工作日</source>
        <translation>Move to working day</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Enter 打开客户&#x3000;L 记录跟进&#x3000;E 编辑&#x3000;S 推迟&#x3000;D 完成&#x3000;W 改到工作日</source>
        <translation>Enter: open customer   L: log   E: edit   S: snooze   D: done   W: move to a working day</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>%1 · 待办 %2 项</source>
        <translation>%1 · %2 to do</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>显示更多（还有 %1 项）……</source>
        <translation>Show more (%1 more)…</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>（已推迟）</source>
        <translation> (snoozed)</translation>
    </message>
    <message>
        <source>这天是公众假期（%1）：按 W 改到下一个工作日</source>
        <translation>This day is a public holiday (%1): press W to move it to the next working day</translation>
    </message>
    <message>
        <source>15 分钟后</source>
        <translation>In 15 minutes</translation>
    </message>
    <message>
        <source>1 小时后</source>
        <translation>In 1 hour</translation>
    </message>
    <message>
        <source>明天 9:00</source>
        <translation>Tomorrow 9:00</translation>
    </message>
    <message>
        <source>下周一 9:00</source>
        <translation>Next Monday 9:00</translation>
    </message>
    <message>
        <source>选择时间…</source>
        <translation>Pick a time…</translation>
    </message>
    <message>
        <source>推迟到</source>
        <translation>Snooze until</translation>
    </message>
</context>
<context>
    <name>TransactionDialog</name>
    <message>
        <source>记一笔销售</source>
        <translation>Record a sale</translation>
    </message>
    <message>
        <source>记一笔回款</source>
        <translation>Record a payment</translation>
    </message>
    <message>
        <source>记一笔退货</source>
        <translation>Record a return</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <source>如 12800 或 1.28万</source>
        <translation>e.g. 12800 or 12,800.50</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>到期日默认按账期 %1 天计算；留空也按账期。</source>
        <translation>The due date defaults to the payment terms of %1 days; left empty, the terms apply too.</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>发票或订单号</source>
        <translation>Invoice or order number</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>TransactionImportDialog</name>
    <message>
        <source>导入交易记录</source>
        <translation>Import transactions</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>CSV 或 Excel 文件，需有客户名称或客户编号、类型（销售/回款/退货）、日期、金额列</source>
        <translation>A CSV or Excel file with columns for customer name or code, type (sale / payment / return), date and amount</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>客户 ID</source>
        <translation>Customer ID</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>有问题的行：</source>
        <translation>Rows with problems:</translation>
    </message>
    <message>
        <source>选择交易记录文件</source>
        <translation>Choose a transactions file</translation>
    </message>
    <message>
        <source>表格 (*.csv *.xlsx *.xls *.txt)</source>
        <translation>Tables (*.csv *.xlsx *.xls *.txt)</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(Don&apos;t import)</translation>
    </message>
    <message>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>%1 行有问题：改好文件或列的对应后再导入（有任何一行有问题都不会导入）</source>
        <translation>Rows with problems: %1. Fix the file or the column mapping, then import (nothing is imported while any row is bad)</translation>
    </message>
    <message>
        <source>共 %1 条记录，可以导入</source>
        <translation>Records ready to import: %1</translation>
    </message>
    <message>
        <source>正在导入交易记录…</source>
        <translation>Importing transactions…</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>总分趋势；虚线为等级分界线（A / B / C）</source>
        <translation>Total score over time; the dashed lines are the grade thresholds (A / B / C)</translation>
    </message>
    <message>
        <source>还没有评价，无法显示趋势</source>
        <translation>No evaluations yet, so no trend to show</translation>
    </message>
</context>
<context>
    <name>ValueAssumptionsDialog</name>
    <message>
        <source>价值与账期假设</source>
        <translation>Value and terms assumptions</translation>
    </message>
    <message>
        <source>毛利率</source>
        <translation>Gross margin</translation>
    </message>
    <message>
        <source>净销售额中的毛利比例：既成价值 = 累计净销售 × 毛利率</source>
        <translation>Share of net sales kept as gross profit: realised value = lifetime net sales × margin</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>%1 预计剩余年限</source>
        <translation>%1: years remaining</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> years</translation>
    </message>
    <message>
        <source>潜在价值 = 近 12 个月净销售 × 毛利率 × 预计剩余年限</source>
        <translation>Potential value = net sales of the last 12 months × margin × years remaining</translation>
    </message>
    <message>
        <source>推荐分成</source>
        <translation>Referral share</translation>
    </message>
    <message>
        <source>影响价值 = 所推荐客户的既成价值 × 推荐分成</source>
        <translation>Influence value = realised value of the customers it referred × referral share</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>默认账期</source>
        <translation>Default payment terms</translation>
    </message>
    <message>
        <source>销售没有填写到期日时，按交易日期加账期计算是否逾期</source>
        <translation>A sale with no due date falls due this many days after its date</translation>
    </message>
    <message>
        <source>这些是估算用的假设，不是会计数字；保存后客户价值和客户金字塔立即按新假设计算。</source>
        <translation>These are assumptions for estimates, not accounting figures; customer value and the pyramid use them as soon as they are saved.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>欢迎使用客户宝</source>
        <translation>Welcome to Kehubao</translation>
    </message>
    <message>
        <source>客户档案、联系人、跟进与评价，全部保存在这台电脑上，不联网也能用。
先从下面三种方式之一开始：</source>
        <translation>Customer profiles, contacts, follow-ups and evaluations, all stored on this computer and usable offline.
Start with one of the three options below:</translation>
    </message>
    <message>
        <source>新建客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>手动录入第一个客户（Ctrl+N）</source>
        <translation>Enter your first customer by hand (Ctrl+N)</translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation>Import list</translation>
    </message>
    <message>
        <source>从 Excel、CSV 或手机通讯录导入（Ctrl+I）</source>
        <translation>Import from Excel, CSV or your phone&apos;s contacts (Ctrl+I)</translation>
    </message>
    <message>
        <source>加载演示数据</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <source>先用一批模拟客户熟悉软件</source>
        <translation>Get to know the software with a set of sample customers</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Excel 表格（.xlsx）</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV 文本（UTF-8，Excel 可直接打开）</source>
        <translation>CSV text (UTF-8, opens directly in Excel)</translation>
    </message>
    <message>
        <source>手机通讯录 vCard 3.0（.vcf）</source>
        <translation>Phone contacts vCard 3.0 (.vcf)</translation>
    </message>
    <message>
        <source>vCard 2.1（旧款安卓手机）</source>
        <translation>vCard 2.1 (older Android phones)</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>跟进记录</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>话术</source>
        <translation>Scripts</translation>
    </message>
    <message>
        <source>喜：高兴</source>
        <translation>Pleased: glad, in a good mood</translation>
    </message>
    <message>
        <source>怒：生气</source>
        <translation>Angry: annoyed, upset</translation>
    </message>
    <message>
        <source>哀：低落</source>
        <translation>Sad: feeling low</translation>
    </message>
    <message>
        <source>乐：愉快</source>
        <translation>Delighted: cheerful, in high spirits</translation>
    </message>
    <message>
        <source>悲：悲痛</source>
        <translation>Grieving: in sorrow over a loss</translation>
    </message>
    <message>
        <source>恐：担心</source>
        <translation>Worried: anxious, unsure</translation>
    </message>
    <message>
        <source>惊：受惊</source>
        <translation>Shocked: startled or shaken</translation>
    </message>
    <message>
        <source>青年</source>
        <translation>Young</translation>
    </message>
    <message>
        <source>中年</source>
        <translation>Middle-aged</translation>
    </message>
    <message>
        <source>老年</source>
        <translation>Senior</translation>
    </message>
    <message>
        <source>优</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>良</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>差</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>较高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>较低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>潜在</source>
        <translation>Potential</translation>
    </message>
    <message>
        <source>意向</source>
        <translation>Interested</translation>
    </message>
    <message>
        <source>成交</source>
        <translation>Closed-won</translation>
    </message>
    <message>
        <source>稳定</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>流失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>淘汰</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>经销商</source>
        <translation>Dealer</translation>
    </message>
    <message>
        <source>零售商</source>
        <translation>Retailer</translation>
    </message>
    <message>
        <source>终端客户</source>
        <translation>End customer</translation>
    </message>
    <message>
        <source>合作伙伴</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>决策者</source>
        <translation>Decision maker</translation>
    </message>
    <message>
        <source>影响者</source>
        <translation>Influencer</translation>
    </message>
    <message>
        <source>采购者</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>使用者</source>
        <translation>User</translation>
    </message>
    <message>
        <source>把关者</source>
        <translation>Gatekeeper</translation>
    </message>
    <message>
        <source>喜</source>
        <translation>Pleased</translation>
    </message>
    <message>
        <source>怒</source>
        <translation>Angry</translation>
    </message>
    <message>
        <source>哀</source>
        <translation>Sad</translation>
    </message>
    <message>
        <source>乐</source>
        <translation>Delighted</translation>
    </message>
    <message>
        <source>悲</source>
        <translation>Grieving</translation>
    </message>
    <message>
        <source>恐</source>
        <translation>Worried</translation>
    </message>
    <message>
        <source>惊</source>
        <translation>Shocked</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>拜访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>邮件</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>久未联系</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <source>回款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>北方</source>
        <translation>North</translation>
    </message>
    <message>
        <source>南方</source>
        <translation>South</translation>
    </message>
    <message>
        <source>东部</source>
        <translation>East</translation>
    </message>
    <message>
        <source>西部</source>
        <translation>West</translation>
    </message>
    <message>
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>国有</source>
        <translation>State-owned</translation>
    </message>
    <message>
        <source>民营</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>外资</source>
        <translation>Foreign-owned</translation>
    </message>
    <message>
        <source>合资</source>
        <translation>Joint venture</translation>
    </message>
    <message>
        <source>集体</source>
        <translation>Collective</translation>
    </message>
    <message>
        <source>个体</source>
        <translation>Sole proprietor</translation>
    </message>
    <message>
        <source>事业单位</source>
        <translation>Public institution</translation>
    </message>
    <message>
        <source>窜货</source>
        <translation>Cross-territory selling</translation>
    </message>
    <message>
        <source>低价抛售</source>
        <translation>Price dumping</translation>
    </message>
    <message>
        <source>拖欠货款</source>
        <translation>Overdue payment</translation>
    </message>
    <message>
        <source>超出信用额度</source>
        <translation>Over credit limit</translation>
    </message>
    <message>
        <source>微型</source>
        <translation>Micro</translation>
    </message>
    <message>
        <source>小型</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>中型</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>大型</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>价格</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>质量</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>经营管理指导</source>
        <translation>Management guidance</translation>
    </message>
    <message>
        <source>销售活动支援</source>
        <translation>Sales support</translation>
    </message>
    <message>
        <source>广告宣传</source>
        <translation>Advertising</translation>
    </message>
    <message>
        <source>店面装修与陈列</source>
        <translation>Store fit-out and display</translation>
    </message>
    <message>
        <source>促销活动</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>信息支持</source>
        <translation>Information support</translation>
    </message>
    <message>
        <source>销售</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>一类·无价值</source>
        <translation>Class 1 · No value</translation>
    </message>
    <message>
        <source>二类·高危</source>
        <translation>Class 2 · High risk</translation>
    </message>
    <message>
        <source>三类·明日之星</source>
        <translation>Class 3 · Rising star</translation>
    </message>
    <message>
        <source>四类·最宝贵</source>
        <translation>Class 4 · Most valuable</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(Don&apos;t import)</translation>
    </message>
    <message>
        <source>其他信息（记入备注）</source>
        <translation>Other (kept in notes)</translation>
    </message>
    <message>
        <source>客户名称</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <source>客户编号</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <source>客户性质</source>
        <translation>Entity type</translation>
    </message>
    <message>
        <source>单位电话</source>
        <translation>Office phone</translation>
    </message>
    <message>
        <source>单位邮箱</source>
        <translation>Office email</translation>
    </message>
    <message>
        <source>联系人姓名</source>
        <translation>Contact name</translation>
    </message>
    <message>
        <source>姓</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>名</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>部门</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>传真</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>网址</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>省份</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>District</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>客户类型</source>
        <translation>Customer type</translation>
    </message>
    <message>
        <source>客户状态</source>
        <translation>Customer status</translation>
    </message>
    <message>
        <source>区域</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>客户来源</source>
        <translation>Lead source</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>联系人备注</source>
        <translation>Contact notes</translation>
    </message>
    <message>
        <source>正在检查数据…</source>
        <translation>Checking the data…</translation>
    </message>
    <message>
        <source>正在查找重复…</source>
        <translation>Looking for duplicates…</translation>
    </message>
    <message>
        <source>正在合并重复…</source>
        <translation>Merging duplicates…</translation>
    </message>
    <message>
        <source>正在写入…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>销量小、不忠诚：价值低。减少拜访次数，积极开发能替代它的新客户，必要时淘汰。</source>
        <translation>Low volume, not loyal: little value. Visit less, develop new customers to replace it, drop it if need be.</translation>
    </message>
    <message>
        <source>销量大、不忠诚：最危险的一类。留意窜货、低价抛售和拖欠货款，收紧信用和账期，把回款与政策挂钩，同时培养替代客户。</source>
        <translation>High volume, not loyal: the most dangerous class. Watch for cross-region selling, dumping and overdue payments; tighten credit and terms, tie payments to incentives, and grow replacements.</translation>
    </message>
    <message>
        <source>销量小、忠诚：明日之星。多扶持、多辅导（经营指导、促销、陈列、信息支持），帮它成长为重点客户。</source>
        <translation>Low volume, loyal: tomorrow&apos;s star. Support and coach it (management advice, promotions, display, information) so it grows into a key customer.</translation>
    </message>
    <message>
        <source>销量大、忠诚：最宝贵的财富。重点维护，优先供货和支持，年终奖励，请它参与共同发展。</source>
        <translation>High volume, loyal: the most precious asset. Look after it first: priority supply and support, year-end rewards, and a share in growing together.</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>元旦</source>
        <translation>New Year</translation>
    </message>
    <message>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <source>清明节</source>
        <translation>Qingming</translation>
    </message>
    <message>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <source>端午节</source>
        <translation>Dragon Boat</translation>
    </message>
    <message>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <source>中秋节</source>
        <translation>Mid-Autumn</translation>
    </message>
    <message>
        <source>抗战胜利纪念日</source>
        <translation>Victory Day</translation>
    </message>
    <message>
        <source>定时</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>启动时</source>
        <translation>At start</translation>
    </message>
    <message>
        <source>退出时</source>
        <translation>At exit</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>导入前</source>
        <translation>Before import</translation>
    </message>
    <message>
        <source>合并前</source>
        <translation>Before merge</translation>
    </message>
    <message>
        <source>批量删除前</source>
        <translation>Before bulk delete</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>彻底删除前</source>
        <translation>Before erase</translation>
    </message>
    <message>
        <source>正在备份数据库…</source>
        <translation>Backing up the database…</translation>
    </message>
    <message>
        <source>数据库已损坏，不能备份：{path}（{problem}）</source>
        <translation>The database is damaged and cannot be backed up: {path} ({problem})</translation>
    </message>
    <message>
        <source>数据库已损坏或无法读取，不能备份：{path}（{problem}）</source>
        <translation>The database is damaged or unreadable and cannot be backed up: {path} ({problem})</translation>
    </message>
    <message>
        <source>无法写入备份 {path}：{problem}</source>
        <translation>Cannot write the backup {path}: {problem}</translation>
    </message>
    <message>
        <source>备份写入后校验失败：{path}（{problem}）</source>
        <translation>The backup failed its check after writing: {path} ({problem})</translation>
    </message>
    <message>
        <source>这个文件不是客户宝的备份，或已损坏：{path}</source>
        <translation>This file is not a Kehubao backup, or it is damaged: {path}</translation>
    </message>
    <message>
        <source>备份文件已损坏，不能用来恢复：{path}（{problem}）</source>
        <translation>The backup file is damaged and cannot be restored: {path} ({problem})</translation>
    </message>
    <message>
        <source>备份写入后校验失败（大小不符）：{path}</source>
        <translation>The backup failed its check after writing (wrong size): {path}</translation>
    </message>
    <message>
        <source>数据库文件已损坏：{path}（{summary}）。为保护数据，客户宝没有写入任何内容。运行 kehubao check 可查看详情。没有找到可以 restore 的备份；请先复制这个文件留底，再交给技术人员抢救。</source>
        <translation>The database file is damaged: {path} ({summary}). To protect your data, Kehubao has written nothing to it. Run kehubao check for details. No backup to restore was found; make a copy of this file first, then hand it to a technician to rescue.</translation>
    </message>
    <message>
        <source>SQLite 发现 {count} 处损坏，例如：{report}</source>
        <translation>Damaged places found by SQLite: {count}; for example: {report}</translation>
    </message>
    <message>
        <source>数据库文件已损坏：{path}（{summary}）。为保护数据，客户宝没有写入任何内容。运行 kehubao check 可查看详情；最新的完好备份：{backup}，可用 kehubao restore 恢复它。</source>
        <translation>The database file is damaged: {path} ({summary}). To protect your data, Kehubao has written nothing to it. Run kehubao check for details. The newest good backup is {backup}; kehubao restore can restore it.</translation>
    </message>
    <message>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>数据页已损坏（SQLite：{report}）</source>
        <translation>Damaged data pages (SQLite: {report})</translation>
    </message>
    <message>
        <source>数据库文件不完整（比文件头还短）</source>
        <translation>The database file is incomplete (shorter than its header)</translation>
    </message>
    <message>
        <source>数据库文件头已损坏</source>
        <translation>The database file header is damaged</translation>
    </message>
    <message>
        <source>数据库文件头已损坏（页大小无效）</source>
        <translation>The database file header is damaged (invalid page size)</translation>
    </message>
    <message>
        <source>数据库文件长度不对（{size} 字节不是整页），文件可能被截断</source>
        <translation>The database file has the wrong length ({size} bytes is not a whole number of pages); it may have been cut short</translation>
    </message>
    <message>
        <source>数据库文件被截断（应有 {expected} 字节，只有 {size} 字节）</source>
        <translation>The database file has been cut short ({expected} bytes expected, only {size} bytes)</translation>
    </message>
    <message>
        <source>数据库文件是空的（0 字节），原来的数据不在了</source>
        <translation>The database file is empty (0 bytes); the data it held is gone</translation>
    </message>
    <message>
        <source>数据库文件头被清零</source>
        <translation>The database file header has been zeroed</translation>
    </message>
    <message>
        <source>要恢复的文件就是当前数据库本身，请选择一个备份文件：{source}</source>
        <translation>The file to restore is the current database itself; please choose a backup file: {source}</translation>
    </message>
    <message>
        <source>找不到备份文件：{source}</source>
        <translation>Backup file not found: {source}</translation>
    </message>
    <message>
        <source>这个 SQLite 文件不是客户宝的备份：{path}</source>
        <translation>This SQLite file is not a Kehubao backup: {path}</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用（例如打开着的客户宝窗口），请先关闭它再恢复：{path}</source>
        <translation>The database is in use by another program (an open Kehubao window, for example); close it first, then restore: {path}</translation>
    </message>
    <message>
        <source>这个文件不是客户宝的备份：{path}</source>
        <translation>This file is not a Kehubao backup: {path}</translation>
    </message>
    <message>
        <source>这个备份不能恢复：{reason}</source>
        <translation>This backup cannot be restored: {reason}</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用，无法恢复，原数据库未做改动：{path}（{problem}）</source>
        <translation>The database is in use by another program, so it cannot be restored; the database was not changed: {path} ({problem})</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用，请先关闭它再恢复：{path}</source>
        <translation>The database is in use by another program; close it first, then restore: {path}</translation>
    </message>
    <message>
        <source>没有可备份的数据库：{path}</source>
        <translation>There is no database to back up: {path}</translation>
    </message>
    <message>
        <source>无法打开数据库 {database}：{problem}</source>
        <translation>Cannot open the database {database}: {problem}</translation>
    </message>
    <message>
        <source>这个 SQLite 文件属于其他程序，不是客户宝数据库，未做任何改动：{database}</source>
        <translation>This SQLite file belongs to another program and is not a Kehubao database; nothing was changed: {database}</translation>
    </message>
    <message>
        <source>这个数据库由更新版本的客户宝创建，请先升级客户宝：{database}</source>
        <translation>This database was made by a newer version of Kehubao; please upgrade Kehubao first: {database}</translation>
    </message>
    <message>
        <source>数据库文件已损坏或不是 SQLite 文件，未做任何改动：{database}</source>
        <translation>The database file is damaged or not a SQLite file; nothing was changed: {database}</translation>
    </message>
    <message>
        <source>数据库是只读的，无法写入：{database}</source>
        <translation>The database is read-only and cannot be written to: {database}</translation>
    </message>
    <message>
        <source>无法打开数据库：{database}</source>
        <translation>Cannot open the database: {database}</translation>
    </message>
    <message>
        <source>数据库正被其他程序使用（例如打开着的客户宝窗口或另一条命令），请稍后再试：{database}</source>
        <translation>The database is in use by another program (an open Kehubao window or another command, for example); please try again later: {database}</translation>
    </message>
    <message>
        <source>搜索索引已损坏，请运行 kehubao check --reindex 重建：{database}</source>
        <translation>The search index is damaged; run kehubao check --reindex to rebuild it: {database}</translation>
    </message>
    <message>
        <source>数据库文件已损坏：{database}。请运行 kehubao check 检查，或用 kehubao restore 从备份恢复</source>
        <translation>The database file is damaged: {database}. Run kehubao check to examine it, or kehubao restore to restore a backup</translation>
    </message>
    <message>
        <source>磁盘已满，无法写入数据库：{database}</source>
        <translation>The disk is full; the database cannot be written to: {database}</translation>
    </message>
    <message>
        <source>读写数据库文件时出错（磁盘或网络故障？）：{database}</source>
        <translation>Error reading or writing the database file (a disk or network fault?): {database}</translation>
    </message>
    <message>
        <source>不支持这种数据库（KEHUBAO_DATABASE_URL）：{database}</source>
        <translation>This kind of database is not supported (KEHUBAO_DATABASE_URL): {database}</translation>
    </message>
    <message>
        <source>KEHUBAO_DATABASE_URL 不是有效的数据库地址：{database}</source>
        <translation>KEHUBAO_DATABASE_URL is not a valid database address: {database}</translation>
    </message>
    <message>
        <source>缺少连接该数据库所需的驱动程序（{driver}），请先安装：{database}</source>
        <translation>The driver needed for this database ({driver}) is missing; please install it first: {database}</translation>
    </message>
    <message>
        <source>数据库正忙，请稍后再试</source>
        <translation>The database is busy; please try again in a moment</translation>
    </message>
    <message>
        <source>数据库路径是一个文件夹，不是文件：{path}</source>
        <translation>The database path is a folder, not a file: {path}</translation>
    </message>
    <message>
        <source>数据库所在的位置不是文件夹：{parent}</source>
        <translation>The place of the database is not a folder: {parent}</translation>
    </message>
    <message>
        <source>没有在该文件夹中写入的权限：{parent}</source>
        <translation>No permission to write in this folder: {parent}</translation>
    </message>
    <message>
        <source>数据库所在的文件夹不存在：{parent}</source>
        <translation>The folder of the database does not exist: {parent}</translation>
    </message>
    <message>
        <source>没有读取数据库文件的权限：{path}</source>
        <translation>No permission to read the database file: {path}</translation>
    </message>
    <message>
        <source>这个文件不是客户宝数据库（不是 SQLite 文件），未做任何改动：{path}</source>
        <translation>This file is not a Kehubao database (not a SQLite file); nothing was changed: {path}</translation>
    </message>
    <message>
        <source>数据库文件是只读的，无法写入：{path}</source>
        <translation>The database file is read-only and cannot be written to: {path}</translation>
    </message>
    <message>
        <source>{table} 第 {row} 行引用了不存在的 {parent} 记录</source>
        <translation>{table} row {row} refers to a {parent} record that does not exist</translation>
    </message>
    <message>
        <source>无法识别的导出格式 {suffix}，请用 --format csv|xlsx|vcf</source>
        <translation>Unknown export format {suffix}; use --format csv|xlsx|vcf</translation>
    </message>
    <message>
        <source>不支持的导出格式“{format}”</source>
        <translation>Unsupported export format &quot;{format}&quot;</translation>
    </message>
    <message>
        <source>“{name}”是一个数据库文件，不能用导出的名单覆盖它，请换一个文件名</source>
        <translation>&quot;{name}&quot; is a database file and cannot be overwritten with an exported list; please choose another file name</translation>
    </message>
    <message>
        <source>不支持的导出格式“{format}”（可选：csv、xlsx、vcf）</source>
        <translation>Unsupported export format &quot;{format}&quot; (choose csv, xlsx or vcf)</translation>
    </message>
    <message>
        <source>无法识别的导出格式（文件名没有扩展名），请用 --format csv|xlsx|vcf</source>
        <translation>Unknown export format (the file name has no extension); use --format csv|xlsx|vcf</translation>
    </message>
    <message>
        <source>无法写入文件 {path}：{problem}</source>
        <translation>Cannot write the file {path}: {problem}</translation>
    </message>
    <message>
        <source>空行</source>
        <translation>Blank row</translation>
    </message>
    <message>
        <source>合计行</source>
        <translation>Total row</translation>
    </message>
    <message>
        <source>重复的表头</source>
        <translation>Repeated header</translation>
    </message>
    <message>
        <source>重复处理方式只能是 {choices}</source>
        <translation>The duplicate handling must be one of {choices}</translation>
    </message>
    <message>
        <source>文件“{name}”中没有可导入的数据行</source>
        <translation>The file &quot;{name}&quot; has no data rows to import</translation>
    </message>
    <message>
        <source>有 {count} 行数据有误（第 {lines} 行等），导入已取消，数据库没有任何改动。可修改文件后重试，或选择跳过有误的行。</source>
        <translation>Rows with errors: {count} (row numbers {lines} and more). The import was cancelled and the database was not changed. Correct the file and try again, or choose to skip the rows with errors.</translation>
    </message>
    <message>
        <source>有 {count} 行数据有误（第 {lines} 行），导入已取消，数据库没有任何改动。可修改文件后重试，或选择跳过有误的行。</source>
        <translation>Rows with errors: {count} (row numbers {lines}). The import was cancelled and the database was not changed. Correct the file and try again, or choose to skip the rows with errors.</translation>
    </message>
    <message>
        <source>号码相同</source>
        <translation>Same number</translation>
    </message>
    <message>
        <source>{what}与已有的“{names}”相同，但名称不同，按不同的记录处理</source>
        <translation>{what} matches existing &quot;{names}&quot;, but the names differ, so it is kept as a separate record</translation>
    </message>
    <message>
        <source>与第 {line} 行重复</source>
        <translation>Duplicate of row {line}</translation>
    </message>
    <message>
        <source>客户编号“{code}”已被回收站中的客户使用，本行未使用该编号</source>
        <translation>Customer code &quot;{code}&quot; is used by a customer in the recycle bin; this row does not use it</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>邮箱相同</source>
        <translation>Same e-mail</translation>
    </message>
    <message>
        <source>客户编号相同</source>
        <translation>Same customer code</translation>
    </message>
    <message>
        <source>客户已存在</source>
        <translation>Customer already exists</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>同一单位的同名联系人</source>
        <translation>Contact of the same name at the same company</translation>
    </message>
    <message>
        <source>客户编号“{code}”在文件中已用于另一个客户，本行未使用该编号</source>
        <translation>Customer code &quot;{code}&quot; is used by another customer in the file; this row does not use it</translation>
    </message>
    <message>
        <source>号码或邮箱与第 {lines} 行相同，但名称不同，按不同的记录处理</source>
        <translation>Number or e-mail matches row {lines}, but the names differ, so it is kept as a separate record</translation>
    </message>
    <message>
        <source>单位已存在，添加为新联系人</source>
        <translation>Company exists; added as a new contact</translation>
    </message>
    <message>
        <source>缺少客户名称或联系人姓名</source>
        <translation>Missing customer name or contact name</translation>
    </message>
    <message>
        <source>{field}“{raw}”无法识别（{problem}），已放入备注</source>
        <translation>{field} &quot;{raw}&quot; not understood ({problem}); kept in the notes</translation>
    </message>
    <message>
        <source>单位电话“{raw}”无法识别，已放入备注</source>
        <translation>Company phone &quot;{raw}&quot; not understood; kept in the notes</translation>
    </message>
    <message>
        <source>单位邮箱“{raw}”格式不对，已放入备注</source>
        <translation>Company e-mail &quot;{raw}&quot; is not valid; kept in the notes</translation>
    </message>
    <message>
        <source>备注：{problem}</source>
        <translation>Notes: {problem}</translation>
    </message>
    <message>
        <source>邮箱“{raw}”格式不对，已放入备注</source>
        <translation>E-mail &quot;{raw}&quot; is not valid; kept in the notes</translation>
    </message>
    <message>
        <source>号码“{raw}”无法识别，已放入备注</source>
        <translation>Number &quot;{raw}&quot; not understood; kept in the notes</translation>
    </message>
    <message>
        <source>号码“{raw}”位数或区号不对，已按原样保存，请核对</source>
        <translation>Number &quot;{raw}&quot; has the wrong length or area code; saved as written, please check it</translation>
    </message>
    <message>
        <source>列对应关系的列数与文件不一致，请重新选择</source>
        <translation>The column mapping does not match the file&apos;s columns; please choose it again</translation>
    </message>
    <message>
        <source>这个 Excel 文件有密码保护，请先在 Excel 中取消密码后再导入</source>
        <translation>This Excel file is password-protected; remove the password in Excel, then import it</translation>
    </message>
    <message>
        <source>这个 Excel 文件的压缩比异常（解压后会膨胀上百倍），可能已损坏或是恶意构造的文件，已拒绝读取</source>
        <translation>This Excel file is compressed abnormally (it would grow over a hundredfold when opened); it may be damaged or crafted to harm, so it was not read</translation>
    </message>
    <message>
        <source>文泉驿微米黑</source>
        <translation>WenQuanYi Micro Hei</translation>
    </message>
    <message>
        <source>花园明朝（生僻字，子集）</source>
        <translation>Hanazono Mincho (rare characters, subset)</translation>
    </message>
    <message>
        <source>没有评价模板，无法生成评价表。</source>
        <translation>There is no evaluation template, so no evaluation sheet can be made.</translation>
    </message>
    <message>
        <source>上次心情愉快，沟通容易展开：适合提出新方案、谈合作扩大或争取订单。</source>
        <translation>In a good mood last time, so talk flows easily: a good moment to propose something new, widen the cooperation or ask for the order.</translation>
    </message>
    <message>
        <source>上次心情很好、兴致高：趁热打铁，把谈好的事落实成书面约定。</source>
        <translation>In high spirits last time: strike while the iron is hot and put what was agreed in writing.</translation>
    </message>
    <message>
        <source>上次在气头上：先别谈业务，避其锋芒、冷静倾听，弄清他为什么不满，能当场解决的先解决，难题另约时间再谈。</source>
        <translation>Angry last time: don&apos;t talk business yet. Let the anger pass, listen calmly and find out what is wrong; fix what can be fixed on the spot and set another time for the hard part.</translation>
    </message>
    <message>
        <source>上次情绪低落：先表达关心、多听少说，不要急着推销；可以问问有什么能帮上忙的。</source>
        <translation>Feeling low last time: show you care first, listen more than you talk and don&apos;t rush to sell; ask whether there is anything you can help with.</translation>
    </message>
    <message>
        <source>上次心情悲痛：这时很难谈正常业务，以慰问为主，业务往后放，过段时间再跟进。</source>
        <translation>Grieving last time: normal business is hard now. Offer sympathy, put business aside and follow up after a while.</translation>
    </message>
    <message>
        <source>上次显得担心、没把握：多给保障（质保、退换、成功案例），把风险讲清楚，帮他降低决策的不安。</source>
        <translation>Worried and unsure last time: offer reassurance (warranty, returns, success stories), explain the risks clearly and ease the worry of deciding.</translation>
    </message>
    <message>
        <source>上次受到惊扰（出了意外或听到坏消息）：先讲清事实，给出明确的处理办法，给他时间消化，不要催促决定。</source>
        <translation>Shaken last time (an accident or bad news): set out the facts first, offer a clear way to deal with it, give time to take it in and don&apos;t press for a decision.</translation>
    </message>
    <message>
        <source>阅历广、处事随和，看重被尊重、希望体现自身价值；也可能固执保守。多请教、多倾听，用稳妥可靠的老案例说话，别急于推新概念。</source>
        <translation>Experienced and easy-going, values respect and wants their worth recognised; may also be set in their ways. Ask for their advice, listen, let proven cases speak and don&apos;t push new ideas too fast.</translation>
    </message>
    <message>
        <source>压力大、求稳定、做事追求完美，说话留余地，也容易瞻前顾后、拿不定主意。给稳妥的方案和清楚的数据，替他减少麻烦，给一个明确的推荐再附一个备选。</source>
        <translation>Under pressure, wants stability and perfection, speaks cautiously and may hesitate to decide. Offer a safe plan with clear figures, save them trouble, and give one clear recommendation plus one alternative.</translation>
    </message>
    <message>
        <source>肯学习、赶时尚、有冲劲、思维活跃，但考虑不够周全、容易急躁。反应要快、讲新意，同时帮他把细节和风险核实清楚，重要事项书面确认。</source>
        <translation>Eager to learn, on trend, driven and quick-thinking, but may overlook details and be impatient. Respond fast and bring fresh ideas, help check the details and risks, and confirm important points in writing.</translation>
    </message>
    <message>
        <source>性格多豪爽、重信义。说话直来直去，答应的事一定做到，面对面交流效果好。</source>
        <translation>Often forthright and values trust. Speak plainly, always keep your promises; face-to-face meetings work well.</translation>
    </message>
    <message>
        <source>多精干聪明、重规则。条款、价格和数字要准确清楚，按规矩办事，合同写明白。</source>
        <translation>Often sharp and rule-minded. Terms, prices and figures must be exact; follow the rules and spell everything out in the contract.</translation>
    </message>
    <message>
        <source>接触先进管理理念多、接受新观念快。可以带新思路、新方法和数据分析去谈。</source>
        <translation>Used to modern management and quick to take up new ideas. Bring new approaches, methods and data analysis.</translation>
    </message>
    <message>
        <source>管理上往往更务实、重眼前见效。把能马上看到的好处讲透，方案简单易行。</source>
        <translation>Often practical and focused on quick results. Make the immediate benefits clear and keep the plan simple.</translation>
    </message>
    <message>
        <source>能很快接受新理念，可以讲思路、谈战略，资料要有条理、有依据。</source>
        <translation>Takes up new ideas quickly: talk about approach and strategy, with well-organised, well-founded material.</translation>
    </message>
    <message>
        <source>少用术语，多举实例，重点讲清楚对他有什么好处。</source>
        <translation>Avoid jargon, use examples and make clear what is in it for them.</translation>
    </message>
    <message>
        <source>用大白话，耐心一点，把关键点重复确认，必要时当面演示。</source>
        <translation>Use plain words, be patient, confirm the key points twice and demonstrate in person if needed.</translation>
    </message>
    <message>
        <source>谈价值和回报，少谈细节；准备好一句话的结论和清晰的选项。</source>
        <translation>Talk about value and return, not details; have a one-sentence conclusion and clear options ready.</translation>
    </message>
    <message>
        <source>给他能转述给决策人的材料和理由，让他愿意替你说话。</source>
        <translation>Give them material and reasons they can pass on to the decision maker, so they will speak up for you.</translation>
    </message>
    <message>
        <source>关注价格、账期和交货，准备好报价依据和让步条件。</source>
        <translation>Cares about price, payment terms and delivery: have the basis of your quote and your room to concede ready.</translation>
    </message>
    <message>
        <source>关注好不好用，讲实际使用体验，提供培训和售后保障。</source>
        <translation>Cares whether it works well in use: talk about real use, offer training and after-sales support.</translation>
    </message>
    <message>
        <source>尊重他的职责，请他帮忙引荐，不要绕过他。</source>
        <translation>Respect their role, ask them to introduce you and never go around them.</translation>
    </message>
    <message>
        <source>男性客户多习惯直截了当：先给结论，再讲理由。</source>
        <translation>Many men prefer it straight: conclusion first, then the reasons.</translation>
    </message>
    <message>
        <source>女性客户往往更细致：把细节和感受照顾到，留出考虑的时间。</source>
        <translation>Many women look closely at details: take care of the details and feelings, and leave time to think it over.</translation>
    </message>
    <message>
        <source>个性</source>
        <translation>Personality</translation>
    </message>
    <message>
        <source>交流方式</source>
        <translation>Way of communicating</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>偏好</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>上次情绪：{mood}</source>
        <translation>Last mood: {mood}</translation>
    </message>
    <message>
        <source>文化素质{level}</source>
        <translation>Education: {level}</translation>
    </message>
    <message>
        <source>联系人所属的客户不存在或已被删除</source>
        <translation>The contact&apos;s customer does not exist or has been deleted</translation>
    </message>
    <message>
        <source>只能彻底删除回收站中的客户</source>
        <translation>Only customers in the recycle bin can be deleted for good</translation>
    </message>
    <message>
        <source>销量分界线不能为负数</source>
        <translation>The sales threshold cannot be negative</translation>
    </message>
    <message>
        <source>忠诚度分界线须在 0 到 100 之间</source>
        <translation>The loyalty threshold must be between 0 and 100</translation>
    </message>
    <message>
        <source>请填写日期</source>
        <translation>Please enter a date</translation>
    </message>
    <message>
        <source>日期不能晚于今天</source>
        <translation>The date cannot be later than today</translation>
    </message>
    <message>
        <source>请填写金额（元）</source>
        <translation>Please enter an amount (¥)</translation>
    </message>
    <message>
        <source>请写明发生了什么</source>
        <translation>Please describe what happened</translation>
    </message>
    <message>
        <source>发生日期不能晚于今天</source>
        <translation>The date it happened cannot be later than today</translation>
    </message>
    <message>
        <source>这条风险记录不存在或已删除</source>
        <translation>This risk record does not exist or has been deleted</translation>
    </message>
    <message>
        <source>费用不能为负数</source>
        <translation>The cost cannot be negative</translation>
    </message>
    <message>
        <source>请填写模板名称</source>
        <translation>Please enter a template name</translation>
    </message>
    <message>
        <source>每项指标都要有名称</source>
        <translation>Every indicator needs a name</translation>
    </message>
    <message>
        <source>指标名称不能重复</source>
        <translation>Indicator names must be unique</translation>
    </message>
    <message>
        <source>还没有评价模板，请先新建一个</source>
        <translation>There is no evaluation template yet; please create one first</translation>
    </message>
    <message>
        <source>请为 A、B、C 三个等级都填写最低分</source>
        <translation>Please enter the minimum score for each of the grades A, B and C</translation>
    </message>
    <message>
        <source>找不到表头：第一行应写明“客户名称/客户编号、类型、日期、金额”等列名</source>
        <translation>No header row found: the first row should name the columns, such as &quot;Customer name/Customer code, Type, Date, Amount&quot;</translation>
    </message>
    <message>
        <source>文件里没有交易记录</source>
        <translation>The file has no transactions</translation>
    </message>
    <message>
        <source>默认账期须在 0 到 3650 天之间</source>
        <translation>The default credit period must be between 0 and 3650 days</translation>
    </message>
    <message>
        <source>金额必须大于 0</source>
        <translation>The amount must be greater than 0</translation>
    </message>
    <message>
        <source>到期日不能早于交易日期</source>
        <translation>The due date cannot be earlier than the transaction date</translation>
    </message>
    <message>
        <source>无法读取文件：{path}（{problem}）</source>
        <translation>Cannot read the file: {path} ({problem})</translation>
    </message>
    <message>
        <source>文件中没有联系人（{reason}）</source>
        <translation>The file has no contacts ({reason})</translation>
    </message>
    <message>
        <source>不支持的格式“{format}”（可选：csv、xlsx、xls、vcf）</source>
        <translation>Unsupported format &quot;{format}&quot; (choose csv, xlsx, xls or vcf)</translation>
    </message>
    <message>
        <source>这是一个文件夹，不是文件：{path}</source>
        <translation>This is a folder, not a file: {path}</translation>
    </message>
    <message>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>无法读取文件（没有权限）：{path}</source>
        <translation>Cannot read the file (no permission): {path}</translation>
    </message>
    <message>
        <source>文件中没有联系人（文件是空的）</source>
        <translation>The file has no contacts (it is empty)</translation>
    </message>
    <message>
        <source>文件内容不是文本表格，无法按 CSV 读取。请确认选择的是 CSV 或 Excel 文件</source>
        <translation>The file is not a text table and cannot be read as CSV. Please check that you chose a CSV or Excel file</translation>
    </message>
    <message>
        <source>无法识别文件的编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入</source>
        <translation>The file&apos;s encoding cannot be recognised. In Excel, save it as &quot;CSV UTF-8 (Comma delimited)&quot;, then import it</translation>
    </message>
    <message>
        <source>文件是空的</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <source>第 {row} 行有一个超长的单元格（超过 {limit} 个字符），请检查文件</source>
        <translation>Row {row} has a cell that is too long (over {limit} characters); please check the file</translation>
    </message>
    <message>
        <source>这不是有效的 Excel 文件（文件可能已损坏或不完整），请用 Excel 打开确认后另存再导入</source>
        <translation>This is not a valid Excel file (it may be damaged or incomplete). Open it in Excel to check, save it again, then import it</translation>
    </message>
    <message>
        <source>文件是空的（所有工作表都没有数据）</source>
        <translation>The file is empty (no sheet has any data)</translation>
    </message>
    <message>
        <source>“{sheet}”（{rows} 行）</source>
        <translation>&quot;{sheet}&quot; ({rows} rows)</translation>
    </message>
    <message>
        <source>表格太大：有一个工作表超过 {limit} 行，无法导入。请拆分成几个文件后再导入</source>
        <translation>The spreadsheet is too big: a sheet has more than {limit} rows and cannot be imported. Split it into several files, then import them</translation>
    </message>
    <message>
        <source>表格太大：有一个工作表有 {rows} 行 × {columns} 列，超过了一次能读取的 {limit} 个单元格。请删除多余的行列（远处的一个单元格里有内容也算），或拆分成几个文件后再导入</source>
        <translation>The spreadsheet is too big: a sheet has {rows} rows × {columns} columns, more than the {limit} cells that can be read at once. Delete the extra rows and columns (a single filled cell far away counts too), or split it into several files, then import</translation>
    </message>
    <message>
        <source>这个文件其实是网页（HTML）格式，请用 Excel 打开后另存为 .xlsx 再导入</source>
        <translation>This file is really a web page (HTML). Open it in Excel, save it as .xlsx, then import it</translation>
    </message>
    <message>
        <source>无法打开文件：{name}（{problem}）</source>
        <translation>Cannot open the file: {name} ({problem})</translation>
    </message>
    <message>
        <source>无法读取文件：{name}（{problem}）</source>
        <translation>Cannot read the file: {name} ({problem})</translation>
    </message>
    <message>
        <source>第 {row} 行的格式无法识别，请用 Excel 打开检查该行，另存为 CSV 后再导入</source>
        <translation>The format of row {row} cannot be read. Open the file in Excel to check that row, save it as CSV, then import it</translation>
    </message>
    <message>
        <source>这一行有无法识别的字符（显示为 �），导入后请核对</source>
        <translation>This row has characters that cannot be read (shown as �); please check it after the import</translation>
    </message>
    <message>
        <source>第 {row} 行有一个引号没有配对，后面的多行被读成了一个单元格。请用 Excel 打开检查该行，另存后再导入</source>
        <translation>Row {row} has an unmatched quote, so the rows after it were read as one cell. Open the file in Excel to check that row, save it again, then import it</translation>
    </message>
    <message>
        <source>读取了工作表“{sheet}”；另有工作表{others}没有导入，如需导入请另存为单独的文件</source>
        <translation>Read the sheet &quot;{sheet}&quot;; the sheets {others} were not imported. To import them, save each as a separate file</translation>
    </message>
    <message>
        <source>这个 Excel 文件解压后超过 {megabytes} MB，太大了，无法导入。请删除不需要的工作表，或拆分成几个文件后再导入</source>
        <translation>This Excel file is over {megabytes} MB when unpacked, too big to import. Delete the sheets you do not need, or split it into several files, then import</translation>
    </message>
    <message>
        <source>第 {row} 行太长（超过 {limit} 个字符），请检查文件</source>
        <translation>Row {row} is too long (over {limit} characters); please check the file</translation>
    </message>
    <message>
        <source>{problem}，已跳过</source>
        <translation>{problem}; skipped</translation>
    </message>
    <message>
        <source>不是有效的 vCard 文件（找不到 BEGIN:VCARD）</source>
        <translation>Not a valid vCard file (no BEGIN:VCARD found)</translation>
    </message>
    <message>
        <source>不是有效的 vCard 文件（文件是空的）</source>
        <translation>Not a valid vCard file (the file is empty)</translation>
    </message>
    <message>
        <source>第 {line} 行：名片没有结束（缺少 END:VCARD），最后一行（第 {cut} 行 {property}）可能不完整，已忽略</source>
        <translation>Line {line}: the card does not end (END:VCARD is missing); its last line (line {cut}, {property}) may be incomplete and was ignored</translation>
    </message>
    <message>
        <source>第 {line} 行：姓名或单位里有无法识别的字符（�），已去掉，导入后请核对</source>
        <translation>Line {line}: unreadable characters (�) in the name or company were removed; please check it after the import</translation>
    </message>
    <message>
        <source>第 {line} 行：名片没有结束（缺少 END:VCARD），姓名可能不完整（文件在第 {cut} 行中断），这张名片没有导入</source>
        <translation>Line {line}: the card does not end (END:VCARD is missing) and its name may be incomplete (the file breaks off at line {cut}); this card was not imported</translation>
    </message>
    <message>
        <source>第 {line} 行：名片没有结束（缺少 END:VCARD），姓名可能不完整（文件在第 {cut} 行后中断），这张名片没有导入</source>
        <translation>Line {line}: the card does not end (END:VCARD is missing) and its name may be incomplete (the file breaks off after line {cut}); this card was not imported</translation>
    </message>
    <message>
        <source>第 {line} 行：名片没有结束（缺少 END:VCARD）</source>
        <translation>Line {line}: the card does not end (END:VCARD is missing)</translation>
    </message>
    <message>
        <source>第 {line} 行：名片里没有姓名、电话、邮箱或单位</source>
        <translation>Line {line}: the card has no name, phone, email or company</translation>
    </message>
    <message>
        <source>{field}“{raw}”不像有效的号码。手机为 11 位，座机请带区号，如 021-62345678。</source>
        <translation>{field} &quot;{raw}&quot; does not look like a valid number. Mobile numbers have 11 digits; give landlines with their area code, such as 021-62345678.</translation>
    </message>
    <message>
        <source>邮箱“{raw}”格式不对，应类似 zhang@example.com。</source>
        <translation>The email &quot;{raw}&quot; is not valid; it should look like zhang@example.com.</translation>
    </message>
    <message>
        <source>无法识别的日期“{text}”，请写成 1990-12-01 或 1990/12/1</source>
        <translation>Date not understood: &quot;{text}&quot;. Please write it as 1990-12-01 or 1990/12/1</translation>
    </message>
    <message>
        <source>内容过长（{length} 个字符，最多 {limit} 个）</source>
        <translation>Too long ({length} characters, at most {limit})</translation>
    </message>
    <message>
        <source>“{text}”只有年份或年月，不是完整的日期</source>
        <translation>&quot;{text}&quot; has only a year or a year and month, not a full date</translation>
    </message>
    <message>
        <source>无法识别的日期“{text}”</source>
        <translation>Date not understood: &quot;{text}&quot;</translation>
    </message>
    <message>
        <source>未知的报表类型“{kind}”。</source>
        <translation>Unknown report type &quot;{kind}&quot;.</translation>
    </message>
    <message>
        <source>找不到编号为 {customer_id} 的客户。</source>
        <translation>No customer with ID {customer_id}.</translation>
    </message>
    <message>
        <source>找不到这个客户编号为 {evaluation_id} 的评价。</source>
        <translation>No evaluation with ID {evaluation_id} for this customer.</translation>
    </message>
    <message>
        <source>找不到编号为 {interaction_id} 的跟进记录。</source>
        <translation>No interaction with ID {interaction_id}.</translation>
    </message>
    <message>
        <source>客户“{name}”还没有拜访记录。</source>
        <translation>The customer &quot;{name}&quot; has no visits recorded yet.</translation>
    </message>
    <message>
        <source>找不到编号为 {contact_id} 的联系人（可能已被删除）</source>
        <translation>No contact with ID {contact_id} (it may have been deleted)</translation>
    </message>
    <message>
        <source>找不到编号为 {customer_id} 的客户（可能已被删除）</source>
        <translation>No customer with ID {customer_id} (it may have been deleted)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>决策角色</source>
        <translation>Decision role</translation>
    </message>
    <message>
        <source>主要联系人</source>
        <translation>Primary contact</translation>
    </message>
    <message>
        <source>农历生日</source>
        <translation>Lunar birthday</translation>
    </message>
    <message>
        <source>年龄段</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Home region</translation>
    </message>
    <message>
        <source>籍贯</source>
        <translation>Hometown</translation>
    </message>
    <message>
        <source>文化素质</source>
        <translation>Education level</translation>
    </message>
    <message>
        <source>上次情绪</source>
        <translation>Last mood</translation>
    </message>
    <message>
        <source>回收站中没有“{kind}”这类记录</source>
        <translation>The recycle bin holds no records of the kind &quot;{kind}&quot;</translation>
    </message>
    <message>
        <source>只能彻底删除回收站中的跟进记录</source>
        <translation>Only interactions in the recycle bin can be deleted for good</translation>
    </message>
    <message>
        <source>只能彻底删除回收站中的跟进提醒</source>
        <translation>Only follow-ups in the recycle bin can be deleted for good</translation>
    </message>
    <message>
        <source>只能彻底删除回收站中的话术</source>
        <translation>Only scripts in the recycle bin can be deleted for good</translation>
    </message>
    <message>
        <source>只能彻底删除回收站中的交易记录</source>
        <translation>Only transactions in the recycle bin can be deleted for good</translation>
    </message>
    <message>
        <source>客户编号“{code}”已被其他客户使用</source>
        <translation>The customer code &quot;{code}&quot; is already used by another customer</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>经济性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>规模</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>员工人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>年营业额（万元）</source>
        <translation>Annual revenue (¥10k)</translation>
    </message>
    <message>
        <source>注册资金（万元）</source>
        <translation>Registered capital (¥10k)</translation>
    </message>
    <message>
        <source>信誉度</source>
        <translation>Credit rating</translation>
    </message>
    <message>
        <source>资质与批准手续</source>
        <translation>Licences and approvals</translation>
    </message>
    <message>
        <source>销售网络</source>
        <translation>Sales network</translation>
    </message>
    <message>
        <source>客户档案卡</source>
        <translation>Customer Archive Card</translation>
    </message>
    <message>
        <source>客户名单</source>
        <translation>Customer List</translation>
    </message>
    <message>
        <source>共 {count:,} 家</source>
        <translation>Customers: {count:,}</translation>
    </message>
    <message>
        <source>共 {total:,} 家，只列出按拼音排序的前 {count:,} 家</source>
        <translation>{total:,} customers; only the first {count:,} in alphabetical order are listed</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>近12月销售</source>
        <translation>Sales (12 mo.)</translation>
    </message>
    <message>
        <source>逾期欠款</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>范围：{scope}&#x3000;{count}</source>
        <translation>Scope: {scope} · {count}</translation>
    </message>
    <message>
        <source>最近联系</source>
        <translation>Recent Interactions</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>分类/等级</source>
        <translation>Class / grade</translation>
    </message>
    <message>
        <source>所有制</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>年营业额</source>
        <translation>Annual revenue</translation>
    </message>
    <message>
        <source>注册资本</source>
        <translation>Registered capital</translation>
    </message>
    <message>
        <source>信用等级</source>
        <translation>Credit rating</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>电子邮件</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>网站</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>业务员</source>
        <translation>Sales rep</translation>
    </message>
    <message>
        <source>证照</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>应收账款</source>
        <translation>Receivable</translation>
    </message>
    <message>
        <source>信用额度</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>上次联系</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>下次跟进</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>{name}（主）</source>
        <translation>{name} (primary)</translation>
    </message>
    <message>
        <source>部门/职务</source>
        <translation>Dept. / title</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>个性与偏好</source>
        <translation>Personality and preferences</translation>
    </message>
    <message>
        <source>还没有登记联系人。</source>
        <translation>No contacts recorded yet.</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>没有联系记录。</source>
        <translation>No interactions on record.</translation>
    </message>
    <message>
        <source>最近交易</source>
        <translation>Recent Transactions</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>付款期限</source>
        <translation>Payment due</translation>
    </message>
    <message>
        <source>逾期合计：{amount}</source>
        <translation>Total overdue: {amount}</translation>
    </message>
    <message>
        <source>未设</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>所列客户销售合计：{amount}</source>
        <translation>Total sales of the customers listed: {amount}</translation>
    </message>
    <message>
        <source>销售合计：{amount}</source>
        <translation>Total sales: {amount}</translation>
    </message>
    <message>
        <source>评价表</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>拜访报告</source>
        <translation>Visit Report</translation>
    </message>
    <message>
        <source>拜访准备单</source>
        <translation>Pre-visit Brief</translation>
    </message>
    <message>
        <source>档案卡</source>
        <translation>Archive card</translation>
    </message>
    <message>
        <source>上次情绪：{mood}&#x3000;个性：{personality}&#x3000;偏好：{preferences}</source>
        <translation>Last mood: {mood}; personality: {personality}; preferences: {preferences}</translation>
    </message>
    <message>
        <source>{facts}&#x3000;需求：{needs}</source>
        <translation>{facts}; needs: {needs}</translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>未记录</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>{name}（主要联系人）</source>
        <translation>{name} (primary contact)</translation>
    </message>
    <message>
        <source>联系人与沟通建议</source>
        <translation>Contacts and How to Approach Them</translation>
    </message>
    <message>
        <source>{mood}（{date}）</source>
        <translation>{mood} ({date})</translation>
    </message>
    <message>
        <source>待办跟进</source>
        <translation>Open Follow-ups</translation>
    </message>
    <message>
        <source>上次遇到的异议与答复</source>
        <translation>Recent Objections and Replies</translation>
    </message>
    <message>
        <source>分类策略</source>
        <translation>Class Strategy</translation>
    </message>
    <message>
        <source>尚未分类：评价后按分类确定策略。</source>
        <translation>Not classified yet: the strategy follows from the class once the customer is evaluated.</translation>
    </message>
    <message>
        <source>{time} {kind} {contact}：{purpose}。结果：{outcome}；下一步：{next}</source>
        <translation>{time} {kind} {contact}: {purpose}. Outcome: {outcome}; next step: {next}</translation>
    </message>
    <message>
        <source>类型/状态</source>
        <translation>Type / status</translation>
    </message>
    <message>
        <source>行业/规模</source>
        <translation>Industry / size</translation>
    </message>
    <message>
        <source>微信 {id}</source>
        <translation>WeChat {id}</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>没有待办的跟进。</source>
        <translation>No open follow-ups.</translation>
    </message>
    <message>
        <source>话术参考：{reply}</source>
        <translation>Suggested reply: {reply}</translation>
    </message>
    <message>
        <source>答复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>没有记录到异议。</source>
        <translation>No objections recorded.</translation>
    </message>
    <message>
        <source>{reply}（有效）</source>
        <translation>{reply} (worked)</translation>
    </message>
    <message>
        <source>{reply}（无效）</source>
        <translation>{reply} (did not work)</translation>
    </message>
    <message>
        <source>{time}（已过期）</source>
        <translation>{time} (overdue)</translation>
    </message>
    <message>
        <source>一类</source>
        <translation>Class 1</translation>
    </message>
    <message>
        <source>无价值</source>
        <translation>No value</translation>
    </message>
    <message>
        <source>二类</source>
        <translation>Class 2</translation>
    </message>
    <message>
        <source>高危</source>
        <translation>High risk</translation>
    </message>
    <message>
        <source>三类</source>
        <translation>Class 3</translation>
    </message>
    <message>
        <source>明日之星</source>
        <translation>Rising star</translation>
    </message>
    <message>
        <source>四类</source>
        <translation>Class 4</translation>
    </message>
    <message>
        <source>最宝贵</source>
        <translation>Most valuable</translation>
    </message>
    <message>
        <source>销量 →</source>
        <translation>Volume →</translation>
    </message>
    <message>
        <source>忠诚度 →</source>
        <translation>Loyalty →</translation>
    </message>
    <message>
        <source>{date}（农历）</source>
        <translation>{date} (lunar)</translation>
    </message>
    <message>
        <source>客户评价表</source>
        <translation>Customer Evaluation Sheet</translation>
    </message>
    <message>
        <source>{first}，{second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>总分：{total} 分&#x3000;&#x3000;等级：{grade}{scale}</source>
        <translation>Total: {total} points · Grade: {grade}{scale}</translation>
    </message>
    <message>
        <source>上次（{period}）：总分 {total}，等级 {grade}，分类 {label}。本次总分变化 {change} 分</source>
        <translation>Last time ({period}): total {total}, grade {grade}, class {label}. Change in total: {change} points</translation>
    </message>
    <message>
        <source>{before}；变化的指标：{moved}。</source>
        <translation>{before}; indicators that changed: {moved}.</translation>
    </message>
    <message>
        <source>{before}；各项指标得分未变。</source>
        <translation>{before}; no indicator&apos;s score changed.</translation>
    </message>
    <message>
        <source>评价人签字</source>
        <translation>Evaluator&apos;s signature</translation>
    </message>
    <message>
        <source>客户签字</source>
        <translation>Customer&apos;s signature</translation>
    </message>
    <message>
        <source>主管审核</source>
        <translation>Approved by supervisor</translation>
    </message>
    <message>
        <source>{title}（空白表）</source>
        <translation>{title} (Blank Form)</translation>
    </message>
    <message>
        <source>（{thresholds}，其余为 D）</source>
        <translation> ({thresholds}; otherwise D)</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>满分</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>加权得分</source>
        <translation>Weighted</translation>
    </message>
    <message>
        <source>上次</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>□一类 □二类 □三类 □四类</source>
        <translation>□&#xa0;Class&#xa0;1  □&#xa0;Class&#xa0;2  □&#xa0;Class&#xa0;3  □&#xa0;Class&#xa0;4</translation>
    </message>
    <message>
        <source>未分类</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <source>评价指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>客户分类：{label}</source>
        <translation>Customer class: {label}</translation>
    </message>
    <message>
        <source>建议策略：</source>
        <translation>Suggested strategy:</translation>
    </message>
    <message>
        <source>评语</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>所在地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>负责业务员</source>
        <translation>Sales rep</translation>
    </message>
    <message>
        <source>评价周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>评价日期</source>
        <translation>Evaluated on</translation>
    </message>
    <message>
        <source>评价人</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>评价模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>（评价完成后按分类确定）</source>
        <translation>(set by the class once evaluated)</translation>
    </message>
    <message>
        <source>与上次评价比较</source>
        <translation>Compared with the Last Evaluation</translation>
    </message>
    <message>
        <source>{who}：{line}</source>
        <translation>{who}: {line}</translation>
    </message>
    <message>
        <source>日期：{line}</source>
        <translation>Date: {line}</translation>
    </message>
    <message>
        <source>分类与雷达图</source>
        <translation>Class and Radar Chart</translation>
    </message>
    <message>
        <source>本次为首次评价，没有可比较的上次评价。</source>
        <translation>This is the first evaluation; there is no earlier one to compare with.</translation>
    </message>
    <message>
        <source>[表情]</source>
        <translation>[emoji]</translation>
    </message>
    <message>
        <source>生成时间：{time:%Y-%m-%d %H:%M}</source>
        <translation>Generated: {time:%Y-%m-%d %H:%M}</translation>
    </message>
    <message>
        <source>第 {page} 页 / 共 {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>{first}&#x3000;{second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>{first}、{second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>{first}；{second}</source>
        <translation>{first}; {second}</translation>
    </message>
    <message>
        <source>报表语言：中文</source>
        <translation>Report language: English</translation>
    </message>
    <message>
        <source>{amount} 万元</source>
        <translation>{amount} × ¥10k</translation>
    </message>
    <message>
        <source>{year}年第{quarter}季度</source>
        <translation>Q{quarter} {year}</translation>
    </message>
    <message>
        <source>拜访记录汇总</source>
        <translation>Visit Summary</translation>
    </message>
    <message>
        <source>{time}（{minutes} 分钟）</source>
        <translation>{time} ({minutes} min)</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>拜访目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>沟通内容</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>客户异议</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>我方答复</source>
        <translation>Our reply</translation>
    </message>
    <message>
        <source>期间：{period}&#x3000;共 {count} 次拜访</source>
        <translation>Period: {period} · Visits: {count}</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>跟进日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>联系人情绪</source>
        <translation>Contact&apos;s mood</translation>
    </message>
    <message>
        <source>这段时间没有拜访记录。</source>
        <translation>No visits recorded in this period.</translation>
    </message>
    <message>
        <source>{kind} {amount} 元</source>
        <translation>{kind} ¥{amount}</translation>
    </message>
    <message>
        <source>销售区域</source>
        <translation>Sales region</translation>
    </message>
    <message>
        <source>介绍人</source>
        <translation>Referred by</translation>
    </message>
    <message>
        <source>信用额度（元）</source>
        <translation>Credit limit (¥)</translation>
    </message>
    <message>
        <source>标签“{name}…”太长（最多 40 个字）</source>
        <translation>The tag &quot;{name}…&quot; is too long (at most 40 characters)</translation>
    </message>
    <message>
        <source>客户编号重复</source>
        <translation>Customer code already used</translation>
    </message>
    <message>
        <source>电话相同：{number}</source>
        <translation>Same phone: {number}</translation>
    </message>
    <message>
        <source>号码相同：{number}</source>
        <translation>Same number: {number}</translation>
    </message>
    <message>
        <source>邮箱相同：{email}</source>
        <translation>Same e-mail: {email}</translation>
    </message>
    <message>
        <source>名称相近：{name}</source>
        <translation>Similar name: {name}</translation>
    </message>
    <message>
        <source>同一单位的同名联系人：{name}</source>
        <translation>Contact of the same name at the same company: {name}</translation>
    </message>
    <message>
        <source>找不到客户 {customer_id}</source>
        <translation>Customer {customer_id} not found</translation>
    </message>
    <message>
        <source>交易类型无效：{kind}（应为销售、回款或退货）</source>
        <translation>Invalid transaction type: {kind} (should be sale, payment or return)</translation>
    </message>
    <message>
        <source>请选择支援类型</source>
        <translation>Please choose the type of support</translation>
    </message>
    <message>
        <source>请选择风险类型（窜货、低价抛售或其他）</source>
        <translation>Please choose the type of risk (cross-territory selling, price dumping or other)</translation>
    </message>
    <message>
        <source>风险类型无效：{kind}</source>
        <translation>Invalid risk type: {kind}</translation>
    </message>
    <message>
        <source>{detail}（证据：{evidence}）</source>
        <translation>{detail} (evidence: {evidence})</translation>
    </message>
    <message>
        <source>逾期 {amount} 元，最长逾期 {days} 天</source>
        <translation>¥{amount} overdue, the longest for {days} days</translation>
    </message>
    <message>
        <source>应收 {balance} 元，超出信用额度 {over} 元</source>
        <translation>¥{balance} receivable, ¥{over} over the credit limit</translation>
    </message>
    <message>
        <source>指标 {ids} 不属于模板“{name}”</source>
        <translation>Indicators {ids} do not belong to the template &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>还有 {count} 项没有打分：{names}</source>
        <translation>Not scored yet ({count}): {names}</translation>
    </message>
    <message>
        <source>找不到评价模板 {template_id}</source>
        <translation>Evaluation template {template_id} not found</translation>
    </message>
    <message>
        <source>找不到评价 {evaluation_id}</source>
        <translation>Evaluation {evaluation_id} not found</translation>
    </message>
    <message>
        <source>“{name}”的分数 {value} 超出 0–{max_score}</source>
        <translation>The score {value} for &quot;{name}&quot; is outside 0–{max_score}</translation>
    </message>
    <message>
        <source>支援类型无效：{kind}</source>
        <translation>Invalid support type: {kind}</translation>
    </message>
    <message>
        <source>模板至少需要一项指标</source>
        <translation>A template needs at least one indicator</translation>
    </message>
    <message>
        <source>各项权重合计为 {total}%，应为 100%（还差 {gap}%）</source>
        <translation>The weights add up to {total}%; they should make 100% ({gap}% to go)</translation>
    </message>
    <message>
        <source>等级分数线须满足 100 ≥ A &gt; B &gt; C ≥ 0（现为 A {a}、B {b}、C {c}）</source>
        <translation>The grade thresholds must satisfy 100 ≥ A &gt; B &gt; C ≥ 0 (now A {a}, B {b}, C {c})</translation>
    </message>
    <message>
        <source>指标“{name}”的权重必须大于 0</source>
        <translation>The weight of the indicator &quot;{name}&quot; must be greater than 0</translation>
    </message>
    <message>
        <source>指标“{name}”的满分须在 1 到 100 之间</source>
        <translation>The full score of the indicator &quot;{name}&quot; must be between 1 and 100</translation>
    </message>
    <message>
        <source>指标“{name}”的维度无效：{dimension}</source>
        <translation>The indicator &quot;{name}&quot; has an invalid dimension: {dimension}</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>指标“{name}”的等级分数 {low} 超出 0–{max_score}</source>
        <translation>The level score {low} of the indicator &quot;{name}&quot; is outside 0–{max_score}</translation>
    </message>
    <message>
        <source>缺少必需的列：{columns}</source>
        <translation>Required columns are missing: {columns}</translation>
    </message>
    <message>
        <source>一次最多导入 {limit} 行，这个文件有 {rows} 行</source>
        <translation>At most {limit} rows can be imported at once; this file has {rows} rows</translation>
    </message>
    <message>
        <source>第 {line} 行：{message}；没有导入任何记录</source>
        <translation>Row {line}: {message}. Nothing was imported</translation>
    </message>
    <message>
        <source>客户名称或客户编号</source>
        <translation>Customer name or customer code</translation>
    </message>
    <message>
        <source>有 {count} 个客户名为“{name}”，请改用客户编号</source>
        <translation>{count} customers are named &quot;{name}&quot;; please use the customer code instead</translation>
    </message>
    <message>
        <source>金额“{text}”不是数字</source>
        <translation>The amount &quot;{text}&quot; is not a number</translation>
    </message>
    <message>
        <source>金额“{text}”精确到分即可（最多两位小数）</source>
        <translation>The amount &quot;{text}&quot; needs no more than cents (at most two decimal places)</translation>
    </message>
    <message>
        <source>金额“{text}”必须大于 0（退货请把类型写成“退货”）</source>
        <translation>The amount &quot;{text}&quot; must be greater than 0 (for a return, set the type to &quot;Return&quot;)</translation>
    </message>
    <message>
        <source>金额“{text}”必须大于 0</source>
        <translation>The amount &quot;{text}&quot; must be greater than 0</translation>
    </message>
    <message>
        <source>类型“{text}”应为销售、回款或退货</source>
        <translation>The type &quot;{text}&quot; should be sale, payment or return</translation>
    </message>
    <message>
        <source>没有填写日期</source>
        <translation>No date given</translation>
    </message>
    <message>
        <source>日期 {day} 晚于今天</source>
        <translation>The date {day} is later than today</translation>
    </message>
    <message>
        <source>到期日早于交易日期</source>
        <translation>The due date is before the transaction date</translation>
    </message>
    <message>
        <source>第 {line} 行：{message}（另有 {more} 行有问题）；没有导入任何记录</source>
        <translation>Row {line}: {message} (and {more} more with problems). Nothing was imported</translation>
    </message>
    <message>
        <source>没有填写客户名称或编号</source>
        <translation>No customer name or code given</translation>
    </message>
    <message>
        <source>没有名为“{name}”的客户</source>
        <translation>No customer is named &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>没有编号为“{code}”的客户</source>
        <translation>No customer has the code &quot;{code}&quot;</translation>
    </message>
    <message>
        <source>数量“{text}”不是数字</source>
        <translation>The quantity &quot;{text}&quot; is not a number</translation>
    </message>
    <message>
        <source>这条交易记录不存在或已删除</source>
        <translation>This transaction does not exist or has been deleted</translation>
    </message>
    <message>
        <source>毛利率和推荐分成须在 0 到 100% 之间</source>
        <translation>The gross margin and the referral share must be between 0 and 100%</translation>
    </message>
    <message>
        <source>预计剩余合作年限须在 0 到 50 年之间</source>
        <translation>The expected remaining years of cooperation must be between 0 and 50</translation>
    </message>
    <message>
        <source>“{value}”不是整数</source>
        <translation>&quot;{value}&quot; is not a whole number</translation>
    </message>
    <message>
        <source>“{value}”不是数字</source>
        <translation>&quot;{value}&quot; is not a number</translation>
    </message>
    <message>
        <source>“{value}”不是可选的值（可选：{allowed}）</source>
        <translation>&quot;{value}&quot; is not one of the choices ({allowed})</translation>
    </message>
    <message>
        <source>不能小于 {minimum}</source>
        <translation>Cannot be less than {minimum}</translation>
    </message>
    <message>
        <source>{field}：{problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>{field}不能为空</source>
        <translation>{field} cannot be empty</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>正月</source>
        <translation>month 1</translation>
    </message>
    <message>
        <source>二月</source>
        <translation>month 2</translation>
    </message>
    <message>
        <source>三月</source>
        <translation>month 3</translation>
    </message>
    <message>
        <source>四月</source>
        <translation>month 4</translation>
    </message>
    <message>
        <source>五月</source>
        <translation>month 5</translation>
    </message>
    <message>
        <source>六月</source>
        <translation>month 6</translation>
    </message>
    <message>
        <source>七月</source>
        <translation>month 7</translation>
    </message>
    <message>
        <source>八月</source>
        <translation>month 8</translation>
    </message>
    <message>
        <source>九月</source>
        <translation>month 9</translation>
    </message>
    <message>
        <source>十月</source>
        <translation>month 10</translation>
    </message>
    <message>
        <source>冬月</source>
        <translation>month 11</translation>
    </message>
    <message>
        <source>腊月</source>
        <translation>month 12</translation>
    </message>
    <message>
        <source>初一</source>
        <translation>day 1</translation>
    </message>
    <message>
        <source>初二</source>
        <translation>day 2</translation>
    </message>
    <message>
        <source>初三</source>
        <translation>day 3</translation>
    </message>
    <message>
        <source>初四</source>
        <translation>day 4</translation>
    </message>
    <message>
        <source>初五</source>
        <translation>day 5</translation>
    </message>
    <message>
        <source>初六</source>
        <translation>day 6</translation>
    </message>
    <message>
        <source>初七</source>
        <translation>day 7</translation>
    </message>
    <message>
        <source>初八</source>
        <translation>day 8</translation>
    </message>
    <message>
        <source>初九</source>
        <translation>day 9</translation>
    </message>
    <message>
        <source>初十</source>
        <translation>day 10</translation>
    </message>
    <message>
        <source>十一</source>
        <translation>day 11</translation>
    </message>
    <message>
        <source>十二</source>
        <translation>day 12</translation>
    </message>
    <message>
        <source>十三</source>
        <translation>day 13</translation>
    </message>
    <message>
        <source>十四</source>
        <translation>day 14</translation>
    </message>
    <message>
        <source>十五</source>
        <translation>day 15</translation>
    </message>
    <message>
        <source>十六</source>
        <translation>day 16</translation>
    </message>
    <message>
        <source>十七</source>
        <translation>day 17</translation>
    </message>
    <message>
        <source>十八</source>
        <translation>day 18</translation>
    </message>
    <message>
        <source>十九</source>
        <translation>day 19</translation>
    </message>
    <message>
        <source>二十</source>
        <translation>day 20</translation>
    </message>
    <message>
        <source>廿一</source>
        <translation>day 21</translation>
    </message>
    <message>
        <source>廿二</source>
        <translation>day 22</translation>
    </message>
    <message>
        <source>廿三</source>
        <translation>day 23</translation>
    </message>
    <message>
        <source>廿四</source>
        <translation>day 24</translation>
    </message>
    <message>
        <source>廿五</source>
        <translation>day 25</translation>
    </message>
    <message>
        <source>廿六</source>
        <translation>day 26</translation>
    </message>
    <message>
        <source>廿七</source>
        <translation>day 27</translation>
    </message>
    <message>
        <source>廿八</source>
        <translation>day 28</translation>
    </message>
    <message>
        <source>廿九</source>
        <translation>day 29</translation>
    </message>
    <message>
        <source>三十</source>
        <translation>day 30</translation>
    </message>
    <message>
        <source>闰{month}{day}</source>
        <translation>leap {month}, {day}</translation>
    </message>
    <message>
        <source>{month}{day}</source>
        <translation>{month}, {day}</translation>
    </message>
    <message>
        <source>不认识的推迟方式：{choice}</source>
        <translation>Unknown snooze choice: {choice}</translation>
    </message>
    <message>
        <source>先选一个客户</source>
        <translation>Choose a customer first</translation>
    </message>
    <message>
        <source>推迟到的时间必须晚于现在</source>
        <translation>The new time must be later than now</translation>
    </message>
    <message>
        <source>找不到编号为 {follow_up_id} 的跟进提醒（可能已被删除）</source>
        <translation>No follow-up with ID {follow_up_id} (it may have been deleted)</translation>
    </message>
    <message>
        <source>跟进提醒“{title}”已经处理过了</source>
        <translation>The follow-up &quot;{title}&quot; has already been dealt with</translation>
    </message>
    <message>
        <source>推迟方式不对</source>
        <translation>Invalid snooze choice</translation>
    </message>
    <message>
        <source>联系人：不是这个客户的联系人（或已被删除）</source>
        <translation>Contact: not a contact of this customer (or deleted)</translation>
    </message>
    <message>
        <source>联系人：不是这个客户的联系人</source>
        <translation>Contact: not a contact of this customer</translation>
    </message>
    <message>
        <source>找不到编号为 {interaction_id} 的跟进记录（可能已被删除）</source>
        <translation>No interaction with ID {interaction_id} (it may have been deleted)</translation>
    </message>
    <message>
        <source>话术：找不到编号为 {id} 的话术</source>
        <translation>Script: no script with ID {id}</translation>
    </message>
    <message>
        <source>有下次跟进时间时，请写下一步做什么</source>
        <translation>With a next follow-up time, please write what to do next</translation>
    </message>
    <message>
        <source>应答：找不到编号为 {id} 的应答</source>
        <translation>Reply: no reply with ID {id}</translation>
    </message>
    <message>
        <source>下次跟进时间：{problem}</source>
        <translation>Next follow-up time: {problem}</translation>
    </message>
    <message>
        <source>下一步：有下次跟进时间时不能为空</source>
        <translation>Next step: cannot be empty when there is a next follow-up time</translation>
    </message>
    <message>
        <source>应答：这条应答不属于所选的话术</source>
        <translation>Reply: this reply does not belong to the chosen script</translation>
    </message>
    <message>
        <source>不认识的重复方式：{pattern}</source>
        <translation>Unknown repeat pattern: {pattern}</translation>
    </message>
    <message>
        <source>重复间隔必须在 1 到 999 之间</source>
        <translation>The repeat interval must be between 1 and 999</translation>
    </message>
    <message>
        <source>重复规则不对</source>
        <translation>The repeat rule is not valid</translation>
    </message>
    <message>
        <source>星期只能是周一到周日</source>
        <translation>Weekdays can only be Monday to Sunday</translation>
    </message>
    <message>
        <source>每月的日期必须在 1 到 31 之间</source>
        <translation>The day of the month must be between 1 and 31</translation>
    </message>
    <message>
        <source>重复方式不对</source>
        <translation>Invalid repeat pattern</translation>
    </message>
    <message>
        <source>看不懂的重复规则：{text}</source>
        <translation>Repeat rule not understood: {text}</translation>
    </message>
    <message>
        <source>重复间隔不对</source>
        <translation>Invalid repeat interval</translation>
    </message>
    <message>
        <source>星期不对</source>
        <translation>Invalid weekday</translation>
    </message>
    <message>
        <source>日期不对</source>
        <translation>Invalid day</translation>
    </message>
    <message>
        <source>久未联系：从未联系</source>
        <translation>Not contacted: never contacted</translation>
    </message>
    <message>
        <source>回款到期：{name}（¥{amount}，{month}月{day}日到期）</source>
        <translation>Payment due: {name} (¥{amount}, due {month:02}-{day:02})</translation>
    </message>
    <message>
        <source>回款逾期：{name}（¥{amount}，{month}月{day}日到期）</source>
        <translation>Payment overdue: {name} (¥{amount}, was due {month:02}-{day:02})</translation>
    </message>
    <message>
        <source>{name}生日（{month}月{day}日，农历{lunar}）</source>
        <translation>{name}&apos;s birthday ({month:02}-{day:02}, lunar {lunar})</translation>
    </message>
    <message>
        <source>{name}生日（{month}月{day}日）</source>
        <translation>{name}&apos;s birthday ({month:02}-{day:02})</translation>
    </message>
    <message>
        <source>{customer}：送上祝福</source>
        <translation>{customer}: send your best wishes</translation>
    </message>
    <message>
        <source>久未联系：上次联系{month}月{day}日，已超过 {days} 天</source>
        <translation>No contact for over {days} days (last: {month:02}-{day:02})</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month:02}-{day:02}</translation>
    </message>
    <message>
        <source>{kind} ¥{amount}</source>
        <translation>{kind} ¥{amount}</translation>
    </message>
    <message>
        <source>评价：{period} {score} 分</source>
        <translation>Evaluation: {period}, {score} points</translation>
    </message>
    <message>
        <source>结果：{outcome}</source>
        <translation>Outcome: {outcome}</translation>
    </message>
    <message>
        <source>下一步：{step}</source>
        <translation>Next step: {step}</translation>
    </message>
    <message>
        <source>{day}到期</source>
        <translation>due {day}</translation>
    </message>
    <message>
        <source>“{text}”不是优先级（低、普通、高）</source>
        <translation>&quot;{text}&quot; is not a priority (low, normal, high)</translation>
    </message>
    <message>
        <source>“{text}”不是日期时间（例如 2026-12-03 14:30）</source>
        <translation>&quot;{text}&quot; is not a date and time (such as 2026-12-03 14:30)</translation>
    </message>
    <message>
        <source>“{text}”不是有效的日期时间</source>
        <translation>&quot;{text}&quot; is not a valid date and time</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>详细情况</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>情绪</source>
        <translation>Mood</translation>
    </message>
    <message>
        <source>发现的需求</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <source>遇到的异议</source>
        <translation>Objections met</translation>
    </message>
    <message>
        <source>应答</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>使用的应答</source>
        <translation>Reply used</translation>
    </message>
    <message>
        <source>应答是否有效</source>
        <translation>Did the reply work</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>时长（分钟）</source>
        <translation>Duration (minutes)</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>客户宝跟进</source>
        <translation>Kehubao follow-ups</translation>
    </message>
    <message>
        <source>{customer}：{title}</source>
        <translation>{customer}: {title}</translation>
    </message>
    <message>
        <source>方式：{kind}</source>
        <translation>Type: {kind}</translation>
    </message>
    <message>
        <source>到期时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>优先级</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>找不到要撤销的操作</source>
        <translation>The operation to undo cannot be found</translation>
    </message>
    <message>
        <source>“{label}”已经撤销过了</source>
        <translation>&quot;{label}&quot; has already been undone</translation>
    </message>
    <message>
        <source>数据库在“{service}”的同步文件夹中（{folder}）。同步软件会在客户宝写入时复制或替换数据库文件，可能造成数据丢失或损坏，建议移到本机文件夹。</source>
        <translation>The database is in a folder synced by {service} ({folder}). The sync software may copy or replace the database file while Kehubao writes to it, which can lose or damage data. Moving it to a local folder is recommended.</translation>
    </message>
    <message>
        <source>数据库在网络位置上（{where}）。网络文件系统的文件锁不可靠，SQLite 数据库可能因此损坏，建议移到本机文件夹。</source>
        <translation>The database is on a network location ({where}). File locks on network file systems are unreliable, which can damage a SQLite database. Moving it to a local folder is recommended.</translation>
    </message>
    <message>
        <source>坚果云</source>
        <translation>Nutstore</translation>
    </message>
    <message>
        <source>百度网盘</source>
        <translation>Baidu Netdisk</translation>
    </message>
    <message>
        <source>腾讯微云</source>
        <translation>Tencent Weiyun</translation>
    </message>
    <message>
        <source>iCloud 云盘</source>
        <translation>iCloud Drive</translation>
    </message>
    <message>
        <source>Google 云端硬盘</source>
        <translation>Google Drive</translation>
    </message>
    <message>
        <source>阿里云盘</source>
        <translation>Aliyun Drive</translation>
    </message>
    <message>
        <source>天翼云盘</source>
        <translation>Tianyi Cloud</translation>
    </message>
    <message>
        <source>WPS 云文档</source>
        <translation>WPS Cloud Docs</translation>
    </message>
    <message>
        <source>目标文件已存在，没有覆盖：{path}</source>
        <translation>The target file already exists and was not overwritten: {path}</translation>
    </message>
    <message>
        <source>复制出的数据库没有通过检查，原数据库未做改动：{problems}</source>
        <translation>The copied database failed its check; the original database was not changed: {problems}</translation>
    </message>
    <message>
        <source>{mount}，{type}</source>
        <translation>{mount}, {type}</translation>
    </message>
    <message>
        <source>网络驱动器 {drive}</source>
        <translation>network drive {drive}</translation>
    </message>
    <message>
        <source>云盘</source>
        <translation>a cloud drive</translation>
    </message>
    <message>
        <source>只能备份本地数据库文件；服务器数据库请用服务器自己的备份工具</source>
        <translation>Only a local database file can be backed up; back up a server database with the server&apos;s own tools</translation>
    </message>
    <message>
        <source>备份位置是一个文件夹：{path}</source>
        <translation>The backup location is a folder: {path}</translation>
    </message>
    <message>
        <source>备份文件不能就是数据库本身</source>
        <translation>The backup file cannot be the database itself</translation>
    </message>
    <message>
        <source>搜索索引：{problem}（请运行 kehubao check --reindex）</source>
        <translation>Search index: {problem} (run kehubao check --reindex)</translation>
    </message>
    <message>
        <source>无法写入备份文件 {path}：{problem}</source>
        <translation>Cannot write the backup file {path}: {problem}</translation>
    </message>
    <message>
        <source>不能把客户与它自己合并</source>
        <translation>A customer cannot be merged with itself</translation>
    </message>
    <message>
        <source>不能彻底删除“{kind}”这类记录</source>
        <translation>Records of the kind &quot;{kind}&quot; cannot be deleted for good</translation>
    </message>
    <message>
        <source>不支持的导出格式“{suffix}”：文件名请以 .json 或 .html 结尾</source>
        <translation>Unsupported export format &quot;{suffix}&quot;: the file name should end in .json or .html</translation>
    </message>
    <message>
        <source>记录编号</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>所属客户（编号）</source>
        <translation>Customer (ID)</translation>
    </message>
    <message>
        <source>联系人（编号）</source>
        <translation>Contact (ID)</translation>
    </message>
    <message>
        <source>负责人（编号）</source>
        <translation>Owner (ID)</translation>
    </message>
    <message>
        <source>建立时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>最后修改时间</source>
        <translation>Last modified</translation>
    </message>
    <message>
        <source>移入回收站的时间</source>
        <translation>Moved to the Recycle Bin</translation>
    </message>
    <message>
        <source>姓名排序键</source>
        <translation>Name sort key</translation>
    </message>
    <message>
        <source>记录情绪的时间</source>
        <translation>Mood recorded</translation>
    </message>
    <message>
        <source>跟进记录（编号）</source>
        <translation>Interaction (ID)</translation>
    </message>
    <message>
        <source>推迟到</source>
        <translation>Snoozed until</translation>
    </message>
    <message>
        <source>完成时间</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>重复规则</source>
        <translation>Repeat rule</translation>
    </message>
    <message>
        <source>自动提醒标识</source>
        <translation>Automatic reminder key</translation>
    </message>
    <message>
        <source>话术（编号）</source>
        <translation>Script (ID)</translation>
    </message>
    <message>
        <source>应答（编号）</source>
        <translation>Reply (ID)</translation>
    </message>
    <message>
        <source>客户 {id}</source>
        <translation>Customer {id}</translation>
    </message>
    <message>
        <source>联系人 {id}</source>
        <translation>Contact {id}</translation>
    </message>
    <message>
        <source>跟进记录 {id}</source>
        <translation>Interaction {id}</translation>
    </message>
    <message>
        <source>跟进提醒 {id}</source>
        <translation>Follow-up {id}</translation>
    </message>
    <message>
        <source>交易记录 {id}</source>
        <translation>Transaction {id}</translation>
    </message>
    <message>
        <source>评价 {id}</source>
        <translation>Evaluation {id}</translation>
    </message>
    <message>
        <source>评分 {id}</source>
        <translation>Score {id}</translation>
    </message>
    <message>
        <source>支援记录 {id}</source>
        <translation>Support record {id}</translation>
    </message>
    <message>
        <source>风险事件 {id}</source>
        <translation>Risk event {id}</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>批量新建</source>
        <translation>Created in a batch</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>个人信息导出：{name}</source>
        <translation>Personal data export: {name}</translation>
    </message>
    <message>
        <source>{what}：{name}</source>
        <translation>{what}: {name}</translation>
    </message>
    <message>
        <source>{what}（{words}）</source>
        <translation>{what} ({words})</translation>
    </message>
    <message>
        <source>导出时间：{time} · 客户宝保存的关于此人的全部信息</source>
        <translation>Exported: {time} · everything Kehubao stores about this person</translation>
    </message>
    <message>
        <source>联系人信息</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>所属客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>跟进记录（{count} 条）</source>
        <translation>Interactions ({count})</translation>
    </message>
    <message>
        <source>跟进提醒（{count} 条）</source>
        <translation>Follow-ups ({count})</translation>
    </message>
    <message>
        <source>客户的其他记录中提到此人的内容（{count} 处）</source>
        <translation>Mentions in the customer&apos;s other records ({count})</translation>
    </message>
    <message>
        <source>操作记录（撤销日志，{count} 条）</source>
        <translation>Operations (undo history, {count})</translation>
    </message>
    <message>
        <source>搜索索引（{count} 条）</source>
        <translation>Search index ({count})</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>动作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>检索键</source>
        <translation>Search keys</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>在回收站中</source>
        <translation>In the Recycle Bin</translation>
    </message>
    <message>
        <source>〔已删除〕</source>
        <translation>[deleted]</translation>
    </message>
    <message>
        <source>较早的备份（数据库旁的 backups 文件夹，包括删除前自动做的一份，以及另存到别处的备份文件）中仍保存着这些信息，直到这些备份按轮换规则删除为止（删除前的备份保留一周，定时备份最长约 9 个月）。</source>
        <translation>Older backups (the backups folder next to the database, including the one made automatically before the deletion, and backup files saved elsewhere) still hold this information until they are deleted by rotation (backups made before a deletion are kept for a week, scheduled backups for up to about 9 months).</translation>
    </message>
    <message>
        <source>跟进提醒</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>交易记录</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>支援记录</source>
        <translation>Support given</translation>
    </message>
    <message>
        <source>风险事件</source>
        <translation>Risk events</translation>
    </message>
    <message>
        <source>找不到编号为 {contact_id} 的联系人</source>
        <translation>No contact with ID {contact_id}</translation>
    </message>
    <message>
        <source>找不到编号为 {customer_id} 的客户</source>
        <translation>No customer with ID {customer_id}</translation>
    </message>
    <message>
        <source>拜访清单</source>
        <translation>Visit List</translation>
    </message>
    <message>
        <source>{report} · {subject}</source>
        <translation>{report} · {subject}</translation>
    </message>
    <message>
        <source>{region} · {label}</source>
        <translation>{region} · {label}</translation>
    </message>
    <message>
        <source>全部客户</source>
        <translation>All customers</translation>
    </message>
    <message>
        <source>只有单个客户的报表可以批量导出。</source>
        <translation>Only single-customer reports can be exported in a batch.</translation>
    </message>
    <message>
        <source>这个范围里没有客户。</source>
        <translation>There are no customers in this range.</translation>
    </message>
    <message>
        <source>请先选择一个客户。</source>
        <translation>Please choose a customer first.</translation>
    </message>
    <message>
        <source>请选择拜访清单的日期范围。</source>
        <translation>Please choose the date range of the visit list.</translation>
    </message>
    <message>
        <source>{start}至{end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>找不到标志图片“{path}”。</source>
        <translation>Logo image not found: &quot;{path}&quot;.</translation>
    </message>
    <message>
        <source>抬头的文字太长：最多 {limit} 个字。</source>
        <translation>The letterhead text is too long: at most {limit} characters.</translation>
    </message>
    <message>
        <source>颜色“{colour}”无法识别，请用 #RRGGBB 的形式。</source>
        <translation>Colour &quot;{colour}&quot; not understood; please write it as #RRGGBB.</translation>
    </message>
    <message>
        <source>这不是客户宝的话术库文件，未做任何改动</source>
        <translation>This is not a Kehubao script library file; nothing was changed</translation>
    </message>
    <message>
        <source>这个话术库文件来自更新版本的客户宝，请先升级客户宝</source>
        <translation>This script library file comes from a newer version of Kehubao; please upgrade Kehubao first</translation>
    </message>
    <message>
        <source>话术库文件里没有话术列表，未做任何改动</source>
        <translation>The script library file has no list of scripts; nothing was changed</translation>
    </message>
    <message>
        <source>这条话术没有新的内置版本</source>
        <translation>This script has no newer built-in version</translation>
    </message>
    <message>
        <source>“侧重”只能是价格、质量或服务（收到“{text}”）</source>
        <translation>&quot;Focus&quot; can only be price, quality or service (got &quot;{text}&quot;)</translation>
    </message>
    <message>
        <source>“{label}”应当是文字</source>
        <translation>&quot;{label}&quot; should be text</translation>
    </message>
    <message>
        <source>“{label}”太长了（最多 {limit} 个字）</source>
        <translation>&quot;{label}&quot; is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <source>“{label}”应当是文字列表</source>
        <translation>&quot;{label}&quot; should be a list of texts</translation>
    </message>
    <message>
        <source>侧重</source>
        <translation>Focus</translation>
    </message>
    <message>
        <source>每条话术应当是一个对象</source>
        <translation>Each script should be an object</translation>
    </message>
    <message>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>话术缺少“异议”（客户怎么说）</source>
        <translation>A script is missing its &quot;objection&quot; (what the customer says)</translation>
    </message>
    <message>
        <source>话术“{title}”缺少回复</source>
        <translation>The script &quot;{title}&quot; has no replies</translation>
    </message>
    <message>
        <source>话术“{title}”至少要有一条回复</source>
        <translation>The script &quot;{title}&quot; needs at least one reply</translation>
    </message>
    <message>
        <source>话术“{title}”的回复太多（最多 {limit} 条）</source>
        <translation>The script &quot;{title}&quot; has too many replies (at most {limit})</translation>
    </message>
    <message>
        <source>话术“{title}”的回复格式不对</source>
        <translation>The replies of the script &quot;{title}&quot; are not in the right format</translation>
    </message>
    <message>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>话术分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>客户说法</source>
        <translation>Phrasings</translation>
    </message>
    <message>
        <source>原因分析</source>
        <translation>Why they say it</translation>
    </message>
    <message>
        <source>技巧</source>
        <translation>Tips</translation>
    </message>
    <message>
        <source>后续动作</source>
        <translation>After the call</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>回复理由</source>
        <translation>Why the reply works</translation>
    </message>
    <message>
        <source>这条话术不存在或已删除</source>
        <translation>This script does not exist or has been deleted</translation>
    </message>
    <message>
        <source>已经有一条叫“{title}”的话术了，请换个说法</source>
        <translation>There is already a script called &quot;{title}&quot;; please word it differently</translation>
    </message>
    <message>
        <source>重名</source>
        <translation>Name already used</translation>
    </message>
    <message>
        <source>{topic}：{text}</source>
        <translation>{topic}: {text}</translation>
    </message>
    <message>
        <source>文件夹不存在：{parent}</source>
        <translation>Folder not found: {parent}</translation>
    </message>
    <message>
        <source>文件不存在：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>文件太大，不像是话术库文件，未做任何改动</source>
        <translation>The file is too large to be a script library file; nothing was changed</translation>
    </message>
    <message>
        <source>文件里没有话术，未做任何改动</source>
        <translation>The file has no scripts; nothing was changed</translation>
    </message>
    <message>
        <source>话术库只能导出为 .json 或 .xlsx 文件</source>
        <translation>The script library can only be exported as a .json or .xlsx file</translation>
    </message>
    <message>
        <source>只能导入 .json 或 .xlsx 格式的话术库文件</source>
        <translation>Only .json or .xlsx script library files can be imported</translation>
    </message>
    <message>
        <source>话术“{title}”在文件里出现了两次，未做任何改动</source>
        <translation>The script &quot;{title}&quot; appears twice in the file; nothing was changed</translation>
    </message>
    <message>
        <source>文件不是 UTF-8 编码的 JSON，未做任何改动</source>
        <translation>The file is not UTF-8 encoded JSON; nothing was changed</translation>
    </message>
    <message>
        <source>文件不是完整的 JSON（可能被截断或损坏），未做任何改动</source>
        <translation>The file is not complete JSON (it may be cut short or damaged); nothing was changed</translation>
    </message>
    <message>
        <source>文件不是有效的 Excel（.xlsx）文件，未做任何改动</source>
        <translation>The file is not a valid Excel (.xlsx) file; nothing was changed</translation>
    </message>
    <message>
        <source>表格的标题行不是客户宝话术库的格式（应以“编号、分类、异议……”开头），未做任何改动</source>
        <translation>The sheet&apos;s header row is not in Kehubao&apos;s script library format (it should begin with &quot;Code, Category, Objection…&quot;); nothing was changed</translation>
    </message>
    <message>
        <source>第 {number} 条话术有问题：{problem}。未做任何改动</source>
        <translation>Script {number} has a problem: {problem}. Nothing was changed</translation>
    </message>
    <message>
        <source>导入后会有两条叫“{title}”的话术，未做任何改动</source>
        <translation>The import would make two scripts called &quot;{title}&quot;; nothing was changed</translation>
    </message>
    <message>
        <source>找不到这位客户，可能已被删除</source>
        <translation>This customer cannot be found; it may have been deleted</translation>
    </message>
    <message>
        <source>找不到这条跟进记录</source>
        <translation>This interaction cannot be found</translation>
    </message>
    <message>
        <source>这条回复不属于所选的话术</source>
        <translation>This reply does not belong to the chosen script</translation>
    </message>
    <message>
        <source>情绪同为“{mood}”时</source>
        <translation>when the mood was &quot;{mood}&quot;</translation>
    </message>
    <message>
        <source>同为{group}的联系人</source>
        <translation>contacts who are also {group}</translation>
    </message>
    <message>
        <source>{kind} 全文索引损坏（{damage}）</source>
        <translation>{kind} full-text index damaged ({damage})</translation>
    </message>
    <message>
        <source>{kind} 全文索引有 {indexed} 条，文档表有 {docs} 条</source>
        <translation>{kind} full-text index has {indexed} entries, the document table {docs}</translation>
    </message>
    <message>
        <source>{kind} 应有 {want} 条文档，实际 {have} 条</source>
        <translation>{kind} should have {want} documents but has {have}</translation>
    </message>
    <message>
        <source>客户宝</source>
        <translation>Kehubao</translation>
    </message>
    <message>
        <source>%1年第%2季度</source>
        <translation>Q%2 %1</translation>
    </message>
    <message>
        <source>新建客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>修改客户</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>删除客户</source>
        <translation>Delete customer</translation>
    </message>
    <message>
        <source>恢复客户</source>
        <translation>Restore customer</translation>
    </message>
    <message>
        <source>合并客户</source>
        <translation>Merge customers</translation>
    </message>
    <message>
        <source>评价客户</source>
        <translation>Evaluate customer</translation>
    </message>
    <message>
        <source>新建联系人</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>修改联系人</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>删除联系人</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>恢复联系人</source>
        <translation>Restore contact</translation>
    </message>
    <message>
        <source>新建跟进提醒</source>
        <translation>New follow-up</translation>
    </message>
    <message>
        <source>修改跟进提醒</source>
        <translation>Edit follow-up</translation>
    </message>
    <message>
        <source>推迟跟进提醒</source>
        <translation>Snooze follow-up</translation>
    </message>
    <message>
        <source>完成跟进提醒</source>
        <translation>Complete follow-up</translation>
    </message>
    <message>
        <source>取消跟进提醒</source>
        <translation>Cancel follow-up</translation>
    </message>
    <message>
        <source>删除跟进提醒</source>
        <translation>Delete follow-up</translation>
    </message>
    <message>
        <source>恢复跟进提醒</source>
        <translation>Restore follow-up</translation>
    </message>
    <message>
        <source>记录跟进</source>
        <translation>Log interaction</translation>
    </message>
    <message>
        <source>修改跟进记录</source>
        <translation>Edit interaction</translation>
    </message>
    <message>
        <source>删除跟进记录</source>
        <translation>Delete interaction</translation>
    </message>
    <message>
        <source>恢复跟进记录</source>
        <translation>Restore interaction</translation>
    </message>
    <message>
        <source>删除交易记录</source>
        <translation>Delete transaction</translation>
    </message>
    <message>
        <source>恢复交易记录</source>
        <translation>Restore transactions</translation>
    </message>
    <message>
        <source>导入交易记录</source>
        <translation>Import transactions</translation>
    </message>
    <message>
        <source>保存评价模板</source>
        <translation>Save evaluation template</translation>
    </message>
    <message>
        <source>记录支援</source>
        <translation>Record support</translation>
    </message>
    <message>
        <source>记录风险</source>
        <translation>Record risk</translation>
    </message>
    <message>
        <source>风险已处理</source>
        <translation>Risk resolved</translation>
    </message>
    <message>
        <source>记录使用话术</source>
        <translation>Record script use</translation>
    </message>
    <message>
        <source>记录话术效果</source>
        <translation>Record script result</translation>
    </message>
    <message>
        <source>导入话术库</source>
        <translation>Import script library</translation>
    </message>
    <message>
        <source>采用新版内置话术</source>
        <translation>Adopt the new built-in script</translation>
    </message>
    <message>
        <source>保留自己的话术</source>
        <translation>Keep my own script</translation>
    </message>
    <message>
        <source>新建话术</source>
        <translation>New script</translation>
    </message>
    <message>
        <source>修改话术</source>
        <translation>Edit script</translation>
    </message>
    <message>
        <source>归档话术</source>
        <translation>Archive script</translation>
    </message>
    <message>
        <source>取消归档话术</source>
        <translation>Unarchive script</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>批量添加标签</source>
        <translation>Add tags</translation>
    </message>
    <message>
        <source>批量移除标签</source>
        <translation>Remove tags</translation>
    </message>
    <message>
        <source>批量指定负责人</source>
        <translation>Assign owner</translation>
    </message>
    <message>
        <source>批量修改状态</source>
        <translation>Set status</translation>
    </message>
    <message>
        <source>记录销售</source>
        <translation>Record sale</translation>
    </message>
    <message>
        <source>记录回款</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <source>记录退货</source>
        <translation>Record return</translation>
    </message>
    <message>
        <source>删除话术</source>
        <translation>Delete script</translation>
    </message>
    <message>
        <source>恢复话术</source>
        <translation>Restore script</translation>
    </message>
</context>
</TS>
