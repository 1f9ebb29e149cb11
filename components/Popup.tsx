import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { actionTexts, defaultLang, uiTexts } from '@/lib/i18n';
import { send } from '@/lib/messaging';
import { checkWith, protocol, type TabStatus } from '@/lib/protocol';

type State = { phase: 'loading' } | { phase: 'ready'; status: TabStatus | null } | { phase: 'error'; message: string };

export function Popup() {
  const lang = defaultLang();
  const ui = uiTexts[lang];
  const [state, setState] = useState<State>({ phase: 'loading' });
  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return setState({ phase: 'ready', status: null });
      const { status } = await send({ type: 'tab/status', tabId: tab.id }, checkWith(protocol['tab/status'].reply));
      setState({ phase: 'ready', status });
    })().catch((e: unknown) => setState({ phase: 'error', message: String(e) }));
  }, []);
  return (
    <main class="popup" aria-busy={state.phase === 'loading'}>
      <h1 style="font-size:16px;margin:12px">{ui.popupTitle}</h1>
      <section id="tab-status" style="margin:0 12px 12px" aria-live="polite">
        {state.phase === 'error' && <p role="alert">{state.message}</p>}
        {state.phase === 'ready' && !state.status && <p>{ui.noSpse}</p>}
        {state.phase === 'ready' && state.status && (
          <dl>
            <dt>{ui.lpse}</dt>
            <dd data-lpse-key={state.status.lpseKey}>{state.status.lpseName ?? state.status.lpseKey}</dd>
            <dt>{ui.next}</dt>
            <dd data-next-action={state.status.nextAction ?? ''}>
              {state.status.nextAction ? actionTexts[lang][state.status.nextAction].title : ui.nothing}
            </dd>
          </dl>
        )}
      </section>
    </main>
  );
}
