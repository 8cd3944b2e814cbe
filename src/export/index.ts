import type { LoadedArticle } from '../corpus/built.ts';
import { UsageError } from '../model/errors.ts';
import { toCsv } from './csv.ts';
import { ARTICLE_TEXT_KEY, flatSchema, flattenGraph, isCorpusGraph, type FlatGraph } from './flatten.ts';
import { gexfString } from './gexf.ts';
import { writeGraphML } from './graphml.ts';
import { chunksText } from './graphmlSink.ts';
import { articleScene } from './imageArticle.ts';
import { IMAGE_PALETTES, type ImageBackground } from './imagePalette.ts';
import { sceneToSvg } from './svg.ts';
import { wellFormed, wellFormedGraph } from './wellFormed.ts';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Pictures of the graph rather than its data: drawn from positions and colours (./svg.ts). */
export const IMAGE_FORMATS = ['svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** The size `kg export --format svg` draws at: a 16:10 picture, big enough for a slide. */
export const DEFAULT_IMAGE_SIZE = { width: 1600, height: 1000 } as const;

/** One output file: `suffix` is appended to the base name when a format writes several files. */
export interface ExportFile {
  suffix: string;
  /** Text, or UTF-8 bytes (GraphML: ./graphml.ts writes bytes, which is what makes it fast). */
  chunks: Iterable<string | Uint8Array<ArrayBuffer>>;
}

/** A file's chunks as one string (for small files: the explorer's console). */
export const exportText = (file: ExportFile): string => chunksText(file.chunks);

/**
 * An article's graph in one format, as chunks of text or bytes: the core does no I/O, so the CLI can
 * stream to a temp file and the browser can build a Blob.
 *
 * Every string is first made well-formed, once, for all formats (lone surrogates -> U+FFFD:
 * ./wellFormed.ts). Then GraphML and GEXF replace what XML 1.0 forbids by U+FFFD and write no
 * value for an empty string (./xml.ts, ./graphml.ts, ./gexf.ts); CSV quotes formula-like cells
 * (./csv.ts); JSON keeps everything else as it is.
 */
export function exportArticle(article: LoadedArticle, format: ExportFormat): ExportFile[] {
  const graph = wellFormedGraph(article.graph);
  switch (format) {
    case 'graphml': {
      return [{ suffix: '', chunks: writeGraphML(flatWithText(graph, article.text), flatSchema(article.vocabulary, { corpus: isCorpusGraph(graph) })) }];
    }
    case 'gexf':
      return [{ suffix: '', chunks: [gexfString(flatWithText(graph, article.text))] }];
    case 'json':
      return [{ suffix: '', chunks: [JSON.stringify(graph.export(), null, 2) + '\n'] }];
    case 'csv': {
      const { nodes, edges } = toCsv(flattenGraph(graph), flatSchema(article.vocabulary, { corpus: isCorpusGraph(graph) }));
      return [{ suffix: '.nodes.csv', chunks: [nodes] }, { suffix: '.edges.csv', chunks: [edges] }];
    }
    default:
      throw new UsageError(`unknown export format "${String(format)}"; known: ${EXPORT_FORMATS.join(', ')}`);
  }
}

function flatWithText(graph: LoadedArticle['graph'], text: string): FlatGraph {
  const flat = flattenGraph(graph);
  if (text !== '' && !isCorpusGraph(graph)) flat.setAttribute(ARTICLE_TEXT_KEY, wellFormed(text));
  return flat;
}

/**
 * The whole graph as an SVG picture, laid out as the layout left it: every label, a title (the
 * article's) and a legend of the types present. One string: an article's picture is small.
 */
export function exportSvg(article: LoadedArticle, options: { width?: number; height?: number; background?: ImageBackground } = {}): ExportFile {
  const palette = IMAGE_PALETTES[options.background ?? 'white'];
  const scene = articleScene(wellFormedGraph(article.graph), palette);
  return { suffix: '', chunks: [sceneToSvg(scene, { width: options.width ?? DEFAULT_IMAGE_SIZE.width, height: options.height ?? DEFAULT_IMAGE_SIZE.height, palette })] };
}

export { articleScene, legendEntries } from './imageArticle.ts';
export { IMAGE_BACKGROUNDS, IMAGE_PALETTES, type ImageBackground, type ImagePalette } from './imagePalette.ts';
export { estimateWidth, IMAGE_FONT, type TextMeasure } from './imageText.ts';
export { imageScale, sceneToSvg, type GraphBounds, type ImageScene, type LabelPlacer, type LabelSpot, type LegendEntry, type SceneEdge, type SceneNode } from './svg.ts';
export { flatSchema, flattenGraph, type FlatGraph, type FlatSchema } from './flatten.ts';
