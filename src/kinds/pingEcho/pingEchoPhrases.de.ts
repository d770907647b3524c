// The pinger's and the echo server's words in German (see pingEchoPhrases.ts). A phase is a whole
// verb phrase here ("wartet jetzt auf eine Antwort").

import type { Translation } from '../../engine/language.ts';
import type { PING_ECHO_EN } from './pingEchoPhrases.ts';

export const PING_ECHO_DE: Translation<typeof PING_ECHO_EN> = {
  'pinger.kind': 'Pinger auf {node}',
  'pinger.sent': 'Gesendet',
  'pinger.retries': 'Wiederholungen',
  'pinger.replies': 'Antworten',
  'pinger.lost': 'Verloren (aufgegeben)',
  'pinger.lateReplies': 'Verspätete Antworten',
  'pinger.roundTrip': 'Umlaufzeit min / Mittel / max',
  'echo.kind': 'Echo-Server auf {node}',
  'echo.served': 'Bedient',
  'echo.longestQueue': 'Längste Warteschlange',
  request: 'Anfrage {seq}',
  requestRetry: 'Anfrage {seq} (Wiederholung {attempt})',
  reply: 'Antwort {seq}',
  replyRetry: 'Antwort {seq} (Wiederholung {attempt})',
  state: 'Die App {app} von {node} {state}.',
  'pinger.starting': 'startet jetzt',
  'pinger.awaitingReply': 'wartet jetzt auf eine Antwort',
  'pinger.pausing': 'macht jetzt eine Pause vor der nächsten Anfrage',
  'pinger.done': 'ist jetzt fertig',
  'echo.idle': 'ist jetzt im Leerlauf und wartet auf Anfragen',
  'echo.serving': 'bedient jetzt eine Anfrage',
  'app.cannotSend': '{node} kann Anfrage {seq} nicht an {to} senden.',
  'app.request': '{node} sendet Anfrage {seq} an {to} in Paket #{pkt}.',
  'app.requestAgain':
    '{node} sendet Anfrage {seq} erneut an {to} (Wiederholung {attempt}) in Paket #{pkt}.',
  'app.timeout': '{node}: Timeout beim Warten auf Antwort {seq}.',
  'app.timeoutRetry': '{node}: Timeout beim Warten auf Antwort {seq}; ein neuer Versuch folgt.',
  'app.giveUp': '{node} gibt Anfrage {seq} auf: Sie gilt als verloren.',
  'app.reply': '{node} erhält Antwort {seq}: Die Umlaufzeit betrug {time}.',
  'app.replyUntimed':
    '{node} erhält {reply}; sie beantwortet einen früheren Versuch, deshalb lässt sich ihre Umlaufzeit nicht messen.',
  'app.lateReply': '{node} ignoriert {reply}: Sie kam zu spät und wird nicht mehr erwartet.',
  'app.receive': '{node} empfängt {request} von {client}.',
  'app.receiveQueued': {
    one: '{node} empfängt {request} von {client}; {count} Anfrage wartet vor ihr.',
    other: '{node} empfängt {request} von {client}; {count} Anfragen warten vor ihr.',
  },
  'app.serve': '{node} beantwortet {request} von {client} in Paket #{pkt}.',
  'app.serveUnsent':
    '{node} beantwortet {request} von {client}, aber die Antwort kann nicht gesendet werden.',
};
