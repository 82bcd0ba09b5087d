#include "emit/markdown.h"
#include "diff/rename.h"
#include "emit/changes.h"
#include "emit/review.h"
#include "emit/sql.h"
#include "emit/summary.h"
#include "kinds/kind.h"
#include "plan/expand.h"
#include "util/linediff.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Room kept for the line that says what the cut left out. */
enum { CUT_NOTE_ROOM = 512 };

/* The longest run of backticks in text: a code span or fence must be
 * longer to hold it. */
static size_t longest_backtick_run(const char *text)
{
    size_t longest = 0, run = 0;
    for (const char *s = text; *s; s++) {
        run = *s == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    return longest;
}

static void add_repeated(strbuf *out, char c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_addc(out, c);
}

/* text as an inline code span, on one line. */
static void add_code_span(strbuf *out, const char *text)
{
    size_t ticks = longest_backtick_run(text) + 1;
    bool pad = text[0] == '`' || (*text && text[strlen(text) - 1] == '`');
    add_repeated(out, '`', ticks);
    if (pad)
        sb_addc(out, ' ');
    for (const char *s = text; *s; s++)
        sb_addc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
    if (pad)
        sb_addc(out, ' ');
    add_repeated(out, '`', ticks);
}

/* text as a fenced code block of language lang. */
static void add_fenced(strbuf *out, const char *lang, const char *text)
{
    size_t ticks = longest_backtick_run(text) + 1;
    if (ticks < 3)
        ticks = 3;
    add_repeated(out, '`', ticks);
    sb_addf(out, "%s\n%s", lang, text);
    if (*text && text[strlen(text) - 1] != '\n')
        sb_addc(out, '\n');
    add_repeated(out, '`', ticks);
    sb_addc(out, '\n');
}

static void add_headline(strbuf *out, const pa_plan *p, const pa_census_diff *census,
                         bool unsafe)
{
    sb_adds(out, MARKDOWN_MARKER "\n### pgalign: ");
    review_verdict(out, p, census, unsafe);
    sb_addc(out, '\n');
}

/* A list item: text as code. */
static void add_code_item(strbuf *out, const char *text)
{
    sb_adds(out, "- ");
    add_code_span(out, text);
    sb_addc(out, '\n');
}

static void kind_row(strbuf *out, const pa_kind *kind, const kind_counts *c, bool first)
{
    if (first)
        sb_adds(out, "\n| kind | created | altered | dropped |\n| --- | ---: | ---: | ---: |\n");
    sb_addf(out, "| %s | %zu | %zu | %zu |\n", kind->name, c->created, c->altered,
            c->dropped);
}

static void add_kind_table(strbuf *out, const pa_diff *d)
{
    summary_kind_rows(out, d, kind_row);
}

static void add_hazards(strbuf *out, const pa_plan *p)
{
    bool any = false;
    for (int h = 0; h < PA_NHAZARDS; h++) {
        size_t n = plan_count_hazard(p, 1u << h);
        if (!n)
            continue;
        if (!any)
            sb_adds(out, "\n| hazard | statements |\n| --- | ---: |\n");
        any = true;
        sb_addf(out, "| %s | %zu |\n", pa_hazard_names[h], n);
    }
}

static void add_destructive(strbuf *out, const pa_plan *p, const pa_loss_list *losses)
{
    if (!plan_count_hazard(p, HAZ_DATA_LOSS))
        return;
    sb_adds(out, "\n**Destructive statements** (data-loss):\n\n");
    for (size_t i = 0; i < p->nstmts; i++) {
        if (!(p->stmts[i]->hazards & HAZ_DATA_LOSS))
            continue;
        add_code_item(out, sb_str(&p->stmts[i]->sql));
    }
    if (!losses || losses->count == 0)
        return;
    sb_adds(out, "\n**What they lose**, counted in FROM now (preflight):\n\n");
    for (size_t i = 0; i < losses->count; i++) {
        strbuf text = STRBUF_INIT;
        loss_text(&text, &losses->items[i]);
        add_code_item(out, sb_str(&text));
        sb_release(&text);
    }
}

static void add_renames(strbuf *out, const pa_rename_list *renames)
{
    if (!renames || renames->count == 0)
        return;
    sb_adds(out, "\n**Renamed** (the data is kept):\n\n");
    for (size_t i = 0; i < renames->count; i++) {
        strbuf text = STRBUF_INIT;
        rename_text(&text, &renames->items[i]);
        sb_addf(out, "- %s ", rename_kind_name(&renames->items[i]));
        add_code_span(out, sb_str(&text));
        sb_addc(out, '\n');
        sb_release(&text);
    }
}

/* A list of lines under a bold title, each as code. */
static void add_code_list(strbuf *out, const char *title, const char *const *items, size_t n)
{
    if (n == 0)
        return;
    sb_addf(out, "\n**%s**\n\n", title);
    for (size_t i = 0; i < n; i++)
        add_code_item(out, items[i]);
}

static void add_held_and_notes(strbuf *out, const pa_plan *p)
{
    add_code_list(out, "To do by hand:", (const char *const *)p->notes, p->nnotes);
    const pa_deferred_list *held = p->deferred;
    bool first = true;
    for (size_t i = 0; held && i < held->count; i++) {
        if (!deferred_shown(held, i))
            continue;
        if (first)
            sb_adds(out, "\n**Held back for the contract step** (`--additive`):\n\n");
        first = false;
        strbuf text = STRBUF_INIT;
        deferred_text(&text, &held->items[i]);
        add_code_item(out, sb_str(&text));
        sb_release(&text);
    }
}

static void add_census(strbuf *out, const pa_census_diff *census)
{
    if (!census || census->count == 0)
        return;
    sb_addf(out, "\n**Not compared** (kinds pgalign does not plan yet): %zu object%s, %zu "
            "differ%s\n\n", census->count, census->count == 1 ? "" : "s", census->ndiffer,
            census->ndiffer == 1 ? "s" : "");
    for (size_t i = 0; i < census->count; i++) {
        strbuf text = STRBUF_INIT;
        census_describe(&text, census, &census->items[i]);
        add_code_item(out, sb_str(&text));
        sb_release(&text);
    }
}

/* One change's definitions, as a diff inside <details>. */
static void add_change_details(strbuf *out, const pa_change *c)
{
    const pa_object *o = c->to ? c->to : c->from;
    strbuf before = STRBUF_INIT, after = STRBUF_INIT, diff = STRBUF_INIT;
    object_definition(&before, c->from);
    object_definition(&after, c->to);
    linediff_unified(&diff, sb_str(&before), sb_str(&after));
    sb_addf(out, "\n<details><summary>%s <code>", diff_action_name(c));
    html_text(out, o->key);
    sb_adds(out, "</code></summary>\n\n");
    add_fenced(out, "diff", sb_str(&diff));
    sb_adds(out, "\n</details>\n");
    sb_release(&before);
    sb_release(&after);
    sb_release(&diff);
}

/* The plan in a fenced block inside <details>, as many of its statements
 * as room holds (all when it is 0); how many. */
static size_t add_plan(strbuf *out, const pa_plan *p, size_t room)
{
    strbuf sql = STRBUF_INIT, one = STRBUF_INIT;
    size_t n = 0;
    for (; n < p->nstmts; n++) {
        sb_reset(&one);
        if (n > 0)
            sb_addc(&one, '\n');
        emit_sql_statement(&one, p->stmts[n]);
        if (room && sql.len + one.len > room)
            break;
        sb_add(&sql, one.buf, one.len);
    }
    sb_addf(out, "\n<details><summary>The plan: %zu statement%s</summary>\n\n", p->nstmts,
            p->nstmts == 1 ? "" : "s");
    add_fenced(out, "sql", sb_str(&sql));
    sb_adds(out, "\n</details>\n");
    sb_release(&sql);
    sb_release(&one);
    return n;
}

/* The plan, whole when it fits in room, else as many statements as half
 * the room holds (the diffs get the rest); how many it holds. */
static size_t fit_plan(strbuf *plan, const pa_plan *p, size_t room)
{
    size_t planned = p->nstmts ? add_plan(plan, p, 0) : 0;
    if (plan->len > room) {
        sb_reset(plan);
        planned = room / 2 ? add_plan(plan, p, room / 2) : 0;
    }
    return planned;
}

/* Each change's diff, as many as room holds; how many of how many. */
static void add_diffs_that_fit(strbuf *out, const pa_diff *d, size_t room, size_t *shown,
                               size_t *changed)
{
    strbuf one = STRBUF_INIT;
    *shown = *changed = 0;
    for (size_t i = 0; i < d->count; i++) {
        const pa_change *c = &d->changes[i];
        if (!review_shows(d, c))
            continue;
        ++*changed;
        sb_reset(&one);
        add_change_details(&one, c);
        if (one.len > room)
            continue;
        sb_add(out, one.buf, one.len);
        room -= one.len;
        ++*shown;
    }
    sb_release(&one);
}

static void add_cut_note(strbuf *out, size_t limit, size_t shown, size_t changed,
                         size_t planned, size_t nstmts)
{
    if (shown == changed && planned == nstmts)
        return;
    sb_addf(out, "\n_Cut to the %zu KB a comment holds: left out ", limit / 1024);
    if (shown < changed)
        sb_addf(out, "%zu of %zu objects' diffs%s", changed - shown, changed,
                planned < nstmts ? " and " : "");
    if (planned < nstmts)
        sb_addf(out, "the plan's last %zu of %zu statements", nstmts - planned, nstmts);
    sb_adds(out, ". `pgalign --format json` holds them all._\n");
}

void emit_markdown(strbuf *out, const pa_diff *d, const pa_plan *p,
                   const pa_census_diff *census, const pa_loss_list *losses, bool unsafe,
                   size_t limit)
{
    strbuf head = STRBUF_INIT, plan = STRBUF_INIT;
    add_headline(&head, p, census, unsafe);
    add_kind_table(&head, d);
    add_hazards(&head, p);
    add_destructive(&head, p, losses);
    add_renames(&head, d->renames);
    add_held_and_notes(&head, p);
    add_census(&head, census);
    /* The plan comes before the diffs when the comment cannot hold all. */
    size_t room = limit > head.len + CUT_NOTE_ROOM ? limit - head.len - CUT_NOTE_ROOM : 0;
    size_t planned = fit_plan(&plan, p, room), shown, changed;
    sb_add(out, head.buf ? head.buf : "", head.len);
    add_diffs_that_fit(out, d, room > plan.len ? room - plan.len : 0, &shown, &changed);
    sb_add(out, plan.buf ? plan.buf : "", plan.len);
    add_cut_note(out, limit, shown, changed, planned, p->nstmts);
    sb_release(&head);
    sb_release(&plan);
}
