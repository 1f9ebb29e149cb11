/**
 * The background's message router: validates every request (size, shape, sender) before anything runs,
 * and answers in an envelope. The LPSE a content script speaks for is re-derived from the sender's URL,
 * never trusted from the payload. Pure apart from the stores it is given, so unit tests drive it directly.
 */
import type { Advice, AdviceParams } from '../protocol';
import type { Envelope } from '../protocol';
import {
  anyRequestSchema,
  EXTENSION_PAGE_ONLY,
  LARGE_MESSAGE_TYPES,
  MAX_MESSAGE_BYTES,
  type AnyRequest,
  type Reply,
  type TabStatus,
} from '../protocol';
import type { RegistryDb } from './registry/db';
import {
  addDismissal,
  addLpseContacts,
  eraseRegistry,
  exportRegistry,
  forgetAccount,
  importRegistry,
  isDismissed,
  readLpseContext,
  readProblem,
  readRegistry,
  readSettings,
  readSummary,
  removeDismissal,
  chooseDefault,
  setProblemState,
  recordStatement,
  writeSettings,
} from './registry/registry';
import { MAX_IMPORT_BYTES, parseImport, type QuarantineRecord, type Settings } from '../schemas';
import type { ActionParams, Decision } from '../sop/rules';
import { isGenuineLpse, lpseKey, lpseOf, searchDirectory } from './directory';
import type { PageResult } from '../page/recognition/page-kinds';
import { pathPattern } from './path-pattern';
import { siteFromUrl, type SpseSite } from '../spse/site';
import { composeAdvice, contactInfo } from './compose';
import { decideAndRecord } from './decide-and-record';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** Chrome: the document that sent the message (the UI goes into that document, not a newer one). */
  documentId?: string;
}

export interface TabStore {
  get(tabId: number): Promise<TabStatus | null>;
  set(tabId: number, status: TabStatus): Promise<void>;
}

/** A tab's login intent (RULES.md R18): the penyedia clicked a button that opens SPSE's login at an LPSE. */
export interface LoginIntent {
  lpseKey: string;
  userId?: string;
  at: number;
}

/** Per-tab login intents (storage.session, like the tab store). */
export interface IntentStore {
  get(tabId: number): Promise<LoginIntent | null>;
  set(tabId: number, intent: LoginIntent): Promise<void>;
  remove(tabId: number): Promise<void>;
}

/** A login intent lasts this long: the login it was for, not the rest of the day. */
export const INTENT_TTL_MS = 3 * 60 * 1000;

/** Browser-session flags (storage.session): survive the worker stopping, forgotten when the browser closes. */
export interface SessionFlags {
  has(key: string): Promise<boolean>;
  add(key: string): Promise<void>;
}

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  tabs: TabStore;
  session: SessionFlags;
  intents?: IntentStore;
  db: () => Promise<RegistryDb>;
  /** Tell open SPSE tabs to ask for their advice again (after a change made in the popup or options). */
  refreshTabs?: () => Promise<void>;
  /** Inject the assistant's UI script into a tab's frame (lib/page/assistant-bridge.ts). */
  loadAssistant?: (tabId: number, frameId: number, documentId?: string) => Promise<void>;
  /** Sync through the browser's account, when wired. */
  sync?: Pick<import('./sync').SyncControl, 'status' | 'setEnabled'>;
  version?: string;
  browser?: string;
  now?: () => number;
  newId?: () => string;
  log?: (reason: string) => void;
}

export async function route(raw: unknown, sender: Sender, deps: RouterDeps): Promise<Envelope<unknown>> {
  const reject = (error: string): Envelope<unknown> => {
    deps.log?.(`rejected message: ${error}`);
    return { ok: false, error };
  };
  if (sender.id !== deps.extensionId) return reject('unknown sender');
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return reject('unserialisable message');
  }
  const type = (raw as { type?: unknown } | null)?.type;
  const limit = typeof type === 'string' && LARGE_MESSAGE_TYPES.has(type) ? MAX_IMPORT_BYTES : MAX_MESSAGE_BYTES;
  if (size > limit) return reject(`message too large (${size} bytes)`);
  const parsed = anyRequestSchema.safeParse(raw);
  if (!parsed.success) return reject(`invalid message: ${parsed.error.issues[0]?.message ?? 'shape'}`);
  const request: AnyRequest = parsed.data;
  const fromExtensionPage = !!sender.url?.startsWith(`${deps.extensionOrigin}/`);
  // Extension pages only (a popup opened as a tab has a tab too): a web page's sender.url is its own.
  if (EXTENSION_PAGE_ONLY.has(request.type) && !fromExtensionPage) return reject(`${request.type} is for extension pages`);
  const now = (deps.now ?? Date.now)();
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const changed = async <T>(value: T): Promise<Envelope<unknown>> => {
    await deps.refreshTabs?.().catch(() => {});
    return { ok: true, value };
  };
  try {
    switch (request.type) {
      case 'page/recognised':
      case 'login/user-id':
      case 'login/start':
      case 'penyedia/choose-default':
      case 'assistant/collapse':
      case 'assistant/load':
      case 'assistant/dismiss':
        return await fromPage(request, sender, deps, now, reject);
      case 'registry/view':
        return { ok: true, value: await readRegistry(await deps.db(), quarantined(deps)) };
      case 'popup/summary': {
        const summary = await readSummary(await deps.db(), quarantined(deps));
        const keys = new Set([...summary.accounts.flatMap((a) => [...a.registeredAt, ...Object.keys(a.lastLogin)]), ...summary.problems.map((p) => p.lpseKey)]);
        const names = Object.fromEntries([...keys].map((k) => [k, nameOfKey(k) ?? k]));
        return { ok: true, value: { ...summary, names } };
      }
      case 'problem/set-state': {
        const db = await deps.db();
        if (!fromExtensionPage) {
          // From the assistant in a page: only a problem of that page's own LPSE.
          const site = sender.tab && sender.url ? siteFromUrl(sender.url) : undefined;
          const problem = site && (await readProblem(db, request.id));
          if (!site || !problem || problem.lpseKey !== lpseKey(site)) return reject('problem/set-state for another LPSE');
        }
        return changed({ updated: !!(await setProblemState(db, request.id, request.state, now)) });
      }
      case 'penyedia/state': {
        const { type: _t, ...statement } = request;
        return changed(await recordStatement(await deps.db(), statement, now, newId));
      }
      case 'penyedia/forget':
        return changed({ forgotten: await forgetAccount(await deps.db(), request.userId) });
      case 'settings/get':
        return { ok: true, value: await readSettings(await deps.db()) };
      case 'settings/set': {
        const { type: _t, ...change } = request;
        return changed(await writeSettings(await deps.db(), change));
      }
      case 'dismissed/list': {
        const { dismissed } = await readSettings(await deps.db());
        return { ok: true, value: { dismissed: dismissed.map((d) => ({ ...d, lpseName: nameOfKey(d.lpseKey) ?? d.lpseKey })) } satisfies Reply<'dismissed/list'> };
      }
      case 'dismissed/undo': {
        const { type: _t, ...which } = request;
        return changed({ restored: await removeDismissal(await deps.db(), which) });
      }
      case 'lpse/contacts':
        await addLpseContacts(await deps.db(), request.lpseKey, request.contacts, true);
        return changed({ updated: true });
      case 'directory/search':
        return { ok: true, value: { results: searchDirectory(request.query) } };
      case 'contact/info': {
        const status = await deps.tabs.get(request.tabId);
        const site = status && siteFromUrl(status.url);
        return { ok: true, value: { contact: site ? await contactFor(site, deps, now) : null } };
      }
      case 'registry/export':
        return { ok: true, value: await exportRegistry(await deps.db(), now) };
      case 'registry/import': {
        const result = parseImport(request.data);
        if (!result.ok) return reject(`import refused: ${result.error}`);
        await importRegistry(await deps.db(), result.file);
        return changed({ imported: true });
      }
      case 'registry/erase':
        await eraseRegistry(await deps.db());
        return changed({ erased: true });
      case 'sync/status':
        return { ok: true, value: deps.sync ? await deps.sync.status() : { enabled: false, refused: 0, unavailable: true } };
      case 'sync/set':
        if (!deps.sync) return reject('sync is not available');
        return changed(await deps.sync.setEnabled(request.enabled));
      case 'tab/status':
        return { ok: true, value: { status: await deps.tabs.get(request.tabId) } satisfies Reply<'tab/status'> };
    }
  } catch (e) {
    return reject(`failed: ${(e as Error).message}`);
  }
}

const quarantined = (deps: RouterDeps) => (q: QuarantineRecord) => deps.log?.(`quarantined an invalid ${q.store} record: ${q.issues.join('; ')}`);

/** A genuine LPSE (sop.md), or an HTTPS address the penyedia confirmed as one. */
function genuineFor(site: SpseSite, settings: Settings): boolean {
  return isGenuineLpse(site) || (site.https && settings.confirmedBases.includes(site.base));
}

function nameOfKey(key: string): string | undefined {
  const s = siteFromUrl(key);
  return s ? lpseOf(s)?.name : undefined;
}

/** Channels and message for an LPSE, quoting its open problem if there is one. */
async function contactFor(site: SpseSite, deps: RouterDeps, now: number, problemId?: string) {
  const key = lpseKey(site);
  const { record, problems: open } = await readLpseContext(await deps.db(), key);
  const problem = open.find((p) => p.id === problemId) ?? open[open.length - 1];
  return contactInfo({
    lpseName: lpseOf(site)?.name ?? record?.name ?? key,
    lpseAddress: site.https ? key : key.replace(/^http:/, 'https:'),
    generation: site.generation,
    own: record?.contacts ?? [],
    ...(problem && { problem }),
    now,
    browser: deps.browser ?? 'Browser',
    version: deps.version ?? '0',
  });
}

async function fromPage(
  request: Extract<AnyRequest, { type: 'page/recognised' | 'login/user-id' | 'login/start' | 'penyedia/choose-default' | 'assistant/collapse' | 'assistant/load' | 'assistant/dismiss' }>,
  sender: Sender,
  deps: RouterDeps,
  now: number,
  reject: (e: string) => Envelope<unknown>,
): Promise<Envelope<unknown>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return reject(`${request.type} must come from a tab`);
  if (sender.frameId !== undefined && sender.frameId !== 0) return reject(`${request.type} must come from the top frame`);
  // The LPSE is the sender's, whatever the payload says.
  const site = siteFromUrl(sender.url);
  if (!site) return reject(`${request.type} from a page that is not SPSE-shaped`);
  if (request.type === 'page/recognised' && new URL(request.recognition.url).origin !== site.origin) return reject('recognition for another origin');
  // The assistant's UI goes into the document that asked (its frame where the browser cannot name it).
  const loadUi = deps.loadAssistant && (() => deps.loadAssistant!(tabId, sender.frameId ?? 0, sender.documentId));
  if (request.type === 'assistant/load') {
    if (!loadUi) return { ok: true, value: { loaded: false } };
    await loadUi();
    return { ok: true, value: { loaded: true } };
  }
  const db = await deps.db();
  const settings = await readSettings(db);
  const genuine = genuineFor(site, settings);
  const lpse = lpseOf(site);
  const key = lpseKey(site);
  if (request.type === 'login/start') {
    // Only to a genuine LPSE over HTTPS, asked from one (R18).
    const target = siteFromUrl(request.url);
    if (!genuine || !target || !genuineFor(target, settings)) return reject('login/start to an address that is not a genuine LPSE');
    if (!deps.intents) return { ok: true, value: { started: false } };
    await deps.intents.set(tabId, { lpseKey: lpseKey(target), ...(request.userId && { userId: request.userId }), at: now });
    return { ok: true, value: { started: true } };
  }
  if (request.type === 'penyedia/choose-default') {
    if (!genuine) return { ok: true, value: { saved: false } };
    const saved = await chooseDefault(db, request.userId, now);
    return { ok: true, value: { saved } };
  }
  if (request.type === 'assistant/collapse') {
    const collapsed = new Set(settings.collapsed);
    if (request.collapsed) collapsed.add(key);
    else collapsed.delete(key);
    await writeSettings(db, { collapsed: [...collapsed] });
    return { ok: true, value: { collapsed: request.collapsed } };
  }
  // "Ini tidak tepat" (R19): this kind of page at this LPSE — its path pattern from the sender's URL — stays quiet.
  const pattern = pathPattern(site, sender.url);
  if (request.type === 'assistant/dismiss') {
    await addDismissal(db, { lpseKey: key, pattern, pageKind: request.pageKind, nextAction: request.nextAction, at: now });
    // Other open tabs of that page go quiet too (this one keeps its confirmation while its advice is quiet).
    await deps.refreshTabs?.().catch(() => {});
    return {
      ok: true,
      value: { dismissed: true, lpseKey: key, lpseName: lpse?.name ?? key, pattern, version: deps.version ?? '0', browser: deps.browser ?? 'Browser' } satisfies Reply<'assistant/dismiss'>,
    };
  }
  const readyKey = `ready:${key}`;
  const input = {
    tabId,
    lpse: { key, base: site.base, generation: site.generation, ...(lpse && { name: lpse.name }) },
    genuine,
    readySaid: await deps.session.has(readyKey),
    nameOf: nameOfKey,
    now,
    newId: deps.newId ?? (() => crypto.randomUUID()),
    onQuarantine: quarantined(deps),
  };
  if (request.type === 'login/user-id') {
    // Learned only on genuine LPSE pages over HTTPS.
    if (!genuine) return { ok: true, value: { accepted: false } };
    await decideAndRecord(db, { ...input, event: { type: 'user-id-submitted', userId: request.userId } });
    return { ok: true, value: { accepted: true } };
  }
  const page = request.recognition.page;
  // SPSE's LOGIN control on the LPSE's public home (its base path) starts the journey (R16).
  const loginEntry = !!request.recognition.loginEntry && isHomeOf(site, request.recognition.url);
  const decision = await decideAndRecord(db, { ...input, event: { type: 'page', page, genuine, loginForm: request.recognition.loginForm, loginEntry } });
  if (decision.changes.readySaid) await deps.session.add(readyKey);
  const intent = genuine ? await followIntent(deps, tabId, key, now, page, loginEntry, decision.params.userId) : {};
  // A failed login nobody can explain (R15) ends with "Hubungi LPSE": its channels come with the advice.
  // Hidden by the penyedia (R19): nothing to show; `<spse-assist data-page-kind>` still tells the page kind.
  const nextAction = isDismissed(settings, { lpseKey: key, pattern, pageKind: page.kind }) ? null : decision.nextAction;
  const needsContact = nextAction !== null && (decision.nextAction === 'contact-lpse' || decision.nextAction === 'wait-for-lpse' || decision.params.reason === 'unknown');
  const advice: Advice = composeAdvice({
    lang: settings.lang,
    pageKind: page.kind,
    nextAction,
    genuine,
    ...(genuine && { lpseName: lpse?.name ?? key }),
    params: { ...adviceParams(decision), ...intent },
    ...(needsContact && genuine && { contact: await contactFor(site, deps, now, decision.params.problemId) }),
    collapsed: settings.collapsed.includes(key),
  });
  await deps.tabs.set(tabId, { url: sender.url, lpseKey: key, ...(lpse && { lpseName: lpse.name }), pageKind: advice.pageKind, nextAction: advice.nextAction, at: now });
  // Something to show in a document without the UI: inject it first, so the reply finds it there. A failed
  // injection (the document went away) only costs the page a second ask (assistant/load).
  if (request.wantsUi && advice.nextAction && loadUi) await loadUi().catch((e: unknown) => deps.log?.(`assistant UI: ${String(e)}`));
  return { ok: true, value: advice };
}

/** The LPSE's public home: its base path, with or without the trailing slash. */
function isHomeOf(site: SpseSite, url: string): boolean {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return path === site.basePath.replace(/\/+$/, '');
}

/**
 * A tab's login intent at each page of that LPSE (R18): on the public home and the chooser the content script
 * clicks SPSE's LOGIN and PENYEDIA itself; at the User ID step it fills the User ID, and the intent is spent;
 * any other page of that LPSE, or the intent's age, ends it. Pages of another LPSE leave it (on its way there).
 */
async function followIntent(deps: RouterDeps, tabId: number, key: string, now: number, page: PageResult, loginEntry: boolean, decided?: string): Promise<Partial<AdviceParams>> {
  const intent = deps.intents && (await deps.intents.get(tabId));
  if (!intent) return {};
  if (now - intent.at > INTENT_TTL_MS) {
    await deps.intents!.remove(tabId);
    return {};
  }
  if (intent.lpseKey !== key) return {};
  if ((page.kind === 'other' && loginEntry) || (page.kind === 'login' && page.step === 'chooser')) return { autostart: true };
  await deps.intents!.remove(tabId);
  const userId = intent.userId ?? decided;
  return page.kind === 'login' && (page.step === 'user-id' || page.step === 'one-form') && userId ? { autofill: userId } : {};
}

/** What of a decision's parameters the page gets: names and User IDs, nothing else. */
function adviceParams(d: Decision): AdviceParams {
  const p: ActionParams = d.params;
  return {
    ...(p.userId && { userId: p.userId }),
    ...(p.candidates && { candidates: p.candidates }),
    ...(p.mode && { mode: p.mode }),
    ...(p.homeLpse && { homeLpseName: p.homeLpse.name ?? p.homeLpse.key }),
    ...(p.replacementUserId && { replacementUserId: p.replacementUserId }),
    ...(p.notice && { notice: p.notice }),
    ...(p.problemId && { problemId: p.problemId }),
    ...(p.conflict && { conflict: true }),
    ...(p.step && { step: p.step }),
    ...(p.reason && { reason: p.reason }),
    ...(p.go && { go: p.go }),
    ...(p.askDefault?.length && { askDefault: p.askDefault }),
  };
}
