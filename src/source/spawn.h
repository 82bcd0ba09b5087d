/* Running the server's programs (initdb, postgres, tar, psql) as child
 * processes: as root, those that make or read the cluster's files run as
 * the postgres user, as PostgreSQL refuses to run as root. */
#ifndef PA_SPAWN_H
#define PA_SPAWN_H

#include "util/strbuf.h"

#include <stdbool.h>
#include <sys/types.h>

/* Who owns the cluster: as root, postgres (false, with the reason in err,
 * if there is no such user); else the caller. */
bool spawn_choose_owner(strbuf *err);
/* Whether the owner is another user than the caller, and who. */
bool spawn_owner(uid_t *uid, gid_t *gid);

/* In a child, before exec: default signals, the owner's user if as_owner,
 * stdout and stderr appended to log_path if not NULL. */
void spawn_child_setup(bool as_owner, const char *log_path);
/* Start argv[0] (a path) with argv; its pid, or -1. */
pid_t spawn(char *const argv[], bool as_owner, const char *log_path);
/* Whether the program started as pid exits 0 (false for pid -1). */
bool spawn_finished_ok(pid_t pid);
/* Run a program to completion; true when it exits 0. */
bool spawn_run(char *const argv[], bool as_owner, const char *log_path);
/* ": <the last line of the log at path>", if it has one. */
void spawn_log_tail(strbuf *err, const char *path);

#endif
