// The contract of the simulator view: what every panel receives (scenario, records, time,
// names) and what the learner selected.
export type { SelectHandler, Selection, ViewInput } from './viewModel.ts';
