"""GraphML files for the read benchmark (test/bench/graphmlRead.ts), and the Python readers' times.

Usage:
  /usr/bin/python3 graphml_read_py.py write networkx|igraph NODES.tsv EDGES.tsv OUT.graphml
  /usr/bin/python3 graphml_read_py.py read networkx|igraph FILE.graphml
`write` builds the graph from the two TSV files (typed as BENCH_SCHEMA types them) and writes it.
`read` times only the library's read_graphml / Read_GraphML and prints one JSON line:
{"library", "nodes", "edges", "read_cpu_s", "read_wall_s", "peak_rss_mb", "rss_before_mb",
 "sample"} where sample holds the typed values of the first node, to check they came back typed.
One library per process, so each peak RSS is its own (graphml_py.rss_peak_mb says how).
"""
import json
import sys
import time

# The same typing and memory probes as the write benchmark's (this folder is on sys.path).
from graphml_py import build, rss_now_mb, rss_peak_mb  # noqa: E402


def write(library, nodes_tsv, edges_tsv, out):
    build(library, nodes_tsv, edges_tsv)[0](out)


def read(library, path):
    rss_before = rss_now_mb()
    c0, w0 = time.process_time(), time.perf_counter()
    if library == "networkx":
        import networkx as nx
        g = nx.read_graphml(path)
        c1, w1 = time.process_time(), time.perf_counter()
        first = next(iter(g.nodes))
        sample = dict(g.nodes[first])
        counts = (g.number_of_nodes(), g.number_of_edges())
    else:
        import igraph as ig
        g = ig.Graph.Read_GraphML(path)
        c1, w1 = time.process_time(), time.perf_counter()
        sample = g.vs[0].attributes()
        counts = (g.vcount(), g.ecount())
    print(json.dumps({
        "library": library, "nodes": counts[0], "edges": counts[1],
        "read_cpu_s": round(c1 - c0, 3), "read_wall_s": round(w1 - w0, 3),
        "peak_rss_mb": round(rss_peak_mb(), 1), "rss_before_mb": round(rss_before, 1),
        "sample": {k: (v if isinstance(v, (bool, int, float, str)) else str(v)) for k, v in sample.items()},
    }))


def main():
    mode, library = sys.argv[1:3]
    if library not in ("networkx", "igraph"):
        raise SystemExit("library must be networkx or igraph")
    if mode == "write":
        write(library, *sys.argv[3:6])
    elif mode == "read":
        read(library, sys.argv[3])
    else:
        raise SystemExit("mode must be write or read")


if __name__ == "__main__":
    main()
