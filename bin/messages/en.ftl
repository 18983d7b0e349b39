# The command-line tool's messages in English: what it adds to the library's catalog
# (src/messages). Every id is also in zh.ftl with the same arguments.

## Hints that name the tool's flags, by error kind.

cli-hint-not-utf8 = save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8), or name the encoding with --encoding gbk
cli-hint-encoding = save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8), or name the encoding with --encoding gbk
cli-hint-invalid-id = check the code for typos; a genuine code that fails the check can be allowed with --id-allowlist FILE or --id-check warn
cli-hint-no-calendar = once the State Council has announced the { $year } schedule, give it with --calendar FILE: [[year]] year = { $year }, holidays = ["{ $year }-10-01..{ $year }-10-07", …], workdays = [make-up weekend days]
cli-hint-inputs-not-announced = use exactly the announced files (`shuangsui digest --plan PLAN --targets FILE` prints a file's canonical digest); if the inputs must change, publish a new announcement naming a later round
cli-hint-missing-column = check that the header row names it so (annotations such as （必填） or * are fine) and is among the first 30 rows; a column under another name can be mapped in the plan's [columns.targets] or [columns.officers], as in "企业代码" = "id"; in an .xlsx file, --targets-sheet or --officers-sheet names the sheet
cli-hint-missing-history = give the history file of past inspections with --history FILE
cli-hint-sql-tables-needed = name them with --table and --exclusions-table
cli-hint-plan-sheet-missing-column = write the columns 任务编号 (task id) and 任务名称 (task name) in the header row (annotations such as （必填） or * are fine), among the first 30 rows; in an .xlsx file, --sheet names the worksheet
cli-hint-plan-sheet-missing-quota-column = each task needs a ratio (such as 3%) or a count (such as 40): add one of the columns to the header; in an .xlsx file, --sheet names the worksheet
cli-hint-plan-sheet-empty-table = check that this is the right file; in an .xlsx file, --sheet names the worksheet
cli-hint-plan-sheet-header-empty = give the plan's id and name with --id and --name, such as --id 420100-2027-01 --name 2027年度双随机抽查计划

## The tool's own lines on standard error: a message after its prefix.

cli-error = error: { $message }
cli-error-chain-separator = { ": " }
cli-hint = hint: { $hint }
cli-warning = warning: { $message }
cli-note = note: { $message }
cli-cannot-write-stdout = cannot write to standard output: { $error }

## Usage errors (a flag missing, unknown, or given a value it does not take): clap writes its
## own in English only; these are written in the language of the run.

cli-usage-missing = the following required arguments were not provided: { $args }
cli-usage-no-command = name a command to run
cli-usage-bad-value = invalid value '{ $value }' for { $arg }
cli-usage-bad-value-because = invalid value '{ $value }' for { $arg }: { $reason }
cli-usage-not-one-of = invalid value '{ $value }' for { $arg }: possible values are { $valid }
cli-usage-unknown-argument = unexpected argument '{ $arg }'
cli-usage-unknown-command = unrecognized command '{ $name }'
cli-usage-conflict = the argument { $arg } cannot be used with { $other }
cli-usage-value-count = wrong number of values for { $arg }
cli-usage-no-equals = { $arg } takes its value after '=', as in { $arg }=VALUE
cli-usage-not-utf8 = the command line holds characters that are not UTF-8
cli-usage-did-you-mean = did you mean: { $names }
cli-usage-line = usage: { $usage }
cli-usage-more = for every flag and what it does, add --help to the command

## What the system said about a file (the common cases)

io-not-found = no such file or directory: check the path and the file name
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-directory = it is a directory, not a file
io-not-a-directory = a part of the path is not a directory
io-storage-full = the disk is full
io-read-only = the file system is read-only
