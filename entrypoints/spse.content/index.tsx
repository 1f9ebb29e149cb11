import { render } from 'preact';
import { Assistant, ASSISTANT_CSS } from '@/components/Assistant';
import { defaultLang } from '@/lib/i18n';
import { send } from '@/lib/messaging';
import { recognise } from '@/lib/spse/recognise';
import { collect } from '@/lib/spse/snapshot';
import { SPSE_HOST_PATTERN } from '@/lib/spse/hosts';

// Runs on spse.inaproc.id from the manifest, and on legacy `/eproc4/`, `/eproc/` addresses only when the
// background registers it at run time (optional permission granted). Not SPSE → returns before touching the DOM.
export default defineContentScript({
  matches: [SPSE_HOST_PATTERN],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const recognition = recognise(location.href, collect(document));
    if (!recognition) return;
    const advice = await send({ type: 'page/recognised', recognition });
    const ui = await createShadowRootUi(ctx, {
      name: 'spse-assist',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: ASSISTANT_CSS,
      onMount(container, _shadow, host) {
        // Stable hook for people and automation (README): the current page kind and next action ids.
        host.setAttribute('data-page-kind', advice.pageKind);
        host.setAttribute('data-next-action', advice.nextAction ?? '');
        render(<Assistant advice={advice} lang={defaultLang()} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
