// End to end, the popup's aggregation status at a glance (issue 16 §5): the current tab's next step first with
// its button; per penyedia the ADP state as a badge with text, the User ID Default, where registered, where
// roaming worked and when; open problems with their state. axe-core in both languages and both schemes;
// screenshots in test-artifacts/popup-<lang>-<scheme>.png (Firefox: popup-firefox-…).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { emulateScheme, launchWithExtension, openExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';
import { extensionPage, sendFrom, tabIdOf } from '../../scripts/support/extension';
import { walkLogin } from '../../scripts/support/login';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => sim?.close());
const acct = (userId: string) => sim.accounts.find((a) => a.userId === userId)!;
const lpse = (slug: string) => sim.lpses.find((l) => l.baseUrl.endsWith(`/${slug}`))!;

describe('the popup: the aggregation status at a glance', () => {
  it('next step first with its button, ADP badges with text, Default, registrations, roaming, problems; axe-clean in id/en, light/dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const ext: ExtensionBrowser = await launchWithExtension({ sim, colorScheme: scheme });
      try {
        const pg = await extensionPage(ext);
        const { penyedia } = await sendFrom<{ penyedia: { id: string } }>(pg, { type: 'penyedia/state', userId: 'MITRAKARYA', registeredAt: ['https://spse.inaproc.id/kemkes'], isDefault: true, label: 'CV Mitra Karya', activation: 'activated' });
        await sendFrom(pg, { type: 'penyedia/state', userId: 'MITRAKARYA.BTG', registeredAt: ['https://spse.inaproc.id/batangkab'], penyediaId: penyedia.id, activation: 'not-activated' });
        const page = await ext.browser.newPage();
        await walkLogin(page, lpse('jakarta'), acct('MITRAKARYA')); // roaming with the Default
        await walkLogin(page, lpse('jakarta'), acct('NUSANTARA88')); // an admin notice: an open problem, the tab's step
        const tabId = await tabIdOf(pg, `${lpse('jakarta').baseUrl}/*`);
        for (const lang of ['id', 'en'] as const) {
          await sendFrom(pg, { type: 'settings/set', lang });
          const popup = await ext.browser.newPage();
          await emulateScheme(ext, popup, scheme);
          await popup.setViewport({ width: 380, height: 600 });
          await openExtensionPage(ext, popup, `popup.html?tab=${tabId}`);
          await popup.waitForSelector('#aggregation article[data-adp]');
          await popup.waitForSelector('#tab-status [data-next-action]');
          const seen = await popup.evaluate(() => {
            const first = document.querySelector('main > section');
            return {
              firstSection: first?.id,
              next: document.querySelector('#tab-status [data-next-action]')?.getAttribute('data-next-action'),
              primary: document.querySelector('#tab-status [data-primary]')?.textContent,
              badges: [...document.querySelectorAll('#aggregation article[data-penyedia] h3 .badge')].map((b) => b.textContent?.trim()),
              mitra: document.querySelector('#aggregation article[data-adp="activated"]')?.textContent ?? '',
              problems: [...document.querySelectorAll('#problems li')].map((li) => li.getAttribute('data-problem-state')),
            };
          });
          expect(seen.firstSection).toBe('tab-status');
          expect(seen.next).toBe('contact-lpse');
          expect(seen.primary).toBe(lang === 'id' ? 'Hubungi LPSE' : 'Contact the LPSE');
          expect(seen.badges).toContain(lang === 'id' ? '✓ teraktivasi' : '✓ activated');
          expect(seen.mitra).toContain('MITRAKARYA.BTG');
          expect(seen.mitra).toContain(lang === 'id' ? 'belum' : 'not yet');
          expect(seen.mitra).toContain('LPSE Provinsi Daerah Khusus Ibukota Jakarta'); // roaming worked there
          expect(seen.problems).toEqual(['open']);
          const shot = resolve(ARTIFACTS, ext.kind === 'chromium' ? `popup-${lang}-${scheme}.png` : `popup-firefox-${lang}-${scheme}.png`);
          await popup.screenshot({ path: shot as `${string}.png`, fullPage: true });
          expect(statSync(shot).size).toBeGreaterThan(5000);
          await popup.evaluate(AXE);
          const result = (await popup.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
          expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`), `${lang} ${scheme}`).toEqual([]);
          await popup.close();
        }
      } finally {
        await ext.close();
        sim.reset();
      }
    }
  });

  it('a step the assistant shows in the page: its button brings that tab forward', async () => {
    const ext = await launchWithExtension({ sim });
    try {
      const pg = await extensionPage(ext);
      await sendFrom(pg, { type: 'penyedia/state', userId: 'SENTOSA01', registeredAt: ['https://spse.inaproc.id/jakarta'], activation: 'activated' });
      const page = await ext.browser.newPage();
      await page.goto(`${lpse('jakarta').baseUrl}/login/penyedia`, { waitUntil: 'load' });
      await page.waitForSelector('spse-assist[data-next-action]:not([data-next-action=""])');
      const tabId = await tabIdOf(pg, `${lpse('jakarta').baseUrl}/*`);
      const popup = await ext.browser.newPage();
      await openExtensionPage(ext, popup, `popup.html?tab=${tabId}`);
      await popup.waitForSelector('#tab-status [data-primary]');
      expect(await popup.$eval('#tab-status [data-primary]', (b) => [b.id, b.textContent])).toEqual(['go-tab', 'Tampilkan langkahnya di halaman']);
      expect(await popup.$eval('#open-contact', (b) => b.className)).toBe('secondary');
    } finally {
      await ext.close();
      sim.reset();
    }
  });
});
