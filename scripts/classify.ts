/**
 * `npm run --silent classify -- --url <URL> <file.html>`: the recognition result of a saved page, as one
 * line of JSON (fields that do not apply are null). For LPSE helpdesks and us, to check a page someone saved.
 * `--explain` adds one field, `explain` (lib/page/recognition/explain.ts): the evidence families and signal ids that made
 * the page SPSE (or did not suffice), and the predicate that chose its kind.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describePage } from '../lib/worker/describe';
import { explain } from '../lib/page/recognition/explain';
import { collect } from '../lib/page/recognition/snapshot';
import { parseHtml } from './support/parse-html';

const usage = 'usage: npm run --silent classify -- [--explain] --url <URL> <file.html>';
let url: string | undefined;
let file: string | undefined;
let why = false;
try {
  const { values, positionals } = parseArgs({ options: { url: { type: 'string' }, explain: { type: 'boolean' } }, allowPositionals: true });
  url = values.url;
  why = !!values.explain;
  file = positionals[0];
} catch (e) {
  console.error(`${(e as Error).message}\n${usage}`);
  process.exit(2);
}
if (!url || !file) {
  console.error(usage);
  process.exit(2);
}
try {
  new URL(url);
} catch {
  console.error(`not a URL: ${url}\n${usage}`);
  process.exit(2);
}
let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`cannot read ${file}: ${(e as Error).message}`);
  process.exit(2);
}
const { document, close } = parseHtml(html, url);
const snapshot = collect(document);
console.log(JSON.stringify(why ? { ...describePage(url, snapshot), explain: explain(url, snapshot) } : describePage(url, snapshot)));
await close();
