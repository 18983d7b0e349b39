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
draw-columns-and-dropped = { $columns }; the other headers, dropped as read: { $dropped }

## Officers: who may be drawn (SPEC.md §8.1)

draw-expected-date-for-certificates = the draw date (date = "2027-01-15"): { $roster } lists certificates, which must be valid on that day
draw-officer-status = { $status }
draw-officer-status-empty = (empty)
draw-no-certificate = no certificate
draw-certificate-expired = certificate { $certificate } expired on { $date }
draw-certificate-not-yet-valid = certificate { $certificate } valid only from { $date }
draw-certificate-no-dates = certificate { $certificate } has no validity dates
draw-pool-too-small-department = task '{ $task }' department '{ $department }': { $eligible ->
        [one] 1 eligible officer
       *[other] { $eligible } eligible officers
    }, fewer than the team size { $team_size } ({ $ineligible } more pass officer_filter but are not on duty or hold no valid certificate)

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
