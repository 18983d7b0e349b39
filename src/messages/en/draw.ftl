# The library's messages in English: the draw stage. Every id here is also in ../zh/draw.ftl with the same arguments (a test checks).

## Earlier batches (SPEC.md §6.1): records that cannot be one

draw-earlier-altered = not a valid record: its digest does not match its content: it is not the record of an earlier batch as drawn
draw-earlier-rules-changed = not a valid record: the earlier batch was drawn with { $changed }: every batch of a plan keeps its one_visit, its annual cap and its task ids
draw-earlier-changed-one-visit = one_visit = "{ $earlier }", this plan "{ $plan }"
draw-earlier-changed-annual-cap = max_inspections_per_year = { $earlier }, this plan { $plan } (0: none)
draw-earlier-changed-tasks = tasks { $tasks } that this plan does not have
draw-earlier-other-plan = not a valid record: it is the record of plan '{ $earlier }', not of this plan '{ $plan }': earlier batches are draws of the same plan

## A column a task names (the parts of unknown-column)

draw-column-absent = { "" }
draw-column-personal-data = : it holds personal data and is dropped on reading
draw-table = { $table }
draw-column-named = { $label ->
   *[other] { $name }
}
draw-column-list = { $labels ->
   *[other] { $names }
}
draw-columns-and-dropped = { $columns }; the other headers, dropped as read: { $dropped }

## Officers: who may be drawn (SPEC.md §8.1)

draw-expected-date-for-certificates = the draw date (date = "2027-01-15"): { $roster } lists certificates, which must be valid on that day
draw-officer-status = { $status }
draw-officer-status-empty = (empty)
draw-no-certificate = no certificate
draw-certificate-expired = certificate { $certificate } expired on { $date }
draw-certificate-not-yet-valid = certificate { $certificate } valid only from { $date }
draw-certificate-no-dates = certificate { $certificate } has no validity dates
draw-pool-matched = { "" }
draw-pool-unmatched = ; officer_filter matches no officer: the roster's { $column } holds { $values }
draw-pool-too-small-department = task '{ $task }' department '{ $department }': { $eligible ->
        [one] 1 eligible officer
       *[other] { $eligible } eligible officers
    }, fewer than the team size { $team_size } ({ $ineligible } more pass officer_filter but are not on duty or hold no valid certificate){ $unmatched }

## Why no officer can fill a slot (the reasons of no-officer-for-target): the pool, then
## each rule that refused someone

draw-refusals = { $pool } officers in the pool{ $in_team ->
        [0] { "" }
       *[other] , { $in_team } already in the team
    }{ $conflicted ->
        [0] { "" }
       *[other] , { $conflicted } conflicted (回避)
    }{ $region ->
        [0] { "" }
       *[other] , { $region } outside the jurisdiction rule
    }{ $task_cap ->
        [0] { "" }
       *[other] , { $task_cap } at the task's workload cap
    }{ $plan_cap ->
        [0] { "" }
       *[other] , { $plan_cap } at the plan's workload cap
    }{ $rotation ->
        [0] { "" }
       *[other] , { $rotation } inspected this entity recently (rotation)
    }
draw-refusals-department = { $reasons } of department '{ $department }'
inputs-directory-elsewhere = the target directory is held elsewhere (its digest { $digest }, { $rows } rows, given): checking or drawing needs its rows; read the directory itself

## The draw of a directory held in a warehouse (SPEC.md §7.5)
warehouse-csv = not a query result in CSV: { $problem }
warehouse-csv-hint = export the query's result as CSV with a header row (DuckDB: COPY (…) TO 'file.csv' (HEADER); psql: \copy (…) TO 'file.csv' CSV HEADER)
warehouse-column = the query result has no column '{ $column }' (its columns: { $found })
warehouse-column-hint = run the query shuangsui printed for these inputs, unchanged, and export all its columns
warehouse-column-tabs = the query result is separated by tabs, not commas (its header: { $found })
warehouse-column-tabs-hint = export it as CSV, comma-separated, with its header (DuckDB: COPY (…) TO 'file.csv' (HEADER); psql: \copy (…) TO 'file.csv' CSV HEADER)
warehouse-number = column '{ $column }' holds '{ $value }', not a whole number
warehouse-strata-columns = task { $task } has { $wanted } strata columns but the result has { $found } (s1, s2, …)
warehouse-strata-extra = task { $task }: a stratum cell beyond the task's strata is not empty
warehouse-unknown-task = the result names task '{ $task }', which the plan does not have (its tasks: { $tasks })
warehouse-unknown-task-hint = run the queries printed for this very plan
warehouse-census-rows = the census must have exactly one row with an empty task: the directory's number of rows
warehouse-census-reason = task { $task }: '{ $reason }' is not one of the plan's exclude_status keywords
warehouse-census-repeated = task { $task }: this stratum or reason is counted twice
warehouse-census-listed-digest = task { $task }: the census's listed digest '{ $value }' is not 64 hex digits
warehouse-census-listed-count = task { $task }: the census lists { $found } listed exclusions but counts { $count } by reason
warehouse-census-listed-missing = these inputs exclude targets by listing them (earlier batches, or a history with recent-inspection exclusions or the annual cap), but the census did not read the possible listed exclusions
warehouse-census-listed-missing-hint = write the possible listed exclusions of these inputs, load them as a table beside the directory, and run the census with it
warehouse-census-listed-other = the census joined { $rows } possible listed exclusions that are not the { $expected } the history and the earlier batches give: a row added or removed would exclude or keep a target they do not
warehouse-census-listed-other-hint = load exactly the list written for these files, and run the census again
warehouse-unsupported = a draw from a warehouse does not compute { $what } yet: draw from the directory's file
warehouse-directory-here = these inputs read the directory itself: draw from it (a warehouse draw takes the directory by its digest)
warehouse-candidate-differs = target { $target } has '{ $value }' in column { $column } here, and another value on line { $first }
warehouse-candidate-stratum = task { $task }: target { $target } is in stratum [{ $stratum }], which the census does not have
warehouse-candidate-stratum-hint = run the census and the candidates queries over the same table
warehouse-candidate-ticket = task { $task }: target { $target } has ticket { $found }, but its ticket is { $ticket }
warehouse-candidate-ticket-hint = the candidates query was not made for this draw (another seed, plan, roster, conflicts or history file): print it again with these inputs and run it
warehouse-candidate-twice = task { $task }: target { $target } is a candidate twice (first on line { $first })
warehouse-candidate-twice-hint = a target is in a task's frame once: run the table's check (duplicate ids), then the candidates query again, unchanged
warehouse-candidate-rank = task { $task }: target { $target } has rank { $found }, but it is number { $rank } of its stratum's candidates in ticket order
warehouse-candidate-rank-hint = candidates are missing or were added: run the candidates query again, unchanged, and export its whole result
warehouse-candidates-over = task { $task }, stratum [{ $stratum }]: { $found } candidates, more than its frame of { $frame } in the census
warehouse-candidates-short = task { $task }, stratum [{ $stratum }]: the { $candidates } candidates ran out before the walk took its { $count } targets (frame { $frame })
warehouse-candidates-short-hint = the candidates are not the whole result of the candidates query printed for these inputs: run it again, unchanged, and export every row
draw-earlier-not-reproduced = the earlier batch with record digest { $digest } does not reproduce from these inputs ({ $count } differences): its record was edited, or not drawn from these inputs; no target is excluded on its word, and nothing was drawn
draw-earlier-not-reproduced-hint = give the batch's record as it was published after its draw (its digest is the one in that batch's notice)
