// The loadBalancer behaviour: how a load balancer starts on a node (it listens, checks its
// backends and proxies each connection, layer 4, or request, layer 7), and its figures from its
// own records: per backend, the requests picked for it and their share, the failures, its health.

import { formatIpv4 } from '../../net/wire/ipv4Address.ts';
import { rateLimitSettings } from '../../sim/scenario/overloadSchemas.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { HttpProxySession } from './httpProxy.ts';
import { startHealthChecks } from './healthChecks.ts';
import { LB_DEFAULTS, resolvedBackends, type LoadBalancerApp } from './lbSchemas.ts';
import { LoadBalancer, type LoadBalancerConfig } from './loadBalancer.ts';
import type { PickPolicy } from './pickPolicy.ts';
import { TcpProxySession } from './tcpProxy.ts';
import type { Ipv4Address } from '../../net/wire/ipv4Address.ts';
import './lbTrace.ts';

/** One backend's figures. */
export interface BackendFigures {
  /** `address:port`, as the trace names it. */
  backend: string;
  weight: number;
  /** Connections (layer 4) or requests (layer 7) picked for it. */
  requests: number;
  /** Its part of all the picks, 0 to 1 (0 when there was none). */
  share: number;
  /** Of those, the ones it failed (refused, reset, timed out, a bad answer). */
  failures: number;
  /** Health checks it failed. */
  failedChecks: number;
  /** Whether it was healthy at the end (or at the moment shown). */
  healthy: boolean;
  /** Times it was taken out. */
  downs: number;
}

/** What a load balancer did. */
export interface LoadBalancerFigures {
  node: string;
  app: string;
  port: number;
  mode: 'l4' | 'l7';
  policy: PickPolicy;
  /** Picks made (every connection or request that found a backend). */
  picks: number;
  /** Connections or requests turned away because no backend was healthy. */
  unserved: number;
  /** With a `rateLimit`: requests (layer 7) or connections (layer 4) it turned away. */
  limited?: number;
  backends: BackendFigures[];
}

/** The balancer's settings with every default filled in, backends by address. */
export function loadBalancerConfig(
  node: string,
  label: string,
  app: LoadBalancerApp,
  addressOf: (peer: string) => Ipv4Address | undefined,
): LoadBalancerConfig {
  const check = app.healthCheck ?? {};
  return {
    node,
    app: label,
    port: app.port ?? LB_DEFAULTS.port,
    mode: app.mode ?? LB_DEFAULTS.mode,
    policy: app.policy ?? LB_DEFAULTS.policy,
    hashOctets: app.hashOctets === 4 ? 4 : LB_DEFAULTS.hashOctets,
    backends: resolvedBackends(app, addressOf),
    healthCheck: {
      interval: check.interval ?? LB_DEFAULTS.interval,
      timeout: check.timeout ?? LB_DEFAULTS.checkTimeout,
      rise: check.rise ?? LB_DEFAULTS.rise,
      fall: check.fall ?? LB_DEFAULTS.fall,
      path: check.path ?? LB_DEFAULTS.path,
    },
    connectTimeout: app.connectTimeout ?? LB_DEFAULTS.connectTimeout,
    timeout: app.timeout ?? LB_DEFAULTS.timeout,
    stickyCookie: app.sticky === undefined ? undefined : (app.sticky.cookie ?? LB_DEFAULTS.cookie),
    rateLimit: app.rateLimit === undefined ? undefined : rateLimitSettings(app.rateLimit),
  };
}

export const loadBalancerBehaviour = defineAppBehaviour<LoadBalancerApp, LoadBalancerFigures>({
  start({ sim, host, node, label, addressOf }, app) {
    const config = loadBalancerConfig(node, label, app, addressOf);
    const listening = host.tcp.listen(config.port);
    if (!listening.ok) {
      sim.record({
        t: sim.now(),
        type: 'app.error',
        node,
        app: label,
        op: 'listen',
        error: listening.error,
      });
      return;
    }
    const lb = new LoadBalancer(sim, host.tcp, config);
    const listener = listening.value;
    listener.onConnection = () => {
      for (let c = listener.accept(); c.ok; c = listener.accept()) {
        if (config.mode === 'l4') new TcpProxySession(lb, c.value);
        else new HttpProxySession(lb, c.value);
      }
    };
    startHealthChecks(lb);
  },
  figures: {
    fold({ node, label, app, addressOf }) {
      const config = loadBalancerConfig(node, label, app, addressOf);
      const backends = config.backends.map((b): BackendFigures => ({
        backend: `${formatIpv4(b.address)}:${b.port}`,
        weight: b.weight,
        requests: 0,
        share: 0,
        failures: 0,
        failedChecks: 0,
        healthy: true,
        downs: 0,
      }));
      const byId = new Map(backends.map((b) => [b.backend, b]));
      let picks = 0;
      let unserved = 0;
      let limited = 0;
      return {
        types: ['lb.pick', 'lb.noBackend', 'lb.limit', 'lb.failure', 'lb.check', 'lb.health'],
        add(record) {
          switch (record.type) {
            case 'lb.pick': {
              const b = byId.get(record.backend);
              if (b) b.requests++;
              picks++;
              break;
            }
            case 'lb.noBackend':
              unserved++;
              break;
            case 'lb.limit':
              limited++;
              break;
            case 'lb.failure': {
              const b = byId.get(record.backend);
              if (b) b.failures++;
              break;
            }
            case 'lb.check': {
              const b = byId.get(record.backend);
              if (b && !record.ok) b.failedChecks++;
              break;
            }
            case 'lb.health': {
              const b = byId.get(record.backend);
              if (!b) break;
              b.healthy = record.healthy;
              if (!record.healthy) b.downs++;
              break;
            }
          }
        },
        result: () => ({
          node,
          app: label,
          port: config.port,
          mode: config.mode,
          policy: config.policy,
          picks,
          unserved,
          ...(config.rateLimit ? { limited } : {}),
          backends: backends.map((b) => ({ ...b, share: picks === 0 ? 0 : b.requests / picks })),
        }),
      };
    },
    lines: (f) => [
      `balancer   ${f.node}:${f.port} (${f.mode}, ${f.policy}): ${f.picks} picks, ${f.unserved} without a backend` +
        (f.limited === undefined ? '' : `, ${f.limited} over the rate limit`),
      ...f.backends.map(
        (b) =>
          `  backend  ${b.backend}: ${b.healthy ? 'up' : 'down'}, ${b.requests} picks (${(b.share * 100).toFixed(1)}%), ` +
          `${b.failures} failed, ${b.failedChecks} checks failed, down ${b.downs} times`,
      ),
    ],
  },
});
