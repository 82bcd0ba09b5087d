/* What the commands say of the objects pgalign did not compare (the
 * census, diff/census.h): each named once on stderr, and those that
 * differ listed in the plan, so that no verdict passes over them. */
#include "cmd/cmd.h"

#include <stdio.h>

void cmd_report_census(const pa_options *opt, const pa_run *run, bool even_quiet)
{
    if (opt->quiet && !even_quiet && !opt->strict)
        return;
    strbuf line = STRBUF_INIT;
    for (size_t i = 0; i < run->census.count; i++) {
        sb_reset(&line);
        census_describe(&line, &run->census, &run->census.items[i]);
        fprintf(stderr, "pgalign: not compared: %s\n", sb_str(&line));
    }
    sb_release(&line);
}

void cmd_census_comment(strbuf *out, const pa_run *run)
{
    if (run->census.ndiffer == 0)
        return;
    sb_adds(out, "-- Not compared: pgalign does not plan these kinds yet, and they differ;\n"
                 "-- bring them in line by hand:\n");
    for (size_t i = 0; i < run->census.count; i++) {
        const pa_census_item *it = &run->census.items[i];
        if (!census_item_differs(it))
            continue;
        sb_adds(out, "--   ");
        census_describe(out, &run->census, it);
        sb_addc(out, '\n');
    }
    sb_addc(out, '\n');
}

bool cmd_run_differs(const pa_run *run)
{
    return run->plan.nstmts > 0 || run->plan.nnotes > 0 || run->census.ndiffer > 0;
}

bool cmd_strict_run_ok(const pa_options *opt, const pa_run *run)
{
    if (opt->strict && ((run->uncompared_kinds && run->uncompared_kinds[0]) ||
                        run->census_kinds_predated)) {
        fprintf(stderr, "pgalign: --strict: a snapshot predates kinds pgalign compares "
                "(named above); nothing was done\n");
        return false;
    }
    if (opt->strict && run->census.unknown) {
        fprintf(stderr, "pgalign: --strict: %s is a snapshot that does not record the "
                "objects pgalign does not compare (take it again with this pgalign); "
                "nothing was done\n", run->census.unknown);
        return false;
    }
    return cmd_strict_ok(opt, run->census.count);
}

bool cmd_strict_ok(const pa_options *opt, size_t not_compared)
{
    if (!opt->strict || not_compared == 0)
        return true;
    fprintf(stderr, "pgalign: --strict: %zu object%s of kinds pgalign does not compare "
            "(named above); nothing was done\n", not_compared, not_compared == 1 ? "" : "s");
    return false;
}
