/**
 * The screenshots of the README's install steps (docs/install/), taken from the real store packages
 * (`npm run zip` first): each zip unpacked and loaded the way the README says, in Chromium and in Firefox,
 * then used on an LPSE of the local simulator. Run again after a UI change: `npm run screenshots:install`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import extract from 'extract-zip';
import type { Page } from 'puppeteer-core';
import { startSimulator } from './simulator/server';
import { assistantOf, launchWithExtension, openExtensionPage, type BrowserKind } from './support/browser';
import { withdrawSpseAccess } from './support/extension';

const root = resolve(import.meta.dirname, '..');
const OUT = resolve(root, 'docs/install');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
mkdirSync(OUT, { recursive: true });
const sim = await startSimulator();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: join(OUT, name) });
  console.log(join('docs/install', name));
};

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  const dir = mkdtempSync(join(tmpdir(), 'spse-assist-install-'));
  await extract(resolve(root, `.output/spse-assist-${version}-${kind === 'firefox' ? 'firefox' : 'chrome'}.zip`), { dir });
  const ext = await launchWithExtension({ sim, kind, extensionDir: dir });
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 1000, height: 620 });
  if (kind === 'chromium') {
    await page.goto('chrome://extensions', { waitUntil: 'load' });
    await pause(500);
    await page.evaluate(`document.querySelector('extensions-manager').shadowRoot.querySelector('extensions-toolbar').shadowRoot.querySelector('#devMode').click()`);
    await pause(800);
    await shot(page, 'chrome-1-extensions.png');
  } else {
    // BiDi never reports the end of this navigation either: start it, then wait for the page.
    void page.goto('about:debugging#/runtime/this-firefox').catch(() => {});
    await pause(2500);
    await shot(page, 'firefox-1-debugging.png');
  }
  // The welcome page; in Firefox as it looks when access to spse.inaproc.id is not (or no longer) given.
  await openExtensionPage(ext, page, 'welcome.html');
  if (kind === 'firefox') {
    await withdrawSpseAccess(page); // the page follows the withdrawal and asks
    await page.waitForSelector('#host-access[data-access="missing"]');
  }
  await pause(300);
  await shot(page, `${kind === 'firefox' ? 'firefox' : 'chrome'}-2-welcome.png`);
  if (kind === 'firefox') {
    await page.click('#grant-access');
    await page.waitForSelector('#host-access[data-access="just-granted"]');
  }
  const spse = await ext.browser.newPage();
  await spse.setViewport({ width: 1000, height: 620 });
  await spse.goto('https://spse.inaproc.id/jakarta/login/penyedia', { waitUntil: 'load' });
  await assistantOf(spse);
  await pause(300);
  await shot(spse, `${kind === 'firefox' ? 'firefox' : 'chrome'}-3-assistant.png`);
  await ext.close();
  rmSync(dir, { recursive: true, force: true });
}
await sim.close();
process.exit(0);
