# 库的消息（中文）：ceremony 阶段。每个 id 在 ../en/ceremony.ftl 中也有，参数相同（有测试检查）。

## 抽取公告（announce-*）：错误“公告：……”的正文（错误种类的消息把它放在“公告：”之后）；
## 核验时单独显示，说明来源证明为何不成立。

announce-margin-negative = 时间间隔（margin）不能为负数
announce-not-before-past = { $time } 已经过去（现在是 { $now }）：必须选择尚未发布的轮次
announce-not-before-in-margin = 轮次不能早到 { $time }：该时间距现在（{ $now }）不足 { $minutes } 分钟的间隔，该轮次的随机数可能在公告公开之前就已发布
announce-dice-invalid = 骰子：应为当场公开投掷得到的 0–9 数字，至多 { $max } 个（忽略空白），实为“{ $dice }”
announce-replaced-other-plan = 被取代的公告属于抽查计划“{ $replaced }”，不是“{ $plan }”
announce-reason-missing = 请说明被取代的那次公告为何没有进行抽取：该原因将会公开
announce-redo-round-not-later = 重新公告必须指定比被取代公告的轮次 { $round }（发布于 { $emitted }）更晚的轮次：请选择其后的轮次
announce-too-many-attempts = 公告次数过多
announce-party-name = 参与方“{ $name }”：每个参与方的名称都不能为空，且不得重复
announce-not-draft = 这不是草稿：草稿列有参与方，且尚无任何一方提交贡献值
announce-draft-round-emitted = 轮次 { $round } 已于 { $emitted } 发布（现在是 { $now }）：此草稿已无法定稿；请重新公告，取代此草稿
announce-draft-round-in-margin = 轮次 { $round } 将于 { $emitted } 发布，距现在（{ $now }）不足 { $minutes } 分钟的间隔：已来不及在此之前公开公告；请重新公告，取代此草稿
announce-party-unknown = “{ $name }”不是草稿列有的参与方（{ $parties }）：参与方在生成草稿时已经确定
announce-contribution-invalid = 参与方“{ $name }”：应提交一个 64 位十六进制的贡献值，实为“{ $found }”
announce-party-missing = 参与方“{ $name }”尚未提交贡献值：草稿列有的每个参与方都必须提交
announce-time-invalid = { $member } 的值“{ $value }”不是 YYYY-MM-DDTHH:MM:SSZ 格式的 UTC 时间
announce-is-draft = 这是草稿：参与方尚未提交贡献值。须先由各参与方提交贡献值并定稿，公开定稿后的公告，然后才能抽取
announce-spec = 公告的规范版本为“{ $found }”：本程序只支持规范版本 { $supported } 的公告
announce-digest-mismatch = 公告的摘要与内容不符：公告生成后已被改动
announce-not-before-early = beacon.not_before { $not_before } 早于 announced_at { $announced }
announce-round-mismatch = beacon.round { $round } 不是在 not_before { $not_before } 当时或之后发布的第一个轮次（应为轮次 { $expected }）
announce-emitted-mismatch = beacon.emitted_at { $emitted } 不是轮次 { $round } 的发布时间（应为 { $expected }）
announce-chain-hash = beacon.chain_hash { $chain_hash } 不是 drand quicknet 的链标识
announce-dice-stored = dice 的值“{ $dice }”不是至多 { $max } 位的数字串
announce-party-not-normalised = 参与方名称“{ $name }”未经规范化
announce-parties-unsorted = 参与方没有按名称排序，或有重名
announce-contribution-stored = 参与方“{ $name }”：贡献值不是 64 位小写十六进制数字
announce-attempt-invalid = 第 { $attempt } 次公告：首次公告不取代任何公告；此后的公告须写明所取代公告的摘要及其未抽取的原因
announce-previous-unknown = previous 的值“{ $previous }”不是公告所冻结的此前批次抽取记录之一（inputs.earlier）
announce-reason-not-normalised = 原因不是规范化的文本
announce-party-control = 参与方名称含有控制字符
announce-chain-count = 第 { $attempt } 次公告须附上此前的 { $needed } 份公告，实际提供 { $given } 份：每次公告都必须保留可查
announce-chain-link = 第 { $attempt } 次公告取代的是 { $replaces }，不是抽查计划“{ $plan }”的第 { $old_attempt } 次公告（{ $old_digest }）
announce-chain-round = 第 { $attempt } 次公告指定的轮次 { $round } 不晚于其取代的第 { $old_attempt } 次公告的轮次 { $old_round }：重新公告必须等待新的轮次，否则就可以在两个种子之间挑选
announce-chain-time = 第 { $attempt } 次公告的时间 { $announced } 早于其取代的第 { $old_attempt } 次公告（{ $old_announced }）
announce-earlier-round = 轮次 { $round } 不晚于其接续的此前批次 { $earlier } 的轮次 { $earlier_round }：后一批次须使用更晚的轮次

## 来源证明（attest-*）：对照公告检查 drand 轮次、公开的秘密、可信时间戳和输入文件。

attest-round-not-announced = drand 轮次 { $round } 不是公告指定的轮次 { $announced }：抽取只能使用公告指定的轮次（drand 每个轮次都会发布；中断后会补发）
attest-beacon-invalid = drand 轮次 { $round }：{ $reason }
attest-party-unknown = “{ $name }”不是公告列明的参与方
attest-secret-mismatch = “{ $name }”公开的秘密与其贡献值 { $contribution } 不符：该贡献值不是为本公告所作
attest-revealed-twice = “{ $name }”公开了两次秘密
attest-digest-invalid = 摘要格式有误
attest-timestamp-invalid = 时间戳令牌未通过检查：{ $reason }
attest-timestamp-other-file = 时间戳令牌不是为本公告文件的内容签发的
attest-timestamp-late = 时间戳令牌上的时间为 { $time }，并不早于轮次 { $round } 的发布时间 { $emitted }：不能证明公告在随机数产生之前已经存在
# 输入文件的名称，用在“{ $input }”处。
attest-input-plan = 抽查计划
attest-input-targets = 检查对象名录
attest-input-officers = 执法检查人员名录
attest-input-history = 检查记录文件
attest-input-conflicts = 回避名单
attest-raw-not-announced = 公告未记录{ $input }文件的原始 SHA-256：请按公告，不计算原始摘要进行抽取
attest-raw-not-hashed = 公告记录了{ $input }文件的原始 SHA-256，而本次抽取未计算它：请按公告，计算原始摘要读取输入
attest-input-bytes = { $input }的内容与公告时相同，但文件字节不同（SHA-256 为 { $sha256 }，公告中为 { $announced }）：请直接使用公告时的那份文件抽取
attest-input-changed = { $input }不是公告时的文件（规范摘要 { $digest }，公告为 { $announced }）：公告之后不得更改输入
# 没有该输入（没有摘要）。
attest-digest-none = 无
attest-names-changed = 执法人员姓名与公告时不同（姓名摘要 { $digest }，公告为“{ $announced }”）：公告之后不得更改执法人员姓名
attest-earlier-changed = 此前批次的抽取记录与公告时的不同

## drand 轮次与其声称的不符（beacon::Invalid）。

beacon-malformed = 签名格式有误：{ $detail }
beacon-length = 签名格式有误：长 { $bytes } 字节，应为 48 字节
beacon-randomness = 随机数不是签名的 SHA-256
beacon-signature = 用内置的 quicknet 公钥验证，该 BLS 签名不是本轮次的有效签名

## 不被接受的 RFC 3161 时间戳令牌（timestamp::Invalid）。

timestamp-malformed = 时间戳令牌格式有误：{ $detail }
timestamp-not-granted = 时间戳机构未签发时间戳：{ $status }
timestamp-imprint-algorithm = 时间戳令牌的消息摘要使用 { $algorithm }；只接受 SHA-256 摘要
timestamp-imprint-mismatch = 时间戳令牌是为其他内容签发的：其消息摘要不是所给数据的 SHA-256
timestamp-signature = 用签名者证书验证时间戳令牌的签名未通过：令牌已被改动，或由其他密钥签名
timestamp-unknown-signer = 所给证书既不是时间戳令牌的签名证书，也不是其签发者
timestamp-unsupported-algorithm = 不支持的算法：{ $detail }
timestamp-certificate = 证书不符合要求：{ $detail }

## 严格读取的 JSON 文档（抽取记录、公告、drand 轮次）：指明成员时，接在“成员“……”：”之后。
## detail 是 serde_json 的原文。

strict-duplicate-member = 同一对象中该成员出现了两次：无法确定应读取哪一个，因此拒绝该文档
strict-syntax = 不是有效的 JSON：{ $detail }
strict-eof = JSON 文档不完整（提前结束）：{ $detail }
strict-data = 内容不符合格式要求：{ $detail }
strict-unknown-member = 不应有的成员“{ $member }”（此处只能有：{ $expected }）
strict-missing-member = 缺少成员“{ $member }”
announce-time-out-of-range = 时间 { $time } 不在 drand quicknet 首轮（2023-08-23）至 9999 年之间的 Unix 秒范围内：以毫秒计的时间须除以 1000
