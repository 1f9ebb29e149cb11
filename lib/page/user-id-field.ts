import { isUserId } from '../spse/kinds';
import { signals } from './recognition/signals';

/**
 * The SPSE User ID field of a form (`txtUserId`, or the text field a 3.x "Login Penyedia" form names like a
 * user id). The only field SPSE Assist ever reads: never a password, never the form's other data.
 */
export function userIdFieldOf(form: HTMLFormElement): HTMLInputElement | null {
  const inputs = Array.from(form.querySelectorAll('input')).filter((i) => !i.readOnly && !i.disabled && i.type !== 'password' && i.type !== 'hidden');
  return (
    inputs.find((i) => i.name.toLowerCase() === 'txtuserid') ??
    // A generic user field counts only beside a password field: a search box is not a login.
    (form.querySelector('input[type="password"]') ? (inputs.find((i) => (i.type === 'text' || i.type === '') && signals.login.genericUserFieldPattern.test(i.name || i.id)) ?? null) : null)
  );
}

/** The User ID typed into a form, when it looks like one (what the protocol accepts). */
export function typedUserId(form: HTMLFormElement): string | undefined {
  const value = userIdFieldOf(form)?.value.trim();
  return value && isUserId(value) ? value : undefined;
}
