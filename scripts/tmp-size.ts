import { buildAll } from '../build/buildAll.ts';
import { staticClosure, gzippedBytes } from '../bench/bundleSize.ts';
const outDir = process.argv[2]!;
await buildAll({ root: process.cwd(), outDir });
const files = staticClosure(outDir, 'handshake-sim.js');
console.log(files, (gzippedBytes(outDir, files) / 1024).toFixed(2));
