// @vitest-environment happy-dom
// The onboarding step for access to spse.inaproc.id (Firefox leaves it to the penyedia): hidden while access
// is held; otherwise it says why in Bahasa Indonesia and asks with one button, then thanks or explains.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HostAccess } from '@/components/HostAccess';
import { SPSE_ACCESS } from '@/lib/host-access';
import { t } from '@/lib/i18n';

describe('HostAccess (happy-dom, fake browser)', () => {
  let held: boolean;
  let answer: boolean;
  let root: HTMLElement;
  const listeners: (() => void)[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    held = false;
    answer = true;
    listeners.length = 0;
    Object.assign(fakeBrowser.permissions, {
      contains: vi.fn(async (p: unknown) => (expect(p).toEqual(SPSE_ACCESS), held)),
      request: vi.fn(async () => ((held = answer), answer)),
      onAdded: { addListener: (f: () => void) => listeners.push(f), removeListener: vi.fn() },
      onRemoved: { addListener: (f: () => void) => listeners.push(f), removeListener: vi.fn() },
    });
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  it('shows nothing while access is held', async () => {
    held = true;
    render(<HostAccess lang="id" />, root);
    await vi.waitFor(() => expect(root.querySelector('#host-access[data-access="granted"]')).not.toBeNull());
    expect(root.querySelector<HTMLElement>('#host-access')!.hidden).toBe(true);
    expect(root.textContent).toBe('');
  });

  it('asks in Bahasa Indonesia, requests spse.inaproc.id on the click, then thanks', async () => {
    render(<HostAccess lang="id" />, root);
    await vi.waitFor(() => expect(root.querySelector('#grant-access')).not.toBeNull());
    expect(root.querySelector('h2')!.textContent).toBe(t('id', 'access_title'));
    expect(root.textContent).toContain('tidak pernah membaca kata sandi');
    (root.querySelector('#grant-access') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector('#host-access[role="status"]')?.textContent).toBe(t('id', 'access_granted')));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith(SPSE_ACCESS);
  });

  it('a refusal is explained and the button stays; access withdrawn elsewhere brings the question back', async () => {
    answer = false;
    render(<HostAccess lang="en" />, root);
    await vi.waitFor(() => expect(root.querySelector('#grant-access')).not.toBeNull());
    (root.querySelector('#grant-access') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe(t('en', 'access_refused')));
    expect(root.querySelector('#grant-access')).not.toBeNull();
    // granted in the browser's own settings: the page follows
    held = true;
    listeners.forEach((f) => f());
    await vi.waitFor(() => expect(root.querySelector('#host-access[data-access="granted"]')).not.toBeNull());
    expect(root.querySelector('#grant-access')).toBeNull();
  });
});
