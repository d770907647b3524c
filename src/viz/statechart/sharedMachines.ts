// The machines several kinds share, behind their `app.state` records: a server process's threads
// (`web/w1`, `web/t3`, `web/loop`: serverWorkerMachine; the process itself, `web`, only records
// that it listens) and a client app's users (`http`, `http/u3`: userMachine).

import { serverWorkerMachine } from '../../machines/server/serverWorkerMachine.ts';
import { userMachine } from '../../machines/userMachine.ts';
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

/** The user machine, for every user of a client app (`http`, `http/u3`, `service2/v7`). */
export function userMachineOf(): AppMachine {
  return { key: 'user', machine: userMachine };
}
