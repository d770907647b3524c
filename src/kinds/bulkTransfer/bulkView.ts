// How a bulk transfer looks: the bulk sender's and the sink's summary cards, their sentences in
// the event log (their phases, what they write and read, why they stop) and their machines.

import { defineAppView } from '../../viz/kinds/kindView.ts';
import { describeTransfer, type BulkSendApp, type BulkSendFigures } from './bulkSendKind.ts';
import { bulkSendMachine } from './bulkSendMachine.ts';
import type { SinkApp, SinkFigures } from './sinkKind.ts';
import { sinkMachine } from './sinkMachine.ts';
import './bulkTrace.ts';

/** The phases of each app, as words after "is now". */
const SENDER_STATES: Record<string, string> = {
  waiting: 'waiting for its start time',
  connecting: 'connecting',
  sending: 'sending data',
  closing: 'closing: all its data is handed to TCP, which sends a FIN after the last byte',
  done: 'done: every byte and the FIN are acknowledged',
  failed: 'stopped by an error',
};
const SINK_STATES: Record<string, string> = {
  starting: 'starting',
  idle: 'idle, waiting for connections',
  receiving: 'receiving data',
  failed: 'stopped by an error',
};

export const bulkSendView = defineAppView<BulkSendApp, BulkSendFigures>({
  type: 'bulkSend',
  talksTo: 'sink',
  card: (b, names) => ({
    id: `bulkSend-${b.node}`,
    title: `${names.name(b.node)} → ${names.endpoint(b.peer)}`,
    kind: `TCP upload from ${b.node}`,
    figures: [
      ['Written', `${b.written} of ${b.bytes} bytes`, 'written'],
      ['Outcome', describeTransfer(b), 'outcome'],
    ],
  }),
  narration: {
    types: ['app.state', 'app.error', 'app.write'],
    narrator:
      ({ names }) =>
      (record) => {
        const who = (node: string, app: string) => `${names.name(node)}’s ${app} app`;
        switch (record.type) {
          case 'app.state': {
            const state = SENDER_STATES[record.state];
            return state === undefined
              ? null
              : { kind: 'state', text: `${who(record.node, record.app)} is now ${state}.` };
          }
          case 'app.error':
            return {
              kind: 'error',
              text: `${who(record.node, record.app)} gives up: its connection failed with ${record.error}.`,
            };
          case 'app.write':
            return {
              kind: 'detail',
              text: `${who(record.node, record.app)} hands ${record.bytes} more bytes to TCP (${record.written} so far).`,
            };
          default:
            return null;
        }
      },
  },
  logGroups: { 'app.write': () => 'packets' },
  machine: () => ({ key: 'bulkSend', machine: bulkSendMachine }),
});

export const sinkView = defineAppView<SinkApp, SinkFigures>({
  type: 'sink',
  card: (k, names) => ({
    id: `sink-${k.node}`,
    title: names.name(k.node),
    kind: `TCP sink on port ${k.port}`,
    figures: [
      ['Connections', String(k.connections), 'connections'],
      ['Bytes received', String(k.bytesReceived), 'bytesReceived'],
    ],
  }),
  narration: {
    types: ['app.state', 'app.error', 'app.accept', 'app.read'],
    narrator:
      ({ names }) =>
      (record) => {
        const who = (node: string, app: string) => `${names.name(node)}’s ${app} app`;
        switch (record.type) {
          case 'app.state': {
            const state = SINK_STATES[record.state];
            return state === undefined
              ? null
              : { kind: 'state', text: `${who(record.node, record.app)} is now ${state}.` };
          }
          case 'app.error':
            return {
              kind: 'error',
              text: `${who(record.node, record.app)} cannot start: ${record.op} failed with ${record.error}.`,
            };
          case 'app.accept':
            return {
              kind: 'socket',
              text: `${who(record.node, record.app)} accepts the connection from ${names.endpoint(record.conn)}.`,
            };
          case 'app.read':
            return {
              kind: 'detail',
              text: `${who(record.node, record.app)} reads ${record.bytes} bytes from ${names.endpoint(record.conn)}.`,
            };
          default:
            return null;
        }
      },
  },
  logGroups: { 'app.accept': () => 'states', 'app.read': () => 'packets' },
  machine: () => ({ key: 'sink', machine: sinkMachine }),
});
