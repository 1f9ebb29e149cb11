import { useEffect, useRef, useState } from 'preact/hooks';
import type { Advice } from '@/lib/protocol';
import { quoteNotice } from '@/lib/contact';
import type { DismissReply } from '@/lib/page/misdetection';
import { ContactPanel } from './ContactPanel';
import type { SettableProblemState } from '@/lib/schemas';

/** Shadow-root styles: self-contained (no fetch), in the page's flow (never over SPSE's controls), light and dark. */
export const ASSISTANT_CSS = `
:host { display: block !important; position: relative !important; z-index: 2147483000 !important; }
:host([hidden]) { display: none !important; }
.box { box-sizing: border-box; margin: 0; padding: 10px 16px; font: 14px/1.45 system-ui, sans-serif;
  color: #1b1f24; background: #eef5ff; border-bottom: 3px solid #0b6bcb; }
.box.warn { background: #fff1f0; border-bottom-color: #c62828; }
.row { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; max-width: 1100px; margin: 0 auto; }
.text { flex: 1 1 320px; }
h2 { font-size: 15px; margin: 0 0 2px; } h3 { font-size: 14px; margin: 8px 0 4px; } h4 { font-size: 13px; margin: 8px 0 2px; }
p { margin: 0; }
ul, ol { margin: 4px 0; padding-left: 20px; }
button, a.button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid #0b6bcb; background: #0b6bcb; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: transparent; color: inherit; border-color: #8a9099; }
button:focus-visible, a:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
a { color: #0b57a8; }
.panel { max-width: 1100px; margin: 8px auto 0; }
.contact .message { width: 100%; box-sizing: border-box; font: 12px/1.4 ui-monospace, monospace; }
.contact .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 6px; }
.notice { margin-top: 4px; padding: 6px 8px; background: rgba(0,0,0,.05); border-radius: 4px; white-space: pre-wrap; }
.pill { margin: 0; padding: 2px 10px; font: 12px/1.4 system-ui, sans-serif; }
.status { min-height: 1em; font-size: 13px; }
.report { width: 100%; box-sizing: border-box; font: 11px/1.3 ui-monospace, monospace; }
@media (prefers-color-scheme: dark) {
  .box { color: #e6e8eb; background: #16263a; border-bottom-color: #4c9be8; }
  .box.warn { background: #3a1818; border-bottom-color: #ef5350; }
  a { color: #8cc4ff; }
  button.secondary { color: #e6e8eb; }
  .notice { background: rgba(255,255,255,.08); }
}
`;

const FILL_ACTIONS = new Set(['use-default-user-id', 'log-in-roaming', 'log-in', 'check-credentials']);
/** Actions whose first step, on the public home or at the chooser, is SPSE's own login (RULES.md R16). */
const LOGIN_ACTIONS = new Set(['log-in', 'log-in-roaming', 'use-default-user-id', 'activate']);

export interface AssistantProps {
  advice: Advice;
  /** Fills SPSE's User ID field (never the password, never submits); false when the page has none. */
  onFill: (userId: string) => boolean;
  /** Opens SPSE's login (here when `url` is not given) and fills `userId` at its User ID step (RULES.md R18). */
  onGo: (target: { url?: string; userId?: string }) => Promise<void>;
  /** The penyedia's answer to "Yang mana User ID Default Anda?" (RULES.md R17). */
  onChooseDefault: (userId: string) => Promise<void>;
  onCollapse: (collapsed: boolean) => void;
  onProblemState: (problemId: string, state: SettableProblemState) => Promise<void>;
  /** "Ini tidak tepat" (RULES.md R19): hides the advice of this kind of page at this LPSE; what was remembered. */
  onDismiss?: () => Promise<DismissReply>;
  /** The misdetection report for a dismissal (lib/page/misdetection.ts): text only, no values, no page text. */
  report?: (dismissal: DismissReply) => string;
  /** After the confirmation is closed. */
  onClose?: () => void;
  copy?: (s: string) => Promise<void>;
}

export function Assistant(props: AssistantProps) {
  const [dismissal, setDismissal] = useState<DismissReply | null>(null);
  if (dismissal) return <NotRight text={props.advice.text} dismissal={dismissal} report={props.report} onClose={props.onClose} copy={props.copy} />;
  return <AdviceView {...props} onDismissed={setDismissal} />;
}

/**
 * After "Ini tidak tepat": a short confirmation (focused, so a screen reader reads it), and the misdetection
 * report to copy — in a box to select by hand when the clipboard refuses.
 */
function NotRight({
  text: t,
  dismissal,
  report,
  onClose,
  copy = (s: string) => navigator.clipboard.writeText(s),
}: {
  text: Advice['text'];
  dismissal: DismissReply;
  report?: AssistantProps['report'];
  onClose?: () => void;
  copy?: (s: string) => Promise<void>;
}) {
  const [status, setStatus] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  const said = useRef<HTMLDivElement>(null);
  useEffect(() => said.current?.focus(), []);
  if (closed) return <div role="status" aria-live="polite" />;
  const copyReport = () => {
    const text = report?.(dismissal) ?? '';
    copy(text).then(
      () => setStatus(t.reportCopied ?? ''),
      () => {
        setShown(text);
        setStatus(t.reportCopyFailed ?? '');
      },
    );
  };
  return (
    <section class="box" aria-label={t.label} data-dismissed="">
      <div class="row">
        <div class="text" ref={said} tabIndex={-1} role="status" aria-live="polite">
          <h2>{t.notRightDone}</h2>
          <p>{t.notRightWhere}</p>
          <p>{t.notRightReport}</p>
        </div>
        {report && (
          <button type="button" data-copy-report="" onClick={copyReport}>
            {t.copyReport}
          </button>
        )}
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setClosed(true);
            onClose?.();
          }}
        >
          {t.close}
        </button>
      </div>
      <p class="status row" role="status" aria-live="polite">
        {status}
      </p>
      {shown !== null && (
        <div class="panel">
          <textarea class="report" readOnly rows={8} aria-label={t.reportLabel} value={shown} />
        </div>
      )}
    </section>
  );
}

function AdviceView({ advice, onFill, onGo, onChooseDefault, onCollapse, onProblemState, onDismiss, onDismissed }: AssistantProps & { onDismissed: (d: DismissReply) => void }) {
  const [collapsed, setCollapsed] = useState(advice.collapsed);
  const [open, setOpen] = useState<'contact' | 'steps' | null>(null);
  // Whether the message includes the User ID (ticked in the contact panel): the quote on screen follows it.
  const [withUserId, setWithUserId] = useState(false);
  const t = advice.text;
  // A User ID the login intent filled as the page arrived (R18) is said once, politely.
  const [status, setStatus] = useState(advice.params.autofill ? (t.filled ?? '') : '');
  const action = advice.nextAction;
  // Nothing to say: an empty live region keeps later announcements polite.
  if (!action) return <div role="status" aria-live="polite" />;
  const toggle = (c: boolean) => {
    setCollapsed(c);
    onCollapse(c);
  };
  if (collapsed)
    return (
      <div class="box" role="status" aria-live="polite">
        <button class="pill secondary" type="button" aria-expanded="false" aria-label={`${t.expand}: ${t.title}`} onClick={() => toggle(false)}>
          {t.expand}
        </button>
      </div>
    );
  const fill = (userId: string) => setStatus(onFill(userId) ? (t.filled ?? '') : (t.noField ?? ''));
  const p = advice.params;
  const userId = p.userId;
  const candidates = p.candidates ?? [];
  const contact = advice.contact;
  const step = p.step;
  // Where SPSE's User ID field is (or the page does not say): a fill; before it, SPSE's login is opened.
  const atField = step === undefined || step === 'user-id' || step === 'one-form';
  const beforeLogin = step === 'home' || step === 'chooser';
  const go = (target: { url?: string; userId?: string }) => {
    setStatus(t.opening ?? '');
    onGo(target).catch(() => setStatus(''));
  };
  const pick = (id: string) => (atField ? fill(id) : go({ userId: id }));
  const primary = p.go
    ? { label: t.go ?? '', run: () => go(p.go!) }
    : beforeLogin && LOGIN_ACTIONS.has(action) && candidates.length === 0 && !p.askDefault
      ? { label: (step === 'home' ? t.start : t.pickPenyedia) ?? '', run: () => go(userId ? { userId } : {}) }
      : null;
  const showFill = !primary && !!userId && atField && FILL_ACTIONS.has(action) && p.autofill !== userId;
  // One primary button (data-primary): the step forward; contacting the LPSE is it only when that is the advice.
  const contactFirst = !primary && !showFill && (action === 'contact-lpse' || action === 'wait-for-lpse');
  return (
    <section class={action === 'suspicious-site' ? 'box warn' : 'box'} aria-label={t.label}>
      <div class="row">
        <div class="text" role="status" aria-live="polite">
          <h2>{t.title}</h2>
          <p>{t.detail}</p>
          {advice.params.notice && (action === 'contact-lpse' || action === 'wait-for-lpse') && (
            <p class="notice">
              {t.noticeQuote} {quoteNotice(advice.params.notice, contact?.userId, t.userIdRedacted ?? '[User ID]', withUserId)}
            </p>
          )}
        </div>
        {primary && (
          <button type="button" data-primary="" onClick={primary.run}>
            {primary.label}
          </button>
        )}
        {showFill && (
          <button type="button" data-primary="" onClick={() => fill(userId!)}>
            {t.fill}
          </button>
        )}
        {candidates.length > 0 && (
          <div role="group" data-ask="penyedia" aria-label={t.choose}>
            {candidates.map((c) =>
              c.userId ? (
                <button key={c.penyediaId} type="button" class="secondary" onClick={() => pick(c.userId!)}>
                  {c.label ? `${c.label} (${c.userId})` : c.userId}
                </button>
              ) : null,
            )}
          </div>
        )}
        {p.askDefault && p.askDefault.length > 0 && (
          <div role="group" data-ask="default" aria-label={t.askDefault}>
            <span>{t.askDefault} </span>
            {p.askDefault.map((id) => (
              <button
                key={id}
                type="button"
                class="secondary"
                onClick={() =>
                  void onChooseDefault(id)
                    .then(() => pick(id))
                    .catch(() => setStatus(''))
                }
              >
                {id}
              </button>
            ))}
          </div>
        )}
        {contact && (
          <button
            type="button"
            class={contactFirst ? undefined : 'secondary'}
            data-primary={contactFirst ? '' : undefined}
            aria-expanded={open === 'contact'}
            onClick={() => setOpen(open === 'contact' ? null : 'contact')}
          >
            {t.contact}
          </button>
        )}
        {action === 'activate' && step === 'activation-form' && (
          <button type="button" aria-expanded={open === 'steps'} onClick={() => setOpen(open === 'steps' ? null : 'steps')}>
            {t.showSteps}
          </button>
        )}
        <button type="button" class="secondary" aria-expanded="true" onClick={() => toggle(true)}>
          {t.collapse}
        </button>
        {onDismiss && t.notRight && (
          <button
            type="button"
            class="secondary"
            data-not-right=""
            title={t.notRightHint}
            onClick={() =>
              void onDismiss().then(
                (d) => (d.dismissed ? onDismissed(d) : setStatus(t.notRightFailed ?? '')),
                () => setStatus(t.notRightFailed ?? ''),
              )
            }
          >
            {t.notRight}
          </button>
        )}
      </div>
      <p class="status row" role="status" aria-live="polite">
        {status}
      </p>
      {open === 'steps' && (
        <div class="panel">
          <h3>{t.stepsTitle}</h3>
          <ol>
            <li>{t.step1}</li>
            <li>{t.step2}</li>
            <li>{t.step3}</li>
            <li>{t.step4}</li>
          </ol>
          <p>{t.stepsSource}</p>
        </div>
      )}
      {open === 'contact' && contact && (
        <div class="panel">
          <ContactPanel
            contact={contact}
            text={t}
            onState={contact.problemId ? (s) => onProblemState(contact.problemId!, s) : undefined}
            withUserId={withUserId}
            onWithUserId={setWithUserId}
          />
        </div>
      )}
    </section>
  );
}
