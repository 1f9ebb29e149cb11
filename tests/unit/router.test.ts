import { describe, expect, it, vi } from 'vitest';
import { route, type RouterDeps, type TabStore } from '@/lib/background/router';
import type { TabStatus } from '@/lib/protocol';

function deps(): RouterDeps & { saved: Map<number, TabStatus>; logs: string[] } {
  const saved = new Map<number, TabStatus>();
  const logs: string[] = [];
  const tabs: TabStore = { get: async (id) => saved.get(id) ?? null, set: async (id, s) => void saved.set(id, s) };
  return { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext', tabs, now: () => 1000, log: (r) => logs.push(r), saved, logs };
}

const recognition = (url: string, page: unknown = { kind: 'login', step: 'user-id' }) => ({
  type: 'page/recognised',
  recognition: {
    url,
    site: { base: 'https://spse.inaproc.id/jakarta', origin: 'https://spse.inaproc.id', basePath: '/jakarta', generation: '4.5', slug: 'jakarta', https: true },
    page,
    markers: true,
  },
});
const tabSender = { id: 'ext', url: 'https://spse.inaproc.id/jakarta/login', tab: { id: 7 } };

describe('background router', () => {
  it('answers a recognised SPSE page with its next action and remembers it for the popup', async () => {
    const d = deps();
    const reply = await route(recognition('https://spse.inaproc.id/jakarta/login'), tabSender, d);
    expect(reply).toEqual({ ok: true, value: { pageKind: 'login', nextAction: 'log-in', genuine: true, lpseName: 'LPSE Provinsi Daerah Khusus Ibukota Jakarta' } });
    const status = await route({ type: 'tab/status', tabId: 7 }, { id: 'ext', url: 'chrome-extension://ext/popup.html' }, d);
    expect(status).toMatchObject({ ok: true, value: { status: { lpseKey: 'https://spse.inaproc.id/jakarta', nextAction: 'log-in', pageKind: 'login' } } });
  });

  it.each([
    ['another extension', recognition('https://spse.inaproc.id/jakarta/login'), { ...tabSender, id: 'evil' }, /unknown sender/],
    ['a malformed message', { type: 'page/recognised', recognition: { url: 5 } }, tabSender, /invalid message/],
    ['an unknown type', { type: 'registry/erase' }, tabSender, /invalid message/],
    ['a wrongly typed page kind', recognition('https://spse.inaproc.id/jakarta/login', { kind: 'pwned' }), tabSender, /invalid message/],
    ['an oversized message', { ...recognition('https://spse.inaproc.id/jakarta/login'), pad: 'x'.repeat(70_000) }, tabSender, /too large/],
    ['a page speaking for another origin', recognition('https://spse.inaproc.id/jakarta/login'), { ...tabSender, url: 'https://evil.example/eproc4/' }, /another origin/],
    ['tab/status from a web page', { type: 'tab/status', tabId: 7 }, tabSender, /extension pages/],
  ])('rejects %s with a logged reason and changes nothing', async (_name, message, sender, reason) => {
    const d = deps();
    const reply = await route(message, sender, d);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(reason) });
    expect(d.logs.join('\n')).toMatch(reason);
    expect(d.saved.size).toBe(0);
  });

  it('turns an SPSE-looking page on an unknown address into suspicious-site', async () => {
    const d = deps();
    const msg = recognition('https://lpse-jakarta.net/eproc4/login');
    msg.recognition.site = { base: 'https://lpse-jakarta.net/eproc4', origin: 'https://lpse-jakarta.net', basePath: '/eproc4', generation: '4.x', https: true } as never;
    const reply = await route(msg, { ...tabSender, url: 'https://lpse-jakarta.net/eproc4/login' }, d);
    expect(reply).toEqual({ ok: true, value: { pageKind: 'login', nextAction: 'suspicious-site', genuine: false } });
  });

  it('never throws on a store failure: the error is an envelope', async () => {
    const d = deps();
    d.tabs.set = vi.fn().mockRejectedValue(new Error('quota'));
    expect(await route(recognition('https://spse.inaproc.id/jakarta/login'), tabSender, d)).toMatchObject({ ok: false, error: /quota/ });
  });
});
