/* Expressions as the server prints them, made comparable. pg_get_expr and
 * its kin do not always print what parses back to the same text: a plan
 * that creates the printed definition would leave a database that prints
 * it differently, and the next diff would plan it again. The rewrites here
 * take a printed expression to the form the server prints after that one
 * more round trip (a fixpoint), and change nothing else. */
#ifndef PA_EXPRESSION_H
#define PA_EXPRESSION_H

/* The canonical form of text (malloc'd), or NULL when it is canonical
 * already. Known rewrite: an array literal cast as a whole,
 *   (ARRAY['a'::character varying, 'b'::character varying])::text[]
 * (an IN list on a varchar column) becomes the casts of its elements,
 *   ARRAY[('a'::character varying)::text, ('b'::character varying)::text]
 * which is what the server prints once it has parsed the first form. */
char *expression_canonical(const char *text);

#endif
