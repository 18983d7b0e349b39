#!/usr/bin/env node
// Opens web/verify.html?auto inside verification kits in headless Chromium and checks the verdict
// each page reaches (#verdict's data-verdict). Node 20, no npm dependencies: Chromium is driven over
// the DevTools protocol on --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-terminated JSON).
//
//   node web/test/browser.mjs --bin PATH/shuangsui [--chromium /usr/bin/chromium] [--work DIR]
//        [--only GROUP[,GROUP]] [--screenshots DIR] [--keep] [--big-rows 100000] [--big-limit 30]
//
// Groups: vectors (one kit per draw vector: ok), cli (kits the CLI writes: ok), tamper (edited copies
// of genuine kits: mismatch, ok or error as the spec says), big (a 100,000-row kit: ok within the
// time limit). Exit status 0 when every kit gives its expected verdict, 1 otherwise, 2 on a usage error.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCore, readKit, webDir, repoDir } from './core.mjs';

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const BIN = opt('--bin', null);
const CHROMIUM = opt('--chromium', '/usr/bin/chromium');
const ONLY = opt('--only', null) ? opt('--only').split(',') : null;
const SHOTS = opt('--screenshots', null);
const KEEP = argv.includes('--keep');
const BIG_ROWS = +opt('--big-rows', 100000);
const BIG_LIMIT = +opt('--big-limit', 30);
if (argv.includes('--help') || argv.includes('-h')) { console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 12).map((l) => l.replace(/^\/\/ ?/, '')).join('\n')); process.exit(0); }
if (!existsSync(CHROMIUM)) { console.error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-wqy-microhei, or --chromium PATH)`); process.exit(2); }
const want = (g) => !ONLY || ONLY.includes(g);
if (!BIN && (want('cli') || want('tamper') || want('big'))) { console.error('--bin PATH (the shuangsui binary) is needed for the cli, tamper and big groups (or --only vectors)'); process.exit(2); }
const WORK = opt('--work', null) ? resolve(opt('--work')) : mkdtempSync(join(tmpdir(), 'shuangsui-web-'));
mkdirSync(WORK, { recursive: true });
const HTML = readFileSync(join(webDir, 'verify.html'));
const SV = loadCore();
const X = SV._internal;
const enc = new TextEncoder();

// ---------------------------------------------------------------- Chromium over the DevTools pipe
class Browser {
  constructor() {
    this.profile = mkdtempSync(join(tmpdir(), 'shuangsui-chromium-'));
    this.proc = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--allow-file-access-from-files', '--remote-debugging-pipe', `--user-data-dir=${this.profile}`,
      '--disable-extensions', '--mute-audio', '--hide-scrollbars', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', () => {});
    this.out = this.proc.stdio[3]; this.in = this.proc.stdio[4];
    this.id = 0; this.pending = new Map(); this.buf = Buffer.alloc(0);
    this.in.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      let z;
      while ((z = this.buf.indexOf(0)) >= 0) {
        const msg = JSON.parse(this.buf.subarray(0, z).toString('utf8')); this.buf = this.buf.subarray(z + 1);
        if (msg.id !== undefined && this.pending.has(msg.id)) { const { res, rej } = this.pending.get(msg.id); this.pending.delete(msg.id); msg.error ? rej(new Error(msg.error.message)) : res(msg.result); }
      }
    });
    this.exited = new Promise((r) => this.proc.on('exit', r));
  }
  send(method, params = {}, sessionId) {
    const id = ++this.id;
    const msg = { id, method, params }; if (sessionId) msg.sessionId = sessionId;
    this.out.write(JSON.stringify(msg) + '\0');
    return new Promise((res, rej) => this.pending.set(id, { res, rej }));
  }
  async open(url, { width = 1280, height = 900, mobile = false } = {}) {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile }, sessionId);
    await this.send('Page.enable', {}, sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    return { targetId, sessionId };
  }
  async eval(page, expression) {
    const r = await this.send('Runtime.evaluate', { expression, returnByValue: true }, page.sessionId);
    return r.result ? r.result.value : undefined;
  }
  async close(page) { await this.send('Target.closeTarget', { targetId: page.targetId }).catch(() => {}); }
  async quit() { await this.send('Browser.close').catch(() => {}); await Promise.race([this.exited, new Promise((r) => setTimeout(r, 3000))]); try { this.proc.kill('SIGKILL'); } catch (e) { /* gone */ } rmSync(this.profile, { recursive: true, force: true }); }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// copies verify.html into the kit, opens it with ?auto, and waits for a verdict
async function verdictOf(browser, dir, timeoutSec = 60, view) {
  writeFileSync(join(dir, 'verify.html'), HTML);
  const t0 = Date.now();
  const page = await browser.open(pathToFileURL(join(dir, 'verify.html')).href + '?auto', view);
  let v;
  try {
    for (;;) {
      v = await browser.eval(page, "(() => { const o = document.querySelector('#verdict'); return o ? { v: o.dataset.verdict || '', a: o.dataset.assurance || '', t: o.textContent, ms: o.dataset.elapsedMs, page: document.body.innerText } : null; })()");
      if (v && ['ok', 'mismatch', 'error'].includes(v.v)) break;
      if (Date.now() - t0 > timeoutSec * 1000) { v = { v: 'timeout', t: `no verdict after ${timeoutSec} s` }; break; }
      await sleep(v && v.v === 'running' ? 100 : 50);
    }
    v.wall = (Date.now() - t0) / 1000;
    if (view && view.check) v.check = await browser.eval(page, view.check);
    if (view && view.shot) {
      await sleep(200);
      const m = await browser.send('Page.getLayoutMetrics', {}, page.sessionId);
      const size = m.cssContentSize || m.contentSize;
      const { data } = await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: view.width, height: Math.min(size.height, 6000), scale: 1 } }, page.sessionId);
      writeFileSync(view.shot, Buffer.from(data, 'base64'));
      // and the page in screen-sized parts, easier to look at
      for (let y = 0, k = 1; y < Math.min(size.height, 6000); y += view.height, k++) {
        const part = await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y, width: view.width, height: Math.min(view.height, size.height - y), scale: 1 } }, page.sessionId);
        writeFileSync(view.shot.replace(/\.png$/, `-part${k}.png`), Buffer.from(part.data, 'base64'));
      }
    }
  } finally { await browser.close(page); }
  return v;
}

// ---------------------------------------------------------------- kits
const kitDir = (name) => { const d = join(WORK, name); rmSync(d, { recursive: true, force: true }); mkdirSync(d, { recursive: true }); return d; };
function copyKit(src, name) { const d = kitDir(name); for (const n of readdirSync(src)) { const p = join(src, n); if (statSync(p).isFile() && n !== 'verify.html') copyFileSync(p, join(d, n)); } return d; }
const run = (args, env = {}, cwd) => execFileSync(args[0], args.slice(1), { cwd, env: { ...process.env, SHUANGSUI_LANG: 'en', ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 }).toString('utf8');
const sh = (cmd, cwd) => run(['sh', '-c', cmd], {}, cwd);
const have = (p) => { try { execFileSync('sh', ['-c', `command -v ${p}`], { stdio: 'ignore' }); return true; } catch (e) { return false; } };

const results = []; // {group, name, expect, got, wall, note}
function record(group, name, expect, got, note = '', more = {}) {
  let ok = Array.isArray(expect) ? expect.includes(got.v) : got.v === expect;
  // more: { assurance, verdictHas: [regex on the verdict box], pageHas: [regex on the page's text], pageLacks: [regex], core: fn(result of the core in Node) → problem or '' }
  const why = [];
  if (ok && more.assurance !== undefined && got.a !== more.assurance) why.push(`data-assurance "${got.a}", expected "${more.assurance}"`);
  for (const re of more.verdictHas || []) if (ok && !re.test(got.t || '')) why.push(`the verdict box lacks ${re}`);
  for (const re of more.pageHas || []) if (ok && !re.test(got.page || '')) why.push(`the page lacks ${re}`);
  for (const re of more.pageLacks || []) if (ok && re.test(got.page || '')) why.push(`the page shows ${re}`);
  if (ok && more.coreProblem) why.push(more.coreProblem);
  if (why.length) { ok = false; got = { ...got, t: why.join('; ') + ' | ' + (got.t || '') }; }
  results.push({ group, name, expect: Array.isArray(expect) ? expect.join('|') : expect, got: got.v, ok, wall: got.wall, note, text: got.t });
  const line = `${ok ? 'ok  ' : 'FAIL'} ${group.padEnd(7)} ${name.padEnd(44)} expected ${String(Array.isArray(expect) ? expect.join('|') : expect).padEnd(8)} got ${String(got.v).padEnd(8)} ${got.wall !== undefined ? got.wall.toFixed(1) + ' s' : ''}${note ? '  ' + note : ''}`;
  console.log(line);
  if (!ok && got.t) console.log('       ' + String(got.t).slice(0, 400).replace(/\n/g, ' '));
}

// (a) one kit per draw vector
function vectorKits() {
  const vs = X.parseJsonStrict(readFileSync(join(repoDir, 'tests/vectors/draws.json'), 'utf8'), 'draws.json').vectors;
  return vs.map((v) => {
    const d = kitDir('vector-' + v.id);
    writeFileSync(join(d, 'record.json'), X.serialize(v.expected.record) + '\n');
    writeFileSync(join(d, 'plan.toml'), v.plan); writeFileSync(join(d, 'targets.csv'), v.targets); writeFileSync(join(d, 'officers.csv'), v.officers);
    if (v.history !== undefined) writeFileSync(join(d, 'history.csv'), v.history);
    if (v.conflicts !== undefined) writeFileSync(join(d, 'conflicts.csv'), v.conflicts);
    (v.earlier || []).forEach((r, i) => writeFileSync(join(d, `earlier-${i + 1}.json`), X.serialize(r) + '\n'));
    return { name: v.id, dir: d };
  });
}

// (b) kits the CLI writes
async function cliKits() {
  const kits = {}, notes = [];
  const base = join(WORK, 'cli'); rmSync(base, { recursive: true, force: true }); mkdirSync(base, { recursive: true });
  const q = ['--quiet'];
  // demo: a draw on the built-in directory, published
  run([BIN, 'demo', '--out', join(base, 'demo'), ...q]);
  const D = join(base, 'demo'), inputs = (d) => ['--plan', join(d, 'plan.toml'), '--targets', join(d, 'targets.csv'), '--officers', join(d, 'officers.csv')];
  run([BIN, 'publish', join(D, 'record.json'), ...inputs(D), '--out', join(base, 'demo-pub'), ...q]);
  kits.demo = join(base, 'demo-pub', 'kit');
  // names hidden: the roster without names still verifies (names not checked)
  run([BIN, 'publish', join(D, 'record.json'), ...inputs(D), '--show-officers', 'hidden', '--out', join(base, 'hidden-pub'), ...q]);
  kits['names-hidden'] = join(base, 'hidden-pub', 'kit');
  run([BIN, 'publish', join(D, 'record.json'), ...inputs(D), '--show-officers', 'certificates', '--out', join(base, 'cert-pub'), ...q]);
  kits['names-as-certificates'] = join(base, 'cert-pub', 'kit');
  // a second batch with history and conflicts, drawn after the first
  const Bd = join(base, 'batch'); mkdirSync(Bd, { recursive: true });
  for (const f of ['targets.csv', 'officers.csv']) copyFileSync(join(D, f), join(Bd, f));
  let plan = readFileSync(join(D, 'plan.toml'), 'utf8');
  plan = plan.replace(/^# exclude_inspected = \{ within = 365 \}.*$/m, 'exclude_inspected = { within = 365 }').replace(/^# rotation = 730 .*$/m, 'rotation = 730').replace(/^# max_inspections_per_year = 2 .*$/m, 'max_inspections_per_year = 2');
  if (!/^exclude_inspected/m.test(plan) || !/^rotation/m.test(plan)) notes.push('the demo plan changed: the batch kit has no exclude_inspected/rotation');
  writeFileSync(join(Bd, 'plan.toml'), plan);
  const tl = readFileSync(join(D, 'targets.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
  const ol = readFileSync(join(D, 'officers.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
  let hist = '统一社会信用代码,检查日期,检查事项,检查人员\n';
  for (let i = 0; i < 3000; i += 7) hist += `${tl[i]},2026-${String(i % 12 + 1).padStart(2, '0')}-${String(i % 27 + 1).padStart(2, '0')},企业年度报告公示信息,${ol[i % ol.length]}、${ol[(i + 3) % ol.length]}\n`;
  writeFileSync(join(Bd, 'history.csv'), hist);
  let conf = '人员编号,统一社会信用代码,回避事由\n';
  for (let i = 0; i < 500; i += 5) conf += `${ol[i % ol.length]},${tl[i]},近亲属\n`;
  writeFileSync(join(Bd, 'conflicts.csv'), conf);
  const bin = [...inputs(Bd), '--history', join(Bd, 'history.csv'), '--conflicts', join(Bd, 'conflicts.csv')];
  run([BIN, 'draw', ...bin, '--seed', '第一批', '--out', join(Bd, 'batch1.json'), ...q]);
  run([BIN, 'draw', ...bin, '--after', join(Bd, 'batch1.json'), '--seed', '第二批', '--out', join(Bd, 'batch2.json'), ...q]);
  run([BIN, 'publish', join(Bd, 'batch2.json'), ...bin, '--after', join(Bd, 'batch1.json'), '--out', join(Bd, 'pub'), ...q]);
  kits.batch = join(Bd, 'pub', 'kit');
  if (!existsSync(join(kits.batch, 'earlier-1.json'))) notes.push('the batch kit has no earlier-1.json');
  // the red team's forged earlier batch: a genuine batch 1 with one selected target swapped for
  // another (a friendly enterprise), its digest recomputed (§9.3), and batch 2 drawn after it by the
  // CLI: every digest in the kit is consistent, but batch 1 does not reproduce from its inputs (§6.1)
  {
    const F = join(Bd, 'forged'); mkdirSync(F, { recursive: true });
    writeFileSync(join(F, 'batch1.json'), await forgeEarlier(readFileSync(join(Bd, 'batch1.json'), 'utf8'), readFileSync(join(Bd, 'targets.csv'), 'utf8')));
    try {
      run([BIN, 'draw', ...bin, '--after', join(F, 'batch1.json'), '--seed', '第二批', '--out', join(F, 'batch2.json'), ...q]);
      run([BIN, 'publish', join(F, 'batch2.json'), ...bin, '--after', join(F, 'batch1.json'), '--out', join(F, 'pub'), ...q]);
      kits['batch-forged'] = join(F, 'pub', 'kit');
    } catch (e) { notes.push('the CLI refuses to draw after a forged earlier batch (no batch-forged kit; the tamper case earlier-1.json swapped+resealed still covers §6.1)'); }
  }
  const faketime = have('faketime');
  // CI asks for every kit: a missing tool there is a failure, not a skipped kit.
  if (process.env.SHUANGSUI_REQUIRE_FAKETIME && !(faketime && have('openssl'))) {
    console.error('SHUANGSUI_REQUIRE_FAKETIME is set but faketime or openssl is missing');
    process.exit(2);
  }
  // amendments (the plan's date is in 2027: amend under faketime)
  if (faketime) {
    const A = join(base, 'amend'); mkdirSync(A, { recursive: true });
    for (const f of ['plan.toml', 'targets.csv', 'officers.csv', 'record.json']) copyFileSync(join(D, f), join(A, f));
    const rec = X.parseJsonStrict(readFileSync(join(A, 'record.json'), 'utf8'), 'record.json');
    const s1 = rec.tasks[0].selected[0], s2 = rec.tasks[1].selected[0];
    const ft = ['faketime', '2027-02-03 12:00:00', BIN];
    run([...ft, 'amend', join(A, 'record.json'), ...inputs(A), '--task', rec.tasks[0].id, '--target', s1.target, '--replace-officer', s1.officers[0], '--reason', '回避', '--actor', '张科长', '--at', '2027-02-01T09:00:00+08:00', ...q]);
    run([...ft, 'amend', join(A, 'record.json'), ...inputs(A), '--task', rec.tasks[1].id, '--unreachable', s2.target, '--actor', '李科员', '--at', '2027-02-02T09:00:00+08:00', ...q]);
    run([...ft, 'amend', join(A, 'record.json'), ...inputs(A), '--task', rec.tasks[0].id, '--target', s1.target, '--replace-officer', s1.officers[1], '--reason', '其他', '--note', '借调外单位', '--actor', '张科长', '--at', '2027-02-02T10:00:00+08:00', ...q]);
    run([BIN, 'publish', join(A, 'record.json'), ...inputs(A), '--out', join(A, 'pub'), ...q]);
    kits.amended = join(A, 'pub', 'kit');
  } else notes.push('no faketime: no amended kit');
  // the ceremony: an announcement with dice and a party, the fixture's drand round, an RFC 3161
  // time-stamp from a throw-away openssl authority; announced at the round's 2023 clock (faketime)
  const fixture = '/work/shared/fixtures/drand-quicknet.json';
  const fx = existsSync(fixture) ? JSON.parse(readFileSync(fixture, 'utf8')).rounds[0] : null;
  if (faketime && fx && have('openssl')) {
    const C = join(base, 'ceremony'); mkdirSync(C, { recursive: true });
    for (const f of ['plan.toml', 'targets.csv', 'officers.csv']) copyFileSync(join(D, f), join(C, f));
    writeFileSync(join(C, 'round.json'), JSON.stringify({ round: fx.round, randomness: fx.randomness, signature: fx.signature }));
    const emitted = 1692803367 + (fx.round - 1) * 3, at = (t) => new Date(t * 1000).toISOString().replace('T', ' ').replace(/\.000Z$/, '');
    const ftAt = (t) => ['env', 'TZ=UTC', 'faketime', at(t)];
    run([...ftAt(emitted - 601), BIN, 'announce', ...inputs(C), '--dice', '3 1 4 1 5 9', '--party', '公证处', '--party', '社会监督员', '--out', join(C, 'draft.json'), ...q]);
    const parties = {};
    for (const p of ['公证处', '社会监督员']) {
      const out = run([...ftAt(emitted - 500), BIN, 'contribute', '--announcement', join(C, 'draft.json'), '--party', p]);
      const secret = /^secret\b.*?([0-9a-f]{64})\s*$/m.exec(out), contribution = /^contribution\b.*?([0-9a-f]{64})\s*$/m.exec(out);
      if (!secret || !contribution) throw new Error('cannot read the secret and contribution from shuangsui contribute:\n' + out);
      parties[p] = { secret: secret[1], contribution: contribution[1] };
    }
    run([...ftAt(emitted - 400), BIN, 'finalize', join(C, 'draft.json'), ...Object.entries(parties).flatMap(([p, x]) => ['--party', `${p}=${x.contribution}`]), '--out', join(C, 'announcement.json'), ...q]);
    const T = join(C, 'tsa'); mkdirSync(T, { recursive: true });
    writeFileSync(join(T, 'tsa.cnf'), `[ req ]\ndistinguished_name = dn\nprompt = no\n[ dn ]\nCN = Throw-away test TSA\n[ ext ]\nbasicConstraints = critical,CA:false\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = critical,timeStamping\n[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\ndir = .\nserial = ./serial\ncrypto_device = builtin\nsigner_cert = ./tsa.pem\nsigner_key = ./tsa.key\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = yes\ntsa_name = no\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n`);
    writeFileSync(join(T, 'serial'), '01\n');
    run([...ftAt(emitted - 86400 * 30), 'openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.pem', '-days', '3650', '-config', 'tsa.cnf', '-extensions', 'ext'], {}, T);
    run(['openssl', 'ts', '-query', '-data', join(C, 'announcement.json'), '-sha256', '-cert', '-out', join(C, 'announcement.tsq')]);
    run([...ftAt(emitted - 300), 'openssl', 'ts', '-reply', '-config', 'tsa.cnf', '-queryfile', join(C, 'announcement.tsq'), '-out', join(C, 'announcement.tsr')], {}, T);
    run([BIN, 'draw', ...inputs(C), '--announcement', join(C, 'announcement.json'), '--beacon', join(C, 'round.json'), '--timestamp', join(C, 'announcement.tsr'), '--tsa-cert', join(T, 'tsa.pem'),
      ...Object.entries(parties).flatMap(([p, x]) => ['--reveal', `${p}=${x.secret}`]), '--out', join(C, 'record.json'), ...q]);
    run([BIN, 'publish', join(C, 'record.json'), ...inputs(C), '--tsa-cert', join(T, 'tsa.pem'), '--out', join(C, 'pub'), ...q]);
    kits.ceremony = join(C, 'pub', 'kit');
    // the same ceremony without a time-stamp: attested, but the announcement's time is not anchored
    run([BIN, 'draw', ...inputs(C), '--announcement', join(C, 'announcement.json'), '--beacon', join(C, 'round.json'),
      ...Object.entries(parties).flatMap(([p, x]) => ['--reveal', `${p}=${x.secret}`]), '--out', join(C, 'record-nots.json'), ...q]);
    run([BIN, 'publish', join(C, 'record-nots.json'), ...inputs(C), '--out', join(C, 'pub-nots'), ...q]);
    kits['beacon-no-timestamp'] = join(C, 'pub-nots', 'kit');
  } else notes.push('no faketime, openssl or drand fixture: no ceremony kit');
  return { kits, notes };
}

// a genuine earlier record with its first selected target swapped for one no task selected (name
// and all), its ledger emptied and its digest recomputed (§9.3)
async function forgeEarlier(recordText, targetsCsv) {
  const r = X.parseJsonStrict(recordText, 'earlier');
  const sel = new Set(r.tasks.flatMap((t) => t.selected.map((x) => x.target)));
  const rows = targetsCsv.trim().split('\n').slice(1).map((l) => l.split(','));
  const friend = rows.find((x) => !sel.has(x[0]));
  r.tasks[0].selected[0].target = friend[0]; r.tasks[0].selected[0].name = friend[1];
  r.ledger = [];
  r.digest = await X.recordDigest(r);
  return X.serialize(r) + '\n';
}
const resealed = async (text) => { const r = X.parseJsonStrict(text, 'r'); r.digest = await X.recordDigest(r); return X.serialize(r) + '\n'; };
// (c) tampered copies: [name, base kit, edit(dir), expected verdict, why]
const readText = (d, f) => readFileSync(join(d, f), 'utf8');
const writeText = (d, f, s) => writeFileSync(join(d, f), s);
const editJson = (d, f, fn) => { const r = X.parseJsonStrict(readText(d, f), f); fn(r); writeText(d, f, X.serialize(r) + '\n'); };
const editLines = (d, f, fn) => { const ls = readText(d, f).split('\n'); const end = ls[ls.length - 1] === '' ? ls.pop() : null; const out = fn(ls); writeText(d, f, out.join('\n') + (end === null ? '' : '\n')); };
function csvRows(d, f) { const ls = readText(d, f).split('\n').filter((l) => l !== ''); return { hdr: ls[0].split(','), rows: ls.slice(1).map((l) => l.split(',')) }; }
function writeCsv(d, f, hdr, rows, eol = '\n', bom = '') { writeText(d, f, bom + [hdr, ...rows].map((r) => r.join(',')).join(eol) + eol); }
// a valid unified social credit code not in the directory (GB 32100-2015 and GB 11714 check characters)
function freshUscc(seen) {
  const C = '0123456789ABCDEFGHJKLMNPQRTUWXY', W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28], OW = [3, 7, 9, 10, 5, 8, 4, 2];
  for (let n = 1; ; n++) {
    const org = String(70000000 + n).padStart(8, '0');
    const s2 = [...org].reduce((a, c, i) => a + (+c) * OW[i], 0), c2 = 11 - (s2 % 11);
    const body = '91440300' + org + (c2 === 10 ? 'X' : c2 === 11 ? '0' : String(c2));
    let s = 0; for (let i = 0; i < 17; i++) s += C.indexOf(body[i]) * W[i];
    const id = body + C[(31 - (s % 31)) % 31];
    if (!seen.has(id)) return id;
  }
}
function tamperCases(kits) {
  const cases = [];
  const add = (name, base, edit, expect, why, extra = {}) => { if (kits[base]) cases.push({ name, base, edit, expect, why, ...extra }); };
  const sel = (d) => X.parseJsonStrict(readText(d, 'record.json'), 'record.json').tasks[0].selected;
  // record.json
  add('record: a selected target changed', 'demo', (d) => editJson(d, 'record.json', (r) => { const s = r.tasks[0].selected; s[0].target = r.tasks[0].selected[1].target; }), 'mismatch', '§10 step 5: tasks[T1].selected[0].target and the digest');
  add('record: a team officer changed', 'demo', (d) => editJson(d, 'record.json', (r) => { const s = r.tasks[0].selected[0]; const other = r.tasks[0].selected.flatMap((x) => x.officers).find((o) => !s.officers.includes(o)); s.officers[1] = other; }), 'mismatch', '§8.2: the team is recomputed');
  add('record: the seed changed', 'demo', (d) => editJson(d, 'record.json', (r) => { r.seed.value += '!'; }), 'mismatch', '§5.2: every key and ticket changes');
  add('record: a target name changed', 'demo', (d) => editJson(d, 'record.json', (r) => { r.tasks[0].selected[0].name += '（分公司）'; }), 'mismatch', 'selected[].name comes from the directory');
  add('record: the directory rows changed', 'demo', (d) => editJson(d, 'record.json', (r) => { r.inputs.targets.rows += 1; }), 'mismatch', 'inputs.targets.rows');
  add('record: its digest changed', 'demo', (d) => editJson(d, 'record.json', (r) => { r.digest = r.draw_key; }), 'mismatch', '§9.3');
  add('record: a read column claimed dropped', 'demo', (d) => editJson(d, 'record.json', (r) => { r.inputs.targets.dropped = ['risk', ...r.inputs.targets.dropped].sort(); }), 'mismatch', '§10 step 4: a column the plan reads cannot be dropped');
  add('record: a repeated member (forged first)', 'demo', (d) => writeText(d, 'record.json', readText(d, 'record.json').replace('\n  "draw_key": ', '\n  "draw_key": "' + '0'.repeat(64) + '",\n  "draw_key": ')), 'error', '§9.2: a strict reader refuses a repeated member: the record is unreadable');
  add('record: an unknown member', 'demo', (d) => writeText(d, 'record.json', readText(d, 'record.json').replace('\n  "draw_key": ', '\n  "comment": "x",\n  "draw_key": ')), 'error', '§9.2, §10 step 1: refused');
  add('record: a __proto__ member', 'demo', (d) => writeText(d, 'record.json', readText(d, 'record.json').replace('\n  "draw_key": ', '\n  "__proto__": {},\n  "draw_key": ')), 'error', '§9.2, §10 step 1: an unknown member like any other');
  add('record: begins with a UTF-8 BOM', 'demo', (d) => writeText(d, 'record.json', '\ufeff' + readText(d, 'record.json')), 'error', '§9.2: not strict JSON', { verdictHas: [/BOM/] });
  add('record: arrays nested 100,000 deep', 'demo', (d) => writeText(d, 'record.json', readText(d, 'record.json').replace('\n  "draw_key": ', '\n  "x": ' + '['.repeat(100000) + ']'.repeat(100000) + ',\n  "draw_key": ')), 'error', 'a clear error, no stack trace', { verdictHas: [/嵌套层数过深/], pageLacks: [/file:\/\/|verify\.html:\d|at [a-zA-Z]+ \(/] });
  add('record: cut short (not JSON)', 'demo', (d) => writeText(d, 'record.json', readText(d, 'record.json').slice(0, 5000)), 'error', 'unparseable');
  add('record: members reordered', 'demo', (d) => editJson(d, 'record.json', (r) => { const k = X.keysOf(r); const i = k.indexOf('draw_key'), j = k.indexOf('seed'); [k[i], k[j]] = [k[j], k[i]]; }), 'ok', '§10 step 5 compares member by member; the order of members is form, not content (noted)');
  // targets.csv
  add('targets: a read cell changed (risk)', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); const id = sel(d)[0].target, ri = hdr.indexOf('risk'), r = rows.find((x) => x[0] === id); r[ri] = r[ri] === 'A' ? 'B' : 'A'; writeCsv(d, 'targets.csv', hdr, rows); }, 'mismatch', '§3.4: the digest, then the strata');
  add('targets: a row deleted', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); rows.splice(rows.length - 1, 1); writeCsv(d, 'targets.csv', hdr, rows); }, 'mismatch', '§3.4: the digest counts the rows; no spurious dropped[] (Q6)',
    { core: (r) => (r.differences.some((x) => x.path.startsWith('inputs.targets.dropped')) ? 'a spurious inputs.targets.dropped difference' : '') });
  add('targets: an unselected row deleted', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); const s = new Set(X.parseJsonStrict(readText(d, 'record.json'), 'r').tasks.flatMap((t) => t.selected.map((x) => x.target))); const i = rows.findIndex((r) => !s.has(r[0])); rows.splice(i, 1); writeCsv(d, 'targets.csv', hdr, rows); }, 'mismatch', '§7.4 step 7: a directory cut short still changes the digest and the frame sizes');
  add('targets: a row added', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); const r = rows[0].slice(); r[0] = freshUscc(new Set(rows.map((x) => x[0]))); r[1] = '新增测试有限公司'; rows.push(r); writeCsv(d, 'targets.csv', hdr, rows); }, 'mismatch', '§3.4');
  add('targets: rows reordered', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); rows.reverse(); writeCsv(d, 'targets.csv', hdr, rows); }, 'ok', '§3.4, §7.2: neither the digest nor the selection depends on row order');
  add('targets: columns reordered, CRLF, BOM', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); const p = hdr.map((_, i) => i).reverse(); writeCsv(d, 'targets.csv', p.map((i) => hdr[i]), rows.map((r) => p.map((i) => r[i])), '\r\n', '\ufeff'); }, 'ok', '§3.4: column order, line ends and a BOM are form');
  add('targets: a name holds a mobile number', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); rows[3][1] = '13800138000'; writeCsv(d, 'targets.csv', hdr, rows); }, 'mismatch', '§3.3 personal data: the directory is rejected, so no draw: the record is not its draw');
  add('targets: a ragged row', 'demo', (d) => editLines(d, 'targets.csv', (ls) => { ls[5] = ls[5].split(',').slice(0, -1).join(','); return ls; }), 'error', '§3.1: malformed CSV, unreadable', { verdictHas: [/targets\.csv 第 \d+ 行：CSV 格式错误/] });
  add('targets: missing', 'demo', (d) => rmSync(join(d, 'targets.csv')), 'error', 'a required file is missing', { verdictHas: [/缺少文件：targets\.csv/] });
  // officers.csv
  add('officers: a department changed', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'officers.csv'); const di = hdr.indexOf('department'); rows[0][di] = rows[0][di] === '市场监管' ? '食品安全' : '市场监管'; writeCsv(d, 'officers.csv', hdr, rows); }, 'mismatch', '§3.4, §8.1');
  add('officers: a status changed', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'officers.csv'); const si = hdr.indexOf('status'); const id = sel(d)[0].officers[0]; const r = rows.find((x) => x[0] === id); r[si] = '不在岗'; writeCsv(d, 'officers.csv', hdr, rows); }, 'mismatch', '§8.1');
  add('officers: rows reordered', 'demo', (d) => { const { hdr, rows } = csvRows(d, 'officers.csv'); rows.reverse(); writeCsv(d, 'officers.csv', hdr, rows); }, 'ok', '§8.1 streams rank by ticket; §9.1: nothing in the record depends on row order');
  add('officers: missing', 'demo', (d) => rmSync(join(d, 'officers.csv')), 'error', 'a required file is missing');
  // plan.toml
  add('plan: a ratio changed', 'demo', (d) => writeText(d, 'plan.toml', readText(d, 'plan.toml').replace('B = "3%"', 'B = "4%"')), 'mismatch', '§4.3, §6.2');
  add('plan: a team size changed', 'demo', (d) => writeText(d, 'plan.toml', readText(d, 'plan.toml').replace('team_size = 3', 'team_size = 4')), 'mismatch', '§4.3, §8.2');
  add('plan: comments and spacing only', 'demo', (d) => writeText(d, 'plan.toml', '# 重排格式\n' + readText(d, 'plan.toml').replace(/\n/g, '\r\n').replace(/ = /g, '   =   ')), 'ok', '§4.3: the digest is over the TOML tree');
  add('plan: not TOML', 'demo', (d) => writeText(d, 'plan.toml', readText(d, 'plan.toml').replace('[plan]', '[plan')), 'error', 'unparseable', { verdictHas: [/plan\.toml 第 \d+ 行：TOML 语法错误/] });
  add('plan: arrays nested 100,000 deep', 'demo', (d) => writeText(d, 'plan.toml', readText(d, 'plan.toml') + '\nx = ' + '['.repeat(100000) + ']'.repeat(100000) + '\n'), 'error', 'a clear error, no stack trace', { verdictHas: [/嵌套层数过深/], pageLacks: [/file:\/\/|verify\.html:\d|at [a-zA-Z]+ \(/] });
  add('plan: a dotted key 100,000 parts long', 'demo', (d) => writeText(d, 'plan.toml', readText(d, 'plan.toml') + '\n' + Array(100000).fill('a').join('.') + ' = 1\n'), 'error', 'a clear error, no stack trace', { verdictHas: [/TOML 语法错误/], pageLacks: [/file:\/\/|verify\.html:\d/] });
  // exclusions.csv (bound by frame.listed)
  add('exclusions.csv: a row added', 'batch', (d) => writeText(d, 'exclusions.csv', readText(d, 'exclusions.csv') + `T1,${sel(d)[0].target},inspected_recently\n`), 'mismatch', "§6.1, §7.4: the kit's list must be the record's listed exclusions");
  // batch kit: history, conflicts, earlier records
  add('history: a row deleted', 'batch', (d) => editLines(d, 'history.csv', (ls) => { ls.splice(1, 1); return ls; }), 'mismatch', '§3.4, §6.1');
  add('conflicts: a row deleted', 'batch', (d) => editLines(d, 'conflicts.csv', (ls) => { ls.splice(1, 1); return ls; }), 'mismatch', '§3.4, §8.2');
  add('earlier-1.json: a selection edited', 'batch', (d) => editJson(d, 'earlier-1.json', (r) => { r.tasks[0].selected[0].target = r.tasks[0].selected[1].target; }), 'mismatch', '§6.1: an earlier batch must be intact (its digest), so no draw');
  add('earlier-1.json: a target swapped, digest recomputed', 'batch', null, 'mismatch', '§6.1: an earlier batch drawn from the same inputs must reproduce from them (a difference earlier[1])', {
    editAsync: async (d) => writeText(d, 'earlier-1.json', await forgeEarlier(readText(d, 'earlier-1.json'), readText(d, 'targets.csv'))),
    pageHas: [/前批次 1/, /不能复现/], core: (r) => (r.differences.some((x) => x.path === 'earlier[1]') ? '' : 'no earlier[1] difference') });
  add('earlier-1.json: missing', 'batch', (d) => rmSync(join(d, 'earlier-1.json')), 'error', 'a required file is missing');
  add('batch: history.csv rows reordered', 'batch', (d) => editLines(d, 'history.csv', (ls) => [ls[0], ...ls.slice(1).reverse()]), 'ok', '§3.4');
  // the ledger
  add('ledger: an actor edited', 'amended', (d) => editJson(d, 'record.json', (r) => { r.ledger[0].actor = '王科长'; }), 'mismatch', '§9.4: the entry digest, and the next prev');
  add('ledger: a replacement edited', 'amended', (d) => editJson(d, 'record.json', (r) => { const s = r.tasks[0].selected[0]; r.ledger[0].replacement = r.tasks[0].selected.flatMap((x) => x.officers).find((o) => !s.officers.includes(o) && o !== r.ledger[0].replacement); }), 'mismatch', '§9.4: the replacement is the substitute order\'s');
  add('ledger: the first entry removed', 'amended', (d) => editJson(d, 'record.json', (r) => { r.ledger.splice(0, 1); }), 'mismatch', '§9.4: seq and prev chain from the record digest');
  add('ledger: the last entry cut off', 'amended', (d) => editJson(d, 'record.json', (r) => { r.ledger.pop(); }), 'ok', '§9.4: a ledger cut short is the valid ledger of an earlier moment (the head is reported for comparison)');
  add('ledger: an entry re-sealed with another reason', 'amended', (d) => editJson(d, 'record.json', (r) => { r.ledger[0].reason = '出差'; }), 'mismatch', '§9.4: reason must be one of the five');
  // the ceremony
  add('ceremony: the dice edited', 'ceremony', (d) => editJson(d, 'record.json', (r) => { r.seed.attestation.announcement.dice = '000000'; }), 'mismatch', '§5.3.2: the announcement digest, then the seed');
  add('ceremony: the beacon randomness edited', 'ceremony', (d) => editJson(d, 'record.json', (r) => { r.seed.attestation.beacon.randomness = r.draw_key; }), 'mismatch', '§5.3.6: randomness = SHA-256(signature)');
  add('ceremony: a revealed secret edited', 'ceremony', (d) => editJson(d, 'record.json', (r) => { r.seed.attestation.reveals[0].secret = '0'.repeat(64); }), 'mismatch', '§5.3.3: it no longer opens the contribution');
  add('ceremony: the time-stamp removed', 'ceremony', (d) => editJson(d, 'record.json', (r) => { r.seed.attestation.timestamp = ''; }), 'mismatch', '§9.3: the record digest covers the attestation');
  add('ceremony: announcement.json edited', 'ceremony', (d) => writeText(d, 'announcement.json', readText(d, 'announcement.json').replace(/"dice": "\d*"/, '"dice": "1"')), 'mismatch', "the kit's announcement is not the record's");
  add('ceremony: targets reordered', 'ceremony', (d) => { const { hdr, rows } = csvRows(d, 'targets.csv'); rows.reverse(); writeCsv(d, 'targets.csv', hdr, rows); }, 'ok', '§3.4 (no raw digest was announced)');
  // names hidden
  add('names hidden: a name column added back, wrong', 'names-hidden', (d) => { const { hdr, rows } = csvRows(d, 'officers.csv'); writeCsv(d, 'officers.csv', [...hdr, 'name'], rows.map((r) => [...r, '张三'])); }, 'mismatch', '§3.4: the names digest is recomputed when names are present');
  return cases;
}

// ---------------------------------------------------------------- main
const browser = new Browser();
let exitCode = 0;
try {
  const groups = {};
  if (want('vectors')) {
    for (const k of vectorKits()) record('vectors', k.name, 'ok', await verdictOf(browser, k.dir));
  }
  let cli = null;
  if (want('cli') || want('tamper')) {
    const t0 = Date.now(); cli = await cliKits();
    console.log(`(kits made by ${BIN} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${Object.keys(cli.kits).join(', ')}${cli.notes.length ? '; ' + cli.notes.join('; ') : ''})`);
  }
  if (want('cli')) {
    const cliExpect = {
      ceremony: ['ok', { assurance: 'partial', verdictHas: [/部分核验/, /api\.drand\.sh\/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971\/public\/\d+/, /[0-9a-f]{64}/, /时间戳/] }],
      'beacon-no-timestamp': ['ok', { assurance: 'partial', verdictHas: [/部分核验/, /未经锚定/, /[0-9a-f]{64}/, /\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d:\d\d（北京时间）/, /抽查公告/] }],
      'batch-forged': ['mismatch', { assurance: 'unattested', pageHas: [/前批次 1/, /不能复现/] }],
      amended: ['ok', { assurance: 'unattested', pageHas: [/修改账本（3 条）/, /更换检查人员/, /无法联系/, /检查组现状/, /北京时间/] }],
      batch: ['ok', { assurance: 'unattested', pageHas: [/前批次 1/, /已重新抽取，逐项一致/] }],
    };
    for (const [name, dir] of Object.entries(cli.kits)) {
      const [v, more] = cliExpect[name] || ['ok', { assurance: 'unattested', verdictHas: [/反复抽取、挑选结果/] }];
      record('cli', name, v, await verdictOf(browser, copyKit(dir, 'cli-' + name)), '', { pageHas: [/下一步：与公告核对这些数字/, /[0-9a-f]{64}/], pageLacks: [/[0-9a-f]{12}…/], ...more });
    }
    // the page's language switch, at a phone's width: Chinese first, English after one click
    const v = await verdictOf(browser, copyKit(cli.kits.demo, 'cli-ui'), 60, { width: 390, height: 900, mobile: true, check: `(() => {
      const zh = document.documentElement.lang + '|' + document.querySelector('#verdict').textContent;
      document.querySelector('#lang').click();
      const en = document.documentElement.lang + '|' + document.querySelector('#verdict').textContent + '|' + document.querySelector('#verdict').dataset.verdict;
      return { zh, en, overflow: document.documentElement.scrollWidth > window.innerWidth };
    })()` });
    // the file picker (no ?auto): the kit's files given to <input type=file multiple>
    {
      const dir = copyKit(cli.kits.batch, 'cli-picker'); writeFileSync(join(dir, 'verify.html'), HTML);
      const t0 = Date.now();
      const page = await browser.open(pathToFileURL(join(dir, 'verify.html')).href);
      let got = { v: 'timeout' };
      try {
        await sleep(300);
        const { root } = await browser.send('DOM.getDocument', {}, page.sessionId);
        const { nodeId } = await browser.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#pick' }, page.sessionId);
        const before = await browser.eval(page, "document.querySelector('#verdict').getAttribute('data-verdict')");
        await browser.send('DOM.setFileInputFiles', { nodeId, files: readdirSync(dir).map((n) => join(dir, n)) }, page.sessionId);
        for (let i = 0; i < 600; i++) { const x = await browser.eval(page, "document.querySelector('#verdict').dataset.verdict || ''"); if (['ok', 'mismatch', 'error'].includes(x)) { got = { v: before === null ? x : 'attr-before-run', t: before }; break; } await sleep(100); }
      } finally { await browser.close(page); }
      got.wall = (Date.now() - t0) / 1000;
      record('cli', 'page: files picked (batch kit), no verdict before', 'ok', got);
    }
    // a .zip given to the picker: a Chinese request to unzip it first
    {
      const dir = kitDir('cli-zip'); writeFileSync(join(dir, 'verify.html'), HTML);
      writeFileSync(join(dir, 'kit.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(60)]));
      const page = await browser.open(pathToFileURL(join(dir, 'verify.html')).href);
      let got = { v: 'timeout' }; const t0 = Date.now();
      try {
        await sleep(300);
        const { root } = await browser.send('DOM.getDocument', {}, page.sessionId);
        const { nodeId } = await browser.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#pick' }, page.sessionId);
        await browser.send('DOM.setFileInputFiles', { nodeId, files: [join(dir, 'kit.zip')] }, page.sessionId);
        for (let i = 0; i < 100; i++) { const x = await browser.eval(page, "(() => { const o = document.querySelector('#verdict'); return { v: o.dataset.verdict || '', t: o.textContent }; })()"); if (x.v === 'error') { got = x; break; } await sleep(100); }
      } finally { await browser.close(page); }
      got.wall = (Date.now() - t0) / 1000;
      record('cli', 'page: a .zip picked', 'error', got, '', { verdictHas: [/请先解压缩核验材料包，再选择其中的文件/] });
    }
    const c = v.check || {};
    const good = /^zh-CN\|⚠ 可由种子复现，但种子未经证明.*反复抽取、挑选结果/.test(c.zh || '') && /^en\|⚠ Reproduces from its seed, but the seed is not proven.*drawing again and again and choosing a result.*\|ok$/.test(c.en || '') && c.overflow === false;
    record('cli', 'page: zh → en switch, no overflow at 390 px', 'ok', { v: good ? 'ok' : 'failed', wall: v.wall, t: JSON.stringify(c) });
  }
  if (want('tamper')) {
    for (const c of tamperCases(cli.kits)) {
      const d = copyKit(cli.kits[c.base], 'tamper-' + c.name.replace(/[^A-Za-z0-9]+/g, '-'));
      if (c.edit) c.edit(d);
      if (c.editAsync) await c.editAsync(d);
      const got = await verdictOf(browser, d);
      const more = { ...(c.more || {}) };
      if (c.core) { const res = await SV.verifyKit(readKit(d)); more.coreProblem = c.core(res) || undefined; }
      record('tamper', c.name, c.expect, got, c.why, more);
    }
  }
  if (want('big')) {
    const G = join(WORK, 'big'); rmSync(G, { recursive: true, force: true }); mkdirSync(G, { recursive: true });
    run([BIN, 'gen', '--targets', String(BIG_ROWS), '--out', join(G, 'gen'), '--quiet']);
    const inp = ['--plan', join(G, 'gen', 'plan.toml'), '--targets', join(G, 'gen', 'targets.csv'), '--officers', join(G, 'gen', 'officers.csv')];
    run([BIN, 'draw', ...inp, '--seed', `${BIG_ROWS} rows`, '--out', join(G, 'record.json'), '--quiet']);
    run([BIN, 'publish', join(G, 'record.json'), ...inp, '--out', join(G, 'pub'), '--quiet']);
    const kit = join(G, 'pub', 'kit');
    const v = await verdictOf(browser, kit, BIG_LIMIT * 4);
    const page = v.ms !== undefined ? `, page ${(v.ms / 1000).toFixed(1)} s` : '';
    const rows = readFileSync(join(kit, 'targets.csv'), 'utf8').split('\n').length - 2;
    record('big', `${rows}-row kit (${(statSync(join(kit, 'targets.csv')).size / 1e6).toFixed(1)} MB targets.csv)`, 'ok', v, `load+verify ${v.wall.toFixed(1)} s${page} (limit ${BIG_LIMIT} s)`);
    if (v.wall > BIG_LIMIT) { results[results.length - 1].ok = false; console.log(`FAIL big: ${v.wall.toFixed(1)} s is over the limit of ${BIG_LIMIT} s`); }
  }
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    const shots = [];
    if (cli && cli.kits.ceremony) shots.push(['ceremony-ok', copyKit(cli.kits.ceremony, 'shot-ceremony')]);
    if (cli && cli.kits.demo) { const d = copyKit(cli.kits.demo, 'shot-mismatch'); editJson(d, 'record.json', (r) => { r.tasks[0].selected[0].officers[1] = r.tasks[0].selected[1].officers[0] === r.tasks[0].selected[0].officers[0] ? r.tasks[0].selected[2].officers[0] : r.tasks[0].selected[1].officers[0]; }); shots.push(['demo-mismatch', d]); }
    if (!shots.length) { const k = vectorKits()[0]; shots.push(['vector-ok', k.dir]); }
    for (const [name, dir] of shots) for (const [w, h, m] of [[390, 900, true], [1280, 900, false]]) {
      const f = join(SHOTS, `${name}-${w}.png`);
      await verdictOf(browser, dir, 60, { width: w, height: h, mobile: m, shot: f });
      console.log(`(screenshot ${f})`);
    }
  }
  // summary per group
  console.log('');
  for (const g of ['vectors', 'cli', 'tamper', 'big']) {
    const rs = results.filter((r) => r.group === g); if (!rs.length) continue;
    const bad = rs.filter((r) => !r.ok), by = {};
    for (const r of rs) by[r.got] = (by[r.got] || 0) + 1;
    console.log(`${g}: ${rs.length - bad.length}/${rs.length} as expected (${Object.entries(by).map(([k, n]) => `${n} ${k}`).join(', ')})${bad.length ? ' — UNEXPECTED: ' + bad.map((r) => `${r.name} (${r.got}, expected ${r.expect})`).join('; ') : ''}`);
  }
  exitCode = results.some((r) => !r.ok) ? 1 : 0;
} catch (e) {
  console.error(e.stack || e); exitCode = 2;
} finally {
  await browser.quit();
  if (!KEEP && !opt('--work', null)) rmSync(WORK, { recursive: true, force: true });
}
process.exit(exitCode);
