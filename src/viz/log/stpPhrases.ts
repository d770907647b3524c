// The event log's sentences for the spanning tree (narrateStp.ts): a switch's view of the root
// bridge, a port's role and state, flushed MAC tables and frames a blocked port drops. German in
// stpPhrases.de.ts. Role and state names are the standard's (IEEE 802.1D-2004), as tools print them.

import { Phrasebook } from '../../engine/language.ts';
import { STP_DE } from './stpPhrases.de.ts';

export const STP_EN = {
  selfRoot: '{node} (bridge {bridge}) has heard of no better bridge: it is the root bridge.',
  root: '{node} takes {root} as the root bridge, at cost {cost} through port {port}.',
  'port.root': 'Port {port} of {node} becomes its root port (towards the root bridge): {state}.',
  'port.designated': 'Port {port} of {node} is a designated port (away from the root): {state}.',
  'port.alternate':
    'Port {port} of {node} becomes an alternate port: the root is better reached another way, so it blocks data frames ({state}).',
  'port.backup': 'Port {port} of {node} becomes a backup port: {state}.',
  'port.disabled': 'Port {port} of {node} has no link: {state}.',
  'state.discarding': 'discarding',
  'state.learning': 'learning addresses, not forwarding yet',
  'state.forwarding': 'forwarding',
  'flush.portDown': '{node} forgets the MAC addresses behind port {port}, whose link went down.',
  'flush.tcDetected':
    'Port {port} of {node} starts forwarding, a topology change: {node} forgets the MAC addresses learned on ports {ports} and tells its neighbours.',
  'flush.tcReceived':
    '{node} hears of a topology change on port {port} and forgets the MAC addresses learned on ports {ports}.',
  discard: 'Port {port} of {node} is {state} and drops packet #{pkt}: it would go round a loop.',
  tx: '{node} sends BPDU #{pkt} on link {link}: {info}.',
} as const;

/** The spanning tree sentences in every language the log speaks. */
export const stpPhrases = new Phrasebook(STP_EN, { de: STP_DE });
