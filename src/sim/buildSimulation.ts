// Turns a validated scenario into wired, running objects (ns-3's helper idea): a simulator,
// links between nodes, and an XState actor on simulated time for every application.

import { createActor } from 'xstate';
import { NS_PER_MS } from '../engine/time.ts';
import { Simulator } from '../engine/simulator.ts';
import { Link } from '../net/link.ts';
import { echoServerMachine, type EchoRequest } from '../machines/echoServerMachine.ts';
import { pingerMachine } from '../machines/pingerMachine.ts';
import type { EchoApp, PingerApp, Scenario, ScenarioNode } from './scenario/scenarioSchema.ts';
import { messageLabel, type AppMessage } from './messages.ts';
import { traceStates } from './appTrace.ts';
import type { EchoMetrics, PingerMetrics } from './summary.ts';

export interface BuildOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Record the trace (default true). */
  trace?: boolean;
}

/** A scenario wired up and ready to run. */
export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly sim: Simulator;
  readonly links: Link<AppMessage>[];
  readonly pingers: PingerMetrics[];
  readonly servers: EchoMetrics[];
}

interface Wiring {
  sim: Simulator;
  nextMessageId: () => number;
  /** The link from `node` towards its neighbour `peer`. */
  linkTowards: (node: string, peer: string) => Link<AppMessage>;
  /** Where arriving messages for `node` go, by kind. */
  inbox: Map<string, { request?: (m: AppMessage) => void; reply?: (m: AppMessage) => void }>;
}

/** Builds the simulation of a validated scenario. Nothing runs until `sim.run()`. */
export function buildSimulation(scenario: Scenario, options: BuildOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed ?? 1;
  const sim = new Simulator({ seed, trace: options.trace ?? true });
  sim.record({ t: 0, type: 'sim.start', scenario: scenario.name, seed });
  let messageCount = 0;
  const wiring: Wiring = {
    sim,
    nextMessageId: () => ++messageCount,
    linkTowards: (node, peer) => {
      const link = links.find(
        (l) => l.otherEnd(node) === peer && (l.config.a === node || l.config.b === node),
      );
      if (!link)
        throw new Error(`no link between ${node} and ${peer} (validation should have caught this)`);
      return link;
    },
    inbox: new Map(),
  };
  const links = scenario.links.map(
    (l) =>
      new Link<AppMessage>(
        sim,
        { id: l.id, a: l.a, b: l.b, latency: l.latency, loss: l.loss ?? 0 },
        sim.random.stream(`link:${l.id}`),
      ),
  );
  for (const link of links) {
    for (const end of [link.config.a, link.config.b]) {
      link.attach(end, (message) => {
        const inbox = wiring.inbox.get(end);
        if (message.kind === 'request') inbox?.request?.(message);
        else inbox?.reply?.(message);
      });
    }
  }
  const pingers: PingerMetrics[] = [];
  const servers: EchoMetrics[] = [];
  for (const node of scenario.nodes) {
    for (const app of node.apps ?? []) {
      if (app.type === 'pinger') pingers.push(startPinger(wiring, node, app));
      else servers.push(startEchoServer(wiring, node, app));
    }
  }
  return { scenario, seed, sim, links, pingers, servers };
}

function startPinger(wiring: Wiring, node: ScenarioNode, app: PingerApp): PingerMetrics {
  const { sim } = wiring;
  const metrics: PingerMetrics = {
    node: node.id,
    peer: app.peer,
    sent: 0,
    retries: 0,
    replies: 0,
    lost: 0,
    lateReplies: 0,
    rtts: [],
  };
  const link = wiring.linkTowards(node.id, app.peer);
  let lastSent = { seq: 0, attempt: 0, at: 0 };
  const machine = pingerMachine.provide({
    actions: {
      sendRequest: (_, { seq, attempt }) => {
        const id = wiring.nextMessageId();
        lastSent = { seq, attempt, at: sim.now() };
        metrics.sent++;
        if (attempt > 0) metrics.retries++;
        sim.record({
          t: sim.now(),
          type: 'app.request',
          node: node.id,
          peer: app.peer,
          seq,
          attempt,
          msg: id,
        });
        const label = messageLabel('request', seq, attempt);
        link.send(node.id, {
          id,
          label,
          bytes: app.size ?? 56,
          kind: 'request',
          from: node.id,
          to: app.peer,
          seq,
          attempt,
        });
      },
      acceptReply: (_, { seq, attempt }) => {
        // Karn's idea: a reply to an earlier attempt cannot be timed against the latest send.
        const rtt =
          lastSent.seq === seq && lastSent.attempt === attempt ? sim.now() - lastSent.at : null;
        metrics.replies++;
        if (rtt !== null) metrics.rtts.push(rtt);
        sim.record({ t: sim.now(), type: 'app.reply', node: node.id, seq, attempt, rtt });
      },
      ignoreReply: (_, { seq, attempt }) => {
        metrics.lateReplies++;
        sim.record({ t: sim.now(), type: 'app.lateReply', node: node.id, seq, attempt });
      },
      noteTimeout: (_, { seq, attempt }) =>
        sim.record({ t: sim.now(), type: 'app.timeout', node: node.id, seq, attempt }),
      giveUp: (_, { seq }) => {
        metrics.lost++;
        sim.record({
          t: sim.now(),
          type: 'app.timeout',
          node: node.id,
          seq,
          attempt: lastSent.attempt,
        });
        sim.record({ t: sim.now(), type: 'app.giveUp', node: node.id, seq });
      },
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: {
      count: app.count ?? 4,
      timeoutMs: (app.timeout ?? 1000 * NS_PER_MS) / NS_PER_MS,
      intervalMs: (app.interval ?? 1000 * NS_PER_MS) / NS_PER_MS,
      retries: app.retries ?? 2,
      startMs: (app.start ?? 0) / NS_PER_MS,
    },
  });
  const inbox = wiring.inbox.get(node.id) ?? {};
  inbox.reply = (m) => {
    if (m.from === app.peer) actor.send({ type: 'net.reply', seq: m.seq, attempt: m.attempt });
  };
  wiring.inbox.set(node.id, inbox);
  traceStates(sim, actor, node.id, 'pinger');
  actor.start();
  return metrics;
}

function startEchoServer(wiring: Wiring, node: ScenarioNode, app: EchoApp): EchoMetrics {
  const { sim } = wiring;
  const metrics: EchoMetrics = { node: node.id, served: 0, maxQueue: 0 };
  const machine = echoServerMachine.provide({
    actions: {
      sendReply: (_, request: EchoRequest) => {
        const id = wiring.nextMessageId();
        metrics.served++;
        sim.record({
          t: sim.now(),
          type: 'app.serve',
          node: node.id,
          client: request.from,
          seq: request.seq,
          attempt: request.attempt,
          msg: id,
        });
        const label = messageLabel('reply', request.seq, request.attempt);
        wiring.linkTowards(node.id, request.from).send(node.id, {
          id,
          label,
          bytes: request.size,
          kind: 'reply',
          from: node.id,
          to: request.from,
          seq: request.seq,
          attempt: request.attempt,
        });
      },
    },
  });
  const actor = createActor(machine, {
    clock: sim.clock,
    input: { serviceMs: (app.serviceTime ?? 0) / NS_PER_MS },
  });
  const inbox = wiring.inbox.get(node.id) ?? {};
  inbox.request = (m) => {
    actor.send({
      type: 'net.request',
      request: { from: m.from, seq: m.seq, attempt: m.attempt, size: m.bytes },
    });
    metrics.maxQueue = Math.max(metrics.maxQueue, actor.getSnapshot().context.queue.length);
  };
  wiring.inbox.set(node.id, inbox);
  traceStates(sim, actor, node.id, 'echo');
  actor.start();
  return metrics;
}
