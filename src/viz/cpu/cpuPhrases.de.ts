// The CPU views' words in German (see cpuPhrases.ts for the English source and what each is for).
// The terms follow the German CPU scheduling lesson: Kontextwechsel, Quantum, Round Robin, Job.

import type { Translation } from '../../engine/language.ts';
import type { CPU_EN } from './cpuPhrases.ts';

export const CPU_DE: Translation<typeof CPU_EN> = {
  'policy.fcfs': 'Wer zuerst kommt, läuft zuerst (FCFS)',
  'policy.sjf': 'Kürzester Job zuerst (SJF)',
  'policy.srtf': 'Kürzeste Restzeit zuerst (SRTF)',
  'policy.priority': 'Priorität, nicht präemptiv',
  'policy.priorityPreemptive': 'Priorität, präemptiv',
  'policy.rr': 'Round Robin (RR)',
  'convention.first-dispatch':
    'Der erste Job, den ein Kern ausführt, kostet keinen Kontextwechsel: Es gibt keinen früheren Job, dessen Zustand gesichert werden muss.',
  'convention.idle-gap':
    'War die CPU untätig, wird ein Kontextwechsel nur berechnet, wenn der nächste Job nicht der ist, der zuletzt lief.',
  'convention.zero-cost':
    'Ein Kontextwechsel, der 0 Zeit kostet, zählt trotzdem als Wechsel: Er nimmt im Diagramm nur keinen Platz ein.',
  'convention.switch-end':
    'Bei einer präemptiven Strategie (SRTF, präemptive Priorität) entscheidet der Scheduler neu, wenn ein Wechsel endet: Ein besserer Job, der inzwischen angekommen ist, bekommt die CPU sofort, sodass kein Job je für null Zeit im Diagramm erscheint.',
  'convention.ties':
    'Unter Jobs mit gleicher Priorität oder gleicher Restzeit läuft der zuerst angekommene zuerst (kamen sie zugleich an, der weiter oben in der Tabelle). Bei Gleichstand behält ein laufender Job die CPU.',
  'convention.rr-arrival':
    'Round Robin: Ein Job, der genau dann ankommt, wenn das Quantum eines anderen Jobs endet, reiht sich vor diesem Job in die Warteschlange ein.',
  'convention.rr-alone':
    'Round Robin: Ein Quantum, das endet, während kein anderer Job wartet, hält den Job nicht an (kein Wechsel).',
  'gantt.core': 'Kern {core}',
  'gantt.span': '{from} bis {to}',
  'gantt.bar': '{job} auf Kern {core}: {span}',
  'gantt.switchBar': 'Kontextwechsel zu {job} auf Kern {core}: {span}',
  'gantt.switches': { one: '{count} Kontextwechsel', other: '{count} Kontextwechsel' },
  'gantt.slices':
    '{count} kurze Zeitscheiben auf Kern {core} ({switches}): {span}; eine kürzere Zeitspanne zeigt jede einzeln',
  'gantt.job': '{job} {from}–{to}',
  'gantt.jobRunning': '{job} {from}–{to} (läuft)',
  'gantt.earlier': '{count} frühere, dann {jobs}',
  'gantt.coreLine': 'Kern {core}: {jobs}',
  'gantt.idle': 'untätig',
  'gantt.summary': '{title} bis {time}. {summary}',
  'unit.tick': 'Tick',
  'unit.ticks': 'Ticks',
  'jobs.notYet': 'noch nicht',
  'jobs.avgWaiting': 'Mittlere Wartezeit',
  'jobs.avgTurnaround': 'Mittlere Durchlaufzeit',
  'jobs.avgResponse': 'Mittlere Antwortzeit',
  'jobs.utilization': 'CPU-Auslastung',
  'jobs.percent': '{percent} %',
  'jobs.throughput': 'Durchsatz',
  'jobs.perUnit': '{count} Jobs/{unit}',
  'jobs.stoppedSlices': 'Angehalten bei (nach {count} Zeitscheiben, der Grenze)',
  'jobs.stoppedSteps': 'Angehalten bei (nach {count} Schritten, der Grenze)',
  'jobs.allDone': 'Alles fertig bei',
  'jobs.switches': 'Kontextwechsel',
  'jobs.preemptions': 'Verdrängungen',
  'error.quantum': 'Das Quantum muss eine Zahl größer als 0 sein (in {unit}).',
  'error.contextSwitch': 'Der Kontextwechsel muss eine Zahl von mindestens 0 sein (in {unit}).',
  'queue.label':
    'Länge der Bereit-Warteschlange von 0 bis {time}: jetzt {now}, bisher höchstens {max}.',
  'core.idle': 'untätig',
  'core.running': 'führt {job} aus',
  'core.switching': 'wechselt zu {job}',
} as const;
