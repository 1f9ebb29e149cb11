/**
 * The registry's operations. Each observation is one readwrite transaction: validated before it opens,
 * with no non-IndexedDB await inside it, so observations from many tabs at once never lose an update.
 */
import { closeTx, readAll, readOne, validated, type RegistryDb, type Tx } from './db';
import {
  DEFAULT_SETTINGS,
  dismissalSchema,
  EXPORT_FORMAT,
  MAX_DISMISSALS,
  exportSchema,
  problemSchema,
  SCHEMA_VERSION,
  settingsSchema,
  type Account,
  type Attempt,
  type Dismissal,
  type ExportFile,
  type Learned,
  type LpseRecord,
  type ObservationRecord,
  type Penyedia,
  type Problem,
  type QuarantineRecord,
  type Settings,
} from '../../schemas';
import type { SettableProblemState } from '../../schemas';

export const MAX_OBSERVATIONS = 500;
const OBSERVE_STORES = ['lpses', 'penyedia', 'accounts', 'problems', 'attempts', 'observations', 'quarantine'] as const;

/** What an observation reads, inside its one transaction: the registry as the SOP needs it at this tab. */
export interface ObservationRead {
  lpses: LpseRecord[];
  penyedia: Penyedia[];
  accounts: Account[];
  problems: Problem[];
  attempt?: Attempt;
}

/** What an observation writes, in the same transaction: the page seen and everything learned from it. */
export interface ObservationWrite {
  tabId: number;
  /** The LPSE's key (its spse.inaproc.id address when known) and what the address says of it. */
  lpse: { key: string; base: string; name?: string; generation: LpseRecord['generation'] };
  now: number;
  /** The page seen and the advice given (none for a submitted User ID). */
  page?: { kind: ObservationRecord['pageKind']; nextAction: ObservationRecord['nextAction'] };
  learned: Learned;
  /** The LPSE's own helpdesk, as its notice names it. */
  contacts?: NonNullable<LpseRecord['contacts']>;
}

/** One observation's transaction: read, then (after the caller decides, with no other await) write. */
export function openObservation(db: RegistryDb): Tx {
  return db.transaction([...OBSERVE_STORES], 'readwrite') as unknown as Tx;
}

export async function readObservation(tx: Tx, tabId: number, onQuarantine?: (q: QuarantineRecord) => void): Promise<ObservationRead> {
  const [lpses, penyedia, accounts, problems, attempt] = await Promise.all([
    readAll(tx, 'lpses', onQuarantine),
    readAll(tx, 'penyedia', onQuarantine),
    readAll(tx, 'accounts', onQuarantine),
    readAll(tx, 'problems', onQuarantine),
    readOne(tx, 'attempts', tabId, onQuarantine),
  ]);
  return { lpses, penyedia, accounts, problems, ...(attempt && { attempt }) };
}

/** Writes what was learned and commits; every record is validated before the first write (one that fails aborts it all). */
export async function writeObservation(tx: Tx, read: ObservationRead, w: ObservationWrite): Promise<void> {
  const { lpse, now, learned } = w;
  const lpseRecord = read.lpses.find((r) => r.key === lpse.key);
  let puts: (() => Promise<unknown>)[];
  try {
    // This LPSE exists (step 1: "what is remembered"): name, address, generation, last visit, its helpdesk.
    const contacts = [...(lpseRecord?.contacts ?? []), ...(w.contacts ?? [])];
    const unique = contacts.filter((c, i) => contacts.findIndex((d) => d.kind === c.kind && d.value === c.value) === i).slice(0, 20);
    const record: LpseRecord = validated('lpses', {
      ...lpseRecord,
      key: lpse.key,
      bases: [...new Set([...(lpseRecord?.bases ?? []), lpse.base])].slice(-10),
      ...((lpse.name ?? lpseRecord?.name) && { name: lpse.name ?? lpseRecord?.name }),
      generation: lpse.generation,
      lastVisit: now,
      ...(unique.length && { contacts: unique }),
    });
    const penyediaRecords = learned.penyedia.map((p) => validated('penyedia', p));
    const accountRecords = learned.accounts.map((a) => validated('accounts', a));
    const problemRecords = learned.problems.map((p) => validated('problems', p));
    const attemptRecord = learned.attempt ? validated('attempts', learned.attempt) : learned.attempt;
    const obs: ObservationRecord | undefined = w.page
      ? validated('observations', {
          at: now,
          lpseKey: lpse.key,
          tabId: w.tabId,
          pageKind: w.page.kind,
          nextAction: w.page.nextAction,
          genuine: true,
          ...(read.attempt?.userId && { userId: read.attempt.userId }),
        })
      : undefined;
    puts = [
      () => tx.objectStore('lpses').put(record),
      ...penyediaRecords.map((p) => () => tx.objectStore('penyedia').put(p)),
      ...accountRecords.map((a) => () => tx.objectStore('accounts').put(a)),
      ...problemRecords.map((p) => () => tx.objectStore('problems').put(p)),
      ...(attemptRecord === null ? [() => tx.objectStore('attempts').delete(w.tabId)] : attemptRecord ? [() => tx.objectStore('attempts').put(attemptRecord)] : []),
      ...(obs ? [() => tx.objectStore('observations').add(obs)] : []),
    ];
  } catch (e) {
    (tx as unknown as IDBTransaction).abort();
    await closeTx(tx).catch(() => {});
    throw e;
  }
  await Promise.all(puts.map((put) => put()));
  await trimObservations(tx);
  await closeTx(tx);
}

/** Keeps the history bounded: the last MAX_OBSERVATIONS observations. */
async function trimObservations(tx: Tx): Promise<void> {
  const store = tx.objectStore('observations');
  let excess = (await store.count()) - MAX_OBSERVATIONS;
  for (let c = await store.openCursor(); c && excess > 0; c = await c.continue(), excess--) await c.delete();
}

/** Everything the registry holds, validated (for the popup, options, export and tests). */
export interface RegistryView {
  lpses: LpseRecord[];
  penyedia: Penyedia[];
  accounts: Account[];
  problems: Problem[];
  attempts: Attempt[];
  observations: ObservationRecord[];
  quarantine: QuarantineRecord[];
}

export async function readRegistry(db: RegistryDb, onQuarantine?: (q: QuarantineRecord) => void): Promise<RegistryView> {
  const tx = db.transaction([...OBSERVE_STORES], 'readwrite') as unknown as Tx;
  const [lpses, penyedia, accounts, problems, attempts, observations] = await Promise.all([
    readAll(tx, 'lpses', onQuarantine),
    readAll(tx, 'penyedia', onQuarantine),
    readAll(tx, 'accounts', onQuarantine),
    readAll(tx, 'problems', onQuarantine),
    readAll(tx, 'attempts', onQuarantine),
    readAll(tx, 'observations', onQuarantine),
  ]);
  const quarantine = await tx.objectStore('quarantine').getAll();
  await closeTx(tx);
  return { lpses, penyedia, accounts, problems, attempts, observations, quarantine };
}

/** "Sudah dilaporkan" moves a problem to step 7; "Sudah selesai" closes it. */
export async function setProblemState(db: RegistryDb, id: string, state: SettableProblemState, now: number): Promise<Problem | undefined> {
  const tx = db.transaction(['problems', 'quarantine'], 'readwrite') as unknown as Tx;
  const p = await readOne(tx, 'problems', id);
  if (!p) {
    await closeTx(tx);
    return undefined;
  }
  const next = validated('problems', { ...p, state, ...(state === 'reported' ? { reportedAt: now } : { solvedAt: now }) });
  await tx.objectStore('problems').put(next);
  await closeTx(tx);
  return next;
}

/** What the penyedia states in the UI (options and welcome pages): where an account is registered, its User ID Default, its activation. */
export interface Statement {
  userId: string;
  /** LPSE keys where this User ID is registered (replaces what was known). */
  registeredAt?: string[];
  /** This User ID is the User ID Default of its penyedia. */
  isDefault?: boolean;
  /** Put the account in this penyedia's group (a profile may serve several penyedia). */
  penyediaId?: string;
  /** A name for the penyedia (company). */
  label?: string;
  /**
   * Whether the account is activated for ADP, as the penyedia answers ("sudah", "belum", "tidak tahu"). A
   * statement never overrides what SPSE's own pages showed: see `statedActivation`.
   */
  activation?: 'activated' | 'not-activated' | 'unknown';
}

/**
 * The activation after the penyedia's answer. What SPSE's own pages showed stands: an activation a roaming
 * login proved (SPSE lets only activated accounts roam) and one under way (its page was seen) are changed by
 * no "belum" or "tidak tahu". Otherwise the answer is taken at the penyedia's word (so a "sudah" said by
 * mistake can be taken back); no answer changes nothing.
 */
export function statedActivation(account: Pick<Account, 'activation' | 'lastLogin'> | undefined, stated: Statement['activation']): Account['activation'] {
  const current = account?.activation ?? 'unknown';
  if (stated === undefined) return current;
  if (stated === 'activated') return 'activated';
  const shownBySpse = current === 'in-progress' || (current === 'activated' && Object.values(account?.lastLogin ?? {}).some((l) => l.mode === 'roaming'));
  return shownBySpse ? current : stated;
}

export async function recordStatement(db: RegistryDb, st: Statement, now: number, newId: () => string): Promise<{ account: Account; penyedia: Penyedia }> {
  const tx = db.transaction(['accounts', 'penyedia', 'quarantine'], 'readwrite') as unknown as Tx;
  const key = st.userId.toLowerCase();
  const existing = await readOne(tx, 'accounts', key);
  const penyediaId = st.penyediaId ?? existing?.penyediaId ?? newId();
  const current = await readOne(tx, 'penyedia', penyediaId);
  const source = { from: 'penyedia' as const, at: now };
  let account: Account, penyedia: Penyedia;
  try {
    account = validated('accounts', {
      ...(existing ?? { key, userId: st.userId, activation: 'unknown', retired: false, lastLogin: {}, sources: [] }),
      penyediaId,
      ...(st.registeredAt && { registeredAt: [...new Set(st.registeredAt)] }),
      ...(!existing && !st.registeredAt && { registeredAt: [] }),
      activation: statedActivation(existing, st.activation),
      sources: [...(existing?.sources ?? []), source].slice(-50),
    });
    penyedia = validated('penyedia', {
      ...(current ?? { id: penyediaId, createdAt: now }),
      ...(st.label !== undefined && { label: st.label }),
      ...(st.isDefault && { defaultUserId: st.userId, defaultSource: source }),
    });
  } catch (e) {
    (tx as unknown as IDBTransaction).abort();
    await closeTx(tx).catch(() => {});
    throw e;
  }
  await Promise.all([tx.objectStore('accounts').put(account), tx.objectStore('penyedia').put(penyedia)]);
  await closeTx(tx);
  return { account, penyedia };
}

// ── Settings, export, import, erase ─────────────────────────────────────────────────────────────────────

export async function readSettings(db: RegistryDb): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await db.get('meta', 'settings'));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeSettings(db: RegistryDb, change: Partial<Settings>): Promise<Settings> {
  const tx = db.transaction(['meta'], 'readwrite') as unknown as Tx;
  const current = settingsSchema.safeParse(await tx.objectStore('meta').get('settings'));
  const next = settingsSchema.parse({ ...(current.success ? current.data : DEFAULT_SETTINGS), ...change });
  await tx.objectStore('meta').put(next, 'settings');
  await closeTx(tx);
  return next;
}

/** Whether the advice of this page (LPSE, path pattern, page kind) was hidden by the penyedia (R19). */
export function isDismissed(settings: Settings, d: Pick<Dismissal, 'lpseKey' | 'pattern' | 'pageKind'>): boolean {
  return settings.dismissed.some((x) => sameDismissal(x, d));
}

const sameDismissal = (a: Pick<Dismissal, 'lpseKey' | 'pattern' | 'pageKind'>, b: Pick<Dismissal, 'lpseKey' | 'pattern' | 'pageKind'>) =>
  a.lpseKey === b.lpseKey && a.pattern === b.pattern && a.pageKind === b.pageKind;

/** "Ini tidak tepat" (R19): remembered once per (LPSE, pattern, page kind), the newest last, the oldest dropped beyond the bound. */
export async function addDismissal(db: RegistryDb, d: Dismissal): Promise<Settings> {
  const entry = dismissalSchema.parse(d);
  const tx = db.transaction(['meta'], 'readwrite') as unknown as Tx;
  const current = settingsSchema.safeParse(await tx.objectStore('meta').get('settings'));
  const settings = current.success ? current.data : DEFAULT_SETTINGS;
  const dismissed = [...settings.dismissed.filter((x) => !sameDismissal(x, entry)), entry].slice(-MAX_DISMISSALS);
  const next = settingsSchema.parse({ ...settings, dismissed });
  await tx.objectStore('meta').put(next, 'settings');
  await closeTx(tx);
  return next;
}

/** "Tampilkan lagi" in Settings: the advice of that page shows again. False when it was not hidden. */
export async function removeDismissal(db: RegistryDb, d: Pick<Dismissal, 'lpseKey' | 'pattern' | 'pageKind'>): Promise<boolean> {
  const tx = db.transaction(['meta'], 'readwrite') as unknown as Tx;
  const current = settingsSchema.safeParse(await tx.objectStore('meta').get('settings'));
  const settings = current.success ? current.data : DEFAULT_SETTINGS;
  const dismissed = settings.dismissed.filter((x) => !sameDismissal(x, d));
  if (dismissed.length !== settings.dismissed.length) await tx.objectStore('meta').put(settingsSchema.parse({ ...settings, dismissed }), 'settings');
  await closeTx(tx);
  return dismissed.length !== settings.dismissed.length;
}

export async function exportRegistry(db: RegistryDb, now: number): Promise<ExportFile> {
  const view = await readRegistry(db);
  return exportSchema.parse({
    format: EXPORT_FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: now,
    settings: await readSettings(db),
    lpses: view.lpses,
    penyedia: view.penyedia,
    accounts: view.accounts,
    problems: view.problems,
    observations: view.observations.map(({ seq: _seq, ...o }) => o),
  });
}

const DATA_STORES = ['lpses', 'penyedia', 'accounts', 'problems', 'attempts', 'observations', 'quarantine', 'meta'] as const;

/** Replaces everything with the file's contents, in one transaction: all or nothing. */
export async function importRegistry(db: RegistryDb, file: ExportFile): Promise<void> {
  const tx = db.transaction([...DATA_STORES], 'readwrite') as unknown as Tx;
  await Promise.all(DATA_STORES.map((s) => tx.objectStore(s as never).clear()));
  const puts: Promise<unknown>[] = [tx.objectStore('meta').put(file.settings, 'settings')];
  for (const r of file.lpses) puts.push(tx.objectStore('lpses').put(r));
  for (const r of file.penyedia) puts.push(tx.objectStore('penyedia').put(r));
  for (const r of file.accounts) puts.push(tx.objectStore('accounts').put(r));
  for (const r of file.problems) puts.push(tx.objectStore('problems').put(r));
  for (const r of file.observations) puts.push(tx.objectStore('observations').add(r));
  await Promise.all(puts);
  await closeTx(tx);
}

export async function eraseRegistry(db: RegistryDb): Promise<void> {
  const tx = db.transaction([...DATA_STORES], 'readwrite') as unknown as Tx;
  await Promise.all(DATA_STORES.map((s) => tx.objectStore(s as never).clear()));
  await closeTx(tx);
}

/** The LPSE's own helpdesk (learned from its pages, or given by the penyedia). */
export async function addLpseContacts(db: RegistryDb, key: string, contacts: NonNullable<LpseRecord['contacts']>, replace = false): Promise<void> {
  const tx = db.transaction(['lpses', 'quarantine'], 'readwrite') as unknown as Tx;
  const record = await readOne(tx, 'lpses', key);
  if (record) {
    const merged = replace ? contacts : [...(record.contacts ?? []), ...contacts];
    const unique = merged.filter((c, i) => merged.findIndex((d) => d.kind === c.kind && d.value === c.value) === i).slice(0, 20);
    await tx.objectStore('lpses').put(validated('lpses', { ...record, contacts: unique }));
  }
  await closeTx(tx);
}

/** What the popup shows: accounts, penyedia and unsolved problems (not the history, not every LPSE). */
export interface RegistrySummary {
  penyedia: Penyedia[];
  accounts: Account[];
  problems: Problem[];
}

export async function readSummary(db: RegistryDb, onQuarantine?: (q: QuarantineRecord) => void): Promise<RegistrySummary> {
  const tx = db.transaction(['penyedia', 'accounts', 'problems', 'quarantine'], 'readwrite') as unknown as Tx;
  const [penyedia, accounts, problems] = await Promise.all([readAll(tx, 'penyedia', onQuarantine), readAll(tx, 'accounts', onQuarantine), readAll(tx, 'problems', onQuarantine)]);
  await closeTx(tx);
  return { penyedia, accounts, problems: problems.filter((p) => p.state !== 'solved') };
}

/** One LPSE's record and its unsolved problems (for its contact panel), without reading the rest. */
export async function readLpseContext(db: RegistryDb, key: string): Promise<{ record?: LpseRecord; problems: Problem[] }> {
  const tx = db.transaction(['lpses', 'problems', 'quarantine'], 'readwrite') as unknown as Tx;
  const [record, raw] = await Promise.all([readOne(tx, 'lpses', key), tx.objectStore('problems').index('byLpse').getAll(key)]);
  await closeTx(tx);
  const problems = raw.flatMap((p) => {
    const parsed = problemSchema.safeParse(p);
    return parsed.success && parsed.data.state !== 'solved' ? [parsed.data] : [];
  });
  return { ...(record && { record }), problems: problems.sort((a, b) => a.openedAt - b.openedAt) };
}

/** One problem, validated. */
export async function readProblem(db: RegistryDb, id: string): Promise<Problem | undefined> {
  const tx = db.transaction(['problems', 'quarantine'], 'readwrite') as unknown as Tx;
  const p = await readOne(tx, 'problems', id);
  await closeTx(tx);
  return p;
}

/** The penyedia removes a User ID from SPSE Assist (not from SPSE): its penyedia's Default is cleared if it was
 * that one, and a penyedia left without accounts goes too. */
export async function forgetAccount(db: RegistryDb, userId: string): Promise<boolean> {
  const tx = db.transaction(['accounts', 'penyedia', 'quarantine'], 'readwrite') as unknown as Tx;
  const key = userId.toLowerCase();
  const account = await readOne(tx, 'accounts', key);
  if (!account) {
    await closeTx(tx);
    return false;
  }
  await tx.objectStore('accounts').delete(key);
  const rest = (await tx.objectStore('accounts').index('byPenyedia').getAll(account.penyediaId)).length;
  const penyedia = await readOne(tx, 'penyedia', account.penyediaId);
  if (penyedia && rest === 0) await tx.objectStore('penyedia').delete(penyedia.id);
  else if (penyedia && penyedia.defaultUserId?.toLowerCase() === key) {
    const { defaultUserId: _d, defaultSource: _s, ...kept } = penyedia;
    await tx.objectStore('penyedia').put(validated('penyedia', kept));
  }
  await closeTx(tx);
  return true;
}

/**
 * The penyedia's answer to "Yang mana User ID Default Anda?" from the assistant in an SPSE page (R17): only an
 * account already known, of a penyedia with more than one account, can become the Default. False otherwise.
 */
export async function chooseDefault(db: RegistryDb, userId: string, now: number): Promise<boolean> {
  const tx = db.transaction(['accounts', 'penyedia', 'quarantine'], 'readwrite') as unknown as Tx;
  const account = await readOne(tx, 'accounts', userId.toLowerCase());
  const siblings = account ? (await readAll(tx, 'accounts')).filter((a) => a.penyediaId === account.penyediaId && !a.retired) : [];
  const current = account && (await readOne(tx, 'penyedia', account.penyediaId));
  if (!account || account.retired || siblings.length < 2) {
    await closeTx(tx);
    return false;
  }
  const source = { from: 'penyedia' as const, at: now };
  const penyedia = validated('penyedia', { ...(current ?? { id: account.penyediaId, createdAt: now }), defaultUserId: account.userId, defaultSource: source });
  await tx.objectStore('penyedia').put(penyedia);
  await closeTx(tx);
  return true;
}
