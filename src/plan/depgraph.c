#include "plan/depgraph.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <string.h>

void depgraph_init(depgraph *g, size_t n)
{
    g->n = n;
    g->succ = xcalloc(n + 1, sizeof(size_t *));
    g->nsucc = xcalloc(n + 1, sizeof(size_t));
    g->alloc = xcalloc(n + 1, sizeof(size_t));
    g->indeg = xcalloc(n + 1, sizeof(size_t));
}

void depgraph_free(depgraph *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->succ[i]);
    free(g->succ);
    free(g->nsucc);
    free(g->alloc);
    free(g->indeg);
    memset(g, 0, sizeof(*g));
}

void depgraph_edge(depgraph *g, size_t before, size_t after)
{
    for (size_t i = 0; i < g->nsucc[before]; i++) {
        if (g->succ[before][i] == after)
            return;
    }
    g->succ[before] = xgrow(g->succ[before], sizeof(size_t),
                            g->nsucc[before] + 1, &g->alloc[before]);
    g->succ[before][g->nsucc[before]++] = after;
    g->indeg[after]++;
}

typedef struct heap {
    size_t *items;
    size_t count;
    depgraph_cmp cmp;
    const void *ctx;
} heap;

static void heap_swap(heap *h, size_t a, size_t b)
{
    size_t t = h->items[a];
    h->items[a] = h->items[b];
    h->items[b] = t;
}

static void heap_push(heap *h, size_t node)
{
    size_t i = h->count++;
    h->items[i] = node;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (h->cmp(h->ctx, h->items[i], h->items[parent]) >= 0)
            break;
        heap_swap(h, i, parent);
        i = parent;
    }
}

static size_t heap_pop(heap *h)
{
    size_t top = h->items[0];
    h->items[0] = h->items[--h->count];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->count && h->cmp(h->ctx, h->items[l], h->items[m]) < 0)
            m = l;
        if (r < h->count && h->cmp(h->ctx, h->items[r], h->items[m]) < 0)
            m = r;
        if (m == i)
            break;
        heap_swap(h, i, m);
        i = m;
    }
    return top;
}

size_t depgraph_sort(depgraph *g, depgraph_cmp cmp, const void *ctx, size_t *order,
                     size_t *released)
{
    heap h = {xmalloc(sizeof(size_t) * (g->n + 1)), 0, cmp, ctx};
    bool *done = xcalloc(g->n + 1, sizeof(bool));
    size_t emitted = 0, broken = 0;
    for (size_t i = 0; i < g->n; i++) {
        if (g->indeg[i] == 0)
            heap_push(&h, i);
    }
    while (emitted < g->n) {
        if (h.count == 0) {
            /* A cycle: release the best remaining node. */
            size_t best = g->n;
            for (size_t i = 0; i < g->n; i++) {
                if (!done[i] && (best == g->n || cmp(ctx, i, best) < 0))
                    best = i;
            }
            g->indeg[best] = 0;
            heap_push(&h, best);
            released[broken++] = best;
        }
        size_t node = heap_pop(&h);
        if (done[node])
            continue;
        done[node] = true;
        order[emitted++] = node;
        for (size_t i = 0; i < g->nsucc[node]; i++) {
            size_t next = g->succ[node][i];
            if (!done[next] && g->indeg[next] > 0 && --g->indeg[next] == 0)
                heap_push(&h, next);
        }
    }
    free(h.items);
    free(done);
    return broken;
}
