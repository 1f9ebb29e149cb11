import { render } from 'preact';
import { Assistant, ASSISTANT_CSS } from '@/components/Assistant';
import type { Advice } from '@/lib/protocol';
import { bridgeOf } from '@/lib/page/assistant-bridge';
import { send } from '@/lib/messaging';
import { misdetectionReport } from '@/lib/page/misdetection';
import { skeletonOf } from '@/lib/skeleton';

// The assistant's UI, injected by the background into an SPSE tab's isolated world when a page's advice has
// something to show (lib/page/assistant-bridge.ts), usually before that advice reaches the content script. Renders
// into the shadow root the content script attaches on its `<spse-assist>` host, so SPSE's styles and ours
// never meet.
export default defineUnlistedScript(() => {
  const bridge = bridgeOf(globalThis);
  if (!bridge || bridge.show || bridge.ctx.isInvalid) return;
  const { ctx, host } = bridge;

  // Built on the first advice with something to show, in the root the content script attached for it.
  let container: HTMLElement | undefined;
  const mount = (shadow: ShadowRoot) => {
    const style = document.createElement('style');
    // The page's inherited styles stop at our host; then ours.
    style.textContent = `:host{all:initial !important;}\n${ASSISTANT_CSS}`;
    const root = document.createElement('div');
    shadow.replaceChildren(style, root);
    // SPSE's Bootstrap login modal pulls focus back into itself on every `focusin` that reaches the document;
    // stopping these at our shadow root keeps the assistant reachable by keyboard while the modal is open.
    for (const type of ['focusin', 'focusout', 'keydown', 'keyup', 'keypress']) shadow.addEventListener(type, (e) => e.stopPropagation());
    ctx.onInvalidated(() => render(null, root));
    return root;
  };

  const fail = (e: unknown) => {
    if (!ctx.isInvalid) console.warn('[spse-assist]', e);
  };
  // After "Ini tidak tepat" (RULES.md R19) the confirmation stays while this document's advice is quiet.
  let confirming = false;
  const show = (advice: Advice) => {
    if (!container) {
      if (!bridge.shadow) return; // nothing to show yet
      container = mount(bridge.shadow);
    }
    if (confirming && !advice.nextAction) {
      host.hidden = false;
      return;
    }
    confirming = false;
    const recognition = bridge.recognition;
    render(
      <Assistant
        key={`${advice.pageKind}:${advice.nextAction}:${advice.params.problemId ?? ''}`}
        advice={advice}
        onFill={bridge.fill}
        onGo={bridge.go}
        onChooseDefault={async (userId) => {
          await send({ type: 'penyedia/choose-default', userId });
        }}
        onCollapse={(collapsed) => void send({ type: 'assistant/collapse', collapsed }).catch(fail)}
        onProblemState={async (id, state) => {
          await send({ type: 'problem/set-state', id, state });
        }}
        onDismiss={async () => {
          // Set before asking: the background refreshes open tabs, so this page's quiet advice may come first.
          confirming = true;
          try {
            const reply = await send({ type: 'assistant/dismiss', pageKind: advice.pageKind, nextAction: advice.nextAction });
            confirming = reply.dismissed;
            // Nothing to say on this page any more (the stable interface keeps its page kind).
            if (reply.dismissed) host.setAttribute('data-next-action', '');
            return reply;
          } catch (e) {
            confirming = false;
            throw e;
          }
        }}
        // Built when asked, from the page as it is then: its skeleton and what recognition said (no values, no text).
        report={(dismissal) =>
          misdetectionReport({ dismissal, pageKind: advice.pageKind, nextAction: advice.nextAction, recognition, skeleton: skeletonOf(document), intro: advice.text.reportIntro, at: Date.now() })
        }
        onClose={() => {
          confirming = false;
          host.hidden = true;
        }}
      />,
      container,
    );
    host.hidden = !advice.nextAction;
  };
  bridge.show = show;
  if (bridge.advice) show(bridge.advice);
});
