/** Talking to the extension as its own pages do: through its protocol, from an extension page. */
import type { Page } from 'puppeteer-core';
import type { RegistryView } from '../../lib/worker/registry/registry';
import { LEGACY_HOST_PATTERNS, SPSE_HOST_PATTERN } from '../../lib/spse/hosts';
import { openExtensionPage, type ExtensionBrowser } from './browser';

/** An extension page (the popup's document, opened as a tab) to send protocol messages from. */
export async function extensionPage(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.browser.newPage();
  await openExtensionPage(ext, page, 'popup.html');
  return page;
}

export async function sendFrom<T>(page: Page, message: unknown): Promise<T> {
  type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const reply = (await page.evaluate((m) => {
    const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    return (g.browser ?? g.chrome).runtime.sendMessage(m);
  }, message)) as
    | { ok: true; value: T }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** The registry's contents, read through the extension's own `registry/view` message. */
export async function registryOf(ext: ExtensionBrowser): Promise<RegistryView> {
  const page = await extensionPage(ext);
  try {
    return await sendFrom<RegistryView>(page, { type: 'registry/view' });
  } finally {
    await page.close();
  }
}

/** Chromium only (DevTools protocol): stops the extension's service worker (as Chrome does when idle) and
 * waits until it is gone. */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const page = await extensionPage(ext);
  const cdp = await page.createCDPSession();
  const sw = await ext.worker();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
  // Poll until the worker's target is gone.
  for (let i = 0; i < 100 && ext.browser.targets().includes(sw); i++) await new Promise((r) => setTimeout(r, 50));
  if (ext.browser.targets().includes(sw)) throw new Error('service worker did not stop');
}

/** The id of the first tab whose address matches `pattern` (a match pattern), asked from an extension page. */
export async function tabIdOf(extPage: Page, pattern: string): Promise<number> {
  type Tabs = { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };
  const id = await extPage.evaluate(async (u) => {
    const g = globalThis as unknown as { browser?: Tabs; chrome: Tabs };
    return (await (g.browser ?? g.chrome).tabs.query({ url: u }))[0]?.id;
  }, pattern);
  if (typeof id !== 'number') throw new Error(`no tab at ${pattern}`);
  return id;
}

/**
 * Withdraws access to spse.inaproc.id (and the legacy patterns, which Firefox widens to every site), as a
 * penyedia can in Firefox's add-on settings; from an extension page. True when access is then gone.
 */
export async function withdrawSpseAccess(extPage: Page): Promise<boolean> {
  type Permissions = { permissions: { remove(p: { origins: string[] }): Promise<boolean>; contains(p: { origins: string[] }): Promise<boolean> } };
  return extPage.evaluate(
    async (origins) => {
      const g = globalThis as unknown as { browser?: Permissions; chrome: Permissions };
      const api = (g.browser ?? g.chrome).permissions;
      await api.remove({ origins }).catch(() => false);
      return !(await api.contains({ origins: [origins[0]!] }));
    },
    [SPSE_HOST_PATTERN, ...LEGACY_HOST_PATTERNS],
  );
}
