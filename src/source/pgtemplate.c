#include "source/pgtemplate.h"
#include "source/cachedir.h"
#include "source/spawn.h"

#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Premade databases a template may hold at most. */
#define MAX_PREMADE 8

/* initdb takes a second; extracting its result a fiftieth of that. The
 * result depends only on the server programs and initdb's options, so it
 * is cached per version and bindir (see cachedir.h): templates/<key>/, where
 * <key> is "<version>-<bindir's hash>-" TEMPLATE_FLAVOUR. It holds two
 * archives of "data/...": the premade databases' directories, which the
 * server does not read until a connection to them, are extracted while
 * it starts, the rest before. */
#define TEMPLATE_REST "cluster.tar"
#define TEMPLATE_DATABASES "databases.tar"

static bool template_path(const pa_pgbin *bin, char *out, size_t n, bool with_flavour)
{
    char dir[4096];
    if (!cachedir_path(dir, sizeof(dir)) || !bin->version[0])
        return false;
    unsigned h = 5381;
    for (const char *c = bin->dir; *c; c++)
        h = h * 33 + (unsigned char)*c;
    snprintf(out, n, "%s/templates/%s-%08x-%s", dir, bin->version, h,
             with_flavour ? TEMPLATE_FLAVOUR : "");
    return true;
}

/* tar runs as the server's user, so that the files are its own; what it
 * says of a damaged archive (then initdb runs) goes to a log. */
static pid_t start_extract(const char *tpl, const char *archive, const char *dir)
{
    char path[4300], log[4200];
    snprintf(path, sizeof(path), "%s/%s", tpl, archive);
    snprintf(log, sizeof(log), "%s/template.log", dir);
    char *const argv[] = {"/bin/tar", "-xf", path, "-C", (char *)dir, NULL};
    return access(path, R_OK) == 0 ? spawn(argv, true, log) : -1;
}

bool pgtemplate_extract(const pa_pgbin *bin, const char *dir, pid_t *databases)
{
    char tpl[4200];
    *databases = -1;
    if (!template_path(bin, tpl, sizeof(tpl), true))
        return false;
    *databases = start_extract(tpl, TEMPLATE_DATABASES, dir);
    return *databases > 0 && spawn_finished_ok(start_extract(tpl, TEMPLATE_REST, dir));
}

void pgtemplate_remove_tree(const char *path)
{
    char *const argv[] = {"/bin/rm", "-rf", (char *)path, NULL};
    spawn_run(argv, false, NULL);
}

static bool all_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* Templates of other flavours for the same programs: left by an older
 * pgalign, and never read again. (Not one that another pgalign is saving,
 * "<key>.<pid>".) */
static void forget_other_flavours(const pa_pgbin *bin, const char *tpl)
{
    char pattern[4300];
    if (!template_path(bin, pattern, sizeof(pattern) - 2, false))
        return;
    strcpy(pattern + strlen(pattern) - 1, "*");     /* the oldest had no flavour */
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0)
        return;
    for (size_t i = 0; i < g.gl_pathc; i++) {
        const char *dot = strrchr(g.gl_pathv[i], '.');
        if (strcmp(g.gl_pathv[i], tpl) != 0 && !(dot && all_digits(dot + 1)))
            pgtemplate_remove_tree(g.gl_pathv[i]);
    }
    globfree(&g);
}

/* The premade databases' directories, "data/base/<oid>" (all but
 * template1's "1", and pgsql_tmp); false unless there are n. */
static bool database_dirs(const char *dir, char dirs[MAX_PREMADE][64], size_t count)
{
    char base[4200];
    snprintf(base, sizeof(base), "%s/data/base", dir);
    DIR *d = opendir(base);
    if (!d)
        return false;
    size_t n = 0;
    bool ok = true;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!all_digits(e->d_name) || strcmp(e->d_name, "1") == 0)
            continue;
        ok = ok && n < count && strlen(e->d_name) < 40;
        if (ok)
            snprintf(dirs[n++], 64, "data/base/%.40s", e->d_name);
    }
    closedir(d);
    return ok && n == count;
}

/* dir/TEMPLATE_DATABASES with the premade databases, dir/TEMPLATE_REST
 * with the rest of the data directory. */
static bool archive_data(const char *tpl, const char *dir, size_t count)
{
    char dirs[MAX_PREMADE][64], excludes[MAX_PREMADE][80];
    char databases[4400], rest[4400];
    if (count > MAX_PREMADE || !database_dirs(dir, dirs, count))
        return false;
    snprintf(databases, sizeof(databases), "%s/" TEMPLATE_DATABASES, tpl);
    snprintf(rest, sizeof(rest), "%s/" TEMPLATE_REST, tpl);
    char *one[8 + MAX_PREMADE] = {"/bin/tar", "-cf", databases, "-C", (char *)dir};
    char *other[8 + MAX_PREMADE] = {"/bin/tar", "-cf", rest, "-C", (char *)dir};
    for (size_t i = 0; i < count; i++) {
        snprintf(excludes[i], sizeof(excludes[i]), "--exclude=%.63s", dirs[i]);
        one[5 + i] = dirs[i];
        other[5 + i] = excludes[i];
    }
    other[5 + count] = "data";
    return spawn_run(one, false, NULL) && spawn_run(other, false, NULL);
}

/* Archived beside, then renamed into place, so that a half-written
 * template is never used. */
void pgtemplate_save(const pa_pgbin *bin, const char *dir, size_t databases)
{
    char tpl[4200], tmp[4300];
    if (!template_path(bin, tpl, sizeof(tpl), true))
        return;
    snprintf(tmp, sizeof(tmp), "%s.%d", tpl, (int)getpid());
    cachedir_make_parents(tmp);
    if (mkdir(tmp, 0755) == 0 && archive_data(tmp, dir, databases) && rename(tmp, tpl) == 0) {
        forget_other_flavours(bin, tpl);
        return;
    }
    pgtemplate_remove_tree(tmp);
}

void pgtemplate_forget(const pa_pgbin *bin)
{
    char tpl[4200];
    if (template_path(bin, tpl, sizeof(tpl), true))
        pgtemplate_remove_tree(tpl);
}

bool pgtemplate_possible(const pa_pgbin *bin)
{
    char tpl[4200];
    return template_path(bin, tpl, sizeof(tpl), true);
}
