/* strbuf: a growable, always NUL-terminated string (after git's strbuf).
 * Allocation failure aborts: pgalign cannot do anything useful without
 * memory, and checking every append would bury the logic. */
#ifndef PA_STRBUF_H
#define PA_STRBUF_H

#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>

typedef struct strbuf {
    char *buf;
    size_t len;
    size_t alloc;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void sb_init(strbuf *sb);
void sb_release(strbuf *sb);
void sb_reset(strbuf *sb);
char *sb_detach(strbuf *sb);        /* caller frees; sb is reset */
const char *sb_str(const strbuf *sb); /* "" when empty */
void sb_grow(strbuf *sb, size_t extra);
void sb_add(strbuf *sb, const char *s, size_t n);
void sb_adds(strbuf *sb, const char *s);
void sb_addc(strbuf *sb, char c);
void sb_addf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void sb_trim_trailing(strbuf *sb, const char *chars);
/* s with control characters written as \xNN: for a name read from outside
 * that goes into a message or a SQL comment. */
void sb_add_printable(strbuf *sb, const char *s);

/* Whether two strings are equal, a missing one (NULL) equal only to
 * another missing one: how catalog values compare. */
bool same_string(const char *a, const char *b);

#endif
