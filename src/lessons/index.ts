// Lessons: the format (Markdown with a front matter and step blocks), the conditions a lesson
// checks, and the headless check of a lesson against its scenario.
export * from './conditions.ts';
export * from './lessonFormat.ts';
export * from './lessonCheck.ts';
export * from './lessonProgress.ts';
export * from './lessonText.ts';
export * from './packetStep.ts';
export * from './progressHistory.ts';
export * from './progressExport.ts';
export * from './machineStep.ts';
export { cpuStep, type CpuStepSpec } from './cpuStep.ts';
export { comparePolicies, cpuMachineRun, type PolicyFigures } from './cpuMachine.ts';
export { routerOf, routerStep, type RouterStepSpec } from './routerStep.ts';
export { DROP, tableLines } from './routerMachine.ts';
export { chainRows, firewallOf, firewallStep, packetText, VERDICTS } from './firewallStep.ts';
export type { FirewallStepSpec, FirewallUnderTest, FirewallPacket } from './firewallStep.ts';
export { loadBalancerRun, type LbBackendState, type LbRun } from './loadBalancerMachine.ts';
export { loadBalancerStep, NO_BACKEND, type LoadBalancerStepSpec } from './loadBalancerStep.ts';
export { ENGLISH_MACHINE_WORDS, type MachineWords, type PickFacts } from './machineWords.ts';
