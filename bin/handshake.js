#!/usr/bin/env node
// Entry point of the `handshake` command: loads the CLI (a cached bundle of src/, or the
// TypeScript through tsx: cliBundle.js) and runs it.
// Exit statuses are listed in src/cli/exitCodes.ts (and `handshake help`).
import { loadCli } from './cliBundle.js';

const { main, endQuietlyOnClosedPipe } = await loadCli();
endQuietlyOnClosedPipe();
process.exitCode = main(process.argv.slice(2));
