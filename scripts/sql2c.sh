#!/bin/sh
# Turn a text file into a C file that defines its lines as an array of
# strings ending with NULL, so that pgalign carries the text (the Supabase
# stand-in's SQL, the HTML review's style and script). Lines, not one
# string: C11 promises string literals of 4095 characters only.
#   sql2c.sh FILE.sql NAME > FILE.c
set -e
echo "/* Generated from $1 by scripts/sql2c.sh: edit that file instead. */"
echo "extern const char *const $2[];"
echo "const char *const $2[] = {"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n",/' "$1"
echo "    0,"
echo "};"
