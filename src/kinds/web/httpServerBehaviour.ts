// The httpServer behaviour: a web server process serving a static site, a small API and accounts,
// over HTTP or HTTPS, each request costing CPU time on the node. How it starts on a node, and its
// figures from the server's records.

import { NS_PER_S } from '../../engine/time.ts';
import { ServerProcess } from '../../machines/server/serverProcess.ts';
import type { ServerProcessOptions } from '../../machines/server/serverConfig.ts';
import { defineAppBehaviour } from '../../sim/kinds/appKind.ts';
import { serverProcessOptions, startServer } from '../../sim/build/serverOptions.ts';
import { serverFigures, serverLine, type ServerFigures } from '../../sim/summary/serverFigures.ts';
import { AuthStore } from './httpAuth.ts';
import { HttpServerProtocol } from './httpServerProtocol.ts';
import { HttpsServerProtocol } from './httpsServerProtocol.ts';
import { buildSite, DEFAULT_SITE } from './httpSite.ts';
import { leafCertificate, randomBytes } from './tlsEndpoints.ts';
import { type HttpServerApp } from './webSchemas.ts';

/** The server's settings with every default filled in. */
function options(node: string, app: HttpServerApp): ServerProcessOptions {
  return serverProcessOptions(node, app.name ?? 'web', app, {
    port: app.tls ? 443 : 80,
    keepAliveTimeout: 5 * NS_PER_S,
  });
}

export const httpServerBehaviour = defineAppBehaviour<HttpServerApp, ServerFigures>({
  start({ sim, host, node, label, cpu }, app) {
    const site = buildSite(app.site ?? DEFAULT_SITE);
    const auth = app.auth
      ? new AuthStore(app.auth, sim.random.stream(`node:${node}/${label}/sessions`))
      : undefined;
    const http = new HttpServerProtocol(node, site, auth);
    const protocol = app.tls
      ? new HttpsServerProtocol(
          sim,
          node,
          http,
          [leafCertificate(node, app.tls.certificate)],
          randomBytes(sim.random.stream(`node:${node}/${label}/tls`)),
        )
      : http;
    startServer(sim, new ServerProcess(sim, host.tcp, cpu(), protocol, options(node, app)));
  },
  figures: {
    fold: ({ node, app }) => serverFigures(options(node, app)),
    lines: (w) => [serverLine('server', w, true)],
  },
});
