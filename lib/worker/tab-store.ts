import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { tabStatusSchema, type TabStatus } from '../protocol';
import type { IntentStore, SessionFlags, TabStore } from './router';

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

const intentSchema = z.strictObject({ lpseKey: z.string().check(z.maxLength(300)), userId: z.optional(z.string().check(z.maxLength(64))), at: z.number() });

/** Each tab's login intent (RULES.md R18), in `storage.session`: a stopped worker keeps the journey going. */
export const sessionIntentStore: IntentStore = {
  async get(tabId) {
    const key = `intent:${tabId}`;
    const parsed = intentSchema.safeParse((await browser.storage.session.get(key))[key]);
    return parsed.success ? parsed.data : null;
  },
  async set(tabId, intent) {
    await browser.storage.session.set({ [`intent:${tabId}`]: intent });
  },
  async remove(tabId) {
    await browser.storage.session.remove(`intent:${tabId}`);
  },
};
