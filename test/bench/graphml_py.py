"""Times NetworkX and igraph GraphML writers on the graph of test/bench/graphml.ts.

Usage: /usr/bin/python3 graphml_py.py networkx|igraph NODES.tsv EDGES.tsv OUT.graphml [RUNS]
Builds the graph from the two TSV files (untimed), then times only the write (RUNS times, default
1, keeping the fastest: the same rule as the JavaScript side), and prints JSON:
{"library", "nodes", "edges", "write_cpu_s", "write_wall_s", "build_s", "peak_rss_mb",
 "rss_before_write_mb", "bytes"}. Peak RSS is the process high-water mark (ru_maxrss); rss_before_write_mb
is the current RSS just before the write.
One library per process, so each peak is its own.
"""
import json
import os
import resource
import sys
import time


def status_mb(field):
    """A memory field of /proc/self/status in MB, or None where there is no /proc."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def rss_peak_mb():
    """This program's peak RSS: VmHWM, not ru_maxrss, which Linux carries over from the process
    that forked this one (the bench runner, holding a gigabyte by then)."""
    peak = status_mb("VmHWM")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if peak is None else peak


def rss_now_mb():
    return status_mb("VmRSS")
    return float("nan")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f]
    return header, rows


NODE_TYPES = {"x": float, "y": float, "size": float, "r": int, "g": int, "b": int,
              "central": lambda s: s == "true"}
EDGE_TYPES = {"start": int, "end": int, "weight": float}


def typed(header, row, types):
    return {h: types.get(h, str)(v) for h, v in zip(header, row)}


def build(library, nodes_tsv, edges_tsv):
    """The benchmark graph in `library`, typed as BENCH_SCHEMA types it: a function writing it as GraphML, its node and edge counts."""
    nh, nrows = read_tsv(nodes_tsv)
    eh, erows = read_tsv(edges_tsv)
    # Column 0 of nodes is the id; columns 0-2 of edges are id, source, target.
    if library == "networkx":
        import networkx as nx
        g = nx.MultiDiGraph()
        g.add_nodes_from((r[0], typed(nh[1:], r[1:], NODE_TYPES)) for r in nrows)
        g.add_edges_from((r[1], r[2], r[0], typed(eh[3:], r[3:], EDGE_TYPES)) for r in erows)
        return (lambda out: nx.write_graphml(g, out)), g.number_of_nodes(), g.number_of_edges()
    if library == "igraph":
        import igraph as ig
        index = {r[0]: i for i, r in enumerate(nrows)}
        g = ig.Graph(n=len(nrows), edges=[(index[r[1]], index[r[2]]) for r in erows], directed=True)
        g.vs["name"] = [r[0] for r in nrows]
        for j, h in enumerate(nh[1:], start=1):
            cast = NODE_TYPES.get(h, str)
            g.vs[h] = [cast(r[j]) for r in nrows]
        g.es["id"] = [r[0] for r in erows]
        for j, h in enumerate(eh[3:], start=3):
            cast = EDGE_TYPES.get(h, str)
            g.es[h] = [cast(r[j]) for r in erows]
        return (lambda out: g.write_graphml(out)), g.vcount(), g.ecount()
    raise SystemExit("library must be networkx or igraph")


def main():
    library, nodes_tsv, edges_tsv, out = sys.argv[1:5]
    runs = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    t0 = time.perf_counter()
    write_to, nodes, edges = build(library, nodes_tsv, edges_tsv)
    write = lambda: write_to(out)
    build_s = time.perf_counter() - t0
    rss_before = rss_now_mb()
    cpu_s, wall_s = float("inf"), float("inf")
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        write()
        c1, w1 = time.process_time(), time.perf_counter()
        cpu_s, wall_s = min(cpu_s, c1 - c0), min(wall_s, w1 - w0)
    print(json.dumps({
        "library": library,
        "nodes": nodes,
        "edges": edges,
        "write_cpu_s": round(cpu_s, 3),
        "write_wall_s": round(wall_s, 3),
        "runs": runs,
        "build_s": round(build_s, 3),
        "rss_before_write_mb": round(rss_before, 1),
        "peak_rss_mb": round(rss_peak_mb(), 1),
        "bytes": os.path.getsize(out),
    }))


if __name__ == "__main__":
    main()
