/**
 * The options page: where the penyedia states its accounts and User ID Default, chooses
 * the language, opts in to legacy LPSE addresses, confirms genuine addresses, gives LPSE helpdesk
 * contacts, shows again the pages it hid ("Ini tidak tepat"), exports / imports / erases its data, and reviews a page skeleton before reporting it.
 * Everything goes through the background's protocol; every string through the locale files.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { defaultLang, t, type Lang } from '@/lib/i18n';
import type { RegistryView } from '@/lib/worker/registry/registry';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schemas';
import { DefaultUserIds, Registered } from './options/Accounts';
import { Contacts } from './options/Contacts';
import { Data } from './options/Data';
import { Hidden } from './options/Hidden';
import { Report } from './options/Report';
import { Confirmed, Language, Legacy } from './options/Settings';
import { SyncSection } from './options/Sync';
import { call, reasonOf, type OptionsContext, type StatusKind } from './options/shared';

const EMPTY_VIEW: RegistryView = { lpses: [], penyedia: [], accounts: [], problems: [], attempts: [], observations: [], quarantine: [] };

export function Options() {
  const [lang, setLang] = useState<Lang>(defaultLang());
  const [view, setView] = useState<RegistryView | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [status, setStatus] = useState<{ text: string; kind: StatusKind; n: number } | null>(null);

  const say = useCallback((text: string, kind: StatusKind = 'ok') => setStatus((s) => ({ text, kind, n: (s?.n ?? 0) + 1 })), []);

  const reload = useCallback(async () => {
    const [v, s] = await Promise.all([call({ type: 'registry/view' }), call({ type: 'settings/get' })]);
    const next = { ...DEFAULT_SETTINGS, ...(s as Partial<Settings>) };
    setView({ ...EMPTY_VIEW, ...(v as Partial<RegistryView>) });
    setSettings(next);
    setLang(next.lang === 'en' ? 'en' : 'id');
  }, []);

  useEffect(() => {
    reload().catch((e) => {
      setView(EMPTY_VIEW);
      say(t(lang, 'options_error', reasonOf(e)), 'error');
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'options_title');
  }, [lang]);

  const ctx: OptionsContext | null = view && { lang, view, settings, say, reload };

  return (
    <main class="options" data-lang={lang}>
      <h1>{t(lang, 'options_title')}</h1>
      <p>{t(lang, 'options_intro')}</p>
      {/* The one polite live region: "Tersimpan.", a preview, or what went wrong. */}
      <p id="status" class={status?.kind === 'error' ? 'status error' : 'status'} role="status" aria-live="polite" data-kind={status?.kind ?? ''} data-n={status?.n ?? 0}>
        {status?.text ?? ''}
      </p>
      {!ctx ? (
        <p>{t(lang, 'options_loading')}</p>
      ) : (
        <>
          <Registered ctx={ctx} />
          <DefaultUserIds ctx={ctx} />
          <Language ctx={ctx} onLang={setLang} />
          <SyncSection ctx={ctx} />
          <Legacy ctx={ctx} />
          <Confirmed ctx={ctx} />
          <Contacts ctx={ctx} />
          <Hidden ctx={ctx} />
          <Data ctx={ctx} />
          <Report ctx={ctx} />
        </>
      )}
    </main>
  );
}
