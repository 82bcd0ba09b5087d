#!/usr/bin/env python3
"""Circles between the layers of src/: a file (foo.c with foo.h) that
includes, through others, a header whose file includes it back, where
the circle passes through more than one folder (source, inspect, model,
diff, plan, kinds, emit, apply, cmd, util). A circle inside one folder is
that folder's business. Prints each circle and exits 1 if there is one.
    scripts/include-cycles.py [src]
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'src')
edges = {}
for folder, _, files in os.walk(root):
    for f in files:
        if not f.endswith(('.c', '.h')):
            continue
        path = os.path.join(folder, f)
        node = os.path.relpath(path, root)[:-2]
        targets = edges.setdefault(node, set())
        with open(path) as text:
            for m in re.finditer(r'#include "([\w/]+)\.h"', text.read()):
                if m.group(1) != node:
                    targets.add(m.group(1))

# Tarjan's strongly connected components, without recursion.
index, low, on_stack, stack, circles = {}, {}, set(), [], []
for start in sorted(edges):
    if start in index:
        continue
    work = [(start, iter(sorted(edges.get(start, ()))))]
    index[start] = low[start] = len(index)
    stack.append(start)
    on_stack.add(start)
    while work:
        node, children = work[-1]
        child = next(children, None)
        if child is not None:
            if child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
            continue
        work.pop()
        if work:
            low[work[-1][0]] = min(low[work[-1][0]], low[node])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            folders = {m.split('/')[0] for m in component}
            if len(folders) > 1:
                circles.append(sorted(component))

for circle in circles:
    print('include circle across folders: ' + ' '.join(circle))
sys.exit(1 if circles else 0)
