import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusSources } from '../src/cli/dataDir.ts';
import { buildCorpus } from '../src/corpus/buildCorpus.ts';
import { viewOf } from '../src/corpus/buildArticle.ts';
import { loadArticle, type BuiltArticle } from '../src/corpus/built.ts';
import { asBlock, asHeader, encodeBlocks, growNeighbourhood, skeletonGraph, type BlocksHeader } from '../src/corpus/builtBlocks.ts';
import type { KgGraph } from '../src/model/types.ts';
import { DIRECTIONS, neighbours, relationTypes, show } from '../src/query/index.ts';
import { REPO } from './helpers/sources.ts';

/**
 * `kg neighbours` and `kg show` answer from the part of the graph around the entity (the blocks
 * file). Whatever they answer from that part must be what the whole graph answers, ties and
 * order included; what the part cannot answer must fail, so the CLI asks the whole graph.
 */

const decoder = new TextDecoder();

function cut(built: BuiltArticle) {
  const chunks = encodeBlocks(built, 'k');
  const header = asHeader(JSON.parse(decoder.decode(chunks[1])), 'k')!;
  const block = (i: number) => asBlock(JSON.parse(decoder.decode(chunks[2 + i])))!;
  return { chunks, header, block };
}

function part(header: BlocksHeader, block: (i: number) => ReturnType<typeof asBlock> & object, seed: string, levels: number): KgGraph {
  const graph = skeletonGraph(header);
  growNeighbourhood(graph, header, block, seed, levels);
  return graph;
}

/** The answer, or the error's class and message. */
function answer(query: () => unknown): unknown {
  try {
    return query();
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

const views: [string, string, string | undefined][] = [
  ['the curated corpus', join(REPO, 'data'), undefined],
  ['the seed article', join(REPO, 'data'), '2025-02-03-starmer-eu-leaders-dinner'],
  ['the fixture corpus', join(REPO, 'test/fixtures/corpus'), undefined],
];

describe.each(views)('the part around an entity answers as the whole does: %s', (_, dir, slug) => {
  const built = viewOf(buildCorpus(readCorpusSources(dir)), slug);
  const whole = loadArticle(built).graph;
  const { chunks, header, block } = cut(built);
  const relationNames = [...relationTypes(whole).keys()];

  it('holds every entity and every relation once', () => {
    expect(header.nodes.map(([key]) => key)).toEqual(whole.nodes());
    const edges = new Set<string>();
    whole.forEachNode((node, _a) => {
      for (const edge of block(header.nodes.findIndex(([k]) => k === node)).edges) edges.add(edge.key!);
    });
    expect(edges.size).toBe(whole.size);
    // The offsets in the header add up to the file: nothing between, nothing after.
    const total = chunks.slice(2).reduce((n, c) => n + c.length, 0);
    const last = header.blocks.at(-1)!;
    expect(last[0] + last[1]).toBe(total);
  });

  it('gives every entity the same neighbours at depths 1 to 3, both ways and each way, and the same details', () => {
    let compared = 0;
    for (const id of whole.nodes()) {
      for (const depth of [1, 2, 3]) {
        const graph = part(header, block, id, depth);
        for (const direction of DIRECTIONS) {
          expect(neighbours(graph, id, { depth, direction })).toEqual(neighbours(whole, id, { depth, direction }));
          compared++;
        }
      }
      expect(show(part(header, block, id, 1), id)).toEqual(show(whole, id));
    }
    expect(compared).toBe(whole.order * 9);
  });

  it('with a relation filter, answers as the whole does or fails (and the CLI then asks the whole)', () => {
    let answered = 0;
    let failed = 0;
    for (const id of whole.nodes()) {
      const graph = part(header, block, id, 1);
      for (const relation of relationNames) {
        const fromPart = answer(() => neighbours(graph, id, { relations: [relation] }));
        if (typeof fromPart === 'object' && fromPart !== null && 'error' in fromPart) {
          expect(fromPart).toMatchObject({ error: 'UsageError' });
          failed++;
        } else {
          expect(fromPart).toEqual(neighbours(whole, id, { relations: [relation] }));
          answered++;
        }
      }
    }
    expect(answered).toBeGreaterThan(0);
    if (relationNames.length > 1) expect(failed).toBeGreaterThan(0);
  });

  it('reads only the blocks it walks', () => {
    const hub = whole.nodes().sort((a, b) => whole.degree(b) - whole.degree(a))[0]!;
    const read = new Set<number>();
    part(header, (i) => (read.add(i), block(i)), hub, 1);
    expect([...read].map((i) => header.nodes[i]![0])).toEqual([hub]);
  });
});

describe('a header is checked before it is used', () => {
  const { chunks } = cut(viewOf(buildCorpus(readCorpusSources(join(REPO, 'test/fixtures/corpus'))), undefined));
  const good = JSON.parse(decoder.decode(chunks[1])) as Record<string, unknown>;
  it.each([
    ['another build', { key: 'other' }],
    ['another format', { format: 2 }],
    ['a block list of another length', { blocks: [] }],
    ['a negative offset', { blocks: (good.blocks as number[][]).map(() => [-1, 2]) }],
    ['nodes that are not pairs', { nodes: (good.nodes as unknown[]).map(() => 'x') }],
    ['no text', { text: 7 }],
  ])('refuses %s', (_, change) => {
    expect(asHeader({ ...good, ...change }, 'k')).toBeUndefined();
  });
  it('refuses a block whose edges and order disagree', () => {
    const block = JSON.parse(decoder.decode(chunks[2])) as Record<string, unknown[]>;
    expect(asBlock(block)).toBeDefined();
    expect(asBlock({ ...block, order: [...block.order!, 1] })).toBeUndefined();
    expect(asBlock({ ...block, mentions: 'none' })).toBeUndefined();
  });
});
