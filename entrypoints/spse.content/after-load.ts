/**
 * At most this long after the script starts, recognition goes ahead even though the load event has not come:
 * Chrome also starts document_idle scripts when a slow image or script has held the load event back for a
 * while, and the penyedia should not wait for that image to see the assistant.
 */
export const LOAD_WAIT_MS = 100;

/**
 * Resolves in a task of its own after the page's load event (at once when the page has already loaded).
 * Why: Chrome starts document_idle content scripts just before it dispatches the load event, so whatever a
 * script does there holds the load event back, on every SPSE page a penyedia opens. Waiting costs the
 * assistant well under a millisecond on a page that has loaded, and no more than `LOAD_WAIT_MS` on one
 * still loading.
 */
export function afterLoad(win: Window = window, waitMs = LOAD_WAIT_MS): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolveOnce, waitMs);
    // After the load event's own task: the page's `load` listeners (SPSE's scripts) run first, undelayed.
    const onLoad = () => setTimeout(resolveOnce, 0);
    win.addEventListener('load', onLoad, { once: true });
    function resolveOnce() {
      clearTimeout(timer);
      win.removeEventListener('load', onLoad);
      resolve();
    }
  });
}
