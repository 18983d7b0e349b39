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
