// End to end: what the penyedia sees — the in-page assistant's buttons (fill the User ID only, contact the
// LPSE, collapse), keyboard access through SPSE's modal, the popup afterwards, accessibility (axe-core) and
// screenshots in both languages and both colour schemes (kept in test-artifacts/screenshots).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { assistantOf, emulateScheme, launchWithExtension, openExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';
import { extensionPage, registryOf, sendFrom, tabIdOf } from '../../scripts/support/extension';
import { walkLogin } from '../../scripts/support/login';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = resolve(import.meta.dirname, '../../test-artifacts/screenshots');
const JKT = 'https://spse.inaproc.id/jakarta';

let sim: Simulator;
let ext: ExtensionBrowser | undefined;
beforeAll(async () => {
  sim = await startSimulator();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => sim?.close());
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  sim.reset();
});
const fresh = async () => (ext = await launchWithExtension({ sim }));
const acct = (userId: string) => sim.accounts.find((a) => a.userId === userId)!;
const lpse = (slug: string) => sim.lpses.find((l) => l.baseUrl.endsWith(`/${slug}`))!;

/** Text of the assistant (its shadow root), as a person reads it. */
const assistantText = (page: Page) => page.$eval('spse-assist', (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
const button = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => [...(document.querySelector('spse-assist')?.shadowRoot?.querySelectorAll('button, a') ?? [])].find((b) => b.textContent?.trim().startsWith(t)),
    {},
    text,
  );

/** axe-core on a page, limited to `include` when given; serious and critical violations only. */
async function axe(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(
    `axe.run(${include ? JSON.stringify({ include: [[include]] }) : 'document'}, { resultTypes: ['violations'] })`,
  )) as { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function state(statement: Record<string, unknown>) {
  const page = await extensionPage(ext!);
  await sendFrom(page, { type: 'penyedia/state', ...statement });
  await page.close();
}

describe('the in-page assistant', () => {
  it('"Isi User ID Default" fills only the User ID field: no password, no submit', async () => {
    await fresh();
    await state({ userId: 'MITRAKARYA', registeredAt: ['https://spse.inaproc.id/kemkes'], isDefault: true });
    const page = await ext!.browser.newPage();
    await page.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: 'log-in-roaming' });
    expect(await assistantText(page)).toContain('MITRAKARYA');
    const before = page.url();
    await ((await button(page, 'Isi User ID MITRAKARYA')).asElement() as ElementHandle<Element>).click();
    await page.waitForFunction(() => (document.querySelector('input[name="txtUserId"]') as HTMLInputElement).value === 'MITRAKARYA');
    expect(page.url()).toBe(before); // not submitted
    expect(await assistantText(page)).toContain('User ID sudah diisi');
    // the password step: no field to fill there, and the password field is never touched
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#formLogin button[type="submit"]')]);
    expect(await page.$eval('#txtPassword', (p) => (p as HTMLInputElement).value)).toBe('');
  });

  it('stays reachable by keyboard while SPSE’s Bootstrap login modal is open', async () => {
    await fresh();
    const page = await ext!.browser.newPage();
    await page.goto(`${JKT}/`, { waitUntil: 'load' });
    await page.click('#login');
    await page.waitForSelector('#myModal.show #btnPenyedia', { visible: true });
    await page.waitForSelector('spse-assist[data-page-kind="login"]');
    // Focus the assistant's first button, as Tab would, and let Bootstrap's focus trap react.
    const focusIn = await button(page, 'Ciutkan');
    await (focusIn.asElement() as ElementHandle<Element>).focus();
    await page.keyboard.press('Shift');
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      return host?.tagName.toLowerCase() === 'spse-assist' ? (host.shadowRoot?.activeElement?.textContent ?? '').trim() : host?.id ?? host?.tagName;
    });
    expect(focused).toBe('Ciutkan');
    // and Enter works from there
    await page.keyboard.press('Enter');
    await button(page, 'SPSE Assist');
  });

  it('collapsing is remembered per LPSE', async () => {
    await fresh();
    const page = await ext!.browser.newPage();
    await page.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
    await ((await button(page, 'Ciutkan')).asElement() as ElementHandle<Element>).click();
    await page.reload({ waitUntil: 'load' });
    await button(page, 'SPSE Assist'); // the collapsed pill
    expect(await page.$eval('spse-assist', (el) => el.shadowRoot?.querySelector('[aria-expanded="false"]') !== null)).toBe(true);
    await page.goto('https://spse.inaproc.id/kemkes/login/penyedia', { waitUntil: 'load' });
    await button(page, 'Ciutkan'); // another LPSE: expanded
  });

  it('"Hubungi LPSE": the LPSE’s own helpdesk first, a message quoting the notice, User ID only when ticked; reported → step 7', async () => {
    await fresh();
    const page = await ext!.browser.newPage();
    await walkLogin(page, lpse('jakarta'), acct('NUSANTARA88'));
    expect(await assistantOf(page)).toEqual({ pageKind: 'admin-notice', nextAction: 'contact-lpse' });
    await ((await button(page, 'Hubungi LPSE')).asElement() as ElementHandle<Element>).click();
    await page.waitForFunction(() => !!document.querySelector('spse-assist')?.shadowRoot?.querySelector('textarea.message'));
    const text = await assistantText(page);
    expect(text).toContain('helpdesk@jakarta.lpse.example'); // learned from the LPSE's own notice
    expect(text).toContain('Call Center 144');
    const message = () => page.$eval('spse-assist', (el) => (el.shadowRoot!.querySelector('textarea.message') as HTMLTextAreaElement).value);
    const m = await message();
    expect(m).toContain('LPSE Provinsi Daerah Khusus Ibukota Jakarta');
    expect(m).toContain('verifikasi ulang');
    expect(m).not.toContain('NUSANTARA88');
    expect(m).not.toContain(acct('NUSANTARA88').password);
    // The notice's sentences only (not its contact block, not "Kembali ke Beranda"), and what it asks for to fill in.
    expect(m).not.toContain('Telepon:');
    expect(m).not.toContain('Kembali ke Beranda');
    expect(m).toContain('Data yang diminta:\nNPWP: ……\nUser ID: ……');
    expect(await assistantText(page)).toContain('User ID [User ID] belum dapat dilanjutkan'); // the quote on screen, as in the message
    await page.$eval('spse-assist', (el) => (el.shadowRoot!.querySelector('label.check input') as HTMLInputElement).click());
    expect(await message()).toContain('User ID: NUSANTARA88');
    // "Sudah dilaporkan" only once the message went out (copied here).
    expect(await page.$eval('spse-assist', (el) => [...el.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent?.includes('Sudah dilaporkan')))).toBe(false);
    await ((await button(page, 'Salin pesan')).asElement() as ElementHandle<Element>).click();
    await ((await button(page, 'Sudah dilaporkan')).asElement() as ElementHandle<Element>).click();
    await page.waitForFunction(() => document.querySelector('spse-assist')?.getAttribute('data-next-action') === 'wait-for-lpse');
    const reg = await registryOf(ext!);
    expect(reg.problems).toEqual([expect.objectContaining({ state: 'reported' })]);
    // the popup shows it afterwards
    const popup = await extensionPage(ext!);
    await popup.waitForSelector('#problems li[data-problem-state="reported"]');
    await popup.close();
  });

  it('the popup shows the aggregation status afterwards', async () => {
    await fresh();
    const page = await ext!.browser.newPage();
    await walkLogin(page, lpse('batangkab'), acct('BERKAHJAYA'));
    await walkLogin(page, lpse('jakarta'), acct('SENTOSA01'));
    const popup = await extensionPage(ext!);
    await popup.waitForSelector('#aggregation li[data-user-id="BERKAHJAYA"][data-activation="in-progress"]');
    await popup.waitForSelector('#aggregation li[data-user-id="SENTOSA01"]');
    expect(await popup.$eval('#aggregation', (s) => s.textContent)).toContain('LPSE Kabupaten Batang');
    await popup.type('#lpse-query', 'kepahiang');
    await popup.waitForFunction(() => [...document.querySelectorAll('#lpse-search a')].some((a) => a.getAttribute('href') === 'https://spse.inaproc.id/kepahiangkab/'));
  });
});

describe('lifecycle', () => {
  it('an SPSE tab open before the install gets the assistant without a reload', async () => {
    let early: Page | undefined;
    ext = await launchWithExtension({
      sim,
      beforeInstall: async (browser) => {
        early = await browser.newPage();
        await early.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
        expect(await early.$('spse-assist')).toBeNull();
      },
    });
    expect(await assistantOf(early!, 20_000)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
  });

  it('a change made in another tab (the popup) shows in an open SPSE page without a reload', async () => {
    await fresh();
    const page = await ext!.browser.newPage();
    await walkLogin(page, lpse('jakarta'), acct('NUSANTARA88'));
    expect((await assistantOf(page))?.nextAction).toBe('contact-lpse');
    const id = (await registryOf(ext!)).problems[0]!.id;
    const other = await extensionPage(ext!);
    await sendFrom(other, { type: 'problem/set-state', id, state: 'reported' });
    // The SPSE tab is in the background now: poll by interval (animation frames do not run there).
    await page.waitForFunction(() => document.querySelector('spse-assist')?.getAttribute('data-next-action') === 'wait-for-lpse', { polling: 100 });
    await sendFrom(other, { type: 'problem/set-state', id, state: 'solved' });
    // solved: back to the SOP — the notice page itself opens a new case only when it is shown again
    await page.waitForFunction(() => document.querySelector('spse-assist')?.getAttribute('data-next-action') !== 'wait-for-lpse', { polling: 100 });
  });
});

describe('report a misdetection', () => {
  it('the popup takes a sanitised skeleton of the tab’s page: no typed value, no page text', async () => {
    await fresh();
    const page = await ext!.browser.newPage();
    await page.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
    await page.type('input[name="txtUserId"]', 'SENTINEL-UID-778');
    await assistantOf(page);
    const helper = await extensionPage(ext!);
    const tabId = await tabIdOf(helper, `${JKT}/login/penyedia*`);
    await openExtensionPage(ext!, helper, `popup.html?tab=${tabId}`);
    await helper.waitForSelector('#misdetection button');
    await helper.click('#misdetection button');
    await helper.waitForSelector('#misdetection textarea');
    const skeleton = await helper.$eval('#misdetection textarea', (t) => (t as HTMLTextAreaElement).value);
    expect(skeleton.startsWith('# spse-assist skeleton v1')).toBe(true);
    expect(skeleton).toContain('txtUserId');
    expect(skeleton).not.toContain('SENTINEL-UID-778');
    expect(skeleton).not.toContain('Provinsi Daerah Khusus Ibukota'); // page text stays out
  });
});

describe('accessibility and looks', () => {
  it('axe-core finds no serious violation on the assistant, popup and options; screenshots in both languages and schemes', async () => {
    const shots: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      // Firefox takes the scheme from the profile: one browser per scheme (Chromium emulates it per page).
      await ext?.close();
      ext = await launchWithExtension({ sim, colorScheme: scheme });
      for (const lang of ['id', 'en'] as const) {
        const settings = await extensionPage(ext);
        await sendFrom(settings, { type: 'settings/set', lang });
        await settings.close();
        const page = await ext.browser.newPage();
        await emulateScheme(ext, page, scheme);
        await walkLogin(page, lpse('jakarta'), acct('NUSANTARA88'));
        await ((await button(page, lang === 'id' ? 'Hubungi LPSE' : 'Contact the LPSE')).asElement() as ElementHandle<Element>).click();
        expect(await axe(page, 'spse-assist'), `assistant ${lang} ${scheme}`).toEqual([]);
        shots.push(resolve(SHOTS, `${ext.kind}-assistant-${lang}-${scheme}.png`));
        await page.screenshot({ path: shots.at(-1)!, clip: { x: 0, y: 0, width: 1280, height: 700 } });
        const popup = await ext.browser.newPage();
        await emulateScheme(ext, popup, scheme);
        await popup.setViewport({ width: 360, height: 600 });
        await openExtensionPage(ext, popup, 'popup.html');
        await popup.waitForSelector('#aggregation');
        expect(await axe(popup), `popup ${lang} ${scheme}`).toEqual([]);
        shots.push(resolve(SHOTS, `${ext.kind}-popup-${lang}-${scheme}.png`));
        await popup.screenshot({ path: shots.at(-1)!, fullPage: true });
        const options = await ext.browser.newPage();
        await emulateScheme(ext, options, scheme);
        await openExtensionPage(ext, options, 'options.html');
        await options.waitForSelector('h1');
        expect(await axe(options), `options ${lang} ${scheme}`).toEqual([]);
        shots.push(resolve(SHOTS, `${ext.kind}-options-${lang}-${scheme}.png`));
        await options.screenshot({ path: shots.at(-1)!, fullPage: true });
        await Promise.all([page.close(), popup.close(), options.close()]);
        sim.reset();
      }
    }
    for (const s of shots) expect(statSync(s).size, s).toBeGreaterThan(5000);
  });
});
