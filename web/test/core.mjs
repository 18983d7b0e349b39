// Loads the verification core out of web/verify.html (its <script id="core">) into Node 20.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { webcrypto } from 'node:crypto';

export const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = join(webDir, '..');
export function loadCore(htmlPath = join(webDir, 'verify.html')) {
  const html = readFileSync(htmlPath, 'utf8');
  const m = /<script id="core">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no <script id="core"> in ' + htmlPath);
  // Node 18 (Debian's) has Web Crypto only as node:crypto's webcrypto, not as a global.
  const ctx = { crypto: globalThis.crypto ?? webcrypto, TextEncoder, TextDecoder, atob, console };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  vm.runInContext(m[1], ctx, { filename: 'verify.html#core' });
  return ctx.ShuangsuiVerify;
}
// a kit directory as name → bytes (files only, not recursive)
export function readKit(dir) {
  const files = {};
  for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isFile()) files[n] = new Uint8Array(readFileSync(p)); }
  return files;
}
// `node web/test/core.mjs KIT_DIR`: verify a kit in Node and print the result
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const SV = loadCore();
  const dir = process.argv[2];
  const res = await SV.verifyKit(readKit(dir));
  const brief = { verdict: res.verdict, error: res.error, elapsedMs: res.elapsedMs, differenceCount: res.differenceCount, differences: res.differences.slice(0, 10), tasks: res.tasks.map((t) => ({ id: t.id, selection: t.selection, teams: t.teams, selected: t.selectedCount })), proved: res.proved.map((x) => x.en), notChecked: res.notChecked.map((x) => x.en), notes: res.notes.map((x) => x.en) };
  console.log(JSON.stringify(brief, null, 2));
  process.exit(res.verdict === 'ok' ? 0 : res.verdict === 'mismatch' ? 1 : 2);
}
