// The editor's attacks at a moment (issue 17): the SYN flood's and the port scan's timed events as
// the actions panel adds them (AddEvent, eventEdits.ts), each read from its form with a message
// naming the field that is wrong, and the form's first values chosen from the topology (the
// target a server that listens on TCP, the attacker a client). The attacks themselves are
// src/kinds/attack; the document's validator has the last word.

import { parseDuration } from '../../engine/time.ts';
import { parsePrefix } from '../../net/wire/ipv4Address.ts';
import { kindOf, type Scenario, type ScenarioNode } from '../../sim/index.ts';
import { MAX_FLOOD_SYNS } from '../../kinds/attack/synFloodActionKind.ts';
import { formatPortList, parsePortList } from '../../kinds/attack/scanPorts.ts';
import { documentTime, readActionTime } from './eventEdits.ts';
import type { Json } from './documentEdits.ts';

/** The attacks the editor's forms add. */
export type AttackChoice = 'synFlood' | 'portScan';

/** What the learner typed in a SYN flood's form (all text, as the fields hold it). */
export interface SynFloodForm {
  at: string;
  /** The attacker's node id. */
  node: string;
  /** The target: a node id. */
  target: string;
  /** The TCP port flooded. */
  port: string;
  /** SYNs a second. */
  rate: string;
  /** How long the flood lasts, like 5s. */
  duration: string;
  /** Forged source addresses from this prefix, like 203.0.113.0/24; empty for the node's own. */
  spoofFrom: string;
}

/** What the learner typed in a port scan's form. */
export interface PortScanForm {
  at: string;
  /** The scanner's node id. */
  node: string;
  /** The target: a node id. */
  target: string;
  /** The ports as nmap -p writes them: 22,80,443 or 1-1024. */
  ports: string;
  /** Probes a second. */
  rate: string;
}

/** A field of an attack's form that was refused, and why. */
export interface AttackProblem {
  field: keyof SynFloodForm | keyof PortScanForm;
  message: string;
}

export type AttackResult =
  { ok: true; event: Json; at: number } | { ok: false; problem: AttackProblem };

/** A flood's and a scan's first values in the forms. */
export const ATTACK_DEFAULTS = { rate: '100', duration: '5s', port: '80' } as const;

/** The well-known ports a scan probes unless told otherwise (the target's own are added). */
const WELL_KNOWN_PORTS = [21, 22, 23, 25, 53, 80, 110, 143, 443, 3306, 5432, 8080];

const addressed = (node: ScenarioNode) => node.interfaces?.some((x) => x.address) ?? false;

/** The TCP ports a node's apps listen on, in the order of its apps. */
export function tcpListeners(node: ScenarioNode): number[] {
  const ports: number[] = [];
  for (const app of node.apps ?? []) {
    const socket = kindOf(app).listens?.(app);
    if (socket?.protocol === 'tcp' && !ports.includes(socket.port)) ports.push(socket.port);
  }
  return ports;
}

/** The form's first values: who attacks whom, the port flooded and the ports scanned. */
export interface AttackDefaults {
  /** The attacker: the node selected, unless it is a listening server; else the first client. */
  node: string;
  /** The target: a server that listens on TCP (the one selected, if it does). */
  target: string;
  /** The target's first TCP port, else 80. */
  port: string;
  /** Well-known ports and the target's own, as nmap -p writes them. */
  ports: string;
}

/** A flood's and a scan's first values for `scenario`, with `selected` the node selected, if any. */
export function attackDefaults(scenario: Scenario, selected?: string): AttackDefaults {
  const nodes = scenario.nodes.filter(addressed);
  const listening = (n: ScenarioNode) => tcpListeners(n).length > 0;
  const chosen = nodes.find((n) => n.id === selected);
  const serves = (n: ScenarioNode) => n.role === 'server' && listening(n);
  const attacker =
    (chosen && !serves(chosen) ? chosen : undefined) ??
    nodes.find((n) => n.role === 'client') ??
    nodes.find((n) => n !== chosen && !serves(n)) ??
    nodes[0];
  const rank = (n: ScenarioNode) =>
    (serves(n) ? 0 : listening(n) ? 1 : n.role === 'server' ? 2 : 3) - (n === chosen ? 0.5 : 0);
  const targets = nodes.filter((n) => n !== attacker);
  const target = targets.reduce<ScenarioNode | undefined>(
    (best, n) => (best === undefined || rank(n) < rank(best) ? n : best),
    undefined,
  );
  return {
    node: attacker?.id ?? '',
    target: target?.id ?? '',
    port: target ? floodPort(target) : ATTACK_DEFAULTS.port,
    ports: target ? scanPorts(target) : formatPortList(WELL_KNOWN_PORTS),
  };
}

/** The port a flood of `target` aims at first: its first TCP listener's, else 80. */
export function floodPort(target: ScenarioNode): string {
  return String(tcpListeners(target)[0] ?? ATTACK_DEFAULTS.port);
}

/** The ports a scan of `target` probes first: well-known ones and its own, as nmap -p writes them. */
export function scanPorts(target: ScenarioNode): string {
  const ports = new Set([...WELL_KNOWN_PORTS, ...tcpListeners(target)]);
  return formatPortList([...ports].sort((a, b) => a - b));
}

type Read<T> = { ok: true; value: T } | { ok: false; problem: AttackProblem };

/** A whole number from `min` to `max` as typed in `field`, or why not. */
function wholeNumber(
  field: AttackProblem['field'],
  text: string,
  min: number,
  max: number,
  what: string,
): Read<number> {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < min || value > max)
    return {
      ok: false,
      problem: { field, message: `"${text}" is not ${what} from ${min} to ${max}` },
    };
  return { ok: true, value };
}

/** The acting node and its target, or the field to choose. */
function parties(
  form: { node: string; target: string },
  what: string,
): Read<{ node: string; target: string }> {
  const node = form.node.trim();
  const target = form.target.trim();
  if (node === '')
    return { ok: false, problem: { field: 'node', message: `choose the node that ${what}` } };
  if (target === '') return { ok: false, problem: { field: 'target', message: 'choose a target' } };
  if (target === node)
    return { ok: false, problem: { field: 'target', message: `${node} cannot attack itself` } };
  return { ok: true, value: { node, target } };
}

/** The synFlood event a form describes, or the first field it cannot take and why. */
export function synFloodFromForm(form: SynFloodForm): AttackResult {
  const at = readActionTime(form.at);
  if (!at.ok) return { ok: false, problem: { field: 'at', message: at.problem.message } };
  const who = parties(form, 'floods');
  if (!who.ok) return who;
  const port = wholeNumber('port', form.port, 1, 65_535, 'a port');
  if (!port.ok) return port;
  const rate = wholeNumber('rate', form.rate, 1, 100_000, 'a rate (SYNs a second)');
  if (!rate.ok) return rate;
  const lasts = parseDuration(form.duration.trim());
  if (!lasts.ok) return { ok: false, problem: { field: 'duration', message: lasts.error } };
  if (lasts.ns <= 0)
    return { ok: false, problem: { field: 'duration', message: 'the flood must last a while' } };
  const count = Math.floor((rate.value * lasts.ns) / 1e9);
  if (count > MAX_FLOOD_SYNS)
    return {
      ok: false,
      problem: {
        field: 'rate',
        message: `${count} SYNs in all is more than ${MAX_FLOOD_SYNS}: lower the rate or the duration`,
      },
    };
  const event: Record<string, Json> = {
    at: documentTime(at.ns),
    type: 'synFlood',
    node: who.value.node,
    target: who.value.target,
    port: port.value,
    rate: rate.value,
    duration: documentTime(lasts.ns),
  };
  const spoof = form.spoofFrom.trim();
  if (spoof !== '') {
    const prefix = parsePrefix(spoof);
    if (!prefix.ok) return { ok: false, problem: { field: 'spoofFrom', message: prefix.error } };
    event.spoofFrom = spoof;
  }
  return { ok: true, at: at.ns, event };
}

/** The portScan event a form describes, or the first field it cannot take and why. */
export function portScanFromForm(form: PortScanForm): AttackResult {
  const at = readActionTime(form.at);
  if (!at.ok) return { ok: false, problem: { field: 'at', message: at.problem.message } };
  const who = parties(form, 'scans');
  if (!who.ok) return who;
  const text = form.ports.replace(/\s+/g, '');
  const bad = text.split(',').find((part) => !/^\d{1,5}(?:-\d{1,5})?$/.test(part));
  const ports = bad === undefined ? parsePortList(text) : { ok: false as const, part: bad };
  if (!ports.ok)
    return {
      ok: false,
      problem: {
        field: 'ports',
        message: `"${ports.part}" is not a port or a range: write ports and ranges separated by commas, like 22,80,443 or 1-1024`,
      },
    };
  const rate = wholeNumber('rate', form.rate, 1, 100_000, 'a rate (probes a second)');
  if (!rate.ok) return rate;
  return {
    ok: true,
    at: at.ns,
    event: {
      at: documentTime(at.ns),
      type: 'portScan',
      node: who.value.node,
      target: who.value.target,
      ports: text,
      rate: rate.value,
    },
  };
}
