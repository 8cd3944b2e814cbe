/**
 * The PostgreSQL store: kg push rows per second, and kg --store neighbours --depth 2 against the
 * in-memory answer on a synthetic 100k/500k corpus. Registered in run.ts as the `store` section.
 */
import type { BenchSection } from './run.ts';

export const storeSection: BenchSection = {
  name: 'store',
  title: 'PostgreSQL store: kg push rows/s, kg --store neighbours --depth 2 against in memory (100k/500k)',
  async run() {
    return [];
  },
};
