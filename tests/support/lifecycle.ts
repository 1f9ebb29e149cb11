/** The hooks of an end-to-end file: one simulator for the file, a fresh browser profile for every test. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startSimulator, type Simulator } from '../../scripts/simulator/server';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/support/browser';

export interface FreshProfiles {
  /** The file's simulator (reset after every test). */
  readonly sim: Simulator;
  /** This test's browser, once launched (closed after the test). */
  readonly ext: ExtensionBrowser | undefined;
  launch(): Promise<ExtensionBrowser>;
}

export function freshProfiles(): FreshProfiles {
  let sim: Simulator | undefined;
  let ext: ExtensionBrowser | undefined;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => sim?.close());
  afterEach(async () => {
    await ext?.close();
    ext = undefined;
    sim?.reset();
  });
  return {
    get sim() {
      if (!sim) throw new Error('the simulator starts in beforeAll');
      return sim;
    },
    get ext() {
      return ext;
    },
    launch: async () => (ext = await launchWithExtension({ sim: sim! })),
  };
}
