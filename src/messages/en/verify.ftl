# The library's messages in English: the verify stage. Every id here is also in ../zh/verify.ftl with the same arguments (a test checks).

## Verification: a difference between the record and the draw its inputs give. Values are
## shown as they are (a string in quotes); the words around them come from here.

verify-difference = { $path }: record has { $record }, the inputs give { $recomputed }
verify-earlier-differs = does not reproduce from these inputs ({ $count } differences): the earlier batch's record was edited, or not drawn from these inputs, and a later batch must not exclude targets by it
verify-note-earlier-other = earlier batch { $n } (record digest { $digest }) cannot be re-drawn here (it was not drawn from these inputs, or the directory is not here): compare that digest with the notice published for that batch, and verify it with its own kit
verify-absent = (absent)
verify-whole-record = (the whole record)
verify-length = { $path } (length)
verify-entries = { $count } entries
verify-announced = { $value } (announced)
verify-dropped-unsorted = the headers sorted and distinct
verify-dropped-read = only headers of columns the rules drop unread: personal data, or a column the plan does not read

# The inputs, as the record names them (inputs.plan, inputs.targets, …)

verify-input-plan = plan
verify-input-targets = targets
verify-input-officers = officers
verify-input-history = history
verify-input-conflicts = conflicts

## Verification: notes, things worth saying that are not differences

verify-note-tsa-unused = the time-stamp authority's certificate was not used: the record holds no time-stamp
verify-note-not-drawable = the draw cannot be repeated with these inputs: { $error }
verify-note-warehouse = the directory was not read: the draw was repeated from the warehouse's census and candidates given here. That they are the directory's rests on the warehouse: there, its digest query and each task's selection query (SPEC.md §3.4, §7.4) fail unless the table gives the record's digest, frames and selections
verify-note-warehouse-regions = the selected targets' regions, which matching by jurisdiction (officer_region) reads, come from the candidates given here and are in no query's check: run the candidates query in the warehouse yourself, or verify from the directory's file, to check them too
verify-note-unattested = the seed is unattested: nothing proves it was not chosen after seeing the draw (drawn again and again until a result suited)
verify-note-altered = the record's digest does not match its own content: it was changed after the draw
verify-note-form = the record's file orders its members or spaces them otherwise than the canonical serialisation (SPEC.md §9.2); every member's value is the same, so this is form only
verify-note-bytes-differ = { $input }: the file's bytes differ from the draw's (SHA-256 { $sha256 }, record { $recorded }) but its content is the same (canonical digest matches)
verify-note-dropped-differ = { $input }: the record lists the dropped columns [{ $recorded }], this file has [{ $found }]; dropped columns are never read, so the draw is the same (the record's list is taken; each column in it was checked to be one the rules drop)
verify-note-names-unchecked = officers: the roster has no name column (published with the names hidden): the names digest { $digest } was NOT checked; the draw does not depend on names

## Verification: why the seed's attestation does not hold

verify-timestamp-not-base64 = seed.attestation.timestamp is not base64
# The words an announcement's error begins with, left out where the error says why an
# attestation does not hold.

## The record itself

record-syntax-json = not a valid record: { $detail }
record-syntax-no-spec = not a valid record: missing the string member 'spec'
record-syntax-seed-source-attested = not a valid record: seed.source must be "unattested" (without an attestation) or "beacon" (with one), found '{ $source }' with an attestation
record-syntax-seed-source-unattested = not a valid record: seed.source must be "unattested" (without an attestation) or "beacon" (with one), found '{ $source }' without an attestation

## The amendment ledger (SPEC.md §9.4): what the rules give for an entry's field, shown in
## quotes where a value would be

ledger-rule = '{ $rule }'
ledger-not-drawn = { $target } is not drawn
ledger-not-drawn-by-task = { $target } is not drawn by task { $task }
ledger-drawn-by-several = { $target } is drawn by the tasks { $tasks }: name the task
ledger-already-unreachable = already recorded as unreachable
ledger-officer-of-team = an officer of the current team
ledger-no-more-replacements = no more replacements: the team of { $target } has had { $max } (plan.max_replacements)
ledger-bad-task-key = bad task key
ledger-not-in-pool = { $officer } is not in the pool of task { $task }
ledger-no-replacement = no officer of the pool of task { $task } can replace { $officer } for { $target }
ledger-bad-prev = '{ $prev }' is not a 64-character hex digest
ledger-unreachable-officer = no officer and no replacement for an unreachable target
ledger-note-needed = a note saying why, for the reason { $other }
ledger-note-form = at most { $max } characters of normalised text, without line breaks
ledger-actor = who made the amendment: a name, normalised, not empty
ledger-at-form = an RFC 3339 time such as 2027-01-16T09:30:00+08:00
ledger-at-order = a time not before { $time } (the draw, or the entry before)

# An amendment refused

amendment-refused = cannot amend: { $reason }
amendment-ledger-not-verified = cannot amend: the ledger does not verify: { $difference }
amendment-already-unreachable = cannot amend: { $target } is already recorded as unreachable
amendment-reason = cannot amend: the reason must be one of { $reasons }, found '{ $reason }'
amendment-max-replacements = cannot amend: the team of { $target } has had { $max } replacement(s), the most the plan allows (plan.max_replacements): a further change needs a new draw
amendment-not-in-team = cannot amend: { $officer } is not in the team of { $target } (the team is { $team })
amendment-field = cannot amend: { $field } '{ $found }': expected { $expected }
