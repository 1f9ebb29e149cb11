/** `npm run fuzz`: the property-based tests, long (FUZZ_RUNS, default 5000; FUZZ_SEED, default random). */
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '5000', FUZZ_SEED: process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31) };
console.log(`fuzz: ${env.FUZZ_RUNS} runs, seed ${env.FUZZ_SEED}`);
const r = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'tests/unit/fuzz.test.ts', '--testTimeout', '0'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
