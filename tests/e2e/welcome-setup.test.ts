// End to end, the welcome page's setup with the built extension (Chromium and Firefox): a fresh profile, the
// penyedia of the simulator registered at two LPSEs (MITRAKARYA.BTG at Batang, MITRAKARYA at Kemenkes) states
// both, activated, with MITRAKARYA as the User ID Default; the registry then holds exactly that, as the
// penyedia's statement, and Settings shows it to change. axe-core on the form; a screenshot of it in
// test-artifacts/ (light, and dark in Chromium).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { emulateScheme, launchWithExtension, openExtensionPage, reloadExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';
import { registryOf } from '../../scripts/support/extension';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const BTG = 'https://spse.inaproc.id/batangkab';
const KMK = 'https://spse.inaproc.id/kemkes';

let sim: Simulator;
let ext: ExtensionBrowser | undefined;
beforeAll(async () => {
  sim = await startSimulator();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => sim?.close());
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

/** axe-core on the page, limited to `include`; serious and critical violations only. */
async function axe(page: Page, include: string): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run(${JSON.stringify({ include: [[include]] })}, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
  };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Searches the directory in account `n`'s LPSE box and picks `key` from the results (`shot`: a screenshot of them first). */
async function pickLpse(page: Page, n: number, query: string, key: string, shot?: string) {
  await page.type(`#setup-lpse-${n}`, query);
  const add = `fieldset.setup-account[data-row="${n}"] .results li[data-lpse-key="${key}"] button.add-lpse`;
  await page.waitForSelector(add);
  if (shot) await page.screenshot({ path: resolve(ARTIFACTS, shot) as `${string}.png`, fullPage: true });
  await page.click(add);
  await page.waitForSelector(`fieldset.setup-account[data-row="${n}"] .chosen[data-lpse-key="${key}"]`);
}

describe('welcome page setup', () => {
  it('states two LPSEs, their User IDs, "sudah" and the Default in one form; the registry holds exactly that, and Settings shows it', async () => {
    ext = await launchWithExtension({ sim }); // a fresh profile: nothing known, in Bahasa Indonesia
    const page = await ext.browser.newPage();
    await openExtensionPage(ext, page, 'welcome.html');
    await page.bringToFront();
    await page.waitForSelector('#setup-form');
    expect(await page.$eval('#setup-title', (el) => el.textContent)).toBe('Kenalkan akun SPSE Anda');

    await pickLpse(page, 1, 'batangkab', BTG);
    expect(await page.$eval('fieldset.setup-account[data-row="1"] .chosen', (el) => el.textContent)).toContain('LPSE Kabupaten Batang');
    await page.type('#setup-user-id-1', 'MITRAKARYA.BTG');
    await page.click('#setup-activation-1-activated');
    expect(await page.$('#setup-default')).toBeNull(); // one account: no Default to ask

    await page.click('#setup-add');
    await page.waitForSelector('#setup-lpse-2');
    await pickLpse(page, 2, 'kemkes', KMK, ext.kind === 'chromium' ? 'welcome-setup-search.png' : undefined);
    await page.type('#setup-user-id-2', 'MITRAKARYA');
    await page.click('#setup-activation-2-activated');
    await page.waitForSelector('#setup-default');
    expect(await page.$$eval('#setup-default input[type=radio]', (rs) => rs.map((r) => (r as HTMLInputElement).value))).toEqual(['MITRAKARYA.BTG', 'MITRAKARYA']);
    await page.click('#setup-default input[value="MITRAKARYA"]');
    expect(await page.$eval('#setup-default input[value="MITRAKARYA"]', (r) => (r as HTMLInputElement).checked)).toBe(true);

    expect(await axe(page, '#setup'), 'setup form').toEqual([]);
    const shot = resolve(ARTIFACTS, ext.kind === 'chromium' ? 'welcome-setup.png' : 'welcome-setup-firefox.png');
    await page.screenshot({ path: shot as `${string}.png`, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(5000);
    if (ext.kind === 'chromium') {
      await emulateScheme(ext, page, 'dark');
      const dark = resolve(ARTIFACTS, 'welcome-setup-dark.png');
      await page.screenshot({ path: dark as `${string}.png`, fullPage: true });
      expect(await axe(page, '#setup'), 'setup form, dark').toEqual([]);
      await emulateScheme(ext, page, 'light');
    }
    // Nothing is stated before "Simpan".
    expect((await registryOf(ext)).accounts).toEqual([]);

    await page.click('#setup-save');
    await page.waitForFunction(() => document.querySelector('#setup-status')?.textContent === 'Tersimpan: 2 akun.');
    expect(await page.$eval('#setup-status', (el) => [el.getAttribute('role'), el.getAttribute('aria-live')])).toEqual(['status', 'polite']);
    // The page says what was saved.
    const saved = await page.$$eval('#setup-saved li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(saved).toHaveLength(2);
    expect(saved[0]).toMatch(/^MITRAKARYA\.BTG · LPSE Kabupaten Batang · Teraktivasi ADP$/);
    expect(saved[1]).toMatch(/^MITRAKARYA · LPSE Kementrian Kesehatan Republik Indonesia · Teraktivasi ADP$/);
    expect(await page.$eval('#setup-saved-default', (el) => el.textContent)).toBe('User ID Default: MITRAKARYA');

    const reg = await vi.waitFor(async () => {
      const r = await registryOf(ext!);
      expect(r.accounts).toHaveLength(2);
      return r;
    });
    expect(reg.penyedia).toHaveLength(1);
    const penyedia = reg.penyedia[0]!;
    expect(penyedia).toMatchObject({ defaultUserId: 'MITRAKARYA', defaultSource: { from: 'penyedia' } });
    const byId = Object.fromEntries(reg.accounts.map((a) => [a.userId, a]));
    expect(byId['MITRAKARYA.BTG']).toMatchObject({ key: 'mitrakarya.btg', penyediaId: penyedia.id, registeredAt: [BTG], activation: 'activated', retired: false });
    expect(byId['MITRAKARYA']).toMatchObject({ key: 'mitrakarya', penyediaId: penyedia.id, registeredAt: [KMK], activation: 'activated', retired: false });
    for (const a of reg.accounts) expect(a.sources.map((s) => s.from), a.userId).toEqual(['penyedia']);
    expect(reg.problems).toEqual([]);

    // Opened again, the welcome page does not ask again: Settings is where it changes.
    await reloadExtensionPage(ext, page);
    await page.waitForSelector('#setup[data-phase="known"]');
    expect(await page.$('#setup-form')).toBeNull();

    // Settings shows the same: both accounts where they are registered, answered "Sudah", MITRAKARYA the Default.
    const options = await ext.browser.newPage();
    await openExtensionPage(ext, options, 'options.html');
    await options.bringToFront();
    await options.waitForSelector('li.account[data-user-id="MITRAKARYA.BTG"]');
    expect(await options.$eval(`li.account[data-user-id="MITRAKARYA.BTG"] ul.lpses li[data-lpse-key="${BTG}"]`, (el) => el.textContent)).toContain('batangkab');
    for (const userId of ['MITRAKARYA.BTG', 'MITRAKARYA'])
      expect(await options.$eval(`li.account[data-user-id="${userId}"] fieldset.activation-choice input[value="activated"]`, (r) => (r as HTMLInputElement).checked), userId).toBe(true);
    expect(await options.$eval(`#default fieldset.default-group[data-penyedia-id="${penyedia.id}"] input[value="MITRAKARYA"]`, (r) => (r as HTMLInputElement).checked)).toBe(true);
  });
});
