// For the mail tests: a small network with a mail server (SMTP and POP3) for b.example, a client
// host, and if asked a DNS server and a second mail server; and a hand-driven conversation that
// sends each line after the previous reply, as a person typing into telnet would, and keeps the
// transcript ("> line", "< reply").

import { buildSimulation, type Simulation } from '../../src/sim/index.ts';
import { validateScenario } from '../../src/sim/scenario/validateScenario.ts';
import type { HostNode } from '../../src/sim/kinds/roleKind.ts';
import { SmtpReplyParser } from '../../src/net/app/smtp/smtpMessages.ts';
import { isMultiLine, Pop3ResponseReader } from '../../src/net/app/pop3/pop3Messages.ts';
import { formatIpv4, parseIpv4 } from '../../src/net/wire/ipv4Address.ts';

/** A scenario node with an address on 10.0.0.0/24. */
export function host(id: string, last: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    role: 'server',
    interfaces: [{ name: 'eth0', address: `10.0.0.${last}/24` }],
    ...extra,
  };
}

/** The b.example mail server: SMTP with Bob's mailbox (password builder), and POP3. */
export const MAIL_B = host('mx', 25, {
  apps: [
    {
      type: 'smtpServer',
      domains: ['b.example'],
      hostname: 'mail.b.example',
      mailboxes: [{ user: 'bob', password: 'builder' }, { user: 'carol' }],
    },
    { type: 'pop3Server' },
  ],
});

/** Builds a network of `nodes`, all on one switch (or one link for two). */
export function mailNetwork(nodes: object[], seed = 3): Simulation {
  const ids = nodes.map((n) => (n as { id: string }).id);
  const links =
    ids.length === 2
      ? [{ id: 'l', a: ids[0], b: ids[1], latency: '1ms' }]
      : ids.map((id, k) => ({ id: `l${k}`, a: id, b: `sw:p${k + 1}`, latency: '1ms' }));
  const sw = { id: 'sw', role: 'switch', interfaces: ids.map((_, k) => ({ name: `p${k + 1}` })) };
  const doc = {
    format: 'handshake/scenario@1',
    name: 'mail test',
    seed,
    until: '30s',
    nodes: ids.length === 2 ? nodes : [...nodes, sw],
    links,
  };
  const result = validateScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  return buildSimulation(result.scenario);
}

/**
 * Connects from `from` to `address:port` at `at` and says `lines` one at a time, each after the
 * reply to the one before (the first after the greeting); returns the transcript, which fills as
 * the simulation runs (runAll).
 * `pop3` reads POP3 responses (multi-line ones as RFC 1939 says per command), else SMTP replies.
 */
export function converse(
  simulation: Simulation,
  from: string,
  address: string,
  port: number,
  lines: readonly string[],
  options: { pop3?: boolean; at?: number } = {},
): string[] {
  const transcript: string[] = [];
  const node = simulation.nodes.get(from) as HostNode;
  const server = parseIpv4(address);
  if (!server.ok) throw new Error(address);
  simulation.sim.schedule(options.at ?? 0, () => {
    const opened = node.tcp.connect(server.address, port);
    if (!opened.ok) throw new Error(opened.error);
    const c = opened.value;
    const smtp = new SmtpReplyParser();
    const pop3 = new Pop3ResponseReader();
    let next = 0;
    const say = () => {
      const line = lines[next++];
      if (line === undefined) return;
      transcript.push(`> ${line.length > 60 ? `${line.slice(0, 57)}...` : line}`);
      if (options.pop3) {
        const [verb = '', ...rest] = line.split(' ');
        pop3.expect(isMultiLine({ verb: verb.toUpperCase(), argument: rest.join(' ') }));
      }
      c.send(new TextEncoder().encode(line.endsWith('\r\n') ? line : `${line}\r\n`));
    };
    c.handlers.onData = (bytes) => {
      if (options.pop3) {
        for (const e of pop3.push(bytes)) {
          if (e.kind === 'error') transcript.push(`< ? ${e.reason}`);
          else {
            const body = e.response.body ? new TextDecoder().decode(e.response.body) : undefined;
            const status = `${e.response.ok ? '+OK' : '-ERR'}${e.response.text ? ` ${e.response.text}` : ''}`;
            transcript.push(
              `< ${status}`,
              ...(body === undefined ? [] : [`  ${JSON.stringify(body)}`]),
            );
            say();
          }
        }
      } else
        for (const e of smtp.push(bytes)) {
          if (e.kind === 'error') transcript.push(`< ? ${e.reason}`);
          else {
            transcript.push(`< ${e.reply.code} ${e.reply.lines.join(' | ')}`);
            say();
          }
        }
    };
    c.handlers.onEnd = () => {
      transcript.push('(closed)');
      c.close();
    };
  });
  return transcript;
}

/** Runs the simulation for its 30 s. */
export function runAll(simulation: Simulation): void {
  simulation.sim.run({ until: 30e9 });
}

/** An address as the trace writes it. */
export const dotted = (address: number) => formatIpv4(address);
