// End to end, sync through the browser's own storage.sync (issue 16) with two real browser profiles. No
// browser account can sign in here, so the test plays the browser's sync servers: it relays storage.sync
// changes between the two profiles (what one wrote is set in the other, whose storage.onChanged then fires).
// Sync off writes nothing; turning it on with data on both sides merges and says what it merged; a User ID
// Default set on one shows in the other's open SPSE tab without a reload; conflicting edits converge; a
// corrupt item is refused (quarantined, never applied); a full store is told in Settings and loses nothing.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { RegistryView } from '../../lib/worker/registry/registry';
import { canon } from '../../lib/worker/sync/codec';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { launchWithExtension, openExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';
import { extensionPage, registryOf, sendFrom } from '../../scripts/support/extension';

const JKT = 'https://spse.inaproc.id/jakarta';
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
let sim: Simulator;
let a: ExtensionBrowser, b: ExtensionBrowser;
let pa: Page, pb: Page;

type Area = { storage: { sync: { get(k: null): Promise<Record<string, unknown>>; set(i: Record<string, unknown>): Promise<void>; remove(k: string[]): Promise<void> } } };
const syncOf = (p: Page) => p.evaluate(() => ((globalThis as unknown as { browser?: Area }).browser ?? (globalThis as unknown as { chrome: Area }).chrome).storage.sync.get(null));
const setSync = (p: Page, items: Record<string, unknown>) => p.evaluate((i) => ((globalThis as unknown as { browser?: Area }).browser ?? (globalThis as unknown as { chrome: Area }).chrome).storage.sync.set(i), items);
const removeSync = (p: Page, keys: string[]) => p.evaluate((k) => ((globalThis as unknown as { browser?: Area }).browser ?? (globalThis as unknown as { chrome: Area }).chrome).storage.sync.remove(k), keys);

/** The test as the sync servers: what changed in one profile's storage.sync since the last relay goes to the other. */
const seen = new Map<Page, Record<string, unknown>>();
async function relayOnce(from: Page, to: Page): Promise<number> {
  const now = await syncOf(from);
  const last = seen.get(from) ?? {};
  const changed = Object.fromEntries(Object.entries(now).filter(([k, v]) => canon(last[k]) !== canon(v)));
  const removed = Object.keys(last).filter((k) => !(k in now));
  seen.set(from, now);
  if (Object.keys(changed).length) await setSync(to, changed);
  if (removed.length) await removeSync(to, removed);
  // What the other side now holds came from here: not to be relayed back as its own change.
  seen.set(to, { ...(seen.get(to) ?? {}), ...changed });
  for (const k of removed) delete seen.get(to)![k];
  return Object.keys(changed).length + removed.length;
}
/** Relays both ways until both stores are quiet (each profile's background writes after 1.5 s). */
async function relay(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 2200));
    const moved = (await relayOnce(pa, pb)) + (await relayOnce(pb, pa));
    if (!moved && i > 0) return;
  }
}

const state = (p: Page, st: Record<string, unknown>) => sendFrom<{ penyedia: { id: string } }>(p, { type: 'penyedia/state', ...st });
const essentials = (r: RegistryView) =>
  canon({
    accounts: r.accounts.map(({ lastLogin: _l, sources: _s, ...x }) => x).sort((x, y) => x.key.localeCompare(y.key)),
    penyedia: r.penyedia.map(({ defaultSource: _d, ...x }) => x).sort((x, y) => x.id.localeCompare(y.id)),
  });

async function options(ext: ExtensionBrowser): Promise<Page> {
  const p = await ext.browser.newPage();
  await openExtensionPage(ext, p, 'options.html');
  await p.waitForSelector('#sync-enabled:not([disabled])');
  return p;
}

beforeAll(async () => {
  sim = await startSimulator();
  a = await launchWithExtension({ sim });
  b = await launchWithExtension({ sim });
  pa = await extensionPage(a);
  pb = await extensionPage(b);
}, 120_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await sim?.close();
});

describe('sync through storage.sync, two profiles relayed by the test', () => {
  it('sync off (the default): nothing is written to storage.sync', async () => {
    const { penyedia } = await state(pa, { userId: 'MITRAKARYA', registeredAt: ['https://spse.inaproc.id/kemkes'], label: 'CV Mitra Karya' });
    await state(pa, { userId: 'MITRAKARYA.BTG', registeredAt: ['https://spse.inaproc.id/batangkab'], penyediaId: penyedia.id });
    await state(pb, { userId: 'SENTOSA01', registeredAt: [JKT], activation: 'activated' });
    await new Promise((r) => setTimeout(r, 2500)); // past the background's batching
    expect(await syncOf(pa)).toEqual({});
    expect(await syncOf(pb)).toEqual({});
    expect(await sendFrom(pa, { type: 'sync/status' })).toMatchObject({ enabled: false });
  });

  it('turned on in Settings with data on both sides: merges, and says what it merged', async () => {
    const oa = await options(a);
    await oa.click('#sync-enabled');
    await oa.waitForSelector('#sync-merged');
    expect(await oa.$eval('#sync-merged', (e) => e.getAttribute('data-sent'))).not.toBe('0');
    await relay();
    const ob = await options(b);
    await ob.click('#sync-enabled');
    await ob.waitForSelector('#sync-merged');
    const merged = await ob.$eval('#sync-merged', (e) => ({ taken: Number(e.getAttribute('data-taken')), sent: Number(e.getAttribute('data-sent')), text: e.textContent }));
    expect(merged.taken).toBeGreaterThanOrEqual(3); // two accounts and their penyedia
    expect(merged.sent).toBeGreaterThanOrEqual(2); // SENTOSA01 and its penyedia
    expect(merged.text).toContain('Digabungkan');
    await relay();
    const [ra, rb] = [await registryOf(a), await registryOf(b)];
    expect(ra.accounts.map((x) => x.userId).sort()).toEqual(['MITRAKARYA', 'MITRAKARYA.BTG', 'SENTOSA01']);
    expect(essentials(ra)).toBe(essentials(rb));
    await oa.close();
    await ob.close();
  });

  it('a removal on one is a removal on the other', async () => {
    expect(await sendFrom(pb, { type: 'penyedia/forget', userId: 'SENTOSA01' })).toEqual({ forgotten: true });
    await relay();
    expect((await registryOf(a)).accounts.map((x) => x.userId).sort()).toEqual(['MITRAKARYA', 'MITRAKARYA.BTG']);
    expect('x' in ((await syncOf(pa))['a.sentosa01'] as object)).toBe(true); // a tombstone
  });

  it('a User ID Default set on one shows in the other’s open SPSE tab, without a reload', async () => {
    const tab = await b.browser.newPage();
    await tab.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
    await tab.waitForSelector('spse-assist[data-page-kind="login"]');
    const text = () => tab.$eval('spse-assist', (el) => el.shadowRoot?.textContent ?? '');
    await tab.waitForFunction(() => !!document.querySelector('spse-assist')?.shadowRoot?.querySelector('[data-ask="default"]'), { timeout: 10_000 });
    const loads = await tab.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin);
    await state(pa, { userId: 'MITRAKARYA', isDefault: true });
    await relay();
    await tab.waitForFunction(() => (document.querySelector('spse-assist')?.shadowRoot?.textContent ?? '').includes('Isi User ID MITRAKARYA'), { timeout: 15_000 });
    expect(await text()).toContain('MITRAKARYA');
    expect(await tab.evaluate(() => performance.getEntriesByType('navigation').length + ':' + performance.timeOrigin)).toBe(loads); // not reloaded
    await tab.close();
  });

  it('conflicting edits on both, before either hears of the other, converge', async () => {
    const id = (await registryOf(a)).penyedia.find((p) => p.defaultUserId === 'MITRAKARYA')!.id;
    await state(pa, { userId: 'MITRAKARYA', label: 'CV Mitra Karya (kantor)', penyediaId: id });
    await state(pb, { userId: 'MITRAKARYA', label: 'CV Mitra Karya (laptop)', penyediaId: id });
    await state(pb, { userId: 'MITRAKARYA.BTG', isDefault: true, penyediaId: id });
    await relay(6);
    const [ra, rb] = [await registryOf(a), await registryOf(b)];
    expect(essentials(ra)).toBe(essentials(rb));
    expect(ra.penyedia.find((p) => p.id === id)?.label).toBe('CV Mitra Karya (laptop)'); // the later writer
    expect(ra.penyedia.find((p) => p.id === id)?.defaultUserId).toBe('MITRAKARYA.BTG');
  });

  it('a corrupt item from sync is refused: quarantined, reported in Settings, never applied', async () => {
    const before = (await registryOf(b)).accounts.find((x) => x.key === 'mitrakarya');
    await setSync(pb, { 'a.mitrakarya': { v: 1, c: 'zzzzzzzz-0-evil', d: { u: 'MITRAKARYA', p: 'x', r: ['<img src=x>'], a: 'a', password: 'rahasia-123' } } });
    const ob = await options(b);
    await ob.waitForSelector('#sync-refused', { timeout: 10_000 });
    const rb = await registryOf(b);
    expect(rb.accounts.find((x) => x.key === 'mitrakarya')).toEqual(before);
    expect(rb.quarantine.some((q) => q.store === 'sync')).toBe(true);
    // Put back what the store held before (the test, as the servers, drops the corrupt write).
    await setSync(pb, { 'a.mitrakarya': (await syncOf(pa))['a.mitrakarya'] });
    await ob.close();
  });

  it('a full store: the message appears in Settings, and nothing is lost locally', async () => {
    // The store as good as full (filler items under the 8,192-byte item limit; our background refuses them as not its own).
    const used = Object.entries(await syncOf(pa)).reduce((n, [k, v]) => n + k.length + (JSON.stringify(v) ?? '').length, 0);
    console.log(`[sync e2e] storage.sync in use before the filler: ${used} bytes`);
    const room = 102_400 - used - 300;
    const count = Math.ceil(room / 8_000);
    const filler = Object.fromEntries(Array.from({ length: count }, (_, i) => [`zz.filler${String(i).padStart(2, '0')}`, 'x'.repeat(Math.floor(room / count) - 16)]));
    await setSync(pa, filler);
    const oa = await options(a);
    for (let i = 0; i < 8; i++) await state(pa, { userId: `AKUNBARU${i}`, registeredAt: [`https://spse.inaproc.id/kemkes`] });
    await oa.waitForSelector('#sync-problem[data-problem="quota"]', { timeout: 15_000 });
    expect(await oa.$eval('#sync-problem', (e) => e.textContent)).toContain('penuh');
    mkdirSync(ARTIFACTS, { recursive: true });
    await (await oa.$('#sync'))!.screenshot({ path: resolve(ARTIFACTS, `options-sync-quota${a.kind === 'firefox' ? '-firefox' : ''}.png`) as `${string}.png` });
    expect((await registryOf(a)).accounts.filter((x) => x.userId.startsWith('AKUNBARU'))).toHaveLength(8);
    // Room again: what waited goes (the retry, or the next change).
    await removeSync(pa, Object.keys(filler));
    await state(pa, { userId: 'AKUNBARU9' });
    await oa.waitForFunction(() => !document.querySelector('#sync-problem'), { timeout: 15_000 });
    const written = async () => Object.keys(await syncOf(pa)).filter((k) => k.startsWith('a.akunbaru')).length;
    for (let i = 0; i < 20 && (await written()) < 9; i++) await new Promise((r) => setTimeout(r, 500));
    expect(await written()).toBe(9);
    await oa.close();
  });

  it('turned off: the local data stays, and nothing more is written', async () => {
    await sendFrom(pb, { type: 'sync/set', enabled: false });
    const before = await syncOf(pb);
    await state(pb, { userId: 'HANYADISINI' });
    await new Promise((r) => setTimeout(r, 2500));
    expect(await syncOf(pb)).toEqual(before);
    expect((await registryOf(b)).accounts.some((x) => x.userId === 'HANYADISINI')).toBe(true);
  });
});
