// A scenario's timed events in words, in every language the page speaks: what each event does,
// as the timeline's markers and the actions panel list it. English is the source; the German is
// in timedEventPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { TIMED_EVENT_DE } from './timedEventPhrases.de.ts';

export const TIMED_EVENT_EN = {
  linkDown: 'Link {link} goes down',
  linkUp: 'Link {link} comes back up',
  linkChange: 'Link {link} changes to {settings}',
  nodeCrash: '{node} crashes',
  nodeRestart: '{node} restarts',
  interfaceDown: 'Interface {interface} of {node} goes down',
  interfaceUp: 'Interface {interface} of {node} comes back up',
  ping: '{node} pings {target}',
  pings: '{node} pings {target} ({count} echo requests, one a second)',
  fetch: '{node} fetches {path} from {server}',
  fetchPort: '{node} fetches {path} from {server} (port {port})',
  transfer: '{node} sends {bytes} bytes to {target}',
  synFlood: '{node} floods TCP port {port} of {target} with SYNs ({rate} a second for {duration})',
  synFloodSpoofed:
    '{node} floods TCP port {port} of {target} with SYNs ({rate} a second for {duration}, from forged addresses in {prefix})',
  portScan: '{node} scans TCP ports {ports} of {target} (SYN scan)',
} as const;

export const timedEventPhrases = new Phrasebook(TIMED_EVENT_EN, { de: TIMED_EVENT_DE });
