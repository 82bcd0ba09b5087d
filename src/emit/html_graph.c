#include "emit/html_graph.h"
#include "emit/review.h"
#include "kinds/kinds.h"
#include "util/hashmap.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Box sizes and gaps, in SVG user units (pixels at 100%). */
enum { BOX_W = 220, BOX_H = 36, GAP_X = 70, GAP_Y = 56, MARGIN = 24, LABEL_CHARS = 27 };

typedef enum node_state { NODE_NEIGHBOUR, NODE_CREATED, NODE_ALTERED, NODE_DROPPED } node_state;

static const char *const state_names[] = {"neighbour", "created", "altered", "dropped"};

typedef struct node {
    const pa_object *table;     /* in TARGET, or in FROM when dropped */
    node_state state;
    size_t change;              /* index in the diff of its first change; SIZE_MAX if none */
    int x, y;
} node;

/* A foreign key (or several) from one table to another, in FROM, in
 * TARGET or both. */
typedef struct edge {
    size_t from, to;
    bool in_from, in_to;
} edge;

typedef struct graph {
    node *nodes;
    size_t nnodes, nodes_alloc;
    edge *edges;
    size_t nedges, edges_alloc;
    hashmap by_key;             /* table key -> 1 + its index in nodes */
    hashmap left_out;           /* the tables past HTML_GRAPH_MAX_NODES */
} graph;

static bool is_table(const pa_object *o)
{
    return o && (o->kind == &kind_table || o->kind == &kind_partition ||
                 o->kind == &kind_foreign_table);
}

static size_t node_index(const graph *g, const char *key)
{
    uintptr_t v = (uintptr_t)hashmap_get(&g->by_key, key);
    return v ? v - 1 : SIZE_MAX;
}

/* The node of table, added in state when it is new and there is room. */
static size_t add_node(graph *g, const pa_object *table, node_state state, size_t change)
{
    size_t i = node_index(g, table->key);
    if (i != SIZE_MAX)
        return i;
    if (g->nnodes == HTML_GRAPH_MAX_NODES) {
        hashmap_put(&g->left_out, table->key, (void *)1);
        return SIZE_MAX;
    }
    g->nodes = xgrow(g->nodes, sizeof(*g->nodes), g->nnodes + 1, &g->nodes_alloc);
    g->nodes[g->nnodes] = (node){table, state, change, 0, 0};
    hashmap_put(&g->by_key, table->key, (void *)(uintptr_t)(g->nnodes + 1));
    return g->nnodes++;
}

/* The table a change is in: the table itself, or a column's,
 * constraint's, index's... */
static const pa_object *changed_table(const pa_change *c)
{
    const pa_object *o = c->to ? c->to : c->from;
    return is_table(o) ? o : is_table(o->parent) ? o->parent : NULL;
}

static void add_changed_tables(graph *g, const pa_diff *d)
{
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        const pa_object *t = review_shows(d, c) ? changed_table(c) : NULL;
        if (!t)
            continue;
        node_state state = t != (c->to ? c->to : c->from) ? NODE_ALTERED
                           : c->type == CHANGE_ADD        ? NODE_CREATED
                           : c->type == CHANGE_DROP       ? NODE_DROPPED
                                                          : NODE_ALTERED;
        size_t n = node_index(g, t->key);
        if (n == SIZE_MAX)
            add_node(g, t, state, i);
        else if (state != NODE_ALTERED)
            g->nodes[n].state = state;   /* the table's own change says most */
    }
}

/* The table a foreign key references: among what it depends on, a table
 * or a column or index of one, other than its own. */
static const pa_object *referenced_table(const pa_object *fk)
{
    for (unsigned i = 0; i < fk->ndeps; i++) {
        const pa_object *dep = fk->deps[i];
        const pa_object *t = is_table(dep) ? dep : is_table(dep->parent) ? dep->parent : NULL;
        if (t && t != fk->parent)
            return t;
    }
    return NULL;
}

static void add_edge(graph *g, size_t from, size_t to, bool in_to)
{
    for (size_t i = 0; i < g->nedges; i++) {
        edge *e = &g->edges[i];
        if (e->from == from && e->to == to) {
            *(in_to ? &e->in_to : &e->in_from) = true;
            return;
        }
    }
    g->edges = xgrow(g->edges, sizeof(*g->edges), g->nedges + 1, &g->edges_alloc);
    g->edges[g->nedges++] = (edge){from, to, !in_to, in_to};
}

/* The foreign keys of model m (TARGET when in_to) that touch a changed
 * table, with the tables at their other ends. */
static void add_foreign_keys(graph *g, const pa_model *m, bool in_to, size_t changed)
{
    int definition = kind_attr_index(&kind_constraint, "definition");
    for (size_t i = 0; m && i < m->count; i++) {
        const pa_object *o = m->objects[i];
        const char *def = o->kind == &kind_constraint ? o->values[definition] : NULL;
        if (!def || strncmp(def, "FOREIGN KEY", 11) != 0 || !is_table(o->parent))
            continue;
        const pa_object *ref = referenced_table(o);
        size_t a = node_index(g, o->parent->key);
        size_t b = ref ? node_index(g, ref->key) : SIZE_MAX;
        bool touches = (a != SIZE_MAX && a < changed) || (b != SIZE_MAX && b < changed);
        if (!ref || !touches)
            continue;
        if (a == SIZE_MAX)
            a = add_node(g, o->parent, NODE_NEIGHBOUR, SIZE_MAX);
        if (b == SIZE_MAX)
            b = add_node(g, ref, NODE_NEIGHBOUR, SIZE_MAX);
        if (a != SIZE_MAX && b != SIZE_MAX)
            add_edge(g, a, b, in_to);
    }
}

/* Columns for n boxes: a picture wider than tall, and at most 5 across. */
static size_t columns_for(size_t n)
{
    size_t cols = 1;
    while (cols < 5 && cols * cols < n * 2)
        cols++;
    return cols < n ? cols : n;
}

/* A grid: the changed tables first, in the diff's order (kind, then
 * name), then their neighbours. */
static void lay_out(graph *g, size_t cols)
{
    for (size_t i = 0; i < g->nnodes; i++) {
        g->nodes[i].x = MARGIN + (int)(i % cols) * (BOX_W + GAP_X);
        g->nodes[i].y = MARGIN + (int)(i / cols) * (BOX_H + GAP_Y);
    }
}

/* Where the line from a box's centre towards (dx, dy) leaves the box. */
static void box_exit(const node *n, double dx, double dy, double *x, double *y)
{
    double hw = BOX_W / 2.0 + 2, hh = BOX_H / 2.0 + 2;
    double tx = dx != 0 ? hw / (dx < 0 ? -dx : dx) : 1e9;
    double ty = dy != 0 ? hh / (dy < 0 ? -dy : dy) : 1e9;
    double t = tx < ty ? tx : ty;
    *x = n->x + BOX_W / 2.0 + dx * t;
    *y = n->y + BOX_H / 2.0 + dy * t;
}

static void draw_edge(strbuf *out, const graph *g, const edge *e)
{
    const node *a = &g->nodes[e->from], *b = &g->nodes[e->to];
    double dx = b->x - a->x, dy = b->y - a->y, x1, y1, x2, y2;
    box_exit(a, dx, dy, &x1, &y1);
    box_exit(b, -dx, -dy, &x2, &y2);
    const char *state = e->in_from && e->in_to ? "kept" : e->in_to ? "added" : "dropped";
    sb_addf(out, "<line class=\"fk fk-%s\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" "
                 "marker-end=\"url(#arrow)\"><title>",
            state, x1, y1, x2, y2);
    html_text(out, a->table->key);
    sb_addf(out, " references ");
    html_text(out, b->table->key);
    sb_addf(out, " (%s)</title></line>\n",
            e->in_from && e->in_to ? "in both" : e->in_to ? "new" : "dropped");
}

/* At most LABEL_CHARS characters of text (UTF-8 kept whole), then "…". */
static void add_label(strbuf *out, const char *text)
{
    size_t chars = 0, i = 0;
    for (; text[i]; i++) {
        if (((unsigned char)text[i] & 0xC0) == 0x80)
            continue;   /* a continuation byte: part of the character before */
        if (chars++ == LABEL_CHARS - 1)
            break;
    }
    html_text_len(out, text, i);
    if (text[i])
        sb_adds(out, "\xE2\x80\xA6");
}

static void draw_node(strbuf *out, const node *n)
{
    const pa_object *t = n->table;
    if (n->change != SIZE_MAX)
        sb_addf(out, "<a href=\"#change-%zu\">", n->change);
    sb_addf(out, "<g class=\"table t-%s\" data-key=\"", state_names[n->state]);
    html_text(out, t->key);
    sb_addf(out, "\"><title>");
    html_text(out, t->key);
    sb_addf(out, " (%s)</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\"/>"
                 "<text x=\"%d\" y=\"%d\">",
            state_names[n->state], n->x, n->y, BOX_W, BOX_H, n->x + 10, n->y + BOX_H / 2 + 5);
    strbuf name = STRBUF_INIT;
    sb_addf(&name, "%s.%s", t->schema ? t->schema : "", t->name);
    add_label(out, sb_str(&name));
    sb_release(&name);
    sb_adds(out, "</text></g>");
    if (n->change != SIZE_MAX)
        sb_adds(out, "</a>");
    sb_addc(out, '\n');
}

static void draw(strbuf *out, const graph *g, size_t changed)
{
    size_t cols = columns_for(g->nnodes);
    size_t rows = (g->nnodes + cols - 1) / cols;
    int width = 2 * MARGIN + (int)cols * BOX_W + ((int)cols - 1) * GAP_X;
    int height = 2 * MARGIN + (int)rows * BOX_H + ((int)rows - 1) * GAP_Y;
    sb_addf(out, "<svg id=\"fk-graph\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                 "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" data-changed=\"%zu\" "
                 "data-neighbours=\"%zu\" data-edges=\"%zu\">\n"
                 "<title>The changed tables and their foreign-key neighbours</title>\n"
                 "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                 "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
                 "<path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n",
            width, height, width, height, changed, g->nnodes - changed, g->nedges);
    for (size_t i = 0; i < g->nedges; i++)
        draw_edge(out, g, &g->edges[i]);
    for (size_t i = 0; i < g->nnodes; i++)
        draw_node(out, &g->nodes[i]);
    sb_adds(out, "</svg>\n");
}

void html_fk_graph(strbuf *out, const pa_diff *d)
{
    graph g = {0};
    hashmap_init(&g.by_key);
    hashmap_init(&g.left_out);
    add_changed_tables(&g, d);
    size_t changed = g.nnodes;
    if (changed) {
        add_foreign_keys(&g, d->to, true, changed);
        add_foreign_keys(&g, d->from, false, changed);
        lay_out(&g, columns_for(g.nnodes));
        draw(out, &g, changed);
        if (g.left_out.count)
            sb_addf(out, "<p class=\"note\">%zu more table%s not drawn: the picture holds "
                         "%d.</p>\n",
                    g.left_out.count, g.left_out.count == 1 ? "" : "s", HTML_GRAPH_MAX_NODES);
    }
    hashmap_free(&g.by_key);
    hashmap_free(&g.left_out);
    free(g.nodes);
    free(g.edges);
}
