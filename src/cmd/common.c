/* What every command shares: the report of destructive statements, where
 * colour goes, writing the output, and the attributes never compared. */
#include "cmd/cmd.h"
#include "util/fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void cmd_report_unsafe(const pa_plan *p, unsafe_report what)
{
    size_t n = plan_count_hazard(p, HAZ_DATA_LOSS);
    const char *s = n == 1 ? "" : "s";
    switch (what) {
    case UNSAFE_NOT_WRITTEN:
        fprintf(stderr, "pgalign: the plan has %zu destructive statement%s; nothing "
                "was written.\nReview them, then rerun with --unsafe to print the "
                "plan:\n", n, s);
        break;
    case UNSAFE_NOT_APPLIED:
        fprintf(stderr, "pgalign: the plan has %zu destructive statement%s; nothing "
                "was changed.\nReview them, then rerun with --unsafe to let pgalign "
                "apply them:\n", n, s);
        break;
    case UNSAFE_WRITTEN:
        fprintf(stderr, "pgalign: the plan has %zu destructive statement%s (written for "
                "review, marked data-loss); pgalign apply runs them only with --unsafe:\n",
                n, s);
        break;
    case UNSAFE_DRY_RUN:
        fprintf(stderr, "pgalign: the plan has %zu destructive statement%s, run only "
                "because this is a dry run; a real run needs --unsafe:\n", n, s);
        break;
    }
    for (size_t i = 0; i < p->nstmts; i++) {
        if (p->stmts[i]->hazards & HAZ_DATA_LOSS)
            fprintf(stderr, "  %s;\n", sb_str(&p->stmts[i]->sql));
    }
}

bool cmd_colour(const pa_options *opt, int fd)
{
    const char *no_colour = getenv("NO_COLOR");
    return !(fd == STDOUT_FILENO && opt->output) && isatty(fd) &&
           !(no_colour && *no_colour);
}

bool cmd_write_output(const pa_options *opt, const strbuf *sql)
{
    strbuf err = STRBUF_INIT;
    bool ok;
    if (opt->output) {
        ok = write_file_atomic(opt->output, sb_str(sql), sql->len, &err);
    } else {
        ok = write_all(STDOUT_FILENO, sb_str(sql), sql->len);
        if (!ok)
            sb_adds(&err, "cannot write to standard output");
    }
    if (!ok)
        fprintf(stderr, "pgalign: %s\n", sb_str(&err));
    sb_release(&err);
    return ok;
}

const char *const *cmd_ignored_attrs(bool ignore_extension_versions)
{
    static const char *const no_versions[] = {"extension.version", NULL};
    return ignore_extension_versions ? no_versions : NULL;
}

void cmd_print_warnings(strbuf *warnings)
{
    fputs(sb_str(warnings), stderr);
    sb_reset(warnings);
}
