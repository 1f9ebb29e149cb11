/**
 * An observation, in one transaction: the registry reads what the SOP needs, the SOP's rules decide
 * (lib/sop/rules.ts, pure), the registry writes everything learned — the LPSE's helpdesk from its notice
 * included. Storage stores; this decides. Nothing is learned on an address that is not a genuine LPSE.
 */
import { contactsIn } from '../contact';
import type { RegistryDb } from './registry/db';
import { openObservation, readObservation, writeObservation, type ObservationRead, type ObservationWrite } from './registry/registry';
import type { QuarantineRecord } from '../schemas';
import { decide, type Decision, type Observation, type Known } from '../sop/rules';

export interface DecisionInput {
  tabId: number;
  lpse: ObservationWrite['lpse'];
  genuine: boolean;
  event: Observation;
  /** `ready` already said at this LPSE in this browser session (kept in storage.session, read before the transaction). */
  readySaid: boolean;
  /** Names of LPSEs from the bundled directory. */
  nameOf: (key: string) => string | undefined;
  now: number;
  newId: () => string;
  onQuarantine?: (q: QuarantineRecord) => void;
}

export async function decideAndRecord(db: RegistryDb, input: DecisionInput): Promise<Decision> {
  const { event, now, lpse } = input;
  const env = { now, tabId: input.tabId, newId: input.newId };
  if (!input.genuine) return decide({ lpseKey: lpse.key, lpseNames: {}, penyedia: [], accounts: [], problemsHere: [], readySaid: true }, event, env);
  const tx = openObservation(db);
  const read = await readObservation(tx, input.tabId, input.onQuarantine);
  // No await between the read and the write but IndexedDB's own: the transaction stays open (one per page).
  const decision = decide(knownOf(read, input), event, env);
  const page = event.type === 'page' ? event.page : undefined;
  await writeObservation(tx, read, {
    tabId: input.tabId,
    lpse,
    now,
    ...(page && { page: { kind: page.kind, nextAction: decision.nextAction } }),
    learned: decision.changes,
    // The LPSE's own helpdesk, when its notice names one (its sentences and its contact lines).
    ...(page?.kind === 'admin-notice' && { contacts: contactsIn(page.contactText ? `${page.notice}; ${page.contactText}` : page.notice) }),
  });
  return decision;
}

/** The registry as the SOP sees it at this LPSE and tab. */
function knownOf(read: ObservationRead, input: DecisionInput): Known {
  const { lpse } = input;
  const lpseRecord = read.lpses.find((r) => r.key === lpse.key);
  const lpseNames: Record<string, string> = {};
  const lpseAddresses: Record<string, string> = {};
  for (const key of new Set(read.accounts.flatMap((a) => a.registeredAt))) {
    const name = input.nameOf(key);
    if (name) lpseNames[key] = name;
    // Where the penyedia last opened it: an LPSE still on its old host is linked there, not at a 404.
    const base = read.lpses.find((r) => r.key === key)?.bases.at(-1);
    if (base) lpseAddresses[key] = base;
  }
  const lpseName = lpse.name ?? lpseRecord?.name;
  return {
    lpseKey: lpse.key,
    ...(lpseName && { lpseName }),
    lpseNames,
    lpseAddresses,
    penyedia: read.penyedia,
    accounts: read.accounts,
    problemsHere: read.problems.filter((p) => p.lpseKey === lpse.key && p.state !== 'solved'),
    ...(read.attempt && { attempt: read.attempt }),
    readySaid: input.readySaid,
  };
}
