// The service behaviour: a generic request/response server (a database, a cache) answering line-
// based queries, each costing its service time on the node's CPU. How it starts on a node, and its
// figures from the server's records.

import { NS_PER_S } from '../../engine/time.ts';
import { ServerProcess } from '../../machines/server/serverProcess.ts';
import type { ServerProcessOptions } from '../../machines/server/serverConfig.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { serverProcessOptions, startServer } from '../../sim/build/serverOptions.ts';
import { serverFigures, serverLine, type ServerFigures } from '../../sim/summary/serverFigures.ts';
import { DEFAULT_SERVICE_PORT, ServiceProtocol } from './serviceProtocol.ts';
import { type ServiceServerApp } from './serviceSchemas.ts';

/** The server's settings with every default filled in. */
function options(node: string, app: ServiceServerApp): ServerProcessOptions {
  return serverProcessOptions(node, app.name ?? 'db', app, {
    port: DEFAULT_SERVICE_PORT,
    keepAliveTimeout: 30 * NS_PER_S,
  });
}

export const serviceBehaviour = defineAppBehaviour<ServiceServerApp, ServerFigures>({
  start({ sim, host, node, cpu }, app) {
    const protocol = new ServiceProtocol(app.replySize ?? 200);
    startServer(sim, new ServerProcess(sim, host.tcp, cpu(), protocol, options(node, app)));
  },
  figures: {
    fold: ({ node, app }) => serverFigures(options(node, app)),
    lines: (w) => [serverLine('service', w, false)],
  },
});
