// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Advice } from '@/lib/protocol';
import { bridgeOf } from '@/lib/page/assistant-bridge';
import { assistantHost } from '@/entrypoints/spse.content/assistant-host';

const advice = (nextAction: Advice['nextAction']): Advice => ({
  pageKind: nextAction ? 'login' : 'other',
  nextAction,
  genuine: true,
  params: {},
  text: {},
  collapsed: false,
});
const ctx = { isInvalid: false, onInvalidated: () => () => {} } as unknown as ContentScriptContext;

describe('assistantHost (the content script’s side of the assistant)', () => {
  let scope: object;
  let host: HTMLElement;
  beforeEach(() => {
    scope = {};
    host = document.createElement('spse-assist');
    host.hidden = true;
    document.body.replaceChildren(host);
  });
  const make = (askForUi: () => Promise<unknown> = vi.fn(async () => ({ loaded: true }))) => ({ askForUi, a: assistantHost({ ctx, host, fill: () => true, go: async () => {}, askForUi, onError: () => {}, scope }) });

  it('hands the advice to a UI injected before the reply, in a shadow root it attached itself, and asks for nothing', () => {
    const { a, askForUi } = make();
    expect(a.wantsUi).toBe(true);
    const ui = vi.fn();
    bridgeOf(scope)!.show = ui; // what assistant.js does while the background injects it
    expect(a.wantsUi).toBe(false);
    a.show(advice('log-in'));
    expect(ui).toHaveBeenCalledWith(advice('log-in'));
    expect(bridgeOf(scope)!.shadow).toBe(host.shadowRoot);
    expect([host.getAttribute('data-page-kind'), host.getAttribute('data-next-action')]).toEqual(['login', 'log-in']);
    expect(askForUi).not.toHaveBeenCalled();
  });

  it('asks for a missing UI once at a time, and again on newer advice if it still did not come', async () => {
    let answer!: () => void;
    const askForUi = vi.fn(() => new Promise<void>((r) => (answer = r)));
    const { a } = make(askForUi);
    a.show(advice('log-in'));
    a.show(advice('log-in'));
    expect(askForUi).toHaveBeenCalledTimes(1);
    answer(); // injected into a newer document: nothing registered here
    await new Promise((r) => setTimeout(r));
    a.show(advice('log-in'));
    expect(askForUi).toHaveBeenCalledTimes(2);
  });

  it('with nothing to show: hidden, no shadow root, nothing asked', () => {
    const { a, askForUi } = make();
    a.show(advice(null));
    expect(host.hidden).toBe(true);
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttribute('data-next-action')).toBe('');
    expect(askForUi).not.toHaveBeenCalled();
  });

  it('never renders into a shadow root a page script attached first', () => {
    const { a, askForUi } = make();
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>page</p>';
    expect(() => a.show(advice('log-in'))).toThrow();
    expect(bridgeOf(scope)!.shadow).toBeUndefined();
    expect(askForUi).not.toHaveBeenCalled();
  });
});
