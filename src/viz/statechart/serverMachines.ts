// The machines behind a server process's `app.state` records, for the server kinds' views: each
// thread (`web/w1`, `web/t3`, `web/loop`) is a serverWorkerMachine; the process itself (`web`)
// only records that it listens.

import { serverWorkerMachine } from '../../machines/server/serverWorkerMachine.ts';
import type { AppMachine } from '../kinds/kindView.ts';

/** Names of a server's threads in the trace. */
const THREAD = /\/(?:w\d+|t\d+|loop)$/;

/** The machine of a server app's thread, by its name in the trace. */
export function serverThreadMachine(name: string): AppMachine | undefined {
  return THREAD.test(name) ? { key: 'serverWorker', machine: serverWorkerMachine } : undefined;
}

/** Whether `name` is a server thread's (listed under Processes, not as an application). */
export function isServerThread(name: string): boolean {
  return THREAD.test(name);
}
