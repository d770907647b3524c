// The words the network's names and short texts use, in each language: what people call each app
// kind ("Web client"), and the phrases of a link's settings ("no loss", "queue 10 packets").
// English is the source; namesPhrases.de.ts translates it.

import { Phrasebook } from '../../engine/language.ts';
import { NAMES_DE } from './namesPhrases.de.ts';

export const NAMES_EN = {
  // Apps by kind (`app.` and the kind's type), as appNames.ts lists them.
  'app.pinger': 'Ping client',
  'app.echo': 'Echo server',
  'app.bulkSend': 'Bulk-transfer client',
  'app.sink': 'Bulk-transfer server',
  'app.httpServer': 'Web server',
  'app.httpClient': 'Web client',
  'app.service': 'Database server',
  'app.serviceClient': 'Database client',
  'app.dnsServer': 'DNS server',
  'app.ftpServer': 'FTP server',
  'app.ftpClient': 'FTP client',
  'app.smtpServer': 'SMTP server',
  'app.pop3Server': 'POP3 server',
  'app.mailClient': 'Mail client',
  'app.dhcpServer': 'DHCP server',
  'app.loadBalancer': 'Load balancer',
  'app.resolver': 'DNS resolver',
  /** An app of a kind without a name, its type in words (`Fancy thing`). */
  'app.other': '{words} app',
  'app.unknown': 'Application',
  percent: '{value}%',
  'link.loss': '{percent} loss',
  'link.noLoss': 'no loss',
  /** Burst loss: the long-run share lost, and the mean bad spell in packets. */
  'link.burstLoss': {
    one: '{percent} loss in bursts (bad spells of {count} packet)',
    other: '{percent} loss in bursts (bad spells of {count} packets)',
  },
  'link.jitter': 'up to {time} jitter',
  'link.corrupted': '{percent} damaged',
  'link.duplicated': '{percent} duplicated',
  'link.reordered': '{percent} reordered by {time}',
  'link.queue': 'queue {limits}',
  'link.either': '{first} or {second}',
  'link.packets': { one: '{count} packet', other: '{count} packets' },
  bytes: { one: '{count} byte', other: '{count} bytes' },
  unlimited: 'unlimited',
} as const;

export const namesPhrases = new Phrasebook(NAMES_EN, { de: NAMES_DE });
