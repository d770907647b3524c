// The machine step in the page's language: in English the catalog's sentences are the lessons
// layer's own (ENGLISH_MACHINE_WORDS) word for word; in German the situation, the choices, the
// rule and the feedback are German. The schedule is lesson 7's SJF step, worked by hand
// (P1 0/7, P2 2/4, P3 4/1, P4 5/4 ms: P1 runs 0-7; at 7 P3 is the shortest at 1 ms; at 8 P2 and
// P4 tie at 4 ms and P2 arrived first). The router is two subnets with no default route. The
// firewall lets replies and the web through, refuses port 22 with a reset, logs and drops the rest.
// The load balancers pick by smooth weighted round robin, least connections and IP hash.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ENGLISH_MACHINE_WORDS,
  machineDecisions,
  machineFeedback,
  readMachine,
  replayPicks,
  type MachineDecision,
  type MachineSpec,
} from '../lessons/index.ts';
import { locale } from './i18n/locale.svelte.ts';
import { machineWords } from './machineWords.ts';

function spec(value: Record<string, unknown>): MachineSpec {
  const out = readMachine({ kind: 'machine', ...value }, (m) => {
    throw new Error(m);
  });
  if (!out) throw new Error('not read');
  return out;
}

const sjf = spec({
  machine: 'cpu',
  policy: 'sjf',
  jobs: [
    { id: 'P1', arrival: 0, burst: 7 },
    { id: 'P2', arrival: 2, burst: 4 },
    { id: 'P3', arrival: 4, burst: 1 },
    { id: 'P4', arrival: 5, burst: 4 },
  ],
});
const rr = spec({
  machine: 'cpu',
  policy: 'rr',
  quantum: 2,
  jobs: [
    { id: 'P1', arrival: 0, burst: 5 },
    { id: 'P2', arrival: 1, burst: 3 },
    { id: 'P3', arrival: 2, burst: 1 },
  ],
});
const router = spec({
  machine: 'router',
  routes: [
    { to: '192.168.1.0/24', iface: 'eth0' },
    { to: '10.0.0.0/24', iface: 'eth1' },
    { to: '10.0.0.0/8', iface: 'eth1', via: '10.0.0.254' },
  ],
  packets: ['10.0.0.20', '10.9.9.9', '8.8.8.8'],
});

const firewall = spec({
  machine: 'firewall',
  firewall: {
    forward: {
      policy: 'DROP',
      rules: [
        { action: 'ACCEPT', state: ['ESTABLISHED', 'RELATED'] },
        { action: 'ACCEPT', protocol: 'tcp', dstPort: 80, comment: 'the web' },
        { action: 'REJECT', protocol: 'tcp', dstPort: 22, rejectWith: 'tcp-reset' },
        { action: 'LOG', logPrefix: 'fw: ' },
        { action: 'LOG', protocol: 'udp' },
      ],
    },
  },
  packets: [
    { protocol: 'tcp', from: '192.168.1.10:50114', to: '10.0.0.20:80', flags: 'S', state: 'NEW' },
    { protocol: 'tcp', from: '192.168.1.10:50115', to: '10.0.0.20:22', flags: 'S', state: 'NEW' },
    { protocol: 'udp', from: '192.168.1.10:52655', to: '10.0.0.20:7', state: 'NEW' },
    { protocol: 'icmp', from: '192.168.1.10', to: '10.0.0.20', state: 'NEW' },
  ],
});

// Smooth weighted round robin 5, 1, 1 (a a b ...), then least connections with a backend down,
// (b and c tie at 1 and take turns: b, then, with request 1 finished and a down, c), then IP hash
// landing on backends that are down (192.168.1: b, then c twice, then a).
const balancers = [
  spec({
    machine: 'loadBalancer',
    policy: 'weightedRoundRobin',
    backends: [
      { name: 'a', weight: 5 },
      { name: 'b', weight: 1 },
      { name: 'c', weight: 1 },
    ],
    requests: ['10.0.0.11', '10.0.0.11', { client: '10.0.0.11', down: ['c'] }],
  }),
  spec({
    machine: 'loadBalancer',
    policy: 'leastConnections',
    backends: [
      { name: 'a', active: 2 },
      { name: 'b', active: 1 },
      { name: 'c', active: 1 },
    ],
    requests: [{}, { finished: [1], down: ['a'] }, { up: ['a'] }],
  }),
  spec({
    machine: 'loadBalancer',
    policy: 'ipHash',
    backends: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    requests: ['192.168.1.7', { client: '192.168.1.7', down: ['b', 'c'] }],
  }),
];

function decisions(s: MachineSpec, words = machineWords()): MachineDecision[] {
  const d = machineDecisions(s, null, words);
  if (typeof d === 'string') throw new Error(d);
  return d;
}

afterEach(() => locale.set('auto'));

describe('the machine step speaks the page language', () => {
  it('in English, says exactly what the lessons layer says', () => {
    locale.set('en');
    for (const s of [sjf, rr, router, firewall, ...balancers]) {
      const page = decisions(s);
      expect(page).toEqual(decisions(s, ENGLISH_MACHINE_WORDS));
      const picks = page.flatMap((d) => d.choices.map((c) => c.id)).slice(0, 4);
      for (let n = 1; n <= picks.length; n++) {
        const replay = replayPicks(page, picks.slice(0, n));
        expect(machineFeedback(page, replay, machineWords())).toBe(
          machineFeedback(page, replay, ENGLISH_MACHINE_WORDS),
        );
      }
    }
  });

  it('in German, says the situation, the choices and the rule of SJF in German', () => {
    locale.set('de');
    const d = decisions(sjf);
    // P1 was alone at 0; the first choice is at 7 ms among P2, P3 and P4.
    const asked = d.filter((x) => x.choices.length > 1);
    expect(asked[0]?.situation).toBe('Bei 7 ms ist die CPU frei.');
    expect(asked[0]?.choices.map((c) => c.label)).toEqual([
      'P2: braucht 4 ms',
      'P3: braucht 1 ms',
      'P4: braucht 4 ms',
    ]);
    const slip = replayPicks(d, ['P2']);
    expect(machineFeedback(d, slip, machineWords())).toBe(
      'Nicht P2. SJF führt unter den bereiten Prozessen den mit dem kürzesten nächsten CPU-Burst aus: P3 (1 ms). Versuch es noch einmal.',
    );
    const done = replayPicks(d, ['P3', 'P2']);
    expect(done.done).toBe(true);
    expect(machineFeedback(d, done, machineWords())).toBe(
      'Richtig: P2. SJF führt unter den bereiten Prozessen den mit dem kürzesten nächsten CPU-Burst aus: P2 (4 ms). P4 liegt gleichauf; bei Gleichstand läuft zuerst, wer zuerst angekommen ist (kamen beide gleichzeitig an, der weiter oben in der Tabelle). Jede Entscheidung ist getroffen: Vergleiche das Ergebnis unten.',
    );
  });

  it('in German, says the quantum of round robin and the longest prefix match in German', () => {
    locale.set('de');
    const r = decisions(rr);
    // At 2 ms P3 arrives as P1's quantum ends.
    expect(r[1]?.situation).toBe('Bei 2 ms kommt P3 an, und das Quantum von P1 endet.');
    expect(r[1]?.why).toMatch(/^Round Robin führt .*: P2\. Ein Prozess, dessen Quantum/);
    const d = decisions(router);
    expect(d.map((x) => x.situation)).toEqual([
      'Ein Paket für 10.0.0.20 kommt an.',
      'Ein Paket für 10.9.9.9 kommt an.',
      'Ein Paket für 8.8.8.8 kommt an.',
    ]);
    expect(d[0]?.choices.map((c) => c.label)).toEqual(['eth0', 'eth1', 'Verwerfen (keine Route)']);
    // 10.0.0.20 is in 10.0.0.0/24 and 10.0.0.0/8: the /24 wins, directly on eth1.
    expect(d[0]?.why).toBe(
      'Längste Präfix-Übereinstimmung: 10.0.0.20 liegt in 10.0.0.0/24, 10.0.0.0/8; das längste Präfix, 10.0.0.0/24, gewinnt, also verlässt das Paket den Router über eth1.',
    );
    expect(d[1]?.why).toBe(
      'Längste Präfix-Übereinstimmung: Nur 10.0.0.0/8 enthält 10.9.9.9, also verlässt das Paket den Router über eth1 zum nächsten Router 10.0.0.254.',
    );
    expect(d[2]?.why).toMatch(/^Kein Präfix einer Route enthält 8\.8\.8\.8.*verwirft das Paket\.$/);
  });

  it("in German, says a firewall's packets, verdicts and rules in German", () => {
    locale.set('de');
    const d = decisions(firewall);
    expect(d[0]?.situation).toBe(
      'Ein Paket kommt an die Kette FORWARD: tcp 192.168.1.10:50114 → 10.0.0.20:80 [SYN], Zustand NEW.',
    );
    expect(d[0]?.choices.map((c) => c.label)).toEqual([
      'ACCEPT: durchlassen',
      'DROP: ohne Antwort verwerfen',
      'REJECT: mit einer Antwort abweisen',
    ]);
    expect(d[0]?.why).toBe(
      'Regel 2 ist die erste Regel, die passt und den Durchlauf beendet: -p tcp --dport 80 -j ACCEPT (the web).',
    );
    expect(d[1]?.why).toBe(
      'Regel 3 ist die erste Regel, die passt und den Durchlauf beendet: -p tcp --dport 22 -j REJECT --reject-with tcp-reset. Die Firewall verwirft das Paket und antwortet dem Absender mit einem TCP-Reset (RST).',
    );
    // The UDP datagram meets both LOG rules on its way to the policy; the ICMP one only rule 4.
    expect(d[2]?.why).toBe(
      'Keine Regel passt und beendet den Durchlauf, also entscheidet die Policy der Kette FORWARD: DROP. Unterwegs haben die Regeln 4 und 5 (LOG) gepasst und es protokolliert; eine LOG-Regel beendet den Durchlauf nicht.',
    );
    expect(d[3]?.why).toMatch(/Unterwegs hat Regel 4 \(LOG\) gepasst/);
    const done = replayPicks(d, ['ACCEPT', 'REJECT', 'DROP', 'DROP']);
    expect(machineFeedback(d, done, machineWords())).toMatch(
      /^Richtig: DROP\. .* Jedes Paket hat sein Urteil\.$/,
    );
  });

  it("in German, says a load balancer's requests, rules and numbers in German", () => {
    locale.set('de');
    const [wrr, least, hash] = balancers.map((b) => decisions(b));
    expect(wrr?.[0]?.situation).toBe('Anfrage 1 kommt von 10.0.0.11.');
    expect(wrr?.[0]?.why).toBe(
      'Gleichmäßig gewichtetes Round Robin addiert zum aktuellen Gewicht jedes gesunden Backends sein Gewicht: a 0 + 5 = 5, b 0 + 1 = 1, c 0 + 1 = 1. a hat das größte, 5, und wird gewählt; es gibt die Summe der Gewichte, 7, ab und macht mit -2 weiter.',
    );
    // c is down at request 3: a -4 + 5 = 1 and b 2 + 1 = 3 out of a total of 6.
    expect(wrr?.[2]?.situation).toBe(
      'Die Health Checks nehmen c heraus. Anfrage 3 kommt von 10.0.0.11.',
    );
    expect(wrr?.[2]?.choices.map((c) => c.label)).toEqual([
      'a',
      'b',
      'c (ausgefallen)',
      'Keines: kein Backend ist gesund',
    ]);
    expect(wrr?.[2]?.why).toMatch(
      /: a -4 \+ 5 = 1, b 2 \+ 1 = 3\. b hat das größte, 3, .* c ist ausgefallen und nimmt nicht teil\.$/,
    );
    expect(least?.[1]?.situation).toBe(
      'Anfrage 1 ist fertig. Die Health Checks nehmen a heraus. Anfrage 2 kommt an.',
    );
    expect(least?.[1]?.why).toBe(
      'Least Connections wählt das gesunde Backend mit den wenigsten offenen Verbindungen: b 1, c 1. b und c haben gleich wenige; unter ihnen wechselt sich der Load Balancer ab (gleichmäßig gewichtetes Round Robin), und c ist an der Reihe. a ist ausgefallen und nimmt nicht teil.',
    );
    expect(hash?.[0]?.why).toBe(
      'IP-Hash liest die ersten drei Oktette von 192.168.1.7, 192.168.1: Ab 89 macht jedes Oktett den Hash zu (Hash × 113 + Oktett) mod 6271: 89 → 3978 → 4441 → 154. 154 mod 3, das Gesamtgewicht, ist 1: der Anteil von b (a 0, b 1, c 2). b ist gesund: Jede Anfrage von 192.168.1.x geht dorthin, solange es gesund bleibt.',
    );
    expect(hash?.[1]?.why).toMatch(
      /b ist ausgefallen, also wird der Hash mit denselben Oktetten weitergerechnet: 154 → 5052 → 383 → 5654; 5654 mod 3 ist 2: der Anteil von c\. c ist ausgefallen, /,
    );
    const done = replayPicks(hash ?? [], ['b', 'a']);
    expect(machineFeedback(hash ?? [], done, machineWords())).toMatch(
      /^Richtig: a\. .* Jede Anfrage hat ihr Backend\.$/,
    );
  });
});
