#!/usr/bin/env node
// Entry point of the `handshake` command: loads the CLI (a cached bundle of src/, or the
// TypeScript through tsx: cliBundle.js) and runs it.
// Exit statuses are listed in src/cli/exitCodes.ts (and `handshake help`).
import { loadCli } from './cliBundle.js';

const { main, loadEveryKind, endQuietlyOnClosedPipe } = await loadCli();
// The command runs any scenario or lesson: every kind's behaviour is loaded before it starts.
await loadEveryKind();
endQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
