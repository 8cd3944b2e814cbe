"""Loads a GraphML file with NetworkX and igraph and reports what each reader saw, as JSON.

Usage: /usr/bin/python3 graphml_readers.py [--all] FILE [NODE_ID ...]
Prints {"networkx": REPORT, "igraph": REPORT}; a reader that fails gives {"error": "..."}.
REPORT: nodes, edges, directed, graph_attrs, node_attrs and edge_attrs ({name: sorted python type
names of the values seen}), node_samples ({node id: {attr: [type name, value]}}) for the NODE_IDs
given (else the first 3 nodes), edge_samples (first 3 edges: id, source, target, attributes).
With --all, node_samples has every node and edge_samples every edge (for small files).
Non-finite floats are reported as the strings "nan", "inf", "-inf" so the output is strict JSON.
"""
import json
import math
import sys


def safe(v):
    if isinstance(v, float) and not math.isfinite(v):
        return repr(v)
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)


def typed(attrs):
    return {k: [type(v).__name__, safe(v)] for k, v in attrs.items()}


def collect_types(dicts):
    seen = {}
    for d in dicts:
        for k, v in d.items():
            seen.setdefault(k, set()).add(type(v).__name__)
    return {k: sorted(v) for k, v in seen.items()}


def report_networkx(path, wanted, everything=False):
    import networkx as nx
    g = nx.read_graphml(path)
    ids = list(g.nodes) if everything else (wanted or list(g.nodes)[:3])
    limit = math.inf if everything else 3
    edges = []
    if g.is_multigraph():
        it = g.edges(keys=True, data=True)
    else:
        # Without parallel edges NetworkX builds a DiGraph and keeps each GraphML edge id as "id".
        it = ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True))
    for u, v, k, d in it:
        if len(edges) >= limit:
            break
        edges.append({"id": k, "source": u, "target": v, "attrs": typed(d)})
    return {
        "class": type(g).__name__,
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "graph_attrs": typed(g.graph),
        "node_attrs": collect_types(d for _, d in g.nodes(data=True)),
        "edge_attrs": collect_types(d for *_, d in g.edges(data=True)),
        "node_samples": {n: typed(g.nodes[n]) for n in ids if n in g},
        "edge_samples": edges,
    }


def report_igraph(path, wanted, everything=False):
    import igraph as ig
    g = ig.Graph.Read_GraphML(path)
    # igraph keeps the GraphML node id in the vertex attribute "id".
    by_id = {v["id"]: v for v in g.vs} if "id" in g.vs.attributes() else {}
    ids = (list(by_id) if everything else (wanted or [v["id"] for v in g.vs[:3]])) if by_id else []
    edges = []
    for e in (g.es if everything else g.es[:3]):
        edges.append({
            "id": e.attributes().get("id"),
            "source": g.vs[e.source].attributes().get("id"),
            "target": g.vs[e.target].attributes().get("id"),
            "attrs": typed(e.attributes()),
        })
    return {
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "directed": g.is_directed(),
        "graph_attrs": typed({k: g[k] for k in g.attributes()}),
        "node_attrs": collect_types(v.attributes() for v in g.vs),
        "edge_attrs": collect_types(e.attributes() for e in g.es),
        "node_samples": {n: typed(by_id[n].attributes()) for n in ids if n in by_id},
        "edge_samples": edges,
    }


def each(parts):
    """{name: part()} for (name, part) pairs; a part that raises gives {"error": ...} instead.
    Shared with gexf_reader.py and csv_reader.py: the caller asserts, so one failing reader
    must not hide what the others saw."""
    out = {}
    for name, part in parts:
        try:
            out[name] = part()
        except Exception as e:
            out[name] = {"error": f"{type(e).__name__}: {e}"}
    return out


def main():
    args = sys.argv[1:]
    everything = bool(args) and args[0] == "--all"
    if everything:
        args = args[1:]
    path, wanted = args[0], args[1:]
    out = each((name, lambda fn=fn: fn(path, wanted, everything)) for name, fn in (("networkx", report_networkx), ("igraph", report_igraph)))
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
