// Setup of the Node test project: every kind's behaviour loaded before a test file runs, as the
// command line does, so tests build any scenario at once. How a run loads only what its scenario
// needs is tested on its own (src/sim/kinds/kindBehaviours.test.ts, in a fresh module graph).
import { loadEveryKind } from '../../src/sim/index.ts';

await loadEveryKind();
