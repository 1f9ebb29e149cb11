/**
 * Walks a scripted penyedia through an LPSE's login in a real page, the way a person does it: SPSE 4.5's
 * chooser → User ID → password + captcha (→ 2FA); SPSE 4.x's one form; SPSE 3.x's Login Penyedia form.
 * Paths and fields are the simulator's (scripts/simulator/README.md).
 */
import type { Page } from 'puppeteer-core';
import type { SimulatedAccount, SimulatedLpse } from '../simulator/server';

export interface WalkOptions {
  password?: string;
  /** Called after each step has loaded (e.g. to take a screenshot or read the assistant). */
  onStep?: (name: string) => Promise<void> | void;
}

const OTP_CODE = '246810';

/** The assistant has answered this page (and shown itself, when it has something to say). */
export async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const host = document.querySelector('spse-assist');
        return !!host?.hasAttribute('data-page-kind') && (!host.getAttribute('data-next-action') || !!host.shadowRoot?.querySelector('h2'));
      },
      { timeout: 10_000 },
    )
    .catch(() => {}); // a page without the assistant (not SPSE, no access) is walked as it is
}

async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

export async function walkLogin(page: Page, lpse: SimulatedLpse, account: SimulatedAccount, opts: WalkOptions = {}): Promise<void> {
  const password = opts.password ?? account.password;
  const step = async (name: string) => opts.onStep?.(name);
  await page.goto(`${lpse.baseUrl}/`, { waitUntil: 'load' });
  // The assistant speaks on the public home (RULES.md R16) and its bar moves SPSE's menu down: a person
  // clicks LOGIN where it is once the page stands still, and so does this walk.
  await settled(page);
  await step('home');
  if (lpse.generation === '4.5') {
    await page.click('#login');
    await page.waitForSelector('#myModal.show #btnPenyedia', { visible: true });
    await step('chooser');
    await submit(page, '#btnPenyedia');
    await step('user-id');
    await page.type('input[name="txtUserId"]', account.userId);
    await submit(page, '#formLogin button[type="submit"]');
    await step('password');
    await page.type('#txtPassword', password);
    await page.type('#txtCode', 'abcd');
    await submit(page, '#formLoginPass button[type="submit"]');
    if (new URL(page.url()).pathname.endsWith('/login/otp')) {
      await step('otp');
      await page.type('#txtOtp', OTP_CODE);
      await submit(page, '#formOtp button[type="submit"]');
    }
  } else if (lpse.generation === '4.x') {
    await page.goto(`${lpse.baseUrl}/login`, { waitUntil: 'load' });
    await step('one-form');
    await page.type('#txtUserId', account.userId);
    await page.type('#txtPassword', password);
    await submit(page, '#formLogin button[type="submit"], #formLogin input[type="submit"]');
  } else {
    await submit(page, '#btnLoginPenyedia');
    await step('one-form');
    await page.type('#userid', account.userId);
    await page.type('#password', password);
    await submit(page, '#btnLogin');
  }
  await step('after-login');
}
