#!/usr/bin/env python3
"""Checks over the DOM of an HTML review as Chromium left it after its
script ran (chromium --dump-dom). Prints "ok NAME" or "FAIL NAME: why"
per check; run.sh counts them.

    dom.py DOM.html full       every change, before/after, the picture
    dom.py DOM.html kind=K N   the filter left N changes, all of kind K
    dom.py DOM.html hazard=H N the filter left N changes, each with H
    dom.py DOM.html same       the page of two databases in sync
"""
import sys
from html.parser import HTMLParser

VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta',
        'source', 'track', 'wbr'}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def text(self):
        return ''.join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find_all(self, tag, cls=None):
        return [n for n in self.walk() if n.tag == tag and
                (cls is None or cls in n.attrs.get('class', '').split())]

    def hidden(self):
        n = self
        while n is not None:
            if 'hidden' in n.attrs:
                return True
            n = n.parent
        return False


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#document', [], None)
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_startendtag(self, tag, attrs):
        self.at.children.append(Node(tag, attrs, self.at))

    def handle_endtag(self, tag):
        n = self.at
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.at = n.parent

    def handle_data(self, data):
        self.at.children.append(data)


failed = False


def check(name, ok, why='not so'):
    global failed
    print(f'ok {name}' if ok else f'FAIL {name}: {why}')
    failed |= not ok


def changes(root):
    return {a.find_all('code', 'name')[0].text(): a for a in root.find_all('article', 'change')}


def side(article, which):
    """The lines of one side (before or after), and those marked del/ins."""
    cells = [td for td in article.find_all('td') if which in td.attrs.get('class', '').split()]
    mark = 'del' if which == 'before' else 'ins'
    return ([td.text() for td in cells if 'gap' not in td.attrs['class']],
            [td.text() for td in cells if mark in td.attrs['class'].split()])


FUNCTION = 'function:"public"."f(x integer)"'
VIEW = 'view:"public"."v"'
POLICY = 'policy:"public"."t"."own"'
CAFE = 'table:"Odd & <Schema>"."café ☕"'
EXPECTED = [FUNCTION, VIEW, POLICY, CAFE, 'table:"public"."new <t>"', 'table:"public"."gone"',
            'column:"public"."orders"."total"',
            'constraint:"public"."orders"."orders_customer_fkey"']


def full(root, body):
    got = changes(root)
    for key in EXPECTED:
        check(f'object {key}', key in got, f'not among {sorted(got)}')
    if not all(key in got for key in EXPECTED):
        return
    check('script-ran', body.attrs.get('data-shown') == str(len(got)),
          f"data-shown={body.attrs.get('data-shown')} of {len(got)}")
    before, removed = side(got[FUNCTION], 'before')
    after, added = side(got[FUNCTION], 'after')
    check('function-before', '    return x * 2;' in removed and '    -- double it' in removed,
          removed)
    check('function-after', '    return x * 3;' in added and '    -- triple it' in added, added)
    check('function-context', '  begin' in before and '  begin' in after)
    check('function-sql', 'return x * 3;' in got[FUNCTION].find_all('pre', 'stmt')[0].text())
    # from 16 a view's columns print unqualified: owner, not t.owner
    check('view-after', any(line.strip() in ('t.owner', 'owner')
                            for line in side(got[VIEW], 'after')[1]), side(got[VIEW], 'after')[1])
    check('policy-after-escaped', any('\'<&>"é\'\'s\'' in line
                                      for line in side(got[POLICY], 'after')[1]),
          side(got[POLICY], 'after')[1])
    check('policy-before', any('current_user' in line.lower() and '<&>' not in line
                              for line in side(got[POLICY], 'before')[1]),
          side(got[POLICY], 'before')[1])
    new = got['table:"public"."new <t>"']
    check('created-has-no-before', side(new, 'before')[0] == [])
    check('created-lists-what-comes-with-it',
          all(line in side(new, 'after')[1] for line in
              ['column note:', '  default note:', "    expression: '<none>'::text",
               'constraint new <t>_t_id_fkey:']), side(new, 'after')[1])
    check('created-columns-not-apart', 'column:"public"."new <t>"."note"' not in got)
    gone = got['table:"public"."gone"']
    check('dropped-badge', 'data-loss' in gone.attrs.get('data-hazards', '').split() and
          any(b.text() == 'data-loss' for b in gone.find_all('span', 'badge')))
    check('dropped-has-no-after', side(gone, 'after')[0] == [])
    check('dropped-lists-what-goes-with-it', 'constraint gone_pkey:' in side(gone, 'before')[1])
    check('comment-is-text', any('</script><script>' in line for line in side(got[CAFE], 'after')[1]))
    check('no-injected-script', 'data-pwned' not in body.attrs and
          len(root.find_all('script')) == 1, len(root.find_all('script')))
    schemas = [h.text() for h in root.find_all('h3') if h.text().startswith('Schema')]
    check('grouped-by-schema', schemas == ['Schema Odd & <Schema>', 'Schema public'], schemas)
    check('nothing-loaded', all(not n.attrs.get('src') and
                                not n.attrs.get('href', '#').partition('#')[0]
                                for n in root.walk()))
    graph(root)


def graph(root):
    svgs = [n for n in root.walk() if n.tag == 'svg' and n.attrs.get('id') == 'fk-graph']
    check('graph', len(svgs) == 1)
    if not svgs:
        return
    tables = {g.attrs['data-key']: g.attrs['class'] for g in svgs[0].find_all('g', 'table')}
    want = {'table:"public"."new <t>"': 't-created', 'table:"public"."gone"': 't-dropped',
            'table:"public"."orders"': 't-altered', 'table:"public"."t"': 't-altered',
            'table:"public"."customers"': 't-neighbour', CAFE: 't-altered'}
    for key, state in want.items():
        check(f'graph {key}', state in tables.get(key, '').split(), tables.get(key))
    lines = sorted(line.attrs['class'] for line in svgs[0].find_all('line', 'fk'))
    check('graph-edges', lines == ['fk fk-added', 'fk fk-added', 'fk fk-dropped'], lines)
    links = [a.attrs.get('href') for a in svgs[0].find_all('a')]
    check('graph-links', all(link and root_has_id(root, link[1:]) for link in links) and
          len(links) == 5, links)


def root_has_id(root, ident):
    return any(n.attrs.get('id') == ident for n in root.walk())


def filtered(root, body, what, count):
    field, _, value = what.partition('=')
    shown = [a for a in root.find_all('article', 'change') if not a.hidden()]
    check(f'filter-{what}-count', len(shown) == count and body.attrs.get('data-shown') == str(count),
          f'{len(shown)} shown, data-shown={body.attrs.get("data-shown")}')
    attr = 'data-kind' if field == 'kind' else 'data-hazards'
    check(f'filter-{what}-match', all(value in a.attrs.get(attr, '').split() for a in shown))
    groups = [g for g in root.find_all('section', 'group') if not g.hidden()]
    check(f'filter-{what}-groups', all(any(not a.hidden() for a in g.find_all('article', 'change'))
                                       for g in groups))


def same(root, body):
    verdict = [n for n in root.walk() if n.attrs.get('id') == 'verdict']
    check('same-verdict', verdict and verdict[0].text() == 'in sync' and
          'sync' in verdict[0].attrs.get('class', ''), verdict and verdict[0].text())
    check('same-no-changes', not root.find_all('article', 'change') and
          not root.find_all('svg'))


def main():
    tree = Tree()
    with open(sys.argv[1], encoding='utf-8') as f:
        tree.feed(f.read())
    body = tree.root.find_all('body')[0]
    mode = sys.argv[2]
    if mode == 'full':
        full(tree.root, body)
    elif mode == 'same':
        same(tree.root, body)
    else:
        filtered(tree.root, body, mode, int(sys.argv[3]))
    sys.exit(1 if failed else 0)


main()
