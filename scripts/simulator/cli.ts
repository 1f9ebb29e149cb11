/**
 * Runs the SPSE simulator until SIGINT/SIGTERM.
 *   npx tsx scripts/simulator/cli.ts [--port N]
 */
import { startSimulator } from './server.js';

function parsePort(argv: string[]): number | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    let v: string | undefined;
    if (a === '--port') v = argv[i + 1];
    else if (a.startsWith('--port=')) v = a.slice('--port='.length);
    else continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      console.error(`invalid --port ${String(v)}`);
      process.exit(2);
    }
    return n;
  }
  return undefined;
}

const sim = await startSimulator({ port: parsePort(process.argv.slice(2)) });

const lines: string[] = [];
lines.push('SPSE simulator running');
lines.push(`  proxy:     ${sim.proxyUrl}`);
lines.push(`  SPKI hash: ${sim.spkiHash}`);
lines.push('');
lines.push('  Chromium:  --proxy-server=' + sim.proxyUrl + ' --ignore-certificate-errors-spki-list=' + sim.spkiHash);
lines.push(`  Firefox:   network.proxy.type=1, network.proxy.http/ssl=127.0.0.1, network.proxy.http_port/ssl_port=${sim.proxyPort}`);
lines.push('');
lines.push(`  LPSE list: ${sim.listUrl}`);
for (const l of sim.lpses) lines.push(`  SPSE ${l.generation.padEnd(3)}  ${l.baseUrl}/   ${l.name}`);
for (const u of sim.nonSpsePages) lines.push(`  non-SPSE  ${u}`);
lines.push('');
lines.push('  Accounts (same password for all: see the "Simulator" section of the LPSE list page or scripts/simulator/README.md)');
const keyOf = new Map(sim.lpses.map((l) => [l.baseUrl, l.key]));
for (const a of sim.accounts) {
  const homes = a.homeLpses.map((h) => keyOf.get(h) ?? h).join(',');
  lines.push(`  ${a.userId.padEnd(16)} ${a.branch.padEnd(17)} home=${homes.padEnd(13)} ${a.penyedia}`);
}
lines.push('');
lines.push('  Ctrl-C to stop.');
console.log(lines.join('\n'));

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
