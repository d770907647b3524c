// A bulk transfer's words for people in each language: the sender's and the sink's summary cards
// (with the transfer's outcome) and their sentences in the event log (their phases, what they
// write and read, why they stop); its check's words are in bulkCheckPhrases.ts. bulkPhrases.de.ts
// translates them.

import { Phrasebook } from '../../engine/language.ts';
import { BULK_DE } from './bulkPhrases.de.ts';

export const BULK_EN = {
  'send.kind': 'TCP upload from {node}',
  'send.written': 'Written',
  'send.writtenValue': '{written} of {bytes} bytes',
  'send.outcome': 'Outcome',
  // The outcome, as describeTransfer (bulkSendKind.ts) writes it for the CLI.
  'outcome.failed': 'failed: {error} after writing {written} of {bytes} bytes',
  'outcome.unfinished': 'not finished: {written} of {bytes} bytes written',
  'outcome.done': '{bytes} bytes in {time} after connecting ({rate} goodput)',
  'sink.kind': 'TCP sink on port {port}',
  'sink.connections': 'Connections',
  'sink.bytesReceived': 'Bytes received',
  app: '{node}’s {app} app',
  state: '{who} is now {state}.',
  // The phases of each app, as words after "is now".
  'sender.waiting': 'waiting for its start time',
  'sender.connecting': 'connecting',
  'sender.sending': 'sending data',
  'sender.closing': 'closing: all its data is handed to TCP, which sends a FIN after the last byte',
  'sender.done': 'done: every byte and the FIN are acknowledged',
  'sender.failed': 'stopped by an error',
  'sink.starting': 'starting',
  'sink.idle': 'idle, waiting for connections',
  'sink.receiving': 'receiving data',
  'sink.failed': 'stopped by an error',
  'send.error': '{who} gives up: its connection failed with {error}.',
  'send.write': '{who} hands {bytes} more bytes to TCP ({written} so far).',
  'sink.error': '{who} cannot start: {op} failed with {error}.',
  'sink.accept': '{who} accepts the connection from {peer}.',
  'sink.read': '{who} reads {bytes} bytes from {peer}.',
} as const;

export const bulkPhrases = new Phrasebook(BULK_EN, { de: BULK_DE });
