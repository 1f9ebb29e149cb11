import { browser } from 'wxt/browser';
import { tabStatusSchema, type TabStatus } from '../protocol';
import type { SessionFlags, TabStore } from './router';

/**
 * What each tab last showed, in `storage.session`: it survives the service worker being stopped and is
 * gone when the browser closes. Read back through zod like every record.
 */
export const sessionTabStore: TabStore & { remove(tabId: number): Promise<void> } = {
  async get(tabId) {
    const key = `tab:${tabId}`;
    const parsed = tabStatusSchema.safeParse((await browser.storage.session.get(key))[key]);
    return parsed.success ? parsed.data : null;
  },
  async set(tabId, status: TabStatus) {
    await browser.storage.session.set({ [`tab:${tabId}`]: status });
  },
  async remove(tabId) {
    await browser.storage.session.remove(`tab:${tabId}`);
  },
};

/** Flags for this browser session (e.g. `ready` said at an LPSE). */
export const sessionFlags: SessionFlags = {
  async has(key) {
    return (await browser.storage.session.get(`flag:${key}`))[`flag:${key}`] === true;
  },
  async add(key) {
    await browser.storage.session.set({ [`flag:${key}`]: true });
  },
};
