/**
 * The background's message router: validates every request (size, shape, sender) before anything runs,
 * and answers in an envelope. The LPSE a content script speaks for is re-derived from the sender's URL,
 * never trusted from the payload. Pure apart from the stores it is given, so unit tests drive it directly.
 */
import type { Envelope } from '../envelope';
import { adviceText, defaultLang } from '../i18n';
import { anyRequestSchema, EXTENSION_PAGE_ONLY, MAX_MESSAGE_BYTES, type AdviceParams, type AnyRequest, type Reply, type TabStatus } from '../protocol';
import type { RegistryDb } from '../registry/db';
import { observe, readRegistry, setProblemState, statePenyedia } from '../registry/registry';
import type { QuarantineRecord } from '../registry/schemas';
import type { ActionParams, Decision } from '../sop/rules';
import { isGenuineLpse, lpseKey, lpseOf } from '../spse/directory';
import { siteFromUrl } from '../spse/site';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface TabStore {
  get(tabId: number): Promise<TabStatus | null>;
  set(tabId: number, status: TabStatus): Promise<void>;
}

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
  db: () => Promise<RegistryDb>;
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
  if (size > MAX_MESSAGE_BYTES) return reject(`message too large (${size} bytes)`);
  const parsed = anyRequestSchema.safeParse(raw);
  if (!parsed.success) return reject(`invalid message: ${parsed.error.issues[0]?.message ?? 'shape'}`);
  const request: AnyRequest = parsed.data;
  const fromExtensionPage = !!sender.url?.startsWith(`${deps.extensionOrigin}/`);
  // Extension pages only (a popup opened as a tab has a tab too): a web page's sender.url is its own.
  if (EXTENSION_PAGE_ONLY.has(request.type) && !fromExtensionPage) return reject(`${request.type} is for extension pages`);
  const now = (deps.now ?? Date.now)();
  try {
    switch (request.type) {
      case 'page/recognised':
      case 'login/user-id':
        return await fromPage(request, sender, deps, now, reject);
      case 'registry/view':
        return { ok: true, value: await readRegistry(await deps.db(), quarantined(deps)) };
      case 'problem/set-state':
        return { ok: true, value: { updated: !!(await setProblemState(await deps.db(), request.id, request.state, now)) } };
      case 'penyedia/state': {
        const { type: _t, ...statement } = request;
        return { ok: true, value: await statePenyedia(await deps.db(), statement, now, deps.newId ?? (() => crypto.randomUUID())) };
      }
      case 'tab/status':
        return { ok: true, value: { status: await deps.tabs.get(request.tabId) } satisfies Reply<'tab/status'> };
    }
  } catch (e) {
    return reject(`failed: ${(e as Error).message}`);
  }
}

const quarantined = (deps: RouterDeps) => (q: QuarantineRecord) => deps.log?.(`quarantined an invalid ${q.store} record: ${q.issues.join('; ')}`);

async function fromPage(
  request: Extract<AnyRequest, { type: 'page/recognised' | 'login/user-id' }>,
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
  const genuine = isGenuineLpse(site);
  const lpse = lpseOf(site);
  const key = lpseKey(site);
  const db = await deps.db();
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
    await observe(db, { ...input, event: { type: 'user-id-submitted', userId: request.userId } });
    return { ok: true, value: { accepted: true } };
  }
  const decision = await observe(db, { ...input, event: { type: 'page', page: request.recognition.page, genuine, loginForm: request.recognition.loginForm } });
  if (decision.changes.readySaid) await deps.session.add(readyKey);
  const advice: Reply<'page/recognised'> = {
    pageKind: request.recognition.page.kind,
    nextAction: decision.nextAction,
    genuine,
    ...(genuine && lpse && { lpseName: lpse.name }),
    params: adviceParams(decision),
    text: adviceText(defaultLang(), decision.nextAction),
  };
  await deps.tabs.set(tabId, { url: sender.url, lpseKey: key, ...(lpse && { lpseName: lpse.name }), pageKind: advice.pageKind, nextAction: advice.nextAction, at: now });
  return { ok: true, value: advice };
}

function nameOfKey(key: string): string | undefined {
  const s = siteFromUrl(key);
  return s ? lpseOf(s)?.name : undefined;
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
  };
}
