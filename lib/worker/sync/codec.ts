/**
 * What storage.sync holds, as a compact versioned encoding: one item per record, so a change
 * costs one item and last-writer-wins applies per record. Pure (no browser): the background wires it.
 *
 * Item keys: `a.<account key>` (an account: User ID, penyedia, where registered, activation, replaced-by),
 * `p.<penyedia id>` (label, User ID Default), `q.<problem id>` (an open problem and its state),
 * `l.<LPSE>` (the LPSE's helpdesk contacts), `s.<setting>` (language, confirmed genuine addresses; see
 * SYNCED_SETTINGS), `h.<page kind> <LPSE> <path pattern>` (one "Ini tidak tepat" choice: R19). Never history, per-tab state, last logins, or anything never stored (passwords).
 *
 * Item value: `{ v: 1, c: "<clock>", d: <data> }`, or a removal `{ v: 1, c: "<clock>", x: 1 }` (a tombstone,
 * expired after TOMBSTONE_TTL_MS). Every item read from sync is validated (zod) before anything is applied.
 */
import * as z from 'zod/mini';
import { longLpseKey, shortLpseKey } from '../../spse/hosts';
import {
  accountSchema,
  lpseRecordSchema,
  penyediaSchema,
  problemSchema,
  dismissalSchema,
  settingsSchema,
  userIdSchema,
  type Account,
  type Dismissal,
  type LpseRecord,
  type Penyedia,
  type Problem,
  type Settings,
} from '../../schemas';

export const SYNC_VERSION = 1;

/** The browsers' storage.sync limits (Chrome's; Firefox's are the same or looser). */
export const SYNC_LIMITS = { totalBytes: 102_400, itemBytes: 8_192, items: 512, writesPerMinute: 120, writesPerHour: 1_800 } as const;

/**
 * The settings that follow the penyedia (one item each, `s.<field>`; its schema is settingsSchema's). The
 * "Ini tidak tepat" choices (`dismissed`) travel one item each (`h.`): as one setting they could pass the 8 KB
 * an item may hold, and two devices hiding different pages would overwrite each other.
 */
export const SYNCED_SETTINGS = ['lang', 'confirmedBases'] as const satisfies readonly (keyof Settings)[];
export type SyncedSetting = (typeof SYNCED_SETTINGS)[number];

// ── LPSE keys: `https://spse.inaproc.id/<slug>` travels as `<slug>`, any other key whole ─────────────────
const lpseRef = z.string().check(z.minLength(1), z.maxLength(300));

// ── Compact shapes, as they travel ────────────────────────────────────────────────────────────────────────
const ACT = { activated: 'a', 'not-activated': 'n', 'in-progress': 'i', unknown: 'u' } as const;
const STATE = { open: 'o', reported: 'r', solved: 's' } as const;
const KIND = { 'admin-notice': 'n', 'non-active-without-replacement': 'r' } as const;
const CONTACT = { email: 'e', phone: 'p', whatsapp: 'w', url: 'u', address: 'a' } as const;
const invert = <T extends Record<string, string>>(m: T) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as { [K in keyof T as T[K]]: K };
const ACT_R = invert(ACT), STATE_R = invert(STATE), KIND_R = invert(KIND), CONTACT_R = invert(CONTACT);
const time = z.number().check(z.int(), z.nonnegative());

const accountData = z.strictObject({
  u: userIdSchema,
  p: z.string().check(z.minLength(1), z.maxLength(64)),
  r: z.array(lpseRef).check(z.maxLength(20)),
  a: z.enum(['a', 'n', 'i', 'u']),
  x: z.optional(userIdSchema),
  t: z.optional(z.literal(1)),
});
const penyediaData = z.strictObject({ l: z.optional(z.string().check(z.maxLength(200))), d: z.optional(userIdSchema), c: time });
const problemData = z.strictObject({
  l: lpseRef,
  k: z.enum(['n', 'r']),
  m: z.string().check(z.maxLength(2000)),
  u: z.optional(userIdSchema),
  s: z.enum(['o', 'r', 's']),
  o: time,
  r: z.optional(time),
  z: z.optional(time),
});
const contactsData = z.strictObject({ c: z.array(z.tuple([z.enum(['e', 'p', 'w', 'u', 'a']), z.string().check(z.maxLength(300))])).check(z.maxLength(20)) });

export const clockSchema = z.string().check(z.maxLength(40), z.regex(/^[0-9a-z]{1,12}-[0-9a-z]{1,8}-[0-9a-z]{1,16}$/));
export const itemSchema = z.union([
  z.strictObject({ v: z.literal(SYNC_VERSION), c: clockSchema, d: z.unknown() }),
  z.strictObject({ v: z.literal(SYNC_VERSION), c: clockSchema, x: z.literal(1) }),
]);
export type Item = { v: typeof SYNC_VERSION; c: string; d: unknown } | { v: typeof SYNC_VERSION; c: string; x: 1 };

/** A record as the registry knows it, decoded from an item. */
export type Decoded =
  | { kind: 'account'; record: Pick<Account, 'key' | 'userId' | 'penyediaId' | 'registeredAt' | 'activation' | 'retired'> & Partial<Pick<Account, 'replacedBy'>> }
  | { kind: 'penyedia'; record: Pick<Penyedia, 'id' | 'createdAt'> & Partial<Pick<Penyedia, 'label' | 'defaultUserId'>> }
  | { kind: 'problem'; record: Problem }
  | { kind: 'contacts'; lpseKey: string; contacts: NonNullable<LpseRecord['contacts']> }
  | { kind: 'setting'; field: SyncedSetting; value: unknown }
  | { kind: 'dismissal'; record: Dismissal };

// ── Encoding (registry → items' data) ─────────────────────────────────────────────────────────────────────

export function encodeAccount(a: Account): [string, unknown] {
  return [`a.${a.key}`, { u: a.userId, p: a.penyediaId, r: a.registeredAt.map(shortLpseKey), a: ACT[a.activation], ...(a.replacedBy && { x: a.replacedBy }), ...(a.retired && { t: 1 }) }];
}
export function encodePenyedia(p: Penyedia): [string, unknown] {
  return [`p.${p.id}`, { ...(p.label !== undefined && { l: p.label }), ...(p.defaultUserId && { d: p.defaultUserId }), c: p.createdAt }];
}
export function encodeProblem(p: Problem): [string, unknown] {
  return [
    `q.${p.id}`,
    { l: shortLpseKey(p.lpseKey), k: KIND[p.kind], m: p.notice, ...(p.userId && { u: p.userId }), s: STATE[p.state], o: p.openedAt, ...(p.reportedAt !== undefined && { r: p.reportedAt }), ...(p.solvedAt !== undefined && { z: p.solvedAt }) },
  ];
}
export function encodeContacts(lpseKey: string, contacts: NonNullable<LpseRecord['contacts']>): [string, unknown] {
  return [`l.${shortLpseKey(lpseKey)}`, { c: contacts.map((c) => [CONTACT[c.kind], c.value]) }];
}

/**
 * "Ini tidak tepat" (R19): the key names what was hidden (page kind, LPSE, path pattern: none holds a space),
 * so one choice is one item whichever device made it; the data is the rest.
 */
export const dismissalKey = (d: Pick<Dismissal, 'lpseKey' | 'pattern' | 'pageKind'>) => `h.${d.pageKind} ${shortLpseKey(d.lpseKey)} ${d.pattern}`;
export function encodeDismissal(d: Dismissal): [string, unknown] {
  return [dismissalKey(d), { ...(d.nextAction && { n: d.nextAction }), t: d.at }];
}
const dismissalData = z.strictObject({ n: z.optional(z.string().check(z.maxLength(60))), t: time });

/** A solved problem keeps travelling this long (so "Sudah selesai" reaches the other devices), then leaves. */
export const SOLVED_KEPT_MS = 30 * 24 * 3600 * 1000;

/** What of the registry is synced: item key → data. Pure: the same registry always gives the same map. */
export function project(
  reg: { accounts: Account[]; penyedia: Penyedia[]; problems: Problem[]; lpses: LpseRecord[] },
  settings: Settings,
  now: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = ([k, v]: [string, unknown]) => (out[k] = v);
  reg.accounts.forEach((a) => put(encodeAccount(a)));
  reg.penyedia.forEach((p) => put(encodePenyedia(p)));
  reg.problems.filter((p) => p.state !== 'solved' || (p.solvedAt ?? 0) > now - SOLVED_KEPT_MS).forEach((p) => put(encodeProblem(p)));
  reg.lpses.filter((l) => l.contacts?.length).forEach((l) => put(encodeContacts(l.key, l.contacts!)));
  for (const f of SYNCED_SETTINGS) out[`s.${f}`] = settings[f];
  settings.dismissed.forEach((d) => put(encodeDismissal(d)));
  return out;
}

// ── Decoding (items' data → registry records), validated twice: the compact shape, then the registry's ─

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; issues: string[] };
const fail = (e: z.core.$ZodError): DecodeResult => ({ ok: false, issues: e.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`) });

export function decodeData(key: string, data: unknown): DecodeResult {
  const dot = key.indexOf('.');
  const kind = key.slice(0, dot), id = key.slice(dot + 1);
  if (dot < 1 || !id) return { ok: false, issues: [`unknown key ${key.slice(0, 80)}`] };
  switch (kind) {
    case 'a': {
      const d = accountData.safeParse(data);
      if (!d.success) return fail(d.error);
      const record = { key: id, userId: d.data.u, penyediaId: d.data.p, registeredAt: d.data.r.map(longLpseKey), activation: ACT_R[d.data.a], retired: d.data.t === 1, ...(d.data.x && { replacedBy: d.data.x }) };
      if (record.key !== record.userId.toLowerCase()) return { ok: false, issues: ['key: not the User ID lowercased'] };
      const full = accountSchema.safeParse({ ...record, lastLogin: {}, sources: [] });
      return full.success ? { ok: true, value: { kind: 'account', record } } : fail(full.error);
    }
    case 'p': {
      const d = penyediaData.safeParse(data);
      if (!d.success) return fail(d.error);
      const record = { id, createdAt: d.data.c, ...(d.data.l !== undefined && { label: d.data.l }), ...(d.data.d && { defaultUserId: d.data.d }) };
      const full = penyediaSchema.safeParse(record);
      return full.success ? { ok: true, value: { kind: 'penyedia', record } } : fail(full.error);
    }
    case 'q': {
      const d = problemData.safeParse(data);
      if (!d.success) return fail(d.error);
      const full = problemSchema.safeParse({
        id,
        lpseKey: longLpseKey(d.data.l),
        kind: KIND_R[d.data.k],
        notice: d.data.m,
        ...(d.data.u && { userId: d.data.u }),
        state: STATE_R[d.data.s],
        openedAt: d.data.o,
        ...(d.data.r !== undefined && { reportedAt: d.data.r }),
        ...(d.data.z !== undefined && { solvedAt: d.data.z }),
      });
      return full.success ? { ok: true, value: { kind: 'problem', record: full.data } } : fail(full.error);
    }
    case 'l': {
      const d = contactsData.safeParse(data);
      if (!d.success) return fail(d.error);
      const lpseKey = longLpseKey(id);
      const contacts = d.data.c.map(([k, value]) => ({ kind: CONTACT_R[k], value }));
      const full = lpseRecordSchema.shape.contacts.safeParse(contacts);
      if (!lpseRecordSchema.shape.key.safeParse(lpseKey).success) return { ok: false, issues: ['key: not an LPSE'] };
      return full.success ? { ok: true, value: { kind: 'contacts', lpseKey, contacts } } : fail(full.error);
    }
    case 's': {
      if (!(SYNCED_SETTINGS as readonly string[]).includes(id)) return { ok: false, issues: [`setting ${id.slice(0, 40)} is not synced`] };
      const field = id as SyncedSetting;
      const v = settingsSchema.shape[field].safeParse(data);
      return v.success ? { ok: true, value: { kind: 'setting', field, value: v.data } } : fail(v.error);
    }
    case 'h': {
      const d = dismissalData.safeParse(data);
      if (!d.success) return fail(d.error);
      const [pageKind, lpse, pattern, ...rest] = id.split(' ');
      if (!pageKind || !lpse || !pattern || rest.length) return { ok: false, issues: ['key: not <page kind> <LPSE> <pattern>'] };
      const full = dismissalSchema.safeParse({ lpseKey: longLpseKey(lpse), pattern, pageKind, nextAction: d.data.n ?? null, at: d.data.t });
      return full.success ? { ok: true, value: { kind: 'dismissal', record: full.data } } : fail(full.error);
    }
  }
  return { ok: false, issues: [`unknown key ${key.slice(0, 80)}`] };
}

/** An item's size as the browsers count it against their quotas: the key plus the value's JSON. */
export const itemBytes = (key: string, value: unknown) => key.length + JSON.stringify(value).length;

/** A value's canonical JSON (keys sorted): equal data, equal text, whichever device encoded it. */
export function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

/** A decoded record encoded again (the same data as travelled): for models and checks. */
export function encodeDecoded(d: Decoded): [string, unknown] {
  switch (d.kind) {
    case 'account':
      return encodeAccount({ ...d.record, lastLogin: {}, sources: [] });
    case 'penyedia':
      return encodePenyedia(d.record);
    case 'problem':
      return encodeProblem(d.record);
    case 'contacts':
      return encodeContacts(d.lpseKey, d.contacts);
    case 'setting':
      return [`s.${d.field}`, d.value];
    case 'dismissal':
      return encodeDismissal(d.record);
  }
}
