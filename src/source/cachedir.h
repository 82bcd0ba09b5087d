/* pgalign's cache on this machine: server programs' versions (pgbin.c)
 * and initdb's results (pgtemplate.c). */
#ifndef PA_CACHEDIR_H
#define PA_CACHEDIR_H

#include <stdbool.h>
#include <stddef.h>

/* $PGALIGN_CACHE, else (as root, where the server runs as postgres)
 * /var/cache/pgalign, else $XDG_CACHE_HOME/pgalign or ~/.cache/pgalign;
 * false when none can be named. */
bool cachedir_path(char *out, size_t n);

/* mkdir -p of path's parents (best effort: the cache is an optimization). */
void cachedir_make_parents(const char *path);

#endif
