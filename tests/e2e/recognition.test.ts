// Issue 14, must show: with the legacy opt-in (the e2e build grants `*://*/eproc/*` up front) a company's own
// e-procurement login under /eproc/ — its footer naming LKPP and calling itself "Sistem Pengadaan Secara
// Elektronik", as real ones do — is not SPSE: no <spse-assist> host, no `suspicious-site`, nothing learned.
// In Chromium and Firefox.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { PLN_LKPP_LOGIN_URL, PLN_LOGIN_URL } from '../../scripts/simulator/data';
import { assistantOf, launchWithExtension, type ExtensionBrowser } from '../../scripts/support/browser';
import { settled } from '../support/content-script';
import { registryOf } from '../../scripts/support/extension';

let sim: Simulator;
let ext: ExtensionBrowser;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim?.close());
beforeEach(async () => {
  ext = await launchWithExtension({ sim });
});
afterEach(async () => {
  await ext?.close();
  sim.reset();
});

describe('a non-SPSE procurement login under /eproc/, with the legacy opt-in', () => {
  it.each([PLN_LKPP_LOGIN_URL, PLN_LOGIN_URL])('%s: no <spse-assist>, no suspicious-site, nothing learned', async (url) => {
    // The extension works on legacy addresses in this profile: a genuine SPSE 3.x page under /eproc/ gets its host.
    const control = await ext.browser.newPage();
    await control.goto('https://lpse.kepahiangkab.go.id/eproc/', { waitUntil: 'load' });
    expect(await assistantOf(control)).not.toBeNull();
    await control.close();

    const page = await ext.browser.newPage();
    const res = await page.goto(url, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    if (url === PLN_LKPP_LOGIN_URL) expect(await page.$eval('.foot', (f) => f.textContent)).toContain('Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah');
    await settled(page);
    // A report would come back within the content script's first turn after the load event; give it time.
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.$('spse-assist')).toBeNull();
    // Typing and submitting there teaches nothing either.
    await page.type('#username', 'SENTOSA01');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('button[type="submit"]')]);
    await settled(page);
    expect(await page.$('spse-assist')).toBeNull();
    const reg = await registryOf(ext);
    expect(reg.observations.filter((o) => !String(JSON.stringify(o)).includes('kepahiangkab'))).toEqual([]);
    expect(JSON.stringify(reg)).not.toContain('suspicious-site');
    expect(JSON.stringify(reg)).not.toContain('eproc.pln.co.id');
    await page.close();
  });
});
