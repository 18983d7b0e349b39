# The library's messages in English: the plan stage. Every id here is also in ../zh/plan.ftl with the same arguments (a test checks).

## Reading the plan

plan-the-plan = the plan
plan-toml = { $detail }
plan-no-tasks = the plan has no [[tasks]]: add at least one

## A plan that is not valid TOML or not the plan's shape (toml_error.rs): what is wrong and how to write it

plan-toml-duplicate-key = the key '{ $key }' occurs twice in the same section
plan-toml-duplicate-key-hint = remove one of them (a task's keys are written once, under its [[tasks]])
plan-toml-unknown-key = unknown key '{ $key }' (keys here: { $expected })
plan-toml-unknown-key-hint = check the spelling; the keys are English (team_size), listed in the README and by `shuangsui schema plan`
plan-toml-missing-key = the required key '{ $key }' is missing
plan-toml-missing-key-hint = add it, as name = "2027年度双随机抽查计划" under [plan] or id = "T1" under [[tasks]]
plan-toml-type = expected { $expected } here, found { $found }
plan-toml-type-hint = integers without quotes (team_size = 2), text in double quotes (ratio = "3%"), lists as ["A", "B"]
plan-toml-tasks-table = a task is written [[tasks]] (double brackets), not [tasks]
plan-toml-tasks-table-hint = each task begins with a line [[tasks]], with its id, name and other keys below it
plan-toml-unquoted-key = the key '{ $key }' is not ASCII and must be in double quotes
plan-toml-unquoted-key-hint = write "{ $key }" = … (as in filter = {"{"} "成立日期" = {"{"} after = "2020-01-01" {"}"} {"}"})
plan-toml-invalid-key = the key '{ $key }' is not written as a key
plan-toml-invalid-key-hint = a bare key is ASCII letters, digits, _ and -; any other key goes in double quotes: "{ $key }" = …
plan-toml-trailing-comma = no comma may follow the last item of an inline table { "{" } … { "}" }
plan-toml-trailing-comma-hint = remove the comma before the {"}"}, as in filter = {"{"} risk = "A" {"}"}
plan-toml-inline-table = an inline table { "{" } … { "}" } is not well written
plan-toml-inline-table-hint = an inline table stays on one line, its items separated by commas and closed by {"}"}; a long one can be a section instead, such as [tasks.filter]
plan-toml-chinese-quotes = text is written in ASCII double quotes ", not in Chinese quotation marks “ ”
plan-toml-chinese-quotes-hint = replace the Chinese quotation marks with " (switch the input method to English), as in ratio = "3%"
plan-toml-unquoted-value = the value '{ $value }' must be in double quotes
plan-toml-unquoted-value-hint = text and percentages go in double quotes, as id = "T1", ratio = "3%"; only integers (team_size = 2) and true/false do not
plan-toml-unterminated = a text value lacks its closing double quote
plan-toml-unterminated-hint = each text value begins and ends with " on the same line, as name = "企业公示信息抽查"
plan-toml-array = an array [ … ] is not well written
plan-toml-array-hint = an array's items are separated by commas and closed by ], as items = ["企业年度报告公示信息", "登记事项"]
plan-toml-one-per-line = one key and value per line
plan-toml-one-per-line-hint = move the second key to a line of its own; only a comment beginning with # may follow a value
plan-toml-full-width = the “{ $sign }” here is a full-width sign: TOML's = , [ ] {"{"} {"}"} " are ASCII
plan-toml-full-width-hint = type the sign again with the input method in English mode (team_size = 2, not team_size ＝ 2)
plan-toml-kind-string = the string "{ $value }"
plan-toml-kind-integer = the integer { $value }
plan-toml-kind-boolean = the boolean { $value }
plan-toml-kind-decimal = the decimal { $value }
plan-toml-kind-array = an array
plan-toml-kind-table = a table
plan-toml-kind-other = { $what }
plan-toml-want-integer = an integer (without quotes, as 2)
plan-toml-want-array = an array (as ["A", "B"])
plan-toml-want-boolean = true or false
plan-toml-want-string = text in double quotes (as "T1")
plan-toml-want-table = a table (as {"{"} risk = "A" {"}"})

## The plan's digest (SPEC.md §4.3): values it cannot hold

plan-key-control = the plan contains a control character in the key "{ $key }"
plan-keys-equal = two keys are the same after normalisation: '{ $key }'
plan-value-control = the plan contains the control character U+{ $code } in "{ $value }"
plan-float = the plan contains the number { $number }: write ratios as strings like "3%", counts as integers
plan-datetime = the plan contains the date { $date }: write dates as strings
plan-table-too-large = table too large
plan-array-too-large = array too large

## A plan value that is not what the plan expects: the parts of
## plan-value (`{ $context }{ $key }: expected { $expected }, found { $found }`)

plan-context-none = { "" }
plan-context-task = task '{ $task }':{ " " }

# What was expected

plan-expected-identifier = a non-empty identifier
plan-expected-unique-task-id = a unique task id (line { $line } has it already)
plan-expected-date = a date such as "{ $example }"
plan-expected-draw-date = the draw date (date = "2027-01-15"): recent inspections and the annual cap are counted from it
plan-expected-status-keywords = status keywords other than the exclusion reasons earlier_batch, inspected_recently and annual_cap
plan-expected-one-of = one of { $choices }
plan-expected-positive-integer = a positive integer
plan-expected-integer-range = an integer from { $min } to { $max }
plan-expected-zero-or-more = 0 or more
plan-expected-strings = strings
plan-expected-string-list = a string or a non-empty list of strings
plan-expected-condition-date = { $condition } = a date such as "2026-01-01"
plan-expected-condition-number = { $condition } = an integer or a decimal string such as "0.5"
plan-expected-conditions = conditions in, not, after, before, min, max
plan-expected-a-condition = at least one condition (in, not, after, before, min, max)
plan-expected-column-once = each column once (names are compared ignoring ASCII case and surrounding spaces)
plan-expected-or-table = { $leaf }, or a table nested at most as deep as the strata columns
plan-expected-percentage = a percentage from 0% to 100% like "3%" or "0.5%"
plan-expected-ratio-or-count = either ratio or count, not both
plan-expected-a-quota = a ratio (ratio = "3%") or a count (count = 40)
plan-expected-no-allocation = no allocation with a ratio (it says how a count is spread)
plan-expected-per-stratum = "per_stratum" (or nothing) with a table of counts
plan-expected-allocation = with strata, how the count is allocated: allocation = "proportional", "equal" or "per_stratum"
plan-expected-distinct-columns = distinct column names
plan-expected-departments = distinct, non-empty departments, each supplying 1 to 20 members
plan-expected-joint-members = members adding up to the team size, at least 2 (the law requires at least two per inspection)
plan-expected-team-size = { $min } to { $max } officers (the law requires at least two per inspection)
plan-expected-window = "calendar_year" or a number of days
plan-expected-scope = "any_item" or "same_item"
plan-expected-recency-keys = keys within and scope
plan-expected-region = "same" or "different" (异地)

# What was found instead (a value the plan wrote is shown as written)

plan-found-typed = { $type } { $value }
plan-found-name = '{ $name }'
plan-found-column-twice = '{ $column }' twice
plan-found-table-too-deep = a table too deep
plan-found-neither = neither
plan-found-none = none
plan-found-nothing = nothing
plan-found-no-date = no date
plan-found-department-members = '{ $department }' with { $members } members
plan-found-members = { $members } members

## A filter, in a message: its constraints (`status ∈ {存续}`, `capital ≥ 100`) joined

plan-filter-none = (none)
plan-filter-and = { $left } and { $right }

## A plan written from a task sheet (one row a task; plan/sheet): errors

plan-sheet-empty-table = the task sheet is empty: it needs a header row (任务编号, 任务名称, 抽查比例 or 抽查数量 …) and a task on each row below it
plan-sheet-empty-table-hint = check that this is the right file and worksheet
plan-sheet-no-tasks = the task sheet has no task below its header: each task takes a row, with at least its id, its name and a ratio or a count
plan-sheet-no-tasks-hint = fill in the tasks below the header, one a row
plan-sheet-missing-column = the task sheet's header has no '{ $column }' column (a header may name it { $names }; found: { $found })
plan-sheet-missing-column-hint = write the columns 任务编号 (task id) and 任务名称 (task name) in the header row (annotations such as （必填） or * are fine), among the first 30 rows
plan-sheet-missing-quota-column = the task sheet's header has neither a ratio column (抽查比例) nor a count column (抽查数量) (found: { $found })
plan-sheet-missing-quota-column-hint = each task needs a ratio (such as 3%) or a count (such as 40): add one of the columns, or both
plan-sheet-duplicate-column = the column '{ $header }' and column { $first } '{ $other }' both mean '{ $column }'
plan-sheet-duplicate-column-hint = delete one of them, or rename the one that is not to be read
plan-sheet-duplicate-id = the task id '{ $value }' is repeated (row { $first } has it already)
plan-sheet-duplicate-id-hint = every task needs an id of its own, such as T1, T2, T3
plan-sheet-empty = '{ $column }' is empty: every task needs one
plan-sheet-empty-hint = fill in the cell; delete rows that are not tasks (totals, notes)
plan-sheet-control = '{ $column }' holds the control character U+{ $code }
plan-sheet-control-hint = delete the invisible characters from the cell (clear it and type it again)
plan-sheet-filter = '{ $column }' is '{ $value }': a filter (定向条件) cannot be read from a task sheet
plan-sheet-filter-hint = clear the cell, and once the plan is written add a filter line under task { $task }, such as filter = {"{"} "所属行业" = ["H 住宿和餐饮业"] {"}"} (see the README)
plan-sheet-directed = '{ $column }' is '{ $value }': a targeted (定向) task, but a filter cannot be read from a task sheet
plan-sheet-directed-hint = write 不定向 or clear the cell, and once the plan is written add a filter line under task { $task }, such as filter = {"{"} "所属行业" = ["H 住宿和餐饮业"] {"}"} (see the README)
plan-sheet-bad-ratio = '{ $column }' is '{ $value }': expected a percentage from 0% to 100%, such as 3% or 0.5%
plan-sheet-bad-ratio-hint = write a number and a percent sign (3%), or format the column as a percentage and type it there; not in words (百分之三). For a ratio per stratum, give one ratio here and write ratio = {"{"} A = "1%", B = "3%" {"}"} in the plan once it is written
plan-sheet-ratio-no-percent = '{ $column }' is '{ $value }', without a percent sign: it may mean { $percent } or { $fraction }
plan-sheet-ratio-no-percent-hint = write the percent sign: { $percent } or { $fraction } (or format the column as a percentage in Excel, so that the cell shows one)
plan-sheet-ratio-no-percent-one = '{ $column }' is '{ $value }', without a percent sign: it is not clear whether it means { $percent }
plan-sheet-ratio-no-percent-one-hint = write a percentage with its sign, such as { $percent } (or format the column as a percentage in Excel, so that the cell shows one)
plan-sheet-bad-count = '{ $column }' is '{ $value }': expected a whole number of entities from 1 to 1000000000
plan-sheet-bad-count-hint = write the number alone, such as 40; for a task drawn by ratio, leave the count empty and give the ratio
plan-sheet-ratio-and-count = '{ $ratio_column }' is '{ $ratio }' and '{ $column }' is '{ $value }': give one of them, not both
plan-sheet-ratio-and-count-hint = a task drawn by ratio gives only the ratio, one drawing a fixed number only the count; leave the other empty
plan-sheet-no-quota = neither a ratio nor a count is given: every task needs one of them
plan-sheet-no-quota-hint = give a ratio (such as 3%) or a count (such as 40)
plan-sheet-bad-team-size = '{ $column }' is '{ $value }': expected a whole number from 2 to 20 (the law requires at least two officers per inspection)
plan-sheet-bad-team-size-hint = write a whole number from 2 to 20, such as 2; left empty, teams have 2
plan-sheet-bad-allocation = '{ $column }' is '{ $value }': expected 按比例 (proportional), 平均 (equal) or 每层 (per stratum)
plan-sheet-bad-allocation-hint = 按比例 spreads the count over the strata in proportion to their sizes, 平均 equally, 每层 draws the count from each stratum
plan-sheet-allocation-with-ratio = '{ $column }' is '{ $value }': an allocation spreads a fixed count over strata, and a task drawn by ratio has none
plan-sheet-allocation-needed = a count of { $count } over the strata '{ $strata }' needs '{ $column }'
plan-sheet-allocation-needed-hint = give the allocation: 按比例 (proportional), 平均 (equal) or 每层 (per stratum)
plan-sheet-allocation-with-ratio-hint = clear the cell: a task drawn by ratio takes that ratio in every stratum
plan-sheet-merged-across = the cells of '{ $column }' and '{ $other }' are merged into one ({ $range }): it is not clear which column '{ $value }' belongs to
plan-sheet-merged-across-hint = unmerge them (select them and click Merge & Center again), and put the value in the column it belongs to
plan-sheet-merged-header = the header '{ $column }' is merged with the rows below it into one cell ({ $range }): from row { $row }, the rows' own values of the column cannot be read
plan-sheet-merged-header-hint = unmerge it: the header takes one row, and each row below gives the column's value (rows with the same value may share a merged cell, but not with the header)
plan-sheet-merged-header-across = the header '{ $column }' is merged across columns ({ $range }), and '{ $value }' is under it but not in its column: it is not clear whether it is the '{ $column }'
plan-sheet-merged-header-across-hint = unmerge the header and put the value in the column of '{ $column }'; if it is something else, give its column a header of its own
plan-sheet-merged-overlap = the merged cell { $range } overlaps another: the workbook is damaged
plan-sheet-merged-overlap-hint = open the workbook in Excel (which repairs it), check its merged cells, save it and write the plan again
plan-sheet-rejected = the plan written from this row is not valid: { $reason }
plan-sheet-rejected-hint = correct this row of the task sheet as the message says
plan-sheet-header-empty = the plan's { $key } is empty
plan-sheet-header-control = the plan's { $key } holds the control character U+{ $code }
plan-sheet-header-date = the draw date '{ $value }' is not a date: write it as 2027-01-15 or 2027年1月15日
plan-sheet-header-rejected = the plan written is not valid: { $reason }
plan-sheet-problems = the task sheet has { $total } problems; no plan was written from it
plan-sheet-key-id = id
plan-sheet-key-name = name
plan-sheet-key-authority = authority
plan-sheet-key-contact = contact

## The notes of a plan written from a task sheet (each line after a #)

plan-sheet-toml-title = The sampling plan (plan.toml), written from the task sheet { $source }: each [[tasks]] is a row of it.
plan-sheet-toml-title-sheet = The sampling plan (plan.toml), written from the task sheet { $source } (worksheet '{ $sheet }'): each [[tasks]] is a row of it.
plan-sheet-toml-edit = Edit it in a plain-text editor; lines beginning with # are notes. Once the task sheet changes, it can be written again.
plan-sheet-toml-syntax = Text goes in double quotes ("…"), integers without; a key that is not ASCII goes in double quotes too, as "成立日期" = …
plan-sheet-toml-no-filter =
    A task sheet cannot give filters (定向条件): for a targeted task, add a filter line under it,
    such as filter = {"{"} "所属行业" = ["H 住宿和餐饮业"] {"}"} (see the README); a task without a filter draws from every entity (不定向).
plan-sheet-toml-check = Before the draw, check this plan and the two tables with shuangsui check.
plan-sheet-toml-id = the plan's id: unique within the authority, in the record and notices
plan-sheet-toml-name = the plan's name
plan-sheet-toml-authority = the authority carrying out the inspections, in the notices
plan-sheet-toml-contact = where objections go, in the notices
plan-sheet-toml-date = the draw date: officers' certificates must be valid on it
plan-sheet-toml-date-missing = the draw date, as "2027-01-15": required when the roster has certificates
plan-sheet-toml-task = ── Task { $id }: row { $row } of the task sheet ──
plan-sheet-toml-task-id = the task's id, unique in the plan
plan-sheet-toml-task-name = the task's name, in the notices
plan-sheet-toml-items = inspection items
plan-sheet-toml-basis = legal basis, in the notices
plan-sheet-toml-strata = strata: drawn separately by these columns of the directory
plan-sheet-toml-ratio = the ratio (counts from it are rounded up)
plan-sheet-toml-ratio-from = the ratio (the task sheet has { $value })
plan-sheet-toml-count = the number to draw
plan-sheet-toml-allocation = the count over the strata: proportional, equal, or per_stratum (from each)
plan-sheet-toml-team-size = officers per team, at least 2
plan-sheet-toml-team-size-default = officers per team: not in the task sheet, so 2
plan-sheet-toml-merged = { $column }: { $range } of the task sheet is one merged cell, its value taken for each row
plan-sheet-toml-departments = officers of these departments only
