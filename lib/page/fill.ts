import { userIdFieldOf } from './user-id-field';

/**
 * "Isi User ID": puts a User ID into SPSE's User ID field, the way typing would (input and change events,
 * so SPSE's own validation sees it). Never the password field, never submits. False when there is none.
 */
export function fillUserId(doc: Document, userId: string): boolean {
  for (const form of Array.from(doc.querySelectorAll('form'))) {
    const field = userIdFieldOf(form);
    if (!field || field.offsetParent === null) continue; // hidden (a closed modal's form)
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    if (setter) setter.call(field, userId);
    else field.value = userId;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    field.focus();
    return true;
  }
  return false;
}
