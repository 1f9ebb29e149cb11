import { useEffect, useState } from 'preact/hooks';
import { defaultLang, type Lang } from '@/lib/i18n';
import { send } from '@/lib/messaging';
import { checkWith, protocol } from '@/lib/protocol';

/** The penyedia's language option (Bahasa Indonesia until the settings say otherwise). */
export function useLang(): Lang {
  const [lang, setLang] = useState<Lang>(defaultLang());
  useEffect(() => {
    send({ type: 'settings/get' }, checkWith(protocol['settings/get'].reply))
      .then((s) => (s as { lang?: Lang }).lang && setLang((s as { lang: Lang }).lang))
      .catch(() => {});
  }, []);
  return lang;
}
