/* Splitting a SQL script into statements at top-level semicolons, as psql
 * does (util/sqlscan.c). Comment lines before a statement are its own; a
 * "-- hazards: a, b" line (as pgalign diff writes them) is kept. */
#include "apply/split.h"
#include "emit/sql.h"
#include "util/sqlscan.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Add the statement in [start, end): leading comments and blank lines
 * go, but a hazards comment gives the statement its hazards. */
static void add_statement(pa_plan *p, const char *start, const char *end)
{
    const char *hazards = NULL;
    bool standalone = false;
    for (;;) {
        while (start < end && isspace((unsigned char)*start))
            start++;
        if (end - start >= 2 && start[0] == '-' && start[1] == '-') {
            if (strncmp(start, "-- hazards: ", 12) == 0)
                hazards = start + 12;
            standalone |= strncmp(start, SQL_STANDALONE_COMMENT,
                                  strlen(SQL_STANDALONE_COMMENT)) == 0;
            start += strcspn(start, "\n");
            continue;
        }
        break;
    }
    while (end > start && isspace((unsigned char)end[-1]))
        end--;
    if (start == end)
        return;
    unsigned bits = 0;
    for (int b = 0; hazards && b < PA_NHAZARDS; b++) {
        const char *line_end = hazards + strcspn(hazards, "\n");
        const char *at = strstr(hazards, pa_hazard_names[b]);
        if (at && at < line_end)
            bits |= 1u << b;
    }
    pa_stmt *s = plan_stmt(p, bits);
    sb_add(&s->sql, start, (size_t)(end - start));
    s->standalone = standalone;
}

void sql_split(const char *script, pa_plan *p)
{
    sql_piece piece;
    for (const char *s = script; (s = sql_next_piece(s, false, &piece)) != NULL;)
        add_statement(p, piece.start, piece.end);
}

/* s past blanks and the keyword word, or NULL when word is not next. */
static const char *next_keyword(const char *s, const char *end, const char *word)
{
    return sql_keyword(sql_skip_blank(s), end, word);
}

/* ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name, past ROLLBACK: it
 * stays inside the transaction. */
static bool to_savepoint(const char *rest, const char *end)
{
    const char *word = next_keyword(rest, end, "WORK");
    if (!word)
        word = next_keyword(rest, end, "TRANSACTION");
    return next_keyword(word ? word : rest, end, "TO") != NULL;
}

const char *sql_transaction_control(const char *stmt)
{
    /* START and PREPARE only with TRANSACTION next: PREPARE name AS ...
     * prepares a statement. */
    static const struct {
        const char *word, *then;
    } commands[] = {
        {"BEGIN", NULL}, {"START", "TRANSACTION"}, {"COMMIT", NULL}, {"END", NULL},
        {"ROLLBACK", NULL}, {"ABORT", NULL}, {"PREPARE", "TRANSACTION"},
    };
    const char *end = stmt + strlen(stmt);
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        const char *rest = next_keyword(stmt, end, commands[i].word);
        if (!rest)
            continue;
        if (commands[i].then && !next_keyword(rest, end, commands[i].then))
            return NULL;
        if (strcmp(commands[i].word, "ROLLBACK") == 0 && to_savepoint(rest, end))
            return NULL;
        return commands[i].word;
    }
    return NULL;
}
