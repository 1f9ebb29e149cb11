// Sync through storage.sync (issue 16): the compact encoding, its sizes against the browsers' limits, and
// property-based convergence (fast-check, fixed seed): any interleaving of two devices' changes, with the
// store applying their writes in any order, ends with both registries equal to each other and to the store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, LpseRecord, Penyedia, Problem } from '@/lib/schemas';
import { DEFAULT_SETTINGS } from '@/lib/schemas';
import { canon, decodeData, encodeDecoded, itemBytes, project, SYNC_LIMITS } from '@/lib/worker/sync/codec';
import { confirm, newSyncState, step, TOMBSTONE_TTL_MS, type SyncState } from '@/lib/worker/sync/merge';
import type { Item } from '@/lib/worker/sync/codec';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const NOW = Date.UTC(2026, 11, 1);

// ── A realistic registry of a given size ─────────────────────────────────────────────────────────────
const slugs = (n: number) => Array.from({ length: n }, (_, i) => `kabupatenlpse${String(i).padStart(3, '0')}`);
function company(opts: { penyedia: number; accountsEach: number; problems: number; noticeChars: number; contacts: number }) {
  const penyedia: Penyedia[] = [], accounts: Account[] = [], problems: Problem[] = [], lpses: LpseRecord[] = [];
  const lpse = slugs(Math.max(opts.accountsEach, opts.contacts));
  for (let p = 0; p < opts.penyedia; p++) {
    const id = crypto.randomUUID();
    const base = `CVMITRAKARYA${p}`;
    penyedia.push({ id, label: `PT Mitra Karya Konstruksi Nusantara ${p}`, defaultUserId: `${base}.DEFAULT`, createdAt: NOW });
    for (let i = 0; i < opts.accountsEach; i++) {
      const userId = i === 0 ? `${base}.DEFAULT` : `${base}.${lpse[i]!.slice(-3)}`;
      accounts.push({
        key: userId.toLowerCase(),
        userId,
        penyediaId: id,
        registeredAt: [`https://spse.inaproc.id/${lpse[i]}`],
        activation: i % 3 === 0 ? 'activated' : i % 3 === 1 ? 'not-activated' : 'unknown',
        ...(i % 10 === 9 && { replacedBy: `${base}.BARU${i}` }),
        retired: false,
        lastLogin: { [`https://spse.inaproc.id/${lpse[i]}`]: { at: NOW, mode: 'local' } },
        sources: [{ from: 'penyedia', at: NOW }],
      });
    }
  }
  for (let i = 0; i < opts.problems; i++)
    problems.push({ id: crypto.randomUUID(), lpseKey: `https://spse.inaproc.id/${lpse[i % lpse.length]}`, kind: 'admin-notice', notice: 'Akun Anda belum dapat digunakan. '.repeat(60).slice(0, opts.noticeChars), userId: 'CVMITRAKARYA0.DEFAULT', state: i % 2 ? 'reported' : 'open', openedAt: NOW, ...(i % 2 && { reportedAt: NOW }) });
  for (let i = 0; i < opts.contacts; i++)
    lpses.push({ key: `https://spse.inaproc.id/${lpse[i]}`, bases: [], generation: '4.5', lastVisit: NOW, contacts: [{ kind: 'email', value: `lpse@${lpse[i]}.go.id` }, { kind: 'phone', value: '(0285) 391 234' }, { kind: 'whatsapp', value: '0812 3456 7890' }] });
  return { penyedia, accounts, problems, lpses };
}

/** The items the first sync of this registry writes, and their size as the browsers count it. */
function encoded(reg: ReturnType<typeof company>) {
  const settings = { ...DEFAULT_SETTINGS, confirmedBases: ['https://lpse.jatengprov.go.id/eproc4', 'https://lpse.kepahiangkab.go.id/eproc'] };
  const r = step(newSyncState('dev1a2b3c'), project(reg, settings, NOW), {}, NOW);
  const sizes = Object.entries(r.set).map(([k, v]) => itemBytes(k, v));
  return { items: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), largestItem: Math.max(...sizes), set: r.set };
}

describe('sync: the encoded size within storage.sync limits (README: Permissions and privacy)', () => {
  // The figures the README gives; this test computes them.
  it('a penyedia with 50 accounts at 50 LPSEs (5 open problems, helpdesk contacts of all 50)', () => {
    const e = encoded(company({ penyedia: 1, accountsEach: 50, problems: 5, noticeChars: 600, contacts: 50 }));
    console.log(`[sync sizes] 50 accounts at 50 LPSEs: ${e.items} items, ${e.bytes} bytes, largest item ${e.largestItem} bytes`);
    expect(e.items).toBe(50 + 1 + 5 + 50 + 2);
    expect(e.bytes).toBeLessThan(SYNC_LIMITS.totalBytes / 3);
    expect(e.largestItem).toBeLessThan(SYNC_LIMITS.itemBytes);
  });
  // A national contractor: before ADP a penyedia registered separately at every LPSE it bid at; 200 of the 600
  // LPSEs is more than any we know of. Each LPSE with its helpdesk, and 10 open problems with notices of the
  // schema's full 2,000 characters.
  it('the largest realistic company: one penyedia registered at 200 LPSEs, 200 helpdesks, 10 problems with full notices', () => {
    const e = encoded(company({ penyedia: 1, accountsEach: 200, problems: 10, noticeChars: 2000, contacts: 200 }));
    console.log(`[sync sizes] 200 accounts at 200 LPSEs: ${e.items} items, ${e.bytes} bytes, largest item ${e.largestItem} bytes`);
    expect(e.items).toBeLessThanOrEqual(SYNC_LIMITS.items);
    expect(e.bytes).toBeLessThan(SYNC_LIMITS.totalBytes);
    expect(e.largestItem).toBeLessThan(SYNC_LIMITS.itemBytes);
    // Beyond it: the most LPSEs (account + helpdesk each, with those 10 problems) that still fit.
    let n = 200;
    while (encoded(company({ penyedia: 1, accountsEach: n + 10, problems: 10, noticeChars: 2000, contacts: n + 10 })).bytes < SYNC_LIMITS.totalBytes && n + 10 + n + 10 + 13 <= SYNC_LIMITS.items) n += 10;
    console.log(`[sync sizes] ceiling: about ${n} LPSEs with an account and a helpdesk each`);
    expect(n).toBeGreaterThanOrEqual(200);
  });
  it('every item decodes back to the same data', () => {
    const e = encoded(company({ penyedia: 2, accountsEach: 20, problems: 4, noticeChars: 300, contacts: 10 }));
    for (const [key, item] of Object.entries(e.set)) {
      const d = decodeData(key, (item as { d: unknown }).d);
      expect(d.ok, key).toBe(true);
      if (d.ok) expect(canon(encodeDecoded(d.value)[1])).toBe(canon((item as { d: unknown }).d));
    }
  });
});

describe('sync: validation on the way in', () => {
  it('refuses a corrupt item, an unknown key, an unsynced setting, a bad clock; never applies them', () => {
    const bad = {
      'a.sentosa01': { v: 1, c: 'zz-0-dev', d: { u: 'SENTOSA01', p: 'x', r: ['jakarta'], a: 'a', password: 'rahasia-123' } },
      'a.other': { v: 1, c: 'zz-0-dev', d: { u: 'SENTOSA01', p: 'x', r: [], a: 'a' } },
      'h.history': { v: 1, c: 'zz-0-dev', d: {} },
      's.collapsed': { v: 1, c: 'zz-0-dev', d: [] },
      'p.x': { v: 1, c: 'not a clock', d: { c: 1 } },
      'p.y': { v: 2, c: 'zz-0-dev', d: { c: 1 } },
      'p.z': 'garbage',
    };
    const r = step(newSyncState('deva'), {}, bad, NOW);
    expect(r.refused.map((x) => x.key).sort()).toEqual(Object.keys(bad).sort());
    expect(r.put).toEqual({});
    expect(r.set).toEqual({});
  });
});

// ── Convergence ──────────────────────────────────────────────────────────────────────────────────────
const KEYS = ['a.k1', 'a.k2', 'a.k3', 'p.pid', 's.lang'] as const;
const valueFor = (key: string, v: number): unknown =>
  key === 's.lang' ? (v % 2 ? 'en' : 'id') : key === 'p.pid' ? { c: 1, ...(v % 3 && { d: `K${v % 3}` }), ...(v % 2 && { l: `PT ${v}` }) } : { u: key.slice(2).toUpperCase(), p: 'pid', r: v % 2 ? ['jakarta'] : ['kemkes', 'batangkab'], a: (['a', 'n', 'u', 'i'] as const)[v % 4] };

type Op =
  | { k: 'edit'; dev: 0 | 1; key: (typeof KEYS)[number]; value: number | null }
  | { k: 'flush'; dev: 0 | 1 }
  | { k: 'arrive'; pick: number }
  | { k: 'deliver'; dev: 0 | 1 }
  | { k: 'time'; ms: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('edit' as const), dev: fc.constantFrom(0 as const, 1 as const), key: fc.constantFrom(...KEYS), value: fc.option(fc.nat({ max: 11 }), { nil: null }) }),
  fc.record({ k: fc.constant('flush' as const), dev: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ k: fc.constant('arrive' as const), pick: fc.nat() }),
  fc.record({ k: fc.constant('deliver' as const), dev: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({ k: fc.constant('time' as const), ms: fc.integer({ min: -5, max: 50 }) }),
);

interface Device {
  state: SyncState;
  reg: Record<string, unknown>;
  inbox: Record<string, unknown>[];
}

function run(ops: Op[], startAt: (0 | 1)[] = [0, 0]) {
  // Each device's own wall clock (they disagree, and may even go back a little).
  const wall = [NOW + startAt[0]! * 1000, NOW + startAt[1]! * 7];
  const devs: Device[] = [
    { state: newSyncState('deva'), reg: {}, inbox: [] },
    { state: newSyncState('devb'), reg: {}, inbox: [] },
  ];
  const server: Record<string, unknown> = {};
  const inflight: { set: Record<string, Item>; remove: string[] }[] = [];
  const doStep = (i: 0 | 1, remote: Record<string, unknown>) => {
    const d = devs[i]!;
    const r = step(d.state, d.reg, remote, wall[i]!);
    for (const [, dec] of Object.entries(r.put)) {
      const [k, v] = encodeDecoded(dec);
      d.reg[k] = v;
    }
    for (const k of r.del) delete d.reg[k];
    d.state = r.state;
    if (Object.keys(r.set).length || r.remove.length) {
      inflight.push({ set: r.set, remove: r.remove });
      d.state = confirm(d.state, r.set);
    }
    return Object.keys(r.set).length + r.remove.length;
  };
  const arrive = (i: number) => {
    const [w] = inflight.splice(i, 1);
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(w!.set)) changes[k] = server[k] = v;
    for (const k of w!.remove) {
      delete server[k];
      changes[k] = undefined;
    }
    for (const d of devs) d.inbox.push(changes);
  };
  for (const o of ops) {
    if (o.k === 'edit') {
      if (o.value === null) delete devs[o.dev]!.reg[o.key];
      else devs[o.dev]!.reg[o.key] = valueFor(o.key, o.value);
    } else if (o.k === 'flush') doStep(o.dev, {});
    else if (o.k === 'arrive' && inflight.length) arrive(o.pick % inflight.length);
    else if (o.k === 'deliver' && devs[o.dev]!.inbox.length) doStep(o.dev, devs[o.dev]!.inbox.shift()!);
    else if (o.k === 'time') wall.forEach((_, i) => (wall[i]! += i ? o.ms : Math.abs(o.ms)));
  }
  // Everyone back online: flush, let everything arrive and be delivered, until nothing moves.
  for (let round = 0; round < 100; round++) {
    let moved = doStep(0, {}) + doStep(1, {});
    while (inflight.length) (arrive(0), moved++);
    for (const i of [0, 1] as const) while (devs[i]!.inbox.length) (doStep(i, devs[i]!.inbox.shift()!), moved++);
    if (!moved) break;
  }
  const live = Object.fromEntries(Object.entries(server).flatMap(([k, v]) => ('d' in (v as object) ? [[k, (v as { d: unknown }).d]] : [])));
  return { devs, server: live, inflight };
}

describe('sync: any interleaving of two devices converges (fast-check)', () => {
  it('both registries end equal to each other and to the store', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.tuple(fc.constantFrom(0 as const, 1 as const), fc.constantFrom(0 as const, 1 as const)), (ops, startAt) => {
        const { devs, server, inflight } = run(ops, startAt);
        expect(inflight).toEqual([]);
        expect(canon(devs[0]!.reg)).toBe(canon(devs[1]!.reg));
        expect(canon(devs[0]!.reg)).toBe(canon(server));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the last writer wins a conflict, and a removal is a removal everywhere', () => {
    const { devs } = run([
      { k: 'edit', dev: 0, key: 'a.k1', value: 0 },
      { k: 'flush', dev: 0 },
      { k: 'arrive', pick: 0 },
      { k: 'deliver', dev: 1 },
      { k: 'edit', dev: 1, key: 'a.k1', value: 1 },
      { k: 'time', ms: 10 },
      { k: 'edit', dev: 0, key: 'a.k1', value: 2 },
      { k: 'flush', dev: 1 },
      { k: 'time', ms: 10 },
      { k: 'flush', dev: 0 },
      { k: 'edit', dev: 1, key: 's.lang', value: 1 },
      { k: 'edit', dev: 0, key: 'a.k2', value: 3 },
    ]);
    expect(devs[1]!.reg['a.k1']).toEqual(valueFor('a.k1', 2));
    expect(devs[0]!.reg['s.lang']).toBe('en');
    const removed = run([{ k: 'edit', dev: 0, key: 'a.k1', value: 0 }, { k: 'flush', dev: 0 }, { k: 'arrive', pick: 0 }, { k: 'deliver', dev: 1 }, { k: 'time', ms: 20 }, { k: 'edit', dev: 1, key: 'a.k1', value: null }]);
    expect(removed.devs[0]!.reg).toEqual({});
    expect(removed.devs[1]!.reg).toEqual({});
  });

  it('turning sync on with data on both sides: what sync already holds stays, what only this device had is added', () => {
    const a = step(newSyncState('deva'), { 'a.k1': valueFor('a.k1', 0), 's.lang': 'en' }, {}, NOW);
    const b = step(newSyncState('devb'), { 'a.k1': valueFor('a.k1', 1), 'a.k2': valueFor('a.k2', 1) }, a.set, NOW + 1000);
    expect(Object.keys(b.put).sort()).toEqual(['a.k1', 's.lang']);
    expect(Object.keys(b.set)).toEqual(['a.k2']);
    expect([b.taken, b.sent]).toEqual([2, 1]);
  });

  it('the later edit wins even when its device syncs first: a change is stamped when it was made, not when its batch runs', () => {
    // B's edit (NOW + 100) goes out at NOW + 200; A's earlier edit (NOW) waits in a slow batch until NOW + 2000,
    // and meets B's item in the same step.
    const base = step(newSyncState('devb'), { 'a.k1': valueFor('a.k1', 0) }, {}, NOW - 10_000);
    const a0 = step(newSyncState('deva'), { 'a.k1': valueFor('a.k1', 0) }, base.set, NOW - 9_000);
    const b = step(confirm(base.state, base.set), { 'a.k1': valueFor('a.k1', 1) }, {}, NOW + 200, NOW + 100);
    const a = step(a0.state, { 'a.k1': valueFor('a.k1', 2) }, b.set, NOW + 2000, NOW);
    expect(a.put['a.k1']).toBeDefined(); // B's value is applied on A
    expect(a.set['a.k1']).toBeUndefined(); // and A does not send its older one
    // Stamped at the batch's time instead, A's older edit would have won.
    const late = step(a0.state, { 'a.k1': valueFor('a.k1', 2) }, b.set, NOW + 2000);
    expect(late.put['a.k1']).toBeUndefined();
  });

  it('tombstones expire and leave the store', () => {
    const a1 = step(newSyncState('deva'), { 'a.k1': valueFor('a.k1', 0) }, {}, NOW);
    const a2 = step(confirm(a1.state, a1.set), {}, {}, NOW + 1);
    expect('x' in a2.set['a.k1']!).toBe(true);
    const a3 = step(confirm(a2.state, a2.set), {}, {}, NOW + TOMBSTONE_TTL_MS + 10);
    expect(a3.remove).toEqual(['a.k1']);
    expect(a3.state.entries).toEqual({});
  });
});
