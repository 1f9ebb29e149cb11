/**
 * Section 8: report a misdetection. The popup makes a page's skeleton (lib/skeleton.ts); here the penyedia
 * can paste one to review what it holds before sending it. Nothing here is sent anywhere.
 */
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { SKELETON_HEADER } from '@/lib/skeleton';
import type { OptionsContext } from './shared';

export function Report({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const [text, setText] = useState('');
  const lines = text ? text.split('\n').length : 0;
  const looksLikeSkeleton = text.startsWith(SKELETON_HEADER);
  return (
    <fieldset id="report">
      <legend>
        <h2>{t(lang, 'options_report')}</h2>
      </legend>
      <p id="report-explain">{t(lang, 'options_report_explain')}</p>
      <label for="report-skeleton">{t(lang, 'options_report_textarea')}</label>
      <textarea
        id="report-skeleton"
        rows={12}
        spellcheck={false}
        autocomplete="off"
        aria-describedby="report-explain report-size"
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <p id="report-size" class="muted">
        {t(lang, 'options_report_size', lines, text.length)}
      </p>
      {text.trim() && !looksLikeSkeleton && (
        <p class="warning" role="alert">
          {t(lang, 'options_report_not_skeleton')}
        </p>
      )}
    </fieldset>
  );
}
