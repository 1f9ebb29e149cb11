// Hostile pages generated at test time (not committed), recognised by the real content script in Chromium:
// a 5 MB page and a page 10,000 elements deep, at an LPSE's address.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { assistantOf, launchWithExtension, type ExtensionBrowser } from '../../scripts/support/browser';

let sim: Simulator;
let ext: ExtensionBrowser;
// One simulator for the file; a fresh browser profile for every test.
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim?.close());
beforeEach(async () => {
  ext = await launchWithExtension({ sim });
});
afterEach(async () => ext?.close());

const FOOTER = '<footer>© 2006-2026 Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP) · Aplikasi SPSE v4.5u20250321</footer>';

/** Serves `html` at `url` from the test itself (the request never reaches the simulator). */
async function serve(url: string, html: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => (req.url() === url ? req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : req.continue()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  expect(errors).toEqual([]);
  return page;
}

describe('hostile pages in the browser', () => {
  it('a 5 MB tender list: recognised, assistant rendered', async () => {
    const row = '<tr><td>Belanja Modal Pengadaan Komputer</td><td>Rp 1.240.000.000</td><td><a href="/jakarta/lelang/10102453000/pengumumanlelang">detail</a></td></tr>';
    const html = `<!doctype html><html><head><title>LPSE  - Cari Paket</title></head><body><table>${row.repeat(Math.ceil(5_000_000 / row.length))}</table>${FOOTER}</body></html>`;
    expect(html.length).toBeGreaterThanOrEqual(5_000_000);
    const page = await serve('https://spse.inaproc.id/jakarta/lelang?big=1', html);
    expect(await assistantOf(page, 30_000)).toEqual({ pageKind: 'other', nextAction: '' });
    await page.close();
  });

  it('a login form 10,000 elements deep: recognised as the User ID step', async () => {
    // Chromium's HTML parser stops nesting at 512 levels, so the page builds its depth with a script, as a
    // hostile page would, before the content script's document_idle run. It is kept out of layout
    // (display:none): Chromium itself never paints a 3,000-deep tree (seen here: no frame in 30 s, with or
    // without the extension), while the content script still has to walk all of it.
    const depth = 10_000;
    const build = `let n=document.getElementById('root');for(let i=0;i<${depth};i++){const d=document.createElement('div');n.appendChild(d);n=d;}const f=document.createElement('form');f.method='post';const i=document.createElement('input');i.name='txtUserId';const b=document.createElement('button');b.type='submit';b.textContent='Login';f.append(i,b);n.appendChild(f);`;
    const html = `<!doctype html><html><body><div id="root" style="display:none"></div><script>${build}</script>${FOOTER}</body></html>`;
    const page = await serve('https://spse.inaproc.id/jakarta/login/penyedia?deep=1', html);
    expect(await page.evaluate(() => { let d = 0; for (let n: Element | null = document.querySelector('input'); n; n = n.parentElement) d++; return d; })).toBeGreaterThan(10_000);
    expect(await assistantOf(page, 30_000)).toEqual({ pageKind: 'login', nextAction: 'log-in' });
    await page.close();
  });
});
