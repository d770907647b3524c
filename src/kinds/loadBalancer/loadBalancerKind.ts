// The loadBalancer kind: spreads the TCP connections (layer 4) or HTTP requests (layer 7) it takes
// over its backends by a policy, leaving out those its health checks find down. Its schema and
// checks, always loaded; how it runs and its figures are in loadBalancerBehaviour.ts, loaded when
// a scenario has one.

import { formatDuration } from '../../engine/time.ts';
import type { ValidationIssue } from '../../sim/schema/schema.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { defineAppKind, type AppAt } from '../../sim/kinds/appKind.ts';
import { checkTimes, LB_DEFAULTS, loadBalancerApp, type LoadBalancerApp } from './lbSchemas.ts';
import { lbCheckPhrases } from './lbCheckPhrases.ts';
import type { LoadBalancerFigures } from './loadBalancerBehaviour.ts';
import './lbTrace.ts';
export type { LoadBalancerFigures, BackendFigures } from './loadBalancerBehaviour.ts';

export const loadBalancerKind = defineAppKind<LoadBalancerApp, LoadBalancerFigures>({
  type: 'loadBalancer',
  schema: loadBalancerApp,
  traceName: 'lb',
  nameOf: (app) => app.name,
  listens: (app) => ({ protocol: 'tcp', port: app.port ?? LB_DEFAULTS.port }),
  targets: (app) =>
    app.backends.map((backend, k) => ({
      field: `backends[${k}].address`,
      value: backend.address,
      socket: { protocol: 'tcp', port: backend.port ?? 80 },
    })),
  check: checkLoadBalancer,
  behaviour: () =>
    import('./loadBalancerBehaviour.ts').then((module) => module.loadBalancerBehaviour),
});

/**
 * What a schema cannot see: a check timeout longer than its interval, settings only layer 7 can
 * use (sticky cookies, a check path, a rate limit's answer), a backend listed twice or that is
 * the balancer's own node.
 */
function checkLoadBalancer(
  app: LoadBalancerApp,
  { path, node }: AppAt,
  issues: ValidationIssue[],
): void {
  const { interval, timeout } = checkTimes(app);
  if (timeout > interval)
    issues.push(
      phrased(
        `${path}.healthCheck.timeout`,
        bookPhrase(lbCheckPhrases, 'check.timeoutOverInterval', {
          timeout: formatDuration(timeout),
          interval: formatDuration(interval),
        }),
      ),
    );
  const mode = app.mode ?? LB_DEFAULTS.mode;
  if (mode === 'l4' && app.sticky !== undefined)
    issues.push(phrased(`${path}.sticky`, bookPhrase(lbCheckPhrases, 'check.stickyNeedsL7')));
  if (mode === 'l4' && app.healthCheck?.path !== undefined)
    issues.push(
      phrased(`${path}.healthCheck.path`, bookPhrase(lbCheckPhrases, 'check.pathNeedsL7')),
    );
  for (const field of ['status', 'retryAfter'] as const)
    if (mode === 'l4' && app.rateLimit?.[field] !== undefined)
      issues.push(
        phrased(
          `${path}.rateLimit.${field}`,
          bookPhrase(lbCheckPhrases, 'check.limitAnswerNeedsL7', { field }),
        ),
      );
  const seen = new Map<string, number>();
  app.backends.forEach((backend, k) => {
    const named = `${backend.address}:${backend.port ?? 80}`;
    const first = seen.get(named);
    if (first !== undefined)
      issues.push(
        phrased(
          `${path}.backends[${k}]`,
          bookPhrase(lbCheckPhrases, 'check.duplicateBackend', {
            backend: named,
            first: String(first),
          }),
        ),
      );
    else seen.set(named, k);
    if (backend.address === node)
      issues.push(
        phrased(
          `${path}.backends[${k}].address`,
          bookPhrase(lbCheckPhrases, 'check.ownBackend', { backend: named, node }),
        ),
      );
  });
}
