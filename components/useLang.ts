import { useEffect, useState } from 'preact/hooks';
import { defaultLang, type Lang } from '@/lib/i18n';
import { call } from '../lib/ui/call';

/** The penyedia's language option, asked of the background (Bahasa Indonesia when it cannot say). */
export const askLang = (): Promise<Lang> => call({ type: 'settings/get' }).then((s) => s.lang, () => defaultLang());

/** The penyedia's language option (Bahasa Indonesia until the settings say otherwise); `asked`: already asked. */
export function useLang(asked?: Promise<Lang>): Lang {
  const [lang, setLang] = useState<Lang>(defaultLang());
  useEffect(() => {
    void (asked ?? askLang()).then(setLang);
  }, []);
  return lang;
}
