import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { route, type RouterDeps, type TabStore } from '@/lib/worker/router';
import type { TabStatus } from '@/lib/protocol';
import { closeRegistry, openRegistry } from '@/lib/worker/registry/db';
import { readRegistry } from '@/lib/worker/registry/registry';

beforeEach(async () => {
  await closeRegistry();
  globalThis.indexedDB = new IDBFactory();
});

function deps(): RouterDeps & { saved: Map<number, TabStatus>; logs: string[] } {
  const saved = new Map<number, TabStatus>();
  const flags = new Set<string>();
  const logs: string[] = [];
  const tabs: TabStore = { get: async (id) => saved.get(id) ?? null, set: async (id, s) => void saved.set(id, s) };
  let n = 0;
  return {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext',
    tabs,
    session: { has: async (k) => flags.has(k), add: async (k) => void flags.add(k) },
    db: openRegistry,
    now: () => 1000,
    newId: () => `id${++n}`,
    log: (r) => logs.push(r),
    saved,
    logs,
  };
}

const recognition = (url: string, page: unknown = { kind: 'login', step: 'user-id' }) => ({
  type: 'page/recognised',
  recognition: {
    url,
    site: { base: 'https://spse.inaproc.id/jakarta', origin: 'https://spse.inaproc.id', basePath: '/jakarta', generation: '4.5', slug: 'jakarta', https: true },
    page,
    loginForm: true,
  },
});
const tabSender = { id: 'ext', url: 'https://spse.inaproc.id/jakarta/login', tab: { id: 7 } };

describe('background router', () => {
  it('answers a recognised SPSE page with its next action and remembers it for the popup', async () => {
    const d = deps();
    const reply = await route(recognition('https://spse.inaproc.id/jakarta/login'), tabSender, d);
    expect(reply).toEqual({ ok: true, value: { pageKind: 'login', nextAction: 'log-in', genuine: true, lpseName: 'LPSE Provinsi Daerah Khusus Ibukota Jakarta', params: { step: 'user-id' }, text: expect.objectContaining({ title: 'Masuk dengan User ID SPSE Anda', detail: expect.stringContaining('klik Login') }), collapsed: false } });
    const status = await route({ type: 'tab/status', tabId: 7 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' }, d);
    expect(status).toMatchObject({ ok: true, value: { status: { lpseKey: 'https://spse.inaproc.id/jakarta', nextAction: 'log-in', pageKind: 'login' } } });
  });

  it('injects the assistant UI into the asking tab’s top frame only, on an SPSE page', async () => {
    const d = deps();
    const loaded: [number, number][] = [];
    d.loadAssistant = async (tabId, frameId) => void loaded.push([tabId, frameId]);
    expect(await route({ type: 'assistant/load' }, { ...tabSender, frameId: 0 }, d)).toEqual({ ok: true, value: { loaded: true } });
    expect(loaded).toEqual([[7, 0]]);
    expect(await route({ type: 'assistant/load' }, { ...tabSender, frameId: 2 }, d)).toMatchObject({ ok: false, error: expect.stringMatching(/top frame/) });
    expect(await route({ type: 'assistant/load' }, { ...tabSender, url: 'https://example.com/login' }, d)).toMatchObject({ ok: false, error: expect.stringMatching(/not SPSE-shaped/) });
    expect(await route({ type: 'assistant/load' }, { id: 'ext', url: 'chrome-extension://ext/popup.html' }, d)).toMatchObject({ ok: false, error: expect.stringMatching(/from a tab/) });
    expect(loaded).toHaveLength(1);
  });

  it('injects the UI before replying when the page has none and the advice has something to show, and only then', async () => {
    const d = deps();
    const events: string[] = [];
    // Done a task later, as an injection is: a reply that did not wait for it would come first.
    d.loadAssistant = async (tabId, frameId, documentId) => {
      await new Promise((r) => setTimeout(r));
      events.push(`inject ${tabId}/${frameId}/${documentId}`);
    };
    const ask = async (wantsUi: boolean | undefined, url = 'https://spse.inaproc.id/jakarta/login', page?: unknown) => {
      const reply = await route({ ...recognition(url, page), ...(wantsUi !== undefined && { wantsUi }) }, { ...tabSender, url, frameId: 0, documentId: 'doc1' }, d);
      events.push(`reply ${(reply as { value: { nextAction: string | null } }).value.nextAction}`);
    };
    await ask(true);
    expect(events).toEqual(['inject 7/0/doc1', 'reply log-in']);
    await ask(false); // the UI is there already
    await ask(undefined);
    await ask(true, 'https://spse.inaproc.id/jakarta/lelang', { kind: 'other' }); // nothing to show
    expect(events).toEqual(['inject 7/0/doc1', 'reply log-in', 'reply log-in', 'reply log-in', 'reply null']);
    // An injection that fails (the document went away) still gets the page its advice.
    d.loadAssistant = async () => {
      throw new Error('No document with id doc1');
    };
    await ask(true);
    expect(events.at(-1)).toBe('reply log-in');
    expect(d.logs.join('\n')).toMatch(/No document/);
  });

  it.each([
    ['another extension', recognition('https://spse.inaproc.id/jakarta/login'), { ...tabSender, id: 'evil' }, /unknown sender/],
    ['a malformed message', { type: 'page/recognised', recognition: { url: 5 } }, tabSender, /invalid message/],
    ['an unknown type', { type: 'registry/drop-everything' }, tabSender, /invalid message/],
    ['registry/erase from a web page', { type: 'registry/erase' }, tabSender, /extension pages/],
    ['an import from a web page', { type: 'registry/import', data: {} }, tabSender, /extension pages/],
    ['a wrongly typed page kind', recognition('https://spse.inaproc.id/jakarta/login', { kind: 'pwned' }), tabSender, /invalid message/],
    ['an oversized message', { ...recognition('https://spse.inaproc.id/jakarta/login'), pad: 'x'.repeat(70_000) }, tabSender, /too large/],
    ['a page speaking for another origin', recognition('https://spse.inaproc.id/jakarta/login'), { ...tabSender, url: 'https://evil.example/eproc4/' }, /another origin/],
    ['tab/status from a web page', { type: 'tab/status', tabId: 7 }, tabSender, /extension pages/],
    ['registry/view from a web page', { type: 'registry/view' }, tabSender, /extension pages/],
    ['sync/set from a web page', { type: 'sync/set', enabled: true }, tabSender, /extension pages/],
    ['sync/status from a web page', { type: 'sync/status' }, tabSender, /extension pages/],
    ['a message from a subframe', recognition('https://spse.inaproc.id/jakarta/login'), { ...tabSender, frameId: 3 }, /top frame/],
    ['a page that is not SPSE-shaped', { type: 'login/user-id', userId: 'ABC' }, { ...tabSender, url: 'https://webmail.example.co.id/login' }, /not SPSE-shaped/],
    ['a User ID with markup', { type: 'login/user-id', userId: '<img src=x>' }, tabSender, /invalid message/],
  ])('rejects %s with a logged reason and changes nothing', async (_name, message, sender, reason) => {
    const d = deps();
    const reply = await route(message, sender, d);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(reason) });
    expect(d.logs.join('\n')).toMatch(reason);
    expect(d.saved.size).toBe(0);
    const view = await readRegistry(await openRegistry());
    expect([view.lpses, view.accounts, view.attempts, view.observations].flat()).toEqual([]);
  });

  it('turns an SPSE-looking page on an unknown address into suspicious-site', async () => {
    const d = deps();
    const msg = recognition('https://lpse-jakarta.net/eproc4/login');
    const reply = await route(msg, { ...tabSender, url: 'https://lpse-jakarta.net/eproc4/login' }, d);
    expect(reply).toMatchObject({ ok: true, value: { pageKind: 'login', nextAction: 'suspicious-site', genuine: false, params: {} } });
    // and nothing is learned there, not even a User ID typed into its form
    expect(await route({ type: 'login/user-id', userId: 'SENTOSA01' }, { ...tabSender, url: 'https://lpse-jakarta.net/eproc4/login' }, d)).toEqual({ ok: true, value: { accepted: false } });
    const view = await readRegistry(await openRegistry());
    expect([view.lpses, view.accounts, view.attempts, view.observations].flat()).toEqual([]);
  });

  it('takes what the penyedia states (registered at, User ID Default) and uses it at the next login', async () => {
    const d = deps();
    const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };
    await route({ type: 'penyedia/state', userId: 'MITRAKARYA', registeredAt: ['https://spse.inaproc.id/kemkes'], isDefault: true, label: 'CV Mitra' }, page, d);
    const view = (await route({ type: 'registry/view' }, page, d)) as { ok: true; value: { accounts: { userId: string; penyediaId: string; sources: { from: string }[] }[] } };
    const pid = view.value.accounts[0]!.penyediaId;
    expect(view.value.accounts[0]!.sources).toEqual([expect.objectContaining({ from: 'penyedia' })]);
    await route({ type: 'penyedia/state', userId: 'MITRAKARYA.BTG', registeredAt: ['https://spse.inaproc.id/batangkab'], penyediaId: pid }, page, d);
    const reply = await route(recognition('https://spse.inaproc.id/jakarta/login'), tabSender, d);
    expect(reply).toMatchObject({ ok: true, value: { nextAction: 'use-default-user-id', params: { userId: 'MITRAKARYA', mode: 'roaming' } } });
    // removing the Default clears it from its penyedia; removing the last account removes the penyedia
    expect(await route({ type: 'penyedia/forget', userId: 'mitrakarya' }, page, d)).toEqual({ ok: true, value: { forgotten: true } });
    const after = (await route({ type: 'registry/view' }, page, d)) as { ok: true; value: { accounts: { userId: string }[]; penyedia: { defaultUserId?: string }[] } };
    expect(after.value.accounts.map((a) => a.userId)).toEqual(['MITRAKARYA.BTG']);
    expect(after.value.penyedia).toEqual([expect.not.objectContaining({ defaultUserId: expect.anything() })]);
    await route({ type: 'penyedia/forget', userId: 'MITRAKARYA.BTG' }, page, d);
    expect(((await route({ type: 'registry/view' }, page, d)) as { value: { penyedia: unknown[] } }).value.penyedia).toEqual([]);
    expect(await route({ type: 'penyedia/forget', userId: 'NOBODY' }, page, d)).toEqual({ ok: true, value: { forgotten: false } });
    // and a web page may not state anything
    expect(await route({ type: 'penyedia/state', userId: 'EVIL', isDefault: true }, tabSender, d)).toMatchObject({ ok: false });
  });

  it('derives the LPSE from the sender, not from the payload', async () => {
    const d = deps();
    const msg = recognition('https://spse.inaproc.id/kemkes/login');
    const reply = await route(msg, { ...tabSender, url: 'https://spse.inaproc.id/kemkes/login' }, d);
    expect(reply).toMatchObject({ ok: true, value: { lpseName: 'LPSE Kementrian Kesehatan Republik Indonesia' } });
    expect(d.saved.get(7)?.lpseKey).toBe('https://spse.inaproc.id/kemkes');
  });

  it('never throws on a store failure: the error is an envelope', async () => {
    const d = deps();
    d.tabs.set = vi.fn().mockRejectedValue(new Error('quota'));
    expect(await route(recognition('https://spse.inaproc.id/jakarta/login'), tabSender, d)).toMatchObject({ ok: false, error: /quota/ });
  });
});

describe('one wire: every reply the router gives matches its reply schema in the protocol map', () => {
  it('for a journey of page and extension-page messages', async () => {
    const { protocol } = await import('@/lib/protocol');
    const d = deps();
    const page = { id: 'ext', url: 'https://spse.inaproc.id/jakarta/login/penyedia', tab: { id: 7 } };
    const extPage = { id: 'ext', url: 'chrome-extension://ext/options.html' };
    const messages: [Record<string, unknown> & { type: keyof typeof protocol }, typeof page | typeof extPage][] = [
      [recognition('https://spse.inaproc.id/jakarta/login/penyedia') as never, page],
      [{ type: 'login/user-id', userId: 'SENTOSA01' }, page],
      [{ type: 'login/start', url: 'https://spse.inaproc.id/jakarta/' }, page],
      [{ type: 'penyedia/state', userId: 'MITRAKARYA', registeredAt: ['https://spse.inaproc.id/kemkes'], isDefault: true }, extPage],
      [{ type: 'penyedia/choose-default', userId: 'MITRAKARYA' }, page],
      [{ type: 'registry/view' }, extPage],
      [{ type: 'popup/summary' }, extPage],
      [{ type: 'settings/get' }, extPage],
      [{ type: 'settings/set', lang: 'en' }, extPage],
      [{ type: 'registry/export' }, extPage],
      [{ type: 'directory/search', query: 'batang' }, extPage],
      [{ type: 'tab/status', tabId: 7 }, extPage],
      [{ type: 'dismissed/list' }, extPage],
    ];
    for (const [message, sender] of messages) {
      const reply = await route(message, sender, d);
      expect(reply.ok, `${message.type}: ${JSON.stringify(reply)}`).toBe(true);
      const parsed = protocol[message.type].reply.safeParse((reply as { value: unknown }).value);
      expect(parsed.success, `${message.type}: ${JSON.stringify(parsed.error?.issues?.slice(0, 2))}`).toBe(true);
    }
  });

  it('never accepts a message only the background sends', async () => {
    const d = deps();
    expect(await route({ type: 'advice/refresh' }, { id: 'ext', url: 'chrome-extension://ext/popup.html' }, d)).toMatchObject({ ok: false });
  });
});
