// A Vite dev-server plugin: serves the embed module's built name (handshake-sim.js) from its
// source, so pages like public/demo.html work under `npm start` as they do in the build.
import type { Plugin } from 'vite';

export function embedDevModule(entry = '/src/embed/element.ts'): Plugin {
  return {
    name: 'handshake-embed-dev-module',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url === '/handshake-sim.js' || request.url?.startsWith('/handshake-sim.js?'))
          request.url = entry;
        next();
      });
    },
  };
}
