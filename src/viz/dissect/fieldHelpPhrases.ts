// The packet inspector's explanations of every header field, keyed by field id (`ip.ttl`,
// `tcp.window`, ...): what the field is for, in a sentence or two for learners. English here (the
// source of the keys), German in fieldHelpPhrases.de.ts; fieldHelp.ts looks a field up.

import { Phrasebook } from '../../engine/language.ts';
import { FIELD_HELP_DE } from './fieldHelpPhrases.de.ts';
import { DHCP_FIELD_HELP_EN } from './fieldHelpDhcp.ts';

/** What each field is for. Keys are field ids without a `quote.` prefix. */
export const FIELD_HELP_EN = {
  'eth.dst':
    'The MAC address of the next station on this link: the next hop (a router or the destination itself), found with ARP, or ff:ff:ff:ff:ff:ff for everyone. A switch forwards the frame by it.',
  'eth.src':
    'The MAC address of the interface that sent the frame on this link. Switches learn from it which port leads to that station.',
  'eth.type': 'What the frame carries, so the receiver hands it on: 0x0800 IPv4, 0x0806 ARP.',
  'eth.padding':
    'Zero bytes that fill a short frame to Ethernet’s minimum of 60 bytes (64 with the FCS), so a collision is always noticed while it is sent.',
  'eth.len':
    'In an IEEE 802.3 frame this field is the length of what follows (here 39: the LLC header and the BPDU), not a type: values up to 1500 are lengths, from 1536 on types.',
  'llc.dsap':
    'Which protocol the frame is for at the receiver: 0x42 is the spanning tree protocol of bridges.',
  'llc.ssap': 'Which protocol sent it: 0x42 again, the spanning tree protocol.',
  'llc.control':
    'What kind of LLC frame this is: 0x03, an unnumbered information frame (no connection, no acknowledgement).',
  'stp.protocol': 'Always 0: the spanning tree protocol.',
  'stp.version': '2 for the Rapid Spanning Tree Protocol (0 was the original, slower one).',
  'stp.type': '0x02, a Rapid Spanning Tree BPDU that carries everything below.',
  'stp.flags':
    'Eight bits about the sending port: its role and state, and the proposal, agreement and topology change signals.',
  'stp.flags.agreement':
    'Set by a root or alternate port: it agrees that the port across the link may forward at once.',
  'stp.flags.forwarding': 'Set when the sending port forwards data frames.',
  'stp.flags.learning': 'Set when the sending port learns addresses (learning or forwarding).',
  'stp.flags.role':
    'The sending port’s role: 3 designated (leads away from the root), 2 root (leads to the root), 1 alternate or backup (blocked).',
  'stp.flags.proposal':
    'Set by a designated port that is not forwarding yet: it asks the port across the link to agree so it may forward at once.',
  'stp.flags.tc':
    'Topology change: a port somewhere began forwarding, so switches forget the MAC addresses they learned and learn them anew.',
  'stp.root':
    'The bridge the sender takes as the root: priority, system ID extension and MAC. The lowest bridge ID of all becomes the root.',
  'stp.rootCost':
    'What it costs the sender to reach the root: the sum of the port costs on its way (200,000 a hop at 100 Mbit/s). 0 at the root.',
  'stp.bridge': 'The sending bridge’s own ID. Ties in cost are broken by it: the lower wins.',
  'stp.port':
    'The sending port: a priority (128 by default, the first hex digit 8) and its number.',
  'stp.messageAge': 'Seconds since the root sent this information, counted one a hop.',
  'stp.maxAge': 'Information this old is thrown away (20 s).',
  'stp.helloTime': 'How often the sender sends BPDUs: every 2 s.',
  'stp.forwardDelay':
    'How long a port spends learning before forwarding when nobody agrees to its proposal (15 s).',
  'stp.version1Length': 'Always 0 in a Rapid Spanning Tree BPDU.',
  'arp.hwType': 'The kind of link-layer address asked about: 1 is Ethernet.',
  'arp.protoType': 'The kind of network address asked about: 0x0800 is IPv4.',
  'arp.hwSize': 'Length of a link-layer address in bytes: 6 for a MAC address.',
  'arp.protoSize': 'Length of a network address in bytes: 4 for IPv4.',
  'arp.opcode':
    'What this message is: 1 a request (“who has this address?”), 2 a reply (“it is at this MAC”).',
  'arp.senderMac':
    'The MAC address of the station that sends this message. Whoever receives it may remember it.',
  'arp.senderIp': 'The IPv4 address of the station that sends this message.',
  'arp.targetMac':
    'In a request, unknown and so zero: that is the question. In a reply, the MAC address of the station that asked.',
  'arp.targetIp':
    'In a request, the address whose MAC is wanted; only the station that owns it answers. In a reply, the address of the station that asked.',
  'ip.version':
    'Which version of IP this is (4). A receiver reads it first to know how to parse the rest.',
  'ip.ihl':
    'Header length in 32-bit words: 5 means 20 bytes, no options. It tells the receiver where the data starts.',
  'ip.dscp':
    'Differentiated Services: a traffic class routers may use to give some packets (voice, video) priority. 0 is ordinary best effort.',
  'ip.ecn':
    'Explicit Congestion Notification: lets a router mark a packet instead of dropping it when its queue fills. 0 means not used.',
  'ip.totalLength':
    'Size of the whole packet, IP header plus data, in bytes. The sender computes it; it is not chosen.',
  'ip.identification':
    'Ties together the fragments of one packet when it has to be split: every piece carries its packet’s number. A packet sent with Don’t Fragment is never split, so it may carry 0 (RFC 6864).',
  'ip.flags': 'Three bits that control fragmentation.',
  'ip.flags.reserved': 'Reserved: must be zero.',
  'ip.flags.df':
    'Don’t Fragment: a router must drop the packet (and say so with ICMP “fragmentation needed”) rather than split it. TCP sets it to find the path MTU (RFC 1191); UDP leaves it clear.',
  'ip.flags.mf': 'More Fragments: more pieces of the same original packet follow this one.',
  'ip.fragmentOffset':
    'Where this piece belongs in the original packet’s data, in units of 8 bytes (69 means byte 552). 0 for a packet that was not split, and for the first piece of one that was.',
  'ip.ttl':
    'Time to live: hops left before a router discards the packet; each router lowers it by one. It stops packets that loop forever.',
  'ip.protocol':
    'Which protocol the data carries, so the receiver hands it on: 1 ICMP, 6 TCP, 17 UDP.',
  'ip.checksum':
    'A checksum of the IP header only, so a router can spot a corrupted header. Every router recomputes it, because the TTL changes.',
  'ip.src': 'The address of the host that sent the packet. Replies go back to it.',
  'ip.dst':
    'The address of the final receiver. Every router looks it up in its routing table to choose the next hop.',
  'ip.options': 'Optional extras after the fixed header (rare on today’s Internet).',
  'tcp.srcPort':
    'The sender’s port: which socket on the sending host this segment comes from. A client usually gets a random ephemeral port.',
  'tcp.dstPort':
    'The receiver’s port: which socket, so which program, on the receiving host gets this segment. Servers listen on well-known ports.',
  'tcp.seq':
    'Number of the first data byte in this segment (a SYN or FIN counts as one byte). The receiver uses it to put bytes in order and to spot gaps and duplicates.',
  'tcp.ack':
    'The next byte the sender of this segment expects to receive: every byte before it has arrived. Only meaningful when the ACK flag is set.',
  'tcp.dataOffset':
    'TCP header length in 32-bit words (5 means 20 bytes), so the receiver knows where data starts after the options.',
  'tcp.reserved': 'Reserved for future use: always zero.',
  'tcp.flags':
    'Control bits that say what this segment does: open, acknowledge, push, finish, reset.',
  'tcp.flags.cwr':
    'Congestion Window Reduced: the sender slowed down after the peer echoed a congestion mark.',
  'tcp.flags.ece': 'ECN-Echo: tells the peer that a router marked congestion on the way.',
  'tcp.flags.urg': 'Urgent: the urgent pointer is meaningful (almost never used).',
  'tcp.flags.ack':
    'Acknowledgment: the acknowledgment number is valid. Set on every segment after the very first SYN.',
  'tcp.flags.psh': 'Push: hand the data to the application now instead of waiting for more.',
  'tcp.flags.rst':
    'Reset: abort the connection at once, for example because nobody listens on that port.',
  'tcp.flags.syn':
    'Synchronize: opens a connection and announces the initial sequence number. Only the first segment from each side has it.',
  'tcp.flags.fin':
    'Finish: the sender has no more data to send and closes its direction of the connection.',
  'tcp.window':
    'How many more bytes the sender of this segment can receive: its free receive buffer. This flow control stops a fast sender from overrunning a slow receiver.',
  'tcp.checksum':
    'A checksum over the TCP header, the data and the two addresses, so the receiver can detect corruption and drop the segment.',
  'tcp.urgentPointer': 'Where urgent data ends, when URG is set; otherwise 0.',
  'tcp.options': 'Optional extras after the fixed 20 bytes, padded to a multiple of 4 bytes.',
  'tcp.option.mss':
    'Maximum segment size: the most data this side wants in one segment. Sent only on SYN segments.',
  'tcp.option.windowScale':
    'Window scale: the peer multiplies this side’s window by 2 to this power, so windows can exceed 64 KiB.',
  'tcp.option.sackPermitted':
    'SACK permitted: this side can report exactly which blocks arrived after a gap.',
  'tcp.option.sack': 'Selective acknowledgment: byte ranges that arrived beyond a gap.',
  'tcp.option.timestamps':
    'Timestamps: let both sides measure the round-trip time and reject very old duplicate segments.',
  'tcp.option.nop': 'No-operation: a filler byte that aligns the next option.',
  'tcp.option.eol':
    'End of option list, then zero bytes that pad the header to a multiple of 4 bytes.',
  'tcp.option.unknown': 'An option this inspector does not know; it is shown as bytes.',
  'tcp.option.kind': 'Which option this is (an IANA number).',
  'tcp.option.length': 'Length of the whole option in bytes, kind and length included.',
  'tcp.option.value': 'The option’s value.',
  'udp.srcPort':
    'The sender’s port: which socket on the sending host this datagram comes from. Replies go back to it.',
  'udp.dstPort':
    'The receiver’s port: which socket, so which program, on the receiving host gets this datagram.',
  'udp.length': 'Length of the UDP header plus data, in bytes. The sender computes it.',
  'udp.checksum':
    'A checksum over the UDP header, the data and the two addresses, so the receiver can detect corruption. 0 would mean “no checksum”.',
  'icmp.type':
    'What kind of message this is: 8 echo request, 0 echo reply, 3 destination unreachable, 11 time exceeded.',
  'icmp.code': 'Detail within the type: for destination unreachable, 3 means “port unreachable”.',
  'icmp.checksum': 'A checksum over the whole ICMP message, to detect corruption.',
  'icmp.identifier': 'Matches replies to the program that sent the echo requests.',
  'icmp.sequence': 'Numbers each echo request, so each reply can be matched with its request.',
  'icmp.unused': 'Unused by this message type: always zero.',
  'icmp.nextHopMtu': 'For “fragmentation needed”: the largest packet the next link can carry.',
  'icmp.rest': 'The rest of the ICMP header; its meaning depends on the type.',
  'data.payload':
    'The application’s bytes: what the program wrote into its socket. The layers below carry them without looking inside.',
  'data.requestNumber':
    'The pinger writes the request’s number here, so a reply names the request it answers.',
  'data.attempt':
    'The pinger writes which attempt this is: 0 for the first send, 1, 2, ... for retries.',
  'data.padding': 'Filler bytes (zeros) that give the request the size the scenario asked for.',
  'data.echo': 'Data carried by the echo request; the reply sends the same bytes back.',
  'data.fragment':
    'This piece of the original packet’s data. The destination puts the pieces back together by their offsets; the first piece starts with the transport header (UDP, TCP or ICMP), the others carry only data.',
  'quote.data':
    'The first 8 bytes after the quoted IP header: enough for the ports, so the sender can tell which socket failed.',
  'quote.payload':
    'An ICMP error quotes the start of the packet it is about: its IP header and first 8 data bytes.',
  ...DHCP_FIELD_HELP_EN,
} as const;

/** The field explanations in every language the inspector speaks. */
export const fieldHelpPhrases = new Phrasebook(FIELD_HELP_EN, { de: FIELD_HELP_DE });
