/* Space-separated word lists, as the catalog queries return them
 * (addresses, version lists, sequence options). */
#ifndef PA_WORDS_H
#define PA_WORDS_H

#include "util/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* The next word at *cursor: returns its start, sets *len, and moves
 * *cursor past it; NULL when no word is left (or the list is NULL). */
const char *word_next(const char **cursor, size_t *len);
/* Whether word w of length n is exactly s. */
bool word_is(const char *w, size_t n, const char *s);
/* Whether list holds word. */
bool word_in_list(const char *word, const char *list);
/* Whether s is one of the strings of list, NULL-terminated (NULL: none). */
bool string_in_list(const char *s, const char *const *list);
/* The plural of a census noun into out, for messages: "cast" -> "casts",
 * "text search dictionary" -> "text search dictionaries", "operator
 * class" -> "operator classes"; "statistics" stays. */
void word_plural(strbuf *out, const char *noun);

#endif
