"""Reads a GEXF file with NetworkX, and its <meta> with ElementTree (NetworkX skips it), as JSON.

Usage: /usr/bin/python3 gexf_reader.py FILE
Prints {"networkx": {"class", "nodes": {id: attrs}, "edges": {id: {"source", "target", "attrs"}}},
"meta": {tag: text or null}}; a part that fails gives {"error": "..."} instead. Attribute values
are [python type name, value]; the output is ASCII JSON, so any string survives the pipe.
"""
import json
import sys
import xml.etree.ElementTree as ET

from graphml_readers import each


def typed(attrs):
    return {k: [type(v).__name__, v if isinstance(v, (str, int, float, bool)) or v is None else repr(v)] for k, v in attrs.items()}


def read_networkx(path):
    import networkx as nx
    g = nx.read_gexf(path)
    edges = {}
    # Without parallel edges NetworkX builds a DiGraph; the GEXF edge id is kept as "id" either way.
    for u, v, d in g.edges(data=True):
        edges[d["id"]] = {"source": u, "target": v, "attrs": typed(d)}
    return {
        "class": type(g).__name__,
        "nodes": {n: typed(d) for n, d in g.nodes(data=True)},
        "edges": edges,
    }


def read_meta(path):
    root = ET.parse(path).getroot()
    meta = next((child for child in root if child.tag.endswith("}meta") or child.tag == "meta"), None)
    if meta is None:
        return {}
    # Namespaced tags come back as "{uri}title".
    return {child.tag.split("}")[-1]: child.text for child in meta}


def main():
    path = sys.argv[1]
    print(json.dumps(each((("networkx", lambda: read_networkx(path)), ("meta", lambda: read_meta(path))))))


if __name__ == "__main__":
    main()
