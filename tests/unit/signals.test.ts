// The recognition signals are data: validated here (not at run time in the page) so a typo in a selector,
// an empty phrase or a phrase that could never match fails a test, not a penyedia.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { signals } from '@/lib/spse/signals';
import { norm } from '@/lib/spse/text';

const doc = new Window().document;
const selector = z.string().refine((sel) => {
  try {
    doc.querySelector(sel);
    return true;
  } catch {
    return false;
  }
}, 'not a valid CSS selector');
// Phrases are matched against normalised text: they must already be lowercase, single-spaced and non-empty.
const phrase = z.string().min(2).refine((p) => p === norm(p), 'phrase must be normalised (lowercase, single spaces)');
const fieldName = z.string().regex(/^[a-z0-9_]+$/, 'field names are compared lowercased');

const schema = z.strictObject({
  markers: z.strictObject({ texts: z.array(phrase).min(1), versionPattern: z.instanceof(RegExp), selectors: z.array(selector).min(1) }),
  login: z.strictObject({
    userIdFields: z.array(fieldName).min(1),
    passwordFields: z.array(fieldName).min(1),
    captchaFields: z.array(fieldName),
    oneFormFields: z.array(fieldName),
    genericUserFieldPattern: z.instanceof(RegExp),
    otpFieldPattern: z.instanceof(RegExp),
    otpTexts: z.array(phrase),
    chooserContainer: selector,
    chooserPenyedia: phrase,
    chooserNonPenyedia: phrase,
    entrySelectors: selector,
    entryText: z.instanceof(RegExp),
  }),
  loginFailed: z.strictObject({ alertSelectors: selector }),
  prominentSelectors: selector,
  ignoredRegions: selector,
  menuSelectors: selector,
  activation: z.strictObject({ texts: z.array(phrase).min(1), blockedTexts: z.array(phrase).min(1) }),
  nonActive: z.strictObject({ texts: z.array(phrase).min(1), replacementPatterns: z.array(z.instanceof(RegExp)).min(1), notAUserId: z.array(phrase) }),
  adminNotice: z.strictObject({ texts: z.array(phrase), contactWords: z.array(phrase).min(1), contactTargets: z.array(phrase).min(1), headingWords: z.array(phrase) }),
  loggedIn: z.strictObject({
    selectors: selector,
    userLineSelector: selector,
    penyediaWords: z.array(phrase).min(1),
    penyediaMenu: z.array(phrase),
    penyediaHomeTexts: z.array(phrase).min(1),
    nonPenyediaMenu: z.array(phrase),
    nonPenyediaWords: z.array(phrase).min(1),
  }),
});

describe('recognition signals (data)', () => {
  it('are well-formed: valid selectors, normalised phrases, lowercase field names', () => {
    const result = schema.safeParse(signals);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
  it('never count "NON PENYEDIA" as a penyedia role word', () => {
    expect(signals.loggedIn.penyediaWords).not.toContain('non penyedia');
    expect(signals.login.chooserPenyedia).toBe('penyedia');
  });
});
