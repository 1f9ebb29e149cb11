import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const DEBOUNCE_MS = 150;
/** A page that keeps changing (a live tender table) cannot keep us busy: after this many passes we stop. */
const MAX_PASSES = 100;

/**
 * Calls `onChange` after the page's DOM changes (the login modal loads its fragment into `#loginloader`
 * after a click), debounced and bounded; disconnected when the page is left or the script invalidated.
 */
export function watchPage(ctx: ContentScriptContext, onChange: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let passes = 0;
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (++passes >= MAX_PASSES) stop();
      onChange();
    }, DEBOUNCE_MS);
  });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(stop);
  window.addEventListener('pagehide', stop, { once: true });
}
