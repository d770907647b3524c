// Statecharts drawn from XState machine definitions and laid out: TCP's as RFC 9293's figure 5,
// each application's in rows.
export {
  appStatechart,
  cpuCoreStatechart,
  machineChart,
  serverConnectionStatechart,
  tcpStatechart,
} from './machineCharts.ts';
export { isServerThread } from './sharedMachines.ts';
export type { Statechart } from './statechart.ts';
export { chartGroups, stateCounts, type ChartGroup, type ChartInstance } from './chartGroups.ts';
export { machinePhrases, machineWord, MACHINE_EN } from './machinePhrases.ts';
export { chartDescription, statechartPhrases, STATECHART_EN } from './statechartPhrases.ts';
