import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { openDB, type IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeRegistry, DB_NAME, InvalidRecordError, openRegistry, upgrade, validated, type RegistrySchema } from '@/lib/worker/registry/db';
import { MAX_OBSERVATIONS, readRegistry, setProblemState } from '@/lib/worker/registry/registry';
import { decideAndRecord, type DecisionInput } from '@/lib/worker/decide-and-record';
import { SCHEMA_VERSION, type Account, type QuarantineRecord } from '@/lib/schemas';

beforeEach(async () => {
  await closeRegistry();
  globalThis.indexedDB = new IDBFactory();
});

let ids = 0;
function input(over: Partial<DecisionInput> & Pick<DecisionInput, 'event'>): DecisionInput {
  return {
    tabId: 1,
    lpse: { key: 'https://spse.inaproc.id/jakarta', base: 'https://spse.inaproc.id/jakarta', name: 'LPSE Jakarta', generation: '4.5' },
    genuine: true,
    readySaid: false,
    nameOf: () => undefined,
    now: 1_800_000_000_000,
    newId: () => `id-${++ids}`,
    ...over,
  };
}

describe('validation', () => {
  it('rejects an invalid record before any write, with the issues named', () => {
    expect(() => validated('accounts', { key: 'x', userId: '<script>', penyediaId: 'p' })).toThrow(InvalidRecordError);
    expect(() => validated('accounts', { key: 'x', userId: 'X', penyediaId: 'p', registeredAt: [], activation: 'unknown', retired: false, lastLogin: {}, sources: [], password: 'secret' })).toThrow(/password|Unrecognized/);
  });
  it('a failed write changes nothing (the transaction aborts whole)', async () => {
    const db = await openRegistry();
    await expect(decideAndRecord(db, input({ event: { type: 'page', page: { kind: 'admin-notice', notice: 'x'.repeat(5000) }, genuine: true } }))).rejects.toThrow(InvalidRecordError);
    const view = await readRegistry(db);
    expect([view.lpses, view.problems, view.observations].flat()).toEqual([]);
  });
});

describe('quarantine', () => {
  it('moves a record that fails validation on read into quarantine, kept whole, and reports it', async () => {
    const db = await openRegistry();
    const bad = { key: 'evil', userId: 'EVIL"><img src=x onerror=alert(1)>', penyediaId: 'p', registeredAt: 'nope' };
    await db.put('accounts', bad as never);
    await db.put('accounts', validated('accounts', { key: 'good', userId: 'GOOD', penyediaId: 'p', registeredAt: [], activation: 'unknown', retired: false, lastLogin: {}, sources: [] }));
    const reported: QuarantineRecord[] = [];
    const view = await readRegistry(db, (q) => reported.push(q));
    expect(view.accounts.map((a) => a.userId)).toEqual(['GOOD']);
    expect(reported).toHaveLength(1);
    expect(view.quarantine).toEqual([expect.objectContaining({ store: 'accounts', record: bad, issues: expect.arrayContaining([expect.stringContaining('userId')]) })]);
    expect(await db.get('accounts', 'evil')).toBeUndefined();
  });
});

describe('migration', () => {
  it('upgrades a saved version-1 database to the current version, keeping every record', async () => {
    const saved = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/registry/v1.json'), 'utf8'));
    // Write the version-1 database exactly as release 1 did (its upgrade step, then its records).
    const v1 = await openDB<RegistrySchema>(DB_NAME, 1, { upgrade: (db, old, n, tx) => upgrade(db, old, n ?? 1, tx as never) });
    for (const [store, records] of Object.entries(saved.stores) as [string, unknown[]][]) for (const r of records) await (v1 as IDBPDatabase).put(store, r);
    v1.close();

    const db = await openRegistry();
    expect(db.version).toBe(SCHEMA_VERSION);
    const view = await readRegistry(db);
    expect(view.quarantine).toEqual([]);
    expect(view.lpses).toHaveLength(2);
    expect(view.penyedia).toEqual(saved.stores.penyedia);
    expect(view.accounts).toEqual(saved.stores.accounts.map((a: object) => ({ ...a, sources: [] })));
    expect(view.problems).toEqual(saved.stores.problems);
    expect(view.observations.map(({ seq: _s, ...o }) => o)).toEqual(saved.stores.observations);
    expect(db.objectStoreNames.contains('attempts')).toBe(true);
    // and the upgraded registry works: the User ID Default is offered when roaming
    const d = await decideAndRecord(db, input({ event: { type: 'page', page: { kind: 'login', step: 'user-id' }, genuine: true } }));
    expect(d).toMatchObject({ nextAction: 'use-default-user-id', params: { userId: 'MITRAKARYA' } });
  });
});

describe('migration to version 3', () => {
  it('moves a replacement recorded where its non-active page was met (roaming) to where the replaced account is registered', async () => {
    const JKT = 'https://spse.inaproc.id/jakarta';
    const BTG = 'https://spse.inaproc.id/batangkab';
    const base = { penyediaId: 'p1', activation: 'unknown', lastLogin: {} } as const;
    const old: Account = { ...base, key: 'lestari.btg', userId: 'LESTARI.BTG', registeredAt: [BTG], retired: true, replacedBy: 'LESTARIABADI', sources: [{ from: 'non-active-page', lpseKey: JKT, at: 1 }] };
    const wrong: Account = { ...base, key: 'lestariabadi', userId: 'LESTARIABADI', registeredAt: [JKT], activation: 'not-activated', retired: false, sources: [{ from: 'non-active-page', lpseKey: JKT, at: 1 }] };
    // A replacement whose registration was also seen on its own activation page keeps it.
    const oldB: Account = { ...base, key: 'a.old', userId: 'A.OLD', penyediaId: 'p2', registeredAt: [], retired: true, replacedBy: 'A.NEW', sources: [] };
    const seen: Account = { ...base, key: 'a.new', userId: 'A.NEW', penyediaId: 'p2', registeredAt: [JKT], retired: false, sources: [{ from: 'non-active-page', lpseKey: JKT, at: 1 }, { from: 'activation-page', lpseKey: JKT, at: 2 }] };
    const v2 = await openDB<RegistrySchema>(DB_NAME, 2, { upgrade: (db, o, n, tx) => upgrade(db, o, n ?? 2, tx as never) });
    for (const a of [old, wrong, oldB, seen]) await (v2 as IDBPDatabase).put('accounts', a);
    v2.close();
    const db = await openRegistry();
    const byId = Object.fromEntries((await readRegistry(db)).accounts.map((a) => [a.userId, a]));
    expect(byId['LESTARIABADI']!.registeredAt).toEqual([BTG]);
    expect(byId['LESTARI.BTG']!.registeredAt).toEqual([BTG]);
    expect(byId['A.NEW']!.registeredAt).toEqual([JKT]);
  });
});

describe('observations', () => {
  it('a login spanning several pages: the attempt survives between pages (a new connection = a restarted worker)', async () => {
    let db = await openRegistry();
    await decideAndRecord(db, input({ event: { type: 'user-id-submitted', userId: 'SENTOSA01' } }));
    await closeRegistry(); // the service worker stops between the User ID step and the result page
    db = await openRegistry();
    await decideAndRecord(db, input({ event: { type: 'page', page: { kind: 'login', step: 'password' }, genuine: true } }));
    const d = await decideAndRecord(db, input({ event: { type: 'page', page: { kind: 'logged-in', role: 'penyedia' }, genuine: true } }));
    expect(d.nextAction).toBe('ready');
    const view = await readRegistry(db);
    expect(view.accounts).toEqual([expect.objectContaining({ userId: 'SENTOSA01', lastLogin: { 'https://spse.inaproc.id/jakarta': expect.objectContaining({ mode: 'unknown' }) } })]);
    expect(view.attempts).toEqual([]);
    expect(view.observations.map((o) => o.pageKind)).toEqual(['login', 'logged-in']);
  });

  it('20 simultaneous observations from 20 tabs: all kept', async () => {
    const db = await openRegistry();
    const slugs = Array.from({ length: 20 }, (_, i) => `lpse${i}`);
    await Promise.all(
      slugs.map((slug, i) =>
        decideAndRecord(db, input({
          tabId: i,
          lpse: { key: `https://spse.inaproc.id/${slug}`, base: `https://spse.inaproc.id/${slug}`, generation: '4.5' },
          event: { type: 'page', page: { kind: 'admin-notice', notice: `Notice ${i}` }, genuine: true },
        })),
      ),
    );
    const view = await readRegistry(db);
    expect(view.lpses).toHaveLength(20);
    expect(view.problems.map((p) => p.notice).sort()).toEqual(slugs.map((_, i) => `Notice ${i}`).sort());
    expect(view.observations).toHaveLength(20);
  });

  it('20 simultaneous User IDs typed in 20 tabs of one LPSE, then 20 logins: 20 accounts, none lost', async () => {
    const db = await openRegistry();
    await Promise.all(Array.from({ length: 20 }, (_, i) => decideAndRecord(db, input({ tabId: i, event: { type: 'user-id-submitted', userId: `USER${i}` } }))));
    await Promise.all(Array.from({ length: 20 }, (_, i) => decideAndRecord(db, input({ tabId: i, event: { type: 'page', page: { kind: 'logged-in', role: 'penyedia' }, genuine: true } }))));
    const view = await readRegistry(db);
    expect(view.accounts.map((a) => a.userId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `USER${i}`).sort());
  });

  it('keeps a bounded history (the last 500 observations)', async () => {
    const db = await openRegistry();
    for (let i = 0; i < MAX_OBSERVATIONS + 25; i++) await decideAndRecord(db, input({ now: 1_800_000_000_000 + i, event: { type: 'page', page: { kind: 'other' }, genuine: true } }));
    const view = await readRegistry(db);
    expect(view.observations).toHaveLength(MAX_OBSERVATIONS);
    expect(view.observations[0]!.at).toBe(1_800_000_000_000 + 25);
  });

  it('learns nothing on an address that is not a genuine LPSE', async () => {
    const db = await openRegistry();
    const d = await decideAndRecord(db, input({ genuine: false, event: { type: 'page', page: { kind: 'non-active', replacementUserId: 'EVIL' }, genuine: false } }));
    expect(d.nextAction).toBe('suspicious-site');
    const view = await readRegistry(db);
    expect([view.lpses, view.accounts, view.observations].flat()).toEqual([]);
  });

  it('"Sudah dilaporkan" then "Sudah selesai" move a problem to step 7 and close it', async () => {
    const db = await openRegistry();
    const d = await decideAndRecord(db, input({ event: { type: 'page', page: { kind: 'admin-notice', notice: 'Hubungi LPSE' }, genuine: true } }));
    const id = d.params.problemId!;
    expect(await setProblemState(db, id, 'reported', 5)).toMatchObject({ state: 'reported', reportedAt: 5 });
    expect((await decideAndRecord(db, input({ event: { type: 'page', page: { kind: 'other' }, genuine: true } }))).nextAction).toBe('wait-for-lpse');
    expect(await setProblemState(db, id, 'solved', 6)).toMatchObject({ state: 'solved', solvedAt: 6 });
    expect((await decideAndRecord(db, input({ event: { type: 'page', page: { kind: 'other' }, genuine: true } }))).nextAction).toBeNull();
    expect(await setProblemState(db, 'nope', 'solved', 7)).toBeUndefined();
  });
});
