// What validation says of a load balancer: a bad weight, an unknown policy and bad health-check
// numbers are errors named by their path and the backend; a backend listed twice, or that is the
// balancer itself, and settings only layer 7 can use are errors too; a backend the balancer
// cannot reach, or where nothing listens, is a warning. In English and in German.
import { describe, expect, it } from 'vitest';
import { scenarioWarnings, spoken, validateScenario, warningText } from '../../sim/index.ts';

/**
 * A client, the balancer `lb` with `app`'s fields, and two web servers; web2 on a subnet of its
 * own, on a switch with nothing else: the balancer cannot reach it.
 */
function doc(app: Record<string, unknown>) {
  return {
    format: 'handshake/scenario@1',
    name: 'lb checks',
    nodes: [
      {
        id: 'pc',
        role: 'client',
        interfaces: [{ name: 'eth0', address: '10.0.0.11/24' }],
        apps: [{ type: 'httpClient', server: 'lb' }],
      },
      {
        id: 'lb',
        role: 'loadBalancer',
        interfaces: [
          { name: 'eth0', address: '10.0.0.5/24' },
          { name: 'eth1', address: '10.0.1.5/24' },
        ],
        apps: [
          {
            type: 'loadBalancer',
            backends: [{ address: 'web1' }, { address: 'web2', port: 8080 }],
            ...app,
          },
        ],
      },
      {
        id: 'web1',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.1.21/24' }],
        apps: [{ type: 'httpServer' }],
      },
      {
        id: 'web2',
        role: 'server',
        interfaces: [{ name: 'eth0', address: '10.0.2.22/24' }],
        apps: [{ type: 'httpServer', port: 8080 }],
      },
      { id: 'sw', role: 'switch', interfaces: [{ name: 'p1' }] },
    ],
    links: [
      { id: 'l1', a: 'pc', b: 'lb:eth0', latency: '1ms' },
      { id: 'l2', a: 'lb:eth1', b: 'web1', latency: '1ms' },
      { id: 'l3', a: 'web2', b: 'sw:p1', latency: '1ms' },
    ],
  };
}

/** The issues of a document, as `path: message` in a language. */
function issues(document: unknown, language?: string): string[] {
  const result = validateScenario(document);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${spoken(i, language)}`);
}

const AT = '$.nodes[1].apps[0]';

describe('validation of a load balancer', () => {
  it('names a bad weight by its path and its backend', () => {
    const bad = doc({
      backends: [
        { address: 'web1', weight: 0 },
        { address: 'web1', port: 81 },
      ],
    });
    expect(issues(bad)).toEqual([
      `${AT}.backends[0].weight: backend web1:80: expected an integer >= 1 <= 1000, got a number (0)`,
    ]);
    expect(issues(bad, 'de')).toEqual([
      `${AT}.backends[0].weight: Backend web1:80: erwartet: eine ganze Zahl >= 1 <= 1000, gefunden: eine Zahl (0)`,
    ]);
    expect(issues(doc({ backends: [{ address: 'web1', port: 81, weight: 2.5 }] }))).toEqual([
      `${AT}.backends[0].weight: backend web1:81: expected an integer >= 1 <= 1000, got a number (2.5)`,
    ]);
  });

  it('refuses an unknown policy, listing the known ones', () => {
    expect(issues(doc({ policy: 'random' }))).toEqual([
      `${AT}.policy: expected one of "roundRobin", "weightedRoundRobin", "leastConnections", "ipHash", "twoChoices", got a string ("random")`,
    ]);
  });

  it('refuses health-check numbers that cannot work', () => {
    expect(
      issues(doc({ healthCheck: { interval: '0s', rise: 0, fall: 1.5, timeout: '2s' } })),
    ).toEqual([
      `${AT}.healthCheck.interval: expected a duration of at least 1 ns, got "0s"`,
      `${AT}.healthCheck.rise: expected an integer >= 1 <= 100, got a number (0)`,
      `${AT}.healthCheck.fall: expected an integer >= 1 <= 100, got a number (1.5)`,
    ]);
    expect(issues(doc({ healthCheck: { interval: '1s', timeout: '2s' } }))).toEqual([
      `${AT}.healthCheck.timeout: the check timeout (2 s) is longer than the interval (1 s): a check would still wait when the next one starts`,
    ]);
    expect(issues(doc({ healthCheck: { interval: '1s', timeout: '2s' } }), 'de')).toEqual([
      `${AT}.healthCheck.timeout: die Zeitgrenze der Prüfung (2 s) ist länger als das Intervall (1 s): Eine Prüfung würde noch warten, wenn die nächste beginnt`,
    ]);
  });

  it('refuses a backend listed twice, the balancer as its own backend, and layer-7 settings at layer 4', () => {
    expect(
      issues(
        doc({
          backends: [{ address: 'web1' }, { address: 'lb' }, { address: 'web1', port: 80 }],
          sticky: {},
          healthCheck: { path: '/health' },
        }),
      ),
    ).toEqual([
      `${AT}.sticky: sticky sessions need "mode": "l7": at layer 4 the balancer reads no cookies`,
      `${AT}.healthCheck.path: a check path needs "mode": "l7": at layer 4 a check only connects`,
      `${AT}.backends[1].address: backend lb:80 is the load balancer’s own node lb: it would send requests to itself`,
      `${AT}.backends[2]: backend web1:80 is listed twice (first as backends[0])`,
    ]);
    expect(issues(doc({ mode: 'l7', sticky: {}, healthCheck: { path: '/health' } }))).toEqual([]);
  });

  it('refuses a backend that names no node or address', () => {
    expect(issues(doc({ backends: [{ address: 'nowhere' }] }))).toEqual([
      expect.stringMatching(/^\$\.nodes\[1\]\.apps\[0\]\.backends\[0\]\.address: .*"nowhere"/),
    ]);
  });

  it('warns of a backend it cannot reach, and of one where nothing listens on the port', () => {
    const result = validateScenario(
      doc({
        backends: [
          { address: 'web2', port: 8080 },
          { address: 'web1', port: 81 },
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const warnings = scenarioWarnings(result.scenario);
    expect(warnings.map((w) => `${w.path}: ${warningText(w)}`)).toEqual([
      expect.stringMatching(
        /^\$\.nodes\[1\]\.apps\[0\]\.backends\[0\]\.address: lb's lb cannot reach 10\.0\.2\.22: /,
      ),
      expect.stringMatching(
        /^\$\.nodes\[1\]\.apps\[0\]\.backends\[1\]\.address: lb's lb .*TCP port 81.*web1/,
      ),
    ]);
    expect(warningText(warnings[0] as (typeof warnings)[number], 'de')).toMatch(/10\.0\.2\.22/);
  });
});
