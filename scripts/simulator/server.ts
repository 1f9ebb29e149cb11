/**
 * SPSE Assist simulator: an HTTP proxy (127.0.0.1) that plays several LPSEs at their real addresses.
 *
 *  - `CONNECT <simulated host>:443` → the socket is handed to an in-process HTTPS server (one self-signed
 *    certificate carrying every simulated host as a subjectAltName), which dispatches on the Host header.
 *  - absolute-form `GET http://<simulated host>/…` → answered directly (same pages over plain http://).
 *  - anything else → refused (CONNECT 403, HTTP 502). No connection to the outside world is ever opened.
 *
 * SIM_DEBUG=1 logs method + URL (never bodies or query strings).
 */
import { X509Certificate, createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { generate } from 'selfsigned';
import { type LpseDef, ACCOUNTS, LIST_URL, LPSES, NON_SPSE_PAGES, SIMULATED_HOSTS } from './data.js';
import type { SimulatedAccount, SimulatedLpse } from './data.js';
import { type RequestHandler, createSites, isSimulatedHost } from './sites.js';

export type { SimulatedAccount, SimulatedLpse } from './data.js';
export { LOOKALIKES, SIMULATED_HOSTS } from './data.js';

export interface Simulator {
  /** HTTP proxy on 127.0.0.1 */
  proxyPort: number;
  /** 'http://127.0.0.1:<port>' */
  proxyUrl: string;
  /** base64 SHA-256 of the certificate's SubjectPublicKeyInfo (Chromium --ignore-certificate-errors-spki-list) */
  spkiHash: string;
  certPem: string;
  /** the LPSE list page, 'https://spse.inaproc.id/' */
  listUrl: string;
  lpses: SimulatedLpse[];
  /** URLs of the two non-SPSE login pages */
  nonSpsePages: string[];
  accounts: SimulatedAccount[];
  /** every host name the simulator answers for */
  hosts: string[];
  /** the request handler behind the proxy (scheme = how the request arrived), for node-side tests */
  handler: RequestHandler;
  /** forget all sessions and restore every account's initial (activation) state */
  reset(): void;
  close(): Promise<void>;
}

const debug = process.env.SIM_DEBUG === '1';

export interface SimulatorCert {
  certPem: string;
  keyPem: string;
  spkiHash: string;
}

export async function makeCertificate(hosts: string[] = SIMULATED_HOSTS): Promise<SimulatorCert> {
  const notBefore = new Date(Date.now() - 24 * 3600_000);
  const notAfter = new Date(Date.now() + 90 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: hosts[0] ?? 'spse.inaproc.id' }, { name: 'organizationName', value: 'SPSE Assist simulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: hosts.map((h) => ({ type: 2 as const, value: h })) },
    ],
  });
  const x509 = new X509Certificate(pems.cert);
  const spkiDer = x509.publicKey.export({ type: 'spki', format: 'der' });
  const spkiHash = createHash('sha256').update(spkiDer).digest('base64');
  return { certPem: pems.cert, keyPem: pems.private, spkiHash };
}

function publicLpse(l: LpseDef): SimulatedLpse {
  return { key: l.key, name: l.name, baseUrl: l.baseUrl, generation: l.generation };
}

function refuse(socket: Duplex, status: string, text: string): void {
  if (socket.destroyed) return;
  const body = `SPSE simulator: ${text}\n`;
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startSimulator(opts: { port?: number } = {}): Promise<Simulator> {
  const cert = await makeCertificate();
  const sites = createSites();
  const sockets = new Set<Duplex>();
  const track = (s: Duplex): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };

  // The HTTPS server never listens: CONNECTed sockets are handed to it.
  const httpsServer = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    sites.handle(req, res, 'https');
  });
  httpsServer.keepAliveTimeout = 5000;
  httpsServer.on('tlsClientError', (_err, tlsSocket) => tlsSocket.destroy());

  const proxy = http.createServer((req, res) => {
    const raw = req.url ?? '';
    let url: URL | undefined;
    try {
      url = /^http:\/\//i.test(raw) ? new URL(raw) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.port !== '' && url.port !== '80') || !isSimulatedHost(url.hostname)) {
      if (debug) console.log(`[sim-proxy] refused ${req.method ?? ''} ${url ? `${url.protocol}//${url.host}` : '(origin-form)'}`);
      res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('SPSE simulator: only simulated hosts are served (no outbound connections)\n');
      return;
    }
    sites.handle(req, res, 'http');
  });
  proxy.keepAliveTimeout = 5000;
  proxy.on('connection', track);
  proxy.on('clientError', (_err, socket) => socket.destroy());

  proxy.on('connect', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    track(socket);
    const target = req.url ?? '';
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    const host = m?.[1]?.toLowerCase() ?? '';
    const port = m?.[2] ?? '';
    if (!m || port !== '443' || !isSimulatedHost(host)) {
      if (debug) console.log(`[sim-proxy] refused CONNECT ${target}`);
      refuse(socket, '403 Forbidden', 'only simulated hosts are served (no outbound connections)');
      return;
    }
    if (debug) console.log(`[sim-proxy] CONNECT ${target}`);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.length) socket.unshift(head);
      httpsServer.emit('connection', socket);
    });
  });

  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(opts.port ?? 0, '127.0.0.1', () => {
      proxy.off('error', reject);
      resolve();
    });
  });
  const addr = proxy.address();
  if (!addr || typeof addr === 'string') throw new Error('simulator proxy has no TCP address');
  const proxyPort = addr.port;

  let closed = false;
  return {
    proxyPort,
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    spkiHash: cert.spkiHash,
    certPem: cert.certPem,
    listUrl: LIST_URL,
    lpses: LPSES.map(publicLpse),
    nonSpsePages: [...NON_SPSE_PAGES],
    accounts: ACCOUNTS.map((a) => ({
      userId: a.userId,
      password: a.password,
      penyedia: a.penyedia,
      homeLpses: [...a.homeLpses],
      branch: a.branch,
      description: a.description,
    })),
    hosts: [...SIMULATED_HOSTS],
    handler: sites.handle,
    reset: () => sites.reset(),
    close: async () => {
      if (closed) return;
      closed = true;
      const done = new Promise<void>((resolve) => proxy.close(() => resolve()));
      for (const s of sockets) s.destroy();
      proxy.closeAllConnections();
      httpsServer.closeAllConnections();
      await done;
    },
  };
}
