#!/usr/bin/env python3
"""Independent sanity check of roadmap files (roadmap.toml, examples/*.toml).

This is a helper for people editing the bundled data files; it does not replace
`roadmap validate`. For every file it checks: TOML parses, ids unique and
well-formed, every reference resolves, no dependency cycle, no project needs
more than a resource's capacity, each funding source's commitments <= amount,
each project's funding sum == cost, every objective served, every actor with a
role. With --plan it also runs two simple resource-levelling heuristics
(serial schedule generation: by priority, and by latest start from due dates)
and reports due dates (deadlines, funding `until`) each of them misses. The
heuristics only approximate the real planner.

usage: python3 tests/tools/check_roadmap.py [--plan] FILE...
"""

import datetime as dt
import re
import sys
import tomllib

ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
DUR_RE = re.compile(r"^(\d+) ?([A-Za-z]+)$")
UNITS = {
    "d": ("d", 1), "day": ("d", 1), "days": ("d", 1),
    "w": ("d", 7), "week": ("d", 7), "weeks": ("d", 7),
    "m": ("m", 1), "month": ("m", 1), "months": ("m", 1),
    "q": ("m", 3), "quarter": ("m", 3), "quarters": ("m", 3),
    "y": ("m", 12), "year": ("m", 12), "years": ("m", 12),
}
ROOT_KEYS = {"roadmap", "objective", "actor", "resource", "funding", "project"}
KEYS = {
    "roadmap": {"name", "start", "currency"},
    "objective": {"id", "name"},
    "actor": {"id", "name", "kind"},
    "resource": {"id", "name", "capacity", "unit"},
    "funding": {"id", "name", "amount", "from", "until"},
    "project": {"id", "name", "objectives", "priority", "duration", "depends_on",
                "earliest_start", "deadline", "lead", "participants", "resources",
                "cost", "funding"},
}
KINDS = {"public", "business", "startup", "utility", "academia", "ngo", "other"}


def parse_span(text):
    m = DUR_RE.match(text.strip())
    if not m or m.group(2).lower() not in UNITS:
        raise ValueError(f"bad duration {text!r}")
    kind, mult = UNITS[m.group(2).lower()]
    return kind, int(m.group(1)) * mult


def add_span(date, span):
    kind, n = span
    if kind == "d":
        return date + dt.timedelta(days=n)
    month = date.month - 1 + n
    year, month = date.year + month // 12, month % 12 + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(date.day, last))


def earliest_start_for_end(target, span):
    """Earliest S with S + span >= target."""
    kind, n = span
    if kind == "d":
        return target - dt.timedelta(days=n)
    s = sub_months(target, n)
    while add_span(s, span) < target:
        s += dt.timedelta(days=1)
    while add_span(s - dt.timedelta(days=1), span) >= target:
        s -= dt.timedelta(days=1)
    return s


def sub_months(date, n):
    month = date.month - 1 - n
    year, month = date.year + month // 12, month % 12 + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(date.day, last))


def deps_of(p):
    out = []
    for d in p.get("depends_on", []):
        if isinstance(d, str):
            out.append((d, "FS", ("d", 0)))
        else:
            out.append((d["project"], d.get("type", "FS"), parse_span(d.get("lag", "0d"))))
    return out


def check(path, plan):
    errs = []
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    for k in doc:
        if k not in ROOT_KEYS:
            errs.append(f"unknown top-level key {k}")
    rm = doc.get("roadmap", {})
    if "start" not in rm or not isinstance(rm["start"], dt.date):
        errs.append("roadmap.start missing or not a date")
    for k in rm:
        if k not in KEYS["roadmap"]:
            errs.append(f"unknown roadmap key {k}")
    tables = {}
    for kind in ("objective", "actor", "resource", "funding", "project"):
        items = doc.get(kind, [])
        ids = {}
        for it in items:
            for k in it:
                if k not in KEYS[kind]:
                    errs.append(f"unknown {kind} key {k} in {it.get('id')}")
            i = it.get("id")
            if not isinstance(i, str) or not ID_RE.match(i):
                errs.append(f"bad {kind} id {i!r}")
            if i in ids:
                errs.append(f"duplicate {kind} id {i}")
            ids[i] = it
        tables[kind] = ids
    for a in tables["actor"].values():
        if "kind" in a and a["kind"] not in KINDS:
            errs.append(f"actor {a['id']}: bad kind {a['kind']}")
    res, fund, projs = tables["resource"], tables["funding"], tables["project"]
    for r in res.values():
        if not isinstance(r.get("capacity"), (int, float)) or r["capacity"] < 0:
            errs.append(f"resource {r.get('id')}: bad capacity")
    for s in fund.values():
        if not isinstance(s.get("amount"), (int, float)) or s["amount"] < 0:
            errs.append(f"funding {s.get('id')}: bad amount")
    roles, served, committed = set(), set(), {k: 0 for k in fund}
    for p in projs.values():
        pid = p["id"]
        for k in ("duration", "lead"):
            if k not in p:
                errs.append(f"project {pid}: missing {k}")
        try:
            parse_span(p["duration"])
        except (ValueError, KeyError, AttributeError):
            errs.append(f"project {pid}: bad duration")
        if not 1 <= p.get("priority", 3) <= 5:
            errs.append(f"project {pid}: bad priority")
        if p.get("lead") not in tables["actor"]:
            errs.append(f"project {pid}: unknown lead {p.get('lead')}")
        roles.add(p.get("lead"))
        for a in p.get("participants", []):
            if a not in tables["actor"]:
                errs.append(f"project {pid}: unknown participant {a}")
            roles.add(a)
        for o in p.get("objectives", []):
            if o not in tables["objective"]:
                errs.append(f"project {pid}: unknown objective {o}")
            served.add(o)
        for r, u in p.get("resources", {}).items():
            if r not in res:
                errs.append(f"project {pid}: unknown resource {r}")
            elif u > res[r]["capacity"] or u < 0:
                errs.append(f"project {pid}: needs {u} of {r} (capacity {res[r]['capacity']})")
        total = 0
        for s, amt in p.get("funding", {}).items():
            if s not in fund:
                errs.append(f"project {pid}: unknown funding {s}")
            else:
                committed[s] += amt
            total += amt
        if total != p.get("cost", 0):
            errs.append(f"project {pid}: funding {total} != cost {p.get('cost', 0)}")
        try:
            for d, t, _ in deps_of(p):
                if d not in projs:
                    errs.append(f"project {pid}: unknown dependency {d}")
                if t not in ("FS", "SS", "FF"):
                    errs.append(f"project {pid}: bad dependency type {t}")
        except (ValueError, KeyError) as e:
            errs.append(f"project {pid}: bad dependency {e}")
    for s, c in committed.items():
        if c > fund[s]["amount"]:
            errs.append(f"funding {s}: committed {c} > amount {fund[s]['amount']}")
    for o in tables["objective"]:
        if o not in served:
            errs.append(f"objective {o} not served")
    for a in tables["actor"]:
        if a not in roles:
            errs.append(f"actor {a} has no role")
    order = topo(projs, errs)
    info = (f"{len(projs)} projects, {len(tables['actor'])} actors, {len(res)} resources, "
            f"{len(fund)} funding sources, {len(tables['objective'])} objectives; "
            + ", ".join(f"{s} {c}/{fund[s]['amount']}" for s, c in committed.items()))
    if errs or not plan:
        return errs, info, []
    notes = []
    for rule in ("priority", "latest-start"):
        sched, misses = level(doc, projs, res, fund, order, rule)
        end = max(e for _, e in sched.values()) - dt.timedelta(days=1)
        notes.append(f"  [{rule}] last finish {end}, missed due dates: {misses or 'none'}")
    notes.append("  " + asap_peaks(doc, projs, res, order))
    return errs, info, notes


def topo(projs, errs):
    state, order = {}, []

    def visit(pid, stack):
        if state.get(pid) == 2:
            return
        if state.get(pid) == 1:
            errs.append("cycle: " + " -> ".join(stack[stack.index(pid):] + [pid]))
            return
        state[pid] = 1
        for d, _, _ in deps_of(projs[pid]):
            if d in projs:
                visit(d, stack + [pid])
        state[pid] = 2
        order.append(pid)

    for pid in projs:
        visit(pid, [])
    return order


def release(doc, p, fund):
    r = doc["roadmap"]["start"]
    if "earliest_start" in p:
        r = max(r, p["earliest_start"])
    for s in p.get("funding", {}):
        if "from" in fund[s]:
            r = max(r, fund[s]["from"])
    return r


def due(p, fund):
    """Latest allowed exclusive end E."""
    d = []
    if "deadline" in p:
        d.append(p["deadline"] + dt.timedelta(days=1))
    for s in p.get("funding", {}):
        if "until" in fund[s]:
            d.append(fund[s]["until"] + dt.timedelta(days=1))
    return min(d) if d else None


def logic_start(p, sched, doc, fund):
    span = parse_span(p["duration"])
    s = release(doc, p, fund)
    for d, t, lag in deps_of(p):
        ds, de = sched[d]
        if t == "FS":
            s = max(s, add_span(de, lag))
        elif t == "SS":
            s = max(s, add_span(ds, lag))
        else:
            s = max(s, earliest_start_for_end(add_span(de, lag), span))
    return s, span


def fits(p, s, e, load, res):
    day = s
    while day < e:
        for r, u in p.get("resources", {}).items():
            if load.get((r, day), 0) + u > res[r]["capacity"] + 1e-9:
                return False
        day += dt.timedelta(days=1)
    return True


def level(doc, projs, res, fund, order, rule):
    # latest start from due dates, backwards through FS/SS/FF links (logic only)
    lst = {}
    far = dt.date(9999, 1, 1)
    succs = {pid: [] for pid in projs}
    for pid in projs:
        for d, t, lag in deps_of(projs[pid]):
            succs[d].append((pid, t, lag))
    late_end = {}
    for pid in reversed(order):
        p = projs[pid]
        span = parse_span(p["duration"])
        e = due(p, fund) or far
        for q, t, lag in succs[pid]:
            qs = lst[q]
            qe = late_end[q]
            if t == "FS":
                e = min(e, sub_span(qs, lag))
            elif t == "SS":
                e = min(e, add_span(sub_span(qs, lag), span))
            else:
                e = min(e, sub_span(qe, lag))
        late_end[pid] = e
        lst[pid] = sub_span(e, span)
    sched, load, misses = {}, {}, []
    todo = set(projs)
    while todo:
        ready = [pid for pid in todo
                 if all(d in sched for d, _, _ in deps_of(projs[pid]))]
        if rule == "priority":
            key = lambda pid: (projs[pid].get("priority", 3), logic_start(projs[pid], sched, doc, fund)[0], pid)
        else:
            key = lambda pid: (lst[pid], projs[pid].get("priority", 3), pid)
        pid = min(ready, key=key)
        p = projs[pid]
        s, span = logic_start(p, sched, doc, fund)
        while True:
            e = add_span(s, span)
            if e == s or fits(p, s, e, load, res):
                break
            s += dt.timedelta(days=1)
        if e > s:
            day = s
            while day < e:
                for r, u in p.get("resources", {}).items():
                    load[(r, day)] = load.get((r, day), 0) + u
                day += dt.timedelta(days=1)
        sched[pid] = (s, e)
        todo.remove(pid)
        d = due(p, fund)
        if d and e > d:
            misses.append(f"{pid} by {(e - d).days}d")
    return sched, misses


def sub_span(date, span):
    kind, n = span
    if kind == "d":
        return date - dt.timedelta(days=n)
    s = sub_months(date, n)
    while add_span(s + dt.timedelta(days=1), span) <= date:
        s += dt.timedelta(days=1)
    return s


def asap_peaks(doc, projs, res, order):
    fund = {f["id"]: f for f in doc.get("funding", [])}
    sched = {}
    for pid in order:
        s, span = logic_start(projs[pid], sched, doc, fund)
        sched[pid] = (s, add_span(s, span))
    out = []
    for r in res:
        load = {}
        for pid, (s, e) in sched.items():
            u = projs[pid].get("resources", {}).get(r, 0)
            day = s
            while day < e and u:
                load[day] = load.get(day, 0) + u
                day += dt.timedelta(days=1)
        peak = max(load.values(), default=0)
        over = sum(1 for v in load.values() if v > res[r]["capacity"] + 1e-9)
        out.append(f"{r} peak {peak}/{res[r]['capacity']} ({over} days over)")
    return "ASAP (no levelling): " + "; ".join(out)


def main(argv):
    plan = "--plan" in argv
    files = [a for a in argv if a != "--plan"]
    bad = 0
    for path in files:
        try:
            errs, info, notes = check(path, plan)
        except Exception as e:  # noqa: BLE001 - report and go on with the next file
            errs, info, notes = [f"{type(e).__name__}: {e}"], "", []
        print(f"{'FAIL' if errs else 'ok  '} {path}: {info}")
        for e in errs:
            print(f"  - {e}")
        for n in notes:
            print(n)
        bad += bool(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
