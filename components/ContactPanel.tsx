import { useEffect, useRef, useState } from 'preact/hooks';
import { mailto, NATIONAL, type ContactInfo } from '@/lib/contact';
import type { SettableProblemState } from '@/lib/schemas';

/**
 * Contacting the LPSE (SOP step 6): its own helpdesk first — email, ticket through LPSE Support, in person —
 * then LKPP's national channels, and a ready-made message (copy or e-mail). Used in the page and the popup;
 * strings come in `text` (the content script carries no string table). Everything is rendered as text.
 *
 * "Sudah dilaporkan" appears only once the message was copied (the button, or copied by hand from its box)
 * or the e-mail link used; "Sudah selesai" only once the problem is reported (also when the panel opens on
 * a reported one). Each step says what happened in a polite status, and focus follows the button that
 * replaces the one pressed. Whether the User ID is included may be held by the caller (`withUserId`,
 * `onWithUserId`: the assistant quotes the notice as the message does).
 */
export function ContactPanel({
  contact,
  text,
  onState,
  copy = (s: string) => navigator.clipboard.writeText(s),
  withUserId: heldWithUserId,
  onWithUserId,
}: {
  contact: ContactInfo;
  text: Record<string, string>;
  onState?: (state: SettableProblemState) => Promise<void>;
  copy?: (s: string) => Promise<void>;
  withUserId?: boolean;
  onWithUserId?: (withUserId: boolean) => void;
}) {
  const [ownWithUserId, setOwnWithUserId] = useState(false);
  const withUserId = heldWithUserId ?? ownWithUserId;
  const [status, setStatus] = useState('');
  const [state, setState] = useState(contact.state);
  // A change made elsewhere (the popup, another tab) shows here too.
  useEffect(() => setState(contact.state), [contact.state]);
  // The message went out (copied, or handed to the e-mail app): only then can the problem be reported.
  const [sent, setSent] = useState(false);
  const [focus, setFocus] = useState<'solved' | 'status' | null>(null);
  const solvedButton = useRef<HTMLButtonElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus === 'solved') solvedButton.current?.focus();
    else if (focus === 'status') statusLine.current?.focus();
  }, [focus, state]);
  const body = withUserId && contact.bodyWithUserId ? contact.bodyWithUserId : contact.body;
  const ownEmail = contact.own.find((c) => c.kind === 'email')?.value;
  const tracked = !!contact.problemId && !!onState;
  const wentOut = (said: string | undefined) => {
    setSent(true);
    setStatus(said ?? '');
  };
  const setProblem = async (s: SettableProblemState) => {
    await onState?.(s);
    setState(s);
    setStatus(s === 'reported' ? (text.afterReport ?? text.stateReported ?? '') : (text.stateSolved ?? ''));
    setFocus(s === 'reported' ? 'solved' : 'status');
  };
  return (
    <section class="contact" aria-label={text.contactTitle}>
      <h3>{text.contactTitle}</h3>
      <h4>{text.ownHelpdesk}</h4>
      <ul>
        {contact.own.length === 0 && <li>{text.ownUnknown}</li>}
        {contact.own.map((c) => (
          <li key={`${c.kind}:${c.value}`}>
            {c.kind === 'email' ? <a href={`mailto:${encodeURIComponent(c.value)}`}>{c.value}</a> : c.kind === 'phone' ? <a href={`tel:${c.value.replace(/[^\d+]/g, '')}`}>{c.value}</a> : c.value}
          </li>
        ))}
        {contact.ticketUrl && (
          <li>
            <a href={contact.ticketUrl} target="_blank" rel="noopener noreferrer">
              {text.ticket}
            </a>
          </li>
        )}
        <li>{text.inPerson}</li>
      </ul>
      <h4>{text.national}</h4>
      <ul>
        <li>
          <a href={`tel:${NATIONAL.callCenter}`}>{text.callCenter}</a>
        </li>
        <li>
          <a href={NATIONAL.whatsappLink} target="_blank" rel="noopener noreferrer">
            {text.whatsapp}
          </a>
        </li>
        <li>
          <a href={`mailto:${NATIONAL.email}`}>{text.emailLkpp}</a>
        </li>
        <li>
          <a href={NATIONAL.helpCenter} target="_blank" rel="noopener noreferrer">
            {text.helpCenter}
          </a>
        </li>
      </ul>
      <h4>{text.message}</h4>
      {contact.userId && text.includeUserId && (
        <label class="check">
          <input
            type="checkbox"
            checked={withUserId}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              setOwnWithUserId(on);
              onWithUserId?.(on);
            }}
          />{' '}
          {text.includeUserId}
        </label>
      )}
      <textarea class="message" readOnly rows={8} aria-label={text.message} value={body} onCopy={() => wentOut(text.afterCopy ?? text.copied)} />
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            copy(`${contact.subject}\n\n${body}`).then(
              () => wentOut(text.afterCopy ?? text.copied),
              () => setStatus(text.copyFailed ?? ''),
            )
          }
        >
          {text.copy}
        </button>
        <a class="button" href={mailto(ownEmail ?? NATIONAL.email, contact.subject, body)} onClick={() => wentOut(text.afterEmail)}>
          {text.email}
        </a>
        {tracked && sent && state !== 'reported' && state !== 'solved' && (
          <button type="button" onClick={() => void setProblem('reported')}>
            {text.reported}
          </button>
        )}
        {tracked && state === 'reported' && (
          <button type="button" ref={solvedButton} onClick={() => void setProblem('solved')}>
            {text.solved}
          </button>
        )}
      </div>
      <p class="status" role="status" aria-live="polite" tabIndex={-1} ref={statusLine}>
        {status}
      </p>
    </section>
  );
}
