# 命令行工具输出和写出的中文文本：摘要（report-*）、各命令的输出行（以命令名开头）
# 和工具自身的错误（error-*）；核验材料包的 README 由库给出（kit-*，src/messages/zh.ftl）。
# 每个 id 在 output.en.ftl 中也有，所用参数相同。行首缩进由代码给出：Fluent 会去掉它。

## 抽取、检查和核验的摘要（bin/report.rs）。

report-directed = 定向
report-undirected = 不定向
report-all-strata = 全部
report-excluded = ; 排除 { $list }
report-plan = 抽查计划 { $id } { $name }（{ $authority }）
report-announcement = 抽查计划 { $plan } (第 { $attempt } 次公告): 输入已冻结，公告摘要 { $digest }
report-announced-at = 公告时间: { $at }
report-round = 随机源 drand quicknet 轮次: { $round } (发布于 { $at })
report-dice = 公开掷骰: { $dice }
report-party-to-contribute = 参与方（待提交贡献值）: { $name }
report-party-contribution = 参与方贡献: { $name } ({ $contribution })
report-replaces = 取代的公告: { $digest } ({ $reason })
report-draft = 这是草稿：请各参与方用 shuangsui contribute 提交贡献值，再用 shuangsui finalize 定稿。草稿不能用于抽取，不要公开或申请时间戳。
report-publish-announcement = 请在该轮次发布前公开本公告，并申请可信时间戳（openssl ts -query -data 公告文件 -sha256 -cert）；此后输入不得更改。
report-seed = 随机种子: { $seed } ({ $source })
report-seed-unattested = 未经证明
report-seed-announced = 由公告、drand 轮次 { $round }
report-targets-rows = 检查对象名录库: { $rows } 行
report-officers-rows = 执法检查人员名录库: { $rows } 行
report-officers-ineligible = , { $count } 人不可选派
report-task-drawn = 任务 { $id } { $name } [{ $kind }]: 名录 { $frame } → 抽取 { $count }{ $excluded }; 每组 { $team }, 可选执法人员 { $eligible }
report-task-check = 任务 { $id } { $name } [{ $kind }]: 名录 { $frame } → 将抽取 { $count }{ $excluded }; 每组 { $team }, 可选执法人员 { $eligible }
report-stratum-drawn = (实抽 { $count })
report-skipped = 顺延跳过 { $count } 户（见排除清单）
report-department = 联合抽查部门 { $department }: { $members } 人/组
report-more-selected = … { $count } 户另见记录
report-targets-digest = 检查对象名录库: { $rows } 行, 摘要 { $digest }
report-officers-digest = 执法检查人员名录库: { $rows } 行, 摘要 { $digest }
report-dropped = 读取时丢弃的列（计划未读取或属个人信息）: { $columns }
report-certificates-checked = 执法证有效性核对日期 { $date }
report-certificates-unchecked = 未核对执法证（名录中没有执法证列）
report-ineligible = 不可选派 { $id } { $name }: { $detail }
report-allowlisted = 白名单放行的代码: { $ids }
report-unchecked-ids = 未通过校验但已接受的代码: { $count }
report-check-passed = 检查通过：可以进行抽取
report-verified = 核验通过：记录可由输入完全复现 ({ $tasks } 个任务, { $drawn } 户被抽中)
report-digest-plan = 抽查计划  { $digest }
report-digest-targets = 检查对象  { $digest } ({ $rows } 行)
report-digest-officers = 执法人员  { $digest } ({ $rows } 行)
report-digest-record = 抽取记录  { $digest }
report-digest-ledger = 修改账本  { $head } ({ $count } 条修改；请与公告公布的链尾摘要比对)
report-by = (操作人 { $actor })
report-replacement-rule = 替换人选由各名额的替补顺序（抽取时已确定）决定，不由任何人选择；每队最多替换的人数见计划 max_replacements
report-unattested = 种子未经证明（unattested）：没有任何证据表明种子不是在看到抽取结果后选定的
report-guarantee = 结论： { $text }
report-not-proved = 未证明： 名录库、人员名录、检查记录、回避名单和此前批次是否完整、真实——核验只证明它们就是抽取所用（或公告冻结）的文件；这取决于数据来源和公开监督
report-mismatch = 核验不一致: { $count } 处记录与输入复现的结果不同
report-seed-mismatch = 记录中的种子推导不出记录中的抽取密钥：种子或抽取结果被改动过，以下差异由此产生
report-attestation-failed = 种子的来源证明不成立: { $why }
report-changed-input = 输入文件 { $name }: 内容与抽取时使用的不同（规范摘要不一致），以下差异由此产生
report-more-differences = … { $count } 处未列出

## 经证明的种子所保证的内容，每条一句。


## 工具自身的错误：读写文件（bin/files.rs）。

error-not-utf8-file = “{ $path }”不是 UTF-8 文本
error-cannot-read = 无法读取“{ $path }”
error-in-file = “{ $path }”：{ $error }
error-cannot-create-dir = 无法创建目录“{ $path }”
error-exists = “{ $path }”已存在；如要覆盖，请加 --force
error-not-regular-file = “{ $path }”不是普通文件（而是目录、链接、FIFO 或设备）：不会被替换；请另选输出路径
error-amended-record = “{ $path }”是一份修改账本中已有 { $count } 条修改的抽取记录：在其上重新抽取会丢弃这些修改；请将新记录写到别处
error-cannot-create-temp = 无法在“{ $path }”中创建临时文件
error-cannot-write = 无法写入“{ $path }”

## 终端上的进度（bin/progress.rs）。

progress-reading = { $file }：已读 { $read } / { $total } MB，{ $rows } 行，{ $rate } MB/s
error-cannot-create = 无法创建“{ $path }”：{ $error }
error-clock = 系统时钟超出范围

## 各命令的输出行及其自身的错误（bin/cmd/*.rs）。

amend-does-not-verify = “{ $record }”不能由这些输入核验通过：未作任何修改
amend-give-change = 请给出 --unreachable 对象，或 --target 对象 --replace-officer 执法人员 --reason 原因
amend-in-the-future = --at { $at } 晚于当前时间（{ $now }）：修改应在作出时记录时间
amend-recorded = 已记录 { $task } { $target }: { $reason }
amend-replaced = 已替换 { $task } { $target }: { $officer } → { $replacement } ({ $reason })
amend-ledger-entry = 修改账本 #{ $seq } { $digest }
announce-previous-altered = “{ $record }”与其自身摘要不符：抽取后被改动过，不能引用
announce-bad-not-before = --not-before “{ $time }”不是 RFC 3339 时间，例如 2027-01-15T10:00:00+08:00
announce-public-copies = 冻结输入的公开版本（不含个人信息）已写入 { $dir }
announce-written = 公告已写入 { $path } (摘要 { $digest })
beacon-round-bad-time = “{ $time }”不是 RFC 3339 时间，例如 2027-01-15T10:10:00+08:00
beacon-round = drand quicknet 轮次 { $round } 发布于 { $at }
contribute-not-a-party = “{ $party }”不是本草稿的参与方（{ $parties }）：参与方在制作草稿时指定
contribute-too-late = 轮次 { $round } 已于 { $at } 发布：此时提交的贡献值将晚于随机数
contribute-secret = 秘密（妥善保管；抽取后可公开，以证明贡献值为本公告而作）: { $secret }
contribute-contribution = 贡献值（写入公告）: { $contribution }
contribute-finalize-with = 定稿时使用: --party '{ $party }={ $contribution }'
demo-written = 演示：在合成名录上完成一次抽取，文件写入 { $dir }
demo-verifying = 从磁盘读回文件并核验:
demo-kit-fails = 演示的核验材料包未能核验通过：请报告此错误
demo-notice = 抽查任务公告: { $files }
demo-kit = 核验材料包（已核验）: { $dir }
demo-anyone = 任何人都可以自行核验:
draw-record-written = 记录已写入 { $path } (摘要 { $digest })
draw-exclusions-written = 排除与跳过清单已写入 { $path } ({ $count } 条)
draw-beacon-needed = 需要 --beacon 文件：公告指定轮次的 JSON
finalize-not-this-draft = “{ $path }”不是本草稿的公告：其输入、轮次或骰子不同
gen-wrote = 已写入: { $files }
init-wrote = 已写入示例文件: { $files }
publish-already-published = “{ $dir }”中已有本次抽取此前发布的公告，此后又有修改：请发布更正公告到新目录，并用 --corrects { $notice } 引用原公告
publish-tsa-cert-needed = 记录带有可信时间戳：请用 --tsa-cert 提供时间戳机构的证书，发布前核验其签名，并放入核验材料包
publish-does-not-verify = “{ $record }”不能由这些输入核验通过：未发布任何文件
publish-notice-written = 抽查任务公告已写入 { $files }
publish-kit-fails = “{ $dir }”中的核验材料包未能核验通过：请报告此错误
publish-kit-written = 核验材料包已写入并核验通过: { $dir } (任何人都可以运行: cd { $dir } && { $command })
results-bad-today = --today “{ $date }”：应为日期，例如 2027-03-01
results-summary = 结果 { $count } 条，与抽取记录一致; 公告已写入 { $files }
results-line = { $task } { $entity } { $name }{ $item } — 公示期限 { $deadline } (检查于 { $date })
results-overdue = 已逾期 { $days } 个工作日: { $line }
results-soon = 即将到期，剩余 { $days } 个工作日: { $line }
results-as-of = 截至 { $today }: { $overdue } 条逾期, { $soon } 条将在 5 个工作日内到期
schema-unknown = 没有名为“{ $name }”的 Schema（现有：{ $names }）
verify-earlier-needed = { $record } 抽取时使用了 { $count } 份此前批次的抽取记录：请逐一用 --after 记录 提供（现给出 { $given } 份）
verify-history-file = 检查记录文件
verify-conflicts-file = 回避名单
verify-file-needed = { $record } 抽取时使用了{ $file }（摘要 { $digest }）：请用 { $flag } 提供

## 解析命令行时拒绝的值（bin/args/values.rs）。

value-one-of = { $list } 或 { $last }
value-unknown-format = 未知的格式“{ $value }”（应为 { $expected }）
value-unknown-encoding = 未知的编码“{ $value }”（应为 { $expected }）
value-unknown-dialect = 未知的 --dialect“{ $value }”：应为 { $expected }
value-not-a-pair = { $flag }“{ $value }”：应为 { $form }
