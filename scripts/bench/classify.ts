/**
 * Benchmark: page recognition (what the content script does: collect + recognise, identity and kind; HTML
 * parsing excluded) on every real SPSE page, each served at its own address (tests/fixtures/pages/index.json),
 * in Chromium — the engine the content script runs in. Prints a table and writes bench-results/classify.json.
 * Budget (issue 3): the largest real page under 2 ms at p95. `BENCH_LIB=<dir>` benchmarks another copy of
 * lib/page/recognition (an older commit's, to compare).
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { ensureBrowser } from '../ensure-browser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REAL = resolve(root, 'tests/fixtures/real');
const RUNS = 300;

const lib = process.env.BENCH_LIB ? resolve(process.env.BENCH_LIB) : resolve(root, 'lib/page/recognition');
const urls = new Map(
  (JSON.parse(readFileSync(resolve(root, 'tests/fixtures/pages/index.json'), 'utf8')) as { file: string; url: string }[])
    .filter((e) => e.file.startsWith('real:'))
    .map((e) => [e.file.slice('real:'.length), e.url]),
);
const bundle = await build({
  stdin: {
    contents: `import { collect } from ${JSON.stringify(`${lib}/snapshot`)}; import { recognise } from ${JSON.stringify(`${lib}/recognise`)};
      globalThis.__spse = { collect, recognise };`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
  define: { __SPSE_EXAMPLES__: 'false' },
});
const code = bundle.outputFiles[0]!.text;

const browser = await puppeteer.launch({ executablePath: await ensureBrowser(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage();
// Nothing leaves the machine: the page is answered here at its own address, its assets are not fetched.
let serving = { url: '', html: '' };
await page.setRequestInterception(true);
page.on('request', (r) =>
  r.url() === serving.url ? r.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: serving.html }) : r.url().startsWith('data:') || r.url() === 'about:blank' ? r.continue() : r.abort(),
);
await page.setJavaScriptEnabled(false);

const rows: { page: string; bytes: number; kind: string; p50: number; p95: number; max: number }[] = [];
for (const file of readdirSync(REAL).filter((f) => /\.html?$/.test(f))) {
  const html = readFileSync(join(REAL, file), 'utf8');
  serving = { url: urls.get(file) ?? 'https://spse.inaproc.id/jakarta/', html };
  await page.goto(serving.url, { waitUntil: 'domcontentloaded' });
  await page.setJavaScriptEnabled(true);
  await page.addScriptTag({ content: code });
  // A string, not a function: tsx's name-keeping helper does not exist in the page.
  const result = (await page.evaluate(`(() => {
    const spse = globalThis.__spse;
    const times = [];
    let kind = '';
    for (let i = 0; i < ${RUNS}; i++) {
      const t = performance.now();
      kind = spse.recognise(location.href, spse.collect(document))?.page.kind ?? 'not SPSE';
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
    return { kind, p50: q(0.5), p95: q(0.95), max: times[times.length - 1] };
  })()`)) as { kind: string; p50: number; p95: number; max: number };
  await page.setJavaScriptEnabled(false);
  rows.push({ page: file, bytes: statSync(join(REAL, file)).size, ...result });
}
await browser.close();

rows.sort((a, b) => b.bytes - a.bytes);
console.log(`recognition (collect + recognise) of ${process.env.BENCH_LIB ?? 'lib/page/recognition'} in Chromium, ${RUNS} runs per page, parsing excluded; times in ms`);
console.log('page'.padEnd(50), 'bytes'.padStart(8), 'kind'.padStart(10), 'p50'.padStart(7), 'p95'.padStart(7), 'max'.padStart(7));
for (const r of rows) console.log(r.page.padEnd(50), String(r.bytes).padStart(8), r.kind.padStart(10), r.p50.toFixed(3).padStart(7), r.p95.toFixed(3).padStart(7), r.max.toFixed(3).padStart(7));
const largest = rows[0]!;
console.log(`largest real page: ${largest.page} (${largest.bytes} bytes): p95 ${largest.p95.toFixed(3)} ms (budget 2 ms) → ${largest.p95 < 2 ? 'within budget' : 'OVER BUDGET'}`);
mkdirSync(resolve(root, 'bench-results'), { recursive: true });
writeFileSync(resolve(root, 'bench-results/classify.json'), JSON.stringify({ when: new Date().toISOString(), runs: RUNS, budgetMs: 2, rows }, null, 1));
