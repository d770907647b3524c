// Checks of a node's applications that a schema cannot make, for every kind alike: the node has
// an address to send from, the peer an app names exists (or its DNS name can be resolved), two
// servers never take one port or one name, a server is not named like a client in the trace;
// then each kind's own checks. (A page may reference a missing path: browsers then get a 404.)

import type { ValidationIssue } from '../schema/schema.ts';
import { phrase, phrased } from '../schema/phrase.ts';
import { appLabels, kindOf } from '../kinds/appInstances.ts';
import { APP_KINDS } from '../kinds/kindRegistry.ts';
import { checkPeer, isHostName, type KnownNetwork } from './checkReferences.ts';
import type { Scenario } from './scenarioSchema.ts';

/** Names the trace gives apps that numbers (`http`, `http2`, `ftp`, `pinger`, ...). */
const NUMBERED = new RegExp(
  `^(?:${APP_KINDS.filter((k) => !('nameOf' in k))
    .map((k) => k.traceName)
    .join('|')})\\d*$`,
);

/** Adds an issue for every problem among the apps of every node. */
export function checkApps(
  scenario: Scenario,
  known: KnownNetwork,
  issues: ValidationIssue[],
): void {
  scenario.nodes.forEach((node, i) => {
    const ports = new Map<string, number>();
    const names = new Map<string, number>();
    const labels = appLabels(node);
    // An interface configured by DHCP has an address once its lease is bound.
    const addressed = node.interfaces?.some((x) => x.address || x.dhcp) ?? false;
    (node.apps ?? []).forEach((app, j) => {
      const path = `$.nodes[${i}].apps[${j}]`;
      const kind = kindOf(app);
      if (!addressed) {
        issues.push(phrased(path, phrase('app.unaddressed', { node: node.id, type: app.type })));
        return;
      }
      const target = kind.target?.(app);
      for (const each of [...(target ? [target] : []), ...(kind.targets?.(app) ?? [])]) {
        if (isHostName(each.value)) {
          // Resolved by DNS at run time, so the node needs a resolver.
          if (!node.dns)
            issues.push(
              phrased(
                `${path}.${each.field}`,
                phrase('app.needsDns', { name: each.value, node: node.id }),
              ),
            );
        } else checkPeer(scenario, each.value, `${path}.${each.field}`, known, issues);
      }

      const socket = kind.listens?.(app);
      if (socket) {
        const key = `${socket.protocol}/${socket.port}`;
        const first = ports.get(key);
        if (first !== undefined)
          issues.push(
            phrased(
              `${path}.port`,
              phrase('app.portTaken', {
                protocol: socket.protocol.toUpperCase(),
                port: `${socket.port}`,
                first: `${first}`,
                node: node.id,
              }),
            ),
          );
        else ports.set(key, j);
      }

      if (kind.nameOf) {
        const name = labels[j] as string;
        const first = names.get(name);
        if (NUMBERED.test(name))
          issues.push(phrased(`${path}.name`, phrase('app.reservedName', { name })));
        else if (first !== undefined)
          issues.push(
            phrased(
              `${path}.name`,
              phrase('app.nameTaken', { name, first: `${first}`, node: node.id }),
            ),
          );
        else names.set(name, j);
      }
      kind.check?.(app, { path, node: node.id, dns: !!node.dns, apps: node.apps ?? [] }, issues);
    });
  });
}
