#include "emit/review.h"
#include "plan/expand.h"

#include <string.h>

void review_verdict(strbuf *out, const pa_plan *p, const pa_census_diff *census, bool unsafe)
{
    size_t destructive = plan_count_hazard(p, HAZ_DATA_LOSS);
    if (p->nstmts == 0 && p->nnotes)
        sb_adds(out, "drift: no statement to apply, but something to do by hand");
    else if (p->nstmts == 0 && census && census->ndiffer)
        sb_adds(out, "drift: the compared schema matches, but objects pgalign cannot plan "
                     "differ");
    else if (p->nstmts == 0)
        sb_adds(out, p->deferred && p->deferred->count
                         ? "in sync but for what --additive holds back"
                         : "in sync");
    else
        sb_addf(out, "drift: %zu statement%s to apply%s", p->nstmts,
                p->nstmts == 1 ? "" : "s",
                !destructive ? ""
                : unsafe     ? ", destructive (allowed by --unsafe)"
                             : ", destructive (needs --unsafe)");
}

bool review_shows(const pa_diff *d, const pa_change *c)
{
    if (c->type == CHANGE_SAME || c->rebuild)
        return false;
    const pa_change *parent = c->type == CHANGE_DROP && c->from->parent
                                  ? diff_find(d, c->from->parent->key)
                                  : NULL;
    return !parent || parent->type != CHANGE_DROP;
}

void html_text_len(strbuf *out, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        switch (text[i]) {
        case '&':
            sb_adds(out, "&amp;");
            break;
        case '<':
            sb_adds(out, "&lt;");
            break;
        case '>':
            sb_adds(out, "&gt;");
            break;
        case '"':
            sb_adds(out, "&quot;");
            break;
        case '\'':
            sb_adds(out, "&#39;");
            break;
        default:
            sb_addc(out, text[i]);
        }
    }
}

void html_text(strbuf *out, const char *text)
{
    html_text_len(out, text, strlen(text));
}
