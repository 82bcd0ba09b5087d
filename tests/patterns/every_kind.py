"""For each kind, its first object in a snapshot of DBNAME is named by a
pattern of its quoted parts (schema, table where names are per table,
name): pgalign snapshot --exclude with it leaves out that object and what
lives in it, and nothing else. Usage: every_kind.py PGALIGN DBNAME
WORKDIR; prints "ok KIND" or "FAIL KIND: why" a line, exit 1 on a FAIL."""
import json
import subprocess
import sys

pgalign, db, work = sys.argv[1:4]


def snapshot(*extra):
    path = work + "/snapshot.json"
    subprocess.run([pgalign, "snapshot", "--with-privileges", *extra, "-o", path,
                    "dbname=" + db], check=True, stderr=subprocess.DEVNULL)
    return json.load(open(path))["objects"]


def identity(o):
    return (o["kind"], o.get("schema"), o.get("table"), o["name"])


def quote(part):
    return '"' + part.replace('"', '""') + '"'


def inside(o, holder):
    """Whether o lives in holder: in its schema, its table, its column."""
    if holder["kind"] == "schema":
        return o.get("schema") == holder["name"]
    same_schema = o.get("schema") == holder.get("schema")
    # What lives in an object outside schemas (a publication's tables)
    # has a schema of its own.
    if (same_schema or holder.get("schema") is None) and o.get("table") == holder["name"]:
        return True
    return (holder["kind"] == "column" and same_schema and
            o.get("table") == holder.get("table") and o["name"] == holder["name"])


def patterns(o):
    """With the table, then without: the snapshot does not say whether a
    kind's names are per table (a column's) or per schema (an index's)."""
    full = [p for p in (o.get("schema"), o.get("table"), o["name"]) if p is not None]
    short = [p for p in (o.get("schema"), o["name"]) if p is not None]
    forms = [full] if full == short else [full, short]
    return [o["kind"] + ":" + ".".join(quote(p) for p in form) for form in forms]


def check(o, everything):
    for pattern in patterns(o):
        left = {identity(x) for x in snapshot("--exclude", pattern)}
        if identity(o) in left:
            continue
        stray = [identity(x) for x in everything
                 if identity(x) not in left and x is not o and not inside(x, o)]
        if stray:
            return "FAIL %s: %s also left out %s" % (o["kind"], pattern, stray[:3])
        return "ok %s" % o["kind"]
    return "FAIL %s: none of %s left it out" % (o["kind"], patterns(o))


everything = snapshot()
firsts = {}
for o in everything:
    firsts.setdefault(o["kind"], o)
results = [check(o, everything) for o in firsts.values()]
print("\n".join(results))
sys.exit(1 if any(r.startswith("FAIL") for r in results) else 0)
