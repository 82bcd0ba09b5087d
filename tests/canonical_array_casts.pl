#!/usr/bin/perl
# The server prints an IN list on a varchar column as an array literal
# cast as a whole,  (ARRAY['a'::character varying])::text[],  and, once
# it has parsed that, as the casts of its elements,
# ARRAY[('a'::character varying)::text]: the same expression. pgalign
# compares the two as equal (src/model/expression.h); this filter, written
# apart from pgalign's code and for literal elements (cast once or twice), lets the tests'
# normalized pg_dump do the same.
use strict;
use warnings;

my $type = qr/[\w ."]+(?:\(\d+(?:,\d+)?\))?/;
my $string = qr/'(?:[^']|'')*'/;
# 'a'::character varying, or ('a'::text)::character varying
my $literal = qr/(?:${string}::$type|\(${string}::$type\)::$type)/;

while (my $line = <STDIN>) {
    $line =~ s{\(ARRAY\[((?:$literal(?:, )?)+)\]\)::($type)\[\]}{
        my ($list, $to) = ($1, $2);
        'ARRAY[' . join(', ', map { "($_)::$to" } $list =~ /($literal)/g) . ']'
    }ge;
    print $line;
}
