// HTTPS on the server: TLS between TCP and the web application. The server's handshake flight is
// served as a request of its own ("TLS handshake", costing CPU like the key exchange does); the
// HTTP requests inside are decrypted, served as usual, and their replies encrypted.

import type { Simulator } from '../../engine/simulator.ts';
import type { Certificate } from '../../net/app/tls/certificate.ts';
import { TlsServer } from '../../net/app/tls/tlsSession.ts';
import type {
  ProtocolSession,
  ReplyChannel,
  ServerProtocol,
  ServerRequest,
} from '../../machines/server/serverProtocol.ts';
import { recordKeys } from './tlsEndpoints.ts';

/** Wraps a plaintext protocol (HTTP) in TLS. */
export class HttpsServerProtocol implements ServerProtocol {
  constructor(
    private readonly sim: Simulator,
    private readonly node: string,
    private readonly inner: ServerProtocol,
    private readonly chain: readonly Certificate[],
    private readonly random: (length: number) => Uint8Array,
  ) {}

  /** Over its limits the server closes without a word: it cannot answer 503 before a handshake. */
  refusal(): null {
    return null;
  }

  open(ends: { local: string; peer: string }): ProtocolSession {
    const { sim, node } = this;
    const tls = new TlsServer({ chain: this.chain, random: this.random });
    const inner = this.inner.open(ends);
    const trace = (phase: string, detail: string): void =>
      sim.record({
        t: sim.now(),
        type: 'tls.handshake',
        node,
        conn: ends.peer,
        role: 'server',
        phase,
        detail,
      });
    let failed = false;
    const encrypted = (request: ServerRequest): ServerRequest => {
      const limited = request.limited?.bind(request);
      return {
        label: request.label,
        work: request.work,
        serve: (reply: ReplyChannel) =>
          request.serve({
            write: (bytes) => {
              if (!failed) reply.write(tls.write(bytes).send);
            },
            end: (outcome) => {
              if (outcome.close && !failed) reply.write(tls.close().send);
              reply.end(outcome);
            },
          }),
        // The rate limit counts the HTTP requests inside, never the handshake.
        ...(limited ? { limited: (answer: { status: number }) => encrypted(limited(answer)) } : {}),
      };
    };
    return {
      receive: (bytes) => {
        if (failed) return [];
        const wasEstablished = tls.established;
        const output = tls.push(bytes);
        const requests: ServerRequest[] = [];
        if (output.send.length > 0) {
          const flight = output.send;
          const alert = output.events.some((e) => e.kind === 'error');
          if (!alert) trace('start', tls.serverName ?? '');
          requests.push({
            label: alert ? 'TLS alert' : 'TLS handshake',
            work: !alert,
            serve: (reply) => {
              reply.write(flight);
              reply.end({ status: null, close: alert });
            },
          });
        }
        for (const event of output.events) {
          if (event.kind === 'handshakeDone' && !wasEstablished && tls.keyLog) {
            trace('done', '');
            recordKeys(sim, node, 'server', ends.local, ends.peer, tls.keyLog);
          } else if (event.kind === 'data') {
            for (const request of inner.receive(event.data)) requests.push(encrypted(request));
          } else if (event.kind === 'error') {
            failed = true;
            trace('failed', event.reason);
          } else if (event.kind === 'closed') failed = true;
        }
        return requests;
      },
    };
  }
}
