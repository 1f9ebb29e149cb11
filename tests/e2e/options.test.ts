// End to end, the options page in Chromium with the built extension: stating a User ID registered at an
// LPSE picked from the directory and marking it Default; the language switch; import refusals (corrupt,
// oversized, wrong version) that change nothing; an export that round-trips through the file input; erase
// behind a confirmation; confirmed addresses, the legacy permission's state and LPSE contacts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { RegistryView } from '../../lib/worker/registry/registry';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { launchWithExtension, openExtensionPage, reloadExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';
import { registryOf, sendFrom } from '../../scripts/support/extension';

const KMK = 'https://spse.inaproc.id/kemkes';

let sim: Simulator;
let ext: ExtensionBrowser;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator();
  dir = mkdtempSync(join(tmpdir(), 'spse-assist-options-'));
});
afterAll(async () => {
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let page: Page;
// A fresh browser profile (so an empty registry, in Bahasa Indonesia) for every test.
beforeEach(async () => {
  ext = await launchWithExtension({ sim }); // closes the welcome tab the install opens
  page = await openOptions();
  await page.waitForSelector('#add-user-id');
});
afterEach(async () => {
  await ext?.close();
});

async function openOptions(): Promise<Page> {
  const p = await ext.browser.newPage();
  await openExtensionPage(ext, p, 'options.html');
  await p.bringToFront();
  await p.waitForSelector('#add-user-id');
  return p;
}

/** The status line's counter: each message the page says increments it. */
const statusCount = (p: Page) => p.$eval('#status', (el) => Number(el.getAttribute('data-n')));

/** Waits for the next status message after `before`, and returns it. */
async function nextStatus(p: Page, before: number): Promise<{ text: string; kind: string }> {
  await p.waitForFunction((n) => Number(document.querySelector('#status')?.getAttribute('data-n')) > n, {}, before);
  return p.$eval('#status', (el) => ({ text: el.textContent ?? '', kind: el.getAttribute('data-kind') ?? '' }));
}

/** What must not change when an import is refused. */
const essentials = (r: RegistryView) => JSON.stringify({ lpses: r.lpses, penyedia: r.penyedia, accounts: r.accounts, problems: r.problems });

async function upload(p: Page, name: string, contents: string): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, contents);
  const input = (await p.$('input#import-file')) as ElementHandle<HTMLInputElement> | null;
  await input!.uploadFile(path);
}

describe('options page', () => {
  it('adds a User ID registered at an LPSE picked from the directory, groups a second one, and marks the Default', async () => {
    await page.type('#add-user-id', 'MITRAKARYA');
    let n = await statusCount(page);
    await page.click('#add-user-id-submit');
    expect(await nextStatus(page, n)).toEqual({ text: 'Tersimpan.', kind: 'ok' });
    const account = 'li.account[data-user-id="MITRAKARYA"]';
    await page.waitForSelector(account);

    await page.type(`${account} input.lpse-search`, 'kemkes');
    const add = `${account} .results li[data-lpse-key="${KMK}"] button.add-lpse`;
    await page.waitForSelector(add);
    await page.click(add);
    await page.waitForSelector(`${account} ul.lpses li[data-lpse-key="${KMK}"]`);
    // The LPSE is shown by its directory name, as text.
    expect(await page.$eval(`${account} ul.lpses li`, (el) => el.textContent)).toContain('Kementrian Kesehatan');

    // A second User ID of the same penyedia (a consultant's profile may serve several).
    const penyediaId = await page.$eval('section.penyedia', (el) => el.getAttribute('data-penyedia-id')!);
    await page.type('#add-user-id', 'MITRAKARYA.BTG');
    await page.select('#add-user-id-penyedia', penyediaId);
    await page.click('#add-user-id-submit');
    await page.waitForSelector(`section.penyedia[data-penyedia-id="${penyediaId}"] li.account[data-user-id="MITRAKARYA.BTG"]`);

    n = await statusCount(page);
    await page.click(`#default fieldset.default-group[data-penyedia-id="${penyediaId}"] input[value="MITRAKARYA"]`);
    expect((await nextStatus(page, n)).text).toBe('Tersimpan.');

    const reg = await vi.waitFor(async () => {
      const r = await registryOf(ext);
      expect(r.penyedia[0]?.defaultUserId).toBe('MITRAKARYA');
      return r;
    });
    expect(reg.penyedia).toHaveLength(1);
    const byId = Object.fromEntries(reg.accounts.map((a) => [a.userId, a]));
    expect(byId['MITRAKARYA']).toMatchObject({ penyediaId, registeredAt: [KMK] });
    expect(byId['MITRAKARYA.BTG']).toMatchObject({ penyediaId, registeredAt: [] });
    expect(await page.$eval(`#default input[value="MITRAKARYA"]`, (el) => (el as HTMLInputElement).checked)).toBe(true);

    // A User ID that SPSE could not have is refused in place.
    n = await statusCount(page);
    await page.type('#add-user-id', 'bukan user id!');
    await page.click('#add-user-id-submit');
    expect(await nextStatus(page, n)).toMatchObject({ kind: 'error' });
    expect(await page.$eval('#add-user-id', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect((await registryOf(ext)).accounts).toHaveLength(2);

    // Removing a User ID from SPSE Assist: the Default's removal clears the Default too.
    await page.click('li.account[data-user-id="MITRAKARYA"] button.forget');
    const left = await vi.waitFor(async () => {
      const r = await registryOf(ext);
      expect(r.accounts.map((a) => a.userId)).toEqual(['MITRAKARYA.BTG']);
      return r;
    });
    expect(left.penyedia[0]?.defaultUserId).toBeUndefined();
  });

  it('switches the page to English and back, and remembers the choice', async () => {
    const h1 = () => page.$eval('h1', (el) => el.textContent);
    expect(await h1()).toBe('Pengaturan SPSE Assist');
    expect(await page.$eval('html', (el) => el.lang)).toBe('id');
    await page.click('#lang-en');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'SPSE Assist settings');
    expect(await page.$eval('html', (el) => el.lang)).toBe('en');
    expect(await page.$eval('#registered legend', (el) => el.textContent)).not.toBe('Di mana saya terdaftar');
    expect(await sendFrom(page, { type: 'settings/get' })).toMatchObject({ lang: 'en' });

    await reloadExtensionPage(ext, page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'SPSE Assist settings');

    await page.click('#lang-id');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Pengaturan SPSE Assist');
    expect(await page.$eval('#registered legend', (el) => el.textContent)).toBe('Di mana saya terdaftar');
    expect(await sendFrom(page, { type: 'settings/get' })).toMatchObject({ lang: 'id' });
  });

  it('refuses a corrupt, an oversized and a wrong-version file with a clear message, changing nothing', async () => {
    await sendFrom(page, { type: 'penyedia/state', userId: 'SENTOSA01', registeredAt: ['https://spse.inaproc.id/jakarta'], isDefault: true });
    const before = essentials(await registryOf(ext));
    const exported = await sendFrom<Record<string, unknown>>(page, { type: 'registry/export' });

    const cases: [string, string, string][] = [
      ['corrupt.json', '{"format": "spse-assist-export", "version": 2, "lpses": [', 'isinya bukan JSON yang benar'],
      ['oversized.json', `{"pad": "${'x'.repeat(2 * 1024 * 1024 + 16)}"}`, 'berkas lebih besar dari 2 MB'],
      ['old-version.json', JSON.stringify({ ...exported, version: 1 }), 'versi 1 tidak didukung'],
      ['not-ours.json', JSON.stringify({ hello: 'world' }), 'bukan berkas ekspor SPSE Assist'],
      ['bad-record.json', JSON.stringify({ ...exported, accounts: [{ userId: 'x y' }] }), 'isinya tidak sesuai'],
    ];
    for (const [name, contents, reason] of cases) {
      const n = await statusCount(page);
      await upload(page, name, contents);
      const status = await nextStatus(page, n);
      expect(status.kind, name).toBe('error');
      expect(status.text, name).toContain('Berkas tidak dapat diimpor');
      expect(status.text, name).toContain(reason);
      expect(status.text, name).toContain('Tidak ada yang diubah.');
      expect(await page.$('#import-preview'), name).toBeNull();
    }
    expect(essentials(await registryOf(ext))).toBe(before);
  });

  it('an exported file round-trips through the file input after erasing; contacts can then be given for its LPSE', async () => {
    await sendFrom(page, { type: 'penyedia/state', userId: 'MITRAKARYA', registeredAt: [KMK], isDefault: true, label: 'CV Mitra Karya' });
    await sendFrom(page, { type: 'settings/set', confirmedBases: ['https://lpse.contoh.go.id/eproc4'] });
    const exported = await sendFrom<Record<string, unknown>>(page, { type: 'registry/export' });
    // An LPSE record, as one is learned on a visit, so the preview counts it too.
    const file = { ...exported, lpses: [{ key: KMK, bases: [KMK], name: 'LPSE Kementrian Kesehatan Republik Indonesia', generation: '4.5', lastVisit: Date.now() }] };
    const before = await registryOf(ext);

    await sendFrom(page, { type: 'registry/erase' });
    expect((await registryOf(ext)).accounts).toEqual([]);
    await reloadExtensionPage(ext, page);
    await page.waitForSelector('#import-file');

    let n = await statusCount(page);
    await upload(page, 'spse-assist-export.json', JSON.stringify(file, null, 2));
    expect(await nextStatus(page, n)).toEqual({ text: 'Akan diimpor: 1 LPSE, 1 akun, 0 masalah.', kind: 'ok' });
    await page.waitForSelector('#import-preview');
    // Nothing changes before "Terapkan impor".
    expect((await registryOf(ext)).accounts).toEqual([]);
    n = await statusCount(page);
    await page.click('#import-apply');
    expect((await nextStatus(page, n)).text).toBe('Impor selesai.');

    const after = await registryOf(ext);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.penyedia).toEqual(before.penyedia);
    expect(after.lpses.map((l) => l.key)).toEqual([KMK]);
    expect(await sendFrom(page, { type: 'settings/get' })).toMatchObject({ confirmedBases: ['https://lpse.contoh.go.id/eproc4'] });
    await page.waitForSelector('section.penyedia h3');
    expect(await page.$eval('section.penyedia h3', (el) => el.textContent)).toBe('CV Mitra Karya');

    // The LPSE's helpdesk contacts, now that the registry has it.
    await page.select('#contacts-lpse', KMK);
    await page.waitForSelector('#contacts button[type=button]');
    await page.click('#contacts .buttons button[type=button]');
    await page.waitForSelector('#contact-value-0');
    await page.select('#contact-kind-0', 'phone');
    await page.type('#contact-value-0', '021-5201590');
    n = await statusCount(page);
    await page.click('#contacts button[type=submit]');
    expect((await nextStatus(page, n)).text).toBe('Tersimpan.');
    expect((await registryOf(ext)).lpses[0]?.contacts).toEqual([{ kind: 'phone', value: '021-5201590' }]);
  });

  it('erases everything only after the confirmation is accepted', async () => {
    await sendFrom(page, { type: 'penyedia/state', userId: 'SENTOSA01', registeredAt: ['https://spse.inaproc.id/jakarta'] });
    await reloadExtensionPage(ext, page);
    await page.waitForSelector('li.account[data-user-id="SENTOSA01"]');

    const dismissed = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.message()))));
    await page.click('#erase');
    expect(await dismissed).toBe('Hapus semua yang diingat SPSE Assist di browser ini?');
    expect((await registryOf(ext)).accounts).toHaveLength(1);

    page.once('dialog', (d) => void d.accept());
    const n = await statusCount(page);
    await page.click('#erase');
    expect((await nextStatus(page, n)).text).toBe('Semua data telah dihapus.');
    const reg = await registryOf(ext);
    expect(reg.accounts).toEqual([]);
    expect(reg.penyedia).toEqual([]);
    await page.waitForSelector('li.account', { hidden: true });
  });

  it('confirms HTTPS addresses of one path segment only, and shows the legacy permission as granted (e2e build)', async () => {
    await page.waitForSelector('#legacy-state[data-granted="true"]');

    let n = await statusCount(page);
    await page.type('#confirmed-address', 'http://lpse.contoh.go.id/eproc4');
    await page.click('#confirmed button[type=submit]');
    expect(await nextStatus(page, n)).toMatchObject({ kind: 'error' });
    await page.$eval('#confirmed-address', (el) => ((el as HTMLInputElement).value = ''));

    for (const bad of ['https://lpse.contoh.go.id/', 'https://lpse.contoh.go.id/eproc4/login', 'https://lpse.contoh.go.id/eproc4?x=1']) {
      await page.click('#confirmed-address', { count: 3 });
      await page.keyboard.press('Backspace');
      n = await statusCount(page);
      await page.type('#confirmed-address', bad);
      await page.click('#confirmed button[type=submit]');
      expect(await nextStatus(page, n), bad).toMatchObject({ kind: 'error' });
    }
    await page.click('#confirmed-address', { count: 3 });
    await page.keyboard.press('Backspace');
    n = await statusCount(page);
    await page.type('#confirmed-address', 'https://LPSE.Contoh.go.id/eproc4/');
    await page.click('#confirmed button[type=submit]');
    expect(await nextStatus(page, n)).toEqual({ text: 'Tersimpan.', kind: 'ok' });
    expect(await sendFrom(page, { type: 'settings/get' })).toMatchObject({ confirmedBases: ['https://lpse.contoh.go.id/eproc4'] });
    expect(await page.$eval('#confirmed .warning', (el) => el.textContent)).toContain('Hanya alamat HTTPS');
  });
});
