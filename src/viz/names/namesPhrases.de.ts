// The network's names and short texts in German (see namesPhrases.ts).

import type { Translation } from '../../engine/language.ts';
import type { NAMES_EN } from './namesPhrases.ts';

export const NAMES_DE: Translation<typeof NAMES_EN> = {
  'app.pinger': 'Ping-Client',
  'app.echo': 'Echo-Server',
  'app.bulkSend': 'Bulk-Transfer-Client',
  'app.sink': 'Bulk-Transfer-Server',
  'app.httpServer': 'Webserver',
  'app.httpClient': 'Web-Client',
  'app.service': 'Datenbankserver',
  'app.serviceClient': 'Datenbank-Client',
  'app.dnsServer': 'DNS-Server',
  'app.ftpServer': 'FTP-Server',
  'app.ftpClient': 'FTP-Client',
  'app.smtpServer': 'SMTP-Server',
  'app.pop3Server': 'POP3-Server',
  'app.mailClient': 'Mail-Client',
  'app.dhcpServer': 'DHCP-Server',
  'app.loadBalancer': 'Load Balancer',
  'app.resolver': 'DNS-Resolver',
  'app.other': 'App „{words}“',
  'app.unknown': 'Anwendung',
  percent: '{value} %',
  'link.loss': '{percent} Verlust',
  'link.noLoss': 'kein Verlust',
  'link.burstLoss': {
    one: '{percent} Verlust in Schüben (schlechte Phasen von {count} Paket)',
    other: '{percent} Verlust in Schüben (schlechte Phasen von {count} Paketen)',
  },
  'link.jitter': 'bis zu {time} Jitter',
  'link.corrupted': '{percent} beschädigt',
  'link.duplicated': '{percent} dupliziert',
  'link.reordered': '{percent} um {time} vertauscht',
  'link.queue': 'Warteschlange {limits}',
  'link.either': '{first} oder {second}',
  'link.packets': { one: '{count} Paket', other: '{count} Pakete' },
  bytes: { one: '{count} Byte', other: '{count} Bytes' },
  unlimited: 'unbegrenzt',
};
