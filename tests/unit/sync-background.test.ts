// The background's sync wiring (lib/worker/sync.ts) with two registries (fake-indexeddb) and one shared
// fake storage.sync relayed between them, as the browser's sync servers would: off writes nothing; on merges
// and says what it merged; a change on one reaches the other; a corrupt item is quarantined, never applied;
// a full store is told and loses nothing locally.
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { upgrade, type RegistryDb, type RegistrySchema } from '@/lib/worker/registry/db';
import { addDismissal, readRegistry, readSettings, recordStatement, removeDismissal, writeSettings } from '@/lib/worker/registry/registry';
import { SCHEMA_VERSION } from '@/lib/schemas';
import { createSync, type SyncArea } from '@/lib/worker/sync';

const open = (name: string) => openDB<RegistrySchema>(name, SCHEMA_VERSION, { upgrade: (db, o, n, tx) => upgrade(db, o, n ?? SCHEMA_VERSION, tx) }) as Promise<RegistryDb>;

/** One store, two devices: each device's writes reach the other's onChanged when `relay()` is called. */
function sharedStore(opts: { quota?: number; rateLimited?: () => boolean } = {}) {
  const data: Record<string, unknown> = {};
  const listeners: ((c: Record<string, { newValue?: unknown }>) => Promise<unknown>)[] = [];
  const pending: Record<string, { newValue?: unknown }>[] = [];
  let writes = 0;
  const area: SyncArea = {
    get: async () => structuredClone(data),
    set: async (items) => {
      const next = { ...data, ...items };
      if (opts.quota && JSON.stringify(next).length > opts.quota) throw new Error('QUOTA_BYTES quota exceeded');
      if (opts.rateLimited?.()) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
      writes++;
      Object.assign(data, structuredClone(items));
      pending.push(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: structuredClone(v) }])));
    },
    remove: async (keys) => {
      for (const k of keys) delete data[k];
    },
  };
  return {
    data,
    area,
    writes: () => writes,
    listen: (f: (typeof listeners)[number]) => listeners.push(f),
    async relay() {
      while (pending.length) {
        const c = pending.shift()!;
        for (const l of listeners) await l(c);
      }
    },
  };
}

let n = 0;
async function device(store: ReturnType<typeof sharedStore>, id: string) {
  globalThis.indexedDB ??= new IDBFactory();
  const db = await open(`sync-test-${n++}`);
  let t = Date.UTC(2026, 11, 1) + n * 1000;
  const sync = createSync({ db: async () => db, area: store.area, now: () => (t += 10), newDevice: () => id, setTimeout: () => 0, clearTimeout: () => {} });
  store.listen((c) => sync.onChanged(c));
  // The debounce is the caller's: tests push at once.
  const push = async () => {
    await sync.onChanged({});
    await sync.idle();
  };
  return { db, sync, push };
}
const newId = (() => {
  let i = 0;
  return () => `id${i++}`;
})();

describe('sync in the background (two registries, one relayed storage.sync)', () => {
  it('off: nothing is written to storage.sync', async () => {
    const store = sharedStore();
    const a = await device(store, 'deva');
    await recordStatement(a.db, { userId: 'SENTOSA01', registeredAt: ['https://spse.inaproc.id/jakarta'], isDefault: true }, 1, newId);
    await a.push();
    a.sync.schedule();
    expect(store.writes()).toBe(0);
    expect(store.data).toEqual({});
    expect((await a.sync.status()).enabled).toBe(false);
  });

  it('on with data on both sides: merges, says what it merged; a change then reaches the other; off keeps local data', async () => {
    const store = sharedStore();
    const a = await device(store, 'deva');
    const b = await device(store, 'devb');
    const { penyedia } = await recordStatement(a.db, { userId: 'MITRAKARYA', registeredAt: ['https://spse.inaproc.id/kemkes'] }, 1, newId);
    await recordStatement(a.db, { userId: 'MITRAKARYA.BTG', registeredAt: ['https://spse.inaproc.id/batangkab'], penyediaId: penyedia.id }, 1, newId);
    await writeSettings(a.db, { lang: 'en' });
    await recordStatement(b.db, { userId: 'SENTOSA01', registeredAt: ['https://spse.inaproc.id/jakarta'] }, 1, newId);
    const sa = await a.sync.setEnabled(true);
    expect(sa.merged).toMatchObject({ taken: 0, sent: 5 });
    await store.relay();
    const sb = await b.sync.setEnabled(true);
    expect(sb.merged).toMatchObject({ taken: 4, sent: 2 });
    await store.relay();
    const [va, vb] = [await readRegistry(a.db), await readRegistry(b.db)];
    expect(va.accounts.map((x) => x.userId).sort()).toEqual(['MITRAKARYA', 'MITRAKARYA.BTG', 'SENTOSA01']);
    expect(vb.accounts.map((x) => x.userId).sort()).toEqual(['MITRAKARYA', 'MITRAKARYA.BTG', 'SENTOSA01']);
    expect((await readSettings(b.db)).lang).toBe('en');
    // The User ID Default set on A shows on B.
    await recordStatement(a.db, { userId: 'MITRAKARYA', isDefault: true }, 2, newId);
    await a.push();
    await store.relay();
    expect((await readRegistry(b.db)).penyedia.find((p) => p.id === penyedia.id)?.defaultUserId).toBe('MITRAKARYA');
    // Off: the local data stays, and nothing more is written.
    await b.sync.setEnabled(false);
    const before = store.writes();
    await recordStatement(b.db, { userId: 'BARU01' }, 3, newId);
    await b.push();
    expect(store.writes()).toBe(before);
    expect((await readRegistry(b.db)).accounts).toHaveLength(4);
  });

  it('"Ini tidak tepat" choices follow the penyedia, one item each: hidden on either device, hidden on both; shown again on one, shown on both', async () => {
    const store = sharedStore();
    const a = await device(store, 'deva');
    const b = await device(store, 'devb');
    const jkt = { lpseKey: 'https://spse.inaproc.id/jakarta', pattern: '/dashboard', pageKind: 'non-active' as const, nextAction: 'use-replacement-account' as const, at: 5 };
    const old = { lpseKey: 'https://lpse.jatengprov.go.id/eproc4', pattern: '/dashboard', pageKind: 'admin-notice' as const, nextAction: null, at: 6 };
    await addDismissal(a.db, jkt);
    await addDismissal(b.db, old);
    await a.sync.setEnabled(true);
    await store.relay();
    await b.sync.setEnabled(true);
    await store.relay();
    const keys = (d: { lpseKey: string; pageKind: string }[]) => d.map((x) => `${x.pageKind} ${x.lpseKey}`).sort();
    expect(keys((await readSettings(a.db)).dismissed)).toEqual(['admin-notice https://lpse.jatengprov.go.id/eproc4', 'non-active https://spse.inaproc.id/jakarta']);
    expect(keys((await readSettings(b.db)).dismissed)).toEqual(keys((await readSettings(a.db)).dismissed));
    expect(Object.keys(store.data).filter((k) => k.startsWith('h.')).sort()).toEqual(['h.admin-notice https://lpse.jatengprov.go.id/eproc4 /dashboard', 'h.non-active jakarta /dashboard']);
    // "Tampilkan lagi" on B: the advice shows again on A too.
    expect(await removeDismissal(b.db, jkt)).toBe(true);
    await b.push();
    await store.relay();
    expect(keys((await readSettings(a.db)).dismissed)).toEqual(['admin-notice https://lpse.jatengprov.go.id/eproc4']);
    expect((await readSettings(a.db)).dismissed[0]).toEqual(old);
  });

  it('a corrupt item from sync is quarantined and reported, never applied', async () => {
    const store = sharedStore();
    const a = await device(store, 'deva');
    await a.sync.setEnabled(true);
    await a.sync.onChanged({ 'a.sentosa01': { newValue: { v: 1, c: 'zzzz-0-evil', d: { u: 'SENTOSA01', p: 'x', r: ['<script>'], a: 'a', password: 'x' } } } });
    const v = await readRegistry(a.db);
    expect(v.accounts).toEqual([]);
    expect(v.quarantine.map((q) => q.store)).toEqual(['sync']);
    expect((await a.sync.status()).refused).toBe(1);
  });

  it('a full store is told, and loses nothing locally; written once there is room', async () => {
    const store = sharedStore({ quota: 400 });
    const a = await device(store, 'deva');
    await a.sync.setEnabled(true);
    for (let i = 0; i < 5; i++) await recordStatement(a.db, { userId: `AKUN${i}`, registeredAt: ['https://spse.inaproc.id/jakarta'] }, 1, newId);
    await a.push();
    const s = await a.sync.status();
    expect(s.problem).toBe('quota');
    expect((await readRegistry(a.db)).accounts).toHaveLength(5);
  });

  it('the rate limit is told, nothing is lost, and what waited is written once writes are allowed again', async () => {
    let limited = true;
    const store = sharedStore({ rateLimited: () => limited });
    const a = await device(store, 'deva');
    await a.sync.setEnabled(true);
    expect((await a.sync.status()).problem).toBe('rate');
    await recordStatement(a.db, { userId: 'SENTOSA01' }, 1, newId);
    await a.push();
    expect(store.data).toEqual({});
    limited = false;
    await a.push();
    expect((await a.sync.status()).problem).toBeUndefined();
    expect(Object.keys(store.data).sort()).toEqual(expect.arrayContaining(['a.sentosa01', 's.lang', 's.confirmedBases']));
  });
});
