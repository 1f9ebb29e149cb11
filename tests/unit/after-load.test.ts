import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterLoad } from '@/entrypoints/spse.content/after-load';

// A window that is still loading: an EventTarget with a document whose readyState the test sets.
const loadingWindow = (readyState: DocumentReadyState = 'interactive') =>
  Object.assign(new EventTarget(), { document: { readyState } }) as unknown as Window & { document: { readyState: string } };

/** Starts the wait; the mock is called when it settles. */
function waiting(win: Window, waitMs?: number) {
  const settled = vi.fn();
  afterLoad(win, waitMs).then(settled);
  return settled;
}

describe('afterLoad (content script waits for the load event)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('goes on at once when the page has loaded', async () => {
    const settled = waiting(loadingWindow('complete'));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalled();
  });

  it('waits for the load event, then for a task of its own', async () => {
    const win = loadingWindow();
    const settled = waiting(win, 1000);
    await vi.advanceTimersByTimeAsync(50);
    expect(settled).not.toHaveBeenCalled();
    win.dispatchEvent(new Event('load'));
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled(); // not inside the load event's dispatch
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalledOnce();
  });

  it('does not wait longer than its bound for a load event held back by a slow resource', async () => {
    const win = loadingWindow();
    const settled = waiting(win, 100);
    await vi.advanceTimersByTimeAsync(99);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toHaveBeenCalledOnce();
    win.dispatchEvent(new Event('load')); // a late load event changes nothing
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toHaveBeenCalledOnce();
  });
});
