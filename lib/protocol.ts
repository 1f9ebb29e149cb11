/**
 * The one map of messages between contexts (content script, assistant UI, popup, options, welcome ↔
 * background): each with its request and reply schema and who may send it. The background validates every
 * request on arrival (size, shape, sender); extension pages check replies with the reply schema; the
 * content script and the assistant's UI import types only (no zod in them) and trust their own background.
 * The request union, the sender rule and the types all derive from this map.
 */
import * as z from 'zod/mini';
import { CHANNEL_KINDS } from './contact';
import { exportSchema, PROBLEM_STATES, quarantineSchema, STORES, settingsSchema, userIdSchema, type SettableProblemState } from './schemas';
import { NEXT_ACTIONS } from './sop/actions';
import { GENERATIONS, LOGIN_STEPS, PAGE_KINDS, ROLES } from './spse/kinds';

/** Replies travel in an envelope so an error is a value, never a silent undefined. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

const text = (max: number) => z.string().check(z.maxLength(max));
const userId = userIdSchema;
const url = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\//));

export const pageResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('login'), step: z.enum(LOGIN_STEPS) }),
  z.strictObject({ kind: z.literal('login-failed'), step: z.enum(LOGIN_STEPS), error: text(400) }),
  z.strictObject({ kind: z.literal('activation') }),
  z.strictObject({ kind: z.literal('non-active'), replacementUserId: z.optional(userId) }),
  z.strictObject({ kind: z.literal('admin-notice'), notice: text(2000), contactText: z.optional(text(1000)) }),
  z.strictObject({ kind: z.literal('logged-in'), role: z.enum(ROLES), userId: z.optional(userId) }),
  z.strictObject({ kind: z.literal('other') }),
]);

export const siteSchema = z.strictObject({
  base: url,
  origin: url,
  basePath: text(100),
  generation: z.enum(GENERATIONS),
  slug: z.optional(text(64)),
  https: z.boolean(),
});

export const recognitionSchema = z.strictObject({
  url,
  site: siteSchema,
  page: pageResultSchema,
  loginForm: z.boolean(),
  /** SPSE's own LOGIN control is on the page, outside a session. */
  loginEntry: z.optional(z.boolean()),
});

const channelSchema = z.strictObject({ kind: z.enum(CHANNEL_KINDS), value: text(300) });
const httpsUrl = z.string().check(z.maxLength(2048), z.regex(/^https:\/\//));
export const contactInfoSchema = z.strictObject({
  lpseName: text(200),
  lpseAddress: httpsUrl,
  own: z.array(channelSchema).check(z.maxLength(20)),
  ticketUrl: z.optional(httpsUrl),
  problemId: z.optional(text(64)),
  state: z.optional(z.enum(PROBLEM_STATES)),
  notice: z.optional(text(2000)),
  userId: z.optional(userId),
  subject: text(300),
  body: text(4000),
  bodyWithUserId: z.optional(text(4000)),
});

/** The parameters of a next action the page may show (sop.md): never a password, only User IDs and names. */
export const adviceParamsSchema = z.strictObject({
  userId: z.optional(userId),
  candidates: z.optional(z.array(z.strictObject({ penyediaId: text(64), label: z.optional(text(200)), userId: z.optional(userId) })).check(z.maxLength(20))),
  mode: z.optional(z.enum(['local', 'roaming'])),
  homeLpseName: z.optional(text(200)),
  replacementUserId: z.optional(userId),
  notice: z.optional(text(2000)),
  problemId: z.optional(text(64)),
  conflict: z.optional(z.boolean()),
  step: z.optional(z.enum([...LOGIN_STEPS, 'home', 'activation-form'])),
  reason: z.optional(z.enum(['password', 'captcha', 'otp', 'not-default', 'unknown'])),
  go: z.optional(z.strictObject({ url: httpsUrl, userId: z.optional(userId) })),
  askDefault: z.optional(z.array(userId).check(z.maxLength(20))),
  /** The tab carries a login intent (R18): the content script clicks SPSE's LOGIN / PENYEDIA itself. */
  autostart: z.optional(z.boolean()),
  /** The tab carries a login intent (R18): the content script fills this User ID at once. */
  autofill: z.optional(userId),
});
export type AdviceParams = z.infer<typeof adviceParamsSchema>;

/** What the background tells a page: its kind, the next action with its parameters and texts. */
export const adviceSchema = z.strictObject({
  pageKind: z.enum(PAGE_KINDS),
  nextAction: z.nullable(z.enum(NEXT_ACTIONS)),
  lpseName: z.optional(text(200)),
  genuine: z.boolean(),
  params: adviceParamsSchema,
  text: z.record(z.string().check(z.regex(/^[a-zA-Z0-9_]{1,40}$/)), text(2000)),
  contact: z.optional(contactInfoSchema),
  collapsed: z.boolean(),
});
export type Advice = z.infer<typeof adviceSchema>;

export const tabStatusSchema = z.strictObject({
  url,
  lpseKey: text(300),
  lpseName: z.optional(text(200)),
  pageKind: z.enum(PAGE_KINDS),
  nextAction: z.nullable(z.enum(NEXT_ACTIONS)),
  at: z.number(),
});
export type TabStatus = z.infer<typeof tabStatusSchema>;

const lpseKeyText = z.string().check(z.maxLength(300), z.regex(/^https?:\/\/[^/]+\/[^/]+$/));
/** What identifies a dismissal (R19): the LPSE, the page's path pattern, its page kind. */
const dismissalKey = { lpseKey: lpseKeyText, pattern: z.string().check(z.minLength(1), z.maxLength(300), z.regex(/^\/[\x21-\x7e]*$/)), pageKind: z.enum(PAGE_KINDS) };
/** Mirrored by lib/page/misdetection.ts's zod-free check (the assistant's UI script carries no zod). */
export const dismissReplySchema = z.strictObject({
  dismissed: z.boolean(),
  lpseKey: lpseKeyText,
  lpseName: text(300),
  pattern: dismissalKey.pattern,
  version: text(40),
  browser: text(40),
});

/** Everything the registry holds (its stores' own schemas). */
const registryViewSchema = z.strictObject({
  lpses: z.array(STORES.lpses),
  penyedia: z.array(STORES.penyedia),
  accounts: z.array(STORES.accounts),
  problems: z.array(STORES.problems),
  attempts: z.array(STORES.attempts),
  observations: z.array(STORES.observations),
  quarantine: z.array(quarantineSchema),
});
/** The popup's summary: penyedia, accounts, unsolved problems and the names of their LPSEs. */
const summarySchema = z.strictObject({
  penyedia: z.array(STORES.penyedia),
  accounts: z.array(STORES.accounts),
  problems: z.array(STORES.problems),
  names: z.record(z.string(), z.string()),
});

/** Sync through the browser's account (lib/worker/sync.ts): on or off, the last problem, what it merged. */
const syncStatusSchema = z.strictObject({
  enabled: z.boolean(),
  problem: z.optional(z.enum(['quota', 'rate', 'failed'])),
  problemAt: z.optional(z.number()),
  merged: z.optional(z.strictObject({ taken: z.number(), sent: z.number(), at: z.number() })),
  refused: z.number(),
  lastSync: z.optional(z.number()),
  /** No sync in this browser (the background has none wired). */
  unavailable: z.optional(z.boolean()),
});

/** Who may send a message: a page's content script or assistant, the extension's own pages, either; or only
 * the background (to a page: never accepted by the background). */
export type Sender = 'page' | 'extension' | 'both' | 'background';

/** The protocol map: message type → who sends it, request payload and reply schemas. */
export const protocol = {
  /** content script → background: what this page is. Reply: the next action to show. */
  // `wantsUi`: the asking document has no assistant UI yet; when the advice has something to show, the
  // background injects the UI before it replies (one round trip fewer than asking with assistant/load).
  'page/recognised': {
    from: 'page',
    request: z.strictObject({ type: z.literal('page/recognised'), recognition: recognitionSchema, wantsUi: z.optional(z.boolean()) }),
    reply: adviceSchema,
  },
  /** content script → background: the User ID typed into SPSE's User ID field, when its step is submitted. */
  'login/user-id': { from: 'page', request: z.strictObject({ type: z.literal('login/user-id'), userId }), reply: z.strictObject({ accepted: z.boolean() }) },
  /** content script → background: the penyedia clicked a button that opens SPSE's login (R18) at `url` (a
   * genuine LPSE), to fill `userId` at its User ID step. The tab carries that intent for a few minutes. */
  'login/start': {
    from: 'page',
    request: z.strictObject({ type: z.literal('login/start'), url: httpsUrl, userId: z.optional(userId) }),
    reply: z.strictObject({ started: z.boolean() }),
  },
  /** content script → background: the penyedia answered "Yang mana User ID Default Anda?" (R17). */
  'penyedia/choose-default': {
    from: 'page',
    request: z.strictObject({ type: z.literal('penyedia/choose-default'), userId }),
    reply: z.strictObject({ saved: z.boolean() }),
  },
  /** extension pages → background: everything the registry holds (popup, options, tests). */
  'registry/view': { from: 'extension', request: z.strictObject({ type: z.literal('registry/view') }), reply: registryViewSchema },
  /** popup → background: accounts, penyedia, unsolved problems and the names of their LPSEs. */
  'popup/summary': { from: 'extension', request: z.strictObject({ type: z.literal('popup/summary') }), reply: summarySchema },
  /** extension pages → background: "Sudah dilaporkan" / "Sudah selesai". */
  'problem/set-state': {
    from: 'both',
    request: z.strictObject({ type: z.literal('problem/set-state'), id: text(64), state: z.enum(['reported', 'solved'] as const satisfies readonly SettableProblemState[]) }),
    reply: z.strictObject({ updated: z.boolean() }),
  },
  /** options, welcome → background: what the penyedia states (where an account is registered, its User ID Default, its activation). */
  'penyedia/state': {
    from: 'extension',
    request: z.strictObject({
      type: z.literal('penyedia/state'),
      userId,
      registeredAt: z.optional(z.array(z.string().check(z.maxLength(300), z.regex(/^https:\/\/[^/]+\/[^/]+$/))).check(z.maxLength(20))),
      isDefault: z.optional(z.boolean()),
      penyediaId: z.optional(text(64)),
      label: z.optional(text(200)),
      /** The penyedia's answer: activated for ADP "sudah", "belum", "tidak tahu" (never overrides what SPSE showed). */
      activation: z.optional(z.enum(['activated', 'not-activated', 'unknown'])),
    }),
    reply: z.strictObject({ account: STORES.accounts, penyedia: STORES.penyedia }),
  },
  /** options → background: remove a User ID from SPSE Assist (not from SPSE). */
  'penyedia/forget': { from: 'extension', request: z.strictObject({ type: z.literal('penyedia/forget'), userId }), reply: z.strictObject({ forgotten: z.boolean() }) },
  /** content script → background: the penyedia collapsed or expanded the assistant at this LPSE. */
  'assistant/collapse': { from: 'page', request: z.strictObject({ type: z.literal('assistant/collapse'), collapsed: z.boolean() }), reply: z.strictObject({ collapsed: z.boolean() }) },
  /** assistant (in a page) → background: "Ini tidak tepat" (RULES.md R19) — hide the advice of this kind of page at
   * this LPSE from now on. The LPSE and the path pattern come from the sender's URL, never from the payload; the
   * page kind and next action say what the penyedia saw. Reply: what was remembered, for the misdetection report. */
  'assistant/dismiss': {
    from: 'page',
    request: z.strictObject({ type: z.literal('assistant/dismiss'), pageKind: z.enum(PAGE_KINDS), nextAction: z.nullable(z.enum(NEXT_ACTIONS)) }),
    reply: dismissReplySchema,
  },
  /** content script → background: inject the assistant's UI script into this tab (there is advice to show). */
  'assistant/load': { from: 'page', request: z.strictObject({ type: z.literal('assistant/load') }), reply: z.strictObject({ loaded: z.boolean() }) },
  /** extension pages → background: the settings (language, confirmed genuine addresses). */
  'settings/get': { from: 'extension', request: z.strictObject({ type: z.literal('settings/get') }), reply: settingsSchema },
  'settings/set': {
    from: 'extension',
    request: z.strictObject({
      type: z.literal('settings/set'),
      lang: z.optional(z.enum(['id', 'en'])),
      confirmedBases: z.optional(z.array(z.string().check(z.maxLength(300), z.regex(/^https:\/\/[^/]+\/[^/]+$/))).check(z.maxLength(50))),
    }),
    reply: settingsSchema,
  },
  /** options → background: the pages whose advice is hidden (R19), with their LPSE's name. */
  'dismissed/list': {
    from: 'extension',
    request: z.strictObject({ type: z.literal('dismissed/list') }),
    reply: z.strictObject({ dismissed: z.array(z.strictObject({ ...dismissalKey, lpseName: text(300), nextAction: z.nullable(z.enum(NEXT_ACTIONS)), at: z.number() })).check(z.maxLength(200)) }),
  },
  /** options → background: "Tampilkan lagi" — the advice of that page shows again. */
  'dismissed/undo': {
    from: 'extension',
    request: z.strictObject({ type: z.literal('dismissed/undo'), ...dismissalKey }),
    reply: z.strictObject({ restored: z.boolean() }),
  },
  /** extension pages → background: the LPSE's own helpdesk, given by the penyedia. */
  'lpse/contacts': {
    from: 'extension',
    request: z.strictObject({ type: z.literal('lpse/contacts'), lpseKey: z.string().check(z.maxLength(300), z.regex(/^https:\/\/[^/]+\/[^/]+$/)), contacts: z.array(channelSchema).check(z.maxLength(20)) }),
    reply: z.strictObject({ updated: z.boolean() }),
  },
  /** extension pages → background: search the 600-LPSE directory. */
  'directory/search': {
    from: 'extension',
    request: z.strictObject({ type: z.literal('directory/search'), query: text(100) }),
    reply: z.strictObject({ results: z.array(z.strictObject({ key: text(300), name: text(200), agencies: z.array(text(300)) })) }),
  },
  /** extension pages → background: channels and message for the LPSE a tab shows. */
  'contact/info': { from: 'extension', request: z.strictObject({ type: z.literal('contact/info'), tabId: z.number().check(z.int(), z.nonnegative()) }), reply: z.strictObject({ contact: z.nullable(contactInfoSchema) }) },
  /** options → background: export, import (validated, all or nothing), erase. */
  'registry/export': { from: 'extension', request: z.strictObject({ type: z.literal('registry/export') }), reply: exportSchema },
  'registry/import': { from: 'extension', request: z.strictObject({ type: z.literal('registry/import'), data: z.unknown() }), reply: z.strictObject({ imported: z.boolean() }) },
  'registry/erase': { from: 'extension', request: z.strictObject({ type: z.literal('registry/erase') }), reply: z.strictObject({ erased: z.boolean() }) },
  /** background → content scripts of SPSE tabs: ask for your advice again (a change made in the popup or
   * Settings, another tab's dismissal). Sent with tabs.sendMessage; the background never accepts it. */
  'advice/refresh': { from: 'background', request: z.strictObject({ type: z.literal('advice/refresh') }), reply: z.strictObject({}) },
  /** options, welcome → background: sync through the browser's account: its state, on or off. */
  'sync/status': { from: 'extension', request: z.strictObject({ type: z.literal('sync/status') }), reply: syncStatusSchema },
  'sync/set': { from: 'extension', request: z.strictObject({ type: z.literal('sync/set'), enabled: z.boolean() }), reply: syncStatusSchema },
  /** popup → background: what is known of a tab. */
  'tab/status': {
    from: 'extension',
    request: z.strictObject({ type: z.literal('tab/status'), tabId: z.number().check(z.int(), z.nonnegative()) }),
    reply: z.strictObject({ status: z.nullable(tabStatusSchema) }),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type Reply<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;

type Entry = (typeof protocol)[MessageType];
const entries = Object.values(protocol) as Entry[];
/** Every request the background accepts, from the map (a message only the background sends is not one). */
export const anyRequestSchema = z.discriminatedUnion(
  'type',
  entries.filter((e) => e.from !== 'background').map((e) => e.request) as unknown as [Entry['request'], ...Entry['request'][]],
) as unknown as z.ZodMiniType<AnyRequest>;

/** Messages only the extension's own pages may send (never a content script in a web page), from the map. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<MessageType> = new Set((Object.keys(protocol) as MessageType[]).filter((t) => protocol[t].from === 'extension'));

/** Only an import carries a file: it may be larger than other messages (up to MAX_IMPORT_BYTES). */
export const LARGE_MESSAGE_TYPES: ReadonlySet<string> = new Set(['registry/import']);
/** A request the background accepts. */
export type AnyRequest = { [T in MessageType]: (typeof protocol)[T]['from'] extends 'background' ? never : Request<T> }[MessageType];


/** Messages larger than this are rejected before parsing (a page cannot flood the background). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
