# 命令行帮助的中文文本（`shuangsui --help`，默认语言）。id 的规则见 bin/args/help.rs：
# help-命令-about、help-命令-after、help-命令-arg-参数，各命令含义相同的参数用 help-arg-参数。
# 每个 id 在 help.en.ftl 中也有。

## clap 的固定用语。

help-heading-usage = 用法
help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项
help-default = ［默认：{ $value }］
help-possible-values = ［可选：{ $values }］
help-value-with-help = { $value }（{ $help }）
help-separator = {"、"}

## 工具本身与全局选项。

help-shuangsui-about = 可核验的“双随机、一公开”抽取：随机抽取检查对象和执法检查人员，任何人都可以重新运行核验
help-shuangsui-after =
    退出码：0 成功（verify：抽取可以复现），1 verify 发现不一致，2 出错。

    入门：先运行 `shuangsui demo`，再用 `shuangsui init 目录` 生成可修改的示例文件。
help-arg-lang = 帮助、摘要、报告和公告的语言（也可设置环境变量 SHUANGSUI_LANG=en）
help-arg-lang-value-zh = 中文
help-arg-lang-value-en = English
help-arg-quiet = 不在标准错误输出上显示进度（进度本来只在终端上显示）
help-arg-threads = 使用的线程数（默认：全部核心）；结果与线程数无关
help-arg-help = 显示帮助（-h 显示摘要）
help-arg-version = 显示版本
help-help-about = 显示本帮助或指定命令的帮助

## 抽取的输入（check、draw、announce、verify、amend、publish）。

help-arg-plan = 抽查计划（TOML）
help-arg-targets = 检查对象名录：带表头行（id、name……）的 .csv、.tsv、.xlsx、.json 或 .jsonl 文件
help-arg-officers = 执法检查人员名录，格式同上（id、name……）
help-arg-history = 以往检查记录（entity、date、task、item、officers），用于排除近期已检查对象、年度检查次数上限和轮换
help-arg-conflicts = 回避名单（officer、entity、reason）：所列执法人员不会被派去检查所列对象
help-arg-earlier = 本计划此前批次的抽取记录（可重复）：其中已抽中的对象不会被同一任务再次抽取
help-arg-targets-format = 检查对象名录的格式，在扩展名不能说明格式时使用
help-arg-officers-format = 执法检查人员名录的格式，在扩展名不能说明格式时使用
help-arg-encoding = 两个名录的文本编码（utf-8 或 gbk）；不指定时自动识别
help-arg-sheet = .xlsx 输入的工作表（默认：第一个）；--targets-sheet 和 --officers-sheet 可分别指定
help-arg-targets-sheet = .xlsx 检查对象名录的工作表
help-arg-officers-sheet = .xlsx 执法检查人员名录的工作表（默认：第一个）
help-arg-id-check = strict：未通过统一社会信用代码或注册号校验的编号视为错误；warn：只在抽取记录中列出
help-arg-id-allowlist = 未通过校验但允许使用的编号（确属真实的早期试点代码）文件，每行一个
help-arg-force = 覆盖已存在的文件

## demo、init、gen、schema

help-demo-about = 在内置合成数据上完成一次完整抽取，写入目录并核验
help-demo-after =
    示例：
      shuangsui demo --out ./shuangsui-demo
help-demo-arg-out = plan.toml、targets.csv、officers.csv 和 record.json 的写入目录
help-init-about = 写出示例 plan.toml、targets.csv 和 officers.csv，作为起点
help-init-after =
    示例：
      shuangsui init ./2027-plan
help-init-arg-dir = 写入的目录（不存在时创建）
help-plan-about = 由任务表（一行一项任务的 .xlsx 或 .csv）写出抽查计划 plan.toml
help-plan-after =
    任务表的表头可以在标题行之下，列名可带“（必填）”“*”等标注：
      任务编号、任务名称（必填）；抽查事项（多项用“、”分隔）；抽查依据；
      抽查比例（如 3%，或百分比格式的单元格）或 抽查数量（每行只填一个）；
      分层（名录的列名，如 信用风险分类）；分配方式（按比例、平均、每层）；
      每组人数（不填为 2）；执法人员科室（多个用“、”分隔）。
    定向条件不能写在任务表中：生成计划后，在 plan.toml 的该任务下加上 filter。
    写出前用抽查计划的规则检查；有错时指明单元格（如 任务表.xlsx:任务!E3），不写出任何文件。

    示例：
      shuangsui plan --from 任务表.xlsx --id 420100-2027-01 --name 2027年度双随机抽查计划 \
          --authority 武汉市市场监督管理局 --date 2027-01-15
help-plan-arg-from = 任务表：.xlsx 或 .csv（UTF-8 或 GBK），表头行之下一行一项任务
help-plan-arg-id = 计划编号：在本机关内唯一
help-plan-arg-name = 计划名称
help-plan-arg-authority = 实施抽查的机关，写入公告
help-plan-arg-date = 抽取日期：执法人员的执法证须在这一天有效（2027-01-15、2027年1月15日 等写法均可）
help-plan-arg-contact = 对抽查有异议时的联系方式，写入公告
help-plan-arg-sheet = .xlsx 任务表的工作表（默认：第一个有表头行的工作表）
help-plan-arg-encoding = .csv 任务表的文本编码（utf-8 或 gbk）；不指定时自动识别
help-plan-arg-out = 要写出的抽查计划
help-plan-arg-force = 覆盖已存在的抽查计划
help-gen-about = 生成省级规模的合成检查对象名录、执法检查人员名录和抽查计划（由 --seed 可复现）
help-gen-after =
    写出 targets.csv、officers.csv 和 plan.toml：有效的统一社会信用代码、广东各区县、
    行业、登记机关、风险等级（多数为 B）、百分之几的注销/吊销、部分过期的执法证，
    以及包含四个任务的抽查计划。相同的种子生成逐字节相同的文件。

    示例：
      shuangsui gen --targets 10000000 --officers 2000 --seed 1 --out ./gd
help-gen-arg-targets = 检查对象名录的行数
help-gen-arg-officers = 执法检查人员名录的行数
help-gen-arg-seed = 生成器的种子（仅用于合成数据，绝不是抽取的种子）
help-gen-arg-out = 写入的目录（不存在时创建）
help-schema-about = 打印 JSON Schema：plan、target-row、officer-row、record、announcement、calendar 或 vectors
help-schema-after =
    示例：
      shuangsui schema record > record.v2.schema.json
help-schema-arg-name = Schema 的名称

## check、draw、verify、amend、digest

help-check-about = 检查输入，显示抽取将如何进行，但不实际抽取
help-check-after =
    退出码：0 可以抽取，2 不能抽取（列出各个问题）。

    示例：
      shuangsui check --plan plan.toml --targets 名录.xlsx --officers 执法人员.csv
help-draw-about = 抽取检查对象和执法检查人员，写出抽取记录
help-draw-after =
    示例：
      shuangsui draw --plan plan.toml --targets targets.csv --officers officers.csv --seed '2027-01-15 公开摇号' --out record.json
help-draw-arg-seed = 直接输入的种子。没有任何证据能证明它是何时选定的：抽取记录会将其标为未经证明（unattested）
help-draw-arg-announcement = 抽取前发布的公告
help-draw-arg-beacon = 公告指定的 drand quicknet 轮次，即其公开 API 返回的 JSON（round、randomness、signature）
help-draw-arg-replaced = 本公告所取代的此前公告，按从早到晚的顺序（可重复）
help-draw-arg-reveals = 公开秘密的参与方，写作 名称=秘密，用以证明其贡献值（可选；可重复）
help-draw-arg-timestamp = 对公告文件的 RFC 3161 可信时间戳（.tsr），须在该轮次发布前取得
help-draw-arg-tsa-cert = 用于核验时间戳的时间戳机构证书（PEM 或 DER）
help-draw-arg-out = 要写出的抽取记录（`-` 表示标准输出）
help-draw-arg-force = 覆盖已存在的抽取记录
help-draw-arg-raw-digest = 同时记录各输入文件的原始 SHA-256（默认不记录；按公告抽取时以公告为准）
help-verify-about = 由输入重新运行抽取，并与抽取记录比对
help-verify-after =
    退出码：0 记录可以复现，1 不能复现（列出各处差异），2 出错。

    示例：
      shuangsui verify record.json --plan plan.toml --targets targets.csv --officers officers.csv
help-verify-arg-record = 要核验的抽取记录
help-verify-arg-census = 代替 --targets，用于数据仓库中的名录：抽取所读取的统计查询结果（与 --candidates 一起使用）
help-verify-arg-candidates = 与 --census 一起使用：抽取所读取的候选查询结果
help-verify-arg-tsa-cert = 时间戳机构的证书（PEM 或 DER）：用于核验记录中时间戳的签名
help-amend-about = 在抽取记录的修改账本中追加一条：替换执法人员，或记录无法联系的检查对象
help-amend-after =
    替换人选不由任何人选择：它是按该条目替补签号顺序排在最前的可选派执法人员（SPEC.md §9.4）。

    示例：
      shuangsui amend record.json --plan plan.toml --targets targets.csv --officers officers.csv \
          --target 91420102MA4K0XXX1X --replace-officer E0012 --reason 回避 --actor 张科长
      shuangsui amend record.json --plan plan.toml --targets targets.csv --officers officers.csv \
          --unreachable 91420102MA4K0XXX1X --actor 张科长
help-amend-arg-record = 要修改的抽取记录（追加条目后以原子方式重写）
help-amend-arg-target = 检查组需要变动的检查对象
help-amend-arg-replace-officer = 要替换的执法人员
help-amend-arg-reason = 原因：回避、请假、调离、证件失效或其他（需加 --note）
help-amend-arg-note = 原因的补充说明（原因为“其他”时必填；将公开）
help-amend-arg-unreachable = 将该检查对象记为“通过登记的住所（经营场所）无法联系”（不替换）
help-amend-arg-task = 检查对象被多个任务抽中时，指明任务
help-amend-arg-actor = 修改操作人
help-amend-arg-at = 修改时间，如 2027-01-20 15:00（北京时间）或 RFC 3339 格式 2027-01-20T15:00:00+08:00；默认：当前时间
help-digest-about = 打印一个输入的规范摘要（十六进制）
help-digest-after =
    示例：
      shuangsui digest --plan plan.toml --targets targets.csv
help-digest-arg-plan = 抽查计划：单独给出时打印其摘要；与名录一起给出时，按该计划读取名录（只对计划读取的列计算摘要）
help-digest-arg-targets = 检查对象名录
help-digest-arg-officers = 执法检查人员名录

## contribute、announce、finalize、beacon-round

help-contribute-about = 参与方为公告草稿提交贡献值：生成一个自行保管的秘密和一个写入公告的贡献值
help-contribute-after =
    草稿中列有各参与方（announce --party 名称）。贡献值与本草稿（其输入、轮次、骰子点数、公告次序和参与方）绑定，不能用于其他公告。抽取后公开秘密（draw --reveal），即可证明这一点。

    示例：
      shuangsui contribute --announcement draft.json --party 公证处
help-contribute-arg-announcement = 公告草稿，由不带 --party 的 `announce` 生成
help-contribute-arg-party = 参与方名称（公证处、社会监督员……）
help-announce-about = 在随机数产生之前，用公告冻结输入、骰子点数和未来的 drand 轮次
help-announce-after =
    公告时间取本机时钟；轮次取至少 --margin 分钟之后（或 --not-before 指定的时间之后）发布的第一个轮次。骰子在公告时当场公开投掷。请在该轮次发布之前公开公告、申请可信时间戳（openssl ts -query -data announcement.json -sha256 -cert），并公开各输入文件的公开版本。

    示例：
      shuangsui announce --plan plan.toml --targets targets.csv --officers officers.csv --dice 483920 --out announcement.json
      shuangsui announce --plan plan.toml --targets targets.csv --officers officers.csv \
          --replaces announcement-1.json --reason '公证员未到场' --out announcement-2.json
help-announce-arg-margin = 从现在到最早可用的 drand 轮次之间的分钟数
help-announce-arg-not-before = 轮次的最早时间，如 2027-01-15 10:00（北京时间）或 RFC 3339 格式；晚于“现在 + --margin”时使用
help-announce-arg-dice = 公告时当场公开投掷的骰子数字
help-announce-arg-parties = 将提交贡献值的参与方（公证处、社会监督员……；可重复）：公告在 `finalize` 之前是草稿
help-announce-arg-replaces = 本次公告所取代的上一次公告（该次未进行抽取）
help-announce-arg-reason = 被取代的公告未进行抽取的原因（将公开）
help-announce-arg-previous = 本次抽取所接续的抽取记录（后续批次）
help-announce-arg-publish = 同时将冻结输入的公开版本（不含个人信息）写入该目录，与公告一同公开
help-announce-arg-raw-digest = 同时冻结各输入文件的原始 SHA-256：此后抽取必须使用逐字节相同的这些文件（默认不冻结）
help-announce-arg-targets-digest = 代替 --targets：检查对象名录的规范摘要，由保存名录的数据仓库计算（shuangsui sql --plan plan.toml --digest targets）
help-announce-arg-targets-rows = 与 --targets-digest 一同给出：名录的行数（SELECT count(*)）
help-announce-arg-out = 要写出的公告
help-announce-arg-force = 覆盖已存在的公告（及公开版本）
help-finalize-about = 在轮次发布前，将各参与方的贡献值加入公告草稿，完成定稿
help-finalize-after =
    示例：
      shuangsui finalize draft.json --party 公证处=<贡献值> --party 社会监督员=<贡献值> --out announcement.json
help-finalize-arg-draft = 由 `announce` 生成的草稿
help-finalize-arg-parties = 参与方的 名称=贡献值，来自 `shuangsui contribute`（可重复）
help-finalize-arg-margin = 距轮次发布至少还须剩余的分钟数，以便公开公告
help-finalize-arg-publish = `announce --publish 目录` 写出的公开版本：其中的 announcement.json 将替换为定稿后的公告
help-finalize-arg-out = 要写出的公告
help-finalize-arg-force = 覆盖已存在的公告
help-beacon-round-about = 打印在 TIME 或之后发布的 drand quicknet 轮次及其发布时间
help-beacon-round-after =
    示例：
      shuangsui beacon-round --at 2027-01-15T10:10:00+08:00
help-beacon-round-arg-at = 时间，如 2027-01-15 10:10（北京时间）或 RFC 3339 格式 2027-01-15T10:10:00+08:00

## publish、results、sql

help-publish-about = 为已核验的抽取写出抽查任务公告和核验材料包
help-publish-after =
    写出 目录/notice.html（单个自包含网页）、.md 和 .csv（--format html,md,csv,xlsx），以及 目录/kit/（抽查计划、不含个人信息的名录公开版本、抽取记录、reproduce.py）：在 目录/kit 中运行 `shuangsui verify` 无需其他任何文件即可核验通过。

    示例：
      shuangsui publish record.json --plan plan.toml --targets 名录.xlsx --officers 执法人员.csv --out 公示
help-publish-arg-record = 要发布的抽取记录（须能由输入核验通过）
help-publish-arg-out = 公告和核验材料包的写入目录（不存在时创建）
help-publish-arg-show-officers = 公告中如何显示检查人员
help-publish-arg-format = 公告的格式，以逗号分隔：html、md、csv、xlsx
help-publish-arg-tsa-cert = 时间戳机构的证书（PEM）：核验记录的时间戳，并以 tsa.pem 放入核验材料包（记录带有时间戳时必须提供）
help-publish-arg-corrects = 本公告所更正的原公告（发布于此后的修改之前）：以其 SHA-256 引用
help-publish-arg-notice-date = 公告落款的日期（默认：中国当日，UTC+8）
help-results-about = 将检查结果与抽取记录核对，写出抽查结果公告
help-results-after =
    写出 目录/result-notice.html、.md 和 .csv（--format html,md,csv,xlsx），并列出已超过或即将到达 20 个工作日公示期限的结果。

    示例：
      shuangsui results record.json --results 检查结果.xlsx --out 公告 --today 2027-03-01
help-results-arg-record = 抽取记录
help-results-arg-results = 检查结果：每个被抽中的主体、每个抽查事项一行（统一社会信用代码、抽查事项、检查完成日期、检查结果、备注；主体被多个任务抽中时加“抽查任务编号”列）
help-results-arg-out = 公告的写入目录（不存在时创建）
help-results-arg-calendar = 内置日历未包含年份的节假日和调休上班日（TOML；见 `shuangsui schema calendar`）
help-results-arg-today = 计算期限的基准日，也是公告落款的日期（默认：中国当日，UTC+8）
help-results-arg-plan = 抽查计划：公告写明其中对抽查有异议时的联系方式（contact）
help-results-arg-format = 公告的格式，以逗号分隔：html、md、csv、xlsx
help-results-arg-force = 覆盖已存在的公告文件
help-sql-about = 打印在数据仓库中复现某任务检查对象抽取的 SQL 查询
help-sql-after =
    查询由规范化的检查对象名录（核验材料包中的 targets.csv）计算任务的抽取范围、签号和
    排名，按抽取记录中的顺序返回抽中的对象及其排名和签号。需要其他文件的部分——此前批次
    和检查记录造成的排除——从核验材料包的 exclusions.csv 读取，并与抽取记录中的摘要核对
    （不一致时查询报错）。DuckDB 自行读取核验材料包中的文件：请在核验材料包目录中运行。
    PostgreSQL 和 Spark 请先把这两个文件载入为全部是文本列的表，并指明表名。执法人员的
    匹配仍由 shuangsui 完成（见 README 中的“A national draw”一节）。

    示例：
      cd kit && shuangsui sql --record record.json --task T1 > t1.sql && duckdb < t1.sql
      shuangsui sql --record record.json --task T1 --dialect postgres --table audit.targets --exclusions-table audit.exclusions
      shuangsui sql --record record.json --digest targets --dialect postgres --table audit.targets
      shuangsui sql --plan plan.toml --digest targets --dialect spark --table audit.targets   # 抽取之前，用于公告
help-sql-arg-record = 抽取记录
help-sql-arg-plan = 抽取之前：按该计划计算 --digest targets 的摘要，与其抽取时的计算相同（表中须为 SPEC.md §3 的规范列名和规范化值，即核验材料包中 targets.csv 的形式）
help-sql-arg-task = 任务编号
help-sql-arg-digest = 不生成任务的抽取查询，而是生成在该引擎中计算某表规范摘要（SPEC.md §3.4）的查询，结果为一行一列：targets 或 officers（用 --table 指定仓库中的表；使用 duckdb 且不指定表时，读取核验材料包中的 targets.csv 或 officers.csv）
help-sql-arg-dialect = SQL 引擎：duckdb、postgres 或 spark
help-sql-arg-table = 检查对象名录所在的表（核验材料包中的 targets.csv，全部为文本列），写作 模式.表名 或 表名［postgres 和 spark 默认：targets；使用 duckdb 且不指定表时，查询自行读取核验材料包中的文件］
help-sql-arg-exclusions-table = 列出排除所在的表（task、target、reason）：核验材料包中的 exclusions.csv，或用于 --census 时 `shuangsui match` 打印的可能的列出排除［默认：exclusions］
help-match-about = 从数据仓库中的名录抽取：根据其统计结果和候选结果匹配执法检查人员，写出抽取记录
help-match-after =
    名录始终留在数据仓库中。轮次之前：按其摘要发布公告（shuangsui sql --plan plan.toml
    --digest targets；shuangsui announce --targets-digest …），并运行统计查询（shuangsui sql
    --plan plan.toml --census），将结果导出为 CSV。轮次之后：不带 --candidates 运行 `match`，
    打印本次抽取的候选查询；运行该查询并导出结果；带 --candidates 运行 `match`，即完成抽取、
    匹配执法检查人员并写出抽取记录——与直接从名录文件抽取所得的记录完全相同。可用名录文件运行
    `shuangsui verify` 核验，或在数据仓库中用 `shuangsui sql --record` 生成的摘要查询和各任务的
    抽取查询核验。

    示例：
      shuangsui match --plan plan.toml --officers officers.csv --announcement announcement.json --beacon round.json --census census.csv > candidates.sql
      shuangsui match --plan plan.toml --officers officers.csv --announcement announcement.json --beacon round.json --census census.csv --candidates candidates.csv --out record.json
help-match-arg-targets-digest = 使用 --seed 时：检查对象名录的规范摘要，由数据仓库计算（shuangsui sql --plan plan.toml --digest targets）
help-match-arg-seed = 直接输入的种子。没有任何证据能证明它是何时选定的：抽取记录会将其标为未经证明（unattested）
help-match-arg-announcement = 抽取前发布的公告（其中以摘要指定检查对象名录）
help-match-arg-beacon = 公告指定的 drand quicknet 轮次，即其公开 API 返回的 JSON（round、randomness、signature）
help-match-arg-replaced = 本公告所取代的此前公告，按从早到晚的顺序（可重复）
help-match-arg-reveals = 公开秘密的参与方，写作 名称=秘密，用以证明其贡献值（可选；可重复）
help-match-arg-timestamp = 对公告文件的 RFC 3161 可信时间戳（.tsr），须在该轮次发布前取得
help-match-arg-tsa-cert = 用于核验时间戳的时间戳机构证书（PEM 或 DER）
help-match-arg-census = 统计查询的结果，带表头的 CSV（shuangsui sql --plan plan.toml --census）；不给出时，以 CSV 打印检查记录和此前批次可能造成的列出排除，供统计查询和候选查询关联
help-match-arg-exclusions-table = 数据仓库中存放可能的列出排除（task、target、reason）的表，统计查询读取过时使用［默认：exclusions］
help-match-arg-candidates = 候选查询的结果，带表头的 CSV：给出时写出抽取记录；不给出时打印候选查询
help-match-arg-dialect = 候选查询所用的 SQL 引擎：duckdb、postgres 或 spark
help-match-arg-table = 数据仓库中检查对象名录所在的表，写作 模式.表名 或 表名［postgres 和 spark 默认：targets；使用 duckdb 且不指定表时，查询读取 targets.csv］
help-match-arg-out = 要写出的抽取记录（`-` 表示标准输出）
help-match-arg-force = 覆盖已存在的抽取记录
help-sql-arg-census = 轮次之前，与 --plan 一起使用：统计查询——名录的行数、各任务每个分层的抽取范围大小及按登记状态排除的数量——用于从数据仓库抽取（shuangsui match）
help-sql-arg-check = 公告之前，与 --plan 一起使用：检查数据仓库中的表——重复的编号、必填值为空、编号不符合任何编号格式、未规范化的值（首尾空白、控制字符、非 NFC、风险分类、日期）——每类问题列出至多 20 个值；无结果行即表示通过
