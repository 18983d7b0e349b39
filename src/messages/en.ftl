# The library's messages in English. Every id here is also in zh.ftl, with the same
# arguments (a test checks). A message never names a command-line flag: the tool adds
# its own hints by error kind.

## Tables

table-targets = target directory
table-officers = officer roster
table-history = history file
table-conflicts = conflicts file
table-results = results file

## Errors: a location (file:line:column) is put before each, as `targets.csv:3:2: …`.

not-utf8 = { $what } is not valid UTF-8
not-utf8-hint = save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8), or read it as GBK
binary = this is not a text table (a NUL byte at offset { $offset }); for Excel files use .xlsx
encoding = the file is not valid { $encoding } text
encoding-hint = save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8), or read it as GBK
xlsx = the workbook cannot be read
xlsx-too-large = the workbook expands beyond the limit
xlsx-too-large-hint = save the sheet as CSV (in Excel: 另存为 → CSV UTF-8) and read that instead, or split it into smaller workbooks
json = invalid JSON table
invalid-id = invalid id '{ $id }': { $reason }
invalid-id-hint = check the code for typos; a genuine code that fails the check can be allowed by an allowlist of ids, or by checking ids as a warning only
personal-data = column '{ $column }' holds { $shape }: personal data must not enter the record or the public files
personal-data-hint = only the columns the plan reads are kept: if the plan need not read '{ $column }', remove it from the plan's filters; if it must (an officer id that is an ID number), use another column (工号, 执法证号); if these values are public, declare it: [columns.public] with the table's name = ["{ $column }"]
number-code = '{ $field }' holds the number { $value }: a spreadsheet keeps only 15 significant digits, so this code has lost its last digits
number-code-hint = format the column as Text in the spreadsheet, then export the codes again from the source system or type them in again (changing the format alone cannot bring the lost digits back)
bad-value = '{ $field }' = '{ $value }': expected { $expected }
problems = { $total } problems; nothing was drawn
problems-more = … and { $count } more
csv = malformed CSV
empty-table = the file is empty: expected a header row with at least { $expected }
missing-column = missing required column '{ $column }' (a header may name it { $names }; found: { $found })
missing-column-hint = check that the header row names it so (annotations such as （必填） or * are fine) and is among the first 30 rows; a column under another name can be mapped in the plan's [columns.targets] or [columns.officers], as in "企业代码" = "id"
duplicate-column = duplicate column '{ $column }' (also column { $first })
empty-column-name = empty column name in the header
empty-field = empty '{ $field }': every row needs one
control-character = '{ $field }' contains the control character U+{ $code }
control-character-hint = remove the line break or invisible character from the cell
duplicate-id = duplicate id '{ $id }' (first seen on line { $first_line })
duplicate-id-hint = each entity may appear once: remove or merge the duplicate rows
too-large = { $what } exceeds the limit of { $limit }
plan-syntax = the plan cannot be read
plan-value = { $context }{ $key }: expected { $expected }, found { $found }
unknown-column = task '{ $task }': { $key } names the column '{ $column }', which the { $table } do not have{ $note } (columns: { $available })
unknown-column-hint = check the spelling of '{ $column }' or add that column to the file
no-ratio-for-stratum = task '{ $task }': the { $table } table has no entry for stratum { $stratum } and no default "*" ({ $frame } targets)
no-ratio-for-stratum-hint = add this stratum to the table, or a default entry such as "*" = "3%"
empty-frame = task '{ $task }': no eligible target passes the filter { $filter } ({ $rows } rows in the directory, { $excluded } of those passing it excluded by status)
empty-frame-hint = check the filter values against the directory's values
officer-pool-too-small = task '{ $task }': { $eligible ->
    [one] 1 eligible officer
   *[other] { $eligible } eligible officers
}, fewer than the team size { $team_size } ({ $ineligible } more pass officer_filter but are not on duty or hold no valid certificate){ $unmatched }
officer-pool-too-small-hint = widen officer_filter or add officers: every inspection needs at least two
no-officer-for-target = task '{ $task }': entity { $entity }: no officer can fill slot { $slot } of { $team_size }: { $reasons }
no-officer-for-target-hint = add officers to the pool, or relax officer_region, the workload caps or rotation for this task
missing-history = task '{ $task }': exclude_inspected and rotation need the history file of past inspections
results = the results file cannot be read
result-problems = { $total } problems; no result notice was written
calendar-syntax = the working-day calendar cannot be read
no-calendar = no working-day calendar for { $year } (the calendar holds { $known }): its holidays and make-up days are not known
no-calendar-hint = once the State Council has announced the { $year } schedule, give it as a calendar file: [[year]] year = { $year }, holidays = ["{ $year }-10-01..{ $year }-10-07", …], workdays = [make-up weekend days]
read = cannot read the file
sql = the query cannot be made
warehouse = the warehouse's query results cannot give the draw
sql-tables-needed = only DuckDB reads the kit's files itself: name the { $engine } tables holding targets.csv and exclusions.csv
announcement = announcement: { $reason }
inputs-not-announced = announcement: { $reason }
inputs-not-announced-hint = use exactly the announced files (their canonical digests are in the announcement); if the inputs must change, publish a new announcement naming a later round
amendment = cannot amend
empty-seed = the seed is empty
record-syntax = not a valid record
record-altered = not a valid record: its digest does not match its content: it was changed after the draw
document = { $reason }
document-member = member '{ $member }': { $reason }
unknown-officer = '{ $officer }' is neither an officer id nor a certificate number (执法证号) of the roster: a declared conflict (回避) must name an officer
unknown-officer-hint = key the conflicts file by 人员编号 or 执法证号 of the roster; remove the rows of officers who are no longer on it
unsupported-spec = record spec version '{ $found }' is not supported (this build implements '{ $supported }')
inputs-mismatch = the inputs are not the record's
request = the request is not valid
internal = internal error (a bug of shuangsui; please report it): { $reason }
api-not-json = the request is not valid JSON: { $reason }
api-not-utf8 = the { $what ->
    [operation] operation's name
   *[other] request
} is not valid UTF-8 text
api-not-object = the request must be a JSON object
api-operation = there is no operation '{ $operation }' (the operations: { $known })
api-member-missing = the request lacks member '{ $member }'
api-member-unknown = the request has an unknown member '{ $member }': a misspelt option is not ignored; check its spelling
api-member-not-string = member '{ $member }' must be a string
api-member-not-bool = member '{ $member }' must be true or false
api-member-not-object = member '{ $member }' must be an object
api-member-not-strings = member '{ $member }' must be an array of strings
api-member-not-files = member '{ $member }' must be an array of files
api-member-not-file = member '{ $member }' must be a file: its text (a string), or an object {"{"}"name": …, "text" or "base64": …{"}"}
api-member-not-base64 = member '{ $member }' is not valid Base64
api-file-text-or-base64 = file '{ $member }' must give one of "text" and "base64"
api-member-format = member '{ $member }': unknown format '{ $value }' (known: csv, tsv, json, jsonl, xlsx)
api-member-encoding = member '{ $member }': unknown encoding '{ $value }' (known: utf-8, gbk, gb18030)
api-member-id-check = member '{ $member }' must be "strict" or "warn", not '{ $value }'
api-seed-or-announcement = give a seed ("seed") or an announcement ("announcement"), and only one of them
api-amendment-change = member '{ $member }' must be "unreachable" or "replace_officer", not '{ $value }'
api-member-lang = member '{ $member }' must be "zh" or "en", not '{ $value }'
api-member-officers-shown = member '{ $member }' must be "names", "certificates" or "hidden", not '{ $value }'
api-member-date = member '{ $member }' must be a date (YYYY-MM-DD), not '{ $value }'
api-member-notice-format = member '{ $member }' must be "html", "markdown" or "csv", not '{ $value }'
api-notice-not-verified = the inputs do not reproduce the record ({ $differences } differences): no notice is made for it
kit-directory-not-kept = the target directory was read without all its columns: its public copy needs every column that is not personal data

## Warnings

warning-unused-ratio = task '{ $task }': the quota table names stratum '{ $stratum }', which no target in the frame has
warning-certificates-not-checked = the officer roster has no certificate columns (执法证号 with 证件有效期, or its start and end): certificates were not checked. A roster keyed by its certificate numbers needs no "执法证号" = "id" in the plan: without an id column, the certificate is the id
warning-count-exceeds-frame = task '{ $task }': count { $count } is larger than the frame ({ $frame } targets): all are drawn
warning-unreadable-filter-values = task '{ $task }': { $rows } targets have a '{ $column }' that is not a { $expected } ({ $examples }): they fail the filter and are outside the frame; correct the values if they should be in it
warning-no-status-column = the directory has no status column, so nobody is excluded by status (exclude_status); if the plan means to exclude none, say exclude_status = []
warning-no-status-column-candidates = the directory has no status column, so nobody is excluded by status (exclude_status); the headers { $candidates } were dropped: map the status column, e.g. [columns.targets] "{ $first }" = "status"
warning-status-not-excluded = status '{ $status }' ({ $rows } targets) contains '{ $keyword }' but is not excluded: exclude_status keywords match a whole status or the part before a bracket or comma; add '{ $status }' to plan.exclude_status if these targets are not inspectable

## Notices: the draw notice (抽查任务公告) and the result notice (抽查结果公告). Text between
## backticks is shown as code (digests, the seed); the values put into it are shown as they
## are, never read as marks.

notice-draw-title = { $authority }: inspection tasks of { $plan } and the draw
notice-draw-title-correction = { $authority }: inspection tasks of { $plan } and the draw (correction)
notice-draw-title-bare = { $plan }: inspection tasks and the draw
notice-draw-title-correction-bare = { $plan }: inspection tasks and the draw (correction)
notice-draw-lead = { $authority }{ $basis } drew { $entities } entities to inspect{ $selections } at random from the { $targets } in the directory of inspection targets{ $date }, and assigned the inspecting officers at random from the roster of enforcement officers, in { $tasks } inspection tasks, as “double random, one disclosure” requires. { $randomness } The tasks and the draw follow.
notice-lead-selections = { " " }({ $selections } selections over the tasks)
notice-lead-basis = , under { $basis },
notice-lead-date = { " " }on { $date }
notice-lead-date-beacon = { " " }with the public randomness of { $date }
notice-lead-beacon = The draw's randomness is round { $round } of the public randomness beacon drand, named by the announcement of the draw, which no one, the authority included, could know before it was emitted. { $when } Anyone can draw again by the method in the annex and compare.
notice-lead-stamped = A trusted time-stamp proves the announcement existed at { $time }; whether it was the only announcement of this draw rests on the record of its publication.
notice-lead-unstamped = The announcement has no verified time-stamp: whether it was public before the round was emitted, and whether it was the only announcement of this draw, rests on the record of its publication.
notice-lead-unattested = The draw's seed was typed by an operator; no public randomness proves it (see the annex).
notice-authority-self = The authority
notice-contact = Questions and objections about this inspection: { $contact }.
notice-closing = Hereby announced.
notice-merged = { $count } of them were drawn by several tasks and are inspected once, as the plan merges visits: { $entities }.
notice-merged-entity = { $name } ({ $tasks })
notice-randomness-time = Randomness emitted
notice-certificate-date = Certificates checked valid on
notice-written-time = { $date }, { $hour }:{ $minute }:{ $second } Beijing time
notice-written-date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
notice-appendix-heading = Annex: how to check this draw
notice-draw-sheet = notice
notice-results-title = { $authority }: inspection results of { $plan }
notice-results-title-bare = { $plan }: inspection results
notice-results-sheet = results
notice-correction = Correction: this notice corrects the notice published before (file SHA-256 `{ $previous }`). The draw itself is unchanged; the amendments since are listed under "Amendments after the draw": now { $entries ->
        [one] { $entries } entry
       *[other] { $entries } entries
    }, ledger head `{ $head }`.
notice-plan = Plan
notice-authority = Authority
notice-draw-date = Draw date
notice-officers-shown = Officers shown as
notice-shown-certificates = certificate numbers
notice-shown-hidden = names not shown (the kit's record still gives each team's officer ids)
notice-record-digest = Record digest
notice-separator-names = ,{ " " }
notice-separator-items = ;{ " " }
notice-separator-excluded = ,{ " " }

# The seed

notice-seed-heading = The seed
notice-seed-unattested = Seed (unattested): `{ $seed }`. The seed was typed by the operator: nothing proves it was not chosen after seeing the draw.
notice-seed-announcement = Announcement digest: `{ $digest }`, announced at { $at }
notice-seed-timestamp-verified = An RFC 3161 time-stamp shows the announcement existed at: { $time }; authority { $tsa }, signing certificate SHA-256 fingerprint `{ $fingerprint }` (its signature verified before publication with the kit's tsa.pem). Compare the fingerprint with the one the authority publishes: a time-stamp means something only if the authority is trusted.
notice-seed-timestamp-unverified = The announcement carries an RFC 3161 time-stamp dated: { $time }, but its signature was not verified: give the authority's certificate when verifying.
notice-seed-no-timestamp = The announcement has no time-stamp: that it was public before the randomness rests on its publication record.
notice-seed-attempt-first = Attempt: { $attempt } (the first announcement)
notice-seed-attempt-replaced = Attempt: { $attempt }{ $replaced }
notice-seed-replaced = ; replaced attempt { $attempt } `{ $digest }` (round { $round }, reason: { $reason })
notice-seed-beacon = Randomness: drand quicknet round { $round } (emitted at { $at })
notice-seed-beacon-url = The round and its signature: { $url }
notice-seed-dice = Dice stated in the announcement (to be rolled in public at the announcement): { $dice }
notice-seed-parties = Parties' contributions in the announcement: { $parties }
notice-party-revealed = { $name } (secret revealed)
notice-party-unrevealed = { $name } (secret not revealed)
notice-seed-derived = Derived seed: `{ $seed }`
notice-seed-trust = Anyone can check: the seed comes only from the announcement's digest and that drand round's randomness, and nothing entered afterwards changes it; the round's BLS signature verifies offline against the built-in key; the inputs have the content the announcement froze (their canonical digests). Resting on procedure: that the dice were rolled fairly (in public); that the announcement was public before the round; that no other announcement was made for this plan; that an unrevealed party's contribution is its own.

# Input digests

notice-digests-heading = Input digests
notice-column-file = File
notice-column-rows = Rows
notice-column-digest = Canonical digest
notice-column-sha256 = SHA-256
notice-file-plan = plan
notice-file-targets = target directory
notice-file-officers = officer roster
notice-file-record = record

# Tasks

notice-task-heading = { $id } { $name }（{ $type }）
notice-type-directed = directed
notice-type-undirected = undirected
notice-items = Items
notice-basis = Legal basis
notice-frame-filter = Drawn only from
notice-frame-all = every entity
notice-strata-by = Stratified by
notice-officer-filter = Officers from
notice-condition-in = { $column } is { $value }
notice-condition-not = { $column } is not { $value }
notice-condition-after = { $column } after { $value }
notice-condition-before = { $column } before { $value }
notice-condition-min = { $column } at least { $value }
notice-condition-max = { $column } at most { $value }
notice-eligible = Eligible targets
notice-drawn = Drawn
notice-excluded = Excluded
notice-team-size = Officers per team
notice-officers-eligible = Officers eligible
notice-officers-count = { $count }
notice-ineligible = Officers listed but not eligible
notice-ineligible-reason = { $reason }: { $count }
notice-stratum-all = all
notice-column-stratum = Stratum
notice-column-frame = Frame
notice-column-quota = Quota
notice-column-drawn = Drawn
notice-column-no = No.
notice-column-entity = Entity
notice-column-credit-code = Credit code
notice-column-officers = Officers
notice-chart-title = { $task } frame and drawn per stratum
notice-chart-legend = red: drawn; light: frame (eligible)
notice-team-hidden = { $count ->
        [one] { $count } officer (not shown)
       *[other] { $count } officers (not shown)
    }
notice-team-amended = { $team } (amended: { $entries })

# Amendments after the draw

notice-amendments-heading = Amendments after the draw
notice-amendment-unreachable = #{ $seq } { $at } { $task } { $target }: { $reason }; by { $actor }
notice-amendment-replacement = #{ $seq } { $at } { $task } { $target }: { $officer } → { $replacement }, reason: { $reason }; by { $actor }
notice-amendment-replacement-note = #{ $seq } { $at } { $task } { $target }: { $officer } → { $replacement }, reason: { $reason }（{ $note }）; by { $actor }
notice-ledger-head = Amendments: { $entries }, ledger head `{ $head }`
notice-ledger-rule = Replacements are chosen by no one: each slot's substitute order was fixed at the draw (see the specification), and the plan caps the replacements per team.

# How to verify

notice-verify-heading = How to verify
notice-verify-kit = The verification kit (the kit directory) holds the plan, the public copies of the directory and the roster, and the record. Anyone can re-run the draw and compare it byte for byte:
notice-verify-spec = The algorithm is specified in SPEC.md (SHA-256 only); reproduce.py is an independent implementation using Python's standard library alone.
notice-verify-browser = Or verify with nothing installed: open verify.html from the kit in a browser, on a computer or a phone, and drop the kit's files onto it; it says for each task whether the draw reproduces.

# The result notice

notice-results-ledger = Amendments after the draw: { $entries }; ledger head `{ $head }`
notice-results-lead = { $authority } inspects the { $entities } entities drawn at random in { $plan }, as “double random, one disclosure” requires. The { $results } results completed so far follow (an entity has a result per inspection item); the table counts the entities and results of each result.
notice-column-count = Results
notice-column-entities = Entities
notice-total = Total
notice-summary-note = An entity has a result per inspection item, which may differ: the entities of the rows add up to more than the total.
notice-announce-title = { $authority }: the random draw of { $plan }
notice-announce-title-bare = { $plan }: the random draw
notice-announce-sheet = Tasks
notice-announce-lead = { $authority } will draw at random the entities to inspect and the officers to inspect them for the { $tasks } inspection tasks of { $plan } (below), as “double random, one disclosure” requires. The directory of inspection targets ({ $targets } entities), the roster of enforcement officers ({ $officers } officers) and the plan the draw uses were frozen at { $announced }: their digests are below and they cannot change. The draw will use round { $round } of the public randomness beacon drand, emitted at { $emitted }, which no one, the authority included, can know before. After the draw the authority publishes the draw and the material to check it: anyone can draw again and compare.
notice-announce-attempt = Announcement
notice-announce-attempt-value = number { $attempt } of this plan
notice-announce-digest = Digest of the announcement file (JSON)
notice-announce-expected = To draw
notice-announce-tasks-heading = Inspection tasks
notice-announce-schedule-heading = Schedule
notice-announce-when-announced = The announcement, freezing the draw's inputs: { $time }
notice-announce-when-round = The public randomness (drand round { $round }): { $time }
notice-announce-when-draw = The draw: after { $time }, from the inputs above and that randomness; its outcome is published in the draw notice
notice-announce-beacon-url = Once emitted, the round can be seen at { $url }
notice-announce-frozen-heading = The frozen inputs
notice-announce-frozen = These digests fix the draw's inputs: the files of the kit published after the draw must have the same canonical digests, or the draw does not stand. Identity card numbers, telephone numbers and other personal data enter no public file.
notice-announce-verify = After the draw, reproduce.py in the kit (Python 3 alone) or the shuangsui verify command draws again. Check that the announcement file in the kit has the digest below, that the draw used the drand round above, and that the draw's outcome is the one published.
notice-quota-count = { $count } entities
notice-quota-proportional = { $count } in all, spread by stratum size
notice-quota-equal = { $count } in all, spread equally
notice-quota-other = others
notice-item-heading = Item: { $item }
notice-column-completed = Completed on
notice-column-result = Result
notice-column-remark = Remark
notice-results-rerun = Anyone can re-run the draw with the verification kit published with the draw notice (the algorithm is in SPEC.md).

# The columns of the spreadsheet files (CSV, Excel)

notice-field-plan-id = plan_id
notice-field-plan-name = plan_name
notice-field-task-id = task_id
notice-field-task-name = task_name
notice-field-type = type
notice-field-items = items
notice-field-item = item
notice-field-basis = legal_basis
notice-field-authority = authority
notice-field-no = no
notice-field-entity-name = entity_name
notice-field-entity-id = entity_id
notice-field-officers = officers
notice-field-completed-on = completed_on
notice-field-result = result
notice-field-remark = remark

## Publication: the verification kit's README (kit-*) and that of the public copies of an
## announcement's frozen inputs (frozen-*). The commands they show are the caller's: a
## message never names a command-line flag.

# Between the items of a list (columns, files)

list-separator = {", "}
time-beijing = { $time } (Beijing time)

# The verification kit

kit-title = Verification kit
kit-intro = This directory holds everything needed to re-run the draw. The tables keep only the columns the plan reads (minimal data, as the Personal Information Protection Law requires); every other column was dropped as it was read, never entered the computation, and is listed by its header name only.
kit-none = none
kit-file-plan = the plan
kit-file-record = the record of the draw
kit-file-reproduce = an independent Python implementation (standard library only)
kit-file-spec = the specification: the draw defined byte for byte, from which reproduce.py was written and any other verifier can be
kit-file-verify = a page that verifies in a browser: nothing to install, no network; written from SPEC.md alone, it draws again with the browser's own SHA-256
kit-file-targets = the target directory's public copy, columns: { $columns }; columns dropped as read: { $dropped }
kit-file-officers = the officer roster's public copy, columns: { $columns }; columns dropped as read: { $dropped }
kit-officer-names-hidden = ; officer names are not published (not in this kit; the draw does not depend on names, and verification says the names digest was not checked)
kit-file-history = past inspections, columns: { $columns }
kit-file-conflicts = declared conflicts of interest, columns: { $columns }
kit-file-announcement = the announcement
kit-file-tsr = the announcement's RFC 3161 time-stamp token
kit-file-tsa = the time-stamp authority's certificate
kit-file-exclusions = each task's exclusions SQL cannot compute from the directory alone (drawn by an earlier batch, earlier_batch; inspected recently, inspected_recently; the annual cap, annual_cap), bound by each task's frame.listed in the record
kit-file-readme = this file
kit-file-earlier = an earlier batch's record
kit-file-replaced = an earlier announcement this one replaced
kit-run = Run, inside it:
kit-or-python = or, without shuangsui, with Python 3.11's standard library alone:
kit-both = Both reproduce record.json byte for byte. The tables differ in form from the files the draw read, but not in content (the canonical digests match); verification says so. These files hold exact values for machines; the notices for people (CSV, Excel) guard cells that begin with = + - @ against formulas.
kit-browser = Or verify with nothing installed: open verify.html in a browser (on a computer or a phone) and drop this directory's files onto the page, or pick them; it says for each task whether the draw reproduces, and what differs if not. On a computer, opened as verify.html?auto in a browser allowed to read local files, the page reads this directory's files itself (shuangsui's README says how)
kit-sql = Each task's target selection can also be reproduced in a database (SPEC.md §7.4): the DuckDB query below reads targets.csv and exclusions.csv in this directory and returns the task's selected targets with their ranks and tickets, in the record's order; it fails if exclusions.csv is not the one the record binds.

# The frozen inputs

frozen-title = Announcement and frozen inputs
frozen-intro = This directory is published before the draw: the announcement (announcement.html to read and post, announcement.json to check) and the public copies of the plan, target directory and officer roster it freezes (without identity numbers, phone numbers or addresses). The randomness does not exist yet; anyone can check and challenge these inputs before the draw. Each file's canonical digest must equal the announcement's:
frozen-names-digest = its second line, the officers' names digest:
frozen-round = The randomness comes from drand quicknet round { $round }, emitted at { $at } (Beijing time); this announcement must be public, and time-stamped, before then.
frozen-also = (also:{ $also })

## Verification: what a checked attestation proves (verify::Guarantee)

guarantee-inputs-verified = inputs, dice and contributions fixed before the randomness: the announcement (digest { $announcement }) existed at { $time } by an RFC 3161 time-stamp of '{ $tsa }' (certificate SHA-256 { $fingerprint }; { $algorithm }, signature verified), before beacon round { $round } was emitted at { $emitted }
guarantee-inputs-unchecked = inputs, dice and contributions fixed by the announcement (digest { $announcement }); its time-stamp token says { $time }, before beacon round { $round } was emitted at { $emitted }, but the token's signature was NOT checked (give the TSA's certificate to check it)
guarantee-inputs-unanchored = inputs, dice and contributions fixed by the announcement (digest { $announcement }, which says it was made at { $announced }); NOT anchored in time: that it was public before { $emitted }, when beacon round { $round } was emitted, rests on its publication (check the date it was published)
guarantee-beacon-verified = seed from the announced drand quicknet round { $round } and nothing entered after it (BLS signature verified offline against the pinned key)
guarantee-beacon-unverified = seed from the announced drand quicknet round { $round } and nothing entered after it (this build cannot check BLS signatures: only the randomness was checked)
guarantee-dice = dice { $digits } stated in the announcement, and in the seed (that they were rolled in public at the announcement, and fairly, rests on the public session)
guarantee-parties = parties' contributions fixed in the announcement
guarantee-parties-revealed = ; revealed, so made for this announcement: { $names }
guarantee-parties-unrevealed = ; not revealed, so resting on their word: { $names }
guarantee-attempt = attempt { $attempt } of plan { $plan }
guarantee-attempt-replaces = ; it replaces attempt { $n } (announcement { $digest }, round { $round }), not drawn because: { $reason }
guarantee-attempt-end = ; that no other announcement was made for this plan rests on publication (every attempt must be published)
