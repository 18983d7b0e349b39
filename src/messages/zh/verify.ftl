# 库的消息（中文）：verify 阶段。每个 id 在 ../en/verify.ftl 中也有，参数相同（有测试检查）。

## 核验：记录与输入复现结果之间的差异。值原样显示（字符串带引号），其余文字取自这里。

verify-difference = { $path }：记录中为 { $record }，按输入应为 { $recomputed }
verify-earlier-differs = 不能由这些输入重现（{ $count } 处不同）：此前批次的记录被改动过，或不是由这些输入抽取的，后续批次不能据此排除对象
verify-note-earlier-other = 第 { $n } 个此前批次（记录摘要 { $digest }）在此不能重新抽取（它不是由这些输入抽取的，或名录不在此处）：请将该摘要与该批次公布的公告比对，并用该批次自己的核验材料包核验
verify-absent = （无此项）
verify-whole-record = （整个记录）
verify-length = { $path }（项数）
verify-entries = { $count } 项
verify-announced = { $value }（公告中的值）
verify-dropped-unsorted = （已排序、互不重复的表头）
verify-dropped-read = （只能是按规则不经读取即丢弃的列的表头：个人信息，或计划不读取的列）

# 记录中的各项输入（inputs.plan、inputs.targets……）

verify-input-plan = 抽查计划
verify-input-targets = 检查对象名录
verify-input-officers = 执法检查人员名录
verify-input-history = 检查记录文件
verify-input-conflicts = 回避名单

## 核验：不属于差异、但需要说明的情况

verify-note-tsa-unused = 未使用时间戳机构的证书：抽取记录中没有可信时间戳
verify-note-not-drawable = 无法用这些输入重新抽取：{ $error }
verify-note-warehouse = 未读取名录本身：抽取由此处给出的数据仓库统计结果和候选结果重新进行。它们是否确为名录的结果取决于数据仓库：在数据仓库中，记录的摘要查询和各任务的抽取查询（SPEC.md §3.4、§7.4）在表中数据与记录的摘要、抽取范围或抽中对象不符时报错
verify-note-warehouse-regions = 按辖区匹配（officer_region）所读取的被抽中对象的行政区划来自此处给出的候选结果，不在任何查询的核对范围内：请自行在数据仓库中运行候选查询，或用名录文件核验，以一并核对
verify-note-unattested = 种子未经证明：没有任何证据表明种子不是在看到抽取结果后才选定的（可能反复抽取、挑选结果）
verify-note-altered = 抽取记录的摘要与其内容不符：抽取后被改动过
verify-note-form = 抽取记录文件的成员顺序或空白与规范的序列化（SPEC.md §9.2）不同；各成员的值均一致，这只是格式差异
verify-note-bytes-differ = { $input }：文件字节与抽取时的不同（SHA-256 为 { $sha256 }，抽取记录中为 { $recorded }），但内容相同（规范摘要一致）
verify-note-dropped-differ = { $input }：抽取记录中列出的丢弃列为 [{ $recorded }]，本文件为 [{ $found }]；丢弃的列从不读取，因此抽取结果不变（采用抽取记录中的列表；列表中每一列都核对过，确属规则丢弃的列）
verify-note-names-unchecked = 执法检查人员名录没有姓名列（发布时隐去了姓名）：姓名摘要 { $digest } 未核对；抽取不依赖姓名

## 核验：种子的来源证明为何不成立

verify-timestamp-not-base64 = seed.attestation.timestamp 不是有效的 Base64 编码
# 公告错误开头的文字；说明来源证明为何不成立时略去。

## 记录本身

record-syntax-json = 不是有效的抽取记录（JSON 格式错误）：{ $detail }
record-syntax-no-spec = 不是有效的抽取记录：缺少字符串成员“spec”
record-syntax-seed-source-attested = 不是有效的抽取记录：seed.source 应为 "unattested"（不带 attestation）或 "beacon"（带 attestation），实为“{ $source }”且带有 attestation
record-syntax-seed-source-unattested = 不是有效的抽取记录：seed.source 应为 "unattested"（不带 attestation）或 "beacon"（带 attestation），实为“{ $source }”且没有 attestation

## 修改账本（SPEC.md §9.4）：按规则某一栏应为什么；放在值的位置时加引号

ledger-rule = “{ $rule }”
ledger-not-drawn = { $target } 未被抽中
ledger-not-drawn-by-task = { $target } 未被任务 { $task } 抽中
ledger-drawn-by-several = { $target } 被任务 { $tasks } 抽中：请指明是哪个任务（任务编号）
ledger-already-unreachable = 已记录为无法联系
ledger-officer-of-team = 当前检查组中的一名执法人员
ledger-no-more-replacements = 不能再替换：{ $target } 的检查组已替换 { $max } 次（plan.max_replacements）
ledger-bad-task-key = 任务密钥格式有误
ledger-not-in-pool = { $officer } 不在任务 { $task } 的人员库中
ledger-no-replacement = 任务 { $task } 的人员库中没有人能替换 { $officer } 去检查 { $target }
ledger-bad-prev = “{ $prev }”不是 64 位十六进制摘要
ledger-unreachable-officer = 空（无法联系的对象没有执法人员，也没有替换人员）
ledger-note-needed = 说明原因的备注（原因为“{ $other }”时必填）
ledger-note-form = 不超过 { $max } 个字符的规范化文本，不含换行
ledger-actor = 作出修改的人的姓名（规范化，不能为空）
ledger-at-form = RFC 3339 格式的时间，如 2027-01-16T09:30:00+08:00
ledger-at-order = 不早于 { $time } 的时间（抽取时间，或上一条修改的时间）

# 更正被拒绝

amendment-refused = 不能修改：{ $reason }
amendment-ledger-not-verified = 不能修改：修改账本未通过核验：{ $difference }
amendment-already-unreachable = 不能修改：{ $target } 已记录为无法联系
amendment-reason = 不能修改：原因必须是 { $reasons } 之一，实为“{ $reason }”
amendment-max-replacements = 不能修改：{ $target } 的检查组已替换 { $max } 次，达到抽查计划允许的上限（plan.max_replacements）：如需再作变动，须重新抽取
amendment-not-in-team = 不能修改：{ $officer } 不在 { $target } 的检查组中（该组为 { $team }）
amendment-field = 不能修改：{ $field }“{ $found }”：应为{ $expected }
