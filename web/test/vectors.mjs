#!/usr/bin/env node
// Runs the verification core of web/verify.html (its <script id="core">) on every test vector of
// tests/vectors/: each draw vector as a kit (record.json = the expected record) must verify, and the
// recomputed record must be the expected one byte for byte; each error vector must be rejected;
// allocation.json and normalize.json must agree. Node 20, no dependencies.
//   node web/test/vectors.mjs [--only ID] [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCore, repoDir as repo } from './core.mjs';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const verbose = args.includes('--verbose');

const SV = loadCore();
const X = SV._internal;
const enc = new TextEncoder();
const readVectors = (name) => X.parseJsonStrict(readFileSync(join(repo, 'tests/vectors', name), 'utf8'), name).vectors;
let passed = 0, failed = 0;
const failures = [];
const fail = (group, id, msg) => { failed++; failures.push(`${group} ${id}: ${msg}`); };
const ok = () => { passed++; };

// ---- draws.json: each vector as a kit
function kitOf(v) {
  const files = {
    'record.json': enc.encode(X.serialize(v.expected.record) + '\n'),
    'plan.toml': enc.encode(v.plan), 'targets.csv': enc.encode(v.targets), 'officers.csv': enc.encode(v.officers),
  };
  if (v.history !== undefined) files['history.csv'] = enc.encode(v.history);
  if (v.conflicts !== undefined) files['conflicts.csv'] = enc.encode(v.conflicts);
  (v.earlier || []).forEach((r, i) => { files[`earlier-${i + 1}.json`] = enc.encode(X.serialize(r) + '\n'); });
  return files;
}
for (const v of readVectors('draws.json')) {
  if (only && v.id !== only) continue;
  const files = kitOf(v);
  // the expected record's bytes, written independently of the core's serialiser
  const plain = JSON.stringify(JSON.parse(X.serialize(v.expected.record)), null, 2) + '\n';
  let res;
  try { res = await SV.verifyKit(files, { returnRecord: true }); }
  catch (e) { fail('draws', v.id, 'verifyKit threw: ' + e.stack); continue; }
  if (res.verdict !== 'ok') {
    const d = res.error ? `${res.error.kind}: ${res.error.message}` : res.differences.slice(0, 8).map((x) => `${x.path}: record ${x.record} / computed ${x.computed}${x.msg ? ' (' + x.msg + ')' : ''}`).join('\n    ');
    fail('draws', v.id, `verdict ${res.verdict} (${res.differenceCount} differences)\n    ${d}`);
    continue;
  }
  if (res._recomputed !== X.serialize(X.without(v.expected.record, ['ledger'])) + '\n') { fail('draws', v.id, 'the recomputed record is not the expected one byte for byte'); continue; }
  if (new TextDecoder().decode(files['record.json']) !== plain && !/[\u2028\u2029]/.test(plain)) { fail('draws', v.id, 'the serialiser differs from JSON.stringify(…, null, 2) on the expected record'); continue; }
  if (verbose) console.log(`ok   draws ${v.id} (${res.elapsedMs} ms)`);
  ok();
}

// ---- errors.json: the inputs must be rejected
let kindAgree = 0, kindDiffer = [];
for (const v of readVectors('errors.json')) {
  if (only && v.id !== only) continue;
  let err = null;
  try {
    const P = X.parsePlan(enc.encode(v.plan), 'plan.toml');
    const idc = v.id_check || { mode: 'strict', allowlist: [] };
    const TT = await X.readTable('targets', enc.encode(v.targets), 'targets.csv', P, { mode: idc.mode, allowlist: idc.allowlist });
    const OT = await X.readTable('officers', enc.encode(v.officers), 'officers.csv', P, null);
    const HT = v.history !== undefined ? await X.readTable('history', enc.encode(v.history), 'history.csv', P, null) : null;
    const CT = v.conflicts !== undefined ? await X.readTable('conflicts', enc.encode(v.conflicts), 'conflicts.csv', P, null) : null;
    const earlier = (v.earlier || []).map((r, i) => ({ name: `earlier-${i}.json`, record: r }));
    const planDigest = await X.planDigest(P);
    const D = await X.draw({ P, planDigest, targets: TT, officers: OT, history: HT, conflicts: CT, earlier, seed: v.seed, idCheck: { mode: idc.mode } });
    if (v.amendments) {
      const L = X.ledgerContext(D, P, D.record);
      for (let i = 0; i < v.amendments.length; i++) {
        const a = v.amendments[i];
        const e = { kind: a.kind, task: a.task, target: a.target, officer: a.officer || '', reason: a.kind === 'unreachable' ? '通过登记的住所（经营场所）无法联系' : (a.reason || ''), note: a.note === undefined ? '' : X.text(a.note), actor: X.text(a.actor), at: a.at };
        const { problems } = await X.ledgerStep(L, e);
        if (problems.length) { if (i !== v.amendments.length - 1) throw new Error(`amendment ${i + 1} of ${v.amendments.length} refused too early: ${problems.map((p) => p.join(' ')).join('; ')}`); throw new X.DrawError('amendment', problems.map((p) => p.join(' ')).join('; ')); }
      }
    }
  } catch (e) { err = e; }
  if (!err) { fail('errors', v.id, `accepted; expected a rejection (${v.expected.kind})`); continue; }
  if (!(err instanceof X.DrawError) && err.constructor.name !== 'DrawError') { fail('errors', v.id, 'an internal error: ' + err.stack); continue; }
  if (err.kind === v.expected.kind) kindAgree++; else kindDiffer.push(`${v.id}: expected kind ${v.expected.kind}, got ${err.kind} (${err.message.split('\n')[0]})`);
  if (verbose) console.log(`ok   errors ${v.id}: ${err.kind}`);
  ok();
}

// ---- allocation.json
for (const v of readVectors('allocation.json')) {
  if (only && v.id !== only) continue;
  const r = X.parseRatio(v.ratio);
  const got = r ? X.ratioCount(v.frame, r.ppm, v.rounding, v.min_per_stratum) : null;
  if (got !== v.expected) fail('allocation', v.id, `expected ${v.expected}, got ${got}`); else ok();
}
// ---- normalize.json
for (const v of readVectors('normalize.json')) {
  if (only && v.id !== only) continue;
  const t = X.text(v.input), i = X.ident(v.input);
  if (t !== v.text || i !== v.identifier) fail('normalize', v.id, `text ${JSON.stringify(t)} / ident ${JSON.stringify(i)}; expected ${JSON.stringify(v.text)} / ${JSON.stringify(v.identifier)}`); else ok();
}

for (const f of failures) console.log('FAIL ' + f);
if (kindDiffer.length) {
  console.log(`error kinds: ${kindAgree} agree with the vectors' kinds; ${kindDiffer.length} differ (informative: SPEC.md does not define the kinds):`);
  for (const k of kindDiffer) console.log('  ' + k);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
