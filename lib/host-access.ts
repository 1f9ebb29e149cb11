import { SPSE_HOST_PATTERN } from './spse/hosts';

/**
 * Access to spse.inaproc.id, without which the content script never runs. Both browsers grant it at install
 * (Firefox since 127), but the penyedia can withdraw it (Firefox: about:addons → Izin; Chrome: site access
 * "on click"), so the extension checks and asks on its onboarding page. The permissions API is passed in:
 * testable without a browser.
 */
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

export const SPSE_ACCESS = { origins: [SPSE_HOST_PATTERN] };

export const hasSpseAccess = (permissions: PermissionsApi): Promise<boolean> => permissions.contains(SPSE_ACCESS);

/** Must be called from a user gesture (a click): browsers refuse permission requests otherwise. */
export const requestSpseAccess = (permissions: PermissionsApi): Promise<boolean> => permissions.request(SPSE_ACCESS);
