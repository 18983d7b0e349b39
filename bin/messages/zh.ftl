# 命令行工具的中文消息：在库的消息目录（src/messages）之外补充的部分。
# 每个 id 在 en.ftl 中也有，所用参数相同。

## 按错误种类给出、含命令行参数的提示。

cli-hint-not-utf8 = 请将文件另存为 UTF-8（Excel：另存为 → CSV UTF-8），或用 --encoding gbk 指明编码
cli-hint-encoding = 请将文件另存为 UTF-8（Excel：另存为 → CSV UTF-8），或用 --encoding gbk 指明编码
cli-hint-invalid-id = 请检查统一社会信用代码是否录错；如代码确属真实、只是未通过校验，可用 --id-allowlist 文件 将其列入白名单，或用 --id-check warn 改为只警告
cli-hint-no-calendar = 国务院公布 { $year } 年放假安排后，请用 --calendar 文件 提供：[[year]] year = { $year }，holidays = ["{ $year }-10-01..{ $year }-10-07", …]，workdays = [调休上班的周末]
cli-hint-inputs-not-announced = 请使用公告所冻结的原文件（`shuangsui digest --plan 计划 --targets 文件` 可打印文件的规范摘要）；如输入必须更改，请重新发布公告，并指定更晚的轮次
cli-hint-missing-column = 请确认表头行写有上述列名之一（“（必填）”“*”等标注无妨），且表头在前 30 行之内；如该列用了别的名称，可在抽查计划的 [columns.targets] 或 [columns.officers] 中指明，如 "企业代码" = "id"；.xlsx 文件可用 --targets-sheet 或 --officers-sheet 指定工作表
cli-hint-missing-history = 请用 --history 文件 提供以往的检查记录文件
cli-hint-sql-tables-needed = 请用 --table 和 --exclusions-table 指明这两个表
cli-hint-plan-sheet-missing-column = 请在表头行写上“任务编号”和“任务名称”两列（“（必填）”“*”等标注无妨），表头须在前 30 行之内；.xlsx 文件可用 --sheet 指定工作表
cli-hint-plan-sheet-missing-quota-column = 每项任务须写明抽查比例（如 3%）或抽查数量（如 40）：请在表头加上其中一列；.xlsx 文件可用 --sheet 指定工作表
cli-hint-plan-sheet-empty-table = 请检查文件是否选错；.xlsx 文件可用 --sheet 指定工作表
cli-hint-plan-sheet-header-empty = 请用 --id 和 --name 给出计划编号和计划名称，如 --id 420100-2027-01 --name 2027年度双随机抽查计划

## 命令行工具在标准错误输出上的行：前缀之后是消息。

cli-error = 错误：{ $message }
cli-error-chain-separator = ：
cli-hint = 提示：{ $hint }
cli-warning = 警告：{ $message }
cli-note = 注意：{ $message }
cli-cannot-write-stdout = 无法写入标准输出：{ $error }

## 用法错误（参数缺失、无法识别或取值不对）：clap 只会用英文写，这里按运行语言写出。

cli-usage-missing = 缺少必需的参数：{ $args }
cli-usage-no-command = 请指定要运行的命令
cli-usage-bad-value = 参数 { $arg } 的值“{ $value }”无效
cli-usage-bad-value-because = 参数 { $arg } 的值“{ $value }”无效：{ $reason }
cli-usage-not-one-of = 参数 { $arg } 的值“{ $value }”无效：可选值为 { $valid }
cli-usage-unknown-argument = 无法识别的参数“{ $arg }”
cli-usage-unknown-command = 没有名为“{ $name }”的命令
cli-usage-conflict = 参数 { $arg } 不能与 { $other } 同时使用
cli-usage-value-count = 参数 { $arg } 的值个数不对
cli-usage-no-equals = 参数 { $arg } 的值须用“=”连接，如 { $arg }=值
cli-usage-not-utf8 = 命令行中有无法识别的字符（不是 UTF-8）
cli-usage-did-you-mean = 是否想用：{ $names }
cli-usage-line = 用法：{ $usage }
cli-usage-more = 查看全部参数及说明：在命令后加 --help

## 系统对文件的回答（英文原文之外的常见情形）

io-not-found = 文件或目录不存在，请检查路径和文件名
io-permission-denied = 没有访问权限
io-already-exists = 已经存在
io-is-a-directory = 这是一个目录，不是文件
io-not-a-directory = 路径中的某一部分不是目录
io-storage-full = 磁盘已满
io-read-only = 文件系统为只读
