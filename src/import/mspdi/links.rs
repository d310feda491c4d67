//! Predecessor links as dependencies: kinds, lags in whole days or months, links through
//! summary tasks.

use roxmltree::Node;

use crate::calendar::{LinkKind, Span};
use crate::import::Problem;
use crate::import::draft::{Link, Origin};

use super::time::{Unit, UnitKind};
use super::{Reader, calendar, children, count, flag, number, text, trim};

impl<'a, 'i> Reader<'a, 'i> {
    /// Leaf tasks under a task: itself when it is a leaf.
    pub(super) fn leaves(&self, i: usize) -> Vec<usize> {
        if !self.tasks[i].summary {
            return vec![i];
        }
        let level = self.tasks[i].level;
        self.tasks[i + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.level > level)
            .filter(|(_, t)| !t.summary)
            .map(|(k, _)| i + 1 + k)
            .collect()
    }

    pub(super) fn links(&mut self) {
        for i in 0..self.tasks.len() {
            let node = self.tasks[i].node;
            for link in children(node, "PredecessorLink") {
                self.link(i, link);
            }
        }
    }

    pub(super) fn link(&mut self, successor: usize, link: Node) {
        let at = self.xml.at(link);
        let Some(uid) = text(link, "PredecessorUID") else {
            self.problems.push(Problem::new(
                at,
                "a <PredecessorLink> without a <PredecessorUID>",
            ));
            return;
        };
        let successor_id = self.ids[successor].clone();
        if flag(link, "CrossProject") {
            self.draft.note(
                at,
                format!(
                    "task \"{successor_id}\": a link to another project's task ({uid}) is left out"
                ),
            );
            return;
        }
        let Some(&predecessor) = self.by_uid.get(uid) else {
            if uid == "0" {
                self.draft.note(
                    at,
                    format!(
                        "task \"{successor_id}\": a link to the project summary task is left out"
                    ),
                );
            } else {
                self.problems.push(Problem::new(
                    at,
                    format!("task \"{successor_id}\" (UID {}) has a predecessor with UID {uid}, and no task has that UID", self.tasks[successor].uid),
                ));
            }
            return;
        };
        let kind = match text(link, "Type").unwrap_or("1") {
            "0" => LinkKind::FinishToFinish,
            "1" => LinkKind::FinishToStart,
            "3" => LinkKind::StartToStart,
            "2" => {
                let message = format!(
                    "task \"{successor_id}\": the start-to-finish (SF) link from \"{}\" cannot be expressed; left out",
                    self.ids[predecessor]
                );
                self.draft.note(at.clone(), message.clone());
                self.comment_on(successor, format!("import: {message}"));
                return;
            }
            other => {
                self.problems.push(Problem::new(
                    at,
                    format!("unknown link <Type>{other}</Type>: MSPDI has 0 (FF), 1 (FS), 2 (SF) and 3 (SS)"),
                ));
                return;
            }
        };
        let (lag, comment) = self.lag(link, predecessor, &successor_id, &at);
        let predecessors = self.leaves(predecessor);
        let successors = self.leaves(successor);
        let through_summary = predecessors != [predecessor] || successors != [successor];
        for &s in &successors {
            let Some(p_index) = self.project_of[s] else {
                continue;
            };
            for &p in &predecessors {
                let comment = if through_summary {
                    let mut text = format!(
                        "from a link of summary task \"{}\" to \"{}\"",
                        self.tasks[predecessor].name, self.tasks[successor].name
                    );
                    if let Some(c) = &comment {
                        text = format!("{text}; {c}");
                    }
                    Some(text)
                } else {
                    comment.clone()
                };
                self.draft.projects[p_index].depends_on.push(Link {
                    on: self.ids[p].clone(),
                    kind,
                    lag,
                    comment,
                    at: at.clone(),
                });
            }
        }
    }

    pub(super) fn comment_on(&mut self, task: usize, comment: String) {
        for leaf in self.leaves(task) {
            if let Some(p) = self.project_of[leaf] {
                self.draft.projects[p].comments.push(comment.clone());
            }
        }
    }

    /// A link's lag in whole days, or whole months when it is written in months.
    pub(super) fn lag(
        &mut self,
        link: Node,
        predecessor: usize,
        successor_id: &str,
        at: &Origin,
    ) -> (Span, Option<String>) {
        let tenths: f64 = number(link, "LinkLag").unwrap_or(0.0);
        if tenths == 0.0 {
            return (Span::ZERO, None);
        }
        let unit = Unit::from_code(
            text(link, "LagFormat")
                .and_then(|f| f.parse().ok())
                .unwrap_or(7),
        );
        let minutes = tenths / 10.0;
        let (days, written) = match unit.kind {
            UnitKind::Percent => {
                // A percentage of the predecessor's duration (LinkLag in tenths of a percent).
                let percent = tenths / 10.0;
                let base = self.project_of[predecessor]
                    .and_then(|p| self.draft.projects[p].duration)
                    .map_or(0.0, Span::approx_days);
                (
                    base * percent / 100.0,
                    format!("{percent}% of the predecessor"),
                )
            }
            _ if unit.elapsed => (
                minutes / 1440.0,
                format!("{} elapsed days", trim(minutes / 1440.0)),
            ),
            _ => {
                let working = minutes / self.minutes_per_day;
                let per_week = self
                    .calendar
                    .as_ref()
                    .and_then(calendar::Calendar::workdays_per_week)
                    .filter(|&n| n > 0)
                    .unwrap_or(5);
                let written = if per_week == 7 {
                    format!("{} days", trim(working))
                } else {
                    format!("{} working days ({per_week} a week)", trim(working))
                };
                (working * 7.0 / per_week as f64, written)
            }
        };
        if days < 0.0 {
            let message = format!(
                "task \"{successor_id}\": a lead (negative lag) of {written} after \"{}\" cannot be expressed; the link is kept without it",
                self.ids[predecessor]
            );
            self.draft.note(at.clone(), message);
            return (
                Span::ZERO,
                Some(format!("lead of {written} in the source left out")),
            );
        }
        if unit.kind == UnitKind::Months {
            let month_days = if unit.elapsed {
                30.0
            } else {
                self.days_per_month
            };
            let months = if unit.elapsed {
                minutes / 1440.0 / month_days
            } else {
                minutes / self.minutes_per_day / month_days
            };
            let whole = months.round().max(1.0);
            let comment = ((whole - months).abs() > 1e-6 || !unit.elapsed).then(|| {
                let kind = if unit.elapsed { "days" } else { "working days" };
                format!(
                    "a lag of {} in the source (of {month_days} {kind} each), as {}",
                    count(months, "month"),
                    count(whole, "calendar month")
                )
            });
            return (Span::Months(whole as u32), comment);
        }
        if !unit.elapsed && unit.kind != UnitKind::Percent && self.on_working_days() {
            // The calendar is written as `[calendar]`: a lag in working days stays one.
            let working = minutes / self.minutes_per_day;
            let whole = working.round().max(1.0);
            let comment = ((whole - working).abs() > 1e-6).then(|| {
                format!(
                    "a lag of {written} in the source, as {}",
                    count(whole, "working day")
                )
            });
            return (
                Span::WorkingDays(whole.min(f64::from(Span::MAX_DAYS)) as u32),
                comment,
            );
        }
        let whole = days.round().max(1.0);
        let comment = ((whole - days).abs() > 1e-6).then(|| {
            format!(
                "a lag of {written} in the source, as {}",
                count(whole, "whole calendar day")
            )
        });
        (
            Span::Days(whole.min(f64::from(Span::MAX_DAYS)) as u32),
            comment,
        )
    }
}
