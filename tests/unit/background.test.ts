import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { syncLegacyContentScript } from '@/lib/worker/legacy-access';
import { LEGACY_HOST_PATTERNS, LEGACY_SCRIPT_ID } from '@/lib/spse/hosts';

// The fake browser has no permissions/scripting implementation: give it a small in-memory one.
function fakePermissionsAndScripting(granted: boolean) {
  const registered = new Map<string, unknown>();
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async () => granted),
    onAdded: { addListener: vi.fn() },
    onRemoved: { addListener: vi.fn() },
  });
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.filter((id) => registered.has(id)).map((id) => registered.get(id))),
      registerContentScripts: vi.fn(async (scripts: { id: string }[]) => scripts.forEach((s) => registered.set(s.id, s))),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id))),
    },
  });
  return registered;
}

describe('background entrypoint (WXT fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('routes protocol messages through its listener and refuses a sender that is not an extension page', async () => {
    fakePermissionsAndScripting(false);
    Object.assign(fakeBrowser.runtime, { getManifest: () => ({ manifest_version: 3, name: 'SPSE Assist', version: '0.0.0' }) });
    background.main();
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'tab/status', tabId: 1 });
    expect(reply).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('registers the legacy content script only while the optional legacy permission is granted', async () => {
    const registered = fakePermissionsAndScripting(true);
    expect(await syncLegacyContentScript()).toBe(true);
    expect(registered.get(LEGACY_SCRIPT_ID)).toMatchObject({ matches: [...LEGACY_HOST_PATTERNS], js: ['content-scripts/spse.js'] });
    await syncLegacyContentScript(); // idempotent: a second start of the worker registers nothing twice
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);

    (fakeBrowser.permissions.contains as ReturnType<typeof vi.fn>).mockResolvedValue(false);
    expect(await syncLegacyContentScript()).toBe(false);
    expect(registered.size).toBe(0);
  });
});
