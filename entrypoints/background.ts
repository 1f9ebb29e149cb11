import { browser } from 'wxt/browser';
import { browserName } from '@/lib/contact';
import { injectIntoOpenTabs, refreshOpenTabs } from '@/lib/worker/tabs';
import { syncLegacyContentScript } from '@/lib/worker/legacy-access';
import { route, type RouterDeps } from '@/lib/worker/router';
import { browserSyncArea, createSync } from '@/lib/worker/sync';
import { sessionFlags, sessionIntentStore, sessionTabStore } from '@/lib/worker/tab-store';
import { hasSpseAccess } from '@/lib/host-access';
import { openRegistry } from '@/lib/worker/registry/db';

/** Messages that only read: no sync step after them. */
const READ_ONLY = new Set(['registry/view', 'popup/summary', 'settings/get', 'directory/search', 'contact/info', 'registry/export', 'tab/status', 'assistant/load', 'sync/status', 'sync/set']);

export default defineBackground(() => {
  const log = (reason: string) => console.warn(`[spse-assist] ${reason}`);
  // Opt-in sync through the browser's own storage.sync: off until the penyedia turns it on.
  const syncer = createSync({ db: openRegistry, area: browserSyncArea(browser.storage.sync as never), refreshTabs: refreshOpenTabs, log });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') void syncer.onChanged(changes as Record<string, { newValue?: unknown }>);
  });
  // A worker stopped before its batch went out catches up when it starts again (nothing to do while off).
  syncer.schedule();
  const deps: RouterDeps = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    tabs: sessionTabStore,
    session: sessionFlags,
    intents: sessionIntentStore,
    db: openRegistry,
    refreshTabs: refreshOpenTabs,
    // Into the document that asked where the browser can say which one it is (Chrome); else into its frame.
    loadAssistant: async (tabId, frameId, documentId) => {
      const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [frameId] };
      await browser.scripting.executeScript({ target, files: ['/assistant.js'] });
    },
    version: browser.runtime.getManifest().version,
    browser: browserName(globalThis.navigator?.userAgent ?? ''),
    sync: syncer,
    log,
  };

  // Chrome's callback form (sendResponse + return true): works in Chromium, Firefox and WXT's fake browser.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    route(message, sender, deps).then((reply) => {
      sendResponse(reply);
      // A change to the registry goes to sync, batched (nothing happens while sync is off).
      const type = (message as { type?: unknown } | null)?.type;
      if (reply.ok && typeof type === 'string' && !READ_ONLY.has(type)) syncer.schedule();
    });
    return true;
  });

  const legacy = () => syncLegacyContentScript().catch((e: unknown) => deps.log?.(`legacy content script: ${String(e)}`));
  // Without access to spse.inaproc.id (Firefox leaves it to the penyedia) the toolbar button says so; the
  // popup and the welcome page ask for it.
  const accessBadge = () =>
    hasSpseAccess(browser.permissions)
      .then((ok) => browser.action.setBadgeText({ text: ok ? '' : '!' }))
      .catch((e: unknown) => deps.log?.(`access badge: ${String(e)}`));
  const sync = () => void Promise.all([legacy(), accessBadge()]);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.tabs.onRemoved.addListener((tabId) => void Promise.all([sessionTabStore.remove(tabId), sessionIntentStore.remove(tabId)]));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Migrations run on install and update (opening the database upgrades it), not at the first page.
    void openRegistry().catch((e: unknown) => deps.log?.(`registry: ${String(e)}`));
    // SPSE tabs already open get the assistant without a reload.
    void injectIntoOpenTabs().catch((e: unknown) => deps.log?.(`inject: ${String(e)}`));
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  void sync();
});
