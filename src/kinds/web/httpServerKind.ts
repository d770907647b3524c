// The httpServer kind: a web server process serving a static site, a small API and accounts, over
// HTTP or HTTPS, each request costing CPU time on the node. Its schema and checks, always loaded;
// how it runs and its figures are in httpServerBehaviour.ts, loaded when a scenario has such an
// app.

import type { ValidationIssue } from '../../sim/schema/schema.ts';
import { bookPhrase, phrased } from '../../sim/schema/phrase.ts';
import { webCheckPhrases } from './webCheckPhrases.ts';
import { defineAppKind } from '../../sim/kinds/appKind.ts';
import type { ServerFigures } from '../../sim/summary/serverFigures.ts';
import { httpServerApp, type HttpServerApp } from './webSchemas.ts';

export const httpServerKind = defineAppKind<HttpServerApp, ServerFigures>({
  type: 'httpServer',
  schema: httpServerApp,
  traceName: 'web',
  nameOf: (app) => app.name,
  usesCpu: true,
  listens: (app) => ({ protocol: 'tcp', port: app.port ?? (app.tls ? 443 : 80) }),
  check: (app, { path }, issues) => checkSite(app, path, issues),
  behaviour: () => import('./httpServerBehaviour.ts').then((module) => module.httpServerBehaviour),
});

/** A site with one path twice, or a certificate that expires before it starts. */
function checkSite(app: HttpServerApp, path: string, issues: ValidationIssue[]): void {
  const paths = new Map<string, number>();
  app.site?.forEach((resource, k) => {
    const first = paths.get(resource.path);
    if (first !== undefined)
      issues.push(
        phrased(
          `${path}.site[${k}].path`,
          bookPhrase(webCheckPhrases, 'check.duplicatePath', {
            path: resource.path,
            first: String(first),
          }),
        ),
      );
    else paths.set(resource.path, k);
  });
  const certificate = app.tls?.certificate;
  if (
    certificate?.notBefore !== undefined &&
    certificate.notAfter !== undefined &&
    certificate.notAfter < certificate.notBefore
  )
    issues.push(
      phrased(
        `${path}.tls.certificate.notAfter`,
        bookPhrase(webCheckPhrases, 'check.certificateOrder'),
      ),
    );
}
