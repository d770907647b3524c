// A small scenario document with one timed event of each kind (a link down, a fetch and a ping at
// one moment, a transfer), shared by the tests of the timeline's events (src/viz/trace) and of the
// editor's commands on them (src/viz/editor).

export const timedEventsDocument = {
  format: 'handshake/scenario@1',
  name: 'two',
  nodes: [
    {
      id: 'pc',
      role: 'client',
      label: 'Laptop',
      interfaces: [{ name: 'e', address: '10.0.0.1/24' }],
    },
    {
      id: 'web',
      role: 'server',
      label: 'Web server',
      interfaces: [{ name: 'e', address: '10.0.0.2/24' }],
      apps: [{ type: 'httpServer' }, { type: 'sink' }],
    },
  ],
  links: [{ id: 'lan', a: 'pc', b: 'web', latency: '1ms' }],
  events: [
    { at: '3s', type: 'linkDown', link: 'lan' },
    { at: '1500ms', type: 'fetch', node: 'pc', server: 'web', path: '/a.html' },
    { at: '1500ms', type: 'ping', node: 'pc', target: 'web', count: 3 },
    { at: '2s', type: 'transfer', node: 'pc', target: '10.0.0.2', bytes: 20000 },
  ],
};
