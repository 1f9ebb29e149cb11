// @vitest-environment happy-dom
// The contact panel: "Sudah dilaporkan" only after the message was copied or the e-mail
// link used, "Sudah selesai" only once reported; each step said in a polite status, focus kept on the
// panel. And the assistant's quote of the notice agrees with the message: the User ID redacted in both
// unless ticked.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Assistant, type AssistantProps } from '@/components/Assistant';
import { ContactPanel } from '@/components/ContactPanel';
import type { Advice } from '@/lib/protocol';
import { adviceTexts, contactInfo } from '@/lib/worker/compose';
import { contactTexts } from '@/lib/ui-texts';
import type { ContactInfo } from '@/lib/contact';
import { t } from '@/lib/i18n';
import type { Problem } from '@/lib/schemas';

const NOTICE = 'Login dengan User ID NUSANTARA88 belum dapat dilanjutkan. Silakan menghubungi Helpdesk LPSE dengan menyertakan NPWP perusahaan dan User ID SPSE Anda:';
const LPSE = 'LPSE Provinsi Daerah Khusus Ibukota Jakarta';
const problem = (state: Problem['state']): Problem => ({ id: 'p1', lpseKey: 'https://spse.inaproc.id/jakarta', kind: 'admin-notice', notice: NOTICE, userId: 'NUSANTARA88', state, openedAt: 1 });
const info = (state: Problem['state'] = 'open'): ContactInfo =>
  contactInfo({
    lpseName: LPSE,
    lpseAddress: 'https://spse.inaproc.id/jakarta',
    generation: '4.5',
    own: [{ kind: 'email', value: 'helpdesk@jakarta.lpse.example' }],
    problem: problem(state),
    now: Date.UTC(2026, 4, 12, 3, 15),
    browser: 'Chrome 156',
    version: '0.1.0',
  });

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const buttonNamed = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const statusText = () => root.querySelector('.contact [role="status"]')?.textContent?.trim() ?? '';
const REPORTED = t('id', 'contact_reported');
const SOLVED = t('id', 'contact_solved');

describe('ContactPanel: reporting follows sending', () => {
  const text = contactTexts('id', LPSE, 'NUSANTARA88');
  const panel = (contact: ContactInfo, copy = vi.fn(async () => undefined), onState = vi.fn(async () => undefined)) => {
    render(<ContactPanel contact={contact} text={text} copy={copy} onState={onState} />, root);
    return { copy, onState };
  };

  it('offers neither "Sudah dilaporkan" nor "Sudah selesai" before the message was copied or sent', () => {
    panel(info());
    expect(buttonNamed(t('id', 'contact_copy'))).toBeDefined();
    expect(buttonNamed(REPORTED)).toBeUndefined();
    expect(buttonNamed(SOLVED)).toBeUndefined();
    const status = root.querySelector('.contact [role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('copied with the button: "Sudah dilaporkan" appears and the status says what to do next', async () => {
    const { copy } = panel(info());
    buttonNamed(t('id', 'contact_copy'))!.click();
    await vi.waitFor(() => expect(buttonNamed(REPORTED)).toBeDefined());
    expect(copy).toHaveBeenCalledWith(expect.stringContaining('Data yang diminta:'));
    expect(statusText()).toBe(t('id', 'contact_after_copy'));
    expect(buttonNamed(SOLVED)).toBeUndefined();
  });

  it('a copy the browser refused reports nothing and says how to copy by hand', async () => {
    panel(info(), vi.fn(async () => Promise.reject(new Error('denied'))));
    buttonNamed(t('id', 'contact_copy'))!.click();
    await vi.waitFor(() => expect(statusText()).toBe(t('id', 'contact_copy_failed')));
    expect(buttonNamed(REPORTED)).toBeUndefined();
  });

  it('copied by hand from the message box, or the e-mail link used: "Sudah dilaporkan" appears', async () => {
    panel(info());
    root.querySelector('textarea.message')!.dispatchEvent(new Event('copy', { bubbles: true }));
    await vi.waitFor(() => expect(buttonNamed(REPORTED)).toBeDefined());
    render(null, root);
    panel(info());
    const mail = root.querySelector<HTMLAnchorElement>('a.button')!;
    expect(mail.getAttribute('href')).toMatch(/^mailto:helpdesk%40jakarta\.lpse\.example\?/);
    mail.addEventListener('click', (e) => e.preventDefault()); // no navigation in the test's document
    mail.click();
    await vi.waitFor(() => expect(buttonNamed(REPORTED)).toBeDefined());
    expect(statusText()).toBe(t('id', 'contact_after_email'));
  });

  it('reported: "Sudah selesai" takes the place (and the focus) of "Sudah dilaporkan"; solved: neither, focus on the status', async () => {
    const { onState } = panel(info());
    buttonNamed(t('id', 'contact_copy'))!.click();
    await vi.waitFor(() => expect(buttonNamed(REPORTED)).toBeDefined());
    buttonNamed(REPORTED)!.focus();
    buttonNamed(REPORTED)!.click();
    await vi.waitFor(() => expect(buttonNamed(SOLVED)).toBeDefined());
    expect(onState).toHaveBeenCalledWith('reported');
    expect(buttonNamed(REPORTED)).toBeUndefined();
    expect(document.activeElement).toBe(buttonNamed(SOLVED));
    expect(statusText()).toBe(t('id', 'contact_after_report'));
    buttonNamed(SOLVED)!.click();
    await vi.waitFor(() => expect(buttonNamed(SOLVED)).toBeUndefined());
    expect(onState).toHaveBeenLastCalledWith('solved');
    expect(buttonNamed(REPORTED)).toBeUndefined();
    expect(statusText()).toBe(t('id', 'contact_state_solved'));
    expect(document.activeElement).toBe(root.querySelector('.contact [role="status"]'));
  });

  it('"Sudah selesai" only on a reported problem: at once when the panel opens on one, never on an open one', () => {
    panel(info('reported'));
    expect(buttonNamed(SOLVED)).toBeDefined();
    expect(buttonNamed(REPORTED)).toBeUndefined();
    render(null, root);
    panel(info('open'));
    expect(buttonNamed(SOLVED)).toBeUndefined();
  });

  it('without a problem to track (or nowhere to record it): no state buttons, even after copying', async () => {
    const contact = { ...info() };
    delete contact.problemId;
    delete contact.state;
    panel(contact);
    buttonNamed(t('id', 'contact_copy'))!.click();
    await vi.waitFor(() => expect(statusText()).toBe(t('id', 'contact_after_copy')));
    expect(buttonNamed(REPORTED)).toBeUndefined();
    expect(buttonNamed(SOLVED)).toBeUndefined();
  });
});

describe('Assistant: the notice quoted on screen as the message quotes it', () => {
  it('the User ID redacted in both until "Sertakan User ID saya" is ticked, then shown in both', async () => {
    const contact = info();
    const params = { notice: NOTICE, problemId: 'p1' };
    const advice: Advice = { pageKind: 'admin-notice', nextAction: 'contact-lpse', genuine: true, lpseName: LPSE, params, text: adviceTexts('id', 'contact-lpse', params, LPSE, 'NUSANTARA88'), contact, collapsed: false };
    // Props the assistant may take beyond these are not this test's (cast: the component's props grow).
    const props = { advice, onFill: () => false, onGo: async () => undefined, onChooseDefault: async () => undefined, onCollapse: () => undefined, onProblemState: async () => undefined } as unknown as AssistantProps;
    render(<Assistant {...props} />, root);
    const quote = () => root.querySelector('.notice')!.textContent!;
    expect(quote()).toContain('Login dengan User ID [User ID] belum dapat dilanjutkan');
    expect(quote()).not.toContain('NUSANTARA88');
    buttonNamed(t('id', 'ui_contact_lpse'))!.click();
    await vi.waitFor(() => expect(root.querySelector('textarea.message')).not.toBeNull());
    const message = () => root.querySelector<HTMLTextAreaElement>('textarea.message')!.value;
    // The same sentences in both.
    expect(message()).toContain(`"${quote().slice(quote().indexOf('Login'))}"`);
    root.querySelector<HTMLInputElement>('label.check input')!.click();
    await vi.waitFor(() => expect(quote()).toContain('Login dengan User ID NUSANTARA88 belum dapat dilanjutkan'));
    expect(message()).toContain(`"${quote().slice(quote().indexOf('Login'))}"`);
    expect(message()).toContain('\nUser ID: NUSANTARA88\n');
  });
});
