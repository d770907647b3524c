// The scenario validator's and the scenario warnings' sentences in English, the source of their
// keys (German in validationPhrases.de.ts). Issues carry a key and its parameters (phrase.ts), so
// the CLI prints the English and the page says them in its own language. Values from the document
// (ids, addresses, numbers as written) are parameters passed as text, so they stay as written.

import { Phrasebook } from '../../engine/language.ts';
import { VALIDATION_DE } from './validationPhrases.de.ts';

export const VALIDATION_EN = {
  // What a value is, in a message (schema.ts describeValue).
  'value.null': 'null',
  'value.array': 'an array',
  'value.string': 'a string ({text})',
  'value.number': 'a number ({value})',
  'value.object': 'an object',
  'value.other': '{type}',
  // What was expected: the schema's words for a kind of value.
  'expected.string': 'a string',
  'expected.integer': 'an integer',
  'expected.number': 'a number',
  'expected.min': '{expected} >= {min}',
  'expected.max': '{expected} <= {max}',
  'expected.below': '{expected} < {max}',
  'expected.oneOf': 'one of {values}',
  'expected.durationString': 'a duration string such as "20ms", "2s" or "250us"',
  'expected.array': 'an array',
  'expected.object': 'an object',
  'expected.boolean': 'true or false',
  'expected.exactly': '{value}',
  'expected.ipv4': 'an IPv4 address such as "10.0.0.1"',
  'expected.interfaceAddress': 'an address with a prefix length such as "10.0.0.2/24"',
  'expected.mac': 'a MAC address such as "02:00:00:00:00:01"',
  'expected.prefix': 'a prefix such as "10.1.0.0/16"',
  'expected.bitRate': 'a bit rate such as "10Mbps"',
  'expected.size': 'a size',
  // What a pattern accepts (string schemas' patternText).
  'pattern.id': '{what}: a letter, then up to 63 letters, digits, "_" or "-"',
  'pattern.nodeId': 'a node id',
  'pattern.linkId': 'a link id',
  'pattern.interfaceName': 'an interface name',
  'pattern.linkEnd':
    'an interface as "node:interface", or a node id when the node has one interface',
  'pattern.peer': 'a node id or an IPv4 address',
  'pattern.server': 'a node id, an IPv4 address or a host name such as "www.example.com"',
  'pattern.shortName': 'a short name',
  // The schema's problems.
  'schema.expected': 'expected {expected}, got {got}',
  'schema.tooLong': 'expected at most {max} characters, got {length}',
  'schema.durationAtLeast': 'expected a duration of at least {min}, got "{value}"',
  'schema.durationAtMost': 'expected a duration of at most {max}, got "{value}"',
  'schema.tooFewItems': 'expected at least {min} item(s), got {count}',
  'schema.tooManyItems': 'expected at most {max} items, got {count}',
  'schema.missing': 'is required but missing',
  'schema.unknownField': 'is not a known field (expected one of: {fields})',
  'schema.bytesNotWhole': 'expected a whole number of bytes >= 0, got {got}',
  'schema.sizeExpected': 'expected a size such as 1500 or "64KiB", got {got}',
  'schema.mac.format':
    '"{text}" is not a MAC address: write six pairs of hex digits joined by colons, such as 02:00:00:00:00:01',
  'schema.mac.multicast':
    '"{text}" is a group (multicast) address: the first octet is odd; a station\'s own MAC is unicast, such as 02:00:00:00:00:01',
  'schema.hostAddress.network': '"{text}" is the network address of its prefix, not a host address',
  'schema.hostAddress.broadcast':
    '"{text}" is the broadcast address of its prefix, not a host address',
  'schema.roleUpcoming':
    '{who} has the role "{role}", which is not available yet ({upcoming}); use one of {roles}',
  'schema.roleUpcoming.node': 'node "{id}"',
  'schema.roleUpcoming.thisNode': 'this node',
  'schema.distribution':
    'expected a duration such as "5ms" or an object with "kind": "exponential", "uniform" or "constant", got {got}',
  'schema.distributionMax': 'expected a duration of at least min ({min}), got {max}',
  'schema.ackDelay': 'expected a duration below 500ms (RFC 5681 4.2), got {value}',
  // Written values: addresses, durations, rates and sizes that do not read.
  'text.ipv4': '"{text}" is not an IPv4 address: {why}',
  'text.ipv4.empty': 'it is empty; expected {example}',
  'text.ipv4.parts': {
    one: 'it has {count} part; expected {example}',
    other: 'it has {count} parts; expected {example}',
  },
  'text.ipv4.emptyPart': 'it has an empty part; expected {example}',
  'text.ipv4.notNumber': '"{part}" is not a number; expected {example}',
  'text.ipv4.leadingZero': '"{part}" has a leading zero; write {number}',
  'text.ipv4.tooBig': '{part} is more than 255; each part must be 0 to 255',
  'text.ipv4.example': 'four numbers from 0 to 255 separated by dots, like 10.0.0.2',
  'text.prefix.form':
    '"{text}" is not a prefix: expected an address, a slash and a length, like 10.0.0.0/24',
  'text.prefix.address': '"{text}" is not a prefix: {why}',
  'text.prefix.length':
    '"{text}" is not a prefix: the length "{length}" must be a whole number from 0 to 32',
  'text.prefix.hostBits': '"{text}" has host bits set: the network is {network}',
  'text.duration':
    '"{text}" is not a duration: expected a number and a unit (ns, us, ms, s, m, h), like 250us, 500ms, 2s or 1m',
  'text.duration.whole': '"{text}" is not a whole number of nanoseconds',
  'text.duration.tooLong': '"{text}" is too long: the longest duration is about 104 days',
  'text.bitRate':
    '"{text}" is not a bit rate: expected a number and a unit (bps, kbps, Mbps, Gbps), like 10Mbps',
  'text.bitRate.positive': '"{text}" must be a whole number of bits per second, more than 0',
  'text.bitRate.whole': '"{text}" is not a whole number of bits per second',
  'text.size':
    '"{text}" is not a size: expected a number and a unit (B, kB, MB, GB, KiB, MiB, GiB), like 64KiB',
  'text.size.whole': '"{text}" is not a whole number of bytes',
  // JSON syntax (jsonText.ts, jsonSyntax.ts).
  'json.empty': 'invalid JSON: the document is empty',
  'json.at': 'invalid JSON at line {line}, column {column}: {reason}',
  'json.reason': 'invalid JSON: {reason}',
  'json.end': 'unexpected end of the document: expected {expected}{unclosed} (truncated?)',
  'json.unclosed': "; the '{bracket}' at line {line}, column {column} is never closed",
  'json.comment': "unexpected '/' (comments are not allowed in JSON)",
  'json.singleQuote': `unexpected "'" (JSON strings use double quotes)`,
  'json.word': "unexpected '{word}' ({hint})",
  'json.char': 'unexpected {char}: expected {expected}',
  'json.invalidNumber':
    "invalid number '{number}' (expected digits such as 12, -0.5 or 1e-3, no leading zeros)",
  'json.controlInString': '{char} inside a string (a line break or tab must be written \\n or \\t)',
  'json.badEscape': "invalid escape '\\{escape}' in a string",
  'json.badUnicode': 'invalid escape in a string: \\u needs four hex digits',
  'json.unclosedString': `a string that is never closed (missing '"'?)`,
  'json.afterEnd': 'unexpected {char} after the end of the document',
  'json.trailingComma': "unexpected ',' (trailing comma?)",
  'json.hint.expected': 'expected {expected}',
  'json.hint.notJsonNumber': 'not a JSON value; use a number or null',
  'json.hint.notJsonNull': 'not a JSON value; use null',
  'json.hint.lowerTrue': 'JSON writes true in lower case',
  'json.hint.lowerFalse': 'JSON writes false in lower case',
  'json.hint.null': 'JSON writes null',
  'json.hint.lowerNull': 'JSON writes null in lower case',
  'json.expected.value': 'a value',
  'json.expected.commaOr': "',' or '{close}'",
  'json.expected.name': 'a property name in double quotes',
  'json.expected.nameOrClose': "a property name in double quotes or '}'",
  'json.expected.colon': "':' after the property name",
  // The network's references (checkReferences.ts, resolveLinkEnd.ts).
  'ref.duplicateInterface': 'duplicates the interface name "{name}" of {node}',
  'ref.otherRolesField': '{field} is a setting of a {role}, and this node is a {own}: remove it',
  'ref.macTaken': '{node} has the MAC {mac}, which is already the MAC of {owner}',
  'ref.macWithoutAddress':
    'a MAC ({mac}) is for an interface with an address; a switch port has neither',
  'ref.addressTaken': '{address} is already the address of {owner}',
  'ref.overlap':
    '{prefix} overlaps {other} of {node}:{interface}: each interface of a node needs its own subnet',
  'ref.offSubnet': "{address} is not on a subnet of {node}'s interfaces ({subnets})",
  'ref.noSubnets': 'it has none',
  'ref.linkedTwice': '{end} is already linked by "{link}": one link per interface',
  'ref.needsAddress':
    'is missing: {end} is linked by "{link}", so it needs an address such as "10.0.0.2/24"',
  'ref.sameNode': 'a link must join two different nodes, both ends are on "{node}"',
  'ref.lossTwice':
    'link "{link}" has both loss and burstLoss: give one (burstLoss already decides every loss)',
  'ref.subnets': 'joins {a} ({addressA}) and {b} ({addressB}), which are on different subnets',
  'ref.unknownLink': 'expected the id of a link ({ids}), got "{value}"',
  'ref.noSuchAddress': 'no interface has the address {value}',
  'ref.unknownPeer': 'expected the id of a node ({ids}) or an IPv4 address, got "{value}"',
  'ref.peerUnaddressed': '"{value}" has no address to send to',
  'ref.duplicateId': 'duplicates the id "{id}" of {first}',
  'ref.unknownNode': 'expected the id of a node ({ids}), got "{value}"',
  'ref.noInterfaces':
    'node "{node}" has no interfaces: give it one, e.g. { "name": "eth0", "address": "10.0.0.2/24" }',
  'ref.nameInterface': 'node "{node}" has {count} interfaces: name one, e.g. "{node}:{first}"',
  'ref.noSuchInterface': 'node "{node}" has no interface "{interface}" (it has: {names})',
  'ref.none': 'none',
  // Apps and actions (checkApps.ts, checkActions.ts).
  'app.unaddressed': '{node} has no address, so its {type} app cannot send or receive',
  'app.needsDns':
    '"{name}" is a host name, so {node} needs a DNS server: add "dns": { "server": "<node id or IPv4 address>" } to the node',
  'app.portTaken': '{protocol} port {port} is already taken by apps[{first}] on {node}',
  'app.reservedName':
    '"{name}" is the name of a client or built-in app in the trace; choose another',
  'app.nameTaken':
    'the name "{name}" is already used by apps[{first}] on {node}; give each server its own name',
  'action.unaddressed': '{node} has no address, so it cannot {action}',
  'action.tooLate': '{at} is not before the run ends (until {until}), so it would never happen',
  // The network's timed events (checkNetworkEvents.ts).
  'event.noStack':
    '"{node}" is a {role}, which has no IP stack: only a host or a router can crash, restart or have an interface taken down',
  'event.changesNothing': 'a linkChange needs at least one of bandwidth, latency or loss',
  'event.lossOnBurst':
    'link "{link}" has burstLoss, which decides every loss: change the loss only of a link without it',
  'warn.alreadyCrashed':
    '{node} has already crashed at {at} (and not restarted), so this crash does nothing',
  'warn.notCrashed':
    '{node} is running at {at} (no crash of it comes before), so this restart does nothing',
  'warn.interfaceAlreadyDown': '{node}:{interface} is already down at {at}, so this does nothing',
  'warn.interfaceNotDown': '{node}:{interface} is not down at {at}, so bringing it up does nothing',
  // TCP settings (checkTcpSettings.ts, tcpOptionSchemas.ts).
  'tcp.setting': '{field} ({value})',
  'tcp.settingDefault': '{field} ({value}, the default)',
  'tcp.bytes': '{count} bytes',
  'retry.capBelowBase': 'cap {cap} is shorter than base {base}: expected base <= cap',
  'tcp.minAboveMax': '{min} exceeds {max}: expected minRto <= maxRto, or no RTO lies between them',
  'tcp.initialBelow':
    '{initial} is below {bound}: expected minRto <= initialRto <= maxRto (RFC 6298 bounds every RTO, the first one too)',
  'tcp.initialAbove':
    '{initial} is above {bound}: expected minRto <= initialRto <= maxRto (RFC 6298 bounds every RTO, the first one too)',
  'tcp.bufferBelowMss':
    '{buffer} is smaller than {mss}: expected a buffer that holds at least one full segment',
  'tcp.windowUnscaled':
    'expected at most {max} bytes without windowScaling (RFC 7323: without the window scale option the window field is 16 bits), got {window}; set "windowScaling": true for a larger window',
  'tcp.windowScaled':
    'expected at most {max} bytes with windowScaling (65535 × 2^14, the largest window it can advertise), got {window}',
  // Where packets cannot go (reachability.ts) and the warnings about it (reachabilityWarnings.ts).
  'path.router': 'router {node}',
  'path.noRouteFirst': '{who} has no route to {target}: give it a gateway or a route',
  'path.noRoute': '{who} has no route to {target}',
  'path.unlinked': '{node}:{interface}, its way to {target}, is not linked to anything',
  'path.noForward.one':
    'packets for {target} leave {node}:{interface} and reach only {hosts}, which does not forward',
  'path.noForward.many':
    'packets for {target} leave {node}:{interface} and reach only {hosts}, which do not forward',
  'path.noArp':
    '{node}:{interface} asks for {nextHop} (ARP), its way to {target}, and nobody on that link has that address to answer',
  'path.noArpOnLink':
    '{node}:{interface} asks for {target} (ARP) on its own subnet, and nobody on that link has that address to answer',
  'path.loop': 'packets for {target} go round in a loop through router {node}',
  'path.tooFar': 'packets for {target} cross too many routers',
  'warn.cannotReach': '{what} cannot reach {address}: {reason}',
  'warn.noWayBack': '{what} reaches {node}, but its replies cannot come back: {reason}',
  'warn.unlinked': '{node} is not linked to any other node, so nothing reaches it',
  'warn.noGatewayOwner':
    "no node has {node}'s gateway address {gateway}: nobody answers its ARP requests for it, so what it sends off its subnets is dropped",
  'warn.gatewayNotRouter':
    "{node}'s gateway {gateway} is {router}, a {role}, which does not forward packets",
  'warn.app': "{node}'s {app}",
  'warn.dnsQueries': "{node}'s DNS queries",
  'warn.nameUnknown': '{what} looks up "{name}", but {problem}',
  'warn.noListenerTcp':
    '{what} connects to {protocol} port {port} on {server}, where nothing listens: each connection is refused with a reset (RST)',
  'warn.noListenerUdp':
    '{what} connects to {protocol} port {port} on {server}, where nothing listens: the datagrams are answered with ICMP port unreachable',
  'warn.more.unlinked': '{count} more nodes are not linked to any other node',
  'warn.more.path':
    '{count} more applications cannot reach their server, or its replies cannot come back',
  'warn.more.name': '{count} more names will not be found by DNS',
  'warn.more.port': '{count} more applications connect to a port nothing listens on',
  'warn.more.gateway': '{count} more gateways are not a router linked to their node',
  // A name the node's DNS server will not answer (src/kinds/dns/dnsStaticLookupFeature.ts).
  'dns.noServer': '{node} has no DNS server to ask',
  'dns.serverUnaddressed': 'its DNS server "{server}" has no address',
  'dns.noDnsApp': '{at}, the DNS server {node} asks, runs no DNS server on UDP port {port}',
  'dns.onlyAlias': 'the DNS server on {at} has no address for "{name}" (only an alias)',
  'dns.unknown': 'the DNS server on {at} does not know "{name}": its answer will be {rcode}',
  // Switches cabled in a loop (the switch role's warning, src/kinds/switch/switchRole.ts).
  'switch.self': 'switch {switch} is cabled to itself, a loop {links}',
  'switch.twice': 'switches {a} and {b} are cabled to each other twice, a loop {links}',
  'switch.ring': 'switches {switches} are cabled in a loop {links}',
  'switch.link': '(link {links})',
  'switch.links': '(links {links})',
  'switch.storm':
    "{cabling}, and Handshake's switches run no spanning tree, so a frame they flood (a broadcast such as an ARP request, or one sent to an address they have not learned yet) comes back around the loop and circles it forever: a storm that lasts until the run ends or stops at its event limit. A spanning tree would block one link of the loop; remove link {closing} to do the same",
  'switch.cause':
    "{cabling}, and flooded frames circle it forever (Handshake's switches run no spanning tree): a higher limit will not help; remove link {closing}",
  'switch.more':
    '{count} more loops of switches, not listed ({total} in all); each one storms the same way',
} as const;

/** The validator's and the warnings' sentences, English and German. */
export const validationPhrases = new Phrasebook(VALIDATION_EN, { de: VALIDATION_DE });
