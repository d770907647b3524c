// The machines' words in German (see machinePhrases.ts: a glossary keyed by the English words).
// The terms follow the page and the German lessons: Anfrage, Antwort, Verbindung, Socket, Thread.

import type { Translation } from '../../engine/language.ts';
import type { MACHINE_EN } from './machinePhrases.ts';

export const MACHINE_DE: Translation<typeof MACHINE_EN> = {
  'retries run out': 'Wiederholungen erschöpft',
  'retries run out / snd RST': 'Wiederholungen erschöpft / snd RST',
  accepted: 'angenommen',
  reading: 'liest',
  working: 'arbeitet',
  'waiting for I/O': 'wartet auf E/A',
  abandoned: 'verwaist',
  refused: 'abgewiesen',
  closing: 'schließt',
  closed: 'geschlossen',
  'Taken from the accept queue; waiting for a thread.':
    'Aus der Accept-Warteschlange genommen; wartet auf einen Thread.',
  'Its thread waits for the next request and reads it.':
    'Ihr Thread wartet auf die nächste Anfrage und liest sie.',
  'A request’s CPU part: on the CPU, or ready for it.':
    'Der CPU-Teil einer Anfrage: auf der CPU oder bereit dafür.',
  'The CPU part is done; the request waits for its I/O.':
    'Der CPU-Teil ist erledigt; die Anfrage wartet auf ihre E/A.',
  'The client is gone, but its request is finished for nobody.':
    'Der Client ist weg, aber seine Anfrage wird für niemanden fertig bearbeitet.',
  'Refused over the server’s limits: a “busy” answer, then FIN.':
    'Wegen der Grenzen des Servers abgewiesen: eine „busy“-Antwort, dann FIN.',
  'The server closed its side and waits for the connection to be gone.':
    'Der Server hat seine Seite geschlossen und wartet, bis die Verbindung weg ist.',
  'The connection is gone.': 'Die Verbindung ist weg.',
  'thread takes it, more queued': 'Thread übernimmt, weitere warten',
  'thread takes it, client closed': 'Thread übernimmt, Client hat geschlossen',
  'thread takes it': 'Thread übernimmt',
  'over the limit': 'über der Grenze',
  gone: 'weg',
  'part of a request': 'Teil einer Anfrage',
  'keep-alive timeout': 'Keep-alive-Timeout',
  'request read': 'Anfrage gelesen',
  'CPU part done': 'CPU-Teil erledigt',
  'reply written, close asked': 'Antwort geschrieben, Schließen verlangt',
  'reply written, more queued': 'Antwort geschrieben, weitere warten',
  'reply written, client closed': 'Antwort geschrieben, Client hat geschlossen',
  'reply written': 'Antwort geschrieben',
  'dropped unrun': 'unbearbeitet verworfen',
  idle: 'untätig',
  switching: 'wechselt',
  running: 'läuft',
  'No job to run.': 'Kein Job auszuführen.',
  'Saving one process’s context and loading the next one’s (a context switch).':
    'Sichert den Kontext eines Prozesses und lädt den des nächsten (ein Kontextwechsel).',
  'Running a job’s CPU burst.': 'Führt den CPU-Burst eines Jobs aus.',
  'job of another process': 'Job eines anderen Prozesses',
  'job given': 'Job erhalten',
  switched: 'gewechselt',
  preempted: 'verdrängt',
  'burst done': 'Burst fertig',
  'time slice over': 'Zeitscheibe abgelaufen',
  'next job, another process': 'nächster Job, anderer Prozess',
  'next job, same process': 'nächster Job, derselbe Prozess',
  'waiting to start': 'wartet auf den Start',
  'awaiting the reply': 'wartet auf die Antwort',
  pausing: 'pausiert',
  done: 'fertig',
  'The pinger has not sent its first request yet.':
    'Der Pinger hat seine erste Anfrage noch nicht gesendet.',
  'A request has gone; waiting for its reply, or for the timeout.':
    'Eine Anfrage ist unterwegs; wartet auf ihre Antwort oder auf das Timeout.',
  'Waiting for the interval before the next request.':
    'Wartet das Intervall bis zur nächsten Anfrage ab.',
  'Every request has been sent and answered or given up.':
    'Jede Anfrage wurde gesendet und beantwortet oder aufgegeben.',
  'start time': 'Startzeit',
  'reply came': 'Antwort kam',
  'no reply, try again': 'keine Antwort, neuer Versuch',
  'no reply, give up': 'keine Antwort, aufgeben',
  'interval over': 'Intervall vorbei',
  'all sent': 'alle gesendet',
  'next at once': 'nächste sofort',
  serving: 'bedient',
  'No request to answer.': 'Keine Anfrage zu beantworten.',
  'Working on a request for its service time; others wait in its queue.':
    'Bearbeitet eine Anfrage für ihre Bedienzeit; andere warten in seiner Warteschlange.',
  'request came': 'Anfrage kam',
  'answered, more waiting': 'beantwortet, weitere warten',
  answered: 'beantwortet',
  connecting: 'verbindet',
  sending: 'sendet',
  failed: 'fehlgeschlagen',
  'The transfer has not started yet.': 'Die Übertragung hat noch nicht begonnen.',
  'Opening a TCP connection to the receiver.': 'Öffnet eine TCP-Verbindung zum Empfänger.',
  'Writing the bytes into the connection.': 'Schreibt die Bytes in die Verbindung.',
  'Closing the connection once the receiver has every byte.':
    'Schließt die Verbindung, sobald der Empfänger jedes Byte hat.',
  'Every byte sent.': 'Jedes Byte gesendet.',
  'The connection failed.': 'Die Verbindung ist fehlgeschlagen.',
  connected: 'verbunden',
  'all written': 'alles geschrieben',
  'connection failed': 'Verbindung fehlgeschlagen',
  starting: 'startet',
  listening: 'lauscht',
  receiving: 'empfängt',
  'Opening its listening socket.': 'Öffnet seinen lauschenden Socket.',
  'Listening, with no connection open.': 'Lauscht, ohne offene Verbindung.',
  'Reading and discarding the bytes of its open connections.':
    'Liest und verwirft die Bytes seiner offenen Verbindungen.',
  'Its socket failed.': 'Sein Socket ist fehlgeschlagen.',
  'connection came': 'Verbindung kam',
  'last one closed': 'letzte geschlossen',
  'socket failed': 'Socket fehlgeschlagen',
  exited: 'beendet',
  'No connection to serve.': 'Keine Verbindung zu bedienen.',
  'Waiting for a request on its connection, and reading it.':
    'Wartet auf eine Anfrage auf seiner Verbindung und liest sie.',
  'Working on a request: running on the CPU, or ready and waiting for a core.':
    'Bearbeitet eine Anfrage: läuft auf der CPU oder ist bereit und wartet auf einen Kern.',
  'The request waits for its I/O (a disk, a database).':
    'Die Anfrage wartet auf ihre E/A (eine Festplatte, eine Datenbank).',
  'The thread has ended.': 'Der Thread ist beendet.',
  'given a connection': 'bekommt eine Verbindung',
  'request to work on': 'Anfrage zu bearbeiten',
  'thread ends': 'Thread endet',
  'connection gone': 'Verbindung weg',
  'I/O done, more work': 'E/A fertig, weitere Arbeit',
  'looking up': 'schlägt nach',
  'logging in': 'meldet sich an',
  visiting: 'besucht',
  thinking: 'denkt nach',
  'The user has not started yet.': 'Der Nutzer hat noch nicht begonnen.',
  'Looking up the server’s address (DNS, or at once for an address).':
    'Schlägt die Adresse des Servers nach (DNS, oder sofort bei einer Adresse).',
  'Sending the login form and waiting for the answer.':
    'Sendet das Anmeldeformular und wartet auf die Antwort.',
  'Loading a page and its objects, or sending its queries, and reading the answers.':
    'Lädt eine Seite und ihre Objekte oder sendet seine Abfragen und liest die Antworten.',
  'Reading what came, before the next visit (the think time).':
    'Liest, was kam, vor dem nächsten Besuch (die Denkzeit).',
  'All visits made; its connections closed.':
    'Alle Besuche gemacht; seine Verbindungen sind geschlossen.',
  'A lookup, a login or a visit failed; the user stops.':
    'Eine Namensauflösung, eine Anmeldung oder ein Besuch schlug fehl; der Nutzer hört auf.',
  'address found, has an account': 'Adresse gefunden, hat ein Konto',
  'address found': 'Adresse gefunden',
  'logged in': 'angemeldet',
  'visit over, more to come': 'Besuch vorbei, weitere folgen',
  'next visit at once': 'nächster Besuch sofort',
  'last visit over': 'letzter Besuch vorbei',
  'think time over': 'Denkzeit vorbei',
  'something failed': 'etwas schlug fehl',
  'sending a command': 'sendet einen Befehl',
  transferring: 'überträgt',
  quitting: 'beendet die Sitzung',
  'The session has not started yet.': 'Die Sitzung hat noch nicht begonnen.',
  'Opening the control connection and waiting for the server’s greeting.':
    'Öffnet die Steuerverbindung und wartet auf die Begrüßung des Servers.',
  'Sending USER and PASS.': 'Sendet USER und PASS.',
  'Sending the next command on the control connection.':
    'Sendet den nächsten Befehl auf der Steuerverbindung.',
  'A file goes over a data connection.': 'Eine Datei geht über eine Datenverbindung.',
  'Sending QUIT and waiting for the connection to close.':
    'Sendet QUIT und wartet, bis die Verbindung geschlossen ist.',
  'The session is over.': 'Die Sitzung ist vorbei.',
  'A command or a connection failed.': 'Ein Befehl oder eine Verbindung schlug fehl.',
  greeted: 'begrüßt',
  'logged in, nothing to do': 'angemeldet, nichts zu tun',
  'transfer starts': 'Übertragung beginnt',
  'done, next command': 'fertig, nächster Befehl',
  'last command done': 'letzter Befehl fertig',
  'last transfer done': 'letzte Übertragung fertig',
  waiting: 'wartet',
  fetching: 'holt ab',
  'Nothing to send or fetch until the next job comes due.':
    'Nichts zu senden oder abzuholen, bis die nächste Aufgabe fällig ist.',
  'Handing a message to its SMTP server: EHLO, MAIL FROM, RCPT TO, DATA, QUIT.':
    'Übergibt eine Nachricht an seinen SMTP-Server: EHLO, MAIL FROM, RCPT TO, DATA, QUIT.',
  'Fetching its mail from its POP3 server: USER, PASS, STAT, LIST, RETR, DELE, QUIT.':
    'Holt seine Post von seinem POP3-Server ab: USER, PASS, STAT, LIST, RETR, DELE, QUIT.',
  'message due': 'Nachricht fällig',
  'fetch due': 'Abholen fällig',
  'sent, next message': 'gesendet, nächste Nachricht',
  'sent, a fetch waits': 'gesendet, Abholen wartet',
  sent: 'gesendet',
  'fetched, a message waits': 'abgeholt, eine Nachricht wartet',
  'fetched, another fetch due': 'abgeholt, erneutes Abholen fällig',
  fetched: 'abgeholt',
  // The DHCP client of an interface.
  'No address: the client is about to look for a DHCP server.':
    'Keine Adresse: Der Client sucht gleich nach einem DHCP-Server.',
  'A DISCOVER has gone out; waiting for a server’s OFFER.':
    'Ein DISCOVER ist gesendet; wartet auf das OFFER eines Servers.',
  'It asked for the offered address; waiting for the server’s ACK or NAK.':
    'Er hat um die angebotene Adresse gebeten; wartet auf ACK oder NAK des Servers.',
  'It holds a lease: the interface has its address until T1.':
    'Er hat eine Lease: Die Schnittstelle hat ihre Adresse bis T1.',
  'Past T1: it asks its own server to extend the lease.':
    'Nach T1: Er bittet seinen eigenen Server, die Lease zu verlängern.',
  'Past T2: its server did not answer, so it asks any server.':
    'Nach T2: Sein Server hat nicht geantwortet, also fragt er jeden Server.',
  'no answer': 'keine Antwort',
  'lease expired': 'Lease abgelaufen',
} as const;
