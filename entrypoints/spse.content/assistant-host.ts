import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Advice } from '@/lib/protocol';
import { setBridge, type AssistantBridge } from '@/lib/page/assistant-bridge';
import type { RecognitionSignals } from '@/lib/page/misdetection';

export interface AssistantHost {
  /** The page has no UI yet: the background injects it with its reply when there is something to show. */
  readonly wantsUi: boolean;
  /** Sets `<spse-assist>`'s attributes and hands the advice to the UI (asking for the UI when it is missing). */
  show(advice: Advice, recognition?: RecognitionSignals): void;
}

/**
 * The content script's side of the assistant. The bridge is set at once: the background may inject the UI
 * (lib/page/assistant-bridge.ts) before its reply arrives. When advice with something to show finds no UI (the
 * injection went into a newer document, or failed), `askForUi` asks for it, once at a time.
 */
export function assistantHost(o: {
  ctx: ContentScriptContext;
  host: HTMLElement;
  fill: (userId: string) => boolean;
  go: AssistantBridge['go'];
  askForUi: () => Promise<unknown>;
  onError: (e: unknown) => void;
  scope?: object;
}): AssistantHost {
  const { host } = o;
  const bridge: AssistantBridge = { ctx: o.ctx, host, fill: o.fill, go: o.go };
  setBridge(o.scope ?? globalThis, bridge);
  let asking = false;
  return {
    get wantsUi() {
      return !bridge.show;
    },
    show(advice, recognition) {
      host.setAttribute('data-page-kind', advice.pageKind);
      host.setAttribute('data-next-action', advice.nextAction ?? '');
      if (!advice.nextAction) host.hidden = true;
      bridge.advice = advice;
      bridge.recognition = recognition;
      // Attached by us (only on pages with something to show) and handed to the UI: a root a page script
      // attached first is never rendered into (then this throws and no UI shows).
      if (advice.nextAction) bridge.shadow ??= host.attachShadow({ mode: 'open' });
      if (bridge.show) bridge.show(advice);
      else if (advice.nextAction && !asking) {
        asking = true;
        o.askForUi()
          .catch(o.onError)
          // The UI registers itself while it is injected: if it did not, the next advice asks again.
          .finally(() => (asking = false));
      }
    },
  };
}
