# The command-line tool's messages in English: what it adds to the library's catalog
# (src/messages). Every id is also in zh.ftl with the same arguments.

## Hints that name the tool's flags, by error kind.

cli-hint-not-utf8 = save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8), or name the encoding with --encoding gbk
cli-hint-encoding = save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8), or name the encoding with --encoding gbk
cli-hint-invalid-id = check the code for typos; a genuine code that fails the check can be allowed with --id-allowlist FILE or --id-check warn
cli-hint-no-calendar = once the State Council has announced the { $year } schedule, give it with --calendar FILE: [[year]] year = { $year }, holidays = ["{ $year }-10-01..{ $year }-10-07", …], workdays = [make-up weekend days]
cli-hint-inputs-not-announced = use exactly the announced files (`shuangsui digest --plan PLAN --targets FILE` prints a file's canonical digest); if the inputs must change, publish a new announcement naming a later round
cli-hint-missing-history = give the history file of past inspections with --history FILE
cli-hint-sql-tables-needed = name them with --table and --exclusions-table

## The tool's own lines on standard error: a message after its prefix.

cli-error = error: { $message }
cli-error-chain-separator = { ": " }
cli-hint = hint: { $hint }
cli-warning = warning: { $message }
cli-note = note: { $message }
cli-cannot-write-stdout = cannot write to standard output: { $error }
