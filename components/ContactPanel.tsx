import { useState } from 'preact/hooks';
import { mailto, NATIONAL, type ContactInfo } from '@/lib/contact';

/**
 * Contacting the LPSE (SOP step 6): its own helpdesk first — email, ticket through LPSE Support, in person —
 * then LKPP's national channels, and a ready-made message (copy or e-mail). Used in the page and the popup;
 * strings come in `text` (the content script carries no string table). Everything is rendered as text.
 */
export function ContactPanel({
  contact,
  text,
  onState,
  copy = (s: string) => navigator.clipboard.writeText(s),
}: {
  contact: ContactInfo;
  text: Record<string, string>;
  onState?: (state: 'reported' | 'solved') => Promise<void>;
  copy?: (s: string) => Promise<void>;
}) {
  const [withUserId, setWithUserId] = useState(false);
  const [status, setStatus] = useState('');
  const [state, setState] = useState(contact.state);
  const body = withUserId && contact.bodyWithUserId ? contact.bodyWithUserId : contact.body;
  const ownEmail = contact.own.find((c) => c.kind === 'email')?.value;
  const setProblem = async (s: 'reported' | 'solved') => {
    await onState?.(s);
    setState(s);
    setStatus(s === 'reported' ? text.stateReported ?? '' : text.stateSolved ?? '');
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
          <input type="checkbox" checked={withUserId} onChange={(e) => setWithUserId((e.target as HTMLInputElement).checked)} /> {text.includeUserId}
        </label>
      )}
      <textarea class="message" readOnly rows={8} aria-label={text.message} value={body} />
      <div class="actions">
        <button type="button" onClick={() => copy(`${contact.subject}\n\n${body}`).then(() => setStatus(text.copied ?? ''), () => setStatus(''))}>
          {text.copy}
        </button>
        <a class="button" href={mailto(ownEmail ?? NATIONAL.email, contact.subject, body)}>
          {text.email}
        </a>
        {contact.problemId && onState && state !== 'reported' && state !== 'solved' && (
          <button type="button" onClick={() => void setProblem('reported')}>
            {text.reported}
          </button>
        )}
        {contact.problemId && onState && state !== 'solved' && (
          <button type="button" onClick={() => void setProblem('solved')}>
            {text.solved}
          </button>
        )}
      </div>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
