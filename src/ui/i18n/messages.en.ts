// The interface's messages in English: the source of every key and of the parameters each takes
// (docs/architecture.md, "Languages"). A text's {name} is a parameter; an object gives plural
// forms chosen by {count}. Texts only, never HTML.

import type { Message } from '../../engine/language.ts';
import type { panelEn } from './panelMessages.en.ts';

export const en = {
  'embed.label': 'Handshake simulation: {name}',
  'embed.open': 'Open in Handshake',
  'embed.openHint': 'the full workspace, in a new tab',
  'embed.loading': 'Loading the simulation…',
  'embed.running': 'Simulating…',
  'embed.failed': 'Handshake cannot show this simulation',
  'embed.runAgain': 'Run again',
  'embed.seed': 'Seed',
  'embed.panels': 'Panels',
  'embed.ready': '{name}: simulated {duration}. Press Play to watch it.',
  'embed.panelFailed':
    'This part could not be loaded: is the connection down? Reload the page to try again.',
  'tab.packet': 'Packet',
  'tab.ladder': 'Ladder',
  'tab.log': 'Log',
  'tab.edit': 'Edit',
  'tab.lessons': 'Lessons',
  'time.playback': 'Playback',
  'time.pause': 'Pause',
  'time.play': 'Play',
  'time.back': '◂ Back',
  'time.step': 'Step ▸',
  'time.nextPacket': 'Next packet ▸▸',
  'time.speed': 'Speed',
  'time.skipQuiet': 'Skip quiet stretches',
  'time.time': 'Time',
  'time.timeShown': 'Time shown',
  'time.of': 'of {end}',
  'time.reducedMotion':
    'Motion is reduced on this device, so the run waits for you: press Play (or Space) to play it, or Step (→) to go one event at a time.',
  'time.momentShown': 'Moment shown',
  'time.drops': '{happened} of {count} drops so far',
  'time.retransmissions': '{happened} of {count} retransmissions so far',
  'time.stateChanges': '{happened} of {count} socket state changes so far',
  'time.keys': 'Keys',
  'time.keysIntro': 'Keys:',
  'time.key.playPause': 'play or pause',
  'time.key.or': 'or',
  'time.key.step': 'step',
  'time.key.nextPacket': 'next packet',
  'time.key.back': 'back',
  'key.space': 'Space',
  'key.shift': 'Shift',
  'key.home': 'Home',
  'key.end': 'End',
  packetRecords:
    'packets on links, queues and retransmissions; no sockets, servers, CPUs or applications',
  'selection.node': 'Node {name} (id {id})',
  'selection.notRecorded': 'contents not recorded',
  'selection.packet': 'Packet #{pkt}: {what}',
  'selection.retransmission': '· a retransmission',
  'selection.onLink': '{head} · on link {link}, {from} → {to} · {status}{retransmit}',
  'selection.clear': 'Clear selection',
  'packets.onScreen': 'Packets on screen: {count}',
  'packets.none': 'None at this moment.',
  'packets.more': '…and {count} more.',
  'packets.item': '#{pkt} {kind}{flags}: {from} → {to} on {link}, {status}',
  'packets.retransmission': 'retransmission',
  'packets.duplicate': 'duplicate',
  'legend.label': 'Legend',
  'legend.other': 'other',
  'stp.blockedMark': 'blocked port {port} of {node}',
  'legend.retransmission': 'retransmission',
  'legend.dropped': 'dropped, with the reason',
  'legend.size': 'size: bytes on the wire',
  'topology.heading': 'Topology',
  'topology.countHint': 'Link latency is one way; bandwidth is per direction.',
  'topology.nodes': { one: '{count} node', other: '{count} nodes' },
  'topology.links': { one: '{count} link', other: '{count} links' },
  'topology.firstShown': '(the picture shows the first {count} nodes)',
  'topology.editCanvas': 'Edit canvas',
  'topology.zoom': 'Zoom',
  'topology.zoomOut': 'Zoom out',
  'topology.zoomIn': 'Zoom in',
  'topology.fit': 'Fit',
  'topology.keys': 'Drag to pan; Ctrl + wheel, + and − zoom; 0 fits.',
  'topology.clickToSelect': 'Click a packet or a node to select it.',
  'node.id': '· id {id}',
  'timeline.events': 'Timed events on the timeline',
  'timeline.goTo': 'Go to {time}: {text}',
  'timeline.title': '{time}: {text}',
  'cpu.switch': 'context switch',
  'app.reply': 'Reply on the control connection:',
  'app.encrypted': '{type}, encrypted',
  'tls.failed': 'Could not be decrypted',
  'runField.seed': 'The seed must be a whole number from 0 to {max}.',
  'runField.events': 'The event limit must be a whole number of at least 1.',
  'runField.records':
    "The record budget must be a whole number from {least} to {most} (more would not fit in the page's memory).",
  'runField.time':
    'The time limit must be a number of seconds of real time, more than 0 and at most {most} (an hour).',
  'run.failed': 'The run failed: {reason}',
} as const satisfies Record<string, Message>;

/** Every English text: the first view's (here) and the panels' (panelMessages.en.ts). */
export type EnglishTexts = typeof en & typeof panelEn;

export type MessageKey = keyof EnglishTexts;

/** A translation: every key of the English catalog, no other. */
export type Messages = { readonly [K in MessageKey]: Message };
