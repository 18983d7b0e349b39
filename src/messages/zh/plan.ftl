# 库的消息（中文）：plan 阶段。每个 id 在 ../en/plan.ftl 中也有，参数相同（有测试检查）。

## 读取抽查计划

plan-the-plan = 抽查计划
plan-toml = 抽查计划的 TOML 有误：{ $detail }
plan-no-tasks = 抽查计划中没有抽查任务（[[tasks]]）：请至少加入一项

## A plan that is not valid TOML or not the plan's shape (toml_error.rs): what is wrong and how to write it

plan-toml-duplicate-key = 键“{ $key }”在同一节中出现了两次
plan-toml-duplicate-key-hint = 请删去其中一个（同一个任务的各项写在同一个 [[tasks]] 之下，每个键只写一次）
plan-toml-unknown-key = 不认识的键“{ $key }”（此处可用的键：{ $expected }）
plan-toml-unknown-key-hint = 请检查拼写；键名用英文（如 team_size），可用的键见 README 和 `shuangsui schema plan`
plan-toml-missing-key = 缺少必需的键“{ $key }”
plan-toml-missing-key-hint = 请补上该键，如 [plan] 下的 name = "2027年度双随机抽查计划"，或 [[tasks]] 下的 id = "T1"
plan-toml-type = 此处应为{ $expected }，实为{ $found }
plan-toml-type-hint = 整数不加引号（team_size = 2），文字加英文双引号（ratio = "3%"），列表写作 ["A", "B"]
plan-toml-tasks-table = 任务须写作 [[tasks]]（两层方括号），而不是 [tasks]
plan-toml-tasks-table-hint = 每个抽查任务以一行 [[tasks]] 开头，其下写 id、name 等键
plan-toml-unquoted-key = 键名“{ $key }”含中文，须加英文双引号
plan-toml-unquoted-key-hint = 请写作 "{ $key }" = …（如 filter = {"{"} "成立日期" = {"{"} after = "2020-01-01" {"}"} {"}"}）
plan-toml-invalid-key = 键名“{ $key }”写法有误
plan-toml-invalid-key-hint = 键名只能由英文字母、数字、_ 和 - 组成，其他（如中文、空格）须加英文双引号："{ $key }" = …
plan-toml-trailing-comma = 行内表 { "{" } … { "}" } 的最后一项后面不能有逗号
plan-toml-trailing-comma-hint = 请删去 {"}"} 前的逗号，如 filter = {"{"} risk = "A" {"}"}
plan-toml-inline-table = 行内表 { "{" } … { "}" } 写法有误
plan-toml-inline-table-hint = 行内表须写在一行之内，各项用英文逗号分隔，以 {"}"} 结尾；较长的可改写成一节，如 [tasks.filter]
plan-toml-chinese-quotes = 文字值须用英文双引号 "，不能用中文引号 “ ”
plan-toml-chinese-quotes-hint = 请把中文引号改为英文双引号（切换到英文输入法再输入），如 ratio = "3%"
plan-toml-unquoted-value = 值“{ $value }”须加英文双引号
plan-toml-unquoted-value-hint = 文字和百分比都要加英文双引号，如 id = "T1"、ratio = "3%"；只有整数（team_size = 2）和 true/false 不加
plan-toml-unterminated = 文字值缺少结尾的英文双引号
plan-toml-unterminated-hint = 每个文字值须以英文双引号开始并在同一行结束，如 name = "企业公示信息抽查"
plan-toml-array = 数组 [ … ] 写法有误
plan-toml-array-hint = 数组的各项用英文逗号分隔，以 ] 结尾，如 items = ["企业年度报告公示信息", "登记事项"]
plan-toml-one-per-line = 每行只能写一个键值
plan-toml-one-per-line-hint = 请把第二个键值移到下一行；键值后面只能跟以 # 开头的注释
plan-toml-full-width = 此处的“{ $sign }”是全角符号：TOML 的 = , [ ] {"{"} {"}"} " 都须用半角（英文）符号
plan-toml-full-width-hint = 请切换到英文输入法重新输入这个符号（如 team_size = 2，不要写 team_size ＝ 2）
plan-toml-kind-string = 字符串 "{ $value }"
plan-toml-kind-integer = 整数 { $value }
plan-toml-kind-boolean = 布尔值 { $value }
plan-toml-kind-decimal = 小数 { $value }
plan-toml-kind-array = 数组
plan-toml-kind-table = 表
plan-toml-kind-other = { $what }
plan-toml-want-integer = 整数（不加引号，如 2）
plan-toml-want-array = 数组（如 ["A", "B"]）
plan-toml-want-boolean = true 或 false
plan-toml-want-string = 加英文双引号的文字（如 "T1"）
plan-toml-want-table = 表（如 {"{"} risk = "A" {"}"}）

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

## 由任务表（一行一项任务）生成抽查计划（plan/sheet）：错误

plan-sheet-empty-table = 任务表是空的：应有表头行（任务编号、任务名称、抽查比例或抽查数量……），其下每行一项任务
plan-sheet-empty-table-hint = 请检查是否选错了文件或工作表
plan-sheet-no-tasks = 任务表的表头下没有任务：每项任务占一行，至少要填写任务编号、任务名称和抽查比例或抽查数量
plan-sheet-no-tasks-hint = 请在表头下逐行填写任务
plan-sheet-missing-column = 任务表的表头中没有必需的“{ $column }”列（列名可写作 { $names }；现有列：{ $found }）
plan-sheet-missing-column-hint = 请在表头行写上“任务编号”和“任务名称”两列（“（必填）”“*”等标注无妨），表头须在前 30 行之内
plan-sheet-missing-quota-column = 任务表的表头中既没有“抽查比例”列，也没有“抽查数量”列（现有列：{ $found }）
plan-sheet-missing-quota-column-hint = 每项任务须写明抽查比例（如 3%）或抽查数量（如 40 户）：请加上其中一列或两列
plan-sheet-duplicate-column = 列“{ $header }”与第 { $first } 列“{ $other }”都表示“{ $column }”
plan-sheet-duplicate-column-hint = 请删去其中一列，或把不需要读取的那一列改名
plan-sheet-duplicate-id = 任务编号“{ $value }”重复（第 { $first } 行已有该编号）
plan-sheet-duplicate-id-hint = 每项任务的编号须各不相同，如 T1、T2、T3
plan-sheet-empty = “{ $column }”为空：每项任务都要填写
plan-sheet-empty-hint = 请填写该单元格；不是任务的行（如合计、备注说明）请从表中删去
plan-sheet-control = “{ $column }”中有控制字符 U+{ $code }
plan-sheet-control-hint = 请删除单元格中的不可见字符（可清空后重新输入）
plan-sheet-filter = “{ $column }”为“{ $value }”：定向条件不能从任务表读入
plan-sheet-filter-hint = 请清空该单元格，生成计划后在任务 { $task } 下加一行筛选条件，如 filter = {"{"} "所属行业" = ["H 住宿和餐饮业"] {"}"}（写法见 README）
plan-sheet-directed = “{ $column }”为“{ $value }”：这是定向抽查，但定向条件不能从任务表读入
plan-sheet-directed-hint = 请把该单元格改为“不定向”或清空，生成计划后在任务 { $task } 下加一行筛选条件，如 filter = {"{"} "所属行业" = ["H 住宿和餐饮业"] {"}"}（写法见 README）
plan-sheet-bad-ratio = “{ $column }”为“{ $value }”：应为 0% 至 100% 的百分比，如 3% 或 0.5%
plan-sheet-bad-ratio-hint = 请写成数字加百分号（如 3%），或在表格中把该列设为百分比格式后输入；不要写成文字（如“百分之三”）。各层比例不同时，先填一个比例，生成计划后再改写为 ratio = {"{"} A = "1%", B = "3%" {"}"}
plan-sheet-ratio-no-percent = “{ $column }”为“{ $value }”，没有百分号：可能是 { $percent }，也可能是 { $fraction }
plan-sheet-ratio-no-percent-hint = 请写明百分号：{ $percent } 或 { $fraction }（也可在表格中把该列设为百分比格式，使单元格显示为百分比）
plan-sheet-ratio-no-percent-one = “{ $column }”为“{ $value }”，没有百分号：不能确定是不是 { $percent }
plan-sheet-ratio-no-percent-one-hint = 请写成带百分号的百分比，如 { $percent }（也可在表格中把该列设为百分比格式，使单元格显示为百分比）
plan-sheet-bad-count = “{ $column }”为“{ $value }”：应为 1 至 1000000000 的整数（户数）
plan-sheet-bad-count-hint = 请只写数字，如 40；按比例抽取的任务请把数量留空，填写抽查比例
plan-sheet-ratio-and-count = “{ $ratio_column }”为“{ $ratio }”，“{ $column }”又为“{ $value }”：二者只能填一个
plan-sheet-ratio-and-count-hint = 按比例抽取就只填抽查比例，抽取固定户数就只填抽查数量，另一个留空
plan-sheet-no-quota = 抽查比例和抽查数量都没有填写：每项任务须填写其中一个
plan-sheet-no-quota-hint = 请填写抽查比例（如 3%）或抽查数量（如 40）
plan-sheet-bad-team-size = “{ $column }”为“{ $value }”：应为 2 至 20 的整数（法律规定每次检查至少两名执法人员）
plan-sheet-bad-team-size-hint = 请写 2 至 20 之间的整数，如 2；留空则每组 2 人
plan-sheet-bad-allocation = “{ $column }”为“{ $value }”：应为 按比例、平均 或 每层
plan-sheet-bad-allocation-hint = 按比例：抽查数量按各层对象数量的比例分到各层；平均：各层平均分配；每层：每层各抽所填数量
plan-sheet-allocation-with-ratio = “{ $column }”为“{ $value }”：分配方式只用于分层抽取固定数量，填写抽查比例时不填
plan-sheet-allocation-needed = 按“{ $strata }”分层抽取固定数量 { $count } 户时，须写明“{ $column }”
plan-sheet-allocation-needed-hint = 请填写分配方式：按比例、平均 或 每层
plan-sheet-allocation-with-ratio-hint = 请清空该单元格：按比例抽取时，各层都按所填比例抽取
plan-sheet-merged-across = “{ $column }”与“{ $other }”的单元格合并成了一个（{ $range }）：不能确定“{ $value }”是哪一列的值
plan-sheet-merged-across-hint = 请取消合并（选中后再点一次“合并后居中”），把值填在它所属的那一列
plan-sheet-merged-header = 表头“{ $column }”与其下的数据行合并成了一个单元格（{ $range }）：从第 { $row } 行起，这一列读不出各行的值
plan-sheet-merged-header-hint = 请取消合并：表头只占一行，其下每行填写该列的值（各行相同的值可以合并，但不要与表头合并）
plan-sheet-merged-header-across = 表头“{ $column }”跨列合并（{ $range }），这一格的“{ $value }”在它下面却不在它那一列：不能确定是不是“{ $column }”
plan-sheet-merged-header-across-hint = 请取消表头的合并，把值填在“{ $column }”那一列；若是另一项内容，请给这一列写上表头
plan-sheet-merged-overlap = 合并单元格 { $range } 与另一个合并单元格重叠：工作簿已损坏
plan-sheet-merged-overlap-hint = 请用 Excel 打开工作簿（Excel 会修复它），检查合并单元格后另存，再重新生成
plan-sheet-rejected = 由该行生成的计划不成立：{ $reason }
plan-sheet-rejected-hint = 请按上面的说明修改任务表中的这一行
plan-sheet-header-empty = 计划的{ $key }为空
plan-sheet-header-control = 计划的{ $key }中有控制字符 U+{ $code }
plan-sheet-header-date = 抽取日期“{ $value }”不是日期：应写作如 2027-01-15 或 2027年1月15日
plan-sheet-header-rejected = 生成的计划不成立：{ $reason }
plan-sheet-problems = 任务表中有 { $total } 个问题，未能生成抽查计划
plan-sheet-key-id = 编号
plan-sheet-key-name = 名称
plan-sheet-key-authority = 实施机关
plan-sheet-key-contact = 联系方式

## 由任务表生成的计划中的说明（每行前加 #）

plan-sheet-toml-title = 抽查工作计划（plan.toml），由任务表 { $source } 生成：每个 [[tasks]] 是表中的一行。
plan-sheet-toml-title-sheet = 抽查工作计划（plan.toml），由任务表 { $source }（工作表“{ $sheet }”）生成：每个 [[tasks]] 是表中的一行。
plan-sheet-toml-edit = 用记事本等纯文本编辑器修改；以 # 开头的行是说明，不影响抽取。任务表改动后，也可以重新生成本文件。
plan-sheet-toml-syntax = 写法：文字加英文双引号（"…"），整数不加引号；键名含中文时也要加英文双引号，如 "成立日期" = …
plan-sheet-toml-no-filter =
    任务表中不能写定向条件：定向抽查的任务，请在该任务下加一行筛选条件，
    如 filter = {"{"} "所属行业" = ["H 住宿和餐饮业"] {"}"}（写法见 README）；没有 filter 的任务从全部检查对象中抽取（不定向）。
plan-sheet-toml-check = 抽取前请用 shuangsui check 检查本计划和两个名录。
plan-sheet-toml-id = 计划编号：在本机关内唯一，写入抽取记录和公告
plan-sheet-toml-name = 计划名称
plan-sheet-toml-authority = 实施抽查的机关，写入公告
plan-sheet-toml-contact = 对抽查有异议时的联系方式，写入公告
plan-sheet-toml-date = 抽取日期：执法人员的执法证须在这一天有效
plan-sheet-toml-date-missing = 抽取日期，如 "2027-01-15"：执法人员名录有执法证号时必填
plan-sheet-toml-task = ── 任务 { $id }：任务表第 { $row } 行 ──
plan-sheet-toml-task-id = 任务编号：在本计划内唯一
plan-sheet-toml-task-name = 任务名称，写入公告
plan-sheet-toml-items = 抽查事项
plan-sheet-toml-basis = 抽查依据，写入公告
plan-sheet-toml-strata = 分层：按名录的这些列分别抽取
plan-sheet-toml-ratio = 抽取比例（算出的户数向上取整）
plan-sheet-toml-ratio-from = 抽取比例（任务表中为 { $value }）
plan-sheet-toml-count = 抽取户数
plan-sheet-toml-allocation = 户数在各层的分配：proportional 按比例，equal 平均，per_stratum 每层各抽
plan-sheet-toml-team-size = 每个检查组的执法人员数，至少 2 人
plan-sheet-toml-team-size-default = 每组人数：任务表未填，取 2 人
plan-sheet-toml-merged = { $column }：任务表 { $range } 为合并单元格，取其值
plan-sheet-toml-departments = 只从这些科室（部门）的执法人员中抽取
