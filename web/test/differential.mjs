#!/usr/bin/env node
// Differential check: the shuangsui CLI draws a synthetic directory (shuangsui gen: raw exports with
// Chinese headers, quoted fields, dates) under many plans — every allocation mode, filters of every
// kind, one_visit, joint teams, regions, workload caps, history, conflicts, a second batch,
// amendments — and the page's core (web/verify.html) verifies each record from the raw files, in Node.
// A record the core does not reproduce is a disagreement to settle by SPEC.md.
//   node web/test/differential.mjs --bin PATH/shuangsui [--rows 20000] [--keep DIR]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCore, readKit } from './core.mjs';

const argv = process.argv.slice(2);
const opt = (n, d) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : d; };
const BIN = opt('--bin'); if (!BIN) { console.error('usage: node web/test/differential.mjs --bin PATH/shuangsui'); process.exit(2); }
const ROWS = opt('--rows', '20000');
const W = opt('--keep') || mkdtempSync(join(tmpdir(), 'shuangsui-diff-'));
mkdirSync(W, { recursive: true });
const SV = loadCore();
const run = (args, env = {}) => execFileSync(args[0], args.slice(1), { env: { ...process.env, SHUANGSUI_LANG: 'en', ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 }).toString();
const G = join(W, 'gen');
run([BIN, 'gen', '--targets', ROWS, '--officers', '400', '--seed', '7', '--out', G, '--quiet']);
const T = readFileSync(join(G, 'targets.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
const O = readFileSync(join(G, 'officers.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
// a history and a conflicts file in raw export form
let hist = '统一社会信用代码,检查日期,抽查事项,抽查任务编号,检查人员\n';
for (let i = 0; i < T.length; i += 11) hist += `${T[i]},${['2026-03-01', '2027-01-20', '2026年11月5日', '20270215', '2025/12/31'][i % 5]},${['企业年度报告公示信息', '产品质量', ''][i % 3]},${['T1', 'T2', ''][i % 3]},"${O[i % O.length][0]}；${O[(i + 7) % O.length][0]}"\n`;
writeFileSync(join(G, 'history.csv'), hist);
let conf = '执法证号,统一社会信用代码,回避事由\n';
for (let i = 0; i < 3000; i += 13) conf += `${O[i % O.length][5]},${T[i]},亲属关系\n`;
writeFileSync(join(G, 'conflicts.csv'), conf);

const head = (extra = '') => `[plan]\nid = "440000-2027-D"\nname = "差分核验"\nauthority = "广东省市场监督管理局"\ndate = "2027-03-01"\n${extra}\n`;
const task = (id, body) => `[[tasks]]\nid = "${id}"\nname = "任务${id}"\nitems = ["企业年度报告公示信息"]\n${body}\n`;
const plans = {
  'ratio-nearest-min2': head() + task('T1', 'strata = ["信用风险分类"]\nratio = { A = "0.5%", B = "1.25%", "*" = "7.5%" }\nrounding = "nearest"\nmin_per_stratum = 2\nofficer_filter = { "所属部门" = "市场监管" }'),
  'ratio-floor-whole': head() + task('T1', 'ratio = "0.75%"\nrounding = "floor"\nteam_size = 3'),
  'proportional-regions': head() + task('T1', 'strata = ["行政区划"]\ncount = 777\nallocation = "proportional"\nofficer_filter = { "所属部门" = ["市场监管", "食品安全"] }'),
  'equal-two-strata': head() + task('T1', 'strata = ["信用风险分类", "所属行业"]\ncount = 301\nallocation = "equal"'),
  'per-stratum-table': head() + task('T1', 'strata = ["信用风险分类"]\ncount = { A = 3, D = 40, "*" = 9 }'),
  'nested-ratio-tree': head() + task('T1', 'strata = ["行政区划", "信用风险分类"]\nratio = { "440111" = { A = "0%", "*" = "5%" }, "*" = { D = "20%", "*" = "1%" } }'),
  'filters-dates-numbers': head() + task('T1', 'filter = { "成立日期" = { after = "2010年1月1日", before = "2020-12-31" }, "上次检查日期" = { before = "2025-01-01" }, "行政区划" = { min = "440100", max = 440500.0 } }\nratio = "5%"'.replace('440500.0', '"440500.00"')) ,
  'filter-not-and-sets': head() + task('T1', 'filter = { "所属行业" = { not = ["H 住宿和餐饮业", "C 制造业"] }, "企业类型" = ["有限责任公司（自然人独资）", "有限责任公司（自然人投资或控股）"] }\ncount = 50'),
  'exclusive-overlap': head('one_visit = "exclusive"') + task('T1', 'ratio = "3%"') + task('T2', 'filter = { "所属行业" = "F 批发和零售业" }\nratio = "10%"') + task('T3', 'strata = ["信用风险分类"]\ncount = 60\nallocation = "proportional"'),
  'separate-overlap': head('one_visit = "separate"') + task('T1', 'ratio = "3%"') + task('T2', 'filter = { "所属行业" = "F 批发和零售业" }\nratio = "10%"'),
  'merge-overlap': head() + task('T1', 'ratio = "3%"') + task('T2', 'filter = { "所属行业" = "F 批发和零售业" }\nratio = "10%"\nteam_size = 3'),
  'joint-departments': head() + task('T1', 'count = 80\ndepartments = [{ department = "市场监管", members = 2 }, { department = "食品安全", members = 1 }]'),
  'region-same': head() + task('T1', 'count = 60\nofficer_region = "same"'),
  'region-different': head() + task('T1', 'count = 60\nofficer_region = "different"\nteam_size = 3'),
  'workload-caps': head('max_teams_per_officer = 3') + task('T1', 'count = 200\nmax_teams_per_officer = 2') + task('T2', 'count = 150'),
  'inspection-date': head() + task('T1', 'count = 50\ninspection_date = "2029-06-30"'),
  'custom-status': head('exclude_status = ["在业", "迁出"]') + task('T1', 'filter = { "登记状态" = { not = "存续（在营、开业、在册）" } }\nratio = "20%"'),
  'history-rules': head('max_inspections_per_year = 1') + task('T1', 'ratio = "4%"\nexclude_inspected = { within = 365, scope = "same_item" }\nrotation = "calendar_year"') + task('T2', 'strata = ["信用风险分类"]\nratio = "4%"\nexclude_inspected = { within = "calendar_year" }\nrotation = 800'),
  'history-cap-separate': head('one_visit = "separate"\nmax_inspections_per_year = 2') + task('T1', 'ratio = "10%"') + task('T2', 'ratio = "10%"\nrotation = 400'),
  'public-columns': head() + '[columns.public]\ntargets = ["登记机关"]\nofficers = ["发证机关"]\n\n' + task('T1', 'count = 20'),
  'mapping': head() + '[columns.targets]\n"上次检查日期" = ""\n"登记机关" = "监管所"\n[columns.officers]\n"管辖片区" = "grid"\n\n' + task('T1', 'filter = { "监管所" = { not = "x" } }\ncount = 20\nofficer_filter = { grid = { min = 440000 } }'),
};
const withHistory = new Set(['history-rules', 'history-cap-separate']), withConflicts = new Set(['region-same', 'workload-caps', 'history-rules', 'merge-overlap']);
let pass = 0, failed = 0, refusedBoth = 0;
const report = (name, ok, msg) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${msg ? ': ' + msg : ''}`); ok ? pass++ : failed++; };
for (const [name, plan] of Object.entries(plans)) {
  const d = join(W, name); rmSync(d, { recursive: true, force: true }); mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'plan.toml'), plan);
  for (const f of ['targets.csv', 'officers.csv']) copyFileSync(join(G, f), join(d, f));
  const args = ['--plan', join(d, 'plan.toml'), '--targets', join(d, 'targets.csv'), '--officers', join(d, 'officers.csv')];
  if (withHistory.has(name)) { copyFileSync(join(G, 'history.csv'), join(d, 'history.csv')); args.push('--history', join(d, 'history.csv')); }
  if (withConflicts.has(name)) { copyFileSync(join(G, 'conflicts.csv'), join(d, 'conflicts.csv')); args.push('--conflicts', join(d, 'conflicts.csv')); }
  let drew = true;
  try { run([BIN, 'draw', ...args, '--seed', 'diff ' + name, '--out', join(d, 'record.json'), '--quiet', '--raw-digest']); }
  catch (e) { drew = false; var cliErr = String(e.stderr || e.message).trim().split('\n').pop(); }
  if (!drew) {
    // the CLI refused: the core must refuse too (verify a stand-in record: no draw)
    writeFileSync(join(d, 'record.json'), readFileSync(join(W, Object.keys(plans)[0], 'record.json')));
    const r = await SV.verifyKit(readKit(d));
    const coreRefused = r.drawError || r.verdict === 'error';
    report(name, !!coreRefused, `the CLI refused (${cliErr}); the core ${coreRefused ? 'refused too: ' + (r.drawError ? r.drawError.message : r.error.message).split('\n')[0] : 'drew'}`);
    if (coreRefused) refusedBoth++;
    continue;
  }
  const r = await SV.verifyKit(readKit(d));
  report(name, r.verdict === 'ok', r.verdict === 'ok' ? `${r.tasks.map((t) => `${t.id} ${t.selectedCount}`).join(', ')} (${r.elapsedMs} ms)` : `${r.verdict} ${r.error ? r.error.message : r.differences.slice(0, 5).map((x) => `${x.path}: ${x.record} / ${x.computed}`).join('; ')}`);
  // a second batch after this one, and amendments on it
  if (name === 'history-rules' || name === 'merge-overlap') {
    const b2 = join(d, 'batch2.json');
    run([BIN, 'draw', ...args, '--after', join(d, 'record.json'), '--seed', 'second ' + name, '--out', b2, '--quiet']);
    const k = readKit(d); k['earlier-1.json'] = k['record.json']; k['record.json'] = k['batch2.json']; delete k['batch2.json'];
    const r2 = await SV.verifyKit(k);
    report(name + ' / second batch', r2.verdict === 'ok', r2.verdict === 'ok' ? '' : r2.differences.slice(0, 5).map((x) => `${x.path}: ${x.record} / ${x.computed}`).join('; ') || (r2.error && r2.error.message));
    const rec = JSON.parse(readFileSync(b2, 'utf8'));
    const t = rec.tasks[0], s = t.selected[0], s2 = t.selected[1];
    const ft = ['faketime', '2027-03-05 12:00:00', BIN];
    try {
      run([...ft, 'amend', b2, ...args, '--after', join(d, 'record.json'), '--task', t.id, '--target', s.target, '--replace-officer', s.officers[0], '--reason', '回避', '--actor', '科长', '--at', '2027-03-02T08:00:00+08:00', '--quiet']);
      run([...ft, 'amend', b2, ...args, '--after', join(d, 'record.json'), '--task', t.id, '--target', s.target, '--replace-officer', s.officers[1], '--reason', '证件失效', '--actor', '科长', '--at', '2027-03-02T09:00:00+08:00', '--quiet']);
      run([...ft, 'amend', b2, ...args, '--after', join(d, 'record.json'), '--task', t.id, '--unreachable', s2.target, '--actor', '科员', '--at', '2027-03-03T09:00:00Z', '--quiet']);
      const k3 = readKit(d); k3['earlier-1.json'] = k3['record.json']; k3['record.json'] = new Uint8Array(readFileSync(b2)); delete k3['batch2.json'];
      const r3 = await SV.verifyKit(k3);
      report(name + ' / amended', r3.verdict === 'ok', r3.verdict === 'ok' ? `ledger of ${r3.ledger.entries}` : r3.differences.slice(0, 5).map((x) => `${x.path}: ${x.record} / ${x.computed} ${x.msg}`).join('; '));
    } catch (e) { console.log(`(no amendments for ${name}: ${String(e.stderr || e.message).trim().split('\n').pop()})`); }
  }
}
console.log(`${pass} passed, ${failed} failed${refusedBoth ? ` (${refusedBoth} plans refused by both)` : ''}`);
if (!opt('--keep')) rmSync(W, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
