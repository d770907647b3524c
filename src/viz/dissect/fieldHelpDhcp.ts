// The packet inspector's explanations of a DHCP message's fields (RFC 2131 figure 1 and the
// RFC 2132 options), keyed by field id (`dhcp.xid`, `dhcp.option.leaseTime`, ...). English here,
// German in fieldHelpDhcp.de.ts; both are spread into the field help catalogs (fieldHelpPhrases.ts).

export const DHCP_FIELD_HELP_EN = {
  'dhcp.op':
    'BOOTP’s message type: 1 Boot Request from a client, 2 Boot Reply from a server. Which DHCP message it is, option 53 says.',
  'dhcp.htype': 'The kind of hardware address in chaddr: 1 is Ethernet, as in ARP.',
  'dhcp.hlen': 'Length of the hardware address in bytes: 6 for a MAC address.',
  'dhcp.hops':
    'How many relay agents passed the message on. A client sends 0; with client and server on one segment it stays 0.',
  'dhcp.xid':
    'Transaction ID: a random number the client picks; the server copies it into its answers, so the client knows which replies are for it.',
  'dhcp.secs':
    'Seconds since the client began getting or renewing its address. A server may serve a client that has waited long first.',
  'dhcp.flags': 'Sixteen flag bits; only the leftmost one is used.',
  'dhcp.flags.broadcast':
    'Broadcast: the client cannot receive unicast before it has an address, so the server must answer to everyone (255.255.255.255).',
  'dhcp.flags.reserved': 'Reserved: must be zero.',
  'dhcp.ciaddr':
    'Client IP address: filled in only when the client already has an address and renews it (BOUND, RENEWING, REBINDING); otherwise 0.0.0.0.',
  'dhcp.yiaddr':
    '“Your” IP address: the address the server offers (OFFER) or assigns (ACK) to the client. 0.0.0.0 from a client.',
  'dhcp.siaddr':
    'The next server of a network boot (TFTP), for a machine that loads its system over the network; 0.0.0.0 here.',
  'dhcp.giaddr':
    'The relay agent’s address, when a router passed the message on from another segment; 0.0.0.0 when client and server share a segment.',
  'dhcp.chaddr':
    'Client hardware address: 16 bytes, of which an Ethernet MAC fills 6. The server keeps the client’s lease under it.',
  'dhcp.chaddr.mac':
    'The client’s MAC address. The server answers to it, and its lease table remembers which address it gave to whom.',
  'dhcp.chaddr.padding': 'The rest of the 16-byte field after the 6-byte MAC: zeros.',
  'dhcp.sname': 'Server host name: 64 bytes for an optional name, usually empty (zeros), as here.',
  'dhcp.file':
    'Boot file name: 128 bytes for the file a network boot loads, usually empty (zeros), as here.',
  'dhcp.cookie':
    'The magic cookie 99.130.83.99 (0x63825363): what follows are options (RFC 1497). It tells DHCP apart from the older BOOTP’s vendor area.',
  'dhcp.options':
    'The options: each a code byte, a length byte and its data, up to End (255). They carry most of what DHCP says.',
  'dhcp.option.code': 'Which option this is (its number in RFC 2132).',
  'dhcp.option.length': 'Length of the option’s data in bytes, code and length not counted.',
  'dhcp.option.value': 'The option’s data.',
  'dhcp.option.messageType':
    'What this DHCP message is: 1 DISCOVER, 2 OFFER, 3 REQUEST, 4 DECLINE, 5 ACK, 6 NAK, 7 RELEASE, 8 INFORM. Every DHCP message carries it.',
  'dhcp.option.requestedIp':
    'The address the client asks for: in a REQUEST, the one it was offered; in a DISCOVER, one it had before.',
  'dhcp.option.serverId':
    'The address of the server that sends (or is chosen in) this message. With several servers on a segment, a REQUEST names the one whose offer the client takes.',
  'dhcp.option.leaseTime':
    'How long the client may use the address, in seconds. Before it runs out the client must renew the lease, or give the address up.',
  'dhcp.option.renewalTime':
    'T1, in seconds after the lease began: when the client starts renewing with its server by unicast. Half the lease unless the server says otherwise.',
  'dhcp.option.rebindingTime':
    'T2, in seconds after the lease began: when the client, its server silent, asks any server by broadcast. 7/8 of the lease unless the server says otherwise.',
  'dhcp.option.subnetMask':
    'The subnet mask of the client’s network: with the address it tells which hosts are on the same link.',
  'dhcp.option.router':
    'The default gateway: the router to which the client sends packets for other networks. Most preferred first.',
  'dhcp.option.dnsServer':
    'DNS servers the client should ask to turn names into addresses. Most preferred first.',
  'dhcp.option.hostName': 'The client’s name.',
  'dhcp.option.message': 'A reason in plain text, in a NAK or a DECLINE.',
  'dhcp.option.parameterRequestList':
    'The options the client wants the server to send, as a list of option codes, in its order of preference.',
  'dhcp.option.clientId':
    'Client identifier: a hardware type and an address (here Ethernet and the MAC) under which the server keeps the client’s lease.',
  'dhcp.option.end': 'End (255): the options end here.',
  'dhcp.option.pad': 'Pad (0): a filler byte with no length or data.',
  'dhcp.option.unknown': 'An option this inspector does not explain; its data is shown as bytes.',
  'dhcp.padding':
    'Zeros after End that fill the message to BOOTP’s minimum of 300 bytes (RFC 1542).',
} as const;
