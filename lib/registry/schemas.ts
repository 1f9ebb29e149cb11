/**
 * The registry's records: what SPSE Assist remembers of the penyedia's LPSEs, accounts and problems.
 * Every record is validated with these schemas on write and on read (a record that fails on read is
 * quarantined, never silently dropped). Never a password: no schema has a place for one.
 */
import * as z from 'zod';
import { NEXT_ACTIONS } from '../sop/actions';
import { PAGE_KINDS } from '../spse/page-kinds';

export const SCHEMA_VERSION = 3;

export const userIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9._@-]+$/);
export const lpseKeySchema = z.string().max(300).regex(/^https?:\/\/[^/]+\/[^/]+$/);
const time = z.number().int().nonnegative();

/** Where a fact came from, and when (issue 4: "record where each fact came from and when"). */
export const sourceSchema = z.strictObject({
  from: z.enum(['user-id-field', 'logged-in-page', 'activation-page', 'non-active-page', 'admin-notice', 'login-failed', 'penyedia', 'import']),
  lpseKey: lpseKeySchema.optional(),
  at: time,
});
export type Source = z.infer<typeof sourceSchema>;

export const lpseRecordSchema = z.strictObject({
  key: lpseKeySchema,
  /** Addresses this LPSE was seen at (origin + base path): its spse.inaproc.id key and old aliases. */
  bases: z.array(z.string().max(300)).max(10),
  name: z.string().max(200).optional(),
  generation: z.enum(['4.5', '4.x', '3.x']),
  lastVisit: time,
  /** The LPSE's own helpdesk, when learned from its pages or given by the penyedia (issue 5). */
  contacts: z.array(z.strictObject({ kind: z.enum(['email', 'phone', 'whatsapp', 'url', 'address']), value: z.string().max(300) })).max(20).optional(),
});
export type LpseRecord = z.infer<typeof lpseRecordSchema>;

export const penyediaSchema = z.strictObject({
  id: z.string().min(1).max(64),
  /** A name the penyedia gives (company), optional. */
  label: z.string().max(200).optional(),
  /** The User ID Default (SOP step 3) when known. */
  defaultUserId: userIdSchema.optional(),
  defaultSource: sourceSchema.optional(),
  createdAt: time,
});
export type Penyedia = z.infer<typeof penyediaSchema>;

export const activationSchema = z.enum(['unknown', 'not-activated', 'in-progress', 'activated']);

export const accountSchema = z.strictObject({
  /** The User ID lowercased: SPSE User IDs are compared case-insensitively. */
  key: z.string().min(1).max(64),
  userId: userIdSchema,
  penyediaId: z.string().min(1).max(64),
  /** LPSEs where this account is registered (login lokal). More than one is a conflict the penyedia resolves. */
  registeredAt: z.array(lpseKeySchema).max(20),
  activation: activationSchema,
  /** Set when a non-active page named the account that replaces this one (SOP step 5). */
  replacedBy: userIdSchema.optional(),
  retired: z.boolean(),
  lastLogin: z.record(lpseKeySchema, z.strictObject({ at: time, mode: z.enum(['local', 'roaming', 'unknown']) })),
  sources: z.array(sourceSchema).max(50),
});
export type Account = z.infer<typeof accountSchema>;

export const problemSchema = z.strictObject({
  id: z.string().min(1).max(64),
  lpseKey: lpseKeySchema,
  kind: z.enum(['admin-notice', 'non-active-without-replacement']),
  notice: z.string().max(2000),
  userId: userIdSchema.optional(),
  state: z.enum(['open', 'reported', 'solved']),
  openedAt: time,
  reportedAt: time.optional(),
  solvedAt: time.optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** One login attempt in one tab: it spans several pages, and the worker may stop in between. */
export const attemptSchema = z.strictObject({
  tabId: z.number().int().nonnegative(),
  lpseKey: lpseKeySchema,
  userId: userIdSchema.optional(),
  startedAt: time,
  updatedAt: time,
});
export type Attempt = z.infer<typeof attemptSchema>;

export const observationSchema = z.strictObject({
  seq: z.number().int().positive().optional(),
  at: time,
  lpseKey: lpseKeySchema,
  tabId: z.number().int().nonnegative(),
  pageKind: z.enum(PAGE_KINDS),
  nextAction: z.enum(NEXT_ACTIONS).nullable(),
  genuine: z.boolean(),
  userId: userIdSchema.optional(),
});
export type ObservationRecord = z.infer<typeof observationSchema>;

export const quarantineSchema = z.strictObject({
  id: z.number().int().positive().optional(),
  store: z.string(),
  at: time,
  issues: z.array(z.string()).max(20),
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
 * word — the LPSE, the page's path pattern (lib/spse/path-pattern.ts), the page kind and next action it was about,
 * and when.
 */
export const dismissalSchema = z.strictObject({
  lpseKey: lpseKeySchema,
  pattern: z.string().min(1).max(300).regex(/^\/[\x21-\x7e]*$/),
  pageKind: z.enum(PAGE_KINDS),
  nextAction: z.enum(NEXT_ACTIONS).nullable(),
  at: time,
});
export type Dismissal = z.infer<typeof dismissalSchema>;
/** The most dismissals kept: a new one beyond this drops the oldest. */
export const MAX_DISMISSALS = 200;

/** The penyedia's settings (kept in the registry's `meta` store under `settings`). */
export const settingsSchema = z.strictObject({
  lang: z.enum(['id', 'en']),
  /** Addresses the penyedia confirms as genuine LPSEs (origin + base path, HTTPS only). */
  confirmedBases: z.array(z.string().max(300).regex(/^https:\/\/[^/]+\/[^/]+$/)).max(50),
  /** LPSEs where the penyedia collapsed the assistant. */
  collapsed: z.array(lpseKeySchema).max(1000),
  /** Pages whose advice the penyedia hid ("Ini tidak tepat", R19). Absent in settings and exports made before it. */
  dismissed: z.array(dismissalSchema).max(MAX_DISMISSALS).default([]),
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
  lpses: z.array(lpseRecordSchema).max(2000),
  penyedia: z.array(penyediaSchema).max(200),
  accounts: z.array(accountSchema).max(1000),
  problems: z.array(problemSchema).max(2000),
  observations: z.array(observationSchema).max(500),
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
