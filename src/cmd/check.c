/* pgalign check FROM TARGET: a drift gate for CI. Prints a summary of the
 * differences (or --format json) and exits 0 in sync, 2 on drift, 3 on
 * drift that needs --unsafe, 1 on error. */
#include "cmd/cmd.h"
#include "emit/html.h"
#include "emit/markdown.h"
#include "emit/summary.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

int cmd_check(const pa_options *opt)
{
    /* text or json: main.c's valid_format checked it */
    bool json = opt->format && strcmp(opt->format, "json") == 0;
    if (!cmd_preflight_possible(opt))
        return EXIT_ERROR;
    pa_run run;
    if (!cmd_plan(opt, &run))
        return EXIT_ERROR;
    cmd_report_census(opt, &run, true);
    if (!cmd_strict_run_ok(opt, &run)) {
        cmd_plan_free(&run);
        return EXIT_ERROR;
    }
    int rc = !cmd_run_differs(&run) ? EXIT_SAME
             : run.plan.nstmts == 0 ? EXIT_DIFFERENT     /* census, notes */
             : !opt->unsafe && plan_count_hazard(&run.plan, HAZ_DATA_LOSS) ? EXIT_UNSAFE
             : EXIT_DIFFERENT;
    /* With --preflight: what the plan would lose goes into the summary; rows
     * that would make it fail are an error, as for diff --preflight. */
    pa_loss_list losses = {0};
    if (opt->preflight && run.plan.nstmts &&
        !cmd_preflight(opt, NULL, opt->from, &run.plan, &run.renames, &losses, true))
        rc = EXIT_ERROR;
    strbuf out = STRBUF_INIT;
    const pa_loss_list *counted = opt->preflight ? &losses : NULL;
    if (json)
        emit_summary_json(&out, &run.diff, &run.plan, &run.census, counted);
    else if (opt->format && strcmp(opt->format, "html") == 0)
        emit_html(&out, &run.diff, &run.plan, &run.census, counted, opt->unsafe);
    else if (opt->format && strcmp(opt->format, "markdown") == 0)
        emit_markdown(&out, &run.diff, &run.plan, &run.census, counted, opt->unsafe,
                      MARKDOWN_LIMIT);
    else
        emit_summary_text(&out, &run.diff, &run.plan, &run.census, counted, opt->unsafe,
                          cmd_colour(opt, STDOUT_FILENO), opt->verbose);
    if (!cmd_write_output(opt, &out))
        rc = EXIT_ERROR;
    sb_release(&out);
    loss_list_free(&losses);
    cmd_plan_free(&run);
    return rc;
}
