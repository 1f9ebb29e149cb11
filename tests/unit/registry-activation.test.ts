// What the penyedia answers about an account's ADP activation ("sudah", "belum", "tidak tahu") through
// `penyedia/state` (the welcome page's setup, Settings): applied as their statement, with its source kept,
// never overriding what SPSE's own pages showed (a roaming login, the activation page).
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeRegistry, openRegistry, type RegistryDb } from '@/lib/worker/registry/db';
import { readRegistry, statedActivation, recordStatement } from '@/lib/worker/registry/registry';
import { decideAndRecord, type DecisionInput } from '@/lib/worker/decide-and-record';
import { anyRequestSchema } from '@/lib/protocol';

const KMK = 'https://spse.inaproc.id/kemkes';
const BTG = 'https://spse.inaproc.id/batangkab';
const JKT = 'https://spse.inaproc.id/jakarta';
const NOW = 1_800_000_000_000;

let ids = 0;
const newId = () => `p-${++ids}`;

beforeEach(async () => {
  await closeRegistry();
  globalThis.indexedDB = new IDBFactory();
});

/** One page or User ID seen at an LPSE, as the content script reports it. */
function at(key: string, event: DecisionInput['event'], tabId = 1): DecisionInput {
  return { tabId, lpse: { key, base: key, generation: '4.5' }, genuine: true, event, readySaid: false, nameOf: () => undefined, now: NOW, newId };
}

async function accountOf(db: RegistryDb, userId: string) {
  return (await readRegistry(db)).accounts.find((a) => a.userId === userId);
}

describe('penyedia/state: activation', () => {
  it('the protocol takes "activated", "not-activated" and "unknown", nothing else', () => {
    for (const activation of ['activated', 'not-activated', 'unknown'])
      expect(anyRequestSchema.safeParse({ type: 'penyedia/state', userId: 'MITRAKARYA', activation }).success, activation).toBe(true);
    for (const activation of ['in-progress', 'sudah', true, null])
      expect(anyRequestSchema.safeParse({ type: 'penyedia/state', userId: 'MITRAKARYA', activation }).success, String(activation)).toBe(false);
  });

  it('"sudah" and "belum" are stored as the penyedia states them, each statement with its source and time', async () => {
    const db = await openRegistry();
    await recordStatement(db, { userId: 'MITRAKARYA', registeredAt: [KMK], activation: 'activated' }, NOW, newId);
    await recordStatement(db, { userId: 'MITRAKARYA.BTG', registeredAt: [BTG], activation: 'not-activated' }, NOW + 1, newId);
    expect(await accountOf(db, 'MITRAKARYA')).toMatchObject({ activation: 'activated', registeredAt: [KMK], sources: [{ from: 'penyedia', at: NOW }] });
    expect(await accountOf(db, 'MITRAKARYA.BTG')).toMatchObject({ activation: 'not-activated', sources: [{ from: 'penyedia', at: NOW + 1 }] });
    // A later answer changes it, and is recorded beside the first.
    await recordStatement(db, { userId: 'MITRAKARYA.BTG', activation: 'activated' }, NOW + 2, newId);
    expect(await accountOf(db, 'MITRAKARYA.BTG')).toMatchObject({ activation: 'activated', registeredAt: [BTG], sources: [{ from: 'penyedia', at: NOW + 1 }, { from: 'penyedia', at: NOW + 2 }] });
  });

  it('"tidak tahu" on a new account leaves it unknown, and takes back an earlier answer; no answer changes nothing', async () => {
    const db = await openRegistry();
    await recordStatement(db, { userId: 'SENTOSA01', activation: 'unknown' }, NOW, newId);
    expect(await accountOf(db, 'SENTOSA01')).toMatchObject({ activation: 'unknown' });
    await recordStatement(db, { userId: 'BERKAHJAYA', activation: 'not-activated' }, NOW, newId);
    await recordStatement(db, { userId: 'BERKAHJAYA', registeredAt: [BTG] }, NOW + 1, newId);
    expect(await accountOf(db, 'BERKAHJAYA')).toMatchObject({ activation: 'not-activated', registeredAt: [BTG] });
    await recordStatement(db, { userId: 'BERKAHJAYA', activation: 'unknown' }, NOW + 2, newId);
    expect(await accountOf(db, 'BERKAHJAYA')).toMatchObject({ activation: 'unknown' });
  });

  it('a roaming login proved the activation: neither "tidak tahu" nor "belum" undoes it', async () => {
    const db = await openRegistry();
    await recordStatement(db, { userId: 'MITRAKARYA', registeredAt: [KMK] }, NOW, newId);
    // Logged in at Jakarta, where MITRAKARYA is not registered: roaming, so activated (RULES.md R5).
    await decideAndRecord(db, at(JKT, { type: 'user-id-submitted', userId: 'MITRAKARYA' }));
    await decideAndRecord(db, at(JKT, { type: 'page', page: { kind: 'logged-in', role: 'penyedia' }, genuine: true }));
    const learned = await accountOf(db, 'MITRAKARYA');
    expect(learned).toMatchObject({ activation: 'activated', lastLogin: { [JKT]: { mode: 'roaming' } } });

    await recordStatement(db, { userId: 'MITRAKARYA', activation: 'unknown' }, NOW + 1, newId);
    expect(await accountOf(db, 'MITRAKARYA')).toMatchObject({ activation: 'activated' });
    await recordStatement(db, { userId: 'MITRAKARYA', activation: 'not-activated' }, NOW + 2, newId);
    const after = await accountOf(db, 'MITRAKARYA');
    expect(after).toMatchObject({ activation: 'activated' });
    // Both statements are still recorded as the penyedia's.
    expect(after!.sources.slice(-2)).toEqual([{ from: 'penyedia', at: NOW + 1 }, { from: 'penyedia', at: NOW + 2 }]);
  });

  it('an activation stated earlier (not proven) can be corrected to "belum"; one under way stays under way', async () => {
    const db = await openRegistry();
    await recordStatement(db, { userId: 'CAHAYATIMUR', activation: 'activated' }, NOW, newId);
    await recordStatement(db, { userId: 'CAHAYATIMUR', activation: 'not-activated' }, NOW + 1, newId);
    expect(await accountOf(db, 'CAHAYATIMUR')).toMatchObject({ activation: 'not-activated' });

    // The activation page was seen for BERKAHJAYA at Batang (RULES.md R4): in progress.
    await decideAndRecord(db, at(BTG, { type: 'user-id-submitted', userId: 'BERKAHJAYA' }, 2));
    await decideAndRecord(db, at(BTG, { type: 'page', page: { kind: 'activation' }, genuine: true }, 2));
    expect(await accountOf(db, 'BERKAHJAYA')).toMatchObject({ activation: 'in-progress' });
    await recordStatement(db, { userId: 'BERKAHJAYA', activation: 'not-activated' }, NOW + 2, newId);
    await recordStatement(db, { userId: 'BERKAHJAYA', activation: 'unknown' }, NOW + 3, newId);
    expect(await accountOf(db, 'BERKAHJAYA')).toMatchObject({ activation: 'in-progress' });
    await recordStatement(db, { userId: 'BERKAHJAYA', activation: 'activated' }, NOW + 4, newId);
    expect(await accountOf(db, 'BERKAHJAYA')).toMatchObject({ activation: 'activated' });
  });

  it('statedActivation, case by case', () => {
    const roamed = { activation: 'activated' as const, lastLogin: { [JKT]: { at: 1, mode: 'roaming' as const } } };
    const localOnly = { activation: 'activated' as const, lastLogin: { [KMK]: { at: 1, mode: 'local' as const } } };
    expect(statedActivation(undefined, undefined)).toBe('unknown');
    expect(statedActivation(undefined, 'not-activated')).toBe('not-activated');
    expect(statedActivation(roamed, 'not-activated')).toBe('activated');
    expect(statedActivation(localOnly, 'not-activated')).toBe('not-activated');
    expect(statedActivation(localOnly, 'unknown')).toBe('unknown');
    expect(statedActivation(roamed, 'unknown')).toBe('activated');
    expect(statedActivation(roamed, undefined)).toBe('activated');
    expect(statedActivation({ activation: 'in-progress', lastLogin: {} }, 'unknown')).toBe('in-progress');
    expect(statedActivation({ activation: 'not-activated', lastLogin: {} }, 'activated')).toBe('activated');
  });
});
