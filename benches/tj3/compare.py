#!/usr/bin/env python3
"""Plans the same synthetic portfolio with roadmap and with TaskJuggler (tj3) and compares time
and plan length. Run on demand (needs `apt-get install tj3` and a release build):

    cargo build --release
    python3 benches/tj3/compare.py 1000 --resources 3 --fs-only
    python3 benches/tj3/compare.py 10000 --resources 3 --capacity 4 --max-links 5   # roadmap only

Both tools get the same projects, finish-to-start and start-to-start links with lags, priorities,
and (with --resources) unit-capacity resources: roadmap `capacity = 1` with `resources = { rK = 1 }`
and TaskJuggler individual resources on a 24-hour, 7-day calendar, so a day of effort is a
calendar day and both plan on the same time axis.
"""
import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time

START = dt.date(2020, 1, 1)


def portfolio(n, resources, seed, fs_only=False, max_links=3, capacity=1):
    rng = random.Random(seed)
    projects = []
    for i in range(n):
        deps = []
        if i > 5:
            for _ in range(rng.randint(0, max_links)):
                j = rng.randint(max(0, i - 100), i - 1)
                kind = "FS" if fs_only or rng.random() < 0.8 else "SS"
                lag = rng.choice([0, 0, 0, 2, 5])
                if all(d[0] != j for d in deps):
                    deps.append((j, kind, lag))
        milestone = rng.random() < 0.05
        days = 0 if milestone else rng.randint(1, 40)
        res = rng.randrange(resources) if resources and not milestone and rng.random() < 0.6 else None
        units = rng.randint(1, min(3, capacity))
        projects.append(dict(id=f"p{i}", days=days, deps=deps, prio=rng.randint(1, 5), res=res, units=units))
    return projects


def write_toml(projects, resources, path, capacity=1):
    with open(path, "w") as f:
        f.write(f'[roadmap]\nname = "bench"\nstart = {START}\n\n[[objective]]\nid = "o"\n\n[[actor]]\nid = "a"\n\n')
        for r in range(resources):
            f.write(f'[[resource]]\nid = "r{r}"\ncapacity = {capacity}\n\n')
        for p in projects:
            deps = ", ".join(
                f'"p{j}"' if kind == "FS" and lag == 0 else f'{{ project = "p{j}", type = "{kind}", lag = "{lag}d" }}'
                for j, kind, lag in p["deps"]
            )
            f.write(f'[[project]]\nid = "{p["id"]}"\nduration = "{p["days"]}d"\nlead = "a"\nobjectives = ["o"]\n'
                    f'priority = {p["prio"]}\ndepends_on = [{deps}]\n')
            if p["res"] is not None:
                f.write(f'resources = {{ r{p["res"]} = {p["units"]} }}\n')
            f.write("\n")


def write_tjp(projects, resources, path, report):
    with open(path, "w") as f:
        f.write(f'project bench "bench" {START} +60y {{\n  timezone "UTC"\n  dailyworkinghours 24\n'
                '  workinghours mon - sun 0:00 - 24:00\n  timingresolution 60min\n}\n')
        for r in range(resources):
            f.write(f'resource r{r} "r{r}" {{ workinghours mon - sun 0:00 - 24:00 }}\n')
        for p in projects:
            # TaskJuggler priorities go 1..1000, higher first; roadmap's 1 is the highest.
            f.write(f'task {p["id"]} "{p["id"]}" {{\n  priority {1100 - p["prio"] * 200}\n')
            if p["days"] == 0:
                f.write("  milestone\n")
            elif p["res"] is not None:
                f.write(f'  effort {p["days"]}d\n  allocate r{p["res"]}\n')
            else:
                f.write(f'  duration {p["days"]}d\n')
            if not p["deps"]:
                f.write(f"  start {START}\n")
            for j, kind, lag in p["deps"]:
                attrs = []
                if kind == "SS":
                    attrs.append("onstart")
                if lag:
                    attrs.append(f"gapduration {lag}d")
                f.write(f'  depends p{j}' + (f' {{ {" ".join(attrs)} }}' if attrs else "") + "\n")
            f.write("}\n")
        f.write(f'taskreport "{report}" {{\n  formats csv\n  columns id, start, end\n  timeformat "%Y-%m-%d-%H:%M"\n}}\n')


def run(cmd, cwd):
    began = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        sys.exit(f"{cmd[0]} failed:\n{done.stderr[-2000:]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("projects", type=int)
    parser.add_argument("--resources", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--roadmap", default="target/release/roadmap")
    parser.add_argument("--skip-tj3", action="store_true")
    parser.add_argument("--max-links", type=int, default=3,
                        help="each project depends on 0..N earlier ones (average N/2)")
    parser.add_argument("--capacity", type=int, default=1,
                        help="units of each resource; projects hold 1..3 (tj3 needs 1: implies --skip-tj3)")
    parser.add_argument("--keep", help="also write the roadmap file here")
    parser.add_argument("--fs-only", action="store_true",
                        help="only finish-to-start links (tj3 fails on start-to-start links "
                             "whose predecessor resources delay)")
    args = parser.parse_args()
    roadmap = os.path.abspath(args.roadmap)
    if args.capacity > 1:
        args.skip_tj3 = True
    projects = portfolio(args.projects, args.resources, args.seed, args.fs_only, args.max_links, args.capacity)
    with tempfile.TemporaryDirectory() as tmp:
        write_toml(projects, args.resources, os.path.join(tmp, "bench.toml"), args.capacity)
        if args.keep:
            write_toml(projects, args.resources, args.keep, args.capacity)
        write_tjp(projects, args.resources, os.path.join(tmp, "bench.tjp"), "tjplan")
        # Best of three: the whole process (load, validate, plan, CSV out), as a user runs it.
        ours = min(run([roadmap, "plan", "bench.toml", "--format", "csv", "-o", "plan.csv", "--force", "-q"], tmp)
                   for _ in range(3))
        with open(os.path.join(tmp, "plan.csv")) as f:
            our_end = max(dt.date.fromisoformat(row["finish"]) for row in csv.DictReader(f))
        links = sum(len(p["deps"]) for p in projects)
        print(f"{len(projects)} projects, {links} links, {args.resources} resources of capacity {args.capacity}")
        print(f"roadmap: {ours:.3f} s, last day {our_end}")
        if args.skip_tj3:
            return
        theirs = run(["tj3", "--silent", "bench.tjp"], tmp)
        with open(os.path.join(tmp, "tjplan.csv")) as f:
            rows = list(csv.reader(f, delimiter=";"))[1:]
        # tj3's end is the exclusive end moment; the last day is the day before an end at 00:00.
        ends = [dt.datetime.strptime(r[2], "%Y-%m-%d-%H:%M") for r in rows if len(r) > 2 and r[2]]
        tj_end = max(e.date() - dt.timedelta(days=1) if e.hour == 0 else e.date() for e in ends)
        print(f"tj3:     {theirs:.3f} s, last day {tj_end}")
        print(f"speed-up {theirs / ours:.0f}x; roadmap ends {(tj_end - our_end).days} days earlier than tj3")


if __name__ == "__main__":
    main()
