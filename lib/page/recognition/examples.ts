/**
 * Corpus examples registered beside each page-kind predicate (the github-url-detection way). Only tests
 * collect them: `__SPSE_EXAMPLES__` is false in extension builds, so the calls and their strings are
 * removed from the bundle.
 */
declare const __SPSE_EXAMPLES__: boolean | undefined;

export const registeredExamples = new Map<string, string[]>();

/* @__NO_SIDE_EFFECTS__ */
export function examples(kind: string, files: string[]): void {
  if (typeof __SPSE_EXAMPLES__ !== 'undefined' && __SPSE_EXAMPLES__) registeredExamples.set(kind, files);
}
