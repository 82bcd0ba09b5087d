#!/usr/bin/env python3
"""Every relative link of the README and of docs/*.md leads somewhere: the
file it names exists, and the heading its #fragment names is in that file
(as GitHub makes a heading's anchor). Prints each broken link and exits 1
if there is one.
    scripts/check-links.py [ROOT]
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
LINK = re.compile(r'\[[^\]]*\]\(([^)\s]+)\)')
FENCE = re.compile(r'^(```|~~~)')


def prose(path):
    """The lines outside fenced code blocks, with code spans taken out."""
    inside = False
    for number, line in enumerate(open(path, encoding='utf-8'), 1):
        if FENCE.match(line.lstrip()):
            inside = not inside
            continue
        if not inside:
            yield number, re.sub(r'`[^`]*`', '', line)


def slug(heading):
    """GitHub's anchor of a heading: lower case, punctuation gone (but
    hyphens and underscores), spaces as hyphens."""
    text = re.sub(r'[^\w\- ]', '', heading.strip().lower())
    return text.replace(' ', '-')


def anchors(path):
    seen, found = {}, set()
    inside = False
    for line in open(path, encoding='utf-8'):
        if FENCE.match(line.lstrip()):
            inside = not inside
            continue
        m = None if inside else re.match(r'^#{1,6}\s+(.*?)\s*#*\s*$', line)
        if m:
            base = slug(m.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f'{base}-{n}')
    return found


def main():
    files = [os.path.join(root, 'README.md')]
    docs = os.path.join(root, 'docs')
    files += sorted(os.path.join(docs, f) for f in os.listdir(docs) if f.endswith('.md'))
    broken = 0
    for path in files:
        for number, line in prose(path):
            for target in LINK.findall(line):
                if re.match(r'^[a-z][a-z0-9+.-]*:', target):
                    continue   # http:, https:, mailto:
                file_part, _, fragment = target.partition('#')
                dest = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) \
                    if file_part else path
                where = f'{os.path.relpath(path, root)}:{number}: {target}'
                if not os.path.exists(dest):
                    print(f'{where}: no such file')
                    broken += 1
                elif fragment and dest.endswith('.md') and fragment not in anchors(dest):
                    print(f'{where}: no heading with that anchor')
                    broken += 1
    sys.exit(1 if broken else 0)


main()
