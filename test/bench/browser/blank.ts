/**
 * The baseline for the explorer's first frame: sigma on a one-node graph and nothing else.
 * `?w=&h=` sizes the container like the explorer's graph pane.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import './api.ts';

const params = new URLSearchParams(location.search);
const container = document.getElementById('graph')!;
if (params.has('w')) container.style.width = `${params.get('w')}px`;
if (params.has('h')) container.style.height = `${params.get('h')}px`;
const graph = new Graph();
graph.addNode('a', { x: 0, y: 0, size: 10, label: 'A', color: '#0072B2' });
window.kgBlankRenderer = new Sigma(graph, container);
performance.mark('kg:first-frame');
