import { useEffect, useState } from 'preact/hooks';
import { defaultLang, type Lang } from '@/lib/i18n';
import { call } from './call';

/** The penyedia's language option (Bahasa Indonesia until the settings say otherwise). */
export function useLang(): Lang {
  const [lang, setLang] = useState<Lang>(defaultLang());
  useEffect(() => {
    call({ type: 'settings/get' })
      .then((s) => (s as { lang?: Lang }).lang && setLang((s as { lang: Lang }).lang))
      .catch(() => {});
  }, []);
  return lang;
}
