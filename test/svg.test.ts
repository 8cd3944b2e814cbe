/**
 * The SVG image of a graph (src/export/svg.ts) and `kg export --format svg`: a well-formed file
 * whatever the labels hold, real <text> for every label, a legend of only the types drawn, every
 * label inside the image, the size asked, and text colours readable on each background.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticle, loadArticle, type LoadedArticle } from '../src/corpus/index.ts';
import { articleScene, estimateWidth, exportSvg, IMAGE_BACKGROUNDS, IMAGE_PALETTES, legendEntries, sceneToSvg, type ImageScene, type SceneNode } from '../src/export/index.ts';
import { xmlChars } from '../src/export/xml.ts';
import { contrastRatio } from '../src/layout/palette.ts';
import { ENTITY_TYPES } from '../src/model/types.ts';
import { kg } from './helpers/kg.ts';
import { REPO, SEED_SLUG, sources } from './helpers/sources.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const white = IMAGE_PALETTES.white;
const scratch = mkdtempSync(join(tmpdir(), 'kg-svg-'));
let seed: LoadedArticle;

beforeAll(() => {
  seed = loadArticle(buildArticle(sources(join(REPO, 'data'), SEED_SLUG)));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Strict parse: any error (not xmldom's warning about the U+FFFD we write on purpose) fails. */
function parse(svg: string): Document {
  const onError = (level: string, message: string) => {
    if (level !== 'warning') throw new Error(`not well-formed: ${message}`);
  };
  const doc = new DOMParser({ onError }).parseFromString(svg, 'image/svg+xml');
  expect(doc.documentElement?.namespaceURI).toBe(SVG_NS);
  return doc;
}

const all = (doc: Document, tag: string) => Array.from(doc.getElementsByTagNameNS(SVG_NS, tag)) as Element[];
const group = (doc: Document, name: string) => all(doc, 'g').find((g) => g.getAttribute('class') === name);
const texts = (doc: Document, name: string) => Array.from(group(doc, name)?.getElementsByTagNameNS(SVG_NS, 'text') ?? []).map((t) => t.textContent ?? '');
const n = (el: Element, attr: string) => Number(el.getAttribute(attr));

const node = (x: number, y: number, label: string, color = '#0072B2', size = 6): SceneNode => ({ x, y, size, color, label });
const scene = (nodes: SceneNode[], extra: Partial<ImageScene> = {}): ImageScene => ({ nodes, edges: [], title: '', legend: [], ...extra });

describe('the SVG of a scene', () => {
  it('stays well-formed with hostile labels and title, and keeps each as text (not markup)', () => {
    const hostile = ['<script>alert(1)</script>', 'A & B ]]> C', 'lone \ud800 half', 'bell \u0007 and NUL \u0000', 'quotes " and \'', 'emoji 🎉 pair', 'CR\r NEL\u0085 LS\u2028 PS\u2029 end', '&amp; already'];
    const svg = sceneToSvg(
      scene(hostile.map((label, i) => node(i * 10, i % 3, label, i === 0 ? 'red" onload="alert(1)' : '#009E73')), {
        edges: [{ source: 0, target: 1, color: 'url(javascript:x)', size: 1.5, curvature: 0.2, arrow: true, label: '</text><script>x</script>' }],
        title: 'Title <b>&</b> "quoted" \ud83d',
        legend: [{ label: '<i>person</i>', color: '#0072B2' }],
      }),
      { width: 900, height: 600, palette: white },
    );
    const file = join(scratch, 'hostile.svg');
    writeFileSync(file, svg);
    const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    const doc = parse(svg);
    expect(all(doc, 'script')).toHaveLength(0);
    expect(all(doc, 'b')).toHaveLength(0);
    expect(texts(doc, 'node-labels')).toEqual(hostile.map(xmlChars));
    expect(texts(doc, 'edge-labels')).toEqual(['</text><script>x</script>']);
    expect(all(doc, 'title')[0]!.textContent).toBe('Title <b>&</b> "quoted" \ufffd');
    expect(texts(doc, 'legend')).toEqual(['<i>person</i>']);
    // A colour that is not one is replaced, never written as an attribute of its own.
    expect(svg).not.toMatch(/onload|javascript/);
    expect(all(doc, 'circle')[0]!.getAttribute('fill')).toBe('#888888');
  });

  it('is the size asked, with the title above and the legend below every node', () => {
    for (const [width, height] of [[1600, 1000], [390, 844], [3840, 2160]] as const) {
      const doc = parse(sceneToSvg(scene([node(0, 0, 'Low', '#0072B2'), node(5, 100, 'High', '#D55E00'), node(-50, -100, 'Bottom', '#009E73')], { title: 'An article', legend: [{ label: 'person', color: '#0072B2' }] }), { width, height, palette: white }));
      const root = doc.documentElement!;
      expect([n(root, 'width'), n(root, 'height'), root.getAttribute('viewBox')]).toEqual([width, height, `0 0 ${width} ${height}`]);
      const title = all(doc, 'text').find((t) => t.getAttribute('class') === 'title')!;
      const legendTop = Math.min(...Array.from(group(doc, 'legend')!.getElementsByTagNameNS(SVG_NS, 'circle')).map((c) => n(c, 'cy') - n(c, 'r')));
      for (const c of Array.from(group(doc, 'nodes')!.getElementsByTagNameNS(SVG_NS, 'circle'))) {
        expect(n(c, 'cy') - n(c, 'r')).toBeGreaterThan(n(title, 'y'));
        expect(n(c, 'cy') + n(c, 'r')).toBeLessThan(legendTop);
      }
    }
  });

  it('fits every label inside the image, wherever the layout put the nodes and however long the labels', () => {
    const label = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('International Institute for Strategic Studies', 'W'.repeat(300), '北京市人民政府', ''));
    const arbitraryNode = fc.record({ x: fc.double({ min: -1e4, max: 1e4, noNaN: true }), y: fc.double({ min: -1e4, max: 1e4, noNaN: true }), size: fc.double({ min: 0, max: 30, noNaN: true }), color: fc.constant('#0072B2'), label });
    fc.assert(
      fc.property(fc.array(arbitraryNode, { minLength: 1, maxLength: 25 }), fc.integer({ min: 200, max: 2500 }), fc.integer({ min: 200, max: 2500 }), fc.boolean(), (nodes, width, height, title) => {
        const doc = parse(sceneToSvg(scene(nodes, { title: title ? 'A title long enough to be cut on a narrow image, surely' : '' }), { width, height, palette: white }));
        const labels = group(doc, 'node-labels')!;
        const size = n(labels, 'font-size');
        for (const t of Array.from(labels.getElementsByTagNameNS(SVG_NS, 'text'))) {
          const x = n(t, 'x');
          const y = n(t, 'y');
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x + estimateWidth(t.textContent ?? '', size, 400)).toBeLessThanOrEqual(width + 0.02);
          expect(y - 0.8 * size).toBeGreaterThanOrEqual(0);
          expect(y + 0.3 * size).toBeLessThanOrEqual(height);
        }
        for (const t of all(doc, 'text').filter((e) => e.getAttribute('class') === 'title')) {
          expect(n(t, 'x') + estimateWidth(t.textContent ?? '', n(t, 'font-size'), 600)).toBeLessThanOrEqual(width + 0.02);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('shows, of a camera view, only the nodes inside it', () => {
    const svg = sceneToSvg(scene([node(0, 0, 'Inside'), node(1000, 1000, 'Far away')], { bounds: { minX: -10, minY: -10, maxX: 10, maxY: 10 } }), { width: 800, height: 600, palette: white });
    expect(texts(parse(svg), 'node-labels')).toEqual(['Inside']);
  });

  it('draws a label where the placer puts it, and right of its node when the placer leaves it', () => {
    // Tall and narrow graph in a wide image: room to spare on both sides.
    const svg = sceneToSvg(scene([node(0, 0, 'Placed on the left'), node(0, 100, 'Left to default'), node(10, -100, 'Third')]), {
      width: 1600,
      height: 500,
      palette: white,
      placeLabels: (spots) => new Map(spots.filter((s) => s.text === 'Placed on the left').map((s) => [s.key, { textX: s.x - s.radius - 4 - s.width, textY: s.y }])),
    });
    const doc = parse(svg);
    const labels = Array.from(group(doc, 'node-labels')!.getElementsByTagNameNS(SVG_NS, 'text'));
    const circles = Array.from(group(doc, 'nodes')!.getElementsByTagNameNS(SVG_NS, 'circle'));
    const size = n(group(doc, 'node-labels')!, 'font-size');
    const end = (t: Element) => n(t, 'x') + estimateWidth(t.textContent ?? '', size, 400);
    expect(end(labels[0]!)).toBeCloseTo(n(circles[0]!, 'cx') - n(circles[0]!, 'r') - 4, 1);
    expect(n(labels[1]!, 'x')).toBeGreaterThan(n(circles[1]!, 'cx') + n(circles[1]!, 'r'));
    // Room was made on the right for every label; one moved left gives it back, and the drawing is centred again.
    const left = Math.min(...labels.map((t) => n(t, 'x')));
    const right = Math.max(...labels.map(end));
    expect(Math.abs(left - (1600 - right))).toBeLessThan(10);
  });

  it('refuses an image of no size', () => {
    expect(() => sceneToSvg(scene([]), { width: 0, height: 100, palette: white })).toThrow(RangeError);
  });
});

describe('the legend', () => {
  it('lists the types drawn, once each, in the vocabulary order, with the colour most of their nodes have', () => {
    expect(legendEntries([
      { type: 'topic', color: '#56B4E9' },
      { type: 'person', color: '#0072B2' },
      { type: 'person', color: '#123456' },
      { type: 'person', color: '#0072B2' },
    ])).toEqual([{ label: 'person', color: '#0072B2' }, { label: 'topic', color: '#56B4E9' }]);
  });

  it('of the seed graph names exactly its types; without countries, countries are gone', () => {
    const types = new Set(seed.graph.mapNodes((_, a) => a.type));
    const legendOf = (svg: string) => texts(parse(svg), 'legend');
    expect(legendOf([...exportSvg(seed).chunks].join(''))).toEqual(ENTITY_TYPES.filter((t) => types.has(t)));
    const graph = seed.graph.copy();
    graph.filterNodes((_, a) => a.type === 'country').forEach((id) => graph.dropNode(id));
    expect(legendOf(sceneToSvg(articleScene(graph, white), { width: 1600, height: 1000, palette: white }))).toEqual(ENTITY_TYPES.filter((t) => types.has(t) && t !== 'country'));
  });
});

describe('the seed article as an SVG', () => {
  it('has a <text> for every entity label, the article title, and every label inside the image', () => {
    const svg = [...exportSvg(seed).chunks].join('');
    const doc = parse(svg);
    const labels = seed.graph.mapNodes((_, a) => a.label);
    expect(labels.length).toBeGreaterThan(40);
    expect(texts(doc, 'node-labels').sort()).toEqual(labels.sort());
    expect(all(doc, 'text').find((t) => t.getAttribute('class') === 'title')?.textContent).toBe(seed.graph.getAttribute('title'));
    expect(all(doc, 'path').length).toBeGreaterThanOrEqual(seed.graph.size);
  });

  it('on a dark background writes light text, on white dark text, each meeting WCAG AA', () => {
    const fills = (background: 'white' | 'dark') => {
      const doc = parse([...exportSvg(seed, { background }).chunks].join(''));
      return ['node-labels', 'legend'].map((g) => group(doc, g)!.getAttribute('fill')!);
    };
    for (const fill of fills('dark')) expect(contrastRatio(fill, IMAGE_PALETTES.dark.background!)).toBeGreaterThanOrEqual(4.5);
    for (const fill of fills('white')) expect(contrastRatio(fill, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(fills('dark')).not.toEqual(fills('white'));
  });

  it('every palette: each text colour meets 4.5:1 on its background and on its halo', () => {
    for (const name of IMAGE_BACKGROUNDS) {
      const p = IMAGE_PALETTES[name];
      for (const text of [p.title, p.label, p.edgeLabel, p.legend]) {
        expect(contrastRatio(text, p.halo), `${name} ${text} on halo`).toBeGreaterThanOrEqual(4.5);
        if (p.background) expect(contrastRatio(text, p.background), `${name} ${text}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('kg export --format svg', () => {
  const seedKg = (args: string[]) => kg(args, { env: { KG_ARTICLE: SEED_SLUG } });

  it('writes the SVG to standard output, every entity labelled', () => {
    const { code, stdout, stderr } = seedKg(['export', '--format', 'svg']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(texts(parse(stdout), 'node-labels').sort()).toEqual(seed.graph.mapNodes((_, a) => a.label).sort());
  });

  it('names the format from --out graph.svg, and refuses a --format the name contradicts', () => {
    const out = join(scratch, 'graph.svg');
    const written = seedKg(['export', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain('graph.svg');
    expect(readFileSync(out, 'utf8')).toBe(seedKg(['export', '--format', 'SVG']).stdout);
    const refused = seedKg(['export', '--format', 'svg', '--out', join(scratch, 'graph.graphml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--format svg does not match/);
    expect(seedKg(['export', '--format', 'svg', '--table', 'nodes']).code).toBe(2);
  });
});
