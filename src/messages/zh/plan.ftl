# 库的消息（中文）：plan 阶段。每个 id 在 ../en/plan.ftl 中也有，参数相同（有测试检查）。

## 读取抽查计划

plan-the-plan = 抽查计划
plan-toml = 抽查计划的 TOML 有误：{ $detail }
plan-no-tasks = 抽查计划中没有抽查任务（[[tasks]]）：请至少加入一项

## 计划摘要（SPEC.md §4.3）：计划中不能出现的值

plan-key-control = 抽查计划的键 "{ $key }" 中含有控制字符
plan-keys-equal = 有两个键规范化后相同：“{ $key }”
plan-value-control = 抽查计划的值 "{ $value }" 中含有控制字符 U+{ $code }
plan-float = 抽查计划中有数字 { $number }：比例请写成字符串，如 "3%"；抽取数请写成整数
plan-datetime = 抽查计划中有日期 { $date }：日期请写成字符串（加引号）
plan-table-too-large = 抽查计划中的表过大
plan-array-too-large = 抽查计划中的列表过大

## 计划取值不符合要求：plan-value（`{ $context }{ $key }：应为 { $expected }，实为 { $found }`）的各部分

plan-context-none = { "" }
plan-context-task = 任务“{ $task }”：

# 应为

plan-expected-identifier = 非空的编号
plan-expected-unique-task-id = 不重复的任务编号（第 { $line } 行已有该编号）
plan-expected-date = 日期，如 "{ $example }"
plan-expected-draw-date = 抽取日期（date = "2027-01-15"）：近期检查和年度检查上限都从这一天起算
plan-expected-status-keywords = 登记状态关键词，但不能使用排除原因的名称 earlier_batch、inspected_recently、annual_cap
plan-expected-one-of = { $choices } 之一
plan-expected-positive-integer = 正整数
plan-expected-integer-range = { $min } 至 { $max } 的整数
plan-expected-zero-or-more = 0 或更大的整数
plan-expected-strings = 字符串
plan-expected-string-list = 字符串，或非空的字符串列表
plan-expected-condition-date = { $condition } = 日期，如 "2026-01-01"
plan-expected-condition-number = { $condition } = 整数，或写成字符串的小数，如 "0.5"
plan-expected-conditions = 条件 in、not、after、before、min、max 之一
plan-expected-a-condition = 至少一个条件（in、not、after、before、min、max）
plan-expected-column-once = 每列只写一次（比较列名时不区分 ASCII 大小写，忽略首尾空格）
plan-expected-or-table = { $leaf }，或嵌套层数不超过分层列数的表
plan-expected-percentage = 0% 至 100% 的百分比，如 "3%" 或 "0.5%"
plan-expected-ratio-or-count = ratio 或 count 二者之一，不能同时填写
plan-expected-a-quota = 抽取比例（ratio = "3%"）或抽取数（count = 40）
plan-expected-no-allocation = 不填写（有 ratio 时不写 allocation：allocation 规定的是抽取数如何分配）
plan-expected-per-stratum = "per_stratum" 或不填写（按分层列出抽取数时）
plan-expected-allocation = 分层抽取时抽取数的分配方式：allocation = "proportional"、"equal" 或 "per_stratum"
plan-expected-distinct-columns = 互不相同的列名
plan-expected-departments = 互不相同、非空的部门名称，每个部门每组出 1 至 20 人
plan-expected-joint-members = 各部门人数之和等于每组人数，且至少 2 人（法律规定每次检查至少两名执法人员）
plan-expected-team-size = { $min } 至 { $max } 名执法人员（法律规定每次检查至少两名）
plan-expected-window = "calendar_year" 或天数
plan-expected-scope = "any_item" 或 "same_item"
plan-expected-recency-keys = 键 within 和 scope
plan-expected-region = "same"（属地）或 "different"（异地）

# 实为（计划中写的值按原样显示）

plan-found-typed = { $type ->
        [integer] 整数
        [float] 小数
        [boolean] 布尔值
        [datetime] 日期时间
        [array] 列表
        [table] 表
       *[other] { $type }
    } { $value }
plan-found-name = “{ $name }”
plan-found-column-twice = “{ $column }”出现两次
plan-found-table-too-deep = 嵌套过深的表
plan-found-neither = 两者都没有
plan-found-none = 未填写
plan-found-nothing = 未填写
plan-found-no-date = 未填写
plan-found-department-members = “{ $department }”每组出 { $members } 人
plan-found-members = 共 { $members } 人

## 消息中的筛选条件：各项约束（`status ∈ {存续}`、`capital ≥ 100`）相连

plan-filter-none = （无）
plan-filter-and = { $left } 且 { $right }
