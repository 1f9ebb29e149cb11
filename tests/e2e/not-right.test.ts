// End to end, "Ini tidak tepat" (lib/sop/RULES.md R19) in the built extension against the simulator, in Chromium and
// Firefox: on an SPSE page with advice, one click → a confirmation with the misdetection report to copy; after a
// reload the advice is gone (the page kind still told); Settings lists the page under "Halaman yang disembunyikan";
// "Tampilkan lagi" → the advice is back after a reload. Screenshots of the confirmation, light and dark, in
// test-artifacts/not-right-<browser>-<scheme>.png.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { assistantOf, emulateScheme, launchWithExtension, openExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const JKT = 'https://spse.inaproc.id/jakarta';
const JKT_NAME = 'LPSE Provinsi Daerah Khusus Ibukota Jakarta';
const SENTINEL = 'SENTINEL-UID-5150';

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
  sim.reset();
});

/** A button (or link) of the assistant whose text starts with `text`. */
const button = async (page: Page, text: string) =>
  (
    await page.waitForFunction(
      (t) => [...(document.querySelector('spse-assist')?.shadowRoot?.querySelectorAll('button, a') ?? [])].find((b) => b.textContent?.trim().startsWith(t)),
      {},
      text,
    )
  ).asElement() as ElementHandle<Element>;
const assistantText = (page: Page) => page.$eval('spse-assist', (el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
const hostHidden = (page: Page) => page.$eval('spse-assist', (el) => (el as HTMLElement).hidden);

/** axe-core on `include`: serious and critical violations only. */
async function axe(page: Page, include: string): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(`axe.run(${JSON.stringify({ include: [[include]] })}, { resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; nodes: { target: unknown }[] }[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Clicks "Ini tidak tepat" and waits for the confirmation. */
async function dismiss(page: Page): Promise<void> {
  await (await button(page, 'Ini tidak tepat')).click();
  await page.waitForFunction(() => !!document.querySelector('spse-assist')?.shadowRoot?.querySelector('[data-dismissed]'));
}

describe('"Ini tidak tepat"', () => {
  it('hides the advice of that page at that LPSE after a reload, lists it in Settings, and undo brings it back', async () => {
    ext = await launchWithExtension({ sim });
    if (ext.kind === 'chromium') await ext.browser.defaultBrowserContext().overridePermissions('https://spse.inaproc.id', ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const page = await ext.browser.newPage();
    await page.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
    await page.type('input[name="txtUserId"]', SENTINEL); // typed, never reported
    await button(page, 'Ini tidak tepat');
    await page.screenshot({ path: resolve(ARTIFACTS, `not-right-${ext.kind}-advice.png`), clip: { x: 0, y: 0, width: 1280, height: 300 } });

    // The same page open in another tab goes quiet at the click, without a reload.
    const twin = await ext.browser.newPage();
    await twin.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
    expect(await assistantOf(twin)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
    await page.bringToFront();

    await dismiss(page);
    // (a tab in the background: polled by interval, animation frames do not run there)
    await twin.waitForFunction(() => document.querySelector('spse-assist')?.getAttribute('data-next-action') === '' && (document.querySelector('spse-assist') as HTMLElement).hidden, { polling: 100 });
    await twin.close();
    const said = await assistantText(page);
    expect(said).toContain(`Saran disembunyikan di halaman seperti ini di ${JKT_NAME}.`);
    expect(said).toContain('Anda dapat menampilkannya lagi di Pengaturan, bagian Halaman yang disembunyikan.');
    expect(said).not.toContain('Masuk dengan User ID SPSE Anda'); // the advice is gone at once
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: '' });

    // The report: copied (or shown to copy by hand where the clipboard refuses).
    await page.bringToFront();
    await (await button(page, 'Salin laporan')).click();
    await page.waitForFunction(() => !!document.querySelector('spse-assist')?.shadowRoot?.querySelector('p.status')?.textContent?.trim());
    const status = await page.$eval('spse-assist', (el) => el.shadowRoot!.querySelector('p.status')!.textContent!.trim());
    expect(['Laporan disalin. Tempelkan ke tiket LPSE Support atau e-mail Anda.', 'Tidak dapat menyalin otomatis. Pilih teks laporan di bawah, lalu salin.']).toContain(status);
    const report = status.startsWith('Laporan disalin')
      ? ext.kind === 'chromium'
        ? await page.evaluate(() => navigator.clipboard.readText())
        : null
      : await page.$eval('spse-assist', (el) => (el.shadowRoot!.querySelector('textarea.report') as HTMLTextAreaElement).value);
    if (report !== null) {
      expect(report.startsWith('# spse-assist misdetection report v1')).toBe(true);
      expect(report).toContain('pattern: /login/penyedia');
      expect(report).toContain('signals: kind:login step:user-id login-form');
      expect(report).toContain('# spse-assist skeleton v1');
      expect(report).toContain('input#txtUserId');
      expect(report).not.toContain(SENTINEL);
      expect(report).not.toContain('Lembaga Kebijakan'); // no page text (the footer's)
    }
    await page.screenshot({ path: resolve(ARTIFACTS, `not-right-${ext.kind}-light.png`), clip: { x: 0, y: 0, width: 1280, height: 400 } });
    expect(await axe(page, 'spse-assist'), 'the confirmation').toEqual([]);

    // After a reload: quiet, the page kind still told; the same page at another LPSE still speaks.
    await page.reload({ waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: '' });
    expect(await hostHidden(page)).toBe(true);
    await page.goto(`${JKT}/login/penyedia?again=1`, { waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: '' });
    const other = await ext.browser.newPage();
    await other.goto('https://spse.inaproc.id/kemkes/login/penyedia', { waitUntil: 'load' });
    expect(await assistantOf(other)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
    await other.close();

    // Settings lists it; "Tampilkan lagi" undoes it.
    const settings = await ext.browser.newPage();
    await openExtensionPage(ext, settings, 'options.html');
    await settings.bringToFront();
    const row = '#hidden tbody tr[data-pattern="/login/penyedia"][data-page-kind="login"]';
    await settings.waitForSelector(row);
    const rowText = await settings.$eval(row, (r) => r.textContent ?? '');
    expect(rowText).toContain(JKT_NAME);
    expect(rowText).toContain('/login/penyedia');
    expect(rowText).toContain('Masuk dengan User ID SPSE Anda');
    expect(await settings.$eval('#hidden legend', (l) => l.textContent?.trim())).toBe('Halaman yang disembunyikan');
    expect(await axe(settings, '#hidden'), 'Halaman yang disembunyikan').toEqual([]);
    await (await settings.$('#hidden'))!.screenshot({ path: resolve(ARTIFACTS, `not-right-${ext.kind}-settings.png`) });
    await settings.click(`${row} button[data-undo]`);
    await settings.waitForFunction((s) => !document.querySelector(s), {}, row);
    await settings.waitForFunction(() => document.querySelector('#status')?.textContent === 'Saran untuk halaman itu akan tampil lagi.');
    await settings.close();

    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
    expect(await hostHidden(page)).toBe(false);
    await button(page, 'Ini tidak tepat');
  });

  it('the confirmation in the dark scheme (screenshot)', async () => {
    ext = await launchWithExtension({ sim, colorScheme: 'dark' });
    const page = await ext.browser.newPage();
    await emulateScheme(ext, page, 'dark');
    await page.goto(`${JKT}/login/penyedia`, { waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
    await dismiss(page);
    const shot = resolve(ARTIFACTS, `not-right-${ext.kind}-dark.png`);
    await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1280, height: 400 } });
    expect(statSync(shot).size).toBeGreaterThan(5000);
  });
});
