/* Finding PostgreSQL server programs of a major on this machine, for the
 * temporary cluster: --pg-bindir, PGALIGN_PG_BINDIRS, PATH and Debian's
 * /usr/lib/postgresql/N/bin. What `postgres --version` says of each is
 * cached (cachedir.h). */
#ifndef PA_PGBIN_H
#define PA_PGBIN_H

#include "util/strbuf.h"

#include <stdbool.h>

typedef struct pa_pgbin {
    char dir[4096];         /* holds initdb and postgres */
    int major;              /* of its programs; 0 if they do not say */
    char version[32];       /* their full version, "17.2"; "" if unknown */
} pa_pgbin;

/* The directory --pg-bindir named (NULL: search); no_warnings: say nothing
 * when only programs of another major than wanted are found. */
void pgbin_configure(const char *dir, bool no_warnings);

/* The programs for a server of major (0: any, the newest): that major's
 * if found, else the oldest newer one, else the newest (then a line in
 * warnings, unless NULL). False, with the reason in err, if none. */
bool pgbin_find(int major, strbuf *warnings, pa_pgbin *out, strbuf *err);

#endif
