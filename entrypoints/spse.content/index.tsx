import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Assistant, ASSISTANT_CSS } from '@/components/Assistant';
import { isAccepted, isAdvice, type Advice } from '@/lib/advice';
import { send } from '@/lib/messaging';
import { fillUserId } from '@/lib/spse/fill';
import { SPSE_HOST_PATTERN } from '@/lib/spse/hosts';
import { recognise, type Recognition } from '@/lib/spse/recognise';
import { collect } from '@/lib/spse/snapshot';
import { typedUserId } from '@/lib/spse/user-id-field';
import { watchPage } from './watch';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

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
      append: 'first',
      css: ASSISTANT_CSS,
      // SPSE's Bootstrap login modal pulls focus back into itself on every `focusin` that reaches the
      // document; stopping them at our host keeps the assistant reachable by keyboard while it is open.
      isolateEvents: ['focusin', 'focusout', 'keydown', 'keyup', 'keypress'],
      // Hidden until there is something to say: an empty host costs the page no layout.
      onMount: (c, _shadow, host) => {
        host.hidden = true;
        container = c;
      },
      onRemove: (c) => c && render(null, c),
    });
    ui.mount();

    // An orphaned script (the extension was updated or removed) goes quiet instead of throwing.
    const fail = (e: unknown) => {
      if (!ctx.isInvalid) console.warn('[spse-assist]', e);
    };
    const show = (advice: Advice) => {
      // Stable hook for people and automation (README): the current page kind and next action ids.
      ui.shadowHost.setAttribute('data-page-kind', advice.pageKind);
      ui.shadowHost.setAttribute('data-next-action', advice.nextAction ?? '');
      ui.shadowHost.hidden = !advice.nextAction;
      if (!container) return;
      render(
        <Assistant
          key={`${advice.pageKind}:${advice.nextAction}:${advice.params.problemId ?? ''}`}
          advice={advice}
          onFill={(userId) => fillUserId(document, userId)}
          onCollapse={(collapsed) => void send({ type: 'assistant/collapse', collapsed }, isCollapsed).catch(fail)}
          onProblemState={async (id, state) => {
            await send({ type: 'problem/set-state', id, state }, isUpdated);
          }}
        />,
        container,
      );
    };

    let shown = '';
    const report = async (recognition: Recognition, force = false) => {
      const key = JSON.stringify(recognition.page);
      if (key === shown && !force) return;
      shown = key;
      if (ctx.isInvalid) return;
      show(await send({ type: 'page/recognised', recognition }, isAdvice));
    };
    const again = (force: boolean) => {
      const r = recognise(location.href, collect(document));
      if (r) report(r, force).catch(fail);
    };

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
    // A page restored from the back/forward cache, or changed from another tab (popup, options), shows
    // current advice.
    ctx.addEventListener(window, 'pageshow', (e) => (e as PageTransitionEvent).persisted && again(true));
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && isObject(message) && message.type === 'advice/refresh') again(true);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    watchPage(ctx, () => again(false));
  },
});

function isCollapsed(v: unknown): v is { collapsed: boolean } {
  return isObject(v) && typeof v.collapsed === 'boolean';
}
function isUpdated(v: unknown): v is { updated: boolean } {
  return isObject(v) && typeof v.updated === 'boolean';
}
