# 库的消息（中文）：draw 阶段。每个 id 在 ../en/draw.ftl 中也有，参数相同（有测试检查）。

## 此前批次（SPEC.md §6.1）：不能作为此前批次的抽取记录

draw-earlier-altered = 不是有效的抽取记录：其摘要与内容不符，不是此前批次抽取时的原始记录
draw-earlier-rules-changed = 不是有效的抽取记录：此前批次的抽取规则与本计划不同（{ $changed }）：同一计划的各批次必须保持相同的 one_visit、年度检查上限和任务编号
draw-earlier-changed-one-visit = 此前为 one_visit = "{ $earlier }"，本计划为 "{ $plan }"
draw-earlier-changed-annual-cap = 此前为 max_inspections_per_year = { $earlier }，本计划为 { $plan }（0 表示不设上限）
draw-earlier-changed-tasks = 此前批次有本计划没有的任务 { $tasks }
draw-earlier-other-plan = 不是有效的抽取记录：这是抽查计划“{ $earlier }”的抽取记录，不是本计划“{ $plan }”的：此前批次必须是同一抽查计划的抽取

## 任务指定的列（unknown-column 的各部分）

draw-column-absent = { "" }
draw-column-personal-data = ：该列含有个人信息，读取时即被舍弃
draw-table = { $table ->
        [targets] 检查对象名录
        [officers] 执法检查人员名录
        [history] 检查记录文件
        [conflicts] 回避名单
        [results] 抽查结果文件
       *[other] { $table }
    }
draw-column-named = { $name ->
   *[other] { $label }
}
draw-column-list = { $names ->
   *[other] { $labels }
}
draw-columns-and-dropped = { $columns }；其余表头读取时已舍弃：{ $dropped }

## 执法人员：谁可以被抽取（SPEC.md §8.1）

draw-expected-date-for-certificates = 抽取日期（date = "2027-01-15"）：{ $roster } 列有执法证，执法证须在这一天有效
draw-officer-status = { $status }
draw-officer-status-empty = （空）
draw-no-certificate = 无执法证
draw-certificate-expired = 执法证 { $certificate } 已于 { $date } 过期
draw-certificate-not-yet-valid = 执法证 { $certificate } 自 { $date } 起才有效
draw-certificate-no-dates = 执法证 { $certificate } 没有有效期
draw-pool-matched = { "" }
draw-pool-unmatched = ；officer_filter 没有匹配任何执法人员：名录中“{ $column }”列的值有 { $values }
draw-pool-too-small-department = 任务“{ $task }”部门“{ $department }”：可选派的执法人员只有 { $eligible } 名，少于该部门每组应出的 { $team_size } 名（另有 { $ineligible } 名符合 officer_filter，但不在岗或没有有效的执法证）{ $unmatched }

## 为什么没有执法人员可派（no-officer-for-target 的原因）：人员库人数，再列出各项规则排除的人数

draw-refusals = 人员库共 { $pool } 人{ $in_team ->
        [0] { "" }
       *[other] ，{ $in_team } 人已在本组
    }{ $conflicted ->
        [0] { "" }
       *[other] ，{ $conflicted } 人须回避
    }{ $region ->
        [0] { "" }
       *[other] ，{ $region } 人不符合属地/异地要求
    }{ $task_cap ->
        [0] { "" }
       *[other] ，{ $task_cap } 人已达本任务的工作量上限
    }{ $plan_cap ->
        [0] { "" }
       *[other] ，{ $plan_cap } 人已达本计划的工作量上限
    }{ $rotation ->
        [0] { "" }
       *[other] ，{ $rotation } 人近期检查过该主体（轮换要求）
    }
draw-refusals-department = 部门“{ $department }”{ $reasons }
inputs-directory-elsewhere = 检查对象名录不在此处（只给出了其摘要 { $digest } 和行数 { $rows }）：检查或抽取需要名录本身，请读取名录文件

## The draw of a directory held in a warehouse (SPEC.md §7.5)
warehouse-csv = 不是 CSV 格式的查询结果：{ $problem }
warehouse-csv-hint = 请将查询结果导出为带表头的 CSV（DuckDB：COPY (…) TO 'file.csv' (HEADER)；psql：\copy (…) TO 'file.csv' CSV HEADER）
warehouse-column = 查询结果中没有“{ $column }”列（现有列：{ $found }）
warehouse-column-hint = 请原样运行 shuangsui 为这些输入生成的查询，并导出其全部列
warehouse-column-tabs = 查询结果以制表符而非逗号分隔（表头：{ $found }）
warehouse-column-tabs-hint = 请导出为以逗号分隔、带表头的 CSV（DuckDB：COPY (…) TO 'file.csv' (HEADER)；psql：\copy (…) TO 'file.csv' CSV HEADER）
warehouse-number = “{ $column }”列的值“{ $value }”不是整数
warehouse-strata-columns = 任务 { $task } 有 { $wanted } 个分层列，查询结果只有 { $found } 个（s1、s2、…）
warehouse-strata-extra = 任务 { $task }：超出该任务分层数的分层单元格不为空
warehouse-unknown-task = 查询结果中的任务“{ $task }”不在抽查计划中（计划中的任务：{ $tasks }）
warehouse-unknown-task-hint = 请运行为本计划生成的查询
warehouse-census-rows = 统计结果中必须恰有一行任务为空：名录的总行数
warehouse-census-reason = 任务 { $task }：“{ $reason }”不是计划 exclude_status 中的关键词
warehouse-census-repeated = 任务 { $task }：同一分层或排除原因被统计了两次
warehouse-census-listed-digest = 任务 { $task }：统计结果中的列出排除摘要“{ $value }”不是 64 位十六进制数字
warehouse-census-listed-count = 任务 { $task }：统计结果列出排除 { $found } 个，但按原因合计 { $count } 个
warehouse-census-listed-missing = 这些输入会以列出方式排除对象（此前批次，或含近期检查排除、年度上限的检查记录），但统计查询没有读取可能的列出排除
warehouse-census-listed-missing-hint = 请写出这些输入可能的列出排除，载入为与名录并列的表，再带该表运行统计查询
warehouse-census-listed-other = 统计查询关联的 { $rows } 条可能的列出排除，不是检查记录和此前批次给出的 { $expected } 条：增删一行就会排除或保留它们并未排除的对象
warehouse-census-listed-other-hint = 请原样载入为这些文件写出的清单，再重新运行统计查询
warehouse-unsupported = 从数据仓库抽取暂不支持计算{ $what }：请从名录文件抽取
warehouse-directory-here = 这些输入读取了名录本身：请直接从名录抽取（从数据仓库抽取时按摘要指定名录）
warehouse-candidate-differs = 对象 { $target } 在此处的 { $column } 列为“{ $value }”，与第 { $first } 行的值不同
warehouse-candidate-stratum = 任务 { $task }：对象 { $target } 所在分层 [{ $stratum }] 不在统计结果中
warehouse-candidate-stratum-hint = 请对同一张表运行统计查询和候选查询
warehouse-candidate-ticket = 任务 { $task }：对象 { $target } 的签号为 { $found }，但其签号应为 { $ticket }
warehouse-candidate-ticket-hint = 该候选查询不是为本次抽取生成的（种子、计划、人员名录、回避名单或检查记录不同）：请用这些输入重新生成并运行
warehouse-candidate-twice = 任务 { $task }：对象 { $target } 两次出现在候选中（第一次在第 { $first } 行）
warehouse-candidate-twice-hint = 每个对象在任务的抽取范围中只出现一次：请先运行表的检查查询（重复编号），再原样重新运行候选查询
warehouse-candidate-rank = 任务 { $task }：对象 { $target } 的排位为 { $found }，但按签号排序它是该分层候选中的第 { $rank } 个
warehouse-candidate-rank-hint = 候选有缺失或被添加：请原样重新运行候选查询并导出全部结果
warehouse-candidates-over = 任务 { $task } 分层 [{ $stratum }]：候选 { $found } 个，多于统计结果中该分层的 { $frame } 个
warehouse-candidates-short = 任务 { $task } 分层 [{ $stratum }]：{ $candidates } 个候选已用尽，尚未抽满 { $count } 个（该分层共 { $frame } 个）
warehouse-candidates-short-hint = 候选结果不是为这些输入生成的候选查询的完整结果：请原样重新运行该查询并导出全部行
draw-earlier-not-reproduced = 此前批次（记录摘要 { $digest }）不能由这些输入重现（{ $count } 处不同）：其记录被改动过，或不是由这些输入抽取的；不能据此排除对象，未进行抽取
draw-earlier-not-reproduced-hint = 请使用该批次抽取后公布的原始记录（其摘要应与该批次的公告一致）
