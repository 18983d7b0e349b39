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
binary = 这不是文本表格（第 { $offset } 字节处有 NUL 字节）；Excel 文件请使用 .xlsx
encoding = 文件不是有效的 { $encoding } 文本
encoding-hint = 请将文件另存为 UTF-8（Excel：另存为 → CSV UTF-8），或按 GBK 读取
xlsx = { $message }
xlsx-too-large = 工作簿解压后超出限制：{ $what }超过 { $limit }
xlsx-too-large-hint = 请将工作表另存为 CSV（Excel：另存为 → CSV UTF-8）后读取，或拆分为较小的工作簿
json = JSON 表格格式错误：{ $message }
invalid-id = 编号“{ $id }”无效：{ $reason }
invalid-id-hint = 请检查代码是否有误；确属真实但未通过校验的代码，可列入编号白名单，或将编号校验改为仅警告
personal-data = 列“{ $column }”含有{ $shape }：个人信息不得进入记录或公开文件
personal-data-hint = 只保留计划读取的列：如计划无需读取“{ $column }”，请从计划的筛选条件中删除；如必须读取（例如人员编号就是身份证号），请改用其他列（工号、执法证号）；如这些值本应公开，请声明：在 [columns.public] 中写 表名 = ["{ $column }"]
bad-value = “{ $field }” = “{ $value }”：应为 { $expected }
problems = 共 { $total } 个问题；未进行抽取
problems-more = ……另有 { $count } 个
csv = CSV 格式错误：{ $message }
empty-table = 文件为空：应有表头行，至少包含 { $expected }
missing-column = 缺少必需的列“{ $column }”（现有列：{ $found }）
missing-column-hint = 请在表头行中加入名为“{ $column }”的列
duplicate-column = 列“{ $column }”重复（另见第 { $first } 列）
empty-column-name = 表头中有空列名
empty-field = “{ $field }”为空：每一行都必须填写
control-character = “{ $field }”含有控制字符 U+{ $code }
control-character-hint = 请删除单元格中的换行或不可见字符
duplicate-id = 编号“{ $id }”重复（首次出现在第 { $first_line } 行）
duplicate-id-hint = 每个主体只能出现一次：请删除或合并重复的行
too-large = { $what }超出上限 { $limit }
plan-syntax = { $message }
plan-value = { $context }{ $key }：应为 { $expected }，实为 { $found }
unknown-column = 任务“{ $task }”：{ $key } 指定的列“{ $column }”在{ $table }中不存在{ $note }（现有列：{ $available }）
unknown-column-hint = 请检查“{ $column }”的拼写，或在文件中加入该列
no-ratio-for-stratum = 任务“{ $task }”：{ $table } 表没有层“{ $stratum }”的条目，也没有默认项 "*"（{ $frame } 户）
no-ratio-for-stratum-hint = 请在表中加入该层，或加入默认项，如 "*" = "3%"
empty-frame = 任务“{ $task }”：没有符合筛选条件 { $filter } 的可抽对象（名录共 { $rows } 行，符合条件者中有 { $excluded } 户因登记状态被排除）
empty-frame-hint = 请对照名录中的实际取值检查筛选条件
officer-pool-too-small = 任务“{ $task }”：符合条件的执法人员 { $eligible } 名，少于每组人数 { $team_size }（另有 { $ineligible } 名符合 officer_filter，但不在岗或无有效执法证）
officer-pool-too-small-hint = 请放宽 officer_filter 或增加执法人员：每次检查至少需要两名
no-officer-for-target = 任务“{ $task }”：主体 { $entity }：第 { $slot } 名（共 { $team_size } 名）检查人员无人可派：{ $reasons }
no-officer-for-target-hint = 请为人员库增加执法人员，或放宽本任务的 officer_region、工作量上限或轮换要求
missing-history = 任务“{ $task }”：exclude_inspected 和 rotation 需要以往检查记录文件
results = { $message }
result-problems = 共 { $total } 个问题；未生成结果公告
calendar-syntax = { $message }
no-calendar = 没有 { $year } 年的工作日历（日历中有：{ $known }）：该年的节假日和调休日未知
no-calendar-hint = 国务院公布 { $year } 年放假安排后，请以日历文件提供：[[year]] year = { $year }，holidays = ["{ $year }-10-01..{ $year }-10-07", …]，workdays = [调休上班的周末]
read = 无法读取文件：{ $message }
sql = { $message }
sql-tables-needed = 只有 DuckDB 能直接读取材料包中的文件：请指明存放 targets.csv 和 exclusions.csv 的 { $engine } 表
announcement = 公告：{ $message }
inputs-not-announced = 公告：{ $message }
inputs-not-announced-hint = 请使用公告时的原文件（公告中载有其规范摘要）；如输入必须更改，请重新发布公告并指定更晚的轮次
amendment = 无法更正：{ $message }
empty-seed = 种子为空
record-syntax = 不是有效的抽取记录：{ $message }
record-altered = 不是有效的抽取记录：其摘要与内容不符，抽取后已被改动
document = { $message }
document-member = 成员“{ $member }”：{ $message }
unknown-officer = “{ $officer }”既不是名录中的人员编号，也不是执法证号：回避申报必须指明执法人员
unknown-officer-hint = 回避名单请以名录中的人员编号或执法证号标识；已不在名录中的人员，请删除其行
unsupported-spec = 不支持记录的规范版本“{ $found }”（本程序实现的是“{ $supported }”）

## 警告

warning-unused-ratio = 任务“{ $task }”：配额表中的层“{ $stratum }”在抽取范围内没有任何对象
warning-certificates-not-checked = 执法人员名录没有执法证列（执法证号、证件有效期）：未核验执法证
warning-count-exceeds-frame = 任务“{ $task }”：抽取数 { $count } 大于抽取范围（{ $frame } 户）：全部抽中
warning-unreadable-filter-values = 任务“{ $task }”：{ $rows } 户的“{ $column }”不是{ $expected }（{ $examples }）：这些对象不符合筛选条件，不在抽取范围内；如应在范围内，请更正其取值
warning-no-status-column = 名录没有登记状态列，因此没有对象因状态被排除（exclude_status）；如计划本就不排除任何状态，请写 exclude_status = []
warning-no-status-column-candidates = 名录没有登记状态列，因此没有对象因状态被排除（exclude_status）；表头 { $candidates } 已被舍弃：请映射状态列，如 [columns.targets] "{ $first }" = "status"
warning-status-not-excluded = 登记状态“{ $status }”（{ $rows } 户）含有“{ $keyword }”但未被排除：exclude_status 关键词须与整个状态或其括号、逗号之前的部分相同；如这些对象不宜检查，请将“{ $status }”加入 plan.exclude_status
