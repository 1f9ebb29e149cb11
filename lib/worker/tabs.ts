/** The background's reach into open tabs: only its own content script, only on SPSE addresses. */
import { browser } from 'wxt/browser';
import type { Request } from '../protocol';
import { LEGACY_HOST_PATTERNS, SPSE_HOST_PATTERN } from '../spse/hosts';
import { CONTENT_SCRIPT_FILE } from './legacy-access';

/** Open tabs whose address the content script may run on (the legacy ones only when granted). */
async function spseTabs() {
  const patterns: string[] = [SPSE_HOST_PATTERN];
  if (await browser.permissions.contains({ origins: [...LEGACY_HOST_PATTERNS] })) patterns.push(...LEGACY_HOST_PATTERNS);
  return browser.tabs.query({ url: patterns });
}

/** After a change made in the popup or options, open SPSE tabs ask for their advice again. */
export async function refreshOpenTabs(): Promise<void> {
  for (const tab of await spseTabs()) if (tab.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'advice/refresh' } satisfies Request<'advice/refresh'>).catch(() => {});
}

/**
 * At install or update, SPSE tabs already open get the content script without a reload. Firefox already
 * injects the manifest's content script into open tabs itself: there only the legacy addresses need it.
 */
export async function injectIntoOpenTabs(firefox = import.meta.env.FIREFOX): Promise<void> {
  const manifestMatch = (url = '') => url.startsWith(SPSE_HOST_PATTERN.slice(0, -1));
  for (const tab of await spseTabs()) {
    if (tab.id === undefined || tab.discarded || (firefox && manifestMatch(tab.url))) continue;
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${CONTENT_SCRIPT_FILE}` as '/content-scripts/spse.js'] }).catch(() => {});
  }
}
