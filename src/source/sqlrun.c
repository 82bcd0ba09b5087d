#include "source/sqlrun.h"
#include "source/conn.h"
#include "util/sqlscan.h"

#include <string.h>

/* pg_dump's guard lines (16.10, 17.6 and later), of no meaning but to psql. */
static const char *const harmless_meta[] = {"\\restrict", "\\unrestrict"};

static bool harmless(const sql_piece *piece)
{
    for (size_t i = 0; i < sizeof(harmless_meta) / sizeof(harmless_meta[0]); i++) {
        if (sql_keyword(piece->start, piece->end, harmless_meta[i]))
            return true;
    }
    return false;
}

/* The piece's statement, past blanks and comments; NULL when it has none. */
static const char *statement_start(const sql_piece *piece)
{
    const char *s = sql_skip_blank(piece->start);
    return s < piece->end ? s : NULL;
}

bool sqlrun_needs_psql(const char *text)
{
    sql_piece piece;
    for (const char *s = text; (s = sql_next_piece(s, true, &piece)) != NULL;) {
        const char *stmt = statement_start(&piece);
        if (piece.meta ? !harmless(&piece) : stmt && sql_keyword(stmt, piece.end, "copy"))
            return true;
    }
    return false;
}

static bool succeeded(const PGresult *res)
{
    ExecStatusType status = PQresultStatus(res);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
           status == PGRES_EMPTY_QUERY;
}

/* "path:LINE: ERROR:  message", as psql says it (without its "psql:"). */
static void report(strbuf *err, const char *path, int line, PGconn *conn, const PGresult *res)
{
    sb_addf(err, "%s:%d: ", path, line);
    conn_result_error(err, conn, res);
}

static int count_lines(const char *from, const char *to)
{
    int n = 0;
    for (const char *p = from; p < to; p++)
        n += *p == '\n';
    return n;
}

/* What psql's exit does to a session: an open transaction rolled back,
 * the session's state gone. */
static bool end_session(PGconn *conn, const char *path, strbuf *err)
{
    strbuf why = STRBUF_INIT;
    bool ok = (PQtransactionStatus(conn) == PQTRANS_IDLE ||
               conn_command(conn, "ROLLBACK", &why)) &&
              conn_command(conn, "DISCARD ALL", &why);
    if (!ok)
        sb_addf(err, "%s: %s", path, sb_str(&why));
    sb_release(&why);
    return ok;
}

bool sqlrun_statements(PGconn *conn, const char *path, const char *text, strbuf *err)
{
    strbuf sql = STRBUF_INIT;
    sql_piece piece;
    int line = 1;
    const char *counted = text;
    bool ok = true;
    for (const char *s = text; ok && (s = sql_next_piece(s, true, &piece)) != NULL;) {
        const char *stmt = statement_start(&piece);
        if (piece.meta || !stmt)
            continue;
        line += count_lines(counted, piece.end);
        counted = piece.end;
        sb_reset(&sql);
        sb_add(&sql, stmt, (size_t)(piece.end - stmt));
        PGresult *res = PQexec(conn, sql.buf);
        ok = succeeded(res);
        if (!ok)
            report(err, path, line, conn, res);
        PQclear(res);
    }
    sb_release(&sql);
    return ok && end_session(conn, path, err);
}
