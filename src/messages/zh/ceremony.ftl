# 库的消息（中文）：ceremony 阶段。每个 id 在 ../en/ceremony.ftl 中也有，参数相同（有测试检查）。

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
timestamp-signature = 时间戳令牌的签名用签名者证书验证不通过：令牌已被改动，或由其他密钥签名
timestamp-unknown-signer = 所给证书既不是时间戳令牌的签名证书，也不是其签发者
timestamp-unsupported-algorithm = 不支持的算法：{ $detail }
timestamp-certificate = 证书不可接受：{ $detail }

## 严格读取的 JSON 文档（抽取记录、公告、drand 轮次）：指明成员时，接在“成员“……”：”之后。
## detail 是 serde_json 的原文。

strict-duplicate-member = 同一对象中该成员出现了两次：无法确定应读取哪一个，因此拒绝该文档
strict-syntax = 不是有效的 JSON：{ $detail }
strict-eof = JSON 文档不完整（提前结束）：{ $detail }
strict-data = 内容不符合格式要求：{ $detail }
