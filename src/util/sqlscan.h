/* Finding statements in SQL text as psql does: the top-level semicolons,
 * not those inside 'strings' (E'' with backslash escapes too), "quoted
 * identifiers", $tag$ dollar quotes $tag$, -- comments or nested block
 * comments. Used to split plans (apply/split.c) and to read the files of
 * SQL sources (source/extskip.c). */
#ifndef PA_SQLSCAN_H
#define PA_SQLSCAN_H

#include <stdbool.h>

typedef struct sql_piece {
    const char *start;  /* the text since the end of the previous piece */
    const char *end;    /* at the ';' (not included), or the end of text */
    bool meta;          /* a psql meta-command line (\restrict ...) */
} sql_piece;

/* The piece starting at s into *piece; returns where the next one starts
 * (past the ';'), or NULL at the end of the text. With psql_meta, a line
 * whose first non-blank character is a backslash outside any quote is a
 * piece of its own, as psql reads it; else it is ordinary text. */
const char *sql_next_piece(const char *s, bool psql_meta, sql_piece *piece);

/* s past blanks and comments (-- to the end of the line, nested block
 * comments), as the scanner skips them. */
const char *sql_skip_blank(const char *s);

/* Past the 'string' (E'' with backslash escapes), $tag$ quote $tag$ or
 * comment that starts at s, or s itself if none does; text is where the
 * SQL starts (what stands before s tells E'' and name$1 apart). "Quoted
 * identifiers" are not skipped: callers read them. */
const char *sql_skip_literal(const char *text, const char *s);

/* Past the '...' or "..." at s (a doubled quote inside stands for one;
 * with backslashes, a backslash escapes the next character). */
const char *sql_skip_quoted(const char *s, bool backslashes);

/* Past the keyword word (any case) at s, up to end, or NULL when s does
 * not start with it or the word goes on there (COPY, not COPYING). */
const char *sql_keyword(const char *s, const char *end, const char *word);

/* Past the one name at s: a "quoted identifier" (a doubled quote inside
 * stands for one) or a bare one (letters, digits, _, $ and any byte of a
 * multibyte character); s itself when none starts there or its quote is
 * not closed. */
const char *sql_skip_name(const char *s);

/* One name of a dotted SQL name at *s, up to end: "Quoted" (a doubled
 * quote inside stands for one) or bare (folded to lower case, as the
 * server folds it). *s is left after it; NULL (nothing to free) for an
 * empty name or a missing closing quote. */
char *sql_name_part(const char **s, const char *end);

#endif
