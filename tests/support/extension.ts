/** Talking to the extension as its own pages do: through its protocol, from an extension page. */
import type { Page } from 'puppeteer-core';
import type { RegistryView } from '../../lib/registry/registry';
import type { ExtensionBrowser } from './browser';

/** An extension page (the popup's document, opened as a tab) to send protocol messages from. */
export async function extensionPage(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  return page;
}

export async function sendFrom<T>(page: Page, message: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message)) as
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

/** Stops the extension's service worker (as Chrome does when idle) and waits until it is gone. */
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
