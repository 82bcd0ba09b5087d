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
    sb_add(plan_stmt(p, bits), start, (size_t)(end - start));
    p->stmts[p->nstmts - 1].standalone = standalone;
}

void sql_split(const char *script, pa_plan *p)
{
    sql_piece piece;
    for (const char *s = script; (s = sql_next_piece(s, false, &piece)) != NULL;)
        add_statement(p, piece.start, piece.end);
}

/* The statement's word at *s (letters only), upper-cased into word. */
static void next_word(const char **s, char *word, size_t n)
{
    const char *p = sql_skip_blank(*s);
    size_t len = 0;
    while (isalpha((unsigned char)*p) && len + 1 < n)
        word[len++] = (char)toupper((unsigned char)*p++);
    word[len] = '\0';
    *s = p;
}

const char *sql_transaction_control(const char *stmt)
{
    static const char *const commands[] = {
        "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "PREPARE",
    };
    char first[16], second[16];
    const char *s = stmt;
    next_word(&s, first, sizeof(first));
    next_word(&s, second, sizeof(second));
    /* PREPARE name AS ... is not PREPARE TRANSACTION; ROLLBACK TO
     * SAVEPOINT stays inside the transaction. */
    if ((strcmp(first, "PREPARE") == 0 && strcmp(second, "TRANSACTION") != 0) ||
        (strcmp(first, "ROLLBACK") == 0 && strcmp(second, "TO") == 0) ||
        (strcmp(first, "START") == 0 && strcmp(second, "TRANSACTION") != 0))
        return NULL;
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(first, commands[i]) == 0)
            return commands[i];
    }
    return NULL;
}
