/* The directory a throwaway cluster lives in: where it is made, who owns
 * it, and removing it again, also when a pgalign before this one crashed
 * and left its directory behind. */
#ifndef PA_TEMPDIR_H
#define PA_TEMPDIR_H

#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Make a new directory pgalign-XXXXXX in the parent (see tempdir.c),
 * locked by this process while it runs, into out (n bytes); when give is
 * set, hand it to uid:gid. Directories there that an earlier pgalign of
 * this user left (its lock free) are removed first; no other. */
bool tempdir_make(char *out, size_t n, bool give, uid_t uid, gid_t gid, strbuf *err);

/* Remove a directory with all it holds (best effort). */
void tempdir_remove(const char *path);

#endif
