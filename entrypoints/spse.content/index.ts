import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import type { MessageType } from '@/lib/protocol';
import { fillUserId } from '@/lib/page/fill';
import { clickLoginStep } from '@/lib/page/recognition/login-flow';
import { siteFromUrl } from '@/lib/spse/site';
import { SPSE_HOST_PATTERN } from '@/lib/spse/hosts';
import { recognise, type Recognition } from '@/lib/page/recognition/recognise';
import { collect } from '@/lib/page/recognition/snapshot';
import { typedUserId } from '@/lib/page/user-id-field';
import { afterLoad } from './after-load';
import { assistantHost } from './assistant-host';
import { watchPage } from './watch';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

// Runs on spse.inaproc.id from the manifest, and on legacy `/eproc4/`, `/eproc/` addresses only when the
// background registers it at run time (optional permission granted). Top frame only. Not SPSE → returns
// before touching the page. Recognition only: the assistant's UI (Preact, styles) is a separate script the
// background injects when there is something to show, so the pages penyedia browse all day pay for none of it.
export default defineContentScript({
  matches: [SPSE_HOST_PATTERN],
  runAt: 'document_idle',
  // WXT announces a newer copy of the script with a DOM event; without this it also postMessages the page,
  // waking every `message` listener SPSE's own scripts have.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (window.top !== window) return;
    // Nothing before the page's load event: Chrome would make the page wait for it (./after-load.ts).
    await afterLoad();
    if (ctx.isInvalid) return;
    const first = recognise(location.href, collect(document));
    if (!first) return;

    // The stable hook for people and automation (README), on every SPSE page; hidden while it has nothing
    // to say (an empty hidden host costs the page no layout).
    const host = document.createElement('spse-assist');
    host.hidden = true;
    (document.body ?? document.documentElement).prepend(host);
    ctx.onInvalidated(() => host.remove());

    // An orphaned script (the extension was updated or removed) goes quiet instead of throwing.
    const fail = (e: unknown) => {
      if (!ctx.isInvalid) console.warn('[spse-assist]', e);
    };
    // "Masuk sebagai penyedia", "Masuk dengan …", "Buka <LPSE>" (RULES.md R18): the tab carries the intent;
    // on this LPSE SPSE's own LOGIN is clicked at once, elsewhere the LPSE is opened and its pages go on.
    const go = async (target: { url?: string; userId?: string }) => {
      const url = target.url ?? `${first.site.base}/`;
      await send({ type: 'login/start', url, ...(target.userId && { userId: target.userId }) });
      if (siteFromUrl(url)?.base === first.site.base && clickLoginStep(document)) return;
      location.assign(url);
    };
    const assistant = assistantHost({
      ctx,
      host,
      fill: (userId) => fillUserId(document, userId),
      go,
      askForUi: () => send({ type: 'assistant/load' }),
      onError: fail,
    });

    let shown = '';
    const report = async (recognition: Recognition, force = false) => {
      const key = JSON.stringify(recognition.page);
      if (key === shown && !force) return;
      shown = key;
      if (ctx.isInvalid) return;
      const advice = await send({ type: 'page/recognised', recognition, wantsUi: assistant.wantsUi });
      if (ctx.isInvalid) return; // a newer copy of this script may have taken over meanwhile
      // The login the penyedia asked for goes on by itself: SPSE's LOGIN / PENYEDIA once per step, the User ID.
      const step = `${recognition.page.kind}:${'step' in recognition.page ? recognition.page.step : ''}`;
      if (advice.params.autostart && !clicked.has(step)) {
        clicked.add(step);
        clickLoginStep(document);
      }
      if (advice.params.autofill) fillUserId(document, advice.params.autofill);
      assistant.show(advice, recognition);
    };
    const clicked = new Set<string>();
    const again = (force: boolean) => {
      const r = recognise(location.href, collect(document));
      if (r) report(r, force).catch(fail);
    };

    // The User ID is learned when its step is submitted: only that field is read (lib/page/user-id-field.ts).
    ctx.addEventListener(
      document,
      'submit',
      (e) => {
        const form = e.target instanceof HTMLFormElement ? e.target : null;
        const userId = form && typedUserId(form);
        if (userId) send({ type: 'login/user-id', userId }).catch(fail);
      },
      { capture: true },
    );
    // A page restored from the back/forward cache, or changed from another tab (popup, options), shows
    // current advice.
    ctx.addEventListener(window, 'pageshow', (e) => (e as PageTransitionEvent).persisted && again(true));
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && isObject(message) && message.type === ('advice/refresh' satisfies MessageType)) again(true);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    watchPage(ctx, () => again(false));

    // Last, once every listener is there: a page that goes into the back/forward cache while this first
    // report is in flight (its reply is lost) reports again when it is restored.
    await report(first).catch(fail);
  },
});
