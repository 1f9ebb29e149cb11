/**
 * The content script on legacy LPSE addresses (`/eproc4/`, `/eproc/` on their own hosts) is registered at
 * run time, only while the penyedia has granted the optional host permission for them.
 */
import { browser } from 'wxt/browser';
import { LEGACY_HOST_PATTERNS, LEGACY_SCRIPT_ID, SPSE_HOST_PATTERN } from '../spse/hosts';

export const CONTENT_SCRIPT_FILE = 'content-scripts/spse.js';

export async function syncLegacyContentScript(): Promise<boolean> {
  const granted = await browser.permissions.contains({ origins: [...LEGACY_HOST_PATTERNS] });
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [LEGACY_SCRIPT_ID] })).length > 0;
  if (granted && !registered) {
    await browser.scripting.registerContentScripts([
      {
        id: LEGACY_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        matches: [...LEGACY_HOST_PATTERNS],
        // spse.inaproc.id already has the manifest's content script.
        excludeMatches: [SPSE_HOST_PATTERN],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!granted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [LEGACY_SCRIPT_ID] });
  }
  return granted;
}
