// The attacks' words for people in each language: their summary cards and their sentences in the
// event log (their checks' words are in attackCheckPhrases.ts). attackPhrases.de.ts translates
// them.

import { Phrasebook } from '../../engine/language.ts';
import { ATTACK_DE } from './attackPhrases.de.ts';

export const ATTACK_EN = {
  'flood.kind': 'SYN flood from {node}',
  'flood.sent': 'SYNs sent',
  'flood.sentValue': '{sent} of {count} ({rate} a second)',
  'flood.from': 'Sent from',
  'flood.spoofed': 'forged addresses in {prefix}',
  'flood.own': 'its own address',
  'flood.dropped': 'SYNs the target dropped',
  'flood.cookies': 'SYN cookies the target sent',
  'flood.cookieConnections': 'Connections made from cookies',
  'scan.kind': 'SYN port scan from {node}',
  'scan.ports': 'Ports',
  'scan.open': 'Open',
  'scan.closed': 'Closed',
  'scan.filtered': 'Filtered',
  'scan.openPorts': 'Open ports',
  'scan.none': 'none',
  'scan.pending': 'not yet decided',
  'say.floodStart':
    '{who} starts a SYN flood against {target}: {count} SYNs, {rate} a second, from {from}; each one asks the target to keep a half-open connection.',
  'say.floodFromSpoofed': 'forged addresses in {prefix} (their SYN-ACKs go nowhere)',
  'say.floodFromOwn': 'its own address (its TCP answers each SYN-ACK with RST)',
  'say.floodEnd': '{who}’s SYN flood against {target} is over: {sent} SYNs sent.',
  'say.scanStart':
    '{who} starts a SYN scan of {target}, TCP ports {ports}: a SYN to each; a SYN-ACK means open, an RST closed, silence filtered.',
  'say.port.open':
    '{who}’s scan finds TCP port {port} of {target} open: a SYN-ACK came (its TCP answers it with RST, so no connection is made).',
  'say.port.closed': '{who}’s scan finds TCP port {port} of {target} closed: an RST came.',
  'say.port.filtered':
    '{who}’s scan finds TCP port {port} of {target} filtered: no answer to {probes}.',
  'say.probes': { one: '{count} SYN', other: '{count} SYNs' },
  'say.scanEnd':
    '{who}’s scan of {target} is done: {open} open, {closed} closed, {filtered} filtered{list}.',
  'say.openList': ' (open: {ports})',
} as const;

export const attackPhrases = new Phrasebook(ATTACK_EN, { de: ATTACK_DE });
