# What the command-line tool prints and writes, in English: summaries (report-*),
# each command's lines (the command's name first) and the tool's own errors (error-*); the
# verification kit's README is the library's (kit-*, src/messages/en.ftl). Every id is also in
# output.zh.ftl with the same arguments. A line's indentation is the code's: Fluent trims it.

## Summaries of a draw, a check and a verification (bin/report.rs).

report-directed = directed
report-undirected = undirected
report-all-strata = all
report-excluded = ; excluded { $list }
report-list-separator = {", "}
report-officer = { $name } ({ $id })
report-plan = plan { $id } { $name }（{ $authority }）
report-announcement = plan { $plan } (attempt { $attempt }): inputs frozen, announcement digest { $digest }
report-announced-at = announced at: { $at }
report-round = randomness: drand quicknet round { $round }, emitted at { $at }
report-dice = dice rolled in public: { $dice }
report-party-to-contribute = party (to contribute): { $name }
report-party-contribution = party contribution: { $name } ({ $contribution })
report-replaces = replaces: { $digest } ({ $reason })
report-draft = This is a draft: each party contributes (shuangsui contribute), then shuangsui finalize completes it. A draft cannot be drawn: do not publish or time-stamp it.
report-publish-announcement = Publish this announcement before that round is emitted and time-stamp it (openssl ts -query -data FILE -sha256 -cert); the inputs cannot change afterwards.
publish-notice-before-draw = the notice date { $date } is before the draw ({ $drawn }): a notice is issued on the day of the draw or later (--notice-date)
report-seed = seed: { $seed } ({ $source })
report-seed-unattested = unattested
report-seed-announced = from the announcement, drand round { $round }
report-targets-rows = target directory: { $rows } rows
report-officers-rows = officer roster: { $rows } rows
report-officers-ineligible = , { $count } not eligible
report-task-drawn = task { $id } { $name } [{ $kind }]: frame { $frame } → drawn { $count }{ $excluded }; team size { $team }, eligible officers { $eligible }
report-task-check = task { $id } { $name } [{ $kind }]: frame { $frame } → to draw { $count }{ $excluded }; team size { $team }, eligible officers { $eligible }
report-stratum-drawn = (drawn { $count })
report-skipped = skipped down the waiting line: { $count } (see the exclusions file)
report-department = joint department { $department }: { $members } per team
report-more-selected = … { $count } more in the record
report-targets-digest = target directory: { $rows } rows, digest { $digest }
report-officers-digest = officer roster: { $rows } rows, digest { $digest }
report-dropped = columns dropped as read (not read by the plan, or personal data): { $columns }
report-certificates-checked = certificates checked on { $date }
report-certificates-unchecked = certificates not checked (no certificate column)
report-ineligible = not eligible { $id } { $name }: { $detail }
report-allowlisted = allowlisted ids: { $ids }
report-unchecked-ids = ids accepted without passing the check: { $count }
report-check-passed = check passed: the draw can run
report-verified = verified: the record reproduces from the inputs ({ $tasks } tasks)
report-totals = in all: { $entities } entities drawn, { $visits } inspections to carry out ({ $selections } selections over the tasks; an entity drawn by several tasks is inspected once or per task, as the plan says)
report-totals-simple = in all: { $entities } entities drawn, { $entities } inspections to carry out
report-digest-plan = plan      { $digest }
report-digest-targets = targets   { $digest } ({ $rows } rows)
report-digest-officers = officers  { $digest } ({ $rows } rows)
report-digest-record = record    { $digest }
report-digest-ledger = ledger    { $head } ({ $count } amendments; compare this head with the one the notice published)
report-by = (by { $actor })
report-replacement-rule = each replacement is the next in its slot's substitute order, fixed at the draw, not chosen by anyone; a team takes at most the plan's max_replacements
report-guarantee = guarantee: { $text }
report-not-proved = not proved: that the directory, the roster, the history and conflicts files and the list of earlier batches are complete and true: verification proves only that they hold the same content (canonical digests) as the inputs the draw used (or the announcement froze), and the same bytes only where the record states their SHA-256; that rests on their sources and on public scrutiny
report-mismatch = mismatch: { $count } { $count ->
        [one] difference between the record and the draw its inputs give
       *[other] differences between the record and the draw its inputs give
    }
report-seed-mismatch = the record's seed does not give its draw key: the seed or the draw was altered; the differences below follow from it
report-attestation-failed = the seed's attestation does not hold: { $why }
report-changed-input = input { $name }: its content differs from the one the draw used (canonical digest differs); the differences below follow from it
report-more-differences = … { $count } more

## What an attested seed guarantees, one statement each.


## The tool's own errors: reading and writing files (bin/files.rs).

error-not-utf8-file = '{ $path }' is not UTF-8 text
error-cannot-read = cannot read '{ $path }'
error-in-file = '{ $path }': { $error }
error-cannot-create-dir = cannot create directory '{ $path }'
error-exists = '{ $path }' exists; add --force to overwrite it
error-not-regular-file = '{ $path }' is not a regular file (a directory, link, FIFO or device): it is never replaced; choose another output path
error-amended-record = '{ $path }' is a record with { $count } { $count ->
        [one] amendment
       *[other] amendments
    } in its ledger: a new draw over it would discard them; write the new record elsewhere
error-cannot-create-temp = cannot create a temporary file in '{ $path }'
error-cannot-write = cannot write '{ $path }'

## Progress on a terminal (bin/progress.rs).

progress-reading = { $file }: { $read } / { $total } MB, { $rows } rows, { $rate } MB/s
error-cannot-create = cannot create '{ $path }': { $error }
error-clock = the system clock is out of range

## What each command prints, and its own errors (bin/cmd/*.rs).

amend-does-not-verify = '{ $record }' does not verify against these inputs: nothing was amended
amend-give-change = give either --unreachable ENTITY, or --target ENTITY --replace-officer OFFICER --reason REASON
amend-in-the-future = --at { $at } is in the future (now { $now }): an amendment is dated when it is made
amend-recorded = recorded { $task } { $target }: { $reason }
amend-replaced = replaced { $task } { $target }: { $officer } → { $replacement } ({ $reason })
amend-ledger-entry = ledger #{ $seq } { $digest }
announce-previous-altered = '{ $record }' does not match its own digest: it was changed after the draw, and cannot be referenced
announce-bad-not-before = --not-before '{ $time }' is not a time: write 2027-01-15 10:00 (Beijing time), or RFC 3339 such as 2027-01-15T10:00:00+08:00
announce-public-copies = public copies of the frozen inputs (no personal data) written to { $dir }
announce-notice-written = The notice to post before the draw (prints on A4) is in { $path }
announce-draft-no-notice = A draft has no notice to post: shuangsui finalize … --publish DIR writes it once the parties have contributed
finalize-no-notice = No --publish: no notice to post was written (finalize with --publish and the public copies' directory writes it)
announce-written = announcement written to { $path } (digest { $digest })
beacon-round-bad-time = '{ $time }' is not a time: write 2027-01-15 10:10 (Beijing time), or RFC 3339 such as 2027-01-15T10:10:00+08:00
amend-bad-time = --at '{ $time }' is not a time: write 2027-01-20 15:00 (Beijing time), or RFC 3339 such as 2027-01-20T15:00:00+08:00
beacon-round = drand quicknet round { $round } emitted at { $at }
contribute-not-a-party = '{ $party }' is not a party of this draft ({ $parties }): the parties are named when the draft is made
contribute-too-late = round { $round } was already emitted at { $at }: a contribution now would come after the randomness
contribute-secret = secret (keep it; reveal it after the draw to prove the contribution was made for this announcement): { $secret }
contribute-contribution = contribution (goes into the announcement): { $contribution }
contribute-finalize-with = finalize with: --party '{ $party }={ $contribution }'
demo-written = demo: a full draw on synthetic data, written to { $dir }
demo-verifying = verifying from the files on disk:
demo-kit-fails = the demo's kit does not verify: please report this as a bug
demo-notice = public notice: { $files }
demo-kit = verification kit (verified): { $dir }
demo-anyone = anyone can check it:
draw-record-written = record written to { $path } (digest { $digest })
draw-exclusions-written = exclusions and skips written to { $path } ({ $count } rows)
draw-exclusions-header = task,target,reason
draw-exclusions-drawn-by = drawn by task { $task } (one task per entity)
sql-plan-no-task = --task needs --record (a draw's record): before the draw, --plan gives only --digest targets
sql-plan-digest-targets-only = --plan computes the target directory's digest only (--digest targets): a roster's digest comes from its file (shuangsui digest --plan plan.toml --officers officers.csv)
announce-bad-targets-rows = --targets-rows { $rows }: a directory has 1 to { $limit } rows (give SELECT count(*) of the table whose digest you give)
announce-targets-digest-and-rows = --targets-digest and --targets-rows go together, instead of --targets: the digest the warehouse computed (shuangsui sql --plan plan.toml --digest targets) and the table's SELECT count(*)
announce-raw-frozen = raw SHA-256 of the files frozen too: the draw must use these very files, byte for byte
announce-bad-targets-digest = --targets-digest '{ $digest }' is not 64 hex digits: give the digest the warehouse computed (shuangsui sql --plan plan.toml --digest targets)
announce-targets-elsewhere = the target directory stays in the warehouse: digest { $digest }, { $rows } rows. Nothing of it was checked here: the draw reads the exported directory and must find this digest, which it can only if the table held the canonical columns and normalised values, ids distinct (run shuangsui check on the export before the round)
draw-raw-not-announced = --raw-digest: the announcement records no raw SHA-256 of the input files, and a draw from it records none either: remove --raw-digest (raw digests are fixed at the announcement, with announce --raw-digest)
draw-beacon-needed = --beacon FILE is needed: the announced round's JSON
finalize-copy-not-announced = { $path } is not what the announcement froze (its canonical digest differs): the public copy was changed after announce --publish; no notice was written. Restore the copy announce wrote
finalize-not-this-draft = '{ $path }' is not the announcement of this draft: its inputs, round or dice differ
gen-wrote = wrote: { $files }
init-wrote = wrote the example files: { $files }
plan-wrote = wrote { $path }: { $count ->
        [one] one task
       *[other] { $count } tasks
    }, from the task sheet { $source }{ $sheet }
plan-wrote-sheet = { " " }(worksheet '{ $sheet }')
plan-task = { $id } { $name }: { $quota }{ $strata }, teams of { $team }{ $departments }
plan-quota-ratio = ratio { $ratio }
plan-quota-count = { $count } entities
plan-strata = , strata { $columns }
plan-strata-allocation = , strata { $columns } ({ $allocation })
plan-allocation-proportional = proportional
plan-allocation-equal = equal
plan-allocation-per-stratum = per stratum
plan-departments = , officers of { $departments }
plan-unread = columns not read: { $columns }
plan-next = next: for a targeted task, add its filter as the notes at the top of { $path } say; then check the plan with shuangsui check --plan { $path } --targets DIRECTORY --officers ROSTER.
publish-already-published = '{ $dir }' holds the notice published for this draw before further amendments: publish a correction (更正) into a new directory, citing it with --corrects { $notice }
publish-tsa-cert-needed = the record holds a time-stamp: give the time-stamp authority's certificate with --tsa-cert, so that it is checked now and goes into the kit
publish-does-not-verify = '{ $record }' does not verify against these inputs: nothing was published
publish-notice-written = notice written to { $files }
publish-kit-fails = the kit in '{ $dir }' does not verify: please report this as a bug
publish-kit-written = verification kit written and verified: { $dir } (anyone can run: cd { $dir } && { $command })
error-bad-day = { $flag } '{ $date }': expected a date such as 2027-03-01
results-summary = results: { $count } match the record; notice written to { $files }
results-line = { $task } { $entity } { $name }{ $item } — deadline { $deadline } (inspected { $date })
results-overdue = { $days ->
        [0] past its deadline
       *[other] overdue by { $days } working days
    }: { $line }
results-no-contact = no --plan: the result notice gives no contact for objections (the plan's contact)
results-plan-not-the-records = { $plan } is not the plan { $record } was drawn with (its canonical digest differs): give the draw's plan, whose contact the result notice gives
results-soon = { $days ->
    [0] due today
    [one] due in 1 working day
   *[other] due in { $days } working days
}: { $line }
results-as-of = as of { $today }: { $overdue } overdue, { $soon } due within 5 working days
schema-unknown = no schema named '{ $name }' (schemas: { $names })
verify-earlier-needed = { $record } was drawn after { $count } earlier batch record(s); give each with --after RECORD ({ $given } given)
verify-history-file = history file
verify-conflicts-file = conflicts file
verify-file-needed = { $record } was drawn with a { $file } (digest { $digest }): give it with { $flag }

## Values refused while the command line is parsed (bin/args/values.rs).

value-one-of = { $list } or { $last }
value-unknown-format = unknown format '{ $value }' (expected { $expected })
value-unknown-encoding = unknown encoding '{ $value }' (expected { $expected })
value-unknown-dialect = unknown --dialect '{ $value }': expected { $expected }
value-not-a-pair = { $flag } '{ $value }': expected { $form }
match-targets-digest-needed = with --seed, give the directory's canonical digest (--targets-digest HEX, from `shuangsui sql --plan plan.toml --digest targets` in the warehouse); with --announcement it is the announced one
match-verify-hint = check it where the directory is: `shuangsui verify` with the directory's file, or in the warehouse `shuangsui sql --record RECORD --digest targets` and `--task ID` for each task (they fail unless the table gives the record's digest, frames and selections)
verify-warehouse-or-file = give the directory's file (--targets) or the warehouse's results (--census and --candidates), not both
verify-census-and-candidates = a record drawn from a warehouse is verified from both its results: --census and --candidates
verify-record-no-targets-digest = the record names no target directory digest: it cannot be checked against a warehouse's results
match-exclusions-written = the targets skipped while drawing ({ $count }) written to { $path } (those the status rule excludes are counted in the census)
match-seed-needed = give the draw's seed: --announcement with its --beacon, or --seed
digest-names = names { $digest }
