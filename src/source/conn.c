#include "source/conn.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Seconds, as connect_timeout takes them. */
#define DEFAULT_CONNECT_TIMEOUT "10"

static void first_line(strbuf *sb, const char *msg)
{
    size_t n = strcspn(msg, "\n");
    while (n > 0 && (msg[n - 1] == ' ' || msg[n - 1] == '\r'))
        n--;
    sb_add(sb, msg, n);
}

void conn_error(strbuf *sb, PGconn *conn)
{
    const char *msg = PQerrorMessage(conn);
    /* libpq prefixes "connection to server ... failed: " on failures;
     * keep the whole first line, it names the host. */
    first_line(sb, msg && *msg ? msg : "unknown error");
}

void conn_result_error(strbuf *sb, PGconn *conn, const PGresult *res)
{
    const char *msg = res ? PQresultErrorMessage(res) : "";
    if (*msg)
        first_line(sb, msg);
    else
        conn_error(sb, conn);
}

void conn_describe(strbuf *sb, const char *conninfo)
{
    char *errmsg = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &errmsg);
    if (!opts) {
        PQfreemem(errmsg);
        sb_adds(sb, "(unparsable connection string)");
        return;
    }
    static const char *const shown[] = {"host", "hostaddr", "port", "dbname", "user"};
    const char *sep = "";
    for (PQconninfoOption *o = opts; o->keyword; o++) {
        if (!o->val || !*o->val)
            continue;
        for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
            if (strcmp(o->keyword, shown[i]) == 0) {
                sb_addf(sb, "%s%s=%s", sep, o->keyword, o->val);
                sep = " ";
            }
        }
    }
    if (!*sep)
        sb_adds(sb, "(defaults from the environment)");
    PQconninfoFree(opts);
}

/* conn if it is open; else NULL, with why (after what err says) in err. */
static PGconn *connected(PGconn *conn, strbuf *err)
{
    if (!conn) {
        sb_adds(err, "out of memory");
        return NULL;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        conn_error(err, conn);
        PQfinish(conn);
        return NULL;
    }
    return conn;
}

PGconn *conn_open(const char *conninfo, strbuf *err)
{
    char *errmsg = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &errmsg);
    if (!opts) {
        sb_adds(err, "invalid connection string: ");
        first_line(err, errmsg ? errmsg : "cannot parse");
        PQfreemem(errmsg);
        return NULL;
    }
    bool timeout_set = getenv("PGCONNECT_TIMEOUT") != NULL;
    for (PQconninfoOption *o = opts; o->keyword; o++)
        timeout_set |= strcmp(o->keyword, "connect_timeout") == 0 && o->val && *o->val;
    PQconninfoFree(opts);
    /* The connection string expands in place of dbname; the settings after
     * it win: names come to us in UTF-8 whatever the database's encoding.
     * A server that accepts and never answers must not hang pgalign: a
     * timeout unless the user chose one (libpq has none by default). */
    const char *const keywords[] = {"dbname", "client_encoding",
                                    "fallback_application_name",
                                    timeout_set ? NULL : "connect_timeout", NULL};
    const char *const values[] = {conninfo, "UTF8", "pgalign", DEFAULT_CONNECT_TIMEOUT, NULL};
    PGconn *conn = PQconnectdbParams(keywords, values, 1);
    if (conn && PQstatus(conn) != CONNECTION_OK) {
        sb_adds(err, "cannot connect to ");
        conn_describe(err, conninfo);
        sb_adds(err, ": ");
    }
    return connected(conn, err);
}

PGconn *conn_open_like(const PQconninfoOption *opts, strbuf *err)
{
    size_t n = 0;
    for (const PQconninfoOption *o = opts; o->keyword; o++)
        n++;
    const char **keywords = xcalloc(n + 1, sizeof(*keywords));
    const char **values = xcalloc(n + 1, sizeof(*values));
    size_t k = 0;
    for (const PQconninfoOption *o = opts; o->keyword; o++) {
        if (o->val && *o->val) {
            keywords[k] = o->keyword;
            values[k++] = o->val;
        }
    }
    /* The values as they are, the database name too: no expansion. */
    PGconn *conn = PQconnectdbParams(keywords, values, 0);
    if (conn && PQstatus(conn) != CONNECTION_OK)
        sb_adds(err, "cannot open another connection: ");
    free(keywords);
    free(values);
    return connected(conn, err);
}

bool conn_command(PGconn *conn, const char *sql, strbuf *err)
{
    PGresult *res = PQexec(conn, sql);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK ||
              PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok)
        conn_error(err, conn);
    PQclear(res);
    return ok;
}

static void ignore_notice(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

bool conn_quiet(PGconn *conn)
{
    PQsetNoticeProcessor(conn, ignore_notice, NULL);
    return true;
}
