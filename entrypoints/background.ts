import { browser } from 'wxt/browser';
import { syncLegacyContentScript } from '@/lib/background/legacy-access';
import { route, type RouterDeps } from '@/lib/background/router';
import { sessionFlags, sessionTabStore } from '@/lib/background/tab-store';
import { openRegistry } from '@/lib/registry/db';

export default defineBackground(() => {
  const deps: RouterDeps = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    tabs: sessionTabStore,
    session: sessionFlags,
    db: openRegistry,
    log: (reason: string) => console.warn(`[spse-assist] ${reason}`),
  };

  // Chrome's callback form (sendResponse + return true): works in Chromium, Firefox and WXT's fake browser.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    route(message, sender, deps).then(sendResponse);
    return true;
  });

  const sync = () => syncLegacyContentScript().catch((e: unknown) => deps.log?.(`legacy content script: ${String(e)}`));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.tabs.onRemoved.addListener((tabId) => void sessionTabStore.remove(tabId));
  // Migrations run on install and update (opening the database upgrades it), not at the first page.
  browser.runtime.onInstalled.addListener(() => void openRegistry().catch((e: unknown) => deps.log?.(`registry: ${String(e)}`)));
  void sync();
});
