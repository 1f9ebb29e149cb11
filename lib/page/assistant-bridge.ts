import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Advice } from '../protocol';
import type { RecognitionSignals } from './misdetection';

/**
 * How the content script and the assistant's UI script meet. The content script (recognition only, small:
 * it must stay small) creates `<spse-assist>` and keeps the advice; the UI script (Preact, the assistant, its styles)
 * is injected by the background only when there is something to show, into the same isolated world, where
 * it finds this bridge on `globalThis` — out of the page's reach. Usually the background injects it while
 * answering the page's first report, before the advice arrives; else the content script asks for it
 * (`assistant/load`) when advice with something to show finds no UI.
 */
export interface AssistantBridge {
  ctx: ContentScriptContext;
  host: HTMLElement;
  /** The host's shadow root, attached by the content script when there is something to show (never
   * `host.shadowRoot`, which a page could have attached first). */
  shadow?: ShadowRoot;
  /** The newest advice; none yet when the background injects the UI before its first reply. */
  advice?: Advice;
  /** What recognition said of the page that advice is for (its ids go into the misdetection report, R19). */
  recognition?: RecognitionSignals;
  /** "Isi User ID" (lib/page/fill.ts), lent by the content script so the UI script does not load it again. */
  fill: (userId: string) => boolean;
  /** Opens SPSE's login at `url` (this LPSE when not given, or another) to fill `userId` there (RULES.md R18). */
  go: (target: { url?: string; userId?: string }) => Promise<void>;
  /** Set by the UI script: show newer advice. */
  show?: (advice: Advice) => void;
}

export const BRIDGE_KEY = Symbol.for('spse-assist.bridge');

export function bridgeOf(scope: object): AssistantBridge | undefined {
  return (scope as { [BRIDGE_KEY]?: AssistantBridge })[BRIDGE_KEY];
}

export function setBridge(scope: object, bridge: AssistantBridge): void {
  (scope as { [BRIDGE_KEY]?: AssistantBridge })[BRIDGE_KEY] = bridge;
}
