/* A cache of initdb's result for the temporary cluster: initdb takes a
 * second, extracting its result a fiftieth of that. Kept per server
 * programs (their version and directory) under the cache directory. */
#ifndef PA_PGTEMPLATE_H
#define PA_PGTEMPLATE_H

#include "source/pgbin.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Part of the cache key: initdb's options for the temporary cluster and
 * what is done to its result (tempcluster.c's run_initdb, trim_sql and
 * premade databases). Change it when they change. */
#define TEMPLATE_FLAVOUR "w1p"

/* Whether a template can be kept for these programs at all (a cache
 * directory, a known version). */
bool pgtemplate_possible(const pa_pgbin *bin);
/* The cached data directory extracted into dir/data: all but the premade
 * databases now, theirs started (the pid in *databases, to be waited
 * for with spawn_finished_ok; -1 if not started). */
bool pgtemplate_extract(const pa_pgbin *bin, const char *dir, pid_t *databases);
/* Keep dir/data, of a cleanly stopped cluster with that many premade
 * databases beside template1, for next time. Best effort. */
void pgtemplate_save(const pa_pgbin *bin, const char *dir, size_t databases);
/* Forget the template of these programs (one that did not start). */
void pgtemplate_forget(const pa_pgbin *bin);
/* rm -rf path. */
void pgtemplate_remove_tree(const char *path);

#endif
