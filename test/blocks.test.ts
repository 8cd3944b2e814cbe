import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusSources } from '../src/cli/dataDir.ts';
import { buildCorpus } from '../src/corpus/buildCorpus.ts';
import { viewOf } from '../src/corpus/buildArticle.ts';
import { loadArticle, type BuiltArticle } from '../src/corpus/built.ts';
import { asHeader, encodeBlocks, growNeighbourhood, skeletonGraph, type BlockReader, type BlocksHeader } from '../src/corpus/builtBlocks.ts';
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
  // A block is two chunks: its relations, then its mentions.
  const block: BlockReader = (i, which) => JSON.parse(decoder.decode(chunks[2 + 2 * i + (which === 'mentions' ? 1 : 0)]));
  return { chunks, header, block };
}

function part(header: BlocksHeader, block: BlockReader, seed: string, levels: number, mentions = true): KgGraph {
  const graph = skeletonGraph(header);
  growNeighbourhood(graph, header, block, seed, levels, mentions);
  return graph;
}

/** Every relation as the graph holds it: key, ends and attributes, in the graph's order. */
const relationsOf = (graph: KgGraph, keys: Iterable<string> = graph.edges()) =>
  [...keys].map((e) => ({ key: e, source: graph.source(e), target: graph.target(e), attributes: graph.getEdgeAttributes(e) }));

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
    whole.forEachNode((node) => {
      const near = part(header, block, node, 1);
      // Each relation comes back exactly as the whole graph holds it: key, ends, every attribute.
      expect(relationsOf(near)).toEqual(relationsOf(whole, near.edges()));
      near.forEachEdge((edge) => edges.add(edge));
    });
    expect(edges.size).toBe(whole.size);
    // The offsets in the header add up to the file: nothing between, nothing after.
    const total = chunks.slice(2).reduce((n, c) => n + c.length, 0);
    const last = header.blocks.at(-1)!;
    expect(last[0] + last[1] + last[2]).toBe(total);
    // ASCII throughout, so the CLI reads it as Latin-1 without decoding.
    expect(chunks.every((c) => c.every((b) => b < 0x80))).toBe(true);
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
        // `kg neighbours` reads no mentions, and answers the same.
        const light = part(header, block, id, depth, false);
        expect(neighbours(light, id, { depth })).toEqual(neighbours(whole, id, { depth }));
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
    const parts = new Set<string>();
    part(header, (i, which) => (read.add(i), parts.add(which), block(i, which)), hub, 1, false);
    expect([...read].map((i) => header.nodes[i]![0])).toEqual([hub]);
    expect([...parts]).toEqual(['relations']);
  });
});

describe('a header is checked before it is used', () => {
  const { chunks, header, block } = cut(viewOf(buildCorpus(readCorpusSources(join(REPO, 'test/fixtures/corpus'))), undefined));
  const good = JSON.parse(decoder.decode(chunks[1])) as Record<string, unknown>;
  it.each([
    ['another build', { key: 'other' }],
    ['another format', { format: 1 }],
    ['a block list of another length', { blocks: [] }],
    ['a negative offset', { blocks: (good.blocks as number[][]).map(() => [-1, 2, 2]) }],
    ['blocks of the old shape', { blocks: (good.blocks as number[][]).map(([o, n]) => [o, n]) }],
    ['nodes that are not pairs', { nodes: (good.nodes as unknown[]).map(() => 'x') }],
    ['no text', { text: 7 }],
    ['no article table', { articles: undefined }],
    ['a relation type that is not a triple', { relationTypes: [['met', 'met']] }],
  ])('refuses %s', (_, change) => {
    expect(asHeader({ ...good, ...change }, 'k')).toBeUndefined();
  });

  const hub = header.nodes.findIndex(([, a]) => a.type === 'person');
  const seed = header.nodes[hub]![0];
  const packed = block(hub, 'relations') as unknown[][];
  it.each([
    ['a relations part that is not a list', () => ({})],
    ['a relation of the wrong length', () => [packed[0]!.slice(1)]],
    ['a relation naming an entity the header lacks', () => [packed[0]!.with(3, header.nodes.length)]],
    ['a relation of a type the header lacks', () => [packed[0]!.with(4, 99)]],
    ['a relation whose index is a name the header has as a property', () => [packed[0]!.with(4, 'constructor')]],
    ['a relation at a negative index', () => [packed[0]!.with(3, -1)]],
    ['a relation whose end is neither source nor target', () => [packed[0]!.with(2, 2)]],
    ['a relation from an article the header lacks', () => [packed[0]!.with(8, 99)]],
    ['a relation without evidence text', () => [packed[0]!.with(7, null)]],
    ['a key that is neither derived nor written out', () => [packed[0]!.with(1, 7)]],
  ])('throws on %s, so the CLI reads the whole build', (_, relations) => {
    expect(packed.length).toBeGreaterThan(0);
    const reader: BlockReader = (i, which) => (i === hub && which === 'relations' ? relations() : block(i, which));
    expect(() => part(header, reader, seed, 1)).toThrow(/blocks file/);
  });
  it('throws on a mentions part that is not one', () => {
    expect(() => part(header, (i, which) => (which === 'mentions' ? { mentions: 'none' } : block(i, which)), seed, 1)).toThrow(/blocks file/);
  });
});

describe('relations out of the common shape come back as they were', () => {
  // Keys the builder's rule does not give, qualifiers, a draft marker, evidence with more than a span.
  const built = viewOf(buildCorpus(readCorpusSources(join(REPO, 'test/fixtures/corpus'))), undefined);
  const edges = built.graph.edges.map((edge, i) => {
    const attributes = { ...edge.attributes! };
    if (i % 4 === 1) attributes.qualifiers = { date: '2025-02-03', ['__proto__']: 'x', 'a\u202eb': 3, '\ud800 lone': '😀 Zürich' };
    if (i % 4 === 2) attributes.draft = { confidence: 0.5, rule: 'r<script>' };
    if (i % 4 === 3) (attributes.evidence as unknown as Record<string, unknown>) = { ...attributes.evidence, note: 'more' };
    return { ...edge, key: i % 3 === 0 ? `custom ${i}` : edge.key, attributes };
  });
  const changed: BuiltArticle = { ...built, graph: { ...built.graph, edges } };
  const whole = loadArticle(changed).graph;
  const { chunks, header, block } = cut(changed);
  it('for every entity, keys and attributes included, read as the CLI reads them (Latin-1)', () => {
    const latin1 = new TextDecoder('latin1');
    expect(chunks.every((c) => c.every((b) => b < 0x80))).toBe(true);
    expect(JSON.parse(latin1.decode(chunks[2]))).toEqual(block(0, 'relations'));
    whole.forEachNode((node) => {
      const near = part(header, block, node, 1);
      expect(relationsOf(near)).toEqual(relationsOf(whole, near.edges()));
    });
  });
});
