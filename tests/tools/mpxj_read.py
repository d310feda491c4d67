#!/usr/bin/env python3
"""Reads an MS Project file with MPXJ and prints what it sees as JSON, so that tests/import.rs
can compare it with roadmap's own plan (MPXJ as an independent reader of `roadmap export
--format mspdi`).

    target/mpxj-venv/bin/python tests/tools/mpxj_read.py plan.xml

Output: {"calendar": {"name", "working_days": [1..7, Monday = 1],
                       "exceptions": [{"from", "until", "working"}]},
         "tasks": [{"name", "start", "finish", "computed_finish", "milestone", "summary", "cost",
                    "predecessors": [{"task", "type", "lag_days"}]}],
         "resources": [{"name", "max_units"}],
         "assignments": [{"task", "resource", "units"}]}
Dates are YYYY-MM-DD; units are fractions (1.5 = 150%); lags are in days of the project calendar
(elapsed lags in calendar days). `computed_finish` is MPXJ's own arithmetic: the task's start
plus its duration on the project calendar, i.e. the finish MS Project would compute.
"""

import json
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from java.time import DayOfWeek  # noqa: E402
from org.mpxj import TimeUnit  # noqa: E402
from org.mpxj.reader import UniversalProjectReader  # noqa: E402

TYPES = {"FINISH_START": "FS", "START_START": "SS", "FINISH_FINISH": "FF", "START_FINISH": "SF",
         "FS": "FS", "SS": "SS", "FF": "FF", "SF": "SF"}


def day(value):
    return None if value is None else str(value.toLocalDate())


def main():
    project = UniversalProjectReader().read(sys.argv[1])
    props = project.getProjectProperties()
    calendar = project.getDefaultCalendar()
    working = [
        i + 1
        for i, d in enumerate(DayOfWeek.values())
        if calendar is not None and calendar.isWorkingDay(d)
    ]
    tasks = []
    for task in project.getTasks():
        if task.getUniqueID() is None or int(task.getUniqueID()) == 0:
            continue
        predecessors = []
        for relation in task.getPredecessors():
            lag = relation.getLag()
            lag_days = 0.0
            if lag is not None:
                units = TimeUnit.ELAPSED_DAYS if lag.getUnits().isElapsed() else TimeUnit.DAYS
                lag_days = float(lag.convertUnits(units, props).getDuration())
            predecessors.append(
                {
                    "task": str(relation.getPredecessorTask().getName()),
                    "type": TYPES[str(relation.getType())],
                    "lag_days": lag_days,
                }
            )
        cost = task.getCost()
        tasks.append(
            {
                "name": str(task.getName()),
                "start": day(task.getStart()),
                "finish": day(task.getFinish()),
                "computed_finish": None
                if task.getStart() is None or task.getDuration() is None or calendar is None
                else day(calendar.getDate(task.getStart(), task.getDuration())),
                "milestone": bool(task.getMilestone()),
                "summary": bool(task.getSummary()),
                "cost": None if cost is None else float(cost.doubleValue()),
                "predecessors": predecessors,
            }
        )
    resources = [
        {
            "name": str(r.getName()),
            "max_units": float(r.getMaxUnits().doubleValue()) / 100.0,
        }
        for r in project.getResources()
        if r.getName() is not None
    ]
    assignments = [
        {
            "task": str(a.getTask().getName()),
            "resource": str(a.getResource().getName()),
            "units": float(a.getUnits().doubleValue()) / 100.0,
        }
        for a in project.getResourceAssignments()
        if a.getResource() is not None and a.getTask() is not None
    ]
    json.dump(
        {
            "calendar": {
                "name": None if calendar is None else str(calendar.getName()),
                "working_days": working,
                "exceptions": []
                if calendar is None
                else [
                    {
                        "from": str(e.getFromDate()),
                        "until": str(e.getToDate()),
                        "working": bool(e.getWorking()),
                    }
                    for e in calendar.getCalendarExceptions()
                ],
            },
            "tasks": tasks,
            "resources": resources,
            "assignments": assignments,
        },
        sys.stdout,
        indent=1,
    )


if __name__ == "__main__":
    main()
