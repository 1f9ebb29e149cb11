// The recognition corpus: every page classified as its index says (tests/fixtures/pages/index.json),
// each kind's examples negatives for every other kind, hostile pages never throw.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { recognitionSchema } from '@/lib/protocol';
import { describePage, type Description } from '@/lib/worker/describe';
import { recognise } from '@/lib/page/recognition/recognise';
import { registeredExamples } from '@/lib/page/recognition/examples';
import { classifySnapshot, PAGE_KINDS, PREDICATES, type PageKind } from '@/lib/page/recognition/page-kinds';
import { collect } from '@/lib/page/recognition/snapshot';
import { CORPUS_DIR, loadIndex, pathOf, snapshotOf, snapshotOfFile, type CorpusEntry } from '../../scripts/support/corpus';
import { parseHtml } from '../../scripts/support/parse-html';

const index = loadIndex();
const expectedFailures = z
  .array(z.strictObject({ file: z.string(), field: z.string(), why: z.string().min(20) }))
  .parse(JSON.parse(readFileSync(resolve(CORPUS_DIR, 'expected-failures.json'), 'utf8')));

/** The fields of a description that differ from what the index expects. */
function mismatches(e: CorpusEntry, d: Description): string[] {
  const x = e.expect;
  const out: string[] = [];
  if (d.spse !== x.spse) out.push('spse');
  if (x.kind !== undefined && d.kind !== x.kind) out.push('kind');
  if (x.step !== undefined && d.step !== x.step) out.push('step');
  if (x.role !== undefined && d.role !== x.role) out.push('role');
  if (x.userId !== undefined && d.userId !== x.userId) out.push('userId');
  if (x.replacementUserId !== undefined && d.replacementUserId !== x.replacementUserId) out.push('replacementUserId');
  if (x.noticeText !== undefined && !d.noticeText?.includes(x.noticeText)) out.push('noticeText');
  if (x.errorText !== undefined && !d.errorText?.includes(x.errorText)) out.push('errorText');
  if (x.lookalike !== undefined && d.site?.genuine !== !x.lookalike) out.push('lookalike');
  // Pages at genuine addresses are genuine; a kind's absence means the index expects no SPSE page.
  if (x.spse && x.lookalike === undefined && d.site && !d.site.genuine) out.push('genuine');
  return out;
}

describe('corpus index', () => {
  it('is well-formed: files exist, URLs parse, every kind and every login step is covered', () => {
    for (const e of index) expect(existsSync(pathOf(e.file)), e.file).toBe(true);
    const kinds = new Set(index.map((e) => e.expect.kind).filter(Boolean));
    expect([...kinds].sort()).toEqual([...PAGE_KINDS].sort());
    const steps = new Set(index.map((e) => e.expect.step).filter(Boolean));
    expect([...steps].sort()).toEqual(['chooser', 'one-form', 'otp', 'password', 'user-id']);
    expect(index.filter((e) => !e.expect.spse && e.file.startsWith('non-spse/')).length).toBeGreaterThanOrEqual(10);
    for (const g of ['4.5', '4.x', '3.x']) expect(index.some((e) => e.file.includes(g === '4.5' ? 'spse45-' : g === '4.x' ? 'spse4x-' : 'spse3x-')), g).toBe(true);
  });
  it('lists only real expected failures, each still failing (a fixed one must leave the list)', async () => {
    for (const f of expectedFailures) {
      const e = index.find((x) => x.file === f.file);
      expect(e, f.file).toBeDefined();
      const d = describePage(e!.url, await snapshotOfFile(e!.file, e!.url));
      expect(mismatches(e!, d), f.file).toEqual([f.field]);
    }
  });
});

describe('every corpus page is classified as its index says', () => {
  it.each(index.map((e) => [e.file, e] as const))('%s', async (_file, e) => {
    const snapshot = await snapshotOfFile(e.file, e.url);
    const d = describePage(e.url, snapshot);
    // What the content script would send must pass the background's validation.
    const r = recognise(e.url, snapshot);
    if (r) expect(recognitionSchema.safeParse(r).error?.issues ?? []).toEqual([]);
    const allowed = expectedFailures.filter((f) => f.file === e.file).map((f) => f.field);
    expect(mismatches(e, d).filter((m) => !allowed.includes(m))).toEqual([]);
  });
});

describe('cross-negatives: each kind’s examples are negatives for every other kind', () => {
  it('every kind has examples registered beside its predicate, and they are in the corpus with that kind', () => {
    for (const kind of PAGE_KINDS) {
      const files = registeredExamples.get(kind) ?? [];
      expect(files.length, kind).toBeGreaterThan(0);
      for (const f of files) expect(index.find((e) => e.file === f)?.expect.kind, `${kind}: ${f}`).toBe(kind);
    }
  });
  const spsePages = index.filter((e) => e.expect.spse && e.expect.kind);
  it.each(spsePages.map((e) => [e.expect.kind, e.file, e] as const))('%s example %s: only its own predicate holds', async (kind, _f, e) => {
    const s = await snapshotOfFile(e.file, e.url);
    const holding = (Object.keys(PREDICATES) as PageKind[]).filter((k) => PREDICATES[k](s));
    expect(holding).toEqual([kind]);
  });
});

// The 5 MB and 10,000-deep pages are generated in tests/e2e/hostile.test.ts and recognised by the real
// content script in Chromium (happy-dom's own selector engine recurses per level and overflows first).
describe('hostile inputs', () => {
  const url = 'https://spse.inaproc.id/jakarta/loginpass';
  it('random bytes and odd markup never throw', async () => {
    for (const html of ['', '\u0000\u0001', '<', '<<<>>>', '<html><body><form><input name=txtPassword type=password></form></body>', '<frameset><frame src="x"></frameset>'.repeat(100)]) {
      await expect(snapshotOf(html, url).then((s) => describePage(url, s))).resolves.toBeDefined();
    }
  });
  it('a page 1,000 elements deep is recognised', async () => {
    const depth = 1000;
    const html = `<html><body>${'<div>'.repeat(depth)}<form><input name="txtUserId"><button type="submit">Login</button></form>${'</div>'.repeat(depth)}<footer>Aplikasi SPSE v4.5u20250321</footer></body></html>`;
    expect(describePage(url, await snapshotOf(html, url))).toMatchObject({ spse: true, kind: 'login', step: 'user-id' });
  });
});

describe('cost of classifying', () => {
  it.each([
    ['real:herpiko_spse35__lelang-1.html', 'https://spse.inaproc.id/jakarta/lelang'],
    ['real:ssa_agentic_lpse__Informasi_Tender.htm', 'https://spse.inaproc.id/kemkes/lelang/10102453000/pemenangberkontrak'],
    ['reconstructed/spse45-login-user-id.html', 'https://spse.inaproc.id/jakarta/login/penyedia'],
  ])('%s: the block around a heading is not read where no heading may be a notice’s', async (file, url) => {
    const { document, close } = parseHtml(readFileSync(pathOf(file), 'utf8'), url);
    try {
      const snapshot = collect(document);
      let reads = 0;
      const counted = snapshot.prominent.map((p) => ({
        ...p,
        readContext: () => {
          reads++;
          return p.readContext();
        },
      }));
      const before = classifySnapshot(snapshot);
      expect(classifySnapshot({ ...snapshot, prominent: counted })).toEqual(before);
      expect(reads).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('one rulebook', () => {
  it('names every kind once, in sop.md’s precedence, with `other` last', async () => {
    const { RULEBOOK } = await import('@/lib/page/recognition/page-kinds');
    expect(RULEBOOK.map((r) => r.kind)).toEqual(['login-failed', 'login', 'non-active', 'activation', 'admin-notice', 'logged-in', 'other']);
    expect([...RULEBOOK.map((r) => r.kind)].sort()).toEqual([...PAGE_KINDS].sort());
  });
});
