// Property-based tests (fast-check): recognition on random and mutated SPSE markup, and the rules on random
// sequences of observations. Fixed seed and bounded runs here; `npm run fuzz` runs the same properties long
// (FUZZ_RUNS, FUZZ_SEED).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognitionSchema } from '@/lib/protocol';
import type { Account, Penyedia, Problem } from '@/lib/schemas';
import { NEXT_ACTIONS } from '@/lib/sop/actions';
import { decide, type Observation, type Known } from '@/lib/sop/rules';
import { describePage } from '@/lib/worker/describe';
import { LOGIN_STEPS, PAGE_KINDS, type PageResult } from '@/lib/page/recognition/page-kinds';
import { recognise } from '@/lib/page/recognition/recognise';
import { loadIndex, pathOf, snapshotOf } from '../../scripts/support/corpus';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const params = { seed: SEED, numRuns: RUNS };

// Pieces of real and reconstructed SPSE markup to mutate.
const seeds = loadIndex()
  .filter((e) => e.expect.spse)
  .slice(0, 40)
  .map((e) => ({ url: e.url, html: readFileSync(pathOf(e.file), 'utf8') }));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 4000 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom('<div class="alert alert-danger">', '</form>', '<input name="txtUserId">', '<input type="password" name="txtPassword">', 'tidak aktif', 'Aktivasi Agregasi Data Penyedia', '<a id="logout">', '<!--', '<script>', 'PENYEDIA', 'NON PENYEDIA', '\u0000', '<div>'.repeat(50))) }),
  fc.record({ kind: fc.constant('upper' as const), at: fc.nat(), len: fc.nat({ max: 2000 }) }),
);

function mutate(html: string, ms: fc.Arbitrary<unknown> extends never ? never : { kind: string; at: number; len?: number; text?: string }[]): string {
  let s = html;
  for (const m of ms) {
    const at = s.length ? m.at % s.length : 0;
    if (m.kind === 'cut') s = s.slice(0, at) + s.slice(at + (m.len ?? 0));
    else if (m.kind === 'insert') s = s.slice(0, at) + (m.text ?? '') + s.slice(at);
    else s = s.slice(0, at) + s.slice(at, at + (m.len ?? 0)).toUpperCase() + s.slice(at + (m.len ?? 0));
  }
  return s;
}

describe('fuzz: recognition', () => {
  it('never throws and always answers within the contract, on mutated SPSE markup', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(mutation, { maxLength: 6 }), async (seed, ms) => {
        const html = mutate(seed.html, ms);
        const snapshot = await snapshotOf(html, seed.url);
        const d = describePage(seed.url, snapshot);
        if (d.spse) expect(PAGE_KINDS).toContain(d.kind);
        const r = recognise(seed.url, snapshot);
        // what the content script would send always passes the background's validation
        if (r) expect(recognitionSchema.safeParse(r).success).toBe(true);
      }),
      params,
    );
  });
  it('never throws on random markup at SPSE addresses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 3000 }), fc.constantFrom('https://spse.inaproc.id/jakarta/loginpass', 'https://lpse.x.go.id/eproc4/login', 'http://h/eproc/app'), async (html, url) => {
        describePage(url, await snapshotOf(html, url));
      }),
      params,
    );
  });
});

// ── rules ──────────────────────────────────────────────────────────────────────────────────────────────
const LPSES = ['https://spse.inaproc.id/jakarta', 'https://spse.inaproc.id/kemkes', 'https://spse.inaproc.id/batangkab'];
const userIdArb = fc.constantFrom('SENTOSA01', 'MITRAKARYA', 'MITRAKARYA.BTG', 'BERKAHJAYA', 'LESTARI.BTG', 'LESTARIABADI');
const pageArb: fc.Arbitrary<PageResult> = fc.oneof(
  fc.record({ kind: fc.constant('login' as const), step: fc.constantFrom(...LOGIN_STEPS) }),
  fc.record({ kind: fc.constant('login-failed' as const), step: fc.constantFrom(...LOGIN_STEPS), error: fc.string({ maxLength: 40 }) }),
  fc.constant({ kind: 'activation' as const }),
  fc.oneof(fc.constant({ kind: 'non-active' as const }), fc.record({ kind: fc.constant('non-active' as const), replacementUserId: userIdArb })),
  fc.record({ kind: fc.constant('admin-notice' as const), notice: fc.string({ minLength: 1, maxLength: 60 }) }),
  fc.record({ kind: fc.constant('logged-in' as const), role: fc.constantFrom('penyedia' as const, 'non-penyedia' as const, 'unknown' as const) }),
  fc.constant({ kind: 'other' as const }),
);
const stepArb = fc.record({
  lpse: fc.constantFrom(...LPSES),
  tabId: fc.nat({ max: 3 }),
  genuine: fc.boolean(),
  event: fc.oneof(
    pageArb.map((page) => ({ type: 'page' as const, page })),
    userIdArb.map((userId) => ({ type: 'user-id-submitted' as const, userId })),
  ),
});

describe('fuzz: rules', () => {
  it('on random sequences: never throws, never an action outside sop.md, never a fill on a suspicious site, nothing learned there', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), (steps) => {
        // A tiny in-memory registry applying each decision's changes, as the real one does.
        let accounts: Account[] = [];
        let penyedia: Penyedia[] = [];
        let problems: Problem[] = [];
        const attempts = new Map<number, NonNullable<Known['attempt']>>();
        let ids = 0;
        let now = 1_800_000_000_000;
        for (const s of steps) {
          now += 1000;
          const event: Observation = s.event.type === 'page' ? { type: 'page', page: s.event.page, genuine: s.genuine, loginForm: true } : s.event;
          const known: Known = {
            lpseKey: s.lpse,
            lpseNames: {},
            penyedia,
            accounts,
            problemsHere: problems.filter((p) => p.lpseKey === s.lpse && p.state !== 'solved'),
            ...(attempts.has(s.tabId) && { attempt: attempts.get(s.tabId)! }),
            readySaid: false,
          };
          const d = decide(known, event, { now, tabId: s.tabId, newId: () => `id${++ids}` });
          if (d.nextAction !== null) expect(NEXT_ACTIONS).toContain(d.nextAction);
          if (event.type === 'page' && !s.genuine) {
            expect(d.nextAction === null || d.nextAction === 'suspicious-site').toBe(true);
            expect(d.params.userId).toBeUndefined();
            expect(d.changes).toEqual({ accounts: [], penyedia: [], problems: [] });
          }
          const keyed = <T,>(list: T[], add: T[], key: (x: T) => string) => [...list.filter((x) => !add.some((y) => key(y) === key(x))), ...add];
          accounts = keyed(accounts, d.changes.accounts, (a) => a.key);
          penyedia = keyed(penyedia, d.changes.penyedia, (p) => p.id);
          problems = keyed(problems, d.changes.problems, (p) => p.id);
          if (d.changes.attempt === null) attempts.delete(s.tabId);
          else if (d.changes.attempt && s.genuine) attempts.set(s.tabId, d.changes.attempt);
          // never two accounts for one User ID, and every account's penyedia exists
          expect(new Set(accounts.map((a) => a.key)).size).toBe(accounts.length);
          for (const a of accounts) expect(penyedia.some((p) => p.id === a.penyediaId), a.userId).toBe(true);
        }
      }),
      { ...params, numRuns: RUNS * 5 },
    );
  });
});
