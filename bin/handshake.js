#!/usr/bin/env node
// Entry point of the `handshake` command: loads the TypeScript CLI through tsx and runs it.
// Exit statuses are listed in src/cli/exitCodes.ts (and `handshake help`).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const { endQuietlyOnClosedPipe } = await import('../src/cli/processIo.ts');
endQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
