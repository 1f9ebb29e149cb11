// The recognition signals are data: validated here (not at run time in the page) so a typo in a selector,
// an empty phrase or a phrase that could never match fails a test, not a penyedia.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { FAMILIES } from '@/lib/page/recognition/identity';
import { signals } from '@/lib/page/recognition/signals';
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
  identity: z.strictObject({
    // The rule (signals.ts): never one family alone.
    threshold: z.number().int().min(2),
    texts: z.array(z.strictObject({ family: z.string(), id: z.string().regex(/^[a-z0-9-]+$/), re: z.instanceof(RegExp) })).min(1),
    assets: z.array(z.strictObject({ family: z.string(), id: z.string().regex(/^[a-z0-9-]+$/), re: z.instanceof(RegExp), scoped: z.literal(true).optional(), generations: z.array(z.enum(['4.5', '4.x', '3.x'])).optional() })).min(1),
    otherSystems: z.array(phrase).min(1),
    generator: z.strictObject({ family: z.string(), id: z.string(), re: z.instanceof(RegExp), generations: z.array(z.enum(['4.5', '4.x', '3.x'])).optional() }),
    fields: z.array(z.strictObject({ family: z.string(), id: z.string().regex(/^[a-z0-9-]+$/), names: z.array(z.string().regex(/^[a-z0-9_:]+$/)).min(1), all: z.literal(true).optional(), generations: z.array(z.enum(['4.5', '4.x', '3.x'])).optional() })).min(1),
    menu: z.strictObject({ family: z.string(), own: z.array(phrase).min(1), common: z.array(phrase), minimum: z.number().int().min(2) }),
  }),
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
  notMainContent: selector,
  menuSelectors: selector,
  activation: z.strictObject({ texts: z.array(phrase).min(1), blockedTexts: z.array(phrase).min(1) }),
  nonActive: z.strictObject({ subjects: z.array(phrase).min(1), states: z.array(phrase).min(1), notStatements: z.array(phrase), addressed: z.array(phrase).min(1), replacementPatterns: z.array(z.instanceof(RegExp)).min(1), notAUserId: z.array(phrase) }),
  adminNotice: z.strictObject({ texts: z.array(phrase), contactWords: z.array(phrase).min(1), contactTargets: z.array(phrase).min(1), headingWords: z.array(phrase) }),
  loggedIn: z.strictObject({
    selectors: selector,
    userLineSelector: selector,
    penyediaWords: z.array(phrase).min(1),
    penyediaMenu: z.array(phrase),
    welcome: phrase,
    homeHeadings: z.array(phrase).min(1),
    logoutTexts: z.array(phrase).min(1),
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
  it('identity: signal ids are unique, every family is one of identity.ts FAMILIES and has signals', () => {
    const I = signals.identity;
    const all = [...I.texts, ...I.assets, I.generator, ...I.fields];
    const ids = all.map((x) => x.id);
    expect(ids.length).toBe(new Set(ids).size);
    const families = new Set([...all.map((x) => x.family), I.menu.family]);
    expect([...families].sort()).toEqual([...FAMILIES].sort());
  });
  it('never count "NON PENYEDIA" as a penyedia role word', () => {
    expect(signals.loggedIn.penyediaWords).not.toContain('non penyedia');
    expect(signals.login.chooserPenyedia).toBe('penyedia');
  });
});
