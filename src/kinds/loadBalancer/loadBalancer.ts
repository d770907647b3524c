// A running load balancer: its backends (each with its health machine and its count of open
// connections or requests), the picker of its policy, and the records every pick and every
// outcome leaves in the trace. The proxies (tcpProxy.ts for layer 4, httpProxy.ts for layer 7)
// ask it for a backend and report back; healthChecks.ts checks every backend at each interval.
// Each pick is a plain call (DESIGN §4); whether a backend may be picked is its machine's state.

import { createActor, type Actor } from 'xstate';
import type { Simulator } from '../../engine/simulator.ts';
import { RateLimiter, type RateLimitSettings } from '../../machines/server/rateLimit.ts';
import type { TcpLayer } from '../../machines/tcp/tcpLayer.ts';
import { formatIpv4, type Ipv4Address } from '../../net/wire/ipv4Address.ts';
import type { Backend, BackendPicker } from './backendPicker.ts';
import { backendHealthMachine, type BackendHealthEvent } from './backendHealthMachine.ts';
import { createPicker, type PickPolicy } from './pickPolicy.ts';
import type { IpHashOctets } from './ipHashPicker.ts';
import './lbTrace.ts';

/** A backend as the balancer is given it: an address and port, and a weight. */
export interface BackendSpec {
  address: Ipv4Address;
  port: number;
  weight: number;
}

/** Active health checks (HAProxy's inter, timeout check, rise, fall). */
export interface HealthCheckConfig {
  /** From one check of a backend to the next, ns. */
  interval: number;
  /** A check not done by then fails, ns (at most the interval). */
  timeout: number;
  rise: number;
  fall: number;
  /** Layer 7: the path a check GETs. */
  path: string;
}

/** Everything a load balancer runs by, defaults filled in. */
export interface LoadBalancerConfig {
  node: string;
  /** Its name in the trace (`lb`). */
  app: string;
  port: number;
  mode: 'l4' | 'l7';
  policy: PickPolicy;
  hashOctets: IpHashOctets;
  backends: readonly BackendSpec[];
  healthCheck: HealthCheckConfig;
  /** How long a backend may take to accept a connection, ns. */
  connectTimeout: number;
  /** Layer 7: the longest wait for a response; layer 4: the longest idle time, ns. */
  timeout: number;
  /** Layer 7: the cookie that names a client's backend, or undefined for no sticky sessions. */
  stickyCookie: string | undefined;
  /** Requests (layer 7) or new connections (layer 4) over this rate are turned away; none: no limit. */
  rateLimit: RateLimitSettings | undefined;
}

/** One backend while the balancer runs. */
export class LiveBackend {
  /** `address:port`: its name in the trace and in a sticky cookie. */
  readonly id: string;
  /** Connections (layer 4) or requests (layer 7) sent to it and not ended yet. */
  active = 0;
  readonly health: Actor<typeof backendHealthMachine>;

  constructor(
    readonly spec: BackendSpec,
    health: Actor<typeof backendHealthMachine>,
  ) {
    this.id = `${formatIpv4(spec.address)}:${spec.port}`;
    this.health = health;
  }

  get healthy(): boolean {
    return this.health.getSnapshot().value === 'up';
  }
}

/** A pick: the backend chosen (or none healthy) and whether a sticky cookie chose it. */
export type Pick = { backend: LiveBackend; sticky: boolean } | null;

/** A load balancer's shared state: its backends, its policy's picker and its records. */
export class LoadBalancer {
  readonly backends: LiveBackend[];
  private readonly picker: BackendPicker;
  private readonly limiter: RateLimiter | undefined;

  constructor(
    readonly sim: Simulator,
    readonly tcp: TcpLayer,
    readonly config: LoadBalancerConfig,
  ) {
    const { node, app } = config;
    this.backends = config.backends.map((spec) => {
      const id = `${formatIpv4(spec.address)}:${spec.port}`;
      const machine = backendHealthMachine.provide({
        actions: {
          changed: (_, { healthy, cause }) =>
            sim.record({
              t: sim.now(),
              type: 'lb.health',
              node,
              app,
              backend: id,
              healthy,
              cause,
            }),
        },
      });
      const actor = createActor(machine, {
        clock: sim.clock,
        input: { rise: config.healthCheck.rise, fall: config.healthCheck.fall },
      });
      actor.start();
      return new LiveBackend(spec, actor);
    });
    const random = sim.random.stream(`node:${node}/${app}/pick`);
    this.limiter = config.rateLimit ? new RateLimiter(config.rateLimit) : undefined;
    this.picker = createPicker(config.policy, {
      random: () => random.float(),
      ipHashOctets: config.hashOctets,
    });
  }

  /**
   * Whether the rate limit lets a client's request (layer 7) or new connection (layer 4) through,
   * taking a token from its bucket if so; else records `lb.limit` and returns the settings the
   * refusal is made with (its status, its Retry-After). No limit: always let through.
   */
  admit(clientName: string): { admitted: true } | { admitted: false; limit: RateLimitSettings } {
    const { limiter, sim, config } = this;
    if (!limiter || limiter.admit(clientName, sim.now())) return { admitted: true };
    sim.record({
      t: sim.now(),
      type: 'lb.limit',
      node: config.node,
      app: config.app,
      client: clientName,
      key: limiter.keyOf(clientName),
      status: config.mode === 'l7' ? limiter.settings.status : null,
    });
    return { admitted: false, limit: limiter.settings };
  }

  /**
   * Picks a backend for a client (its address and `address:port`): the one its sticky cookie
   * names if that one is healthy, else the policy's choice. Records the pick, or `lb.noBackend`;
   * a picked backend counts one more active connection or request until `ended` or `failed`.
   */
  pick(client: Ipv4Address, clientName: string, cookie?: string): Pick {
    const { sim, config } = this;
    let backend: LiveBackend | undefined;
    let sticky = false;
    if (cookie !== undefined) {
      backend = this.backends.find((b) => b.id === cookie && b.healthy);
      sticky = backend !== undefined;
    }
    if (!backend) {
      const views: Backend[] = this.backends.map((b) => ({
        id: b.id,
        weight: b.spec.weight,
        healthy: b.healthy,
        active: b.active,
      }));
      const id = this.picker.pick(views, { client });
      backend = id === null ? undefined : this.backends.find((b) => b.id === id);
    }
    if (!backend) {
      sim.record({
        t: sim.now(),
        type: 'lb.noBackend',
        node: config.node,
        app: config.app,
        client: clientName,
      });
      return null;
    }
    backend.active++;
    sim.record({
      t: sim.now(),
      type: 'lb.pick',
      node: config.node,
      app: config.app,
      client: clientName,
      backend: backend.id,
      sticky,
    });
    return { backend, sticky };
  }

  /** A connection or request sent to `backend` ended normally (`status`: the response relayed). */
  ended(backend: LiveBackend, clientName: string, status: number | null): void {
    backend.active--;
    const { sim, config } = this;
    sim.record({
      t: sim.now(),
      type: 'lb.done',
      node: config.node,
      app: config.app,
      client: clientName,
      backend: backend.id,
      status,
    });
  }

  /**
   * Forwarding to `backend` failed with `error`; the client got `status` (or a closed
   * connection). Counts as a failure toward the backend's `fall` (passive detection).
   */
  failed(backend: LiveBackend, clientName: string, error: string, status: number | null): void {
    backend.active--;
    const { sim, config } = this;
    sim.record({
      t: sim.now(),
      type: 'lb.failure',
      node: config.node,
      app: config.app,
      client: clientName,
      backend: backend.id,
      error,
      status,
    });
    this.tell(backend, { type: 'request.fail' });
  }

  /** An active health check of `backend` passed, or failed with `error`. */
  checked(backend: LiveBackend, error: string | null): void {
    const { sim, config } = this;
    sim.record({
      t: sim.now(),
      type: 'lb.check',
      node: config.node,
      app: config.app,
      backend: backend.id,
      ok: error === null,
      error: error ?? '',
    });
    this.tell(backend, { type: error === null ? 'check.pass' : 'check.fail' });
  }

  private tell(backend: LiveBackend, event: BackendHealthEvent): void {
    backend.health.send(event);
  }
}
