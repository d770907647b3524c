// Checks of a node's applications that a schema cannot make, for every kind alike: the node has
// an address to send from, the peer an app names exists (or its DNS name can be resolved), two
// servers never take one port or one name, a server is not named like a client in the trace;
// then each kind's own checks. (A page may reference a missing path: browsers then get a 404.)

import type { ValidationIssue } from '../schema/schema.ts';
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
    const addressed = node.interfaces?.some((x) => x.address) ?? false;
    (node.apps ?? []).forEach((app, j) => {
      const path = `$.nodes[${i}].apps[${j}]`;
      const kind = kindOf(app);
      if (!addressed) {
        issues.push({
          path,
          message: `${node.id} has no address, so its ${app.type} app cannot send or receive`,
        });
        return;
      }
      const target = kind.target?.(app);
      if (target && isHostName(target.value)) {
        // Resolved by DNS at run time, so the node needs a resolver.
        if (!node.dns)
          issues.push({
            path: `${path}.${target.field}`,
            message: `"${target.value}" is a host name, so ${node.id} needs a DNS server: add "dns": { "server": "<node id or IPv4 address>" } to the node`,
          });
      } else if (target)
        checkPeer(scenario, target.value, `${path}.${target.field}`, known, issues);

      const socket = kind.listens?.(app);
      if (socket) {
        const key = `${socket.protocol}/${socket.port}`;
        const first = ports.get(key);
        if (first !== undefined)
          issues.push({
            path: `${path}.port`,
            message: `${socket.protocol.toUpperCase()} port ${socket.port} is already taken by apps[${first}] on ${node.id}`,
          });
        else ports.set(key, j);
      }

      if (kind.nameOf) {
        const name = labels[j] as string;
        const first = names.get(name);
        if (NUMBERED.test(name))
          issues.push({
            path: `${path}.name`,
            message: `"${name}" is the name of a client or built-in app in the trace; choose another`,
          });
        else if (first !== undefined)
          issues.push({
            path: `${path}.name`,
            message: `the name "${name}" is already used by apps[${first}] on ${node.id}; give each server its own name`,
          });
        else names.set(name, j);
      }
      kind.check?.(app, { path, node: node.id }, issues);
    });
  });
}
