#!/usr/bin/env node
// Entry point of `npm run bench`: loads the TypeScript benchmarks through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
