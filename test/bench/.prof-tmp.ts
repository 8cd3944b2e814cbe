import fs from 'node:fs';
import { buildBenchGraph, BENCH_SCHEMA } from './graphml.ts';
import { writeGraphML } from '../../src/export/graphml.ts';
const g = buildBenchGraph(100000, 500000);
for (let r = 0; r < 4; r++) {
  const fd = fs.openSync('/tmp/prof.graphml', 'w');
  const t0 = performance.now();
  for (const c of writeGraphML(g, BENCH_SCHEMA)) fs.writeSync(fd, c);
  fs.closeSync(fd);
  console.log('write', ((performance.now() - t0) / 1000).toFixed(3));
}
