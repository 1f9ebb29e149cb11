/**
 * The registry's IndexedDB database (through idb). Owned by the background service worker.
 * Versioned from day one: each version's upgrade step is kept, so any older database upgrades in order.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import {
  SCHEMA_VERSION,
  STORES,
  type Account,
  type Attempt,
  type LpseRecord,
  type ObservationRecord,
  type Penyedia,
  type Problem,
  type QuarantineRecord,
  type StoreName,
} from '../../schemas';

// zod/mini carries no messages: issues would all read "Invalid input". The background (its only context) says
// what is wrong in English, as classic zod did, for quarantine entries (shown in Settings) and its log.
z.config(en());

export const DB_NAME = 'spse-assist';

export interface RegistrySchema extends DBSchema {
  lpses: { key: string; value: LpseRecord };
  penyedia: { key: string; value: Penyedia };
  accounts: { key: string; value: Account; indexes: { byPenyedia: string } };
  problems: { key: string; value: Problem; indexes: { byLpse: string } };
  attempts: { key: number; value: Attempt };
  observations: { key: number; value: ObservationRecord };
  quarantine: { key: number; value: QuarantineRecord };
  meta: { key: string; value: unknown };
}

export type RegistryDb = IDBPDatabase<RegistrySchema>;
export type Tx<Mode extends IDBTransactionMode = 'readwrite'> = IDBPTransaction<RegistrySchema, StoreNames<RegistrySchema>[], Mode>;

/**
 * Upgrade steps, one per version. Version 1 (first release): LPSEs, penyedia, accounts, problems,
 * observations, quarantine, meta. Version 2: per-tab login attempts, problems indexed by LPSE, and
 * accounts gain `sources` (where each fact came from). Version 3: replacement accounts registered where the
 * account they replace is (not where its non-active page was met).
 */
export function upgrade(
  db: IDBPDatabase<RegistrySchema>,
  oldVersion: number,
  newVersion: number,
  tx: IDBPTransaction<RegistrySchema, StoreNames<RegistrySchema>[], 'versionchange'>,
) {
  const raw = db as unknown as IDBPDatabase;
  if (oldVersion < 1 && newVersion >= 1) {
    raw.createObjectStore('lpses', { keyPath: 'key' });
    raw.createObjectStore('penyedia', { keyPath: 'id' });
    raw.createObjectStore('accounts', { keyPath: 'key' }).createIndex('byPenyedia', 'penyediaId');
    raw.createObjectStore('problems', { keyPath: 'id' });
    raw.createObjectStore('observations', { keyPath: 'seq', autoIncrement: true });
    raw.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
    raw.createObjectStore('meta');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    raw.createObjectStore('attempts', { keyPath: 'tabId' });
    tx.objectStore('problems').createIndex('byLpse', 'lpseKey');
    // Version-1 accounts had no `sources`: they gain an empty list, every other field kept as it was.
    void (async () => {
      for (let c = await tx.objectStore('accounts').openCursor(); c; c = await c.continue()) {
        const v = c.value as Partial<Account>;
        if (!Array.isArray(v.sources)) await c.update({ ...v, sources: [] } as Account);
      }
    })();
  }
  if (oldVersion < 3 && newVersion >= 3) {
    // Replacements were recorded as registered where their non-active page was met, also while roaming
    // (lib/sop/RULES.md R6): they belong where the replaced account is registered.
    void (async () => {
      const store = tx.objectStore('accounts');
      const all = (await store.getAll()) as Account[];
      for (const old of all) {
        const replacement = old.replacedBy && all.find((a) => a.key === old.replacedBy!.toLowerCase());
        if (!replacement || !Array.isArray(replacement.registeredAt)) continue;
        const learnedElsewhere = (lpse: string) => (replacement.sources ?? []).some((s) => s.lpseKey === lpse && s.from !== 'non-active-page');
        const kept = replacement.registeredAt.filter((l) => (old.registeredAt ?? []).includes(l) || learnedElsewhere(l));
        const registeredAt = [...new Set([...kept, ...(old.registeredAt ?? [])])].slice(-20);
        if (registeredAt.join() !== replacement.registeredAt.join()) await store.put({ ...replacement, registeredAt });
      }
    })();
  }
}

let opening: Promise<RegistryDb> | undefined;

export function openRegistry(): Promise<RegistryDb> {
  opening ??= openDB<RegistrySchema>(DB_NAME, SCHEMA_VERSION, {
    upgrade: (db, oldVersion, newVersion, tx) => upgrade(db, oldVersion, newVersion ?? SCHEMA_VERSION, tx),
    blocking: () => {
      // A newer version of the extension wants the database: let it go, reopen on next use.
      void opening?.then((db) => db.close());
      opening = undefined;
    },
    terminated: () => (opening = undefined),
  });
  return opening;
}

/** For tests: close and forget the cached connection. */
export async function closeRegistry(): Promise<void> {
  const db = await opening?.catch(() => undefined);
  db?.close();
  opening = undefined;
}

export class InvalidRecordError extends Error {
  constructor(
    readonly store: string,
    readonly issues: string[],
  ) {
    super(`invalid ${store} record: ${issues.join('; ')}`);
  }
}

const issuesOf = (e: z.core.$ZodError) => e.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);

/** Validates a record before it is written; throws (before any transaction opens, where callers validate first). */
export function validated<S extends StoreName>(store: S, record: unknown): z.infer<(typeof STORES)[S]> {
  const parsed = STORES[store].safeParse(record);
  if (!parsed.success) throw new InvalidRecordError(store, issuesOf(parsed.error));
  return parsed.data as z.infer<(typeof STORES)[S]>;
}

/**
 * Reads every record of a store inside `tx`, validating each: a record that fails is moved to
 * quarantine (kept whole, with its issues) and reported through `onQuarantine`, never dropped silently.
 */
export async function readAll<S extends StoreName>(tx: Tx, store: S, onQuarantine?: (q: QuarantineRecord) => void): Promise<z.infer<(typeof STORES)[S]>[]> {
  const out: z.infer<(typeof STORES)[S]>[] = [];
  const os = tx.objectStore(store as StoreNames<RegistrySchema>);
  for (let c = await os.openCursor(); c; c = await c.continue()) {
    const parsed = STORES[store].safeParse(c.value);
    if (parsed.success) out.push(parsed.data as z.infer<(typeof STORES)[S]>);
    else {
      const q: QuarantineRecord = { store, at: Date.now(), issues: issuesOf(parsed.error), record: c.value };
      await tx.objectStore('quarantine').add(q);
      await c.delete();
      onQuarantine?.(q);
    }
  }
  return out;
}

/** Reads one record by key, validating it (quarantined when invalid, then `undefined`). */
export async function readOne<S extends StoreName>(tx: Tx, store: S, key: IDBValidKey, onQuarantine?: (q: QuarantineRecord) => void): Promise<z.infer<(typeof STORES)[S]> | undefined> {
  const os = tx.objectStore(store as StoreNames<RegistrySchema>);
  const value = await os.get(key as never);
  if (value === undefined) return undefined;
  const parsed = STORES[store].safeParse(value);
  if (parsed.success) return parsed.data as z.infer<(typeof STORES)[S]>;
  const q: QuarantineRecord = { store, at: Date.now(), issues: issuesOf(parsed.error), record: value };
  await tx.objectStore('quarantine').add(q);
  await os.delete(key as never);
  onQuarantine?.(q);
  return undefined;
}

/** Waits for a transaction to commit (idb's `done`), typed for our loose Tx alias. */
export function closeTx(tx: Tx): Promise<void> {
  return (tx as unknown as { done: Promise<void> }).done;
}
