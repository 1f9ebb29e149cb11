import { it } from 'vitest';
import { isFirefox } from '../../scripts/support/browser';

/**
 * A test that needs Chrome's DevTools protocol (stopping the service worker, logging every request, listing
 * execution contexts): registered in the Chromium run only. Each is listed in the README with its Firefox
 * equivalent where one exists; a unit test keeps that list and these calls in step.
 */
export const chromiumOnly: (name: string, fn: () => Promise<void>, timeout?: number) => void = isFirefox ? () => {} : (name, fn, timeout) => it(name, fn, timeout);
