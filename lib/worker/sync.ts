/**
 * Opt-in sync through the browser's own storage.sync: the wiring around the pure lib/worker/sync/.
 * Off by default; while off nothing is read from or written to storage.sync. Each step reads the registry,
 * merges (lib/worker/sync/merge.ts) and applies what sync brought in ONE readwrite transaction (no other await
 * inside it), then writes the batch to storage.sync. Local writes are debounced; a full store or the
 * browser's rate limit is recorded for Settings and loses nothing locally (the keys stay dirty, retried).
 */
import { longLpseKey, onSpseHost } from '../spse/hosts';
import { closeTx, readAll, validated, type RegistryDb, type Tx } from './registry/db';
import { DEFAULT_SETTINGS, MAX_DISMISSALS, settingsSchema, type Account, type LpseRecord, type Settings } from '../schemas';
import { dismissalKey, itemBytes, project, SYNC_LIMITS, type Decoded } from './sync/codec';
import { confirm, newSyncState, step, type StepResult, type SyncState } from './sync/merge';

/** storage.sync as the background uses it (the browser's, or a fake in tests). */
export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export type SyncProblem = 'quota' | 'rate' | 'failed';
export interface SyncStatus {
  enabled: boolean;
  /** The last write that failed and why (cleared by the next that succeeds). */
  problem?: SyncProblem;
  problemAt?: number;
  /** What the last turning-on merged: records taken from sync, records sent from this browser. */
  merged?: { taken: number; sent: number; at: number };
  /** Items from sync refused (failed validation; quarantined, never applied). */
  refused: number;
  lastSync?: number;
}

interface SyncMeta {
  enabled: boolean;
  state: SyncState;
  status: SyncStatus;
}

const META_KEY = 'sync';
export const DEBOUNCE_MS = 1500;
export const RATE_RETRY_MS = 60_000;
const STORES = ['lpses', 'penyedia', 'accounts', 'problems', 'quarantine', 'meta'] as const;

export interface SyncDeps {
  db: () => Promise<RegistryDb>;
  area: SyncArea;
  now?: () => number;
  newDevice?: () => string;
  /** Open SPSE tabs ask for their advice again (something changed here). */
  refreshTabs?: () => Promise<void>;
  log?: (reason: string) => void;
  /** Timers (tests pass their own). */
  setTimeout?: (f: () => void, ms: number) => unknown;
  clearTimeout?: (t: unknown) => void;
}

const randomDevice = () => Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');

export function createSync(deps: SyncDeps) {
  const now = deps.now ?? Date.now;
  const setT = deps.setTimeout ?? ((f, ms) => globalThis.setTimeout(f, ms));
  const clearT = deps.clearTimeout ?? ((t) => globalThis.clearTimeout(t as number));
  let queue: Promise<unknown> = Promise.resolve();
  let timer: unknown;
  /** When the last local change not yet synced was made (its records' clocks say when, not the batch). */
  let editedAt: number | undefined;
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const p = queue.then(f, f);
    queue = p.catch(() => {});
    return p;
  };

  async function readMeta(db: RegistryDb): Promise<SyncMeta | undefined> {
    return (await db.get('meta', META_KEY)) as SyncMeta | undefined;
  }

  /**
   * One step, in one transaction: read the registry, merge with `remote`, apply, save the sync state.
   * Then write to storage.sync. `join`: this is turning sync on (the report says what it merged).
   */
  async function run(remote: Record<string, unknown>, join = false): Promise<StepResult | undefined> {
    const db = await deps.db();
    // While off, one read of one key and nothing else: no transaction over the registry's stores.
    if (!join && !(await readMeta(db))?.enabled) return undefined;
    const t = now();
    const tx = db.transaction([...STORES], 'readwrite') as unknown as Tx;
    const meta = (await tx.objectStore('meta').get(META_KEY)) as SyncMeta | undefined;
    if (!meta?.enabled && !join) {
      await closeTx(tx);
      return undefined;
    }
    const [lpses, penyedia, accounts, problems] = await Promise.all([readAll(tx, 'lpses'), readAll(tx, 'penyedia'), readAll(tx, 'accounts'), readAll(tx, 'problems')]);
    const parsedSettings = settingsSchema.safeParse(await tx.objectStore('meta').get('settings'));
    const settings: Settings = parsedSettings.success ? parsedSettings.data : DEFAULT_SETTINGS;
    const state = meta?.state ?? newSyncState((deps.newDevice ?? randomDevice)());
    const r = step(state, project({ lpses, penyedia, accounts, problems }, settings, t), remote, t, editedAt ?? t);
    editedAt = undefined;
    const writes: Promise<unknown>[] = [];
    let nextSettings = settings;
    // Settings and "Ini tidak tepat" choices are one record of the registry (meta `settings`): written once.
    const withoutDismissal = (key: string) => nextSettings.dismissed.filter((x) => dismissalKey(x) !== key);
    for (const [key, d] of Object.entries(r.put)) {
      if (d.kind === 'setting') nextSettings = { ...nextSettings, [d.field]: d.value };
      else if (d.kind === 'dismissal') nextSettings = { ...nextSettings, dismissed: [...withoutDismissal(key), d.record].slice(-MAX_DISMISSALS) };
      else writes.push(applyRecord(tx, d, { accounts, lpses, t }));
    }
    for (const key of r.del) {
      if (key.startsWith('h.')) nextSettings = { ...nextSettings, dismissed: withoutDismissal(key) };
      else writes.push(removeRecord(tx, key, { accounts, lpses }));
    }
    if (nextSettings !== settings) writes.push(tx.objectStore('meta').put(settingsSchema.parse(nextSettings), 'settings'));
    for (const bad of r.refused) writes.push(tx.objectStore('quarantine').add({ store: 'sync', at: t, issues: bad.issues, record: { key: bad.key, value: bad.value } }));
    const status: SyncStatus = {
      ...(meta?.status ?? { refused: 0 }),
      enabled: true,
      refused: (meta?.status.refused ?? 0) + r.refused.length,
      lastSync: t,
      ...(join && { merged: { taken: r.taken, sent: r.sent, at: t } }),
    };
    writes.push(tx.objectStore('meta').put({ enabled: true, state: r.state, status } satisfies SyncMeta, META_KEY));
    await Promise.all(writes);
    await closeTx(tx);
    for (const bad of r.refused) deps.log?.(`sync: refused item ${bad.key.slice(0, 80)}: ${bad.issues.join('; ')}`);
    if (Object.keys(r.put).length || r.del.length) await deps.refreshTabs?.().catch(() => {});
    await write(db, r);
    return r;
  }

  /** The batch to storage.sync; on success the keys are confirmed, on failure the problem is recorded. */
  async function write(db: RegistryDb, r: StepResult): Promise<void> {
    let problem: SyncProblem | undefined;
    if (Object.keys(r.set).length) {
      const total = Object.entries(r.state.entries).reduce((n, [k, e]) => n + itemBytes(k, { v: 1, c: e.c, ...(e.h === null ? { x: 1 } : { d: JSON.parse(e.h) }) }), 0);
      const tooBig = Object.entries(r.set).some(([k, v]) => itemBytes(k, v) > SYNC_LIMITS.itemBytes);
      if (tooBig || total > SYNC_LIMITS.totalBytes || Object.keys(r.state.entries).length > SYNC_LIMITS.items) problem = 'quota';
      else
        try {
          await deps.area.set(r.set);
        } catch (e) {
          const m = String((e as Error)?.message ?? e);
          problem = /quota|QUOTA_BYTES|MAX_ITEMS|too large|exceed/i.test(m) && !/WRITE_OPERATIONS/i.test(m) ? 'quota' : /WRITE_OPERATIONS|rate|throttl/i.test(m) ? 'rate' : 'failed';
          deps.log?.(`sync: write failed (${problem}): ${m}`);
        }
    }
    if (r.remove.length) await deps.area.remove(r.remove).catch((e: unknown) => deps.log?.(`sync: remove failed: ${String(e)}`));
    await update(db, (m) => ({
      ...m,
      state: problem ? m.state : confirm(m.state, r.set),
      status: { ...m.status, ...(problem ? { problem, problemAt: now() } : { problem: undefined, problemAt: undefined }) },
    }));
    if (problem) schedule(problem === 'rate' ? RATE_RETRY_MS : RATE_RETRY_MS / 2);
  }

  async function update(db: RegistryDb, f: (m: SyncMeta) => SyncMeta): Promise<void> {
    const tx = db.transaction(['meta'], 'readwrite') as unknown as Tx;
    const m = (await tx.objectStore('meta').get(META_KEY)) as SyncMeta | undefined;
    if (m) {
      const next = f(m);
      if (next.status.problem === undefined) delete next.status.problem;
      if (next.status.problemAt === undefined) delete next.status.problemAt;
      await tx.objectStore('meta').put(next, META_KEY);
    }
    await closeTx(tx);
  }

  /** A local change: sync it soon (batched). */
  function schedule(ms = DEBOUNCE_MS): void {
    if (timer !== undefined) clearT(timer);
    timer = setT(() => {
      timer = undefined;
      void serial(() => run({})).catch((e: unknown) => deps.log?.(`sync: ${String(e)}`));
    }, ms);
  }

  return {
    /** A local change was just made (or may be pending, at start): sync it soon, stamped with now. */
    schedule: () => {
      editedAt = now();
      schedule();
    },
    /** storage.onChanged for the `sync` area. */
    onChanged(changes: Record<string, { newValue?: unknown }>): Promise<unknown> {
      const remote = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.newValue]));
      return serial(() => run(remote)).catch((e: unknown) => deps.log?.(`sync: ${String(e)}`));
    },
    /** Turns sync on (merging with what sync holds, and saying what it merged) or off (local data kept). */
    setEnabled(enabled: boolean): Promise<SyncStatus> {
      return serial(async () => {
        const db = await deps.db();
        if (enabled) {
          const remote = await deps.area.get();
          await run(remote, true);
        } else await update(db, (m) => ({ ...m, enabled: false, status: { ...m.status, enabled: false } }));
        return status(db);
      });
    },
    async status(): Promise<SyncStatus> {
      return status(await deps.db());
    },
    /** Waits for the steps under way (tests). */
    idle: () => serial(async () => {}),
  };

  async function status(db: RegistryDb): Promise<SyncStatus> {
    const m = await readMeta(db);
    return m ? { ...m.status, enabled: m.enabled } : { enabled: false, refused: 0 };
  }
}
export type SyncControl = ReturnType<typeof createSync>;

/** A record from sync into the registry: synced fields replaced, this browser's own (last logins, sources) kept. */
async function applyRecord(tx: Tx, d: Exclude<Decoded, { kind: 'setting' | 'dismissal' }>, ctx: { accounts: Account[]; lpses: LpseRecord[]; t: number }): Promise<unknown> {
  switch (d.kind) {
    case 'account': {
      const mine = ctx.accounts.find((a) => a.key === d.record.key);
      const { replacedBy: _r, ...kept } = mine ?? { lastLogin: {}, sources: [] };
      return tx.objectStore('accounts').put(validated('accounts', { ...kept, lastLogin: mine?.lastLogin ?? {}, sources: mine?.sources ?? [], ...d.record }));
    }
    case 'penyedia': {
      const current = (await tx.objectStore('penyedia').get(d.record.id)) as Record<string, unknown> | undefined;
      const { label: _l, defaultUserId: _d, ...kept } = current ?? {};
      return tx.objectStore('penyedia').put(validated('penyedia', { ...kept, ...d.record, ...(d.record.defaultUserId && !current?.defaultSource && { defaultSource: { from: 'penyedia', at: ctx.t } }) }));
    }
    case 'problem':
      return tx.objectStore('problems').put(validated('problems', d.record));
    case 'contacts': {
      const record = ctx.lpses.find((l) => l.key === d.lpseKey);
      // An LPSE this browser has not visited yet: known by its address, never as visited (lastVisit 0).
      const base = record ?? { key: d.lpseKey, bases: [], generation: onSpseHost(d.lpseKey) ? ('4.5' as const) : ('4.x' as const), lastVisit: 0 };
      return tx.objectStore('lpses').put(validated('lpses', { ...base, contacts: d.contacts }));
    }
  }
}

/** A removal from sync: the record goes (an LPSE only loses its helpdesk contacts). */
async function removeRecord(tx: Tx, key: string, ctx: { accounts: Account[]; lpses: LpseRecord[] }): Promise<unknown> {
  const id = key.slice(2);
  switch (key[0]) {
    case 'a':
      return tx.objectStore('accounts').delete(id);
    case 'p':
      return tx.objectStore('penyedia').delete(id);
    case 'q':
      return tx.objectStore('problems').delete(id);
    case 'l': {
      const lpseKey = longLpseKey(id);
      const record = ctx.lpses.find((l) => l.key === lpseKey);
      if (!record) return;
      const { contacts: _c, ...rest } = record;
      return tx.objectStore('lpses').put(rest);
    }
  }
}

/** The browser's storage.sync as a SyncArea. */
export function browserSyncArea(sync: { get(k: null): Promise<Record<string, unknown>>; set(i: Record<string, unknown>): Promise<void>; remove(k: string[]): Promise<void> }): SyncArea {
  return { get: () => sync.get(null), set: (i) => sync.set(i), remove: (k) => sync.remove(k) };
}
