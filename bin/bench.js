#!/usr/bin/env node
// Entry point of `npm run bench`: loads the TypeScript benchmarks through tsx.
import { register } from 'tsx/esm/api';

register();
// The benchmarks run every kind of scenario: load every kind's behaviour first (kindBehaviours.ts).
const { loadEveryKind } = await import('../src/sim/index.ts');
await loadEveryKind();
await import('../bench/run.ts');
