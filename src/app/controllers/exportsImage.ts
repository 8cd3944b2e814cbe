import type Sigma from 'sigma';
import { IMAGE_FONT, IMAGE_PALETTES, imageScale, sceneToSvg, type ImageBackground, type LabelPlacer, type TextMeasure } from '../../export/index.ts';
import { placeLabels } from '../view/labelPlacement.ts';
import { CANVAS_PALETTES, type ThemeName } from '../view/canvasPalette.ts';
import { download } from './exports.ts';
import { sceneFromRenderer, type ImageScope } from './exportsScene.ts';

export const IMAGE_EXPORT_FORMATS = ['png', 'svg'] as const;
export type ImageExportFormat = (typeof IMAGE_EXPORT_FORMATS)[number];
/** 'theme': the explorer's background now (white in the light theme, dark in the dark one). */
export type BackgroundChoice = 'white' | 'theme' | 'transparent';

/** Canvases beyond this on a side fail in some browsers (and a PNG that big is rarely meant). */
export const MAX_IMAGE_SIDE = 8192;
export const MIN_IMAGE_SIDE = 100;

export interface ImageRequest {
  format: ImageExportFormat;
  scope: ImageScope;
  width: number;
  height: number;
  background: BackgroundChoice;
  title: string;
  legend: boolean;
}

/** Widths from the canvas with the image's own font: what Chromium draws the SVG with, as an <img> or a PNG. */
function canvasMeasure(): TextMeasure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text, size) => text.length * size * 0.6;
  return (text, size, weight) => {
    context.font = `${weight} ${size}px ${IMAGE_FONT}`;
    return context.measureText(text).width;
  };
}

/**
 * The explorer's own label placement (view/labelPlacement.ts: beside, at a corner, above or
 * below, off other labels and nodes), biggest nodes first. A label with no free side is left to
 * the SVG's default, right of its node: on screen it would be hidden, but an image lists every entity.
 */
const placer: LabelPlacer = (spots, area, style) => {
  const candidates = spots.map((s) => ({ key: s.key, x: s.x, y: s.y, radius: s.radius, text: s.text, width: s.width, rank: 0 }));
  const placed = placeLabels(candidates, candidates, area, [], { ...style, forcedRank: 0 });
  return new Map(placed.map((p) => [p.key, { textX: p.textX, textY: p.textY }]));
};

const paletteFor = (background: BackgroundChoice, theme: ThemeName): ImageBackground => (background === 'theme' ? (theme === 'dark' ? 'dark' : 'white') : background);

/** The SVG of what the renderer shows, as asked. */
export function imageSvg(renderer: Sigma, theme: ThemeName, request: ImageRequest): string {
  const palette = IMAGE_PALETTES[paletteFor(request.background, theme)];
  const scene = sceneFromRenderer(renderer, { scope: request.scope, screen: CANVAS_PALETTES[theme], palette, title: request.title, legend: request.legend });
  const { width, height } = renderer.getDimensions();
  // A view keeps the screen's proportions of text to graph: everything grows as the image outgrows the pane.
  const scale = request.scope === 'view' ? Math.max(0.5, Math.min(request.width / Math.max(1, width), request.height / Math.max(1, height))) : imageScale(request.width, request.height);
  return sceneToSvg(scene, { width: request.width, height: request.height, palette, measure: canvasMeasure(), placeLabels: placer, scale });
}

/**
 * The SVG drawn on a canvas of the chosen size: one renderer for both formats. An SVG shown as
 * an image loads no fonts, scripts or external files (which is why a system font is used), and
 * a blob: URL of our own keeps the canvas untainted, so toBlob may read it back.
 */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser gives no 2D canvas to draw the PNG on');
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`the browser could not make a ${width}x${height} PNG`))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Builds the image and downloads it as `slug.png` or `slug.svg`. */
export async function downloadImage(renderer: Sigma, theme: ThemeName, request: ImageRequest, slug: string): Promise<void> {
  const svg = imageSvg(renderer, theme, request);
  if (request.format === 'svg') {
    download(new File([svg], `${slug}.svg`, { type: 'image/svg+xml' }));
    return;
  }
  const png = await svgToPng(svg, request.width, request.height);
  download(new File([png], `${slug}.png`, { type: 'image/png' }));
}

/** Whether a choice of the toolbar's Export select is an image (made after the dialog) rather than data. */
export const isImageFormat = (value: string): value is ImageExportFormat => (IMAGE_EXPORT_FORMATS as readonly string[]).includes(value);
