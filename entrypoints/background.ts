import { browser } from 'wxt/browser';
import { route } from '@/lib/background/router';
import { syncLegacyContentScript } from '@/lib/background/legacy-access';
import { sessionTabStore } from '@/lib/background/tab-store';

export default defineBackground(() => {
  const deps = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    tabs: sessionTabStore,
    log: (reason: string) => console.warn(`[spse-assist] ${reason}`),
  };

  // Chrome's callback form (sendResponse + return true): works in Chromium, Firefox and WXT's fake browser.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    route(message, sender, deps).then(sendResponse);
    return true;
  });

  const sync = () => syncLegacyContentScript().catch((e: unknown) => deps.log(`legacy content script: ${String(e)}`));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.tabs.onRemoved.addListener((tabId) => void sessionTabStore.remove(tabId));
  void sync();
});
