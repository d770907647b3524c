// The words of "what this device decided": each step of a packet at a node in plain words, in
// English here (the source of the keys) and in German in decisionPhrases.de.ts. Table entries
// (`ip route` lines, iptables rules, sockets as ss lists them), addresses, protocol and chain
// names, connection-tracking and TCP states and errno names stay as the tools print them.

import { Phrasebook } from '../../engine/language.ts';
import { DECISION_DE } from './decisionPhrases.de.ts';

export const DECISION_EN = {
  'layer.link': 'Link',
  'layer.network': 'Network',
  'layer.transport': 'Transport',
  'layer.application': 'Application',
  // The wire and the switch.
  arrived: 'Arrived on {iface} over link {link} from {peer}.',
  sent: 'Sent out of {iface} onto link {link} towards {peer}.',
  sentAfterQueue:
    'Waited {wait} in the queue of {iface}, then sent onto link {link} towards {peer}.',
  queueFull: 'The queue of {iface} was full: dropped before it reached the link.',
  linkDown: 'The link of {iface} is down: dropped before it reached the link.',
  lost: 'Lost on link {link} ({reason}): it never arrived.',
  'switch.learned': 'Learned from the frame’s source MAC {mac} that it is behind port {port}.',
  'switch.knew': 'Already knew that its source MAC {mac} is behind port {port}.',
  'switch.forward':
    'Looked up its destination MAC {mac} in its MAC table: behind port {port}, so sent out of {port} only.',
  'switch.flood':
    'Its destination MAC {mac} is not in its MAC table: flooded out of every port but {port}, the one it came in on ({ports}).',
  'switch.broadcast':
    'Sent to the broadcast MAC {mac}: out of every port but {port}, the one it came in on ({ports}).',
  'switch.multicast':
    'Sent to the group MAC {mac}: out of every port but {port}, the one it came in on ({ports}).',
  'switch.filter':
    'Its destination MAC {mac} is behind port {port}, the port it came in on: not sent back out (filtered).',
  // A station's card, ARP and the Ethernet header.
  'eth.inOwn': 'Its destination MAC {mac} is the own address of {iface}: the card takes the frame.',
  'eth.inBroadcast':
    'Sent to the broadcast MAC ff:ff:ff:ff:ff:ff: every station on the segment takes it, this one too.',
  'eth.inOther':
    'Its destination MAC is {mac}, not the address of {iface}: a switch flooded it here, not knowing where that MAC is. The card drops it.',
  'eth.header':
    'Framed in Ethernet II from {src}, the MAC of {iface}, to {dst}, the next hop’s MAC.',
  'eth.broadcast':
    'A broadcast: framed from {src}, the MAC of {iface}, to ff:ff:ff:ff:ff:ff for every station on the segment; no ARP needed.',
  'arp.hit': 'Its ARP cache has the next hop {ip} at {mac}, still reachable: no need to ask.',
  'arp.miss.none':
    'Its ARP cache has no MAC for the next hop {ip}: the packet waits while ARP broadcasts who has {ip} on {iface} ({requests}).',
  'arp.miss.stale':
    'Its ARP cache’s entry for the next hop {ip} has gone stale: the packet waits while ARP asks again who has {ip} on {iface} ({requests}).',
  'arp.pending':
    'ARP is already asking who has the next hop {ip} on {iface} ({requests}): the packet waits with the others for the reply.',
  'arp.learned':
    'The ARP reply {frame} says {ip} is at {mac}: the cache learns it, and the packet goes on after waiting {wait}.',
  'arp.learnedFromRequest':
    '{ip} asked for this node itself ({frame}), telling its MAC {mac}: the cache learns it, and the packet goes on after waiting {wait}.',
  'arp.again': 'No reply to ARP within a second: asked again who has {ip} ({requests}).',
  'arp.failed':
    'No reply to {count} ARP requests for the next hop {ip} ({requests}): the entry fails and the packet that waited for it is dropped.',
  'arp.queueFull':
    'Too many packets were already waiting for ARP to find the next hop: the oldest, this one, is dropped.',
  'arpFrame.asks':
    'ARP asks who has {target}: a packet for that next hop waits, and the cache of {iface} has no MAC for it. Sent from {asker} at {mac} to every station (request {probe} of at most 3).',
  'arpFrame.answers':
    'ARP answers {to}: {ip} is the address of its {iface}, at {mac}. The reply goes straight to the asker’s MAC, not to everyone.',
  'arpFrame.forMe':
    'It asks who has {target}, the address of {iface}: the cache learns the asker {sender} at {mac}, and ARP answers.',
  'arpFrame.notForMe':
    'It asks who has {target}, not an address of this node: ignored, and its cache learns nothing from it.',
  'arpFrame.gratuitous':
    'A gratuitous request: {sender} announces its MAC {mac}, and the cache, which knew it already, takes the news.',
  'arpFrame.answer':
    'The answer to its request: {sender} is at {mac}. The cache learns it and sends the packets that waited for it.',
  'arpFrame.announces':
    'A gratuitous ARP request from {iface}: it announces to every station that {ip} is at {mac}, because this node has just taken that address (announcement {count} of 2). Nobody answers it.',
  'arpFrame.gratuitousIgnored':
    'A gratuitous request: {sender} announces its MAC {mac}. The cache has no entry for {sender}, so it learns nothing (Linux keeps only news of neighbours it knows).',
  'arpFrame.unasked':
    'A reply about {sender} it did not ask for: ignored, and its cache learns nothing.',
  // The IP layer.
  'drop.generic': 'Dropped: {reason}.',
  'route.local': '{dst} is one of its own addresses: the packet is for this node and goes up.',
  'route.broadcast': 'A broadcast: for every node on the segment, this one too.',
  'route.via':
    'Not for this node. The longest match for {dst} in its routing table is {prefix}: on to the next router {via}, out of {iface}.',
  'route.direct':
    'Not for this node. The longest match for {dst} in its routing table is {prefix}, a subnet on {iface}: straight to {dst}.',
  'route.default':
    'Not for this node, and no route more specific than the default route holds {dst}: on to the default router {via}, out of {iface}.',
  'route.ownVia':
    'Its routing table sends {dst} by the route {prefix} to the router {via}, out of {iface}.',
  'route.ownDirect': '{dst} is on its own subnet {prefix}: sent straight to it, out of {iface}.',
  'route.ownDefault':
    'No route more specific than the default route holds {dst}: to the default router {via}, out of {iface}.',
  'route.none':
    'No route in its routing table holds {dst}, and there is no default route: dropped.',
  'route.notForMe':
    'Addressed to {dst}, not to this node: ignored. A switch flooded it here, not yet knowing where {dst} is.',
  'route.sameSegment':
    '{dst} is on the subnet it came from ({iface}): not routed back out; {dst} had it from the switch already.',
  'ttl.decrement': 'TTL {from} → {to}: one less for this hop.',
  'ttl.expired':
    'TTL was {ttl}: one less would be 0, so the packet dies here rather than circle for ever.',
  deliver: 'Handed up to its {protocol} (IP protocol {number}).',
  'deliver.noProtocol': 'Nothing on this node speaks IP protocol {number}: dropped.',
  // The firewall and NAT on netfilter's hooks.
  'fw.ACCEPT':
    'Firewall, chain {chain}: the packet’s connection is {state}; the first rule that matches is rule {n}, which accepts it.',
  'fw.DROP':
    'Firewall, chain {chain}: the packet’s connection is {state}; the first rule that matches is rule {n}, which drops it.',
  'fw.REJECT':
    'Firewall, chain {chain}: the packet’s connection is {state}; the first rule that matches is rule {n}, which rejects it: dropped, and the sender is told.',
  'fw.policy':
    'Firewall, chain {chain}: the packet’s connection is {state}; no rule matches, so the chain’s policy decides: {policy}.',
  'fw.stopped': 'The firewall is stopped: it drops everything.',
  'fw.log':
    'Firewall, chain {chain}: rule {n} (LOG) matches: it logs “{prefix}” and the walk goes on.',
  'nat.masquerade': 'POSTROUTING: masquerade rewrites its source {from} to {to}.',
  'nat.unmasquerade':
    'PREROUTING: an answer to a masqueraded flow: its destination {from} is rewritten back to {to}.',
  'nat.portForward':
    'PREROUTING: a port forward takes it: its destination {from} is rewritten to {to}.',
  'nat.portForwardReply':
    'POSTROUTING: an answer through the port forward: its source {from} is rewritten back to {to}.',
  'nat.new': 'A new entry in the NAT table.',
  'nat.unmatched':
    'PREROUTING: no NAT entry or port forward claims {to}: the packet is for this node itself.',
  'nat.noFreePort': 'POSTROUTING: masquerade finds no free public port for a new flow: dropped.',
  // Transports and sockets.
  'tcp.connection': 'Matched the connection {local} ⇄ {remote}, in {state}.',
  'tcp.listener':
    'No connection yet: the socket listening on port {port} takes the SYN, a new connection in SYN-RECEIVED.',
  'tcp.states': 'The connection goes from {from} to {to}.',
  'tcp.error': 'The program is told {error}.',
  'tcp.ackOnly': 'It carries no data, only TCP’s own business: nothing for the program.',
  'tcp.refused': 'No socket takes TCP port {port}: TCP answers with a reset (RST).',
  'tcp.ignoredRst': 'A reset for no connection: ignored, as TCP does.',
  'tcp.synDropped':
    'The socket listening on port {port} has its backlog of {backlog} full: the SYN is dropped.',
  'tcp.synQueueFull':
    'Port {port} already has {count} half-open connections, the SYN queue’s limit: the SYN is dropped.',
  'tcp.synCookie':
    'The SYN queue of port {port} is full: answered with a SYN cookie, keeping no state.',
  'tcp.cookieAck': 'It brings back a valid SYN cookie: the connection is made now.',
  'tcp.cookieDropped':
    'It brings back a valid SYN cookie, but the accept queue of port {port} is full: dropped.',
  'tcp.badChecksum': 'Its {protocol} checksum is wrong (damaged on the link): dropped.',
  'udp.socket': 'The UDP socket bound to port {port} takes it.',
  'udp.noSocket': 'No socket is bound to UDP port {port}: dropped.',
  'icmp.echoRequest': 'An ICMP echo request: the node’s own ICMP answers it.',
  'icmp.echoReply':
    'An ICMP echo reply (identifier {id}, sequence {seq}): for the ping that sent the request.',
  'icmp.error': 'An ICMP error ({message}) about a datagram ({protocol}) it sent to {dst}.',
  'icmp.errorSocket':
    'An ICMP error ({message}) about a datagram ({protocol}) it sent to {dst}: handed to its socket on port {port}.',
  'made.tcp': 'Sent by the connection {local} ⇄ {remote}, in {state}.',
  'made.retransmit': 'It is a retransmission: {reason}.',
  'made.rst': 'A reset (RST) made by TCP itself: the segment it answers found no socket.',
  'made.reject':
    'Made by the firewall’s REJECT rule, answering a packet it refused: it carries {src} as its source, as if the destination answered.',
  'made.spoofed':
    'It carries {src} as its source, an address that is not this node’s: forged, and no socket sent it.',
  'made.raw':
    'No socket sent it: it was made straight on the IP layer, as an attack tool makes its packets.',
  'made.udp': 'Sent from the UDP socket on port {port} to {dst}.',
  'made.echoRequest': 'An ICMP echo request (identifier {id}, sequence {seq}) to {dst}.',
  'made.echoReply': 'The node’s own ICMP answers an echo request with this echo reply.',
  'made.icmpError': 'An ICMP error ({message}) about a packet that could not go on.',
  'made.other': 'Made by the node itself.',
  // Programs.
  'app.reads': 'Handed to the program {program}, which reads it from its socket.',
  'app.readsSomeone': 'Handed to the program that holds port {port}.',
  'app.wrote': 'Written by the program {program} into its socket.',
  'app.connect': 'The program {program} asked to connect: TCP opens the connection with this SYN.',
  'app.close': 'The program {program} closed its end: TCP sends this FIN.',
  'app.ping': 'The program {program} pings: it asks ICMP for this echo request.',
  'app.pingReply': 'The answer the program {program} waits for: it counts the ping as answered.',
  'app.raw': 'Made by the program {program} itself, without a socket.',
  'app.or': '{first} or {second}',
  // What the node sent back.
  'answer.icmpError': 'Sent back an ICMP error ({message}) to {dst}.',
  'answer.rst': 'Sent back a reset (RST) to {dst}.',
  'answer.echoReply': 'Sent back an echo reply to {dst}.',
  'answer.noIcmp':
    'No ICMP error goes back: the packet is itself an ICMP error or a broadcast (RFC 1122).',
} as const;

export const decisionPhrases = new Phrasebook(DECISION_EN, { de: DECISION_DE });
