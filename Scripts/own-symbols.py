#!/usr/bin/env python3
"""Keeps in a module's symbol graphs only the symbols declared in its own source folder.

A module that re-exports another (`@_exported import`) gets the other module's symbols in its graph;
DocC would then document them twice and fail on their links to the other module's articles.
Usage: own-symbols.py GRAPH_DIR SOURCE_PREFIX
"""
import json
import os
import sys

directory, prefix = sys.argv[1], sys.argv[2]
for name in os.listdir(directory):
    if not name.endswith(".symbols.json"):
        continue
    path = os.path.join(directory, name)
    with open(path, encoding="utf-8") as handle:
        graph = json.load(handle)
    kept = []
    for symbol in graph.get("symbols", []):
        uri = symbol.get("location", {}).get("uri", "")
        if not uri or prefix in uri:
            kept.append(symbol)
    ids = {symbol["identifier"]["precise"] for symbol in kept}
    graph["symbols"] = kept
    graph["relationships"] = [
        relation for relation in graph.get("relationships", [])
        if relation.get("source") in ids or relation.get("target") in ids
    ]
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(graph, handle)
