# 库的消息（中文）：publish 阶段。每个 id 在 ../en/publish.ftl 中也有，参数相同（有测试检查）。

## 数据库查询（SPEC.md §7.4）

sql-table-name = “{ $name }”不是有效的表名：应为 NAME 或 SCHEMA.NAME 的形式，各部分不能为空
sql-table-name-taken = 表名“{ $name }”与查询中某一部分的名称相同：请加上模式名（如 public.{ $name }）
sql-no-task = 记录中没有任务“{ $task }”（记录中的任务：{ $tasks }）
sql-spec = 抽取记录遵循规范版本“{ $found }”；本程序只能为规范版本 { $supported } 生成查询
sql-record-altered = 抽取记录的摘要与其内容不符：抽取后被改动过，据此生成的查询不能证明任何事（请运行 shuangsui verify 核验）
sql-exclusions-csv = { $file }：CSV 格式错误：{ $detail }
sql-exclusions-columns = { $file }：应有 task、target、reason 三列，实为 { $found }
sql-exclusions-task = { $file }：列出了任务“{ $task }”的排除，但抽取记录中没有该任务
sql-exclusions-digest = { $file }：任务“{ $task }”的 { $rows } 行摘要为 { $digest }，与抽取记录中的 frame.listed { $listed } 不符

## 抽查结果文件，逐行检查

results-no-date = 缺少检查完成日期
results-not-vocabulary = “{ $result }”不是全国统一的检查结果用语（{ $vocabulary }）
results-not-drawn = “{ $entity }”未被本计划抽中：只有被抽中的主体才有检查结果
results-other-item = “{ $entity }”由 { $tasks } 抽中，但其抽查事项不含“{ $item }”（其抽查事项：{ $items }）
results-other-item-in-task = “{ $entity }”由 { $tasks } 抽中，但任务“{ $task }”的抽查事项不含“{ $item }”（其抽查事项：{ $items }）
results-no-items = 无，抽查事项请留空
results-several-tasks = “{ $entity }”在多个任务（{ $tasks }）中都有抽查事项“{ $item }”：请增加“抽查任务编号”列，指明属于哪个任务
results-second = “{ $entity }”的抽查事项“{ $item }”出现了第二条检查结果（第一条在第 { $first } 行）
results-unreachable = 修改账本中已将“{ $entity }”记为无法联系：其检查结果应为“{ $unreachable }”，而不是“{ $result }”
results-before-draw = 检查日期 { $date } 早于抽取日期 { $drawn }
results-after-today = 检查完成日期 { $date } 晚于今天（{ $today }）：只能登记已完成的检查
results-missing = 任务 { $task } 抽中的“{ $entity }”{ $name }没有检查结果
results-missing-item = 任务 { $task } 抽中的“{ $entity }”{ $name }在抽查事项“{ $item }”上没有检查结果

## 工作日历文件

calendar-not-utf8 = 日历文件不是 UTF-8 文本
calendar-toml = 日历文件不是有效的 TOML：{ $detail }
calendar-year = year：应为年份（如 2027），实为 { $found }
calendar-year-twice = { $year } 年出现了两次
calendar-not-in-year = “{ $date }”不在 { $year } 年内
calendar-date = 应为日期（如 { $year }-10-01）或日期范围（如 { $year }-10-01..{ $year }-10-07），实为“{ $found }”
calendar-range = 日期范围“{ $range }”的结束日期早于开始日期
calendar-weekday = { $date } 本来就是工作日（周一至周五）：只有周六、周日才能调为上班日
calendar-both = { $date } 同时被列为节假日和调休上班日

## 抽查任务公告：按计划规则排除的对象（SPEC.md §6.1），后接户数

notice-excluded-earlier-batch = 前批次已抽中
notice-excluded-inspected-recently = 近期已检查
notice-excluded-annual-cap = 已达年度检查次数上限
kit-inputs-mismatch = 所给输入不是该记录的输入：{ $what }；请用抽取时的输入发布该记录
kit-mismatch-plan = 记录中的抽查计划摘要为 { $record }，所给计划的摘要为 { $given }
kit-mismatch-rows = 记录中的{ $table }有 { $record } 行，所给的有 { $given } 行
