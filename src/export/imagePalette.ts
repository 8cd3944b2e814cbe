/**
 * The colours of an exported image, one palette per background. An image leaves the page: a PNG
 * with a white background is read on white paper or a slide whatever theme the explorer was in,
 * so its text colours follow the image's background, never the screen's theme. Every text colour
 * meets WCAG AA (4.5:1, test/svg.test.ts) against what it is drawn on: the background, or the
 * halo every text gets (for a transparent image, the halo is all the backdrop text can count on).
 * Node colours are the type palette (src/layout/palette.ts), the same on every background.
 */
export const IMAGE_BACKGROUNDS = ['white', 'dark', 'transparent'] as const;
export type ImageBackground = (typeof IMAGE_BACKGROUNDS)[number];

export interface ImagePalette {
  /** `null`: no background is painted (a transparent PNG, an SVG laid over something else). */
  background: string | null;
  /** Drawn behind every text as a stroke (paint-order), so labels stay readable across edges. */
  halo: string;
  title: string;
  label: string;
  edgeLabel: string;
  legend: string;
  edge: string;
  edgeHighlight: string;
  edgeSelected: string;
  dimNode: string;
  dimEdge: string;
}

const LIGHT = {
  halo: '#ffffff',
  title: '#1d232a',
  label: '#1d232a',
  edgeLabel: '#4b5563',
  legend: '#1d232a',
  edge: '#9aa3ad',
  edgeHighlight: '#5b6470',
  edgeSelected: '#222222',
  dimNode: '#e2e2e2',
  dimEdge: '#f0f0f0',
} as const;

export const IMAGE_PALETTES: Record<ImageBackground, ImagePalette> = {
  white: { background: '#ffffff', ...LIGHT },
  // The explorer's dark pane (styles.css --bg) and its canvas colours (src/app/view/canvasPalette.ts).
  dark: {
    background: '#14181d',
    halo: '#14181d',
    title: '#e6e9ed',
    label: '#e6e9ed',
    edgeLabel: '#b8c1cc',
    legend: '#e6e9ed',
    edge: '#5d6773',
    edgeHighlight: '#9aa6b2',
    edgeSelected: '#f0f3f6',
    dimNode: '#2f353c',
    dimEdge: '#242a30',
  },
  // Dark text on a white halo: readable on a light backdrop, and on a dark one thanks to the halo.
  transparent: { background: null, ...LIGHT },
};

/** The colour roles a palette names, for mapping a screen palette's colours onto an image's. */
export const COLOUR_ROLES = ['edge', 'edgeHighlight', 'edgeSelected', 'dimNode', 'dimEdge'] as const;
export type ColourRole = (typeof COLOUR_ROLES)[number];
