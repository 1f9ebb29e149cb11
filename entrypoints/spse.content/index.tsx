import { render } from 'preact';
import { Assistant, ASSISTANT_CSS } from '@/components/Assistant';
import { isAccepted, isAdvice, type Advice } from '@/lib/advice';
import { send } from '@/lib/messaging';
import { SPSE_HOST_PATTERN } from '@/lib/spse/hosts';
import { recognise, type Recognition } from '@/lib/spse/recognise';
import { collect } from '@/lib/spse/snapshot';
import { typedUserId } from '@/lib/spse/user-id-field';
import { watchPage } from './watch';

// Runs on spse.inaproc.id from the manifest, and on legacy `/eproc4/`, `/eproc/` addresses only when the
// background registers it at run time (optional permission granted). Top frame only. Not SPSE → returns
// before touching the page.
export default defineContentScript({
  matches: [SPSE_HOST_PATTERN],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    if (window.top !== window) return;
    const first = recognise(location.href, collect(document));
    if (!first) return;

    let container: HTMLElement | undefined;
    const ui = await createShadowRootUi(ctx, {
      name: 'spse-assist',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: ASSISTANT_CSS,
      onMount: (c) => (container = c),
      onRemove: (c) => c && render(null, c),
    });
    ui.mount();

    const show = (advice: Advice) => {
      // Stable hook for people and automation (README): the current page kind and next action ids.
      ui.shadowHost.setAttribute('data-page-kind', advice.pageKind);
      ui.shadowHost.setAttribute('data-next-action', advice.nextAction ?? '');
      if (container) render(<Assistant advice={advice} />, container);
    };

    let shown = '';
    const report = async (recognition: Recognition) => {
      const key = JSON.stringify(recognition.page);
      if (key === shown) return;
      shown = key;
      show(await send({ type: 'page/recognised', recognition }, isAdvice));
    };
    const fail = (e: unknown) => console.warn('[spse-assist]', e);

    await report(first).catch(fail);

    // The User ID is learned when its step is submitted: only that field is read (lib/spse/user-id-field.ts).
    ctx.addEventListener(
      document,
      'submit',
      (e) => {
        const form = e.target instanceof HTMLFormElement ? e.target : null;
        const userId = form && typedUserId(form);
        if (userId) send({ type: 'login/user-id', userId }, isAccepted).catch(fail);
      },
      { capture: true },
    );

    watchPage(ctx, () => {
      const again = recognise(location.href, collect(document));
      if (again) report(again).catch(fail);
    });
  },
});
