/* depgraph: nodes 0..n-1 with "before" edges, sorted topologically with a
 * caller-given priority among ready nodes (a binary heap, so large plans
 * stay fast). Cycles are broken deliberately: when nothing is ready, the
 * remaining node of highest priority goes next, and the break is counted. */
#ifndef PA_DEPGRAPH_H
#define PA_DEPGRAPH_H

#include <stddef.h>

typedef struct depgraph {
    size_t n;
    size_t **succ;      /* succ[i]: nodes that must come after i */
    size_t *nsucc;
    size_t *alloc;
    size_t *indeg;
} depgraph;

/* <0 when node x should come before node y. */
typedef int (*depgraph_cmp)(const void *ctx, size_t x, size_t y);

void depgraph_init(depgraph *g, size_t n);
void depgraph_free(depgraph *g);
void depgraph_edge(depgraph *g, size_t before, size_t after);
/* Writes all n nodes into order; returns the number of cycles broken, and
 * writes the node released at each break into released (room for n), so
 * that the caller can name them. */
size_t depgraph_sort(depgraph *g, depgraph_cmp cmp, const void *ctx, size_t *order,
                     size_t *released);

#endif
