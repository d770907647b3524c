// The words of the summary cards every kind shares (a server process's card, a CPU's card, a
// tally, a missing value), in each language: the English catalog and its translations.

import { Phrasebook } from '../../engine/language.ts';
import { SUMMARY_DE } from './summaryPhrases.de.ts';

export const SUMMARY_EN = {
  'tally.none': 'none',
  'tally.other': 'other',
  'tally.item': '{count} × {what}',
  'server.kind': '{model} server on port {port}',
  'server.connections': 'Connections',
  'server.refused': 'Refused',
  'server.replied': 'Replied',
  'server.repliedValue': '{replies} of {requests}',
  'server.statuses': 'Statuses',
  'server.latency': 'Latency mean / p95',
  'server.mostWaiting': 'Most waiting',
  'server.limited': 'Over the rate limit',
  'retry.retries': 'Retries',
  'retry.recovered': 'Answered after retrying',
  'retry.gaveUp': 'Given up',
  'cpu.kind': { one: 'CPU, {count} core, {policy}', other: 'CPU, {count} cores, {policy}' },
  'cpu.jobsDone': 'Jobs done',
  'cpu.utilization': 'Utilization',
  'cpu.utilizationValue': '{percent}%',
  'cpu.meanWaiting': 'Mean waiting',
  'cpu.meanResponse': 'Mean response',
  'cpu.longestRunQueue': 'Longest run queue',
  'cpu.contextSwitches': 'Context switches',
  'fragments.kind': 'Fragments and path MTU',
  'fragments.cut': 'Datagrams cut into fragments',
  'fragments.cutValue': '{datagrams} ({fragments} fragments)',
  'fragments.reassembled': 'Datagrams reassembled',
  'fragments.timedOut': 'Reassemblies timed out',
  'fragments.tooBig': 'Too big, with Don’t Fragment',
  'fragments.pathMtu': 'Path MTU to {dst}',
  'fragments.bytes': '{mtu} bytes',
  'failures.kind': 'Crashes',
  'failures.crashes': 'Crashed',
  'failures.restarts': 'Restarted',
  'failures.down': 'Time down',
  'failures.dropped': 'Packets dropped while down',
} as const;

export const summaryPhrases = new Phrasebook(SUMMARY_EN, { de: SUMMARY_DE });
