"""Bulgarian public holidays 2000-2050 by the Labour Code, art. 154, written independently of
the Rust code: Orthodox Easter from dateutil; weekend fixed holidays move to the next free
weekday. Output: one `YYYY-MM-DD` per line (tests/fixtures/bg-holidays.txt)."""
import datetime as dt
from dateutil.easter import easter, EASTER_ORTHODOX

FIXED = [(1, 1), (3, 3), (5, 1), (5, 6), (5, 24), (9, 6), (9, 22), (12, 24), (12, 25), (12, 26)]

def year(y):
    fixed = [dt.date(y, m, d) for m, d in FIXED]
    e = easter(y, EASTER_ORTHODOX)
    off = set(fixed) | {e + dt.timedelta(days=k) for k in (-2, -1, 0, 1)}
    for day in sorted(d for d in fixed if d.weekday() >= 5):
        nxt = day + dt.timedelta(days=1)
        while nxt.weekday() >= 5 or nxt in off:
            nxt += dt.timedelta(days=1)
        off.add(nxt)
    return sorted(off)

for y in range(2000, 2051):
    for d in year(y):
        print(d.isoformat())
