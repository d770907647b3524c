// The event log's sentences for the packet network (narratePackets.ts): links and their queues,
// IP forwarding and drops, switches, packets sent and the ICMP errors a node answers with.
// German in packetPhrases.de.ts.

import { Phrasebook } from '../../engine/language.ts';
import { PACKET_DE } from './packetPhrases.de.ts';

export const PACKET_EN = {
  'count.packets': { one: '{count} packet', other: '{count} packets' },
  'count.bytes': { one: '{count} byte', other: '{count} bytes' },
  txEnd: 'The last bit of packet #{pkt} leaves {node} on link {link}.',
  rx: 'Packet #{pkt} arrives at {node}{where}.',
  'rx.on': ' on {iface}',
  'lost.linkDown': 'Packet #{pkt} is cut off on link {link}: the link went down.',
  lost: 'Packet #{pkt} is lost on link {link}.',
  'drop.queueFull': 'Packet #{pkt} is dropped: the queue at {at} is full.',
  'drop.linkDown': 'Packet #{pkt} is dropped at {at}: link {link} is down.',
  drop: 'Packet #{pkt} is dropped at {at}.',
  'impair.duplicate': 'Link {link} duplicates packet #{pkt}: it will arrive twice.',
  'impair.reorder':
    'Link {link} holds packet #{pkt} back, so packets sent after it can overtake it.',
  'impair.corrupt': 'Link {link} damages packet #{pkt}: bit {bit} flips on the way, {part}.',
  'part.ipHeader': 'in its IP header',
  'part.header': 'in its {protocol} header',
  'part.data': 'in its {protocol} data',
  'part.packet': 'somewhere in it',
  'queue.empty': 'The queue at {at} is empty.',
  'queue.holds': 'The queue at {at} holds {packets} ({bytes}).',
  'link.up': 'Link {link} comes back up.',
  'link.down': 'Link {link} goes down.',
  'link.change':
    'Link {link} changes: {settings} from now on (packets already on their way keep their timing).',
  'iface.down':
    'Interface {iface} of {node} goes down: nothing passes through it, and routes through it are unusable.',
  'iface.up': 'Interface {iface} of {node} comes back up.',
  'node.crash':
    '{node} crashes: its connections, sockets and programs are gone at once, and nothing is sent (no FIN, no RST). Until it restarts it drops every packet.',
  'node.restart':
    '{node} restarts with nothing but its configuration: its servers listen again, and it knows nothing of its connections from before.',
  'forward.back': '{node} forwards packet #{pkt} from {from} back out of {to}.',
  forward: '{node} forwards packet #{pkt} from {from} to {to}.',
  deliver: '{node} accepts packet #{pkt} and hands it to {protocol}.',
  'deliver.protocol': 'IP protocol {number}',
  'switch.learn': '{node} learns that {address} is behind port {port}.',
  'switch.flood':
    '{node} floods packet #{pkt} out of port {port}: it does not know where the destination is yet.',
  'switch.forward': '{node} sends packet #{pkt} from port {from} out of port {to}.',
  'switch.filter':
    '{node} discards packet #{pkt}: its destination is behind port {port}, where it came from.',
  'tx.forward': '{node} starts sending packet #{pkt} over link {link} towards {to}, TTL now {ttl}.',
  'tx.portUnreachable':
    'Nobody listens on {protocol} port {port} at {node}: it answers with ICMP port unreachable, packet #{pkt} to {to} on link {link}.',
  'tx.icmpError': '{from} answers with {what}, packet #{pkt} to {to} on link {link}.',
  'tx.fragment':
    '{from} starts sending packet #{pkt}, {bytes}, to {to} on link {link}: a fragment of datagram {identification}, bytes {first}–{last}{more}.',
  'tx.fragment.more': ', more to follow',
  // “a” or “an” as the number of bytes is read aloud (an 84-byte, a 60-byte).
  'tx.a':
    '{from} starts sending a {bytes}-byte {what} packet #{pkt} to {to} on link {link}{numbers}.',
  'tx.an':
    '{from} starts sending an {bytes}-byte {what} packet #{pkt} to {to} on link {link}{numbers}.',
  'tx.numbers': ' ({numbers})',
  'tx.arp': '{node} starts sending ARP frame #{pkt} on link {link}: {info}.',
  'kind.tcpData': 'TCP data',
  'kind.tcpDataFin': 'TCP data+FIN',
  'ip.ttl': '{node} drops packet #{pkt}: TTL expired.',
  'ip.noRoute': '{node} drops packet #{pkt}: no route to {dst}.',
  'ip.noRouteUnknown': '{node} drops packet #{pkt}: no route to its destination.',
  'ip.notForMe': '{node} ignores packet #{pkt}: it is addressed to {dst}.',
  'ip.notForMeUnknown': '{node} ignores packet #{pkt}: it is addressed to another node.',
  'ip.noProtocol': '{node} drops packet #{pkt}: nothing on it handles {protocol}.',
  'ip.noProtocolUnknown': '{node} drops packet #{pkt}: nothing on it handles its protocol.',
  'ip.notConnected': '{node} drops packet #{pkt}: the interface it should leave by has no link.',
  'ip.filtered': '{node} discards packet #{pkt}, as its firewall decided.',
  'ip.nodeDown': '{node} has crashed: packet #{pkt} is dropped.',
  'ip.interfaceDown':
    '{node} drops packet #{pkt}: the interface it came in on or would leave by is down.',
  'ip.badChecksum':
    '{node} drops packet #{pkt}: its IP header checksum does not match (damaged on the link).',
  'transport.badChecksum':
    '{node} drops packet #{pkt}: its {protocol} checksum does not match (damaged on the link).',
  'ip.otherHost':
    '{node} ignores packet #{pkt}: its frame is for another station’s MAC address (a switch flooded it).',
  'ip.arpFailed':
    '{node} drops packet #{pkt}: nobody answered its ARP requests for the next hop’s MAC address.',
  'ip.arpQueueFull':
    '{node} drops packet #{pkt}: too many packets wait for the same next hop’s MAC address.',
  'ip.fragmentationNeeded':
    '{node} drops packet #{pkt}: it is too big for the link it would leave by, and its Don’t Fragment flag forbids cutting it.',
  'ip.badFragment': '{node} drops packet #{pkt}: a fragment that cannot belong to any datagram.',
  'ip.fragmentationNeeded.own':
    '{node} does not send packet #{pkt}: it is bigger than the path MTU it knows, and its Don’t Fragment flag forbids cutting it. The program that sent it is told EMSGSIZE.',
  'ip.other': '{node} drops packet #{pkt} ({reason}).',
  'count.fragments': { one: '{count} fragment', other: '{count} fragments' },
  'ip.fragment':
    '{node} cuts packet #{pkt} into {fragments} of at most {mtu} bytes to send it out of {iface}: packets {ids}, each with its offset, all but the last with More Fragments set.',
  'ip.reassemble':
    '{node} has every fragment of datagram {identification} ({ids}) and puts it back together: packet #{pkt}, {bytes}, as if it had come whole.',
  'ip.reassemblyTimeout':
    '{node} gives up on datagram {identification} from {src}: its {fragments} waited {timeout} for the rest. It throws them away and tells {src} (ICMP time exceeded in reassembly).',
  'ip.reassemblyTimeout.noFirst':
    '{node} gives up on datagram {identification} from {src}: its {fragments} waited {timeout} for the rest. It throws them away; as the first fragment never came, it sends no ICMP message.',
  'ip.pmtu':
    '{node} learns from {from} (ICMP fragmentation needed) that packets to {dst} may be at most {mtu} bytes: that is its path MTU now.',
} as const;

export const packetPhrases = new Phrasebook(PACKET_EN, { de: PACKET_DE });
