<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CaseView</name>
    <message>
        <source>&lt;b&gt;Clocks&lt;/b&gt;</source>
        <translation>&lt;b&gt;办理时限&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Explain deadline</source>
        <translation>期限说明(&amp;E)</translation>
    </message>
    <message>
        <source>Every day from the start to the deadline, counted or skipped, and why (F4)</source>
        <translation>从起算到届满的每一天：计入还是不计及原因（F4）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Materials&lt;/b&gt;</source>
        <translation>&lt;b&gt;申请材料&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;全过程记录&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ClockExplanationDialog</name>
    <message>
        <source>The deadline explained</source>
        <translation>期限说明</translation>
    </message>
    <message>
        <source>&amp;Clock:</source>
        <translation>时限(&amp;C)：</translation>
    </message>
    <message>
        <source>Provisional: the count reaches a year whose State Council holiday notice has not been imported; its statutory holidays were predicted and no make-up working day is known yet.</source>
        <translation>临时结果：计算涉及尚未导入国务院办公厅节假日通知的年份，该年的法定节假日为预测，调休上班日尚未公布。</translation>
    </message>
</context>
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
    <name>DocumentPreview</name>
    <message>
        <source>Cannot print the document</source>
        <translation>无法打印文书</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>The %1 of case %2 was not printed. Did the applicant get it another way?</source>
        <translation>办件 %2 的%1未打印。申请人是否已通过其他方式取得？</translation>
    </message>
    <message>
        <source>&amp;Back to printing</source>
        <translation>返回打印(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Handed over another way</source>
        <translation>已通过其他方式交付(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Not handed over</source>
        <translation>未交付(&amp;N)</translation>
    </message>
    <message>
        <source>Print preview: %1 (Enter prints, Esc closes)</source>
        <translation>打印预览：%1（回车打印，Esc 关闭）</translation>
    </message>
    <message>
        <source>Document settings: %1</source>
        <translation>文书设置：%1</translation>
    </message>
</context>
<context>
    <name>FeesTable</name>
    <message>
        <source>Fee</source>
        <translation>收费项目</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>收费依据</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Intake</source>
        <translation>收件受理</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>申请人：</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>自然人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>法人或其他组织(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名/名称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>证件号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>手机号码(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Legal representative:</source>
        <translation>法定代表人(&amp;L)：</translation>
    </message>
    <message>
        <source>A&amp;gent (if any):</source>
        <translation>代理人（如有）(&amp;G)：</translation>
    </message>
    <message>
        <source>Agent I&amp;D number:</source>
        <translation>代理人身份证号(&amp;D)：</translation>
    </message>
    <message>
        <source>Copy from an &amp;earlier case</source>
        <translation>复制历史办件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>申请方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Signed for / confirmed on:</source>
        <translation>签收/确认日期(&amp;S)：</translation>
    </message>
    <message>
        <source>Receipt day:</source>
        <translation>收到申请之日：</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <source>Issue the one-time &amp;notice</source>
        <translation>一次性告知补正(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>不予受理(&amp;R)</translation>
    </message>
    <message>
        <source>Reason &amp;kind:</source>
        <translation>理由类别(&amp;K)：</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>具体理由(&amp;S)：</translation>
    </message>
    <message>
        <source>Competent &amp;office:</source>
        <translation>有权受理的机关(&amp;O)：</translation>
    </message>
    <message>
        <source>&lt; &amp;Back (Esc)</source>
        <translation>&lt; 上一步（Esc）(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next (Enter) &gt;</source>
        <translation>下一步（回车）(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>The item: type its name, code or pinyin initials, then Enter.</source>
        <translation>选择事项：输入名称、编码或拼音首字母，然后按回车。</translation>
    </message>
    <message>
        <source>The applicant.</source>
        <translation>申请人。</translation>
    </message>
    <message>
        <source>How the application arrived decides its receipt day (Government Information Disclosure Regulation, Art. 31).</source>
        <translation>申请的提交方式决定收到申请之日（《政府信息公开条例》第三十一条）。</translation>
    </message>
    <message>
        <source>The materials: every row starts unchecked. Look at each paper and mark it with Space (provided, missing, defective, not applicable); Right arrow and type to say what is wrong or missing. F9 marks every row still unchecked as provided, after you have looked, and moves on.</source>
        <translation>核验材料：每项材料初始为“未核验”。逐份查看纸质材料，用空格键标记（已提交、缺少、不符合要求、不适用）；按右方向键后输入，写明哪里不符合要求或缺少什么。全部看过后，按 F9 将其余未核验的材料标为已提交并进入下一步。</translation>
    </message>
    <message>
        <source>The decision the checklist allows.</source>
        <translation>根据材料核验结果作出决定。</translation>
    </message>
</context>
<context>
    <name>ItemEditorDialog</name>
    <message>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <source>&amp;Basic information</source>
        <translation>基本信息(&amp;B)</translation>
    </message>
    <message>
        <source>Implementation &amp;code:</source>
        <translation>实施编码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>事项名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>实施主体(&amp;O)：</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>部门(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>事项类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Proced&amp;ure:</source>
        <translation>办理程序(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Yellow card at (working days left):</source>
        <translation>黄牌预警（剩余工作日）(&amp;Y)：</translation>
    </message>
    <message>
        <source>Result delivery:</source>
        <translation>结果送达方式：</translation>
    </message>
    <message>
        <source>Pickup at the window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>咨询电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Where to apply:</source>
        <translation>办理地点(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>办理时间(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>设定依据(&amp;L)：</translation>
    </message>
    <message>
        <source>Frequent &amp;mistakes:</source>
        <translation>常见错误(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Fees</source>
        <translation>收费(&amp;F)</translation>
    </message>
    <message>
        <source>No rows means the item is free of charge. Amounts in yuan, at most two decimals.</source>
        <translation>无收费项目即为不收费。金额以元为单位，最多两位小数。</translation>
    </message>
    <message>
        <source>Add fee</source>
        <translation>添加收费项目</translation>
    </message>
    <message>
        <source>Remove fee</source>
        <translation>删除收费项目</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>申请材料(&amp;M)</translation>
    </message>
    <message>
        <source>Add material</source>
        <translation>添加材料</translation>
    </message>
    <message>
        <source>Remove material</source>
        <translation>删除材料</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移（Alt+↑）</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移（Alt+↓）</translation>
    </message>
    <message>
        <source>&amp;Version history</source>
        <translation>版本历史(&amp;V)</translation>
    </message>
    <message>
        <source>Reason for the &amp;change:</source>
        <translation>修改原因(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Statutory limit:</source>
        <translation>法定时限(&amp;S)：</translation>
    </message>
    <message>
        <source>The unit in the law&apos;s own words: 工作日 (working days) or 日 (calendar days)</source>
        <translation>按法律原文选择期限单位：工作日或日（自然日）</translation>
    </message>
    <message>
        <source>P&amp;romised limit:</source>
        <translation>承诺时限(&amp;R)：</translation>
    </message>
    <message>
        <source>Co&amp;rrection period:</source>
        <translation>补正期限(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Deferred materials due after:</source>
        <translation>容缺材料补交期限(&amp;D)：</translation>
    </message>
    <message>
        <source>容缺受理: a material deferred at acceptance is due this many working days later</source>
        <translation>容缺受理：容缺的材料须在受理后的这些工作日内补交</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
</context>
<context>
    <name>MaterialsTable</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>介质</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>必要性</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>特定情形</translation>
    </message>
    <message>
        <source>Deferrable</source>
        <translation>可容缺</translation>
    </message>
    <message>
        <source>Commitment text (empty: not allowed)</source>
        <translation>告知承诺内容（空：不可承诺）</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样表</translation>
    </message>
    <message>
        <source>Frequent mistakes</source>
        <translation>常见错误</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>OneWindow first start</source>
        <translation>一窗通办工作站首次设置</translation>
    </message>
    <message>
        <source>First start: describe this hall and this window, and create the first administrator.</source>
        <translation>首次启动：请填写本大厅和本窗口的信息，并创建第一位系统管理员。</translation>
    </message>
    <message>
        <source>Hall and window</source>
        <translation>大厅与窗口</translation>
    </message>
    <message>
        <source>Hall &amp;name:</source>
        <translation>大厅名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Hall &amp;code (region):</source>
        <translation>大厅编码（行政区划）(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口号(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>Office &amp;opens:</source>
        <translation>上班时间(&amp;O)：</translation>
    </message>
    <message>
        <source>Office c&amp;loses:</source>
        <translation>下班时间(&amp;E)：</translation>
    </message>
    <message>
        <source>Lock the screen after (&amp;minutes):</source>
        <translation>无操作自动锁屏（分钟）(&amp;I)：</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一位系统管理员</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>用户名(&amp;L)：</translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>用户名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
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
    <message>
        <source>Open the demo hall (set up on first use).</source>
        <translation>打开演示大厅（首次使用时自动创建）。</translation>
    </message>
    <message>
        <source>Setting up the demo hall...</source>
        <translation>正在创建演示大厅…</translation>
    </message>
    <message>
        <source>With --demo: join the demo hall&apos;s server at URL as the terminal --window names (README, four-terminal demo).</source>
        <translation>与 --demo 同用：以 --window 所指的终端加入 URL 处的演示大厅服务器（见 README“四个终端的演示”）。</translation>
    </message>
    <message>
        <source>With --join: the terminal, one of %1.</source>
        <translation>与 --join 同用：演示终端，为 %1 之一。</translation>
    </message>
    <message>
        <source>Cannot join the demo hall</source>
        <translation>无法加入演示大厅</translation>
    </message>
    <message>
        <source>Error code: %1.</source>
        <translation>错误码：%1。</translation>
    </message>
    <message numerus="yes">
        <source>Upgrading the store %1 (%n step(s)).
A large store may take several minutes; please do not switch off the computer.</source>
        <translation>
            <numerusform>正在升级数据文件 %1（共 %n 步）。
数据量大时可能需要几分钟，请勿关闭计算机。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupervisionOrderDialog</name>
    <message>
        <source>Supervision order</source>
        <translation>督办单</translation>
    </message>
    <message>
        <source>To &amp;clerk:</source>
        <translation>督办人员(&amp;C)：</translation>
    </message>
    <message>
        <source>To &amp;window:</source>
        <translation>督办窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>What to &amp;do:</source>
        <translation>督办事项(&amp;D)：</translation>
    </message>
    <message>
        <source>What the clerk must do, e.g. finish the decision and report back</source>
        <translation>需办理的事项，如：尽快作出决定并反馈</translation>
    </message>
    <message>
        <source>D&amp;ue by:</source>
        <translation>办结期限(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Print the supervision order after saving</source>
        <translation>保存后打印督办单(&amp;P)</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users and screen lock</source>
        <translation>用户与锁屏</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <source>Lo&amp;gin:</source>
        <translation>用户名(&amp;G)：</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>窗口号(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Rep&amp;eat password:</source>
        <translation>再次输入密码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Screen &amp;lock</source>
        <translation>自动锁屏(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the screen after (&amp;minutes):</source>
        <translation>无操作自动锁屏（分钟）(&amp;I)：</translation>
    </message>
    <message>
        <source>Every workstation of the hall locks its screen after this many minutes without keyboard or mouse input; the signed-in person&apos;s password opens it again. This workstation applies a change at once.</source>
        <translation>本大厅的每台工作站在键盘和鼠标无操作达到这一分钟数后自动锁屏，由登录人输入密码解锁。修改后本工作站立即生效。</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>应用(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::AboutDialog</name>
    <message>
        <source>About OneWindow</source>
        <translation>关于一窗通办受理工作站</translation>
    </message>
    <message>
        <source>OneWindow Service Workstation</source>
        <translation>一窗通办受理工作站</translation>
    </message>
    <message>
        <source>Version %1
Built from commit %2</source>
        <translation>版本 %1
构建提交 %2</translation>
    </message>
    <message>
        <source>Qt %1 (built with Qt %2)</source>
        <translation>Qt %1（构建时为 Qt %2）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::ActionForm</name>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>The hall has no back offices yet: an administrator lists them on the hall&apos;s server (onewindow-server backoffice add) before a case can be forwarded.</source>
        <translation>本大厅尚未登记后台科室：请管理员先在大厅服务器上用 onewindow-server backoffice add 登记，之后才能移交。</translation>
    </message>
    <message>
        <source>Statutory reason:</source>
        <translation>法定事由：</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>具体说明：</translation>
    </message>
    <message>
        <source>Extend:</source>
        <translation>延长：</translation>
    </message>
    <message>
        <source>By working days:</source>
        <translation>延长工作日数：</translation>
    </message>
    <message>
        <source>Reason (told to the applicant):</source>
        <translation>理由（将告知申请人）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Back office:</source>
        <translation>后台科室：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>办理结果：</translation>
    </message>
    <message>
        <source>Decision number:</source>
        <translation>决定书文号：</translation>
    </message>
    <message>
        <source>Delivered by:</source>
        <translation>送达方式：</translation>
    </message>
    <message>
        <source>Signed for by (pickup):</source>
        <translation>签收人（窗口领取）：</translation>
    </message>
    <message>
        <source>Carrier (post):</source>
        <translation>快递公司（邮寄）：</translation>
    </message>
    <message>
        <source>Tracking number (post):</source>
        <translation>运单号（邮寄）：</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>评价：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>意见：</translation>
    </message>
    <message>
        <source>Follow-up result:</source>
        <translation>整改回访结果：</translation>
    </message>
    <message>
        <source>Reason kind:</source>
        <translation>理由类别：</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Competent office:</source>
        <translation>有权受理的机关：</translation>
    </message>
    <message>
        <source>To clerk:</source>
        <translation>督办对象：</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>督办事项：</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD):</source>
        <translation>办结期限（YYYY-MM-DD）：</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · case %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · 办件 %2 · %3</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>办理情况：</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>返回(&amp;G)</translation>
    </message>
    <message>
        <source>Third party consulted (name, contact):</source>
        <translation>征求意见的第三方（名称、联系方式）：</translation>
    </message>
    <message>
        <source>Information asked for:</source>
        <translation>申请公开的信息：</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>答复类型：</translation>
    </message>
    <message>
        <source>Where, how, or why (as the reply says it):</source>
        <translation>答复内容（获取途径、方式或理由）：</translation>
    </message>
    <message>
        <source>Office responsible (not ours):</source>
        <translation>负责公开的机关（非本机关）：</translation>
    </message>
    <message>
        <source>Route under other laws:</source>
        <translation>依其他法律法规办理的途径：</translation>
    </message>
    <message>
        <source>Applicant kind:</source>
        <translation>申请人类型：</translation>
    </message>
    <message>
        <source>Third party&apos;s opinion weighed:</source>
        <translation>对第三方意见的处理：</translation>
    </message>
    <message>
        <source>Charged:</source>
        <translation>计费方式：</translation>
    </message>
    <message>
        <source>Items (by count) or pages (by volume):</source>
        <translation>件数（按件）或页数（按量）：</translation>
    </message>
    <message>
        <source>Applicant&apos;s earlier applications this month:</source>
        <translation>申请人本月此前申请件数：</translation>
    </message>
    <message>
        <source>Receipt number:</source>
        <translation>缴费票据号码：</translation>
    </message>
    <message>
        <source>Opinion:</source>
        <translation>第三方意见：</translation>
    </message>
    <message>
        <source>What it said:</source>
        <translation>意见内容：</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::BoardModel</name>
    <message>
        <source>Red %1 · Yellow %2 · Normal %3</source>
        <translation>红牌 %1 · 黄牌 %2 · 正常 %3</translation>
    </message>
    <message>
        <source>Window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>%1 (held by %2)</source>
        <translation>%1（%2 领办）</translation>
    </message>
    <message>
        <source>%1 (clock paused)</source>
        <translation>%1（计时暂停）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Statutory limit</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <source>Promised limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Notice period</source>
        <translation>告知期限</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
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
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Official calendar for %1, imported from %2. Notice: %3</source>
        <translation>%1 年正式日历，导入自 %2。通知：%3</translation>
    </message>
    <message>
        <source>Provisional (holidays predicted)</source>
        <translation>临时日历（节假日为预测）</translation>
    </message>
    <message>
        <source>%1 is provisional: no State Council holiday notice has been imported for it, so its statutory holidays (and a make-up day for one on a weekend) are predicted from the national holiday regulations and make-up working days are not known yet. Every deadline that reaches into %1 is marked provisional and will be recomputed when the notice is imported.</source>
        <translation>%1 年为临时日历：尚未导入国务院办公厅节假日通知，法定节假日（及适逢周末的补假）按《全国年节及纪念日放假办法》预测，调休上班日尚未公布。凡计算涉及 %1 年的期限均标为“临时”，导入通知后将重新计算。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::CaseClocksModel</name>
    <message>
        <source>provisional calendar</source>
        <translation>临时日历</translation>
    </message>
    <message>
        <source>suspended: days left frozen</source>
        <translation>已中止：剩余天数冻结</translation>
    </message>
    <message>
        <source>%1 working days not counted</source>
        <translation>%1 个工作日不计入</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>届满日</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>%1 days not counted</source>
        <translation>%1 日不计入</translation>
    </message>
    <message>
        <source>limit of %1 calendar days (日)</source>
        <translation>期限 %1 日（自然日）</translation>
    </message>
    <message>
        <source>Days left or overdue</source>
        <translation>剩余/超期</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::CaseRowModel</name>
    <message>
        <source> (held by %1)</source>
        <translation>（%1 领办）</translation>
    </message>
    <message>
        <source> (clock paused)</source>
        <translation>（计时暂停）</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::CaseView</name>
    <message>
        <source>Not recorded</source>
        <translation>未能办理</translation>
    </message>
    <message>
        <source>%1 (80 mm slip)</source>
        <translation>%1（80 毫米小票）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 · %2&lt;/h3&gt;%3 (version %4) · %5 %6 · query code %7</source>
        <translation>&lt;h3&gt;%1 · %2&lt;/h3&gt;%3（第 %4 版）· %5 %6 · 查询码 %7</translation>
    </message>
    <message>
        <source>Not in effect: %1</source>
        <translation>未生效：%1</translation>
    </message>
    <message>
        <source>%1 (&amp;H)</source>
        <translation>%1(&amp;H)</translation>
    </message>
    <message>
        <source>%1 (&amp;L)</source>
        <translation>%1(&amp;L)</translation>
    </message>
    <message>
        <source>Held by this window (%1, %2) since %3: only this window changes the case</source>
        <translation>本窗口（%1，%2）自 %3 起领办：只有本窗口可以办理本件</translation>
    </message>
    <message>
        <source>Held by window %1 (%2) since %3: only that window changes the case; you may take the hold back</source>
        <translation>已由 %1 窗口（%2）自 %3 起领办：只有该窗口可以办理本件；如该窗口无法办理，可收回领办</translation>
    </message>
    <message>
        <source>Held by window %1 (%2) since %3: only that window changes the case</source>
        <translation>已由 %1 窗口（%2）自 %3 起领办：只有该窗口可以办理本件，可请其释放领办或请大厅主管收回领办</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印文书(&amp;P)…</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>central server</source>
        <translation>中心服务器</translation>
    </message>
    <message>
        <source>The deadline explained: %1</source>
        <translation>期限说明：%1</translation>
    </message>
    <message>
        <source>The deadlines of this case could not be computed: %1 Check them by hand and tell the administrator.</source>
        <translation>无法计算本办件的期限：%1 请人工核对期限，并告知管理员。</translation>
    </message>
    <message>
        <source>Open its &amp;matter...</source>
        <translation>打开所属一件事(&amp;M)…</translation>
    </message>
    <message>
        <source>Start a matter &amp;with this case...</source>
        <translation>以本件发起一件事(&amp;W)…</translation>
    </message>
    <message>
        <source>Void: %1. %2</source>
        <translation>作废：%1。%2</translation>
    </message>
    <message>
        <source>Time in doubt: %1 (recorded %2, received by the hall server %3)</source>
        <translation>时间存疑：%1（记录时间 %2，大厅服务器收到时间 %3）</translation>
    </message>
    <message>
        <source>Record an in&amp;quiry...</source>
        <translation>登记咨询(&amp;Q)…</translation>
    </message>
    <message>
        <source>Inquiry about %1</source>
        <translation>就 %1 登记咨询</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::CatalogActions</name>
    <message>
        <source>Import &amp;catalog...</source>
        <translation>导入事项目录(&amp;C)…</translation>
    </message>
    <message>
        <source>Import a service catalog</source>
        <translation>导入事项目录</translation>
    </message>
    <message>
        <source>Catalog files (*.json);;All files (*)</source>
        <translation>事项目录文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>导入事项目录</translation>
    </message>
    <message>
        <source>E&amp;xport catalog...</source>
        <translation>导出事项目录(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the service catalog</source>
        <translation>导出事项目录</translation>
    </message>
    <message>
        <source>Catalog files (*.json)</source>
        <translation>事项目录文件 (*.json)</translation>
    </message>
    <message>
        <source>Export catalog</source>
        <translation>导出事项目录</translation>
    </message>
    <message>
        <source>Load the &amp;demo catalog</source>
        <translation>加载演示事项目录(&amp;D)</translation>
    </message>
    <message>
        <source>Demo catalog</source>
        <translation>演示事项目录</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>导入自 %1</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 changed (new versions), %4 unchanged.</source>
        <translation>已导入 %1：新增 %2 项，更新 %3 项（各生成新版本），未变 %4 项。</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Exported %1 items to %2.</source>
        <translation>已导出 %1 个事项到 %2。</translation>
    </message>
    <message>
        <source>The demo catalog is missing from this build.</source>
        <translation>本程序未包含演示事项目录。</translation>
    </message>
    <message>
        <source>Demo catalog: %1 new, %2 changed, %3 unchanged.</source>
        <translation>演示事项目录：新增 %1 项，更新 %2 项，未变 %3 项。</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was stored; the catalog is unchanged. %n problem(s) found:</source>
        <translation>
            <numerusform>未保存任何内容，事项目录未改动。发现 %n 处问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>Matters: %1 new, %2 changed, %3 unchanged.</source>
        <translation>一件事：新增 %1 件，更新 %2 件，未变 %3 件。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::CatalogModel</name>
    <message>
        <source>%1
Implementation code: %2
Office: %3</source>
        <translation>%1
实施编码：%2
实施主体：%3</translation>
    </message>
    <message>
        <source>Same day</source>
        <translation>即办</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Promised limit</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::CatalogPage</name>
    <message>
        <source>Name, code or pinyin initials (e.g. bdc), then Down</source>
        <translation>输入事项名称、编码或拼音首字母（如 bdc），按↓选择</translation>
    </message>
    <message>
        <source>&amp;New item</source>
        <translation>新建事项(&amp;N)</translation>
    </message>
    <message>
        <source>Create a service item (Ctrl+N)</source>
        <translation>新建服务事项（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit item</source>
        <translation>编辑事项(&amp;E)</translation>
    </message>
    <message>
        <source>Edit the selected item; saving makes a new version (Ctrl+E)</source>
        <translation>编辑所选事项，保存后生成新版本（Ctrl+E）</translation>
    </message>
    <message>
        <source>&lt;p&gt;The catalog is empty. Import a catalog file (File menu, Ctrl+Shift+I) or load the demo catalog.&lt;/p&gt;</source>
        <translation>&lt;p&gt;事项目录为空。请导入事项目录文件（文件菜单，Ctrl+Shift+I）或加载演示事项目录。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 of %2 items</source>
        <translation>共 %2 项，显示 %1 项</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::ClockExplanationDialog</name>
    <message>
        <source>%1 (deadline %2)</source>
        <translation>%1（届满日 %2）</translation>
    </message>
    <message>
        <source>This case has no clock running yet.</source>
        <translation>本件尚无开始计算的时限。</translation>
    </message>
    <message>
        <source>Counted %1 working days, skipped %2 days; deadline %3 (%4).</source>
        <translation>计入 %1 个工作日，不计 %2 天；届满日 %3（%4）。</translation>
    </message>
    <message>
        <source>Due the day the clock starts, %1: no day is counted.</source>
        <translation>起算当日即届满（%1）：不计任何一天。</translation>
    </message>
    <message>
        <source>Counting starts the day after %1: a limit of %2 working days, an extension of %3, and %4 suspended working days not counted.</source>
        <translation>自 %1 次日起算：时限 %2 个工作日，延期 %3 个工作日，中止期间 %4 个工作日不计入。</translation>
    </message>
    <message>
        <source> Done on %1.</source>
        <translation>已于 %1 完成。</translation>
    </message>
    <message>
        <source>Counted %1 calendar days (日), skipped %2 days; deadline %3 (%4).</source>
        <translation>计入 %1 日（自然日），不计 %2 日；期限届满日 %3（%4）。</translation>
    </message>
    <message>
        <source>Counting starts the day after %1: a limit of %2 calendar days (日), every day counted, weekends and holidays included; an extension of %3, and %4 suspended days not counted.</source>
        <translation>自 %1 的次日起算：期限 %2 日（自然日），逐日计算，含周末和节假日；延期 %3 日，中止的 %4 日不计入。</translation>
    </message>
    <message>
        <source> The period&apos;s last day, %1, is a day off (%2), so it ends on the next working day, %3 (民法典 Art. 203).</source>
        <translation>期间最后一日 %1 为休息日（%2），以其后的第一个工作日 %3 为期间的最后一日（民法典第二百零三条）。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::DeadlinePage</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Counting starts the day after %1: %2 working days counted, %3 days skipped.</source>
        <translation>自 %1 次日起算：计 %2 个工作日，不计 %3 天。</translation>
    </message>
    <message>
        <source>Provisional: the count reaches a year whose State Council holiday notice has not been imported; its statutory holidays were predicted and no make-up working day is known yet.</source>
        <translation>临时结果：计算涉及尚未导入国务院办公厅节假日通知的年份，该年的法定节假日为预测，调休上班日尚未公布。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::DisclosureAnnualPanel</name>
    <message>
        <source>Report &amp;year</source>
        <translation>报告年度(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;ount</source>
        <translation>统计(&amp;O)</translation>
    </message>
    <message>
        <source>Export &amp;CSV...</source>
        <translation>导出 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX...</source>
        <translation>导出 XLSX(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Print table...</source>
        <translation>打印表格(&amp;P)…</translation>
    </message>
    <message>
        <source>Counting the disclosure applications of %1...</source>
        <translation>正在统计 %1 年的政府信息公开申请…</translation>
    </message>
    <message>
        <source>The table could not be counted. Press F5 to try again.</source>
        <translation>未能统计该表，请按 F5 重试。</translation>
    </message>
    <message>
        <source>%1: table 3 of the annual report on government information disclosure (applications received and processed), counted from the case records.</source>
        <translation>%1：政府信息公开工作年度报告表三（收到和处理政府信息公开申请情况），依办件记录统计。</translation>
    </message>
    <message>
        <source>Count the table first (Enter or F5), then export it.</source>
        <translation>请先统计该表（按回车键或 F5），再导出。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .csv or .xlsx.</source>
        <translation>请选择以 .csv 或 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Count the table first (Enter or F5), then print it.</source>
        <translation>请先统计该表（按回车键或 F5），再打印。</translation>
    </message>
    <message>
        <source>Export the disclosure table</source>
        <translation>导出政府信息公开年报表</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Disclosure table %1</source>
        <translation>%1 年政府信息公开年报表三</translation>
    </message>
    <message>
        <source>Print table</source>
        <translation>打印表格</translation>
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
    <message>
        <source>Working day %1 (extension)</source>
        <translation>第 %1 个工作日（延期）</translation>
    </message>
    <message>
        <source>%1, suspended: not counted</source>
        <translation>%1，中止期间不计</translation>
    </message>
    <message>
        <source>Not counted: the period ends on the next working day</source>
        <translation>不计：期间顺延至下一个工作日</translation>
    </message>
    <message>
        <source>Day %1 (extension)</source>
        <translation>第 %1 日（延期）</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>第 %1 日</translation>
    </message>
    <message>
        <source>%1; the last day of the period was a day off (民法典 Art. 203)</source>
        <translation>%1；期间最后一日为休息日，顺延（民法典第二百零三条）</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::FigureTableModel</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Service item</source>
        <translation>服务事项</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>One-time notices</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>of which repeats</source>
        <translation>其中重复告知</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Within promised limit</source>
        <translation>承诺时限内办结</translation>
    </message>
    <message>
        <source>Within statutory limit</source>
        <translation>法定时限内办结</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时办结率</translation>
    </message>
    <message>
        <source>Avg. working days</source>
        <translation>平均办理工作日</translation>
    </message>
    <message>
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>非常满意</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Basically satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <source>Satisfaction rate</source>
        <translation>满意率</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::FiguresPage</name>
    <message>
        <source>&amp;Business figures</source>
        <translation>办件统计(&amp;B)</translation>
    </message>
    <message>
        <source>A&amp;nnual disclosure table</source>
        <translation>政府信息公开年报表(&amp;N)</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>By quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>按年</translation>
    </message>
    <message>
        <source>Whole hall</source>
        <translation>全大厅</translation>
    </message>
    <message>
        <source>By window</source>
        <translation>按窗口</translation>
    </message>
    <message>
        <source>By clerk</source>
        <translation>按经办人</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>By service item</source>
        <translation>按事项</translation>
    </message>
    <message>
        <source>C&amp;ount</source>
        <translation>统计(&amp;O)</translation>
    </message>
    <message>
        <source>Export &amp;CSV...</source>
        <translation>导出 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;XLSX...</source>
        <translation>导出 XLSX(&amp;X)…</translation>
    </message>
    <message>
        <source>Export case &amp;list...</source>
        <translation>导出办件清单(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Print report...</source>
        <translation>打印报表(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止(&amp;T)</translation>
    </message>
    <message>
        <source>P&amp;eriods</source>
        <translation>周期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>分组(&amp;Z)</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>按时办结率（%）</translation>
    </message>
    <message>
        <source>Cases received by department</source>
        <translation>各部门收件量</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>%1 to %2: %3 received, %4 decided, on-time rate %5, satisfaction %6; %7 cases overdue in the hall today.</source>
        <translation>%1 至 %2：收件 %3 件，办结 %4 件，按时办结率 %5，满意率 %6；今日全大厅超期 %7 件。</translation>
    </message>
    <message>
        <source>The range touches a year without an official holiday notice: its working days are provisional.</source>
        <translation>所选期间涉及尚未公布节假日安排的年份：其工作日为临时推算。</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Ratings (satisfaction %1)</source>
        <translation>评价（满意率 %1）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Choose a file name ending in .csv or .xlsx.</source>
        <translation>请选择以 .csv 或 .xlsx 结尾的文件名。</translation>
    </message>
    <message>
        <source>Exporting the figures...</source>
        <translation>正在导出统计数据…</translation>
    </message>
    <message>
        <source>Exporting %1 cases...</source>
        <translation>正在导出 %1 件办件…</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>办件清单</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>统计数据</translation>
    </message>
    <message>
        <source>Export the case list</source>
        <translation>导出办件清单</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>导出统计数据</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <source>Counting the figures...</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>The figures could not be counted. Press F5 to try again.</source>
        <translation>未能完成统计，请按 F5 重试。</translation>
    </message>
    <message>
        <source>An export is still running: wait for it to finish or cancel it.</source>
        <translation>仍有一项导出正在进行：请等待其完成，或先取消。</translation>
    </message>
    <message>
        <source>The export stopped unexpectedly. Try again; if it happens again, ask the administrator to check the log.</source>
        <translation>导出意外中止。请重试；如再次发生，请管理员查看日志。</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>已取消导出，未写入 %1。</translation>
    </message>
    <message>
        <source>Note: where Accepted exceeds Received, cases received before the period were accepted in it (each figure counts on its own day).</source>
        <translation>注：某行受理数大于收件数，是因为有办件在本期之前收件、在本期受理（各项数字按其发生日计入所在期间）。</translation>
    </message>
    <message>
        <source>Cases received by department (top %1 of %2; the table has all)</source>
        <translation>各部门收件数（共 %2 个部门，图中为前 %1 个，表格列出全部）</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::HallHitModel</name>
    <message>
        <source>Held here</source>
        <translation>本机已有</translation>
    </message>
    <message>
        <source>At the hall: Enter takes it in</source>
        <translation>在大厅（Enter 取回本机）</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::HallSearchPanel</name>
    <message>
        <source>Take into this workstation and open (Enter)</source>
        <translation>取回本机并打开（Enter）</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>打开（Enter）</translation>
    </message>
    <message>
        <source>At the hall&apos;s server (%1)</source>
        <translation>大厅服务器（%1）的查找结果</translation>
    </message>
    <message>
        <source>Searching the hall&apos;s server (%1) for “%2”…</source>
        <translation>正在大厅服务器（%1）查找“%2”……</translation>
    </message>
    <message>
        <source>Taking case %1 from the hall&apos;s server (%2) into this workstation…</source>
        <translation>正在从大厅服务器（%2）取回办件 %1……</translation>
    </message>
    <message>
        <source>Case %1 was taken into this workstation from the hall&apos;s server; from now on it syncs like any other case.</source>
        <translation>已从大厅服务器取回办件 %1，存入本机；此后与其他办件一样同步。</translation>
    </message>
    <message>
        <source>The hall&apos;s server has no case for “%1” either: it looks for a whole case number, or an applicant&apos;s exact ID number, phone or full name.</source>
        <translation>大厅服务器也没有与“%1”相符的办件：大厅按完整的办件编号，或申请人准确的证件号码、电话、姓名查找。</translation>
    </message>
    <message numerus="yes">
        <source>Found %n case(s) for “%1” at the hall, %2 of them held here. Choose one and press Enter: a case held here opens, one at the hall is taken into this workstation first.</source>
        <translation>
            <numerusform>大厅找到与“%1”相符的办件 %n 件，其中本机已有 %2 件。选中一件按 Enter：本机已有的直接打开，在大厅的先取回本机再打开。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onewindow::ui::InquiryModel</name>
    <message>
        <source>Implementation code: %1</source>
        <translation>实施编码：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>咨询人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>咨询问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>引导至</translation>
    </message>
    <message>
        <source>%1 (corrected %2)</source>
        <translation>%1（%2 修改）</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <source>%1 (case %2)</source>
        <translation>%1（办件 %2）</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::InquiryPage</name>
    <message>
        <source>Name, or how to address them (e.g. Ms Wang)</source>
        <translation>姓名或称呼（如：王女士）</translation>
    </message>
    <message>
        <source>Optional: mobile, or landline with area code</source>
        <translation>选填：手机号，或带区号的固定电话</translation>
    </message>
    <message>
        <source>Name, code or pinyin initials; Down and Enter pick an item, or keep your own words</source>
        <translation>事项名称、编码或拼音首字母；↓ 和回车选择事项，也可保留自填内容</translation>
    </message>
    <message>
        <source>Department, window or person the asker was sent to (leave empty if answered here)</source>
        <translation>引导咨询人前往的部门、窗口或人员（当场答复的留空）</translation>
    </message>
    <message>
        <source>&amp;Record (Ctrl+Enter)</source>
        <translation>登记(&amp;R)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Asked by:</source>
        <translation>咨询人(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>联系电话(&amp;P)：</translation>
    </message>
    <message>
        <source>I&amp;tem:</source>
        <translation>事项(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>咨询问题(&amp;K)：</translation>
    </message>
    <message>
        <source>A&amp;nswer:</source>
        <translation>答复(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;ferred to:</source>
        <translation>引导至(&amp;Z)：</translation>
    </message>
    <message numerus="yes">
        <source>Today at window %1: %n inquiry(ies)</source>
        <translation>
            <numerusform>%1 号窗口今日咨询：%n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a catalog item yet: Enter picks the highlighted item, Tab keeps these words.</source>
        <translation>尚未对应目录事项：回车选择高亮事项，Tab 保留所填文字。</translation>
    </message>
    <message>
        <source>Catalog item: %1 (%2)</source>
        <translation>目录事项：%1（%2）</translation>
    </message>
    <message>
        <source>Inquiry from %1 recorded.</source>
        <translation>已登记 %1 的咨询。</translation>
    </message>
    <message>
        <source>Cancel the correction (Esc)</source>
        <translation>取消修改（Esc）</translation>
    </message>
    <message>
        <source>First inquiry: whoever is asked first answers or refers the asker, and logs it even when no case is opened. Enter on one of today&apos;s inquiries below corrects it.</source>
        <translation>首问负责：首位被咨询的工作人员负责答复或引导，即使不立案也须登记。在下方今日的登记上按回车可修改。</translation>
    </message>
    <message>
        <source>Inquiry from %1 corrected.</source>
        <translation>已修改 %1 的咨询登记。</translation>
    </message>
    <message>
        <source>&amp;Save the correction (Ctrl+Enter)</source>
        <translation>保存修改(&amp;S)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Correcting the inquiry from %1 asked at %2.</source>
        <translation>正在修改 %1 于 %2 的咨询登记。</translation>
    </message>
    <message>
        <source>The service catalog could not be read: %1 Record the inquiry without an item, or call the administrator.</source>
        <translation>无法读取事项目录：%1 可先不选事项登记咨询，或联系管理员。</translation>
    </message>
    <message>
        <source>Optional: when the question is about a case, its number or 6-digit query code (it then goes into the case&apos;s record)</source>
        <translation>选填：咨询与某件办件有关时，填写办件编号或 6 位查询码（咨询将同时记入该办件的全过程记录）</translation>
    </message>
    <message>
        <source>&amp;Case asked about:</source>
        <translation>所问办件(&amp;B)：</translation>
    </message>
    <message>
        <source>Sign in before recording an inquiry.</source>
        <translation>请先登录再登记咨询。</translation>
    </message>
    <message>
        <source>Inquiry from %1 recorded, and in the record of case %2.</source>
        <translation>已登记 %1 的咨询，并已记入办件 %2 的全过程记录。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::IntakeDialog</name>
    <message>
        <source>Name, code or pinyin initials (e.g. bdc)</source>
        <translation>事项名称、编码或拼音首字母（如 bdc）</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What is wrong / what would satisfy it</source>
        <translation>问题及补正要求</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>No licence is needed</source>
        <translation>依法不需要取得行政许可</translation>
    </message>
    <message>
        <source>Not within this office&apos;s competence</source>
        <translation>不属于本机关职权范围</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>&amp;Record (Enter)</source>
        <translation>确认办理（回车）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next (Enter) &gt;</source>
        <translation>下一步（回车）(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Say what is wrong with %1.</source>
        <translation>请写明“%1”存在的问题。</translation>
    </message>
    <message>
        <source>Copy from an &amp;earlier case (%1, %2)</source>
        <translation>复制历史办件（%1，%2）(&amp;E)</translation>
    </message>
    <message>
        <source>%1: %2; required: %3</source>
        <translation>%1：%2；要求：%3</translation>
    </message>
    <message>
        <source>Give the reason for the refusal (Administrative Licensing Law, Art. 38).</source>
        <translation>请写明不予受理的理由（《行政许可法》第三十八条）。</translation>
    </message>
    <message>
        <source>Name the competent office (Administrative Licensing Law, Art. 32).</source>
        <translation>请告知有权受理的行政机关（《行政许可法》第三十二条）。</translation>
    </message>
    <message>
        <source>Choose the decision.</source>
        <translation>请选择办理决定。</translation>
    </message>
    <message>
        <source>Cancel this intake?</source>
        <translation>放弃本次收件？</translation>
    </message>
    <message>
        <source>What was entered for %1 will be cleared.</source>
        <translation>为 %1 录入的内容将被清除。</translation>
    </message>
    <message>
        <source>The unfinished intake of %1 cannot be continued: the item is no longer in the catalog. Start the intake again.</source>
        <translation>%1 未完成的收件无法继续：该事项已不在目录中。请重新收件。</translation>
    </message>
    <message>
        <source>Continue the intake you did not finish?</source>
        <translation>继续上次未完成的收件吗？</translation>
    </message>
    <message>
        <source>%1
Last saved %2 %3.</source>
        <translation>%1
最后保存于 %2 %3。</translation>
    </message>
    <message>
        <source>The service catalog could not be read: %1 Close this window and try again; if it happens again, call the administrator.</source>
        <translation>无法读取事项目录：%1 请关闭此窗口后重试；如再次发生，请联系管理员。</translation>
    </message>
    <message>
        <source>the item</source>
        <translation>选择事项</translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>channel and receipt day</source>
        <translation>提交方式与收到申请之日</translation>
    </message>
    <message>
        <source>the materials</source>
        <translation>核验材料</translation>
    </message>
    <message>
        <source>the decision</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步（共 %2 步）：%3</translation>
    </message>
    <message>
        <source>Choose the item first: type its name, code or pinyin initials.</source>
        <translation>请先选择事项：输入名称、编码或拼音首字母。</translation>
    </message>
    <message>
        <source>%1 is %2 characters; the refusal letter has room for %3.</source>
        <translation>%1为 %2 个字，不予受理决定书上最多容纳 %3 个字。</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>The office&apos;s name</source>
        <translation>有权机关名称</translation>
    </message>
    <message>
        <source>Nothing was recorded: %1</source>
        <translation>未登记任何内容：%1</translation>
    </message>
    <message>
        <source>What is written for %1 is %2 characters; the notice has room for %3.</source>
        <translation>“%1”填写的说明为 %2 个字，告知书上最多容纳 %3 个字。</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) not checked yet: %1. Mark each with Space, or press F9 when you have looked at all of them.</source>
        <translation>
            <numerusform>%n 项材料尚未核验：%1。请逐项用空格键标记，全部看过后也可按 F9。</numerusform>
        </translation>
    </message>
    <message>
        <source>Case %1 has this number under the name %2, not %3: check the ID card.</source>
        <translation>办件 %1 中该证件号码登记的姓名为“%2”，不是“%3”，请核对身份证件。</translation>
    </message>
    <message>
        <source>Province, city, street, house number, postcode</source>
        <translation>省、市、街道、门牌号、邮政编码</translation>
    </message>
    <message>
        <source>Result &amp;delivery:</source>
        <translation>结果送达方式(&amp;V)：</translation>
    </message>
    <message>
        <source>Postal &amp;address:</source>
        <translation>邮寄地址(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::ItemEditorDialog</name>
    <message>
        <source>Default (20 % of the limit)</source>
        <translation>默认（时限的 20%）</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Saved (UTC)</source>
        <translation>保存时间（UTC）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>修改原因</translation>
    </message>
    <message>
        <source>New service item</source>
        <translation>新建服务事项</translation>
    </message>
    <message>
        <source>Edit %1 (version %2)</source>
        <translation>编辑 %1（第 %2 版）</translation>
    </message>
    <message>
        <source>Say why the item changes: the reason is kept with the new version.</source>
        <translation>请填写修改原因：修改原因随新版本保存。</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建事项</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>working days (工作日)</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>calendar days (日)</source>
        <translation>日（自然日）</translation>
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
    <message>
        <source>Service &amp;items</source>
        <translation>事项目录(&amp;I)</translation>
    </message>
    <message>
        <source>%1 - %2, window %3</source>
        <translation>%1 - %2，%3 窗口</translation>
    </message>
    <message>
        <source>%1 (%2) at window %3 · store %4</source>
        <translation>%1（%2）· %3 窗口 · 数据文件 %4</translation>
    </message>
    <message>
        <source>%1 - %2, back office %3</source>
        <translation>%1 - %2，%3 后台</translation>
    </message>
    <message>
        <source>%1 (deciding for %2) at back-office station %3 · store %4</source>
        <translation>%1（%2）· %3 后台工作站 · 数据文件 %4</translation>
    </message>
    <message>
        <source>Case %1 recorded.</source>
        <translation>办件 %1 已办理。</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>办件(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Intake...</source>
        <translation>收件受理(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;My cases</source>
        <translation>我的办件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;My department&apos;s cases</source>
        <translation>本科室待办(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) reached the end of a statutory period and were recorded as the law says.</source>
        <translation>
            <numerusform>%n 件办件法定期限届满，已依法记录（视为受理或逾期未补正）。</numerusform>
        </translation>
    </message>
    <message>
        <source>First in&amp;quiries</source>
        <translation>首问登记(&amp;Q)</translation>
    </message>
    <message>
        <source>Hall s&amp;upervision</source>
        <translation>大厅督办(&amp;U)</translation>
    </message>
    <message>
        <source>Fi&amp;gures</source>
        <translation>统计分析(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>系统管理(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Users...</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <source>The hall&apos;s configuration has problems; documents are printed with the defaults for them. Ask the administrator to correct hall.json: %1</source>
        <translation>本大厅的配置有误，相关内容已按默认值打印。请管理员更正 hall.json：%1</translation>
    </message>
    <message>
        <source>&amp;Find case...</source>
        <translation>查找办件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user...</source>
        <translation>注销/切换用户(&amp;O)…</translation>
    </message>
    <message>
        <source>the open window “%1”</source>
        <translation>打开的窗口“%1”</translation>
    </message>
    <message>
        <source>a first inquiry typed but not recorded</source>
        <translation>已填写未登记的首问登记</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Not saved: %1. An intake is kept as a draft; anything else typed is lost.</source>
        <translation>尚未保存：%1。正在进行的收件会保留为草稿，其他已填写的内容将丢失。</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>返回(&amp;G)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>%1 took over this window; the session of %2 was closed (an intake in progress is kept as their draft).</source>
        <translation>%1 已接管本窗口；%2 的会话已关闭（未完成的收件已保留为其草稿）。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>the hall&apos;s name and seal image</source>
        <translation>大厅名称和印章图片</translation>
    </message>
    <message>
        <source>the hall&apos;s name</source>
        <translation>大厅名称</translation>
    </message>
    <message>
        <source>the seal image</source>
        <translation>印章图片</translation>
    </message>
    <message>
        <source>Documents are printed without %1</source>
        <translation>文书打印时缺少%1</translation>
    </message>
    <message>
        <source>Documents are printed without %1: ask the administrator to set them in hall.json (%2).</source>
        <translation>文书打印时缺少%1：请管理员在 hall.json（%2）中配置。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;About OneWindow...</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <source>Matter %1 recorded: %2.</source>
        <translation>一件事 %1 已办理：%2。</translation>
    </message>
    <message>
        <source>&amp;Matter intake (一件事)...</source>
        <translation>一件事一次办收件(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Open matter...</source>
        <translation>打开一件事(&amp;O)…</translation>
    </message>
    <message>
        <source>Open matter</source>
        <translation>打开一件事</translation>
    </message>
    <message>
        <source>Matter number (e.g. 620102-20261206-W07-0042-J):</source>
        <translation>一件事编号（如 620102-20261206-W07-0042-J）：</translation>
    </message>
    <message>
        <source>Ready for pick-up</source>
        <translation>待出件</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::MaterialCheckModel</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Problem / due</source>
        <translation>问题 / 补交期限</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::MatterBoard</name>
    <message>
        <source>Matter number</source>
        <translation>一件事编号</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Parts finished</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Matter due</source>
        <translation>一件事到期日</translation>
    </message>
    <message>
        <source>Matter&apos;s clock</source>
        <translation>一件事时限</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Open matters: %1 · overdue (red): %2 · due soon (yellow): %3</source>
        <translation>在办一件事 %1 件 · 已超期（红牌）%2 件 · 临近到期（黄牌）%3 件</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::MatterFiguresTable</name>
    <message>
        <source>Matters (一件事)</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Hall total</source>
        <translation>全厅合计</translation>
    </message>
    <message>
        <source>Matter: %1</source>
        <translation>一件事：%1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>部门：%1</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::MatterIntakeDialog</name>
    <message>
        <source>Matter intake (one application for a whole matter)</source>
        <translation>一件事一次办收件</translation>
    </message>
    <message>
        <source>Enter: next · Esc: back</source>
        <translation>回车：下一步 · Esc：上一步</translation>
    </message>
    <message>
        <source>1 Matter</source>
        <translation>1 选择一件事</translation>
    </message>
    <message>
        <source>Matter name, code or pinyin initials</source>
        <translation>一件事名称、编码或拼音首字母</translation>
    </message>
    <message>
        <source>2 Questions</source>
        <translation>2 情形选择</translation>
    </message>
    <message>
        <source>3 Applicant</source>
        <translation>3 申请人</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>身份证号码(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>手机号码(&amp;H)：</translation>
    </message>
    <message>
        <source>4 Materials (each paper once)</source>
        <translation>4 材料核验（共用材料只交一次）</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>所需事项</translation>
    </message>
    <message>
        <source>Space: next state · F8: take a held paper again · F9: mark the rows still unchecked handed in</source>
        <translation>空格：切换状态 · F8：已收取的材料重新收取 · F9：其余未核验材料标为已提交</translation>
    </message>
    <message>
        <source>5 Decision per item</source>
        <translation>5 逐项决定</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺少或不符合要求的材料</translation>
    </message>
    <message>
        <source>Reason of a refusal (行政许可法 Art. 38)</source>
        <translation>不予受理的理由（《行政许可法》第三十八条）</translation>
    </message>
    <message>
        <source>Space: accept / one-time notice / refuse · Enter: record all</source>
        <translation>空格：受理 / 一次性告知 / 不予受理 · 回车：全部办理</translation>
    </message>
    <message>
        <source>%1 (%2, promised within %3 working days)</source>
        <translation>%1（%2，承诺 %3 个工作日内办结）</translation>
    </message>
    <message>
        <source>No matter matches; type part of its name, its code or its initials.</source>
        <translation>没有相符的一件事，请输入名称的一部分、编码或拼音首字母。</translation>
    </message>
    <message>
        <source>Items to apply for (%1): %2</source>
        <translation>将办理的事项（%1 项）：%2</translation>
    </message>
    <message>
        <source>Applicant: %1</source>
        <translation>申请人：%1</translation>
    </message>
    <message>
        <source>Under these answers no item of the matter applies.</source>
        <translation>按所选情形，该一件事没有需要办理的事项。</translation>
    </message>
    <message>
        <source>Check “%1” first (Space, or F9 once the papers are looked at).</source>
        <translation>请先核验“%1”（按空格键，或全部看过后按 F9）。</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>A refusal states its reason (行政许可法 Art. 38): fill in the reason.</source>
        <translation>不予受理应当说明理由（《行政许可法》第三十八条），请填写理由。</translation>
    </message>
    <message>
        <source>Nothing was recorded: %1</source>
        <translation>未登记任何内容：%1</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>一件事</translation>
    </message>
    <message>
        <source>Matter intake started from case %1</source>
        <translation>以办件 %1 发起一件事</translation>
    </message>
    <message>
        <source>Counted as a part: case %1</source>
        <translation>已计为本一件事的办件：%1</translation>
    </message>
    <message>
        <source>Under these answers the item of case %1 is not part of this matter.</source>
        <translation>按所答情形，办件 %1 的事项不属于该一件事，请核对所选一件事或情形。</translation>
    </message>
    <message>
        <source>Held by case %1 (not asked again)</source>
        <translation>已由办件 %1 收取（不再提交）</translation>
    </message>
    <message>
        <source>%1 (taken again; case %2 held it)</source>
        <translation>%1（重新收取；办件 %2 已收取）</translation>
    </message>
    <message>
        <source>Why the held paper is taken again (e.g. the ID card expired); Enter: back to the list</source>
        <translation>重新收取的原因（如身份证已过期）；回车：回到材料清单</translation>
    </message>
    <message>
        <source>Say why “%1” is taken again though case %2 holds it (e.g. the ID card expired).</source>
        <translation>“%1”已由办件 %2 收取，重新收取须写明原因（如身份证已过期）。</translation>
    </message>
    <message>
        <source>The unfinished matter intake of %1 cannot be continued: %2 Start the intake again.</source>
        <translation>未完成的一件事收件（%1）无法继续：%2请重新收件。</translation>
    </message>
    <message>
        <source>the matter is no longer in the catalog.</source>
        <translation>该一件事已不在事项目录中。</translation>
    </message>
    <message>
        <source>Continue the matter intake you did not finish?
%1
Last saved %2 %3.</source>
        <translation>是否继续上次未完成的一件事收件？
%1
最后保存于 %2 %3。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::MatterView</name>
    <message>
        <source>Matter %1</source>
        <translation>一件事 %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>本次</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <source>Statutory</source>
        <translation>法定时限</translation>
    </message>
    <message>
        <source>Enter: open the part · Space: the applicant asks for it now</source>
        <translation>回车：打开办件 · 空格：标记申请人要求本次领取</translation>
    </message>
    <message>
        <source>&amp;Forward to its department...</source>
        <translation>移交所属部门(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Hand out the whole matter...</source>
        <translation>整件一次出件(&amp;H)…</translation>
    </message>
    <message>
        <source>Hand out the &amp;chosen parts...</source>
        <translation>部分出件(&amp;C)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>done on %1</source>
        <translation>已于 %1 办结</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 · %2&lt;/h3&gt;%3 %4 · %5 of %6 parts finished&lt;br&gt;The matter&apos;s promise: %7 working days from %8, due %9 · %10</source>
        <translation>&lt;h3&gt;%1 · %2&lt;/h3&gt;%3 %4 · 已办结 %5/%6 项&lt;br&gt;一件事承诺时限：自 %8 起 %7 个工作日，%9 到期 · %10</translation>
    </message>
    <message>
        <source>%1, forwarded to %2</source>
        <translation>%1，已移交%2</translation>
    </message>
    <message>
        <source>Mark the parts the applicant asks for with Space first.</source>
        <translation>请先用空格键标出申请人要求本次领取的办件。</translation>
    </message>
    <message>
        <source>Partial hand-out of %1</source>
        <translation>%1 部分出件</translation>
    </message>
    <message>
        <source>Hand-out of %1</source>
        <translation>%1 一次出件</translation>
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
    <message>
        <source>%1 (predicted)</source>
        <translation>%1（预测）</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::QueuePage</name>
    <message>
        <source>Case number, query code, name, ID number or phone; Enter searches (a scanner works too), Esc returns</source>
        <translation>办件编号、查询码、姓名、身份证号或手机号，回车检索（可用扫码枪），Esc 返回</translation>
    </message>
    <message>
        <source>My open cases: %1 · red %2 · yellow %3 · waiting for correction %4</source>
        <translation>我的在办件：%1 件 · 红牌 %2 · 黄牌 %3 · 待补正 %4</translation>
    </message>
    <message>
        <source>%1: %2 forwarded case(s) to decide · red %3 · yellow %4</source>
        <translation>%1：移交来的待审批办件 %2 件 · 红牌 %3 · 黄牌 %4</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found for “%1”; Esc returns to my queue</source>
        <translation>
            <numerusform>“%1”查到 %n 件；按 Esc 返回我的办件</numerusform>
        </translation>
    </message>
    <message>
        <source>Search the hall&apos;s server (Ctrl+Enter)</source>
        <translation>在大厅服务器查找（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Type a case number, or an applicant&apos;s ID number, phone or name, then press Ctrl+Enter to search the hall&apos;s server.</source>
        <translation>请先输入办件编号，或申请人的证件号码、电话、姓名，再按 Ctrl+Enter 在大厅服务器查找。</translation>
    </message>
    <message>
        <source>No case here for “%1”: press Enter again (or Ctrl+Enter) to search the hall&apos;s server (%2) for older ones; Esc returns to my queue.</source>
        <translation>本机没有与“%1”相符的办件：再按 Enter（或 Ctrl+Enter）到大厅服务器（%2）查找较早的办件；按 Esc 返回我的办件。</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) found here for “%1”; Ctrl+Enter also searches the hall&apos;s server for older ones; Esc returns to my queue</source>
        <translation>
            <numerusform>本机查到与“%1”相符的办件 %n 件；按 Ctrl+Enter 另到大厅服务器查找较早的办件；按 Esc 返回我的办件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onewindow::ui::ReadyPage</name>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result back at</source>
        <translation>结果办结时间</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) ready for pick-up, the longest waiting first</source>
        <translation>
            <numerusform>待出件 %n 件，等候最久的在前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>onewindow::ui::RecallCloseDialog</name>
    <message>
        <source>Close the recall: %1</source>
        <translation>追回办结：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;br&gt;Case %3. The act it was printed under did not take effect, so the document is void and the paper handed out is to be recalled.</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt;&lt;br&gt;办件 %3。所依据的记录未生效，本文书作废，已发出的须追回。</translation>
    </message>
    <message>
        <source>Required when not recoverable: why, and what was done instead (e.g. the applicant refused; told in writing that it is void)</source>
        <translation>无法追回时必填：原因及已采取的措施（如：申请人拒绝交回，已书面告知作废）</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>追回结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>说明(&amp;N)：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::SetupDialog</name>
    <message>
        <source>Enter the administrator&apos;s full name.</source>
        <translation>请填写管理员姓名。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Set up a &amp;standalone hall</source>
        <translation>建立独立大厅（不连接服务器）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Join a hall&apos;s server</source>
        <translation>加入大厅服务器(&amp;J)</translation>
    </message>
    <message>
        <source>The hall&apos;s server</source>
        <translation>大厅服务器</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Enrolment co&amp;de:</source>
        <translation>登记码(&amp;D)：</translation>
    </message>
    <message>
        <source>The administrator of the hall&apos;s server gives this window its enrolment code. The hall&apos;s settings, users, catalog and calendars come from the server.</source>
        <translation>登记码由大厅服务器的管理员发给本窗口。大厅的设置、用户、事项目录和节假日日历均从服务器下载。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address and the enrolment code.</source>
        <translation>请填写服务器地址和登记码。</translation>
    </message>
    <message>
        <source>This window is enrolled; the hall&apos;s data has not been downloaded yet. Press OK to try again.</source>
        <translation>本窗口已登记，但尚未下载大厅的数据；请检查网络后按“确定”重试。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::SignInDialog</name>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>Locked. %1, enter your password to go on.</source>
        <translation>已锁定。%1，请输入密码继续工作。</translation>
    </message>
    <message>
        <source>&amp;Another user...</source>
        <translation>其他用户(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::StoreHealthBanner</name>
    <message>
        <source>the store could not be checked: %1</source>
        <translation>无法检查数据文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) no longer match their checksum</source>
        <translation>
            <numerusform>%n 条办件记录与其校验和不符</numerusform>
        </translation>
    </message>
    <message>
        <source>The store %1 is damaged (%2). Cases and records kept in it may be lost or wrong. Stop working at this window and call the administrator, who checks the store with &quot;onewindowctl store check&quot; and, if need be, restores the last copy made with &quot;onewindowctl store backup&quot;.</source>
        <translation>数据文件 %1 已损坏（%2）。其中的办件和记录可能已丢失或出错。请立即停止在本窗口办理业务，并联系系统管理员：由管理员用“onewindowctl store check”检查数据文件，必要时用“onewindowctl store backup”所做的最近一份备份恢复。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::SupervisionOrderDialog</name>
    <message>
        <source>(not named)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>%1 (window %2)</source>
        <translation>%1（%2 号窗口）</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Supervision order: %1</source>
        <translation>督办单：%1</translation>
    </message>
    <message>
        <source>Name the clerk or the window the order goes to.</source>
        <translation>请指定督办的经办人或窗口。</translation>
    </message>
    <message>
        <source>Write what is to be done.</source>
        <translation>请填写督办事项。</translation>
    </message>
    <message>
        <source>The due date cannot be before today (%1).</source>
        <translation>办结期限不能早于今天（%1）。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::SupervisionOrdersList</name>
    <message>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1，已逾期</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;color:#a40000&quot;&gt;&lt;b&gt;Supervised&lt;/b&gt; (order %1) by %2 on %3 to %4: %5 · due %6&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;color:#a40000&quot;&gt;&lt;b&gt;督办&lt;/b&gt;（督办单 %1）：%2 于 %3 督办 %4：%5 · 期限 %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Supervised: %1 · %2 · due %3 · by %4%5</source>
        <translation>督办：%1 · %2 · 期限 %3 · 督办人 %4%5</translation>
    </message>
    <message>
        <source> · overdue</source>
        <translation> · 已逾期</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Supervised&lt;/b&gt; (order %1) by %2 on %3: %4 · answered by %5 on %6: %7&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;督办&lt;/b&gt;（督办单 %1）：%2 于 %3 督办：%4 · %5 已于 %6 反馈：%7&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::SupervisorPage</name>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>近 90 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>近 365 天</translation>
    </message>
    <message>
        <source>The lists of repeat notices, ratings and deemed cases cover cases received (or decided) in this period</source>
        <translation>重复告知、差评和视为受理/视为放弃清单涵盖本期间内收件（或办结）的办件</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>超期看板(&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;xtension requests</source>
        <translation>延期申请(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>督办单(&amp;O)</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>To</source>
        <translation>督办对象</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <source>Ordered by</source>
        <translation>督办人</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>督办日期</translation>
    </message>
    <message>
        <source>Re&amp;peat notices</source>
        <translation>重复告知(&amp;P)</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>告知日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>同意人</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Bad ra&amp;tings</source>
        <translation>差评(&amp;T)</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评价内容</translation>
    </message>
    <message>
        <source>Rated on</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>整改情况</translation>
    </message>
    <message>
        <source>D&amp;eemed cases</source>
        <translation>视为受理/放弃(&amp;E)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>What the law made of it</source>
        <translation>法定后果</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Warning level</source>
        <translation>预警等级</translation>
    </message>
    <message>
        <source>Window, clerk, department, item, procedure, state or warning level; several words narrow further; Down goes to the list</source>
        <translation>窗口、经办人、部门、事项、流程、状态或预警等级；多个词进一步筛选；↓ 进入列表</translation>
    </message>
    <message>
        <source>&amp;Group by:</source>
        <translation>分组(&amp;Z)：</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>筛选(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Supervise...</source>
        <translation>督办(&amp;S)…</translation>
    </message>
    <message>
        <source>Give a supervision order on the selected case (Ctrl+D)</source>
        <translation>对所选办件下达督办单（Ctrl+D）</translation>
    </message>
    <message>
        <source>Open cases shown: %1 · %2</source>
        <translation>显示在办件：%1 · %2</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Deadline now</source>
        <translation>当前期限</translation>
    </message>
    <message>
        <source>Required to reject; the applicant is told</source>
        <translation>不同意时必填；将告知申请人</translation>
    </message>
    <message>
        <source>&amp;Reason for rejecting:</source>
        <translation>不同意理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>同意(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>不同意(&amp;J)</translation>
    </message>
    <message>
        <source>Print the extension &amp;notice after approving</source>
        <translation>同意后打印延期告知书(&amp;N)</translation>
    </message>
    <message>
        <source>Select a case on the board first (arrow keys), then give the order.</source>
        <translation>请先在看板上选择办件（方向键），再下达督办。</translation>
    </message>
    <message>
        <source>Select a request in the list first.</source>
        <translation>请先在列表中选择一项申请。</translation>
    </message>
    <message>
        <source>Extension of %1 approved; the clocks count it now.</source>
        <translation>%1 的延期已批准，时限已按延期计算。</translation>
    </message>
    <message>
        <source>Write the reason for rejecting the extension; the applicant is told it.</source>
        <translation>请填写不同意延期的理由，将告知申请人。</translation>
    </message>
    <message>
        <source>Extension of %1 rejected.</source>
        <translation>%1 的延期申请未获同意。</translation>
    </message>
    <message>
        <source>statutory</source>
        <translation>法定</translation>
    </message>
    <message>
        <source>promised</source>
        <translation>承诺</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>%1 号窗口</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Deemed accepted: no notice within the notice period</source>
        <translation>视为受理：告知期限内未告知</translation>
    </message>
    <message>
        <source>Deemed abandoned: not corrected within the period</source>
        <translation>视为放弃：期限内未补正</translation>
    </message>
    <message>
        <source>not yet, %1</source>
        <translation>尚未回访，%1</translation>
    </message>
    <message>
        <source>One-&amp;window matters</source>
        <translation>一件事(&amp;W)</translation>
    </message>
    <message>
        <source>Records that did not ta&amp;ke effect</source>
        <translation>未生效记录(&amp;K)</translation>
    </message>
    <message>
        <source>What did not take effect</source>
        <translation>未生效的记录</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What stands / follow-up</source>
        <translation>生效的记录 / 跟进</translation>
    </message>
    <message>
        <source>The record that stands has not come down yet</source>
        <translation>生效的记录尚未同步到本机</translation>
    </message>
    <message>
        <source>Recall it from the applicant</source>
        <translation>向申请人追回</translation>
    </message>
    <message>
        <source>Records with &amp;uncertain times</source>
        <translation>时间存疑的记录(&amp;U)</translation>
    </message>
    <message>
        <source>Hall order</source>
        <translation>大厅序号</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Received by the server</source>
        <translation>服务器收到时间</translation>
    </message>
    <message>
        <source>Why in doubt</source>
        <translation>存疑原因</translation>
    </message>
    <message>
        <source>&amp;Close the recall...</source>
        <translation>追回办结…(&amp;Z)</translation>
    </message>
    <message>
        <source>The selected void document: record whether the paper was got back or cannot be (Enter on its row)</source>
        <translation>所选作废文书：记录已追回或无法追回（在该行按 Enter 亦可）</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <source>Close the recall...</source>
        <translation>追回办结…</translation>
    </message>
    <message>
        <source>A void document stays in red until its recall is closed.</source>
        <translation>作废文书在追回办结之前以红色显示。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::SyncStatusWidget</name>
    <message>
        <source>Connecting to the hall server...</source>
        <translation>正在连接大厅服务器……</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>已停止同步：%1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline (since %1)</source>
        <translation>离线（自 %1 起）</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) to upload</source>
        <translation>
            <numerusform>%n 条待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) did not take effect</source>
        <translation>
            <numerusform>%n 条未生效</numerusform>
        </translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>If this computer&apos;s date and time are right, the hall server&apos;s clock is wrong: tell the administrator.</source>
        <translation>本机日期和时间若准确，则是大厅服务器的时钟不准：请联系管理员校正服务器时间。</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 ahead of the hall server, over the %2 allowed: acts will be refused. Correct this computer&apos;s time, then sync now</source>
        <translation>本机时钟比大厅服务器快 %1，超过允许的 %2：办理将被拒绝，请校正本机时间后立即同步</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 behind the hall server, over the %2 allowed: acts will be refused. Correct this computer&apos;s time, then sync now</source>
        <translation>本机时钟比大厅服务器慢 %1，超过允许的 %2：办理将被拒绝，请校正本机时间后立即同步</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 ahead of the hall server (%2 allowed): correct its time before acts are refused</source>
        <translation>本机时钟比大厅服务器快 %1（允许 %2）：请及早校正本机时间，超过即不能办理</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is %1 behind the hall server (%2 allowed): correct its time before acts are refused</source>
        <translation>本机时钟比大厅服务器慢 %1（允许 %2）：请及早校正本机时间，超过即不能办理</translation>
    </message>
    <message>
        <source>Clock not checked against the hall server since %1</source>
        <translation>本机时钟自 %1 起未与大厅服务器核对</translation>
    </message>
    <message>
        <source>Clock not checked against the hall server since %1, when it was %2 off (%3 allowed): correct this computer&apos;s time</source>
        <translation>本机时钟自 %1 起未与大厅服务器核对，当时相差 %2（允许 %3）：请校正本机时间</translation>
    </message>
    <message>
        <source>Offline the acts go on, timed by this computer&apos;s clock corrected by the last measured offset; the hall server checks it again at the next sync.</source>
        <translation>离线时照常办理，时间按本机时钟加上次测得的偏差计；下次同步时大厅服务器再核对。</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::TrayNotifier</name>
    <message>
        <source>OneWindow: case warnings</source>
        <translation>一窗通办：办件预警</translation>
    </message>
    <message numerus="yes">
        <source>Case %1 (%2) is now red: overdue by %n working day(s)</source>
        <translation>
            <numerusform>办件 %1（%2）已亮红牌：超期 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Case %1 (%2) is now red: overdue</source>
        <translation>办件 %1（%2）已亮红牌：已超期</translation>
    </message>
    <message numerus="yes">
        <source>Case %1 (%2) is now yellow: %n working day(s) left</source>
        <translation>
            <numerusform>办件 %1（%2）已亮黄牌：剩余 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <source>Case %1 (%2) is now yellow: due today</source>
        <translation>办件 %1（%2）已亮黄牌：今日到期</translation>
    </message>
    <message>
        <source>%1 of your cases are now yellow and %2 red; see My cases.</source>
        <translation>您有 %1 件办件亮黄牌、%2 件亮红牌，请查看“我的办件”。</translation>
    </message>
    <message>
        <source>Case warning</source>
        <translation>办件预警</translation>
    </message>
    <message>
        <source>Case warnings could not be checked: %1 Check the red and yellow cases in My cases yourself.</source>
        <translation>办件预警无法检查：%1 请自行在“我的办件”中查看亮红牌、黄牌的办件。</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>办件 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n of your records did not take effect at the hall; each case shows what stands instead.</source>
        <translation>
            <numerusform>您有 %n 条记录未被大厅采纳（未生效）；各办件中可查看生效的记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Records that did not take effect</source>
        <translation>未生效记录</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::UserListModel</name>
    <message>
        <source>Locked until %1</source>
        <translation>已锁定至 %1</translation>
    </message>
    <message numerus="yes">
        <source>Slowed down after %n failed sign-in(s)</source>
        <translation>
            <numerusform>密码错误 %n 次，登录已限速</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s)</source>
        <translation>
            <numerusform>密码错误 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录情况</translation>
    </message>
</context>
<context>
    <name>onewindow::ui::UsersDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>E&amp;dit</source>
        <translation>修改(&amp;D)</translation>
    </message>
    <message>
        <source>Edit the selected user&apos;s name, role and window</source>
        <translation>修改所选用户的姓名、角色和窗口号</translation>
    </message>
    <message>
        <source>Reset passw&amp;ord</source>
        <translation>重置密码(&amp;O)</translation>
    </message>
    <message>
        <source>Give the selected user a new password</source>
        <translation>为所选用户设置新密码</translation>
    </message>
    <message>
        <source>Deac&amp;tivate</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>Deactivate the selected user, or activate a deactivated one</source>
        <translation>停用所选用户，或重新启用已停用的用户</translation>
    </message>
    <message>
        <source>Unloc&amp;k</source>
        <translation>解锁(&amp;K)</translation>
    </message>
    <message>
        <source>Let a user locked out by failed sign-ins sign in again at once</source>
        <translation>解除因密码错误造成的锁定，让该用户可立即登录</translation>
    </message>
    <message>
        <source>Ac&amp;tivate</source>
        <translation>启用(&amp;T)</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>请先选择一个用户。</translation>
    </message>
    <message>
        <source>%1 (%2) is active again and can sign in.</source>
        <translation>%1（%2）已重新启用，可以登录。</translation>
    </message>
    <message>
        <source>%1 (%2) is deactivated and can no longer sign in.</source>
        <translation>%1（%2）已停用，不能再登录。</translation>
    </message>
    <message>
        <source>%1 (%2) is unlocked and can sign in at once.</source>
        <translation>%1（%2）已解锁，可立即登录。</translation>
    </message>
    <message numerus="yes">
        <source>The screen now locks after %n minute(s) without input.</source>
        <translation>
            <numerusform>现在无操作 %n 分钟后自动锁屏。</numerusform>
        </translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>New password for %1 (%2)</source>
        <translation>为 %1（%2）设置新密码</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked beside the form.</source>
        <translation>未保存：请按表单旁的提示更正。</translation>
    </message>
    <message>
        <source>%1 (%2) added as %3.</source>
        <translation>已新增 %1（%2），角色：%3。</translation>
    </message>
    <message>
        <source>Changes to %1 (%2) saved.</source>
        <translation>%1（%2）的修改已保存。</translation>
    </message>
    <message>
        <source>%1 (%2) has a new password; their failed sign-ins are cleared.</source>
        <translation>%1（%2）的密码已重置，密码错误次数已清零。</translation>
    </message>
</context>
</TS>
