// @vitest-environment happy-dom
// "Ini tidak tepat" in the assistant (lib/sop/RULES.md R19): a secondary button on every advice; one click asks the
// background to hide the advice, then a short confirmation takes its place (focused), offering the misdetection
// report to copy — in a box to select by hand when the clipboard refuses. In both languages, from the advice texts.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Assistant, type AssistantProps } from '@/components/Assistant';
import type { Advice } from '@/lib/protocol';
import { adviceTexts } from '@/lib/worker/compose';
import { t, type Lang } from '@/lib/i18n';
import type { DismissReply } from '@/lib/page/misdetection';

const LPSE = 'LPSE Provinsi Daerah Khusus Ibukota Jakarta';
const reply: DismissReply = { dismissed: true, lpseKey: 'https://spse.inaproc.id/jakarta', lpseName: LPSE, pattern: '/login/penyedia', version: '0.1.0', browser: 'Chrome' };
const adviceIn = (lang: Lang): Advice => {
  const params = { step: 'user-id' as const };
  return { pageKind: 'login', nextAction: 'log-in', genuine: true, lpseName: LPSE, params, text: adviceTexts(lang, 'log-in', params, LPSE), collapsed: false };
};

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

function mount(lang: Lang, over: Partial<AssistantProps> = {}) {
  const calls = { dismiss: 0, copied: [] as string[], closed: 0 };
  const props: AssistantProps = {
    advice: adviceIn(lang),
    onFill: () => false,
    onGo: async () => undefined,
    onChooseDefault: async () => undefined,
    onCollapse: () => undefined,
    onProblemState: async () => undefined,
    onDismiss: async () => {
      calls.dismiss++;
      return reply;
    },
    report: (d) => `# report for ${d.pattern}`,
    copy: async (s) => void calls.copied.push(s),
    onClose: () => void calls.closed++,
    ...over,
  };
  render(<Assistant {...props} />, root);
  return calls;
}

describe('"Ini tidak tepat" in the assistant', () => {
  it.each(['id', 'en'] as const)('(%s) a secondary button beside the advice; one click → confirmation, focused, with the report to copy', async (lang) => {
    const calls = mount(lang);
    const notRight = buttonNamed(t(lang, 'ui_not_right'))!;
    expect(notRight).toBeDefined();
    expect(notRight.classList.contains('secondary')).toBe(true);
    expect(notRight.hasAttribute('data-primary')).toBe(false);
    expect(notRight.getAttribute('title')).toBe(t(lang, 'ui_not_right_hint'));
    expect(root.querySelectorAll('[data-primary]').length).toBeLessThanOrEqual(1);
    notRight.click();
    await vi.waitFor(() => expect(root.querySelector('[data-dismissed]')).not.toBeNull());
    expect(calls.dismiss).toBe(1);
    const text = root.textContent ?? '';
    expect(text).toContain(t(lang, 'ui_not_right_done', LPSE));
    expect(text).toContain(t(lang, 'ui_not_right_where'));
    expect(text).toContain(t(lang, 'ui_not_right_report'));
    expect(text).not.toContain(t(lang, 'action_log_in_title')); // the advice is gone
    await vi.waitFor(() => expect(document.activeElement?.textContent).toContain(t(lang, 'ui_not_right_done', LPSE)));
    buttonNamed(t(lang, 'ui_copy_report'))!.click();
    await vi.waitFor(() => expect(calls.copied).toEqual(['# report for /login/penyedia']));
    await vi.waitFor(() => expect(root.querySelector('p.status')?.textContent).toBe(t(lang, 'ui_report_copied')));
    expect(root.querySelector('textarea')).toBeNull();
    buttonNamed(t(lang, 'ui_close'))!.click();
    await vi.waitFor(() => expect(root.querySelector('section')).toBeNull());
    expect(calls.closed).toBe(1);
  });

  it('when the clipboard refuses, the report shows in a labelled box to copy by hand', async () => {
    mount('id', { copy: () => Promise.reject(new Error('denied')) });
    buttonNamed('Ini tidak tepat')!.click();
    await vi.waitFor(() => expect(buttonNamed('Salin laporan')).toBeDefined());
    buttonNamed('Salin laporan')!.click();
    await vi.waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
    const box = root.querySelector('textarea')!;
    expect(box.readOnly).toBe(true);
    expect(box.getAttribute('aria-label')).toBe('Laporan salah deteksi');
    expect(box.value).toBe('# report for /login/penyedia');
    expect(root.querySelector('p.status')?.textContent).toBe(t('id', 'ui_report_copy_failed'));
  });

  it('a dismissal that was not saved says so and keeps the advice', async () => {
    mount('id', { onDismiss: () => Promise.reject(new Error('worker gone')) });
    buttonNamed('Ini tidak tepat')!.click();
    await vi.waitFor(() => expect(root.querySelector('p.status')?.textContent).toBe(t('id', 'ui_not_right_failed')));
    expect(root.querySelector('[data-dismissed]')).toBeNull();
    expect(root.textContent).toContain(t('id', 'action_log_in_title'));
  });

  it('is on every advice, also a warning; never where there is nothing to say', () => {
    const warn: Advice = { ...adviceIn('id'), nextAction: 'suspicious-site', genuine: false, text: adviceTexts('id', 'suspicious-site', {}, undefined), params: {} };
    mount('id', { advice: warn });
    expect(buttonNamed('Ini tidak tepat')).toBeDefined();
    mount('id', { advice: { ...adviceIn('id'), nextAction: null, text: {} } });
    expect(buttonNamed('Ini tidak tepat')).toBeUndefined();
  });
});
