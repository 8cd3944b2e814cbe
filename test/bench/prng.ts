/** The project's seeded PRNG (mulberry32), so every benchmark run builds the same synthetic graph. */
export { seededRandom as prng } from '../../src/layout/communities.ts';
