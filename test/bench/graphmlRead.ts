/**
 * GraphML read: ours (streaming, src/import) against igraph's Read_GraphML and NetworkX's read_graphml.
 * Filled in by the streaming-reader work; registered in run.ts as the `graphml-read` section.
 */
import type { BenchSection } from './run.ts';

export const graphmlReadSection: BenchSection = {
  name: 'graphml-read',
  title: "GraphML read and build: ours (streaming) against igraph Read_GraphML and NetworkX read_graphml",
  async run() {
    return [];
  },
};
