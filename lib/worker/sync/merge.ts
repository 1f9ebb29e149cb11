/**
 * Merging with storage.sync so that every device converges. Pure: no browser, no database.
 *
 * - Each record (item) carries a hybrid logical clock `<ms>-<counter>-<device>` (base 36): last writer wins,
 *   the device id breaking ties, so two devices always agree on the winner.
 * - A removal is a tombstone item with its clock; tombstones expire after TOMBSTONE_TTL_MS (a device offline
 *   longer than that may bring a removed record back — the price of a store that must stay under 100 KB).
 * - The store itself is last-arrival-wins (the browser's sync servers): a device that sees an older clock
 *   than its own for a record writes its own again, so the store ends with the newest.
 * - A local value never synced yet yields to a value already in sync for the same record (turning sync on
 *   with data on both sides keeps what the other devices agreed on, and adds what only this one had).
 */
import { canon, decodeData, itemSchema, SYNC_VERSION, type Decoded, type Item } from './codec';

export const TOMBSTONE_TTL_MS = 30 * 24 * 3600 * 1000;

export interface Clock {
  t: number;
  n: number;
  d: string;
}
export const formatClock = (c: Clock) => `${c.t.toString(36)}-${c.n.toString(36)}-${c.d}`;
export function parseClock(s: string): Clock {
  const [t, n, d] = s.split('-');
  return { t: parseInt(t!, 36), n: parseInt(n!, 36), d: d! };
}
export function compareClocks(a: Clock, b: Clock): number {
  return a.t - b.t || a.n - b.n || (a.d < b.d ? -1 : a.d > b.d ? 1 : 0);
}
/** The next clock of this device (a local write). */
export function tick(last: Clock, now: number): Clock {
  const t = Math.max(last.t, now);
  return { t, n: t === last.t ? last.n + 1 : 0, d: last.d };
}
/** This device's clock after seeing a remote one (so its next write is later than everything it saw). */
export function witness(last: Clock, remote: Clock, now: number): Clock {
  const t = Math.max(last.t, remote.t, now);
  const n = t === last.t && t === remote.t ? Math.max(last.n, remote.n) : t === last.t ? last.n : t === remote.t ? remote.n : 0;
  return { t, n, d: last.d };
}

/** What this device knows of each synced record: its clock and canonical data (null: removed). */
export interface SyncState {
  device: string;
  clock: string;
  entries: Record<string, { c: string; h: string | null }>;
  /** Keys whose item the store has not yet confirmed (a write failed or is still to come). */
  dirty: string[];
}
export const newSyncState = (device: string): SyncState => ({ device, clock: formatClock({ t: 0, n: 0, d: device }), entries: {}, dirty: [] });

export interface StepResult {
  state: SyncState;
  /** Items to write to storage.sync (one batched set), and keys to remove from it (expired tombstones). */
  set: Record<string, Item>;
  remove: string[];
  /** What to apply to the registry (one transaction). */
  put: Record<string, Decoded>;
  del: string[];
  /** Items from sync that failed validation: never applied (quarantine them, report them). */
  refused: { key: string; value: unknown; issues: string[] }[];
  /** For "what it merged": records taken from sync, records this device sent. */
  taken: number;
  sent: number;
}

const itemOf = (c: string, h: string | null): Item => (h === null ? { v: SYNC_VERSION, c, x: 1 } : { v: SYNC_VERSION, c, d: JSON.parse(h) as unknown });

/**
 * One sync step: the registry's current projection (`local`, item key → data) and what arrived from sync
 * (`remote`, key → value; `undefined` for a removed item) give what to write and what to apply.
 * Local changes get their clocks first — stamped `editedAt`, when the penyedia made them, not when the batch
 * runs: an edit made before another device's must lose to it even if its batch goes out later — then the
 * remote items are merged by clock.
 */
export function step(prev: SyncState, local: Record<string, unknown>, remote: Record<string, unknown>, now: number, editedAt = now): StepResult {
  const entries = { ...prev.entries };
  let clock = parseClock(prev.clock);
  const dirty = new Set(prev.dirty);
  const out: StepResult = { state: prev, set: {}, remove: [], put: {}, del: [], refused: [], taken: 0, sent: 0 };

  // Validate what arrived: a bad item is refused whole, and never applied.
  const arrived: Record<string, { c: Clock; cs: string; h: string | null; decoded?: Decoded }> = {};
  for (const [key, value] of Object.entries(remote)) {
    if (value === undefined) continue;
    const item = itemSchema.safeParse(value);
    if (!item.success) {
      out.refused.push({ key, value, issues: item.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`) });
      continue;
    }
    if ('x' in item.data) {
      arrived[key] = { c: parseClock(item.data.c), cs: item.data.c, h: null };
      continue;
    }
    const decoded = decodeData(key, item.data.d);
    if (!decoded.ok) {
      out.refused.push({ key, value, issues: decoded.issues });
      continue;
    }
    arrived[key] = { c: parseClock(item.data.c), cs: item.data.c, h: canon(item.data.d), decoded: decoded.value };
  }

  // Local changes since the last step get this device's next clocks (a never-synced value yields to sync's).
  const stage = (key: string, h: string | null) => {
    clock = tick(clock, Math.min(editedAt, now));
    entries[key] = { c: formatClock(clock), h };
    dirty.add(key);
  };
  for (const [key, data] of Object.entries(local)) {
    const h = canon(data);
    const e = entries[key];
    if (e?.h === h) continue;
    if (!e && arrived[key]) continue;
    stage(key, h);
  }
  // A record gone from the registry since the last step: a removal (settled with what arrives by the clocks).
  for (const [key, e] of Object.entries(entries)) if (e.h !== null && !(key in local)) stage(key, null);

  // Merge by clock: the newer wins; an older one arriving is answered with ours.
  for (const [key, a] of Object.entries(arrived)) {
    clock = witness(clock, a.c, now);
    const e = entries[key];
    const cmp = e ? compareClocks(a.c, parseClock(e.c)) : 1;
    if (cmp > 0) {
      entries[key] = { c: a.cs, h: a.h };
      dirty.delete(key);
      const had = key in local;
      if (a.h !== null && a.decoded && canon(local[key]) !== a.h) {
        out.put[key] = a.decoded;
        out.taken++;
      } else if (a.h === null && had) {
        out.del.push(key);
        out.taken++;
      }
    } else if (cmp < 0) dirty.add(key);
  }

  // Tombstones past their time leave the store.
  for (const [key, e] of Object.entries(entries))
    if (e.h === null && parseClock(e.c).t + TOMBSTONE_TTL_MS < now) {
      delete entries[key];
      dirty.delete(key);
      out.remove.push(key);
    }

  for (const key of dirty) {
    const e = entries[key];
    if (e) out.set[key] = itemOf(e.c, e.h);
  }
  out.sent = Object.keys(out.set).length;
  out.state = { device: prev.device, clock: formatClock(clock), entries, dirty: [...dirty] };
  return out;
}

/** After the store accepted a write: those keys are no longer dirty (unless they changed again since). */
export function confirm(state: SyncState, written: Record<string, Item>): SyncState {
  const dirty = state.dirty.filter((k) => !(written[k] && state.entries[k]?.c === written[k].c));
  return { ...state, dirty };
}
