/**
 * The one map of messages between contexts (content script, popup, options ↔ background), each with a
 * zod schema for its request and its reply. Every message crossing contexts is validated on arrival.
 * zod/mini keeps the content script small.
 */
import * as z from 'zod/mini';
import { NEXT_ACTIONS } from './sop/actions';
import { LOGIN_STEPS, PAGE_KINDS } from './spse/page-kinds';

const text = (max: number) => z.string().check(z.maxLength(max));
const userId = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9._@-]+$/));
const url = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\//));

export const pageResultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('login'), step: z.enum(LOGIN_STEPS) }),
  z.strictObject({ kind: z.literal('login-failed'), step: z.enum(LOGIN_STEPS), error: text(400) }),
  z.strictObject({ kind: z.literal('activation') }),
  z.strictObject({ kind: z.literal('non-active'), replacementUserId: z.optional(userId) }),
  z.strictObject({ kind: z.literal('admin-notice'), notice: text(2000), contactText: z.optional(text(1000)) }),
  z.strictObject({ kind: z.literal('logged-in'), role: z.enum(['penyedia', 'non-penyedia', 'unknown']), userId: z.optional(userId) }),
  z.strictObject({ kind: z.literal('other') }),
]);

export const siteSchema = z.strictObject({
  base: url,
  origin: url,
  basePath: text(100),
  generation: z.enum(['4.5', '4.x', '3.x']),
  slug: z.optional(text(64)),
  https: z.boolean(),
});

export const recognitionSchema = z.strictObject({
  url,
  site: siteSchema,
  page: pageResultSchema,
  markers: z.boolean(),
  loginForm: z.boolean(),
  /** SPSE's own LOGIN control is on the page, outside a session. */
  loginEntry: z.optional(z.boolean()),
});

const channelSchema = z.strictObject({ kind: z.enum(['email', 'phone', 'whatsapp', 'url', 'address']), value: text(300) });
const httpsUrl = z.string().check(z.maxLength(2048), z.regex(/^https:\/\//));
export const contactInfoSchema = z.strictObject({
  lpseName: text(200),
  lpseAddress: httpsUrl,
  own: z.array(channelSchema).check(z.maxLength(20)),
  ticketUrl: z.optional(httpsUrl),
  problemId: z.optional(text(64)),
  state: z.optional(z.enum(['open', 'reported', 'solved'])),
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

/** Mirrors lib/advice.ts (the content script's zod-free guard); a unit test keeps the two in step. */
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
export type AdviceReply = z.infer<typeof adviceSchema>;

export const tabStatusSchema = z.strictObject({
  url,
  lpseKey: text(300),
  lpseName: z.optional(text(200)),
  pageKind: z.enum(PAGE_KINDS),
  nextAction: z.nullable(z.enum(NEXT_ACTIONS)),
  at: z.number(),
});
export type TabStatus = z.infer<typeof tabStatusSchema>;

/** The protocol map: message type → request payload and reply schemas. */
export const protocol = {
  /** content script → background: what this page is. Reply: the next action to show. */
  // `wantsUi`: the asking document has no assistant UI yet; when the advice has something to show, the
  // background injects the UI before it replies (one round trip fewer than asking with assistant/load).
  'page/recognised': {
    request: z.strictObject({ type: z.literal('page/recognised'), recognition: recognitionSchema, wantsUi: z.optional(z.boolean()) }),
    reply: adviceSchema,
  },
  /** content script → background: the User ID typed into SPSE's User ID field, when its step is submitted. */
  'login/user-id': { request: z.strictObject({ type: z.literal('login/user-id'), userId }), reply: z.strictObject({ accepted: z.boolean() }) },
  /** content script → background: the penyedia clicked a button that opens SPSE's login (R18) at `url` (a
   * genuine LPSE), to fill `userId` at its User ID step. The tab carries that intent for a few minutes. */
  'login/start': {
    request: z.strictObject({ type: z.literal('login/start'), url: httpsUrl, userId: z.optional(userId) }),
    reply: z.strictObject({ started: z.boolean() }),
  },
  /** content script → background: the penyedia answered "Yang mana User ID Default Anda?" (R17). */
  'penyedia/choose-default': {
    request: z.strictObject({ type: z.literal('penyedia/choose-default'), userId }),
    reply: z.strictObject({ saved: z.boolean() }),
  },
  /** extension pages → background: everything the registry holds (popup, options, tests). */
  'registry/view': { request: z.strictObject({ type: z.literal('registry/view') }), reply: z.looseObject({}) },
  /** popup → background: accounts, penyedia, unsolved problems and the names of their LPSEs. */
  'popup/summary': { request: z.strictObject({ type: z.literal('popup/summary') }), reply: z.looseObject({}) },
  /** extension pages → background: "Sudah dilaporkan" / "Sudah selesai". */
  'problem/set-state': {
    request: z.strictObject({ type: z.literal('problem/set-state'), id: text(64), state: z.enum(['reported', 'solved']) }),
    reply: z.strictObject({ updated: z.boolean() }),
  },
  /** options, welcome → background: what the penyedia states (where an account is registered, its User ID Default, its activation). */
  'penyedia/state': {
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
    reply: z.looseObject({}),
  },
  /** options → background: remove a User ID from SPSE Assist (not from SPSE). */
  'penyedia/forget': { request: z.strictObject({ type: z.literal('penyedia/forget'), userId }), reply: z.strictObject({ forgotten: z.boolean() }) },
  /** content script → background: the penyedia collapsed or expanded the assistant at this LPSE. */
  'assistant/collapse': { request: z.strictObject({ type: z.literal('assistant/collapse'), collapsed: z.boolean() }), reply: z.strictObject({ collapsed: z.boolean() }) },
  /** content script → background: inject the assistant's UI script into this tab (there is advice to show). */
  'assistant/load': { request: z.strictObject({ type: z.literal('assistant/load') }), reply: z.strictObject({ loaded: z.boolean() }) },
  /** extension pages → background: the settings (language, confirmed genuine addresses). */
  'settings/get': { request: z.strictObject({ type: z.literal('settings/get') }), reply: z.looseObject({}) },
  'settings/set': {
    request: z.strictObject({
      type: z.literal('settings/set'),
      lang: z.optional(z.enum(['id', 'en'])),
      confirmedBases: z.optional(z.array(z.string().check(z.maxLength(300), z.regex(/^https:\/\/[^/]+\/[^/]+$/))).check(z.maxLength(50))),
    }),
    reply: z.looseObject({}),
  },
  /** extension pages → background: the LPSE's own helpdesk, given by the penyedia. */
  'lpse/contacts': {
    request: z.strictObject({ type: z.literal('lpse/contacts'), lpseKey: z.string().check(z.maxLength(300), z.regex(/^https:\/\/[^/]+\/[^/]+$/)), contacts: z.array(channelSchema).check(z.maxLength(20)) }),
    reply: z.strictObject({ updated: z.boolean() }),
  },
  /** extension pages → background: search the 600-LPSE directory. */
  'directory/search': {
    request: z.strictObject({ type: z.literal('directory/search'), query: text(100) }),
    reply: z.strictObject({ results: z.array(z.strictObject({ key: text(300), name: text(200), agencies: z.array(text(300)) })) }),
  },
  /** extension pages → background: channels and message for the LPSE a tab shows. */
  'contact/info': { request: z.strictObject({ type: z.literal('contact/info'), tabId: z.number().check(z.int(), z.nonnegative()) }), reply: z.strictObject({ contact: z.nullable(contactInfoSchema) }) },
  /** options → background: export, import (validated, all or nothing), erase. */
  'registry/export': { request: z.strictObject({ type: z.literal('registry/export') }), reply: z.looseObject({}) },
  'registry/import': { request: z.strictObject({ type: z.literal('registry/import'), data: z.unknown() }), reply: z.strictObject({ imported: z.boolean() }) },
  'registry/erase': { request: z.strictObject({ type: z.literal('registry/erase') }), reply: z.strictObject({ erased: z.boolean() }) },
  /** options, welcome → background: sync through the browser's account (issue 16): its state, on or off. */
  'sync/status': { request: z.strictObject({ type: z.literal('sync/status') }), reply: z.looseObject({}) },
  'sync/set': { request: z.strictObject({ type: z.literal('sync/set'), enabled: z.boolean() }), reply: z.looseObject({}) },
  /** popup → background: what is known of a tab. */
  'tab/status': {
    request: z.strictObject({ type: z.literal('tab/status'), tabId: z.number().check(z.int(), z.nonnegative()) }),
    reply: z.strictObject({ status: z.nullable(tabStatusSchema) }),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type Reply<T extends MessageType> = z.infer<(typeof protocol)[T]['reply']>;

export const anyRequestSchema = z.discriminatedUnion('type', [
  protocol['page/recognised'].request,
  protocol['login/user-id'].request,
  protocol['login/start'].request,
  protocol['penyedia/choose-default'].request,
  protocol['registry/view'].request,
  protocol['popup/summary'].request,
  protocol['problem/set-state'].request,
  protocol['penyedia/state'].request,
  protocol['penyedia/forget'].request,
  protocol['assistant/collapse'].request,
  protocol['assistant/load'].request,
  protocol['settings/get'].request,
  protocol['settings/set'].request,
  protocol['lpse/contacts'].request,
  protocol['directory/search'].request,
  protocol['contact/info'].request,
  protocol['registry/export'].request,
  protocol['registry/import'].request,
  protocol['registry/erase'].request,
  protocol['tab/status'].request,
  protocol['sync/status'].request,
  protocol['sync/set'].request,
]);

/** Messages only the extension's own pages may send (never a content script in a web page). */
export const EXTENSION_PAGE_ONLY: ReadonlySet<MessageType> = new Set<MessageType>([
  'registry/view',
  'popup/summary',
  'penyedia/state',
  'penyedia/forget',
  'settings/get',
  'settings/set',
  'lpse/contacts',
  'directory/search',
  'contact/info',
  'registry/export',
  'registry/import',
  'registry/erase',
  'tab/status',
  'sync/status',
  'sync/set',
]);

/** Only an import carries a file: it may be larger than other messages (up to MAX_IMPORT_BYTES). */
export const LARGE_MESSAGE_TYPES: ReadonlySet<string> = new Set(['registry/import']);
export type AnyRequest = z.infer<typeof anyRequestSchema>;

export type { Envelope } from './envelope';

/** A zod schema as the reply check `send()` takes. */
export const checkWith =
  <T>(schema: z.ZodMiniType<T>) =>
  (v: unknown): v is T =>
    schema.safeParse(v).success;

/** Messages larger than this are rejected before parsing (a page cannot flood the background). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
