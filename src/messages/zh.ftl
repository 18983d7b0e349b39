# 库的中文消息。这里的每个 id 在 en.ftl 中也有，所用参数相同（有测试检查）。
# 消息中不出现命令行参数：命令行工具按错误种类补充自己的提示。

## 表

table-targets = 检查对象名录
table-officers = 执法检查人员名录
table-history = 检查记录文件
table-conflicts = 回避名单
table-results = 抽查结果文件

## 错误：每条前面加上位置（文件:行:列），如 `targets.csv:3:2: …`。

not-utf8 = { $what }不是有效的 UTF-8 文本
not-utf8-hint = 请将文件另存为 UTF-8（Excel：另存为 → CSV UTF-8），或按 GBK 读取
binary = 这不是文本表格（在偏移量 { $offset } 处有 NUL 字节）；如果是 Excel 文件，请使用 .xlsx 格式
encoding = 文件不是有效的 { $encoding } 文本
encoding-hint = 请将文件另存为 UTF-8（Excel：另存为 → CSV UTF-8），或按 GBK 读取
xlsx = 无法读取该 Excel 工作簿
xlsx-too-large = 工作簿解压后超出限制
xlsx-too-large-hint = 请将工作表另存为 CSV（Excel：另存为 → CSV UTF-8）后读取，或拆分为较小的工作簿
json = JSON 表格格式错误
invalid-id = 编号“{ $id }”无效：{ $reason }
invalid-id-hint = 请检查统一社会信用代码是否录错；如代码确属真实、只是未通过校验，可将其列入编号白名单，或将编号校验改为只警告
personal-data = 列“{ $column }”含有{ $shape }：个人信息不得进入记录或公开文件
personal-data-hint = 程序只保留抽查计划读取的列：如计划无需读取“{ $column }”，请从计划的筛选条件中删去它；如必须读取（例如人员编号就是身份证号），请改用其他列（工号、执法证号）；如这些值本来就是公开的，请在 [columns.public] 中声明：表名 = ["{ $column }"]
number-code = “{ $field }”列的单元格是数值 { $value }：表格软件的数值只保留 15 位有效数字，这个代码的末几位已经丢失
number-code-hint = 请在表格中把该列设置为“文本”格式，再从原系统重新导出或重新录入这些代码（只改格式不能找回已丢失的数字）
bad-value = “{ $field }” = “{ $value }”：应为 { $expected }
problems = 共 { $total } 个问题；未进行抽取
problems-more = ……另有 { $count } 个问题
csv = CSV 格式错误
empty-table = 文件为空：应有表头行，至少包含 { $expected }
missing-column = 表头中没有必需的“{ $column }”列（列名可写作 { $names }；现有列：{ $found }）
missing-column-hint = 请确认表头行写有上述列名之一（“（必填）”“*”等标注无妨），且表头在前 30 行之内；如该列用了别的名称，可在抽查计划的 [columns.targets] 或 [columns.officers] 中指明，如 "企业代码" = "id"
duplicate-column = 列名“{ $column }”重复（第 { $first } 列已是此列名）
empty-column-name = 表头中有空列名
empty-field = “{ $field }”为空：每一行都必须填写
control-character = “{ $field }”含有控制字符 U+{ $code }
control-character-hint = 请删除单元格中的换行或不可见字符
duplicate-id = 编号“{ $id }”重复（首次出现在第 { $first_line } 行）
duplicate-id-hint = 每个主体只能出现一次：请删除或合并重复的行
too-large = { $what }超出上限 { $limit }
plan-syntax = 无法读取抽查计划
plan-value = { $context }{ $key }：应为 { $expected }，实为 { $found }
unknown-column = 任务“{ $task }”：{ $key } 指定的列“{ $column }”在{ $table }中不存在{ $note }（现有列：{ $available }）
unknown-column-hint = 请检查“{ $column }”的拼写，或在文件中加入该列
no-ratio-for-stratum = 任务“{ $task }”：{ $table } 表中没有分层“{ $stratum }”的取值，也没有默认项 "*"（该分层有 { $frame } 户）
no-ratio-for-stratum-hint = 请在表中加入该分层，或加入默认项，如 "*" = "3%"
empty-frame = 任务“{ $task }”：没有可抽取的检查对象符合筛选条件 { $filter }（名录共 { $rows } 行；符合条件的对象中有 { $excluded } 户因登记状态被排除）
empty-frame-hint = 请对照检查对象名录中的实际取值检查筛选条件
officer-pool-too-small = 任务“{ $task }”：可选派的执法人员只有 { $eligible } 名，少于每组所需的 { $team_size } 名（另有 { $ineligible } 名符合 officer_filter，但不在岗或没有有效的执法证）{ $unmatched }
officer-pool-too-small-hint = 请放宽 officer_filter 或增加执法人员：每次检查至少需要两名执法人员
no-officer-for-target = 任务“{ $task }”：主体 { $entity }：第 { $slot } 名（共 { $team_size } 名）检查人员无人可派：{ $reasons }
no-officer-for-target-hint = 请为人员库增加执法人员，或放宽本任务的 officer_region、工作量上限或轮换要求
missing-history = 任务“{ $task }”：exclude_inspected 和 rotation 需要以往的检查记录文件
results = 无法读取抽查结果文件
result-problems = 共 { $total } 个问题；未生成抽查结果公告
calendar-syntax = 无法读取工作日历
no-calendar = 没有 { $year } 年的工作日历（日历中有：{ $known }）：该年的节假日和调休日未知
no-calendar-hint = 国务院公布 { $year } 年放假安排后，请以日历文件提供：[[year]] year = { $year }，holidays = ["{ $year }-10-01..{ $year }-10-07", …]，workdays = [调休上班的周末]
read = 无法读取文件
sql = 无法生成 SQL 查询
warehouse = 数据仓库的查询结果无法给出抽取
sql-tables-needed = 只有 DuckDB 能直接读取核验材料包中的文件：请指明存放 targets.csv 和 exclusions.csv 的 { $engine } 表
announcement = 公告：{ $reason }
inputs-not-announced = 公告：{ $reason }
inputs-not-announced-hint = 请使用公告所冻结的原文件（公告中载有它们的规范摘要）；如输入必须更改，请重新发布公告，并指定更晚的轮次
amendment = 不能修改
empty-seed = 种子为空
record-syntax = 不是有效的抽取记录
record-altered = 不是有效的抽取记录：其摘要与内容不符，抽取后已被改动
document = { $reason }
document-member = 成员“{ $member }”：{ $reason }
unknown-officer = “{ $officer }”既不是执法检查人员名录中的人员编号，也不是其中的执法证号：回避名单的每一行都必须指明一名执法人员
unknown-officer-hint = 回避名单中的执法人员请用人员名录中的人员编号或执法证号填写；已不在名录中的人员，请删除其所在行
unsupported-spec = 不支持该抽取记录的规范版本“{ $found }”（本程序实现的是版本“{ $supported }”）
inputs-mismatch = 所给输入不是该抽取记录的输入
request = 请求无效
internal = 内部错误（这是 shuangsui 的缺陷，请报告）：{ $reason }
api-not-json = 请求不是有效的 JSON：{ $reason }
api-not-utf8 = { $what ->
    [operation] 操作名
   *[other] 请求
}不是有效的 UTF-8 文本
api-not-object = 请求必须是 JSON 对象
api-operation = 没有“{ $operation }”这一操作（可用的操作：{ $known }）
api-member-missing = 请求缺少成员“{ $member }”
api-member-unknown = 请求中有未知成员“{ $member }”：拼错的选项不会被忽略，请检查拼写
api-member-not-string = 成员“{ $member }”应为字符串
api-member-not-bool = 成员“{ $member }”应为 true 或 false
api-member-not-object = 成员“{ $member }”应为对象
api-member-not-strings = 成员“{ $member }”应为字符串数组
api-member-not-files = 成员“{ $member }”应为文件的数组
api-member-not-file = 成员“{ $member }”应为文件：文件的文本（字符串），或对象 {"{"}"name": …, "text" 或 "base64": …{"}"}
api-member-not-base64 = 成员“{ $member }”不是有效的 Base64
api-file-text-or-base64 = 文件“{ $member }”须给出 "text" 和 "base64" 中的一个
api-member-format = 成员“{ $member }”：不认识的格式“{ $value }”（可用：csv、tsv、json、jsonl、xlsx）
api-member-encoding = 成员“{ $member }”：不认识的编码“{ $value }”（可用：utf-8、gbk、gb18030）
api-member-id-check = 成员“{ $member }”应为 "strict" 或 "warn"，而不是“{ $value }”
api-seed-or-announcement = 请给出种子（"seed"）或公告（"announcement"），且只给其中一个
api-amendment-change = 成员“{ $member }”应为 "unreachable" 或 "replace_officer"，而不是“{ $value }”
api-member-lang = 成员“{ $member }”应为 "zh" 或 "en"，而不是“{ $value }”
api-member-officers-shown = 成员“{ $member }”应为 "names"、"certificates" 或 "hidden"，而不是“{ $value }”
api-member-date = 成员“{ $member }”应为日期（YYYY-MM-DD），而不是“{ $value }”
api-member-notice-format = 成员“{ $member }”应为 "html"、"markdown" 或 "csv"，而不是“{ $value }”
api-notice-not-verified = 所给输入不能重现该记录（{ $differences } 处不同）：不为其生成公告
kit-directory-not-kept = 读取检查对象名录时没有保留全部列：其公开版本须包含除个人信息以外的全部列

## 警告

warning-unused-ratio = 任务“{ $task }”：配额表中的分层“{ $stratum }”在抽取范围内没有任何对象
warning-certificates-not-checked = 执法检查人员名录没有执法证列（执法证号和证件有效期，或有效期起、止）：未核验执法证。名录以执法证号为人员编号时，无需在抽查计划中写 "执法证号" = "id"：没有人员编号列时，执法证号即为编号
warning-count-exceeds-frame = 任务“{ $task }”：抽取数 { $count } 大于抽取范围（{ $frame } 户）：全部抽中
warning-unreadable-filter-values = 任务“{ $task }”：{ $rows } 户的“{ $column }”不是{ $expected }（{ $examples }）：这些对象不符合筛选条件，不在抽取范围内；如应在范围内，请更正其取值
warning-no-status-column = 检查对象名录没有登记状态列，因此不会因登记状态排除任何对象（exclude_status）；如计划本就不排除任何状态，请写明 exclude_status = []
warning-no-status-column-candidates = 检查对象名录没有登记状态列，因此不会因登记状态排除任何对象（exclude_status）；表头 { $candidates } 已被舍弃：请在 [columns.targets] 中指定状态列，如 "{ $first }" = "status"
warning-status-not-excluded = 登记状态“{ $status }”（{ $rows } 户）含有“{ $keyword }”，但未被排除：exclude_status 的关键词须与整个状态相同，或与状态中括号、逗号之前的部分相同；如这些对象不应列入检查，请将“{ $status }”加入 plan.exclude_status

## 公告：抽查任务公告与抽查结果公告。反引号之间的文字显示为代码（摘要、种子）；
## 填入的值原样显示，从不当作标记。

notice-draw-title = { $authority }关于{ $plan }抽查任务及抽取结果的公告
notice-draw-title-correction = { $authority }关于{ $plan }抽查任务及抽取结果的更正公告
notice-draw-title-bare = { $plan }抽查任务及抽取结果公告
notice-draw-title-correction-bare = { $plan }抽查任务及抽取结果更正公告
notice-draw-lead = { $authority }{ $basis }按照“双随机、一公开”的要求，{ $date }从检查对象名录所列 { $targets } 户中随机抽取 { $entities } 户检查对象{ $selections }，并从执法检查人员名录中随机选派检查人员，共 { $tasks } 项抽查任务。{ $randomness }现将抽查任务及抽取结果公告如下。
notice-lead-selections = （各任务合计 { $selections } 户次）
notice-lead-basis = 依据{ $basis }，
notice-lead-date = 于{ $date }
notice-lead-date-beacon = 以{ $date }产生的公共随机数，
notice-lead-beacon = 抽取所用的随机数取自抽取公告指定的公共随机信标 drand 第 { $round } 轮，该轮随机数产生之前任何人（包括本机关）都无法预知。{ $when }任何人都可以按附件所列方法重新抽取、核对结果。
notice-lead-stamped = 可信时间戳证明该公告在{ $time }已经存在；本次抽取是否只作出过这一份公告，须依据公告的发布记录判断。
notice-lead-unstamped = 该公告没有经过验证的可信时间戳：公告是否在该轮随机数产生之前已经公开、本次抽取是否只作出过这一份公告，须依据公告的发布记录判断。
notice-lead-unattested = 本次抽取的随机种子由操作人员输入，没有公开随机源证明（见附件）。
notice-authority-self = 本机关
notice-contact = 对本次抽查有疑问或异议的，可通过以下方式反映：{ $contact }。
notice-closing = 特此公告。
notice-merged = 其中 { $count } 户被多个任务同时抽中，按计划合并为一次检查：{ $entities }。
notice-merged-entity = { $name }（{ $tasks }）
notice-randomness-time = 随机数产生时间
notice-certificate-date = 执法证有效期核对日期
notice-written-time = { $date }{ $hour }时{ $minute }分{ $second }秒（北京时间）
notice-written-date = { $year }年{ $month }月{ $day }日
notice-appendix-heading = 附件：核验信息
notice-draw-sheet = 抽查任务公告
notice-results-title = { $authority }关于{ $plan }抽查结果的公告
notice-results-title-bare = { $plan }抽查结果公告
notice-results-sheet = 抽查结果公告
notice-correction = 更正说明：本公告更正此前发布的公告（文件 SHA-256 `{ $previous }`）。抽取结果本身没有改变；此后的修改见“抽取后的修改记录”：现有 { $entries } 条，修改账本链尾摘要 `{ $head }`。
notice-plan = 抽查计划编号
notice-authority = 检查机关
notice-draw-date = 抽取日期
notice-officers-shown = 检查人员显示方式
notice-shown-certificates = 执法证号
notice-shown-hidden = 姓名不公开（核验材料包的抽取记录中仍以人员编号标识各组人员）
notice-record-digest = 抽取记录摘要
notice-separator-names = 、
notice-separator-items = ；
notice-separator-excluded = ，

# 随机种子

notice-seed-heading = 随机种子
notice-seed-unattested = 随机种子（未经证明）：`{ $seed }`。该种子由操作人员输入，没有任何证据表明它不是在看到抽取结果后才选定的。
notice-seed-announcement = 抽取公告摘要：`{ $digest }`，公告时间 { $at }
notice-seed-timestamp-verified = 可信时间戳（RFC 3161）证明公告在 { $time } 已经存在；时间戳机构 { $tsa }，签名证书 SHA-256 指纹 `{ $fingerprint }`（发布前已用核验材料包中的 tsa.pem 验证签名）。请将该指纹与时间戳机构公布的指纹比对：只有时间戳机构可信，时间戳才有意义。
notice-seed-timestamp-unverified = 公告带有可信时间戳（RFC 3161），时间为 { $time }，但其签名未经验证：核验时请提供时间戳机构的证书。
notice-seed-no-timestamp = 公告没有可信时间戳：公告是否在随机数产生之前已经公开，只能依据其发布记录判断。
notice-seed-attempt-first = 公告次序：第 { $attempt } 次（首次公告）
notice-seed-attempt-replaced = 公告次序：第 { $attempt } 次{ $replaced }
notice-seed-replaced = ；取代作废的第 { $attempt } 次公告 `{ $digest }`（drand 轮次 { $round }，原因：{ $reason }）
notice-seed-beacon = 随机源：drand quicknet 轮次 { $round }（发布于 { $at }）
notice-seed-beacon-url = 该轮随机数及其签名可在 { $url } 查看
notice-seed-dice = 公告记载的掷骰结果（应在公告时当场公开投掷）：{ $dice }
notice-seed-parties = 公告中的参与方贡献值：{ $parties }
notice-party-revealed = { $name }（已公开秘密）
notice-party-unrevealed = { $name }（未公开秘密）
notice-seed-derived = 由此得出的随机种子：`{ $seed }`
notice-seed-trust = 任何人都可以核验：种子只由公告摘要和该 drand 轮次的随机数得出，此后输入的任何内容都不能改变它；该轮次的 BLS 签名可用内置公钥离线验证；输入的内容就是公告所冻结的内容（规范摘要一致）。以下几点须依靠公开程序保证：骰子投掷公正（当场公开）；公告在该轮次发布之前已经公开；本计划没有作出过其他公告；未公开秘密的参与方，其贡献值确由其本人作出。

# 输入文件摘要

notice-digests-heading = 输入文件摘要
notice-column-file = 文件
notice-column-rows = 行数
notice-column-digest = 规范摘要
notice-column-sha256 = SHA-256
notice-file-plan = 抽查计划
notice-file-targets = 检查对象名录
notice-file-officers = 执法检查人员名录
notice-file-record = 抽取记录

# 抽查任务

notice-task-heading = { $id } { $name }（{ $type }）
notice-type-directed = 定向
notice-type-undirected = 不定向
notice-items = 抽查事项
notice-basis = 抽查依据
notice-frame-filter = 抽取条件
notice-frame-all = 全部检查对象
notice-strata-by = 分层依据
notice-officer-filter = 执法人员范围
notice-condition-in = { $column }为{ $value }
notice-condition-not = { $column }不为{ $value }
notice-condition-after = { $column }晚于{ $value }
notice-condition-before = { $column }早于{ $value }
notice-condition-min = { $column }不小于{ $value }
notice-condition-max = { $column }不大于{ $value }
notice-eligible = 可抽取的检查对象
notice-drawn = 抽中
notice-excluded = 已排除
notice-team-size = 每组检查人员人数
notice-officers-eligible = 可选派的执法人员
notice-officers-count = { $count } 名
notice-ineligible = 名录中不能选派的执法人员
notice-ineligible-reason = { $reason } { $count } 名
notice-stratum-all = 全部
notice-column-stratum = 分层
notice-column-frame = 抽取范围
notice-column-quota = 比例或数量
notice-column-drawn = 抽中
notice-column-no = 序号
notice-column-entity = 市场主体名称
notice-column-credit-code = 统一社会信用代码（注册号）
notice-column-officers = 检查人员
notice-chart-title = { $task } 各分层的抽取范围与抽中数
notice-chart-legend = 红色：抽中数；浅色：抽取范围（可抽取的对象）
notice-team-hidden = { $count } 名（不公开）
notice-team-amended = { $team }（已修改，见修改记录 { $entries }）

# 抽取后的修改

notice-amendments-heading = 抽取后的修改记录
notice-amendment-unreachable = #{ $seq } { $at } { $task } { $target }：{ $reason }；操作人 { $actor }
notice-amendment-replacement = #{ $seq } { $at } { $task } { $target }：{ $officer } → { $replacement }，原因：{ $reason }；操作人 { $actor }
notice-amendment-replacement-note = #{ $seq } { $at } { $task } { $target }：{ $officer } → { $replacement }，原因：{ $reason }（{ $note }）；操作人 { $actor }
notice-ledger-head = 修改记录共 { $entries } 条，修改账本链尾摘要 `{ $head }`
notice-ledger-rule = 替换人员不由任何人挑选：每个名额的替补顺序在抽取时已经确定（见算法规范），每组最多可替换几人由抽查计划规定。

# 如何核验

notice-verify-heading = 如何核验
notice-verify-kit = 核验材料包（kit 目录）包含抽查计划、检查对象名录和执法检查人员名录的公开版本，以及抽取记录。任何人都可以重新运行抽取，并逐字节比对：
notice-verify-spec = 算法规范见 SPEC.md（只用到 SHA-256）；reproduce.py 是只用 Python 标准库写成的独立实现。
notice-verify-browser = 不安装任何软件也可以核验：在电脑或手机的浏览器中打开核验材料包中的 verify.html，把材料包中的文件拖入页面；页面逐个任务说明抽取结果能否重现。

# 抽查结果公告

notice-results-ledger = 抽取后的修改 { $entries } 条；修改账本链尾摘要 `{ $head }`
notice-results-lead = { $authority }按照“双随机、一公开”的要求，对{ $plan }随机抽取的 { $entities } 户检查对象开展检查。现将已完成的 { $results } 项检查结果公告如下（一户检查对象有几项抽查事项，就有几项结果），各检查结果的户数和项数见下表。
notice-column-count = 项数
notice-column-entities = 户数
notice-total = 合计
notice-summary-note = 注：一户检查对象每个抽查事项各有一项检查结果，可能分属不同的检查结果，所以各行户数之和大于合计户数。
notice-announce-title = { $authority }关于{ $plan }随机抽取的公告
notice-announce-title-bare = { $plan }随机抽取公告
notice-announce-sheet = 抽查任务
notice-announce-lead = { $authority }将按照“双随机、一公开”的要求，对{ $plan }所列 { $tasks } 项抽查任务（见下表）随机抽取检查对象、随机选派执法检查人员。抽取所用的检查对象名录（{ $targets } 户）、执法检查人员名录（{ $officers } 人）和抽查计划已于{ $announced }冻结，其摘要见下表，此后不能更改。抽取将使用公共随机信标 drand 第 { $round } 轮随机数，该随机数于{ $emitted }产生，在此之前任何人（包括本机关）都无法预知。抽取后，本机关将公布抽取结果和核验材料，任何人都可以重新抽取、核对结果。
notice-announce-attempt = 公告次序
notice-announce-attempt-value = 本计划第 { $attempt } 次抽取公告
notice-announce-digest = 公告文件（JSON）的摘要
notice-announce-expected = 将抽取户数
notice-announce-tasks-heading = 抽查任务
notice-announce-schedule-heading = 日程
notice-announce-when-announced = 公告并冻结抽取材料：{ $time }
notice-announce-when-round = 公开随机数产生（drand 第 { $round } 轮）：{ $time }
notice-announce-when-draw = 抽取：{ $time }之后，用上述材料和该随机数进行；抽取结果以抽查任务公告公布
notice-announce-beacon-url = 该轮随机数产生后，可在 { $url } 查看
notice-announce-frozen-heading = 冻结的抽取材料
notice-announce-frozen = 下列摘要唯一确定了抽取所用的材料：抽取后公布的核验材料包中的文件，其规范摘要必须与此相同，否则抽取不成立。身份证号、联系电话等个人信息不进入任何公开文件。
notice-announce-verify = 抽取后，用核验材料包中的 reproduce.py（只需 Python 3）或 shuangsui verify 命令即可重新抽取。核验时请确认：材料包中公告文件的摘要与下列摘要一致；抽取使用的是上述 drand 轮次；抽取结果与公布的一致。
notice-quota-count = { $count } 户
notice-quota-proportional = 共 { $count } 户，按各层规模分配
notice-quota-equal = 共 { $count } 户，各层均分
notice-quota-other = 其他
notice-item-heading = 抽查事项：{ $item }
notice-column-completed = 检查完成日期
notice-column-result = 检查结果
notice-column-remark = 备注
notice-results-rerun = 任何人都可以用随抽查任务公告一同发布的核验材料包重新运行抽取（算法见 SPEC.md）。

# 表格文件（CSV、Excel）的列：全国平台的列名

notice-field-plan-id = 抽查计划编号
notice-field-plan-name = 抽查计划名称
notice-field-task-id = 抽查任务编号
notice-field-task-name = 抽查任务名称
notice-field-type = 抽查类型
notice-field-items = 抽查事项
notice-field-item = 抽查事项
notice-field-basis = 抽查依据
notice-field-authority = 检查机关
notice-field-no = 序号
notice-field-entity-name = 市场主体名称
notice-field-entity-id = 统一社会信用代码（注册号）
notice-field-officers = 检查人员
notice-field-completed-on = 检查完成日期
notice-field-result = 检查结果
notice-field-remark = 备注

## 公开：核验材料包的 README（kit-*）和公告冻结输入公开版本的 README（frozen-*）。
## 其中的命令由调用方给出：消息中不出现命令行参数。

# 列表各项之间（列名、文件名）

list-separator = {"、"}
time-beijing = { $time }（北京时间）

# 核验材料包

kit-title = 核验材料包
kit-intro = 本目录包含重新运行本次抽取所需的全部文件。各表只保留抽查计划读取的列（按《个人信息保护法》的最小必要原则）；其余各列在读取时即被丢弃，从未参与计算，这里只列出其表头名称。
kit-none = 无
kit-file-plan = 抽查计划
kit-file-record = 抽取记录
kit-file-reproduce = 独立的 Python 实现（仅用标准库）
kit-file-spec = 规范：逐字节定义抽取算法；reproduce.py 即据此编写，任何人也可据此另写核验程序
kit-file-verify = 在浏览器中核验的网页：不需要安装任何软件，不联网；按 SPEC.md 独立编写，用浏览器自带的 SHA-256 重新抽取
kit-file-targets = 检查对象名录的公开版本，列：{ $columns }；读取时丢弃的列：{ $dropped }
kit-file-officers = 执法检查人员名录的公开版本，列：{ $columns }；读取时丢弃的列：{ $dropped }
kit-officer-names-hidden = ；执法人员姓名不公开（不在本材料包中；抽取不依赖姓名，核验时会说明姓名摘要未核对）
kit-file-history = 以往检查记录，列：{ $columns }
kit-file-conflicts = 回避名单，列：{ $columns }
kit-file-announcement = 抽取公告
kit-file-tsr = 公告的可信时间戳（RFC 3161）
kit-file-tsa = 时间戳机构的证书
kit-file-exclusions = 各任务中 SQL 无法仅凭检查对象名录算出的排除（前批次已抽中 earlier_batch、近期已检查 inspected_recently、已达年度检查次数上限 annual_cap），由抽取记录中各任务的 frame.listed 摘要锁定
kit-file-readme = 本说明
kit-file-earlier = 此前批次的抽取记录
kit-file-replaced = 被本公告取代的此前公告
kit-run = 在本目录中运行：
kit-or-python = 或者不安装 shuangsui，只用 Python 3.11 标准库运行：
kit-both = 两者都会逐字节复现 record.json。这些表格与抽取时读取的文件格式不同，但内容相同（规范摘要一致），核验时会说明这一点。这些文件保存的是供程序读取的精确值；供人阅读的公告（CSV、Excel）对以 = + - @ 开头的单元格做了防公式处理。
kit-browser = 不安装任何软件也可以核验：用浏览器（电脑或手机）打开 verify.html，把本目录中的文件拖入页面或点击选择；页面逐个任务说明抽取结果能否重现，不能重现时列出不同之处。在电脑上，用允许网页读取本地文件的浏览器打开 verify.html?auto，页面会自己读取本目录的文件（做法见 shuangsui 的 README）
kit-sql = 每个任务的检查对象抽取也可以在数据库中复现（SPEC.md §7.4）：下面的 DuckDB 查询读取本目录中的 targets.csv 和 exclusions.csv，按抽取记录中的顺序返回该任务抽中的对象及其排名和签号；如 exclusions.csv 与抽取记录不符，查询会报错。

# 冻结的输入

frozen-title = 抽取公告与冻结的输入文件
frozen-intro = 本目录在抽取之前公开：包括抽取公告（announcement.html 供阅读、打印张贴，announcement.json 供核验），以及公告所冻结的抽查计划、检查对象名录和执法检查人员名录的公开版本（不含身份证号、电话号码和住址）。此时随机数尚未产生；任何人都可以在抽取前核对这些输入，并提出异议。每个文件的规范摘要都应与公告中的一致：
frozen-names-digest = 其第二行为执法人员姓名摘要：
frozen-round = 随机数来自 drand quicknet 轮次 { $round }，于 { $at }（北京时间）发布；本公告须在此之前公开，并取得可信时间戳。
frozen-also = (另有：{ $also })

## 核验：经检查的公告证明了什么（verify::Guarantee）

guarantee-inputs-verified = 输入、骰子点数和参与方贡献值在随机数产生之前已经冻结：可信时间戳（RFC 3161，时间戳机构“{ $tsa }”，证书 SHA-256 指纹 { $fingerprint }，{ $algorithm }，签名已验证）证明公告（摘要 { $announcement }）在 { $time } 已经存在，早于 drand 轮次 { $round } 的发布时间 { $emitted }
guarantee-inputs-unchecked = 输入、骰子点数和参与方贡献值已由公告（摘要 { $announcement }）冻结；可信时间戳显示的时间为 { $time }，早于 drand 轮次 { $round } 的发布时间 { $emitted }，但时间戳的签名未经验证（请提供时间戳机构的证书以验证）
guarantee-inputs-unanchored = 输入、骰子点数和参与方贡献值已由公告（摘要 { $announcement }，公告自述的时间为 { $announced }）冻结；但公告没有可信时间戳：它是否在 drand 轮次 { $round } 发布（{ $emitted }）之前已经公开，须查对公告的发布记录
guarantee-beacon-verified = 种子只来自公告指定的 drand quicknet 轮次 { $round }，此后输入的任何内容都不影响种子（已用内置公钥离线验证 BLS 签名）
guarantee-beacon-unverified = 种子只来自公告指定的 drand quicknet 轮次 { $round }，此后输入的任何内容都不影响种子（本程序的这一版本无法验证 BLS 签名，只核对了随机数）
guarantee-dice = 骰子点数 { $digits } 写在公告中，并进入了随机种子（是否在公告时当场公开投掷、投掷是否公正，取决于公开的现场程序）
guarantee-parties = 参与方的贡献值已在公告中固定
guarantee-parties-revealed = ；已公开秘密，证明贡献值是为本公告而作：{ $names }
guarantee-parties-unrevealed = ；未公开秘密，只能凭其本人声明：{ $names }
guarantee-attempt = 抽查计划 { $plan } 的第 { $attempt } 次抽取公告
guarantee-attempt-replaces = ；取代第 { $n } 次公告（摘要 { $digest }，drand 轮次 { $round }），该次未抽取的原因：{ $reason }
guarantee-attempt-end = ；本计划是否还有其他公告，只能依靠公开来保证（每次公告都必须公开）
