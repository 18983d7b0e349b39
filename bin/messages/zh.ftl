# 命令行工具的中文消息：在库的消息目录（src/messages）之外补充的部分。
# 每个 id 在 en.ftl 中也有，所用参数相同。

## 按错误种类给出、含命令行参数的提示。

cli-hint-not-utf8 = 请将文件另存为 UTF-8（Excel：另存为 → CSV UTF-8），或用 --encoding gbk 指明编码
cli-hint-encoding = 请将文件另存为 UTF-8（Excel：另存为 → CSV UTF-8），或用 --encoding gbk 指明编码
cli-hint-invalid-id = 请检查统一社会信用代码是否录错；如代码确属真实、只是未通过校验，可用 --id-allowlist 文件 将其列入白名单，或用 --id-check warn 改为只警告
cli-hint-no-calendar = 国务院公布 { $year } 年放假安排后，请用 --calendar 文件 提供：[[year]] year = { $year }，holidays = ["{ $year }-10-01..{ $year }-10-07", …]，workdays = [调休上班的周末]
cli-hint-inputs-not-announced = 请使用公告所冻结的原文件（`shuangsui digest --plan 计划 --targets 文件` 可打印文件的规范摘要）；如输入必须更改，请重新发布公告，并指定更晚的轮次
cli-hint-missing-history = 请用 --history 文件 提供以往的检查记录文件
cli-hint-sql-tables-needed = 请用 --table 和 --exclusions-table 指明这两个表

## 命令行工具在标准错误输出上的行：前缀之后是消息。

cli-error = 错误：{ $message }
cli-error-chain-separator = ：
cli-hint = 提示：{ $hint }
cli-warning = 警告：{ $message }
cli-note = 注意：{ $message }
cli-cannot-write-stdout = 无法写入标准输出：{ $error }
