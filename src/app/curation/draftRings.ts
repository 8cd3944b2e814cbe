import type Sigma from 'sigma';

/**
 * Draws a dashed ring round every drafted entity on screen, on a canvas of its own under the
 * labels: WebGL node programs draw no dashes, and the ring must read apart from the type colour
 * in both themes. Redrawn after each of sigma's frames.
 */
export function attachDraftRings(renderer: Sigma, colour: () => string): void {
  // Sigma sizes the canvases of its contexts on resize; its typings omit the layer order it takes.
  renderer.createCanvasContext('drafts', { beforeLayer: 'labels' } as Parameters<Sigma['createCanvasContext']>[1]);
  // A canvas made after sigma's first resize has the browser's default 300x150 size until the next one.
  renderer.resize(true);
  const canvas = renderer.getCanvases().drafts!;
  canvas.setAttribute('aria-hidden', 'true');
  const context = canvas.getContext('2d')!;
  const graph = renderer.getGraph();
  const drafted = () => graph.filterNodes((_, a) => a.draft !== undefined);
  let nodes = drafted();
  graph.on('nodeAttributesUpdated', () => (nodes = drafted()));
  renderer.on('afterRender', () => {
    const { width, height } = renderer.getDimensions();
    context.clearRect(0, 0, width, height);
    context.save();
    context.setLineDash([3, 2.5]);
    context.lineWidth = 1.75;
    context.strokeStyle = colour();
    for (const node of nodes) {
      const d = renderer.getNodeDisplayData(node);
      if (!d || d.hidden || (d as { dimmed?: boolean }).dimmed) continue;
      const { x, y } = renderer.framedGraphToViewport(d);
      const r = renderer.scaleSize(d.size) + 3;
      if (x + r < 0 || y + r < 0 || x - r > width || y - r > height) continue;
      context.beginPath();
      context.arc(x, y, r, 0, Math.PI * 2);
      context.stroke();
    }
    context.restore();
  });
  renderer.scheduleRender();
}
