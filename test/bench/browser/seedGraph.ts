/**
 * A second baseline for the explorer's first frame: sigma with its default programs on the seed
 * article's graph (its positions, sizes, colours, labels and arrows) and nothing else: what
 * sigma itself takes to draw that graph here. `?w=&h=` sizes the container like the graph pane.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import seed from 'virtual:kg-bench-seed-graph';

const params = new URLSearchParams(location.search);
const container = document.getElementById('graph')!;
if (params.has('w')) container.style.width = `${params.get('w')}px`;
if (params.has('h')) container.style.height = `${params.get('h')}px`;
const graph = Graph.from(seed as Parameters<typeof Graph.from>[0]);
new Sigma(graph, container, { defaultEdgeType: 'arrow', renderEdgeLabels: true });
performance.mark('kg:first-frame');
