/**
 * The background's message router: validates every request (size, shape, sender) before anything runs,
 * and answers in an envelope. Pure apart from the store it is given, so unit tests drive it directly.
 */
import type { Envelope } from '../envelope';
import { anyRequestSchema, MAX_MESSAGE_BYTES, type AnyRequest, type Reply, type TabStatus } from '../protocol';
import { decide } from '../sop/rules';
import { isGenuineLpse, lpseKey, lpseOf } from '../spse/directory';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface TabStore {
  get(tabId: number): Promise<TabStatus | null>;
  set(tabId: number, status: TabStatus): Promise<void>;
}

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  tabs: TabStore;
  now?: () => number;
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
  try {
    switch (request.type) {
      case 'page/recognised':
        return await pageRecognised(request, sender, deps, reject);
      case 'tab/status':
        // Extension pages only (a popup opened as a tab has a tab too): a web page's sender.url is its own.
        if (!sender.url?.startsWith(`${deps.extensionOrigin}/`)) return reject('tab/status is for extension pages');
        return { ok: true, value: { status: await deps.tabs.get(request.tabId) } satisfies Reply<'tab/status'> };
    }
  } catch (e) {
    return reject(`failed: ${(e as Error).message}`);
  }
}

async function pageRecognised(
  request: Extract<AnyRequest, { type: 'page/recognised' }>,
  sender: Sender,
  deps: RouterDeps,
  reject: (e: string) => Envelope<unknown>,
): Promise<Envelope<unknown>> {
  const { recognition } = request;
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url) return reject('page/recognised must come from a tab');
  // The page may only speak for its own address.
  if (new URL(sender.url).origin !== new URL(recognition.url).origin) return reject('recognition for another origin');
  const genuine = isGenuineLpse(recognition.site);
  const { nextAction } = decide({ page: recognition.page, genuine });
  const lpse = genuine ? lpseOf(recognition.site) : undefined;
  const advice: Reply<'page/recognised'> = { pageKind: recognition.page.kind, nextAction, genuine, ...(lpse && { lpseName: lpse.name }) };
  await deps.tabs.set(tabId, {
    url: recognition.url,
    lpseKey: lpseKey(recognition.site),
    ...(lpse && { lpseName: lpse.name }),
    pageKind: recognition.page.kind,
    nextAction,
    at: (deps.now ?? Date.now)(),
  });
  return { ok: true, value: advice };
}
