# The command-line help in English (`shuangsui --lang en --help`). The ids are described in
# bin/args/help.rs: help-COMMAND-about, help-COMMAND-after, help-COMMAND-arg-ARG, help-arg-ARG
# for an argument that means the same in every command. Every id is also in help.zh.ftl.

## Clap's words.

help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-default = [default: { $value }]
help-possible-values = [possible values: { $values }]
help-value-with-help = { $value } ({ $help })
help-separator = {", "}

## The tool and its global flags.

help-shuangsui-about = Verifiable 双随机、一公开 draws: random inspection targets and officers that anyone can re-run
help-shuangsui-after =
    Exit codes: 0 success (verify: the draw reproduces), 1 verify found a mismatch, 2 error.

    Start with `shuangsui demo`, then `shuangsui init DIR` for files to edit.
help-arg-lang = Language of the help, summaries, reports and notices (also SHUANGSUI_LANG=en)
help-arg-lang-value-zh = 中文
help-arg-lang-value-en = English
help-arg-quiet = No progress on standard error (it is shown only on a terminal anyway)
help-arg-threads = Threads to use (default: every core); the results do not depend on it
help-arg-help = Print help (a summary with '-h')
help-arg-version = Print version
help-help-about = Print this message or the help of the given command(s)

## The inputs of a draw (check, draw, announce, verify, amend, publish).

help-arg-plan = The sampling plan (TOML)
help-arg-targets = The target directory: .csv, .tsv, .xlsx, .json or .jsonl with a header row (id, name, …)
help-arg-officers = The officer roster, in the same formats (id, name, …)
help-arg-history = Past inspections (entity, date, task, item, officers), for exclusions, the annual cap and rotation
help-arg-conflicts = Declared conflicts of interest (officer, entity, reason): those officers never inspect those entities
help-arg-earlier = The record of an earlier batch of this plan (repeatable): its targets are not drawn again by the same task
help-arg-targets-format = Format of the target directory, when its extension does not say
help-arg-officers-format = Format of the officer roster, when its extension does not say
help-arg-encoding = Text encoding of both tables (utf-8 or gbk); detected when absent
help-arg-sheet = Worksheet of .xlsx inputs (default: the first); --targets-sheet and --officers-sheet name one each
help-arg-targets-sheet = Worksheet of an .xlsx target directory
help-arg-officers-sheet = Worksheet of an .xlsx officer roster (default: the first)
help-arg-id-check = strict: an id failing the USCC or registration-number check is an error; warn: it is listed in the record
help-arg-id-allowlist = A file of ids allowed although they fail the check (genuine early pilot codes), one per line
help-arg-force = Overwrite files that exist

## demo, init, gen, schema

help-demo-about = Run a full draw on built-in synthetic data, write it to DIR and verify it
help-demo-after =
    Example:
      shuangsui demo --out ./shuangsui-demo
help-demo-arg-out = Where to write plan.toml, targets.csv, officers.csv and record.json
help-init-about = Write an example plan.toml, targets.csv and officers.csv to start from
help-init-after =
    Example:
      shuangsui init ./2027-plan
help-init-arg-dir = The directory to write into (created if missing)
help-plan-about = Write plan.toml from a task sheet (任务表): one row a task, in .xlsx or .csv
help-plan-after =
    The header row may sit below title rows; its names may carry annotations such as （必填） or *:
      任务编号 (id), 任务名称 (name), required; 抽查事项 (items, separated by 、); 抽查依据 (basis);
      抽查比例 (ratio: 3%, or a percent cell) or 抽查数量 (count), one of them in each row;
      分层 (strata: columns of the directory, such as 信用风险分类); 分配方式 (allocation: 按比例,
      平均, 每层); 每组人数 (team size, 2 when empty); 执法人员科室 (departments, separated by 、).
    A task sheet cannot give filters (定向条件): add a task's filter in plan.toml once it is written.
    The plan is checked by the plan's rules before it is written; a problem is told at its cell
    (任务表.xlsx:任务!E3) and nothing is written.

    Example:
      shuangsui plan --from 任务表.xlsx --id 420100-2027-01 --name 2027年度双随机抽查计划 \
          --authority 武汉市市场监督管理局 --date 2027-01-15
help-plan-arg-from = The task sheet: .xlsx or .csv (UTF-8 or GBK), one row a task under a header row
help-plan-arg-id = The plan's id, unique within the authority
help-plan-arg-name = The plan's name
help-plan-arg-authority = The authority carrying out the inspections, for the notices
help-plan-arg-date = The draw date: officers' certificates must be valid on it (2027-01-15, 2027年1月15日 …)
help-plan-arg-contact = Where objections go, for the notices
help-plan-arg-sheet = The worksheet of an .xlsx task sheet (default: the first that has a header row)
help-plan-arg-encoding = Text encoding of a .csv task sheet (utf-8 or gbk); detected when absent
help-plan-arg-out = The plan to write
help-plan-arg-force = Overwrite the plan if it exists
help-gen-about = Generate a provincial-scale synthetic directory, roster and plan (reproducible from --seed)
help-gen-after =
    Writes targets.csv, officers.csv and plan.toml: valid USCCs, Guangdong districts,
    industries, authorities, risk classes (most B), a few percent 注销/吊销, some lapsed
    certificates, and a plan of four tasks. The same seed gives the same bytes.

    Example:
      shuangsui gen --targets 10000000 --officers 2000 --seed 1 --out ./gd
help-gen-arg-targets = Rows of the target directory
help-gen-arg-officers = Rows of the officer roster
help-gen-arg-seed = The generator's seed (synthetic data only; never a draw's seed)
help-gen-arg-out = The directory to write into (created if missing)
help-schema-about = Print a JSON Schema: plan, target-row, officer-row, record, announcement, calendar or vectors
help-schema-after =
    Example:
      shuangsui schema record > record.v2.schema.json
help-schema-arg-name = The schema's name

## check, draw, verify, amend, digest

help-check-about = Validate the inputs and show what a draw would take, without drawing
help-check-after =
    Exit codes: 0 a draw would succeed, 2 it would not (the problems are listed).

    Example:
      shuangsui check --plan plan.toml --targets 名录.xlsx --officers 执法人员.csv
help-draw-about = Draw targets and officers and write the record
help-draw-after =
    Example:
      shuangsui draw --plan plan.toml --targets targets.csv --officers officers.csv --seed '2027-01-15 公开摇号' --out record.json
help-draw-arg-seed = A typed seed. Nothing proves when it was chosen: the record marks it unattested
help-draw-arg-announcement = The announcement made before the draw
help-draw-arg-beacon = The announced drand quicknet round, as its public API returns it (round, randomness, signature)
help-draw-arg-replaced = The earlier attempts this announcement replaces, oldest first (repeatable)
help-draw-arg-reveals = NAME=SECRET of a party that reveals its secret, proving its contribution (optional; repeatable)
help-draw-arg-timestamp = An RFC 3161 time-stamp token (.tsr) over the announcement file, made before the round
help-draw-arg-tsa-cert = The time-stamp authority's certificate (PEM or DER) to check the token with
help-draw-arg-out = The record to write (`-` for standard output)
help-draw-arg-force = Overwrite the record if it exists
help-draw-arg-raw-digest = Also record each input file's raw SHA-256 (off by default; a draw from an announcement follows the announcement)
help-verify-about = Re-run a draw from its inputs and compare with the record
help-verify-after =
    Exit codes: 0 the record reproduces, 1 it does not (the differences are listed), 2 error.

    Example:
      shuangsui verify record.json --plan plan.toml --targets targets.csv --officers officers.csv
help-verify-arg-record = The record to check
help-verify-arg-census = Instead of --targets, for a directory held in a warehouse: the census query's result the draw read (with --candidates)
help-verify-arg-candidates = With --census: the candidates query's result the draw read
help-verify-arg-tsa-cert = The time-stamp authority's certificate (PEM or DER): checks the signature of the record's time-stamp token
help-amend-about = Append an amendment to a record's ledger: replace an officer, or record an unreachable target
help-amend-after =
    The replacement is not chosen by anyone: it is the first eligible officer in the order of the entry's replacement tickets (SPEC.md §9.4).

    Examples:
      shuangsui amend record.json --plan plan.toml --targets targets.csv --officers officers.csv \
          --target 91420102MA4K0XXX1X --replace-officer E0012 --reason 回避 --actor 张科长
      shuangsui amend record.json --plan plan.toml --targets targets.csv --officers officers.csv \
          --unreachable 91420102MA4K0XXX1X --actor 张科长
help-amend-arg-record = The record to amend (rewritten atomically with the entry appended)
help-amend-arg-target = The target whose team changes
help-amend-arg-replace-officer = The officer to replace
help-amend-arg-reason = Why: 回避, 请假, 调离, 证件失效 or 其他 (with --note)
help-amend-arg-note = What the reason leaves unsaid (required for 其他; published)
help-amend-arg-unreachable = Record ENTITY as 通过登记的住所（经营场所）无法联系 (it is not replaced)
help-amend-arg-task = The task, when the target is drawn by several
help-amend-arg-actor = Who makes the amendment
help-amend-arg-at = When, as 2027-01-20 15:00 (Beijing time) or RFC 3339 (2027-01-20T15:00:00+08:00); default: now
help-digest-about = Print the canonical digest of one input, in hex
help-digest-after =
    Example:
      shuangsui digest --plan plan.toml --targets targets.csv
help-digest-arg-plan = The sampling plan: alone, its digest; with a table, the plan that table is read for (only the columns the plan reads are hashed)
help-digest-arg-targets = A target directory
help-digest-arg-officers = An officer roster

## contribute, announce, finalize, beacon-round

help-contribute-about = A party's contribution to an announcement draft: a secret to keep, and the contribution to put in the announcement
help-contribute-after =
    The draft names its parties (announce --party NAME). The contribution is bound to this draft (its inputs, round, dice, attempt and parties): it serves no other announcement. Reveal the secret after the draw (draw --reveal) to prove it.

    Example:
      shuangsui contribute --announcement draft.json --party 公证处
help-contribute-arg-announcement = The announcement draft, made by `announce` without --party
help-contribute-arg-party = The party's name (notary, observer …)
help-announce-about = Freeze the inputs, the dice and a future beacon round in an announcement, before the randomness exists
help-announce-after =
    The announcement time is this machine's clock; the round is the first emitted at least --margin later (or at --not-before). Dice are rolled in public now, at the announcement. Publish the announcement, time-stamp it (openssl ts -query -data announcement.json -sha256 -cert) and publish the public copies of the inputs before the round.

    Examples:
      shuangsui announce --plan plan.toml --targets targets.csv --officers officers.csv --dice 483920 --out announcement.json
      shuangsui announce --plan plan.toml --targets targets.csv --officers officers.csv \
          --replaces announcement-1.json --reason '公证员未到场' --out announcement-2.json
help-announce-arg-margin = Minutes between now and the earliest beacon round
help-announce-arg-not-before = The earliest time for the round, as 2027-01-15 10:00 (Beijing time) or RFC 3339, when later than now + --margin
help-announce-arg-dice = The dice digits rolled in public now, at the announcement
help-announce-arg-parties = A party who will contribute (notary, observer …; repeatable): the announcement is then a draft until `finalize`
help-announce-arg-replaces = The announcement of the attempt this one replaces (it was not drawn)
help-announce-arg-reason = Why the replaced attempt was not drawn (published)
help-announce-arg-previous = The record this draw follows (a later batch)
help-announce-arg-publish = Also write the public copies of the frozen inputs (without personal data) to DIR, to publish with the announcement
help-announce-arg-raw-digest = Also freeze each input file's raw SHA-256: the draw must then use these very files, byte for byte (off by default)
help-announce-arg-targets-digest = Instead of --targets: the target directory's canonical digest, computed in the warehouse that holds it (shuangsui sql --plan plan.toml --digest targets)
help-announce-arg-targets-rows = With --targets-digest: the directory's number of rows (SELECT count(*))
help-announce-arg-out = The announcement to write
help-announce-arg-force = Overwrite the announcement (and the public copies) if they exist
help-finalize-about = Add the parties' contributions to an announcement draft, before its round
help-finalize-after =
    Example:
      shuangsui finalize draft.json --party 公证处=<contribution> --party 社会监督员=<contribution> --out announcement.json
help-finalize-arg-draft = The draft, made by `announce`
help-finalize-arg-parties = NAME=CONTRIBUTION of a party, from `shuangsui contribute` (repeatable)
help-finalize-arg-margin = Minutes that must remain before the round, to publish the announcement
help-finalize-arg-publish = The public copies written by `announce --publish DIR`: their announcement.json becomes the finalized one
help-finalize-arg-out = The announcement to write
help-finalize-arg-force = Overwrite the announcement if it exists
help-beacon-round-about = Print the drand quicknet round emitted at or after TIME, and when it is emitted
help-beacon-round-after =
    Example:
      shuangsui beacon-round --at 2027-01-15T10:10:00+08:00
help-beacon-round-arg-at = A time, as 2027-01-15 10:10 (Beijing time) or RFC 3339 (2027-01-15T10:10:00+08:00)

## publish, results, sql

help-publish-about = Write the public notice of a verified draw (抽查任务公告) and the verification kit
help-publish-after =
    Writes DIR/notice.html (one self-contained page), .md and .csv (--format html,md,csv,xlsx) and DIR/kit/ (the plan, the public copies of the tables without personal data, the record, reproduce.py): `shuangsui verify` run inside DIR/kit succeeds with nothing else.

    Example:
      shuangsui publish record.json --plan plan.toml --targets 名录.xlsx --officers 执法人员.csv --out 公示
help-publish-arg-record = The record to publish (it must verify against the inputs)
help-publish-arg-out = Where to write the notice and the kit (created if missing)
help-publish-arg-show-officers = How the notice shows the inspecting officers
help-publish-arg-format = The notice's formats, comma-separated: html, md, csv, xlsx
help-publish-arg-tsa-cert = The time-stamp authority's certificate (PEM): checks the record's time-stamp and goes into the kit as tsa.pem (needed when the record has a time-stamp)
help-publish-arg-corrects = The notice this one corrects (更正), published before further amendments: it is cited by its SHA-256
help-publish-arg-notice-date = The date in the notice's signature (落款) (default: today in China, UTC+8)
help-results-about = Check the inspection results against the record and write the result notice (抽查结果公告)
help-results-after =
    Writes DIR/result-notice.html, .md and .csv (--format html,md,csv,xlsx), and lists results whose 20-working-day publication deadline has passed or is near.

    Example:
      shuangsui results record.json --results 检查结果.xlsx --out 公告 --today 2027-03-01
help-results-arg-record = The draw's record
help-results-arg-results = The results: one row per drawn entity and item (统一社会信用代码, 抽查事项, 检查完成日期, 检查结果, 备注; 抽查任务编号 when an entity is drawn by several tasks)
help-results-arg-out = Where to write the notice (created if missing)
help-results-arg-calendar = Holidays and make-up working days for years the built-in calendar lacks (TOML; `shuangsui schema calendar`)
help-results-arg-today = The day to measure deadlines from, and the date in the notice's signature (落款) (default: today in China, UTC+8)
help-results-arg-plan = The plan, for the contact (`contact`) the notice gives for objections
help-results-arg-format = The notice's formats, comma-separated: html, md, csv, xlsx
help-results-arg-force = Overwrite the notice files if they exist
help-sql-about = Print the SQL query that reproduces a task's target selection in a data warehouse
help-sql-after =
    The query computes the task's frame, tickets and rankings from the normalised directory (the
    verification kit's targets.csv) and returns the record's selected targets with their rank and
    ticket, in the record's order. What needs other files — the exclusions by earlier batches and
    history — it reads from the kit's exclusions.csv and checks against the record's digest of them
    (it fails otherwise). For DuckDB it reads the kit's files itself: run it inside the kit. For
    PostgreSQL and Spark, load the two files as tables of text columns and name them. Officer
    matching stays with shuangsui (README: "A national draw").

    Examples:
      cd kit && shuangsui sql --record record.json --task T1 > t1.sql && duckdb < t1.sql
      shuangsui sql --record record.json --task T1 --dialect postgres --table audit.targets --exclusions-table audit.exclusions
      shuangsui sql --record record.json --digest targets --dialect postgres --table audit.targets
      shuangsui sql --plan plan.toml --digest targets --dialect spark --table audit.targets   # before the draw, to announce
help-sql-arg-record = The draw's record
help-sql-arg-plan = Before any draw: the plan whose columns --digest targets digests, as its draw would (the table holds the canonical columns and normalised values of SPEC.md §3, as a kit's targets.csv)
help-sql-arg-task = The task's id
help-sql-arg-digest = Instead of a task's selection: the query that computes a table's canonical digest (SPEC.md §3.4) in the engine, one row, one column: targets or officers (with --table, the warehouse's table; with duckdb and no table, the kit's targets.csv or officers.csv)
help-sql-arg-dialect = The SQL engine: duckdb, postgres or spark
help-sql-arg-table = The table of the directory (the kit's targets.csv, every column text), SCHEMA.NAME or NAME [default for postgres and spark: targets; with duckdb and no table, the query reads the kit's files itself]
help-sql-arg-exclusions-table = The table of the listed exclusions (task, target, reason): the kit's exclusions.csv, or for --census the possible listed exclusions `shuangsui match` prints [default: exclusions]
help-match-about = Draw from a directory held in a data warehouse: from its census and candidates, match officers and write the record
help-match-after =
    The directory never leaves the warehouse. Before the round: announce from its digest
    (shuangsui sql --plan plan.toml --digest targets; shuangsui announce --targets-digest …)
    and run the census query (shuangsui sql --plan plan.toml --census), exporting its result as
    CSV. After the round: `match` without --candidates prints the candidates query for this
    draw; run it and export its result; `match` with --candidates draws, matches officers and
    writes the record — the record a draw from the directory's file gives. Check it with
    `shuangsui verify` and the directory's file, or in the warehouse with
    `shuangsui sql --record` (its digest query and each task's selection query).

    Example:
      shuangsui match --plan plan.toml --officers officers.csv --announcement announcement.json --beacon round.json --census census.csv > candidates.sql
      shuangsui match --plan plan.toml --officers officers.csv --announcement announcement.json --beacon round.json --census census.csv --candidates candidates.csv --out record.json
help-match-arg-targets-digest = With --seed: the directory's canonical digest, computed in the warehouse (shuangsui sql --plan plan.toml --digest targets)
help-match-arg-seed = A typed seed. Nothing proves when it was chosen: the record marks it unattested
help-match-arg-announcement = The announcement made before the draw (it names the directory by its digest)
help-match-arg-beacon = The announced drand quicknet round, as its public API returns it (round, randomness, signature)
help-match-arg-replaced = The earlier attempts this announcement replaces, oldest first (repeatable)
help-match-arg-reveals = NAME=SECRET of a party that reveals its secret, proving its contribution (optional; repeatable)
help-match-arg-timestamp = An RFC 3161 time-stamp token (.tsr) over the announcement file, made before the round
help-match-arg-tsa-cert = The time-stamp authority's certificate (PEM or DER) to check the token with
help-match-arg-census = The census query's result, as CSV with its header (shuangsui sql --plan plan.toml --census); without it, the possible listed exclusions of the history and the earlier batches are printed as CSV, for the census and the candidates to join
help-match-arg-exclusions-table = The warehouse table holding the possible listed exclusions (task, target, reason), when the census read them [default: exclusions]
help-match-arg-candidates = The candidates query's result, as CSV with its header: with it, the record is written; without it, the candidates query is printed
help-match-arg-dialect = The SQL engine of the candidates query: duckdb, postgres or spark
help-match-arg-table = The directory's table in the warehouse, SCHEMA.NAME or NAME [default for postgres and spark: targets; with duckdb and no table, the query reads targets.csv]
help-match-arg-out = The record to write (`-` for standard output)
help-match-arg-force = Overwrite the record if it exists
help-sql-arg-census = Before the round, with --plan: the census query — the directory's rows, each task's frame size per stratum and its exclusions by status — for a draw from the warehouse (shuangsui match)
help-sql-arg-check = Before announcing, with --plan: the check of the warehouse's table — duplicate ids, empty required values, ids of no id's shape, values not normalised (spaces at an end, control characters, not NFC, risk classes, dates) — each problem with up to 20 values; no row: the table passes
