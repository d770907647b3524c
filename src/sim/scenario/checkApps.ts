// Checks of a node's applications that a schema cannot make: two servers on one port, two apps
// with the same name (their trace records would mix), a web
// client given both a page and requests, a site with one path twice, and certificates that
// expire before they start. (A page may reference a missing path: browsers then get a 404.)

import type { ValidationIssue } from '../schema/schema.ts';
import type { Scenario, ScenarioApp } from './scenarioSchema.ts';

/** The port and protocol a server app listens on (defaults as the apps apply them). */
function listening(app: ScenarioApp): { protocol: 'tcp' | 'udp'; port: number } | undefined {
  switch (app.type) {
    case 'echo':
      return { protocol: 'udp', port: app.port ?? 7 };
    case 'dnsServer':
      return { protocol: 'udp', port: app.port ?? 53 };
    case 'sink':
      return { protocol: 'tcp', port: app.port ?? 5001 };
    case 'httpServer':
      return { protocol: 'tcp', port: app.port ?? (app.tls ? 443 : 80) };
    case 'service':
      return { protocol: 'tcp', port: app.port ?? 7000 };
    case 'ftpServer':
      return { protocol: 'tcp', port: app.port ?? 21 };
    default:
      return undefined;
  }
}

/** Names the trace gives clients and built-in apps (http, http2, service, ftp, pinger, ...). */
const RESERVED = /^(?:(?:http|service)\d*|ftp|pinger|echo|bulkSend|sink)$/;

/** The name a server app goes by in the trace. */
function serverName(app: ScenarioApp): string | undefined {
  if (app.type === 'httpServer') return app.name ?? 'web';
  if (app.type === 'service') return app.name ?? 'db';
  return undefined;
}

/** Adds an issue for every problem among the apps of every node. */
export function checkApps(scenario: Scenario, issues: ValidationIssue[]): void {
  scenario.nodes.forEach((node, i) => {
    const ports = new Map<string, number>();
    const names = new Map<string, number>();
    (node.apps ?? []).forEach((app, j) => {
      const path = `$.nodes[${i}].apps[${j}]`;
      const socket = listening(app);
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
      const name = serverName(app);
      if (name !== undefined && RESERVED.test(name))
        issues.push({
          path: `${path}.name`,
          message: `"${name}" is the name of a client or built-in app in the trace; choose another`,
        });
      else if (name !== undefined) {
        const first = names.get(name);
        if (first !== undefined)
          issues.push({
            path: `${path}.name`,
            message: `the name "${name}" is already used by apps[${first}] on ${node.id}; give each server its own name`,
          });
        else names.set(name, j);
      }
      if (app.type === 'httpClient' && app.page !== undefined && app.requests !== undefined)
        issues.push({ path, message: 'give either "page" or "requests", not both' });
      if (app.type === 'httpServer') checkSite(app, path, issues);
    });
  });
}

function checkSite(
  app: Extract<ScenarioApp, { type: 'httpServer' }>,
  path: string,
  issues: ValidationIssue[],
): void {
  const paths = new Map<string, number>();
  app.site?.forEach((resource, k) => {
    const first = paths.get(resource.path);
    if (first !== undefined)
      issues.push({
        path: `${path}.site[${k}].path`,
        message: `duplicates the path "${resource.path}" of site[${first}]`,
      });
    else paths.set(resource.path, k);
  });
  const certificate = app.tls?.certificate;
  if (
    certificate?.notBefore !== undefined &&
    certificate.notAfter !== undefined &&
    certificate.notAfter < certificate.notBefore
  )
    issues.push({
      path: `${path}.tls.certificate.notAfter`,
      message: 'the certificate expires before it becomes valid (notAfter < notBefore)',
    });
}
