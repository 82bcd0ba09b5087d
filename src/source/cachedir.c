#include "source/cachedir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* pgalign's cache: $PGALIGN_CACHE, else (as root, where the server runs
 * as postgres) /var/cache/pgalign, else $XDG_CACHE_HOME/pgalign or
 * ~/.cache/pgalign. */
bool cachedir_path(char *out, size_t n)
{
    const char *base = getenv("PGALIGN_CACHE"), *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (base && *base)
        snprintf(out, n, "%s", base);
    else if (geteuid() == 0)
        snprintf(out, n, "/var/cache/pgalign");
    else if (xdg && *xdg)
        snprintf(out, n, "%s/pgalign", xdg);
    else if (home && *home)
        snprintf(out, n, "%s/.cache/pgalign", home);
    else
        return false;
    return true;
}

/* mkdir -p, for the cache's parents. */
void cachedir_make_parents(const char *path)
{
    char p[4400];
    snprintf(p, sizeof(p), "%s", path);
    for (char *slash = strchr(p + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(p, 0755);
        *slash = '/';
    }
}
