# The library's messages in English: the publish stage. Every id here is also in ../zh/publish.ftl with the same arguments (a test checks).

## The warehouse query (SPEC.md §7.4)

sql-table-name = '{ $name }' is not a table name: expected NAME or SCHEMA.NAME, without empty parts
sql-table-name-taken = the table name '{ $name }' is also the name of a part of the query: qualify it with its schema (public.{ $name })
sql-no-task = the record has no task '{ $task }' (its tasks: { $tasks })
sql-spec = the record follows spec version '{ $found }'; this shuangsui writes queries for version { $supported }
sql-record-altered = the record's digest does not match its content: it was changed after the draw, and its query would prove nothing (run shuangsui verify)
sql-exclusions-csv = { $file }: { $detail }
sql-exclusions-columns = { $file }: expected the columns task, target, reason, found { $found }
sql-exclusions-task = { $file }: lists exclusions of task '{ $task }', which the record does not have
sql-exclusions-digest = { $file }: the { $rows } rows of task '{ $task }' hash to { $digest }, not to the record's frame.listed { $listed }

## The results table (抽查结果), row by row

results-no-date = the inspection date is missing
results-not-vocabulary = '{ $result }' is not a result of the national vocabulary ({ $vocabulary })
results-not-drawn = '{ $entity }' was not drawn by this plan: only drawn entities have results
results-other-item = '{ $entity }' was drawn by { $tasks } but not for the item '{ $item }' (its items: { $items })
results-other-item-in-task = '{ $entity }' was drawn by { $tasks } but not for the item '{ $item }' in task '{ $task }' (its items: { $items })
results-no-items = none: leave the item empty
results-several-tasks = '{ $entity }' has the item '{ $item }' in several tasks ({ $tasks }): add a 抽查任务编号 column to say which
results-second = a second result for '{ $entity }', item '{ $item }' (the first is on line { $first })
results-unreachable = '{ $entity }' is recorded unreachable in the ledger: its result is { $unreachable }, not '{ $result }'
results-before-draw = inspected on { $date }, before the draw on { $drawn }
results-after-today = the inspection was completed on { $date }, after today ({ $today }): only inspections already done can be recorded
results-missing = no result for '{ $entity }' { $name } in task { $task }
results-missing-item = no result for '{ $entity }' { $name }, item '{ $item }' in task { $task }

## The working-day calendar file

calendar-not-utf8 = the calendar is not UTF-8 text
calendar-toml = { $detail }
calendar-year = year: expected a year such as 2027, found { $found }
calendar-year-twice = year { $year } is given twice
calendar-not-in-year = '{ $date }' is not in { $year }
calendar-date = expected a date such as { $year }-10-01 or a range { $year }-10-01..{ $year }-10-07, found '{ $found }'
calendar-range = the range '{ $range }' ends before it starts
calendar-weekday = { $date } is a weekday: only a Saturday or Sunday can be made a working day
calendar-both = { $date } is listed both as a holiday and as a working day

## The draw notice: targets excluded by a rule of the plan (SPEC.md §6.1), shown before
## their number

notice-excluded-earlier-batch = earlier_batch
notice-excluded-inspected-recently = inspected_recently
notice-excluded-annual-cap = annual_cap
kit-inputs-mismatch = the inputs are not the record's: { $what }; publish a record with the inputs it was drawn from
kit-mismatch-plan = the record's plan digest is { $record }, this plan's { $given }
kit-mismatch-rows = the record's { $table } has { $record } rows, the one given { $given }
