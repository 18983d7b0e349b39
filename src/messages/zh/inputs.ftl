# 库的消息（中文）：inputs 阶段。每个 id 在 ../en/inputs.ftl 中也有，参数相同（有测试检查）。

## 读取文件：`detail` 是操作系统的原话。

input-read-failed = 无法读取文件：{ $detail }
input-read-changed = 无法读取文件：文件在读取过程中被改动，请在无人编辑该文件时重新抽取

## 上限

input-too-large-stream = 输入文件超出大小上限 { $limit }
input-too-large-rows = 行数（{ $rows }）超出上限 { $limit }
input-too-large-columns = 列数（{ $columns }）超出上限 { $limit }
input-too-large-header = 表头长度超出上限 { $limit } 字节
input-too-large-field = “{ $field }”的值长 { $bytes } 字节，超出上限 { $limit } 字节
input-too-large-line = 该行超过 { $bytes } 字节：每行最多 { $columns } 列，每列最多 { $limit } 字节
input-too-large-record-field = “{ $field }”的值超过 { $bytes } 字节，超出上限 { $limit } 字节
input-too-large-record-column = 第 { $column } 列的值超过 { $bytes } 字节，超出上限 { $limit } 字节

## 表头与取值

input-control-character-header = 表头含有控制字符 U+{ $code }
input-expected-risk = A、B、C、D 之一的信用风险分类（也可写作 A类、低风险 等）
input-expected-date = 日期，如 2027-01-15、2027/1/15 或 2027年1月15日
input-expected-end-date = 日期（如 2028-12-31）或“长期”
input-expected-validity = 有效期，如 2023-01-01至2028-12-31（或 …至长期）

## 形似个人信息的取值（personal-data 的 `shape`）

personal-shape-resident-id = 居民身份证号码
personal-shape-mobile = 手机号码
personal-shape-email = 电子邮箱

## 检查对象编号未通过校验的原因（invalid-id 的 `reason`）

uscc-bad-character = 统一社会信用代码中不会出现“{ $char }”（I、O、S、V、Z 和小写字母都不使用）
uscc-bad-check = 校验码不符合 GB 32100-2015（第 18 位应为“{ $expected }”）
uscc-bad-org-check = 组织机构代码不符合 GB 11714 校验规则（第 9–17 位）
uscc-bad-reg15 = 注册号未通过 ISO 7064 MOD 11,10 校验
uscc-bad-length = 应为 18 位统一社会信用代码或 15 位注册号，实为 { $length } 位

## CSV 与 TSV：`detail` 是 CSV 读取程序的原话。

csv-syntax = CSV 格式错误：{ $detail }
csv-field-count = CSV 格式错误：此行有 { $fields } 个字段，表头有 { $columns } 个
csv-stray-quote = CSV 格式错误：有一个未加引号的字段中含有引号，同时有带引号的字段跨越了多行：请给含有多余引号的字段整体加上引号（引号内的引号写作 ""）

## JSON 与 JSON Lines：`detail` 是 JSON 读取程序的原话。

json-syntax = JSON 表格格式错误：{ $detail }
json-duplicate-member = JSON 表格格式错误：同一行中字段 { $member } 出现了两次
json-not-array = JSON 表格格式错误：应为由对象组成的数组，每行一个对象
json-not-object = JSON 表格格式错误：每一行都应是一个对象
json-nested = JSON 表格格式错误：“{ $member }”的值是嵌套的数组或对象；每个值必须是字符串或数字

## Excel 工作簿：`detail` 是工作簿读取程序的原话。

xlsx-not-workbook = 不是可读取的 .xlsx 工作簿
xlsx-not-workbook-detail = 不是可读取的 .xlsx 工作簿（{ $detail }）
xlsx-encrypted = 不是可读取的 .xlsx 工作簿（文件已加密：请在 Excel 中取消密码后另存）
xlsx-ole = 不是可读取的 .xlsx 工作簿（这是 Excel 97-2003 的 .xls 文件或其他 OLE 文档：请在 Excel 中另存为 .xlsx 或 CSV UTF-8）
xlsx-no-sheet-part = 不是可读取的 .xlsx 工作簿（找不到第 { $sheet } 个工作表的数据）
xlsx-no-such-sheet = 没有名为“{ $sheet }”的工作表（现有工作表：{ $sheets }）
xlsx-no-sheets = 工作簿中没有工作表
xlsx-sheet-unreadable = 无法读取工作表“{ $sheet }”（{ $detail }）
xlsx-cell-error = 单元格中有错误值 { $error }
xlsx-too-large-part = 工作簿解压后超出限制：部件“{ $part }”超过 { $limit }
xlsx-too-large-markup = 工作簿解压后超出限制：部件“{ $part }”中有一段标记或文本超过 { $limit }
xlsx-too-large-element = 工作簿解压后超出限制：部件“{ $part }”中有一个元素（单元格、共享字符串或名称）超过 { $limit }
xlsx-too-large-memory = 工作簿解压后超出限制：其共享字符串、样式和单元格所需的内存将超过 { $limit }

## 关于输入取值的警告

warning-filter-expected-date = 日期
warning-filter-expected-number = 数字
warning-filter-example = “{ $value }”
