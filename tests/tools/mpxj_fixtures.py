#!/usr/bin/env python3
"""Writes the MSPDI fixtures of tests/import.rs with MPXJ, an independent library that reads and
writes MS Project formats (https://www.mpxj.org, `pip install mpxj JPype1`, needs a Java runtime).

    target/mpxj-venv/bin/python tests/tools/mpxj_fixtures.py tests/fixtures/import

The plan written: a summary task with three tasks under it, a milestone, finish-to-start,
start-to-start (2 days' lag), finish-to-finish and start-to-finish links, a lag of 4 hours (half
a day: rounded), a deadline, a "start no earlier than" constraint, a work resource with 2.5 max
units and a material resource, assignments, costs, notes, recorded progress, and the Standard
calendar (Monday to Friday) with a two-day holiday. tests/import.rs checks what `roadmap import`
makes of it.
"""

import os
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()

from java.time import LocalDate, LocalDateTime  # noqa: E402
from org.mpxj import (  # noqa: E402
    Availability,
    AvailabilityTable,
    ConstraintType,
    Duration,
    Priority,
    ProjectFile,
    Relation,
    RelationType,
    ResourceType,
    TimeUnit,
)
from org.mpxj.mspdi import MSPDIWriter  # noqa: E402


def at(date, hour):
    y, m, d = (int(p) for p in date.split("-"))
    return LocalDateTime.of(y, m, d, hour, 0)


def days(n):
    return Duration.getInstance(n, TimeUnit.DAYS)


def link(successor, predecessor, kind, lag):
    successor.addPredecessor(
        Relation.Builder().predecessorTask(predecessor).type(kind).lag(lag)
    )


def plan():
    project = ProjectFile()
    calendar = project.addDefaultBaseCalendar()
    project.setDefaultCalendar(calendar)
    holiday = calendar.addCalendarException(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4))
    holiday.setName("Liberation Day bridge")
    props = project.getProjectProperties()
    props.setName("MPXJ city plan")
    props.setProjectTitle("MPXJ city plan")
    props.setStartDate(at("2025-01-06", 8))
    props.setCurrencyCode("BGN")
    props.setCompany("Plovdiv Municipality")

    summary = project.addTask()
    summary.setName("E-services")
    summary.setSummary(True)

    analysis = summary.addTask()
    analysis.setName("Requirements analysis")
    analysis.setDuration(days(10))
    analysis.setStart(at("2025-01-06", 8))
    analysis.setFinish(at("2025-01-17", 17))
    analysis.setCost(12000)
    analysis.setNotes("Interviews with every directorate.")
    analysis.setPercentageComplete(100)
    analysis.setActualStart(at("2025-01-06", 8))
    analysis.setActualFinish(at("2025-01-17", 17))
    analysis.setPriority(Priority.getInstance(700))

    build = summary.addTask()
    build.setName("Portal build")
    build.setDuration(days(20))
    build.setStart(at("2025-01-20", 8))
    build.setFinish(at("2025-02-14", 17))
    build.setCost(80000)
    build.setDeadline(at("2025-03-31", 17))
    build.setPercentageComplete(40)
    build.setActualStart(at("2025-01-20", 8))

    training = summary.addTask()
    training.setName("Staff training")
    training.setDuration(days(5))
    training.setStart(at("2025-02-10", 8))
    training.setFinish(at("2025-02-14", 17))
    training.setConstraintType(ConstraintType.START_NO_EARLIER_THAN)
    training.setConstraintDate(at("2025-02-10", 8))

    launch = project.addTask()
    launch.setName("Launch")
    launch.setMilestone(True)
    launch.setDuration(days(0))
    launch.setStart(at("2025-02-17", 8))
    launch.setFinish(at("2025-02-17", 8))

    support = project.addTask()
    support.setName("Support contract")
    support.setDuration(days(3))
    support.setStart(at("2025-02-17", 8))
    support.setFinish(at("2025-02-19", 17))

    link(build, analysis, RelationType.FINISH_START, days(0))
    link(training, build, RelationType.START_START, days(2))
    link(launch, build, RelationType.FINISH_START, Duration.getInstance(4, TimeUnit.HOURS))
    link(launch, training, RelationType.FINISH_FINISH, days(0))
    link(support, launch, RelationType.START_FINISH, days(0))

    staff = project.addResource()
    staff.setName("IT team")
    staff.setInitials("IT")
    staff.setType(ResourceType.WORK)
    # 250 per cent: 2.5 people, written as <MaxUnits>2.5</MaxUnits>.
    staff.getAvailability().add(Availability(at("2025-01-01", 0), AvailabilityTable.END_DATE_NA, 250))
    paper = project.addResource()
    paper.setName("Printed forms")
    paper.setType(ResourceType.MATERIAL)

    build.addResourceAssignment(staff).setUnits(200)
    training.addResourceAssignment(staff).setUnits(50)
    analysis.addResourceAssignment(staff).setUnits(100)
    training.addResourceAssignment(paper).setUnits(100)
    return project


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/import"
    os.makedirs(folder, exist_ok=True)
    project = plan()
    MSPDIWriter().write(project, os.path.join(folder, "mpxj-city-plan.xml"))
    print("wrote", os.path.join(folder, "mpxj-city-plan.xml"))


if __name__ == "__main__":
    main()
