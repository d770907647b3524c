// A load balancer's active health checks: every `interval`, each backend is checked once. Layer 4
// opens a TCP connection (it passes once the handshake completes, and the connection is reset at
// once, as HAProxy's plain `check` does); layer 7 sends `GET path` and passes on a 2xx or 3xx
// answer. A check not done within `timeout` fails (ETIMEDOUT). Each outcome goes to the
// backend's health machine through the balancer, which records it (`lb.check`). The timers are
// plain engine events.

import { encodeHttpRequest, makeRequest } from '../../net/app/http/httpMessage.ts';
import { HttpResponseParser } from '../../net/app/http/httpParser.ts';
import type { EventId } from '../../engine/eventQueue.ts';
import type { TcpConnection } from '../../machines/tcp/tcpConnection.ts';
import type { LiveBackend, LoadBalancer } from './loadBalancer.ts';

/** Starts checking every backend of `lb`, the first checks at once. */
export function startHealthChecks(lb: LoadBalancer): void {
  const { interval } = lb.config.healthCheck;
  const round = (): void => {
    for (const backend of lb.backends) checkOnce(lb, backend);
    lb.sim.schedule(interval, round);
  };
  lb.sim.schedule(0, round);
}

/** One check of one backend; reports to the balancer exactly once. */
function checkOnce(lb: LoadBalancer, backend: LiveBackend): void {
  const { sim, tcp, config } = lb;
  const check: { done: boolean; timer?: EventId } = { done: false };
  const finish = (error: string | null): void => {
    if (check.done) return;
    check.done = true;
    if (check.timer !== undefined) sim.cancel(check.timer);
    lb.checked(backend, error);
  };
  const opened = tcp.connect(backend.spec.address, backend.spec.port);
  if (!opened.ok) return finish(opened.error);
  const c: TcpConnection = opened.value;
  check.timer = sim.schedule(config.healthCheck.timeout, () => {
    finish('ETIMEDOUT');
    c.abort();
  });
  c.handlers.onError = (error) => finish(error);
  if (config.mode === 'l4') {
    c.handlers.onConnect = () => {
      finish(null);
      c.abort();
    };
    return;
  }
  const parser = new HttpResponseParser();
  const answered = (events: ReturnType<HttpResponseParser['push']>): void => {
    for (const event of events) {
      if (event.kind === 'error') finish(`bad response: ${event.reason}`);
      else {
        const { status } = event.message;
        finish(status >= 200 && status < 400 ? null : `status ${status}`);
      }
    }
  };
  c.handlers.onConnect = () => {
    const request = makeRequest('GET', config.healthCheck.path, [
      ['Host', backend.id],
      ['User-Agent', 'handshake-lb-check/1'],
      ['Connection', 'close'],
    ]);
    parser.expect('GET');
    c.send(encodeHttpRequest(request));
  };
  c.handlers.onData = (bytes) => {
    answered(parser.push(bytes));
    if (check.done) c.close();
  };
  c.handlers.onEnd = () => {
    answered(parser.end());
    finish('ECONNRESET');
    c.close();
  };
}
