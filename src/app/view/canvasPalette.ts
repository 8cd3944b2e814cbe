/** The two themes of the explorer. The page's own colours are in styles.css; these are the canvas's. */
export const THEMES = ['light', 'dark'] as const;
export type ThemeName = (typeof THEMES)[number];

/**
 * What sigma draws beside the node colours (which are the type palette in both themes). Every
 * text colour here meets WCAG AA (4.5:1) on its theme's pane background and on its hover box.
 */
export interface CanvasPalette {
  /** Node labels; the halo around them is the pane's own background colour. */
  label: string;
  edgeLabel: string;
  edge: string;
  /** Edges of a highlighted neighbourhood, and the selected edge. */
  edgeHighlight: string;
  edgeSelected: string;
  dimNode: string;
  dimEdge: string;
  /** The box behind a hovered or selected node's label. */
  hoverBox: string;
  hoverShadow: string;
}

export const CANVAS_PALETTES: Record<ThemeName, CanvasPalette> = {
  light: {
    label: '#1d232a',
    edgeLabel: '#4b5563',
    edge: '#9aa3ad',
    edgeHighlight: '#5b6470',
    edgeSelected: '#222222',
    dimNode: '#e2e2e2',
    dimEdge: '#f0f0f0',
    hoverBox: '#ffffff',
    hoverShadow: 'rgba(0, 0, 0, 0.45)',
  },
  dark: {
    label: '#e6e9ed',
    edgeLabel: '#b8c1cc',
    edge: '#5d6773',
    edgeHighlight: '#9aa6b2',
    edgeSelected: '#f0f3f6',
    dimNode: '#2f353c',
    dimEdge: '#242a30',
    hoverBox: '#232a32',
    hoverShadow: 'rgba(0, 0, 0, 0.8)',
  },
};
