<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeadlinePage</name>
    <message>
        <source>&amp;Start date (not counted):</source>
        <translation>起算日（不计入）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Working days:</source>
        <translation>工作日数(&amp;W)：</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>期限届满日：</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>OneWindow Service Workstation</source>
        <translation>一窗通办受理工作站</translation>
    </message>
    <message>
        <source>OneWindow comprehensive window workstation</source>
        <translation>一窗通办综合窗口受理工作站</translation>
    </message>
    <message>
        <source>The store file (created when missing).</source>
        <translation>数据文件（不存在时新建）。</translation>
    </message>
    <message>
        <source>Cannot open the store</source>
        <translation>无法打开数据文件</translation>
    </message>
    <message>
        <source>Error code: %1. The store file was not changed.</source>
        <translation>错误码：%1。数据文件未被改动。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::CalendarPage</name>
    <message>
        <source>◀ Previous month</source>
        <translation>◀ 上个月</translation>
    </message>
    <message>
        <source>Previous month (PgUp)</source>
        <translation>上个月（PgUp）</translation>
    </message>
    <message>
        <source>Next month ▶</source>
        <translation>下个月 ▶</translation>
    </message>
    <message>
        <source>Next month (PgDown)</source>
        <translation>下个月（PgDown）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Back to the current month (Ctrl+Home)</source>
        <translation>回到本月（Ctrl+Home）</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>Make-up workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Provisional (Mon-Fri)</source>
        <translation>临时日历（周一至周五）</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>%1 is provisional: no State Council holiday notice has been imported for it, so Monday to Friday count as working days. Every deadline that reaches into %1 is marked provisional and will be recomputed when the notice is imported.</source>
        <translation>%1 年为临时日历：尚未导入国务院办公厅节假日通知，暂按周一至周五为工作日计算。凡计算涉及 %1 年的期限均标为“临时”，导入通知后将重新计算。</translation>
    </message>
    <message>
        <source>Official calendar for %1, imported from %2. Notice: %3</source>
        <translation>%1 年正式日历，导入自 %2。通知：%3</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::DeadlinePage</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Provisional: the count reaches a year whose State Council holiday notice has not been imported; Monday to Friday were counted as working days.</source>
        <translation>临时结果：计算涉及尚未导入国务院办公厅节假日通知的年份，该年按周一至周五为工作日计算。</translation>
    </message>
    <message>
        <source>Counting starts the day after %1: %2 working days counted, %3 days skipped.</source>
        <translation>自 %1 次日起算：计 %2 个工作日，不计 %3 天。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::ExplanationModel</name>
    <message>
        <source>Working day %1</source>
        <translation>第 %1 个工作日</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>不计</translation>
    </message>
    <message>
        <source> (provisional)</source>
        <translation>（临时）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::MainWindow</name>
    <message>
        <source>OneWindow Service Workstation</source>
        <translation>一窗通办受理工作站</translation>
    </message>
    <message>
        <source>Working-day &amp;calendar</source>
        <translation>工作日日历(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Deadline calculator</source>
        <translation>期限计算(&amp;D)</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>数据文件：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import holiday notice...</source>
        <translation>导入节假日通知(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>Import State Council holiday notices</source>
        <translation>导入国务院办公厅节假日通知</translation>
    </message>
    <message>
        <source>Holiday notices (*.json);;All files (*)</source>
        <translation>节假日通知 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import holiday notices</source>
        <translation>导入节假日通知</translation>
    </message>
    <message>
        <source>Nothing was imported; the stored calendar is unchanged. Correct the files and import them again.</source>
        <translation>未导入任何日历，已存日历未改动。请更正文件后重新导入。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::MonthModel</name>
    <message>
        <source>Make-up workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Provisional: no State Council notice imported for %1</source>
        <translation>临时日历：%1 年尚未导入国务院办公厅通知</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
</context>
</TS>
