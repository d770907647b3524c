// The event log's CPU, server-process and user sentences in German (see serverPhrases.ts):
// Kern, Bereit-Warteschlange, Accept-Warteschlange, Worker and Thread, as the page and the
// German lessons say them.

import type { Translation } from '../../engine/language.ts';
import type { SERVER_EN } from './serverPhrases.ts';

export const SERVER_DE: Translation<typeof SERVER_EN> = {
  'worker.idle': 'untätig, wartet auf eine Verbindung',
  'worker.reading': 'liest eine Anfrage',
  'worker.working': 'arbeitet auf der CPU',
  'worker.waitingForIo': 'wartet auf I/O (Platte oder Datenbank)',
  'worker.exited': 'fertig, der Thread endet',
  'conn.accepted': 'aus der Accept-Warteschlange genommen, wartet auf einen Thread',
  'conn.reading': 'wartet auf eine Anfrage',
  'conn.working': 'ihre Anfrage wird bearbeitet',
  'conn.waitingForIo': 'wartet auf das I/O ihrer Anfrage',
  'conn.abandoned': 'vom Client aufgegeben: Die Anfrage in Arbeit wird für niemanden mehr fertig',
  'conn.refused': 'abgewiesen',
  'conn.closing': 'wird geschlossen',
  'conn.closed': 'geschlossen',
  'status.none': 'einer Antwort',
  'status.code': 'Status {code}',
  'cpu.arrive':
    'CPU von {node}: {job} reiht sich in die Bereit-Warteschlange ein und braucht {burst} CPU-Zeit.',
  'cpu.switch': 'CPU von {node}: Kern {core} beginnt einen Kontextwechsel zu {job}.',
  'cpu.dispatch': 'CPU von {node}: {job} läuft auf Kern {core} (noch {remaining} seines Bursts).',
  'cpu.preempt.quantum':
    'CPU von {node}: {job} wird nach seinem Quantum von {ran} verdrängt; noch {left} seines Bursts, zurück in die Bereit-Warteschlange.',
  'cpu.preempt.quantumEnded':
    'CPU von {node}: {job} wird verdrängt, sein Zeitquantum ist abgelaufen; noch {left} seines Bursts, zurück in die Bereit-Warteschlange.',
  'cpu.preempt.priority':
    'CPU von {node}: {job} wird verdrängt: Ein Job höherer Priorität ist bereit{early}; noch {left} seines Bursts, zurück in die Bereit-Warteschlange.',
  'cpu.preempt.shorter':
    'CPU von {node}: {job} wird verdrängt: Ein Job mit kürzerer Restzeit ist bereit{early}; noch {left} seines Bursts, zurück in die Bereit-Warteschlange.',
  'cpu.preempt.early': ', als sein Kontextwechsel endet, bevor er gelaufen ist',
  'cpu.block': 'CPU von {node}: {job} verlässt Kern {core}, um {io} auf I/O zu warten.',
  'cpu.wake': 'CPU von {node}: Das I/O von {job} ist fertig.',
  'cpu.complete': 'CPU von {node}: {job} endet auf Kern {core}.',
  'server.accept': '{node}: {app} gibt die Verbindung von {peer} an Worker {worker}.',
  'server.wait.pool':
    '{node}: Alle Worker von {app} sind beschäftigt, also wartet die Verbindung von {peer} (Wartende: {waiting}).',
  'server.wait.backlog': {
    one: '{node}: {app} ist an seiner Grenze; {count} Verbindung wartet in der Accept-Warteschlange des Kernels.',
    other:
      '{node}: {app} ist an seiner Grenze; {count} Verbindungen warten in der Accept-Warteschlange des Kernels.',
  },
  'server.refuse': '{node}: {app} weist die Verbindung von {peer} ab ({reason}).',
  'server.request': '{node}: {app} erhält Anfrage {req}, {label}.',
  'server.work': '{node}: Worker {worker} beginnt mit {label} (Anfrage {req}).',
  'server.work.unlabelled': '{node}: Worker {worker} beginnt mit Anfrage {req}.',
  'server.reply':
    '{node}: {app} beantwortet {label} mit {status}, {latency} nach dem Eintreffen der Anfrage.',
  'server.reply.unlabelled':
    '{node}: {app} beantwortet Anfrage {req} mit {status}, {latency} nach ihrem Eintreffen.',
  'server.limit.client':
    '{node}: {peer} ist über dem Ratenlimit von {app} (kein Token mehr in seinem Eimer), also wird Anfrage {req} sofort mit {status} beantwortet, ohne Arbeit.',
  'server.limit.all':
    '{node}: {app} ist über seinem Ratenlimit für alle Clients (kein Token mehr im Eimer), also wird Anfrage {req} von {peer} sofort mit {status} beantwortet, ohne Arbeit.',
  'server.close': '{node}: {app} schließt die Verbindung von {peer}{why}.',
  'server.close.idle': ', weil sie zu lange untätig war',
  'server.close.peerClosed': ', weil der Client sie geschlossen hat',
  'server.conn': '{node}: Die Verbindung von {peer} zu {app}: {state}.',
  'server.worker': '{node}: Worker {worker} von {app}: {state}.',
  'user.waiting': 'wartet auf den Start',
  'user.resolving': 'sucht die Adresse des Servers',
  'user.loggingIn': 'meldet sich an',
  'user.visiting': 'ist bei einem Besuch',
  'user.thinking': 'denkt vor dem nächsten Besuch nach',
  'user.done': 'ist mit den Besuchen fertig',
  'user.failed': 'wurde durch einen Fehler gestoppt',
  'user.app': 'Anwendung {app}',
  'user.user': 'Nutzer {user} von {app}',
  'user.state': '{node}: {user} {state}.',
  'user.visit': '{node}: {user} beginnt Besuch {visit}.',
  'retry.wait':
    '{node}: {user}: Anfrage {req} nach {target} ist gescheitert ({reason}); nächster Versuch in {delay}, Versuch {attempt} von {attempts}.',
  'retry.waitAsked':
    '{node}: {user}: Anfrage {req} nach {target} ist gescheitert ({reason}); nächster Versuch in {delay}, wie der Server verlangt, Versuch {attempt} von {attempts}.',
  'retry.giveUp': '{node}: {user} gibt {target} nach {attempts} Versuchen auf ({reason}).',
  'retry.recovered': '{node}: {user} bekommt die Antwort für {target} im Versuch {attempt}.',
};
