/**
 * The registry's records: what SPSE Assist remembers of the penyedia's LPSEs, accounts and problems.
 * Every record is validated with these schemas on write and on read (a record that fails on read is
 * quarantined, never silently dropped). Never a password: no schema has a place for one.
 */
// zod/mini (functions, not methods): these record schemas are also the wire's reply schemas (lib/protocol.ts),
// which every extension page loads; classic zod would add ~14 KB gzipped and its evaluation to each popup open.
import * as z from 'zod/mini';
import { NEXT_ACTIONS } from './sop/actions';
import { CHANNEL_KINDS } from './contact';
import { GENERATIONS, PAGE_KINDS, USER_ID_PATTERN } from './spse/kinds';

export const SCHEMA_VERSION = 3;

export const userIdSchema = z.string().check(z.regex(USER_ID_PATTERN));
export const lpseKeySchema = z.string().check(z.maxLength(300), z.regex(/^https?:\/\/[^/]+\/[^/]+$/));
const time = z.number().check(z.int(), z.nonnegative());
const text = (max: number) => z.string().check(z.maxLength(max));
const id = z.string().check(z.minLength(1), z.maxLength(64));

/** Where a fact came from, and when. */
export const sourceSchema = z.strictObject({
  from: z.enum(['user-id-field', 'logged-in-page', 'activation-page', 'non-active-page', 'admin-notice', 'login-failed', 'penyedia', 'import']),
  lpseKey: z.optional(lpseKeySchema),
  at: time,
});
export type Source = z.infer<typeof sourceSchema>;

export const lpseRecordSchema = z.strictObject({
  key: lpseKeySchema,
  /** Addresses this LPSE was seen at (origin + base path): its spse.inaproc.id key and old aliases. */
  bases: z.array(text(300)).check(z.maxLength(10)),
  name: z.optional(text(200)),
  generation: z.enum(GENERATIONS),
  lastVisit: time,
  /** The LPSE's own helpdesk, when learned from its pages or given by the penyedia. */
  contacts: z.optional(z.array(z.strictObject({ kind: z.enum(CHANNEL_KINDS), value: text(300) })).check(z.maxLength(20))),
});
export type LpseRecord = z.infer<typeof lpseRecordSchema>;

export const penyediaSchema = z.strictObject({
  id,
  /** A name the penyedia gives (company), optional. */
  label: z.optional(text(200)),
  /** The User ID Default (SOP step 3) when known. */
  defaultUserId: z.optional(userIdSchema),
  defaultSource: z.optional(sourceSchema),
  createdAt: time,
});
export type Penyedia = z.infer<typeof penyediaSchema>;

export const activationSchema = z.enum(['unknown', 'not-activated', 'in-progress', 'activated']);

export const accountSchema = z.strictObject({
  /** The User ID lowercased: SPSE User IDs are compared case-insensitively. */
  key: id,
  userId: userIdSchema,
  penyediaId: id,
  /** LPSEs where this account is registered (login lokal). More than one is a conflict the penyedia resolves. */
  registeredAt: z.array(lpseKeySchema).check(z.maxLength(20)),
  activation: activationSchema,
  /** Set when a non-active page named the account that replaces this one (SOP step 5). */
  replacedBy: z.optional(userIdSchema),
  retired: z.boolean(),
  lastLogin: z.record(lpseKeySchema, z.strictObject({ at: time, mode: z.enum(['local', 'roaming', 'unknown']) })),
  sources: z.array(sourceSchema).check(z.maxLength(50)),
});
export type Account = z.infer<typeof accountSchema>;

/** A problem's states: open, reported to the LPSE (*Sudah dilaporkan*), solved (*Sudah selesai*). */
export const PROBLEM_STATES = ['open', 'reported', 'solved'] as const;
export type ProblemState = (typeof PROBLEM_STATES)[number];
/** The states the penyedia sets (a problem opens by itself). */
export type SettableProblemState = Exclude<ProblemState, 'open'>;

export const problemSchema = z.strictObject({
  id,
  lpseKey: lpseKeySchema,
  kind: z.enum(['admin-notice', 'non-active-without-replacement']),
  notice: text(2000),
  userId: z.optional(userIdSchema),
  state: z.enum(PROBLEM_STATES),
  openedAt: time,
  reportedAt: z.optional(time),
  solvedAt: z.optional(time),
});
export type Problem = z.infer<typeof problemSchema>;

/** One login attempt in one tab: it spans several pages, and the worker may stop in between. */
export const attemptSchema = z.strictObject({
  tabId: time,
  lpseKey: lpseKeySchema,
  userId: z.optional(userIdSchema),
  startedAt: time,
  updatedAt: time,
});
export type Attempt = z.infer<typeof attemptSchema>;

const seq = z.number().check(z.int(), z.positive());
export const observationSchema = z.strictObject({
  seq: z.optional(seq),
  at: time,
  lpseKey: lpseKeySchema,
  tabId: time,
  pageKind: z.enum(PAGE_KINDS),
  nextAction: z.nullable(z.enum(NEXT_ACTIONS)),
  genuine: z.boolean(),
  userId: z.optional(userIdSchema),
});
export type ObservationRecord = z.infer<typeof observationSchema>;

export const quarantineSchema = z.strictObject({
  id: z.optional(seq),
  store: z.string(),
  at: time,
  issues: z.array(z.string()).check(z.maxLength(20)),
  /** The record as it was read, kept so nothing is lost (shown in options, exportable). */
  record: z.unknown(),
});
export type QuarantineRecord = z.infer<typeof quarantineSchema>;

/** Stores and their schemas: the one place that says what each store holds. */
export const STORES = {
  lpses: lpseRecordSchema,
  penyedia: penyediaSchema,
  accounts: accountSchema,
  problems: problemSchema,
  attempts: attemptSchema,
  observations: observationSchema,
} as const;
export type StoreName = keyof typeof STORES;

/**
 * "Ini tidak tepat" (lib/sop/RULES.md R19): the advice of one kind of page at one LPSE, hidden at the penyedia's
 * word — the LPSE, the page's path pattern (lib/worker/path-pattern.ts), the page kind and next action it was about,
 * and when.
 */
export const dismissalSchema = z.strictObject({
  lpseKey: lpseKeySchema,
  pattern: z.string().check(z.minLength(1), z.maxLength(300), z.regex(/^\/[\x21-\x7e]*$/)),
  pageKind: z.enum(PAGE_KINDS),
  nextAction: z.nullable(z.enum(NEXT_ACTIONS)),
  at: time,
});
export type Dismissal = z.infer<typeof dismissalSchema>;
/** The most dismissals kept: a new one beyond this drops the oldest. */
export const MAX_DISMISSALS = 200;

/** The penyedia's settings (kept in the registry's `meta` store under `settings`). */
export const settingsSchema = z.strictObject({
  lang: z.enum(['id', 'en']),
  /** Addresses the penyedia confirms as genuine LPSEs (origin + base path, HTTPS only). */
  confirmedBases: z.array(z.string().check(z.maxLength(300), z.regex(/^https:\/\/[^/]+\/[^/]+$/))).check(z.maxLength(50)),
  /** LPSEs where the penyedia collapsed the assistant. */
  collapsed: z.array(lpseKeySchema).check(z.maxLength(1000)),
  /** Pages whose advice the penyedia hid ("Ini tidak tepat", R19). Absent in settings and exports made before it. */
  dismissed: z._default(z.array(dismissalSchema).check(z.maxLength(MAX_DISMISSALS)), () => []),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = { lang: 'id', confirmedBases: [], collapsed: [], dismissed: [] };

/** An export file: everything the registry holds, versioned. */
export const EXPORT_FORMAT = 'spse-assist-export';
export const exportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(SCHEMA_VERSION),
  exportedAt: time,
  settings: settingsSchema,
  lpses: z.array(lpseRecordSchema).check(z.maxLength(2000)),
  penyedia: z.array(penyediaSchema).check(z.maxLength(200)),
  accounts: z.array(accountSchema).check(z.maxLength(1000)),
  problems: z.array(problemSchema).check(z.maxLength(2000)),
  observations: z.array(observationSchema).check(z.maxLength(500)),
});
export type ExportFile = z.infer<typeof exportSchema>;
/** Import files larger than this are refused before parsing. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** What one observation learned, to be written with it (the SOP's rules say it; lib/sop/rules.ts). */
export interface Learned {
  accounts: Account[];
  penyedia: Penyedia[];
  problems: Problem[];
  /** Open or update this tab's attempt; `null` closes it. */
  attempt?: Attempt | null;
  readySaid?: boolean;
}

/** Why a file cannot be imported: what it is not, and where (for the penyedia's language, in Settings). */
export type ImportRefusal = { why: 'format' } | { why: 'version'; version: string } | { why: 'invalid'; path: string; message: string };

/**
 * The one check of an import file: Settings previews with it (pure, so the page loads no database code) and the
 * background checks again before importing; nothing is changed when it refuses.
 */
export function parseImport(raw: unknown): { ok: true; file: ExportFile } | { ok: false; error: string; refusal: ImportRefusal } {
  const refuse = (refusal: ImportRefusal, error: string) => ({ ok: false as const, error, refusal });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return refuse({ why: 'format' }, 'not a JSON object');
  const r = raw as Record<string, unknown>;
  if (r.format !== EXPORT_FORMAT) return refuse({ why: 'format' }, 'not an SPSE Assist export');
  if (r.version !== SCHEMA_VERSION) return refuse({ why: 'version', version: String(r.version).slice(0, 20) }, `version ${String(r.version)} is not supported (expected ${SCHEMA_VERSION})`);
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    const path = i.path.join('.') || 'file';
    return refuse({ why: 'invalid', path, message: i.message }, `${path}: ${i.message}`);
  }
  return { ok: true, file: parsed.data };
}
