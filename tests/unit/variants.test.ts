// Robustness tested, not assumed (issue 14, item 3): every SPSE page of the corpus rewritten the ways real
// LPSEs differ keeps its identity and kind; every non-SPSE system dressed with SPSE's evidence, one family at a
// time, stays not SPSE. Per kind precision and recall over corpus + variants (`npm run corpus` prints them).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES } from '@/lib/page/recognition/identity';
import { PAGE_KINDS } from '@/lib/page/recognition/page-kinds';
import { loadIndex, pathOf } from '../../scripts/support/corpus';
import { parseHtml } from '../../scripts/support/parse-html';
import { cases, DRESSINGS, loadExpectedVariantFailures, NEGATIVE_SYSTEMS, score, VARIATIONS, type Case } from '../../scripts/support/variants';

/** What each kind must reach over corpus + variants (and not-SPSE over corpus + dressed negatives). */
const PRECISION = 0.98;
const RECALL = 0.98;

let all: Case[] = [];
beforeAll(() => {
  all = [...cases()];
}, 600_000);

describe('variation and negative generators', () => {
  it('every variation rewrites some corpus page (none is a no-op)', () => {
    const pages = loadIndex()
      .filter((e) => e.expect.spse && !e.file.startsWith('hostile/'))
      .map((e) => ({ e, ...parseHtml(readFileSync(pathOf(e.file), 'utf8'), e.url) }));
    for (const [name, mutate] of Object.entries(VARIATIONS)) {
      const changed = pages.some(({ e, document }) => {
        const copy = document.cloneNode(true) as Document;
        mutate(copy, { url: e.url, generation: '4.5' });
        return copy.documentElement.outerHTML !== document.documentElement.outerHTML;
      });
      expect(changed, name).toBe(true);
    }
    for (const p of pages) void p.close();
  }, 120_000);
  it('every family dresses every non-SPSE system, at every address of SPSE’s shape it is tried at', () => {
    expect(Object.keys(DRESSINGS).sort()).toEqual([...FAMILIES].sort());
    for (const n of NEGATIVE_SYSTEMS)
      for (const url of n.urls) for (const f of FAMILIES) expect(all.some((c) => c.id === `${n.id}@${url} + ${f}`), `${n.id}@${url} + ${f}`).toBe(true);
  });
});

describe('corpus + variants + dressed negatives', () => {
  it('every case holds, except the expected failures listed with a reason; a fixed one leaves the list', () => {
    const listed = loadExpectedVariantFailures();
    const failing = all.filter((c) => !c.ok).map((c) => c.id);
    expect(failing.filter((id) => !listed.some((f) => f.case === id))).toEqual([]);
    expect(listed.map((f) => f.case).filter((id) => !failing.includes(id))).toEqual([]);
  });
  it('every dressed negative stays not SPSE', () => {
    const negatives = all.filter((c) => c.source === 'negative');
    expect(negatives.length).toBeGreaterThan(50);
    expect(negatives.filter((c) => c.got !== 'not-spse').map((c) => `${c.id} → ${c.got}`)).toEqual([]);
  });
  it(`per kind precision ≥ ${PRECISION} and recall ≥ ${RECALL}`, () => {
    const scores = score(all);
    expect(scores.map((s) => s.kind).sort()).toEqual([...PAGE_KINDS, 'not-spse'].sort());
    for (const s of scores) {
      expect(s.expected, s.kind).toBeGreaterThan(0);
      expect(s.precision, `${s.kind} precision`).toBeGreaterThanOrEqual(PRECISION);
      expect(s.recall, `${s.kind} recall`).toBeGreaterThanOrEqual(RECALL);
    }
  });
});
