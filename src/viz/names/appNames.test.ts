// Apps named by program and role ("Web client", "Database server"), for every app kind the
// scenario schema knows, and code names put in words.
import { describe, expect, it } from 'vitest';
import { APP_KINDS, validateScenario } from '../../sim/index.ts';
import {
  NAMED_APP_TYPES,
  appKindName,
  appTitle,
  appTypeOf,
  humanWords,
  isClientKind,
} from './appNames.ts';

/** Worked out by hand: the program each kind runs and which end of it the kind is. */
const EXPECTED: Record<string, string> = {
  pinger: 'Ping client',
  echo: 'Echo server',
  bulkSend: 'Bulk-transfer client',
  sink: 'Bulk-transfer server',
  httpServer: 'Web server',
  httpClient: 'Web client',
  service: 'Database server',
  serviceClient: 'Database client',
  dnsServer: 'DNS server',
  ftpServer: 'FTP server',
  ftpClient: 'FTP client',
  smtpServer: 'SMTP server',
  pop3Server: 'POP3 server',
  mailClient: 'Mail client',
  dhcpServer: 'DHCP server',
  loadBalancer: 'Load balancer',
  resolver: 'DNS resolver',
};

describe('app names', () => {
  it('names every app kind of the schema by program and role', () => {
    const types = APP_KINDS.map((k) => k.type);
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(appKindName(type)).toBe(EXPECTED[type]);
    expect(appKindName('resolver')).toBe('DNS resolver');
    expect([...NAMED_APP_TYPES].sort()).toEqual([...types, 'resolver'].sort());
  });

  it('never calls a client program a server', () => {
    for (const type of NAMED_APP_TYPES) {
      const name = appKindName(type);
      if (isClientKind(type)) expect(name).toMatch(/ (client|resolver)$/);
      // A load balancer is the server of its clients (and a client of its backends).
      else expect(name).toMatch(/ (server|balancer)$/);
    }
    expect(isClientKind('httpClient')).toBe(true);
    expect(isClientKind('httpServer')).toBe(false);
  });

  it('titles an app of a node by its kind and its name in the trace', () => {
    const result = validateScenario({
      format: 'handshake/scenario@1',
      name: 'Names',
      nodes: [
        {
          id: 'c',
          role: 'client',
          interfaces: [{ name: 'eth0', address: '10.0.1.11/24' }],
          apps: [
            { type: 'httpClient', server: 's', workload: { kind: 'closed', users: 3 } },
            { type: 'serviceClient', server: 's' },
            { type: 'httpClient', server: 's' },
          ],
        },
        {
          id: 's',
          role: 'server',
          interfaces: [{ name: 'eth0', address: '10.0.1.20/24' }],
          apps: [{ type: 'httpServer' }, { type: 'service' }],
        },
      ],
      links: [{ id: 'l', a: 'c', b: 's', latency: '1ms', bandwidth: '1Gbps' }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [client, server] = result.scenario.nodes;
    // Trace names: the first app of a kind is `http`, the next `http2`; users are `http/u1`.
    expect(appTitle(client!, 'http/u2')).toBe('Web client http');
    expect(appTitle(client!, 'http2')).toBe('Web client http2');
    expect(appTypeOf(client!, 'http2')).toBe('httpClient');
    expect(appTitle(server!, 'web/w1')).toBe('Web server web');
    expect(appTitle(server!, 'db')).toBe('Database server db');
    expect(appTypeOf(server!, 'nope')).toBeUndefined();
  });

  it('puts unknown kinds and code names in words', () => {
    expect(appKindName('fancyThing')).toBe('Fancy thing app');
    expect(appKindName(undefined)).toBe('Application');
    expect(humanWords('waitingForIo')).toBe('waiting for I/O');
    expect(humanWords('dns.resolved')).toBe('DNS resolved');
    expect(humanWords('needsLogin')).toBe('needs login');
    expect(humanWords('tcp.connectionClosed')).toBe('TCP connection closed');
    expect(humanWords('after startDelay')).toBe('after start delay');
  });
});
