// The store packages `npm run zip` makes, loaded as a penyedia would load them: unpacked from the zip into
// Chromium, or installed from its unpacked contents in Firefox (as about:debugging does), then used on an
// LPSE of the simulator. Production builds: only spse.inaproc.id is granted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import extract from 'extract-zip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { assistantOf, BROWSER, launchWithExtension, openExtensionPage, type ExtensionBrowser } from '../../scripts/support/browser';

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const ZIP = resolve(root, `.output/spse-assist-${version}-${BROWSER === 'firefox' ? 'firefox' : 'chrome'}.zip`);

let sim: Simulator;
let ext: ExtensionBrowser | undefined;
let dir: string;
beforeAll(async () => {
  sim = await startSimulator();
  dir = mkdtempSync(join(tmpdir(), 'spse-assist-zip-'));
  await extract(ZIP, { dir });
});
afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

describe(`the ${BROWSER} package (${ZIP.split('/').pop()})`, () => {
  it('loads, welcomes, and guides a login on spse.inaproc.id', async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string; host_permissions: string[] };
    expect(manifest.version).toBe(version);
    expect(manifest.host_permissions).toEqual(['https://spse.inaproc.id/*']);
    ext = await launchWithExtension({ sim, extensionDir: dir });
    expect(ext.welcomeShown).toBe(true);
    const page = await ext.browser.newPage();
    await page.goto('https://spse.inaproc.id/jakarta/login/penyedia', { waitUntil: 'load' });
    expect(await assistantOf(page)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
    // The package's assistant.js was injected and rendered the advice.
    await page.waitForFunction(() => document.querySelector('spse-assist')?.shadowRoot?.querySelector('h2')?.textContent === 'Masuk dengan User ID SPSE Anda', { polling: 100 });
    const popup = await ext.browser.newPage();
    await openExtensionPage(ext, popup, 'popup.html');
    await popup.waitForSelector('main[data-access="granted"] #aggregation');
    expect(await popup.$('#access-missing')).toBeNull();
  });
});
