/**
 * Whether the extension's content script ran in a page, read from Chromium's own execution contexts
 * (the isolated world an extension's content script gets), not from anything the script writes.
 */
import type { Page } from 'puppeteer-core';

export interface ContentScriptRun {
  /** The extension's isolated world exists in the page's main frame. */
  ran: boolean;
}

export async function contentScriptRun(page: Page, extensionId: string): Promise<ContentScriptRun> {
  const cdp = await page.createCDPSession();
  const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable'); // reports every existing context first
  const mainFrame = (page.mainFrame() as unknown as { _id: string })._id;
  const world = contexts.find(
    (c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}` && (!mainFrame || c.auxData?.frameId === mainFrame),
  );
  if (world) {
    // A round trip through that world: it runs after the content script's own synchronous task.
    await cdp.send('Runtime.evaluate', { expression: '0', contextId: world.id });
  }
  await cdp.detach();
  return { ran: !!world };
}

/** Waits until the page has loaded and Chromium's document_idle injection point has surely passed. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState === 'complete');
  // document_idle is at the latest "immediately after window.onload": one more task and one frame after it.
  await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => setTimeout(r, 0)), 0)));
}
