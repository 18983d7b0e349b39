# 命令行工具输出和写出的中文文本：摘要（report-*）、各命令的输出行（以命令名开头）
# 和工具自身的错误（error-*）；核验材料包的 README 由库给出（kit-*，src/messages/zh.ftl）。
# 每个 id 在 output.en.ftl 中也有，所用参数相同。行首缩进由代码给出：Fluent 会去掉它。

## 抽取、检查和核验的摘要（bin/report.rs）。

report-directed = 定向
report-undirected = 不定向
report-all-strata = 全部
report-excluded = ；排除 { $list }
report-list-separator = 、
report-officer = { $name }（{ $id }）
report-plan = 抽查计划 { $id } { $name }（{ $authority }）
report-announcement = 抽查计划 { $plan }（第 { $attempt } 次公告）：输入已冻结，公告摘要 { $digest }
report-announced-at = 公告时间：{ $at }
report-round = 随机源：drand quicknet 轮次 { $round }，发布于 { $at }
report-dice = 公开掷骰：{ $dice }
report-party-to-contribute = 参与方（待提交贡献值）：{ $name }
report-party-contribution = 参与方贡献值：{ $name }（{ $contribution }）
report-replaces = 取代的公告：{ $digest }（{ $reason }）
report-draft = 这是草稿：请各参与方用 shuangsui contribute 提交贡献值，再用 shuangsui finalize 定稿。草稿不能用于抽取，不要公开，也不要为它申请可信时间戳。
report-publish-announcement = 请在该轮次发布之前公开本公告，并申请可信时间戳（openssl ts -query -data 公告文件 -sha256 -cert）；此后输入不得更改。
publish-notice-before-draw = 公告日期 { $date } 早于抽取日期 { $drawn }：公告只能在抽取当天或之后发布（--notice-date）
report-seed = 随机种子：{ $seed }（{ $source }）
report-seed-unattested = 未经证明
report-seed-announced = 由公告和 drand 轮次 { $round } 得出
report-targets-rows = 检查对象名录：{ $rows } 行
report-officers-rows = 执法检查人员名录：{ $rows } 行
report-officers-ineligible = ，其中 { $count } 人不可选派
report-task-drawn = 任务 { $id } { $name }（{ $kind }）：抽取范围 { $frame } → 抽中 { $count }{ $excluded }；每组 { $team } 人，可选派执法人员 { $eligible } 人
report-task-check = 任务 { $id } { $name }（{ $kind }）：抽取范围 { $frame } → 将抽取 { $count }{ $excluded }；每组 { $team } 人，可选派执法人员 { $eligible } 人
report-stratum-drawn = （抽中 { $count }）
report-skipped = 顺延跳过 { $count } 户（见排除与跳过清单）
report-department = 联合抽查部门 { $department }：每组 { $members } 人
report-more-selected = ……另有 { $count } 户，见抽取记录
report-targets-digest = 检查对象名录：{ $rows } 行，摘要 { $digest }
report-officers-digest = 执法检查人员名录：{ $rows } 行，摘要 { $digest }
report-dropped = 读取时丢弃的列（计划未读取或属个人信息）：{ $columns }
report-certificates-checked = 已按 { $date } 核对执法证有效期
report-certificates-unchecked = 未核对执法证（执法检查人员名录中没有执法证列）
report-ineligible = 不可选派 { $id } { $name }：{ $detail }
report-allowlisted = 白名单放行的编号：{ $ids }
report-unchecked-ids = 未通过校验但已接受的编号：{ $count } 个
report-check-passed = 检查通过：可以进行抽取
report-verified = 核验通过：抽取记录可由输入完全复现（{ $tasks } 个任务）
report-totals = 合计：抽中 { $entities } 户，需检查 { $visits } 次（各任务抽中合计 { $selections } 户次；同一对象被几个任务抽中的，按计划合并检查或分别检查）
report-totals-simple = 合计：抽中 { $entities } 户，需检查 { $entities } 次
report-digest-plan = 抽查计划  { $digest }
report-digest-targets = 对象名录  { $digest }（{ $rows } 行）
report-digest-officers = 人员名录  { $digest }（{ $rows } 行）
report-digest-record = 抽取记录  { $digest }
report-digest-ledger = 修改账本  { $head }（{ $count } 条修改；请与抽查任务公告中公布的链尾摘要比对）
report-by = （操作人 { $actor }）
report-replacement-rule = 替换人选由各名额的替补顺序（抽取时已确定）决定，不由任何人挑选；每组最多可替换的人数由抽查计划的 max_replacements 规定
report-guarantee = 已证明：{ $text }
report-not-proved = 未证明：检查对象名录、执法检查人员名录、检查记录、回避名单和此前批次清单是否完整、真实。核验只能证明它们与抽取所用（或公告所冻结）的输入内容相同（规范摘要一致），只有记录写明原始 SHA-256 时才证明文件字节相同；它们是否完整、真实，取决于数据来源和公众监督
report-mismatch = 核验不一致：抽取记录与按输入复现的结果有 { $count } 处不同
report-seed-mismatch = 抽取记录中的种子推导不出其中的抽取密钥（draw_key）：种子或抽取结果被改动过，以下差异由此产生
report-attestation-failed = 种子的来源证明不成立：{ $why }
report-changed-input = 输入文件 { $name }：内容与抽取时使用的不同（规范摘要不一致），以下差异由此产生
report-more-differences = ……另有 { $count } 处差异未列出

## 经证明的种子所保证的内容，每条一句。


## 工具自身的错误：读写文件（bin/files.rs）。

error-not-utf8-file = “{ $path }”不是 UTF-8 文本
error-cannot-read = 无法读取“{ $path }”
error-in-file = “{ $path }”：{ $error }
error-cannot-create-dir = 无法创建目录“{ $path }”
error-exists = “{ $path }”已存在；如要覆盖，请加 --force
error-not-regular-file = “{ $path }”不是普通文件（而是目录、链接、FIFO 或设备）：不会被替换；请另选输出路径
error-amended-record = “{ $path }”是一份已有 { $count } 条修改（记在修改账本中）的抽取记录：在其上重新抽取会丢弃这些修改；请将新记录写到别处
error-cannot-create-temp = 无法在“{ $path }”中创建临时文件
error-cannot-write = 无法写入“{ $path }”

## 终端上的进度（bin/progress.rs）。

progress-reading = { $file }：已读 { $read } / { $total } MB，{ $rows } 行，{ $rate } MB/s
error-cannot-create = 无法创建“{ $path }”：{ $error }
error-clock = 系统时钟超出范围

## 各命令的输出行及其自身的错误（bin/cmd/*.rs）。

amend-does-not-verify = “{ $record }”用这些输入核验不通过：未作任何修改
amend-give-change = 请给出 --unreachable 主体，或 --target 主体 --replace-officer 执法人员 --reason 原因
amend-in-the-future = --at { $at } 晚于当前时间（{ $now }）：修改时间应为实际作出修改的时间
amend-recorded = 已记录 { $task } { $target }：{ $reason }
amend-replaced = 已替换 { $task } { $target }：{ $officer } → { $replacement }（{ $reason }）
amend-ledger-entry = 修改账本 #{ $seq } { $digest }
announce-previous-altered = “{ $record }”与其自身摘要不符：抽取后被改动过，不能引用
announce-bad-not-before = --not-before “{ $time }”不是可识别的时间：请写作 2027-01-15 10:00（北京时间），或 RFC 3339 格式如 2027-01-15T10:00:00+08:00
announce-public-copies = 冻结输入的公开版本（不含个人信息）已写入 { $dir }
announce-notice-written = 抽查公告（抽取前张贴、发布，A4 打印）已写入 { $path }
announce-draft-no-notice = 草稿没有抽查公告：各参与方提交贡献值后，用 shuangsui finalize … --publish 目录 定稿时生成
finalize-no-notice = 未指定 --publish：没有生成抽查公告（定稿时用 --publish 公开副本目录，即可由公开副本生成）
announce-written = 公告已写入 { $path }（摘要 { $digest }）
beacon-round-bad-time = “{ $time }”不是可识别的时间：请写作 2027-01-15 10:10（北京时间），或 RFC 3339 格式如 2027-01-15T10:10:00+08:00
amend-bad-time = --at “{ $time }”不是可识别的时间：请写作 2027-01-20 15:00（北京时间），或 RFC 3339 格式如 2027-01-20T15:00:00+08:00
beacon-round = drand quicknet 轮次 { $round } 发布于 { $at }
contribute-not-a-party = “{ $party }”不是本草稿的参与方（{ $parties }）：参与方在生成草稿时已经确定
contribute-too-late = 轮次 { $round } 已于 { $at } 发布：此时提交的贡献值将晚于随机数
contribute-secret = 秘密（请妥善保管；抽取后公开它，即可证明贡献值是为本公告而作）：{ $secret }
contribute-contribution = 贡献值（写入公告）：{ $contribution }
contribute-finalize-with = 定稿时使用：--party '{ $party }={ $contribution }'
demo-written = 演示：在合成数据上完成一次完整抽取，文件写入 { $dir }
demo-verifying = 从磁盘读回文件并核验：
demo-kit-fails = 演示的核验材料包未能核验通过：请报告此错误
demo-notice = 抽查任务公告：{ $files }
demo-kit = 核验材料包（已核验）：{ $dir }
demo-anyone = 任何人都可以自行核验：
draw-record-written = 抽取记录已写入 { $path }（摘要 { $digest }）
draw-exclusions-written = 排除与跳过清单已写入 { $path }（{ $count } 行）
draw-exclusions-header = 任务编号,统一社会信用代码,排除或跳过的原因
draw-exclusions-drawn-by = 已被任务 { $task } 抽中（一个对象只进一个任务）
sql-plan-no-task = --task 需要 --record（抽取记录）：抽取之前，--plan 只能用于 --digest targets
sql-plan-digest-targets-only = --plan 只用于计算检查对象名录的摘要（--digest targets）：执法检查人员名录的摘要请由其文件计算（shuangsui digest --plan plan.toml --officers officers.csv）
announce-bad-targets-rows = --targets-rows { $rows }：名录应有 1 至 { $limit } 行（请填写所给摘要对应表的 SELECT count(*)）
announce-targets-digest-and-rows = --targets-digest 与 --targets-rows 须一同给出，代替 --targets：数据仓库计算的摘要（shuangsui sql --plan plan.toml --digest targets）和该表的 SELECT count(*)
announce-raw-frozen = 同时冻结了各文件的原始 SHA-256：抽取须使用逐字节相同的这些文件
announce-bad-targets-digest = --targets-digest“{ $digest }”不是 64 位十六进制数字：请填写数据仓库计算出的摘要（shuangsui sql --plan plan.toml --digest targets）
announce-targets-elsewhere = 检查对象名录留在数据仓库中：摘要 { $digest }，{ $rows } 行。此处未作任何检查：抽取时读取导出的名录，其摘要须与此相同；只有仓库表中为规范列名、规范化值且编号不重复时才可能相同（请在随机数发布前对导出文件运行 shuangsui check）
draw-raw-not-announced = --raw-digest：公告未记录输入文件的原始 SHA-256，按公告抽取的记录也不记录：请去掉 --raw-digest（原始摘要须在公告时用 announce --raw-digest 冻结）
draw-beacon-needed = 需要用 --beacon 文件 提供公告指定的 drand 轮次（JSON）
finalize-copy-not-announced = { $path } 不是公告所冻结的内容（规范摘要不同）：公开副本在 announce --publish 之后被修改过，未生成抽查公告；请恢复 announce 写出的公开副本
finalize-not-this-draft = “{ $path }”不是本草稿的公告：其输入、轮次或骰子不同
gen-wrote = 已写入：{ $files }
init-wrote = 已写入示例文件：{ $files }
plan-wrote = 已写出 { $path }：{ $count } 项任务，来自任务表 { $source }{ $sheet }
plan-wrote-sheet = （工作表“{ $sheet }”）
plan-task = { $id } { $name }：{ $quota }{ $strata }，每组 { $team } 人{ $departments }
plan-quota-ratio = 抽查比例 { $ratio }
plan-quota-count = 抽查 { $count } 户
plan-strata = ，按 { $columns } 分层
plan-strata-allocation = ，按 { $columns } 分层（{ $allocation }）
plan-allocation-proportional = 按比例分配
plan-allocation-equal = 平均分配
plan-allocation-per-stratum = 每层各抽
plan-departments = ，执法人员限 { $departments }
plan-unread = 未读取的列：{ $columns }
plan-next = 下一步：定向抽查的任务，请按 { $path } 开头的说明为其加上筛选条件；然后用 shuangsui check --plan { $path } --targets 名录文件 --officers 执法人员名录文件 检查。
publish-already-published = “{ $dir }”中是本次抽取此前发布的抽查任务公告，其后又有新的修改：请将更正公告发布到新目录，并用 --corrects { $notice } 引用原公告
publish-tsa-cert-needed = 抽取记录带有可信时间戳：请用 --tsa-cert 提供时间戳机构的证书，以便现在核验其签名，并放入核验材料包
publish-does-not-verify = “{ $record }”用这些输入核验不通过：未发布任何文件
publish-notice-written = 抽查任务公告已写入 { $files }
publish-kit-fails = “{ $dir }”中的核验材料包未能核验通过：请报告此错误
publish-kit-written = 核验材料包已写入并核验通过：{ $dir }（任何人都可以运行：cd { $dir } && { $command }）
error-bad-day = { $flag } “{ $date }”：应为日期，例如 2027-03-01
results-summary = 检查结果 { $count } 条，与抽取记录一致；抽查结果公告已写入 { $files }
results-line = { $task } { $entity } { $name }{ $item }，公示截止 { $deadline }（检查日期 { $date }）
results-overdue = { $days ->
        [0] 已过公示截止日
       *[other] 已逾期 { $days } 个工作日
    }：{ $line }
results-no-contact = 未提供 --plan 抽查计划：结果公告中没有对抽查有异议时的联系方式（计划中的 contact）
results-plan-not-the-records = { $plan } 不是 { $record } 抽取时所用的抽查计划（规范摘要不同）：请用抽取时的计划文件，结果公告中的联系方式取自该计划
results-soon = { $days ->
    [0] 今日到期
   *[other] 还有 { $days } 个工作日到期
}：{ $line }
results-as-of = 截至 { $today }：{ $overdue } 条已逾期，{ $soon } 条将在 5 个工作日内到期
schema-unknown = 没有名为“{ $name }”的 Schema（现有：{ $names }）
verify-earlier-needed = { $record } 抽取时使用了 { $count } 份此前批次的抽取记录：请用 --after 记录 逐一提供（目前提供了 { $given } 份）
verify-history-file = 检查记录文件
verify-conflicts-file = 回避名单
verify-file-needed = { $record } 抽取时使用了{ $file }（摘要 { $digest }）：请用 { $flag } 提供

## 解析命令行时拒绝的值（bin/args/values.rs）。

value-one-of = { $list } 或 { $last }
value-unknown-format = 未知的格式“{ $value }”（应为 { $expected }）
value-unknown-encoding = 未知的编码“{ $value }”（应为 { $expected }）
value-unknown-dialect = --dialect 的值“{ $value }”未知：应为 { $expected }
value-not-a-pair = { $flag } 的值“{ $value }”格式有误：应为 { $form }
match-targets-digest-needed = 使用 --seed 时，请给出检查对象名录的规范摘要（--targets-digest HEX，在数据仓库中由 `shuangsui sql --plan plan.toml --digest targets` 计算）；使用 --announcement 时即为公告中的摘要
match-verify-hint = 请在名录所在处核验：用名录文件运行 `shuangsui verify`，或在数据仓库中运行 `shuangsui sql --record 记录 --digest targets` 以及每个任务的 `--task 编号` 查询（表中数据与记录的摘要、抽取范围或抽中对象不符时查询报错）
verify-warehouse-or-file = 请给出名录文件（--targets）或数据仓库的查询结果（--census 和 --candidates），不能同时给出
verify-census-and-candidates = 从数据仓库抽取的记录须由其两项查询结果核验：--census 和 --candidates
verify-record-no-targets-digest = 记录中没有检查对象名录的摘要：无法与数据仓库的查询结果核对
match-exclusions-written = 抽取中跳过的对象（{ $count } 个）已写入 { $path }（因登记状态排除的对象只在统计结果中计数）
match-seed-needed = 请给出抽取的种子：--announcement 及其 --beacon，或 --seed
digest-names = 执法人员姓名摘要 { $digest }
