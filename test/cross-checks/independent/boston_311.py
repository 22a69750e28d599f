"""Independent count for test/cross-checks/boston-311.test.ts (Python 3.9+, standard library only).

Reads the 12 Boston 311 CSVs with csv.DictReader, dates with strptime('%m/%d/%Y %I:%M:%S %p')
in America/New_York, and recomputes our resolution verdict with its own business-time code
(Mon-Fri 08:30-17:00; the 10 holidays of 2015 and 2016-01-01 that the data show, plus
2016-01-18 and 2016-02-15),
without any of the project's TypeScript.

Run: python3 test/cross-checks/independent/boston_311.py [../shared/datasets]
"""
import csv
import glob
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

NY = ZoneInfo('America/New_York')
DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/datasets'
HOLIDAYS = {date.fromisoformat(d) for d in (
    '2015-01-01 2015-01-19 2015-02-16 2015-04-20 2015-05-25 2015-09-07 2015-10-12 2015-11-11 '
    '2015-11-26 2015-12-25 2016-01-01 2016-01-18 2016-02-15').split()}
START, END = time(8, 30), time(17, 0)
# Our targets per TYPE: business seconds (calendar above) or 24x7 days.
BUSINESS = {'Pick up Dead Animal': 8.5 * 3600, 'Tree Emergencies': 8.5 * 3600, 'PWD Graffiti': 42.5 * 3600, 'Missing Sign': 85 * 3600}
DAYS = {'Bed Bugs': 120, 'Heat - Excessive  Insufficient': 30, 'Rodent Activity': 30, 'Sidewalk Repair (Internal)': 365,
        'Traffic Signal Repair': 180, 'Animal Lost': 30, 'Needle Pickup': 30, 'Idea Collection': 30}
AS_OF = datetime(2017, 1, 1, tzinfo=NY)
EXTRACTED = datetime(2016, 1, 13, tzinfo=NY)


def parse(s):
    return datetime.strptime(s, '%m/%d/%Y %I:%M:%S %p').replace(tzinfo=NY) if s else None


def working(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def interval(d):
    # Aware datetimes of 08:30 and 17:00 local; Python's same-zone subtraction is wall-clock, so convert to UTC for arithmetic.
    return datetime.combine(d, START, NY).astimezone(timezone.utc), datetime.combine(d, END, NY).astimezone(timezone.utc)


def add_business(start, seconds):
    cur = start.astimezone(timezone.utc)
    d = start.date()
    while True:
        if working(d):
            s, e = interval(d)
            a = max(s, cur)
            if a < e:
                if seconds <= (e - a).total_seconds():
                    return a + timedelta(seconds=seconds)
                seconds -= (e - a).total_seconds()
        d += timedelta(days=1)


def business_between(a, b):
    """Signed business seconds from a to b."""
    if b < a:
        return -business_between(b, a)
    a, b = a.astimezone(timezone.utc), b.astimezone(timezone.utc)
    total, d = 0.0, a.astimezone(NY).date()
    while d <= b.astimezone(NY).date():
        if working(d):
            s, e = interval(d)
            lo, hi = max(s, a), min(e, b)
            if hi > lo:
                total += (hi - lo).total_seconds()
        d += timedelta(days=1)
    return total


def deadline(kind, opened):
    if kind in BUSINESS:
        return add_business(opened, BUSINESS[kind])
    return opened.astimezone(timezone.utc) + timedelta(days=DAYS[kind])


def same_wall_clock(kind, opened, target):
    """Target = opened + N days at the same Boston wall-clock time (within 2 min), for a 24x7 type."""
    if kind in BUSINESS:
        return False
    wall = opened.replace(tzinfo=None) + timedelta(days=DAYS[kind])
    return abs((target.replace(tzinfo=None) - wall).total_seconds()) <= 120


def relation(kind, opened, target, dl):
    """How the city's TARGET_DT relates to our deadline for the case."""
    if abs((target - dl).total_seconds()) <= 120:
        return 'same instant'
    if kind in BUSINESS and abs(business_between(dl, target)) <= 120:
        return '17:00 vs next 08:30'
    if same_wall_clock(kind, opened, target):
        return 'DST hour'
    return 'other target'


def verdict(closed, dl, as_of):
    if closed is not None and closed < as_of and closed <= dl:
        return 'met'
    return 'breached' if dl < as_of else 'pending'


rows = []
for f in sorted(glob.glob(f'{DATA}/boston-311-2015/*.csv')):
    rows += list(csv.DictReader(open(f, encoding='utf-8')))
accepted = [r for r in rows if not (r['CLOSED_DT'] and parse(r['CLOSED_DT']) < parse(r['OPEN_DT']))]
judged = [r for r in accepted if r['OnTime_Status']]
print('rows', len(rows), 'accepted', len(accepted), 'with a verdict', len(judged))

baseline = [r for r in judged if r['CLOSED_DT'] and r['TARGET_DT']]
print('baseline: closed with TARGET_DT', len(baseline), 'agree',
      sum((parse(r['CLOSED_DT']) <= parse(r['TARGET_DT'])) == (r['OnTime_Status'] == 'ONTIME') for r in baseline))

# How well the type-level target reproduces the city's own TARGET_DT (accepted rows that have one).
reproduced = defaultdict(Counter)
for r in accepted:
    if not r['TARGET_DT']:
        continue
    kind, opened, target = r['TYPE'], parse(r['OPEN_DT']), parse(r['TARGET_DT'])
    dl = deadline(kind, opened)
    c = reproduced[kind]
    c['with TARGET_DT'] += 1
    c[relation(kind, opened, target, dl)] += 1
for kind in sorted(reproduced):
    print('TARGET_DT reproduced:', kind, dict(reproduced[kind]))

for label, as_of in (('as of 2017-01-01', AS_OF), ('as of 2016-01-13', EXTRACTED)):
    per_type, classes, pending = defaultdict(Counter), Counter(), 0
    for r in judged:
        kind, opened, closed, target = r['TYPE'], parse(r['OPEN_DT']), parse(r['CLOSED_DT']), parse(r['TARGET_DT'])
        dl = deadline(kind, opened)
        ours = verdict(closed, dl, as_of)
        if ours == 'pending':
            pending += 1
            continue
        same = (ours == 'met') == (r['OnTime_Status'] == 'ONTIME')
        per_type[kind]['n'] += 1
        per_type[kind]['agree'] += same
        per_type[kind]['comparable'] += bool(closed and target)
        per_type[kind]['comparable agree'] += bool(closed and target and same)
        if same:
            continue
        if target is None:
            cls = 'no TARGET_DT'
        elif closed is None:
            cls = 'open at extraction'
        else:
            cls = relation(kind, opened, target, dl)
        classes[(cls, kind, ours)] += 1
    n = sum(c['n'] for c in per_type.values())
    agree = sum(c['agree'] for c in per_type.values())
    comp = sum(c['comparable'] for c in per_type.values())
    comp_agree = sum(c['comparable agree'] for c in per_type.values())
    print(f'== {label}: judged {n}, agree {agree} ({100 * agree / n:.2f} %), pending {pending}; '
          f'closed with TARGET_DT {comp}, agree {comp_agree} ({100 * comp_agree / comp:.2f} %)')
    for kind in sorted(per_type):
        c = per_type[kind]
        print(f"  {kind}: {c['agree']}/{c['n']}; closed with TARGET_DT {c['comparable agree']}/{c['comparable']}")
    for key in sorted(classes):
        print('  ', key, classes[key])
