#include "util/linediff.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { CONTEXT = 3 };
/* Cells of the table of common subsequences: 8 MB at most. */
#define MAX_CELLS ((size_t)2 * 1000 * 1000)

typedef struct line {
    const char *text;
    size_t len;
} line;

typedef struct lines {
    line *items;
    size_t count;
} lines;

/* A text's lines, without their line breaks; a final break ends the last
 * line, it does not start an empty one. */
static void split_lines(const char *text, lines *out)
{
    size_t n = 0;
    for (const char *s = text; *s; s++)
        n += *s == '\n';
    out->items = xcalloc(n + 1, sizeof(line));
    out->count = 0;
    for (const char *s = text; *s;) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        out->items[out->count++] = (line){s, len};
        s += len + (end != NULL);
    }
}

static bool same_line(const line *a, const line *b)
{
    return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* One step of the script: a line kept (' '), removed ('-') or added
 * ('+'), and how many lines of each text came before it. */
typedef struct op {
    char type;
    const line *text;
    size_t apos, bpos;
} op;

typedef struct script {
    op *ops;
    size_t count, alloc;
    size_t apos, bpos;
} script;

static void push(script *s, char type, const line *text)
{
    s->ops = xgrow(s->ops, sizeof(*s->ops), s->count + 1, &s->alloc);
    s->ops[s->count++] = (op){type, text, s->apos, s->bpos};
    s->apos += type != '+';
    s->bpos += type != '-';
}

/* The script for a[0..n) and b[0..m), whose first and last lines differ:
 * the longest common subsequence, by a table of its lengths from the
 * end; or, past MAX_CELLS, every line removed and then added. */
static void middle_script(script *s, const line *a, size_t n, const line *b, size_t m)
{
    if (n == 0 || m == 0 || n > MAX_CELLS / m) {
        for (size_t i = 0; i < n; i++)
            push(s, '-', &a[i]);
        for (size_t j = 0; j < m; j++)
            push(s, '+', &b[j]);
        return;
    }
    size_t w = m + 1;
    uint32_t *len = xcalloc((n + 1) * w, sizeof(uint32_t));
    for (size_t i = n; i-- > 0;) {
        for (size_t j = m; j-- > 0;) {
            uint32_t down = len[(i + 1) * w + j], right = len[i * w + j + 1];
            len[i * w + j] = same_line(&a[i], &b[j]) ? len[(i + 1) * w + j + 1] + 1
                             : down >= right        ? down
                                                    : right;
        }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same_line(&a[i], &b[j])) {
            push(s, ' ', &a[i++]);
            j++;
        } else if (j == m || (i < n && len[(i + 1) * w + j] >= len[i * w + j + 1])) {
            push(s, '-', &a[i++]);
        } else {
            push(s, '+', &b[j++]);
        }
    }
    free(len);
}

static void make_script(script *s, const lines *a, const lines *b)
{
    size_t head = 0, tail = 0;
    while (head < a->count && head < b->count && same_line(&a->items[head], &b->items[head]))
        head++;
    while (tail < a->count - head && tail < b->count - head &&
           same_line(&a->items[a->count - 1 - tail], &b->items[b->count - 1 - tail]))
        tail++;
    for (size_t i = 0; i < head; i++)
        push(s, ' ', &a->items[i]);
    middle_script(s, a->items + head, a->count - head - tail, b->items + head,
                  b->count - head - tail);
    for (size_t i = a->count - tail; i < a->count; i++)
        push(s, ' ', &a->items[i]);
}

/* The end (exclusive) of the hunk whose first change is ops[first]: the
 * changes that follow it within twice the context join it. */
static size_t hunk_end(const script *s, size_t first)
{
    size_t last = first, j = first + 1;
    while (j < s->count) {
        size_t k = j;
        while (k < s->count && s->ops[k].type == ' ')
            k++;
        if (k == s->count || k - j > 2 * CONTEXT)
            break;
        last = k;
        j = k + 1;
    }
    return last + 1 + CONTEXT < s->count ? last + 1 + CONTEXT : s->count;
}

/* As diff -u: "start,count", the count left out when 1, and an empty
 * range named by the line before it. */
static void add_range(strbuf *out, size_t before, size_t count)
{
    if (count == 1)
        sb_addf(out, "%zu", before + 1);
    else
        sb_addf(out, "%zu,%zu", before + (count > 0), count);
}

static void emit_hunk(strbuf *out, const script *s, size_t start, size_t end)
{
    size_t acount = 0, bcount = 0;
    for (size_t i = start; i < end; i++) {
        acount += s->ops[i].type != '+';
        bcount += s->ops[i].type != '-';
    }
    const op *o = &s->ops[start];
    sb_adds(out, "@@ -");
    add_range(out, o->apos, acount);
    sb_adds(out, " +");
    add_range(out, o->bpos, bcount);
    sb_adds(out, " @@\n");
    for (size_t i = start; i < end; i++) {
        sb_addc(out, s->ops[i].type);
        sb_add(out, s->ops[i].text->text, s->ops[i].text->len);
        sb_addc(out, '\n');
    }
}

/* The script from before to after, and the lines it points into. */
typedef struct comparison {
    lines a, b;
    script s;
} comparison;

static void compare(comparison *c, const char *before, const char *after)
{
    split_lines(before ? before : "", &c->a);
    split_lines(after ? after : "", &c->b);
    c->s = (script){0};
    make_script(&c->s, &c->a, &c->b);
}

static void comparison_free(comparison *c)
{
    free(c->s.ops);
    free(c->a.items);
    free(c->b.items);
}

void linediff_unified(strbuf *out, const char *before, const char *after)
{
    comparison c;
    compare(&c, before, after);
    const script s = c.s;
    for (size_t i = 0; i < s.count;) {
        while (i < s.count && s.ops[i].type == ' ')
            i++;
        if (i == s.count)
            break;
        size_t start = i > CONTEXT ? i - CONTEXT : 0, end = hunk_end(&s, i);
        emit_hunk(out, &s, start, end);
        i = end;
    }
    comparison_free(&c);
}

void linediff_each(const char *before, const char *after, linediff_fn *fn, void *ctx)
{
    comparison c;
    compare(&c, before, after);
    for (size_t i = 0; i < c.s.count; i++)
        fn(ctx, c.s.ops[i].type, c.s.ops[i].text->text, c.s.ops[i].text->len);
    comparison_free(&c);
}
