/**
 * "Sinkronkan lewat akun browser": opt-in sync through the browser's own storage.sync. Off by
 * default; one plain sentence says what goes; turning it on says what it merged; a full store, the rate
 * limit and refused items are told here (and lose nothing locally). The state is asked again every few
 * seconds while the page is open, so a problem met in the background shows without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, type Lang } from '@/lib/i18n';
import type { SyncStatus } from '@/lib/worker/sync';
import { call, reasonOf, type OptionsContext } from './shared';

const fmt = (lang: Lang, at: number) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);

export function SyncSection({ ctx }: { ctx: OptionsContext }) {
  const { lang } = ctx;
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => call({ type: 'sync/status' }).then((s) => setStatus(s as unknown as SyncStatus), () => {});
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, []);
  const toggle = async (enabled: boolean) => {
    setBusy(true);
    try {
      const s = (await call({ type: 'sync/set', enabled })) as unknown as SyncStatus;
      setStatus(s);
      await ctx.reload();
      ctx.say(enabled ? t(lang, 'sync_merged', s.merged?.taken ?? 0, s.merged?.sent ?? 0) : t(lang, 'sync_turned_off'));
    } catch (e) {
      ctx.say(t(lang, 'options_error', reasonOf(e)), 'error');
    } finally {
      setBusy(false);
    }
  };
  const problem = status?.enabled && status.problem;
  return (
    <fieldset id="sync" data-enabled={String(!!status?.enabled)}>
      <legend>
        <h2>{t(lang, 'sync_title')}</h2>
      </legend>
      <p id="sync-explain">{t(lang, 'sync_explain')}</p>
      <div class="choice">
        <input type="checkbox" id="sync-enabled" aria-describedby="sync-explain" checked={!!status?.enabled} disabled={!status || busy} onChange={(e) => void toggle((e.target as HTMLInputElement).checked)} />
        <label for="sync-enabled">{t(lang, 'sync_title')}</label>
      </div>
      {status && (
        <p id="sync-state" class="muted">
          {t(lang, status.enabled ? 'sync_on' : 'sync_off')}
          {status.enabled && status.lastSync ? ` ${t(lang, 'sync_last', fmt(lang, status.lastSync))}` : ''}
        </p>
      )}
      {status?.enabled && status.merged && (
        <p id="sync-merged" data-taken={status.merged.taken} data-sent={status.merged.sent}>
          {t(lang, 'sync_merged', status.merged.taken, status.merged.sent)}
        </p>
      )}
      {problem && (
        <p id="sync-problem" class="warning" role="alert" data-problem={problem}>
          {t(lang, problem === 'quota' ? 'sync_quota' : problem === 'rate' ? 'sync_rate' : 'sync_failed')}
        </p>
      )}
      {status?.enabled && status.refused > 0 && (
        <p id="sync-refused" class="warning" data-refused={status.refused}>
          {t(lang, 'sync_refused', status.refused)}
        </p>
      )}
    </fieldset>
  );
}
