//! Ids: well-formed, present, unique within their table; and the lookup from id to index.

use std::ops::Range;

use crate::diag::{Code, Diagnostic, Suggester};
use crate::model::decode::{Located, Table};
use crate::model::raw::{
    ActorKey, CriterionKey, FundingKey, IndicatorKey, ObjectiveKey, ProgrammeKey, ProjectKey,
    RawActor, RawCriterion, RawFunding, RawIndicator, RawObjective, RawProgramme, RawProject,
    RawResource, RawScenario, ResourceKey, ScenarioKey,
};

/// The ids of one table (`actor`, `project`, ...) and where each is defined.
pub struct IdIndex {
    /// What the table holds, for messages: "actor", "project", ...
    pub kind: &'static str,
    /// A fast hash: ids come from the user's own file, not from an adversary, and a portfolio
    /// has 100,000 of them.
    by_id: foldhash::HashMap<String, usize>,
    /// Ids in table order (a missing or broken id is an empty string).
    pub ids: Vec<String>,
    /// "Did you mean", built at the first unknown reference.
    suggester: std::cell::OnceCell<Suggester>,
}

/// Is `id` made only of letters, digits, `-`, `_` and `.`?
pub fn is_well_formed(id: &str) -> bool {
    !id.is_empty() && id.chars().all(is_id_char)
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// A table whose entries are named by an `id` key.
pub trait Identified: Table {
    /// What an entry is, for messages: "actor", "funding source", ...
    const KIND: &'static str;
    /// The `id` key.
    const ID: Self::Key;
    fn id(&self) -> Option<&Located<String>>;
}

/// Declares which tables are named by an `id`, and what their entries are called.
macro_rules! identified {
    ($($table:ty => $key:ident, $kind:literal;)*) => {
        $(impl Identified for $table {
            const KIND: &'static str = $kind;
            const ID: Self::Key = $key::id;
            fn id(&self) -> Option<&Located<String>> {
                self.id.as_ref()
            }
        })*
    };
}

identified! {
    RawObjective => ObjectiveKey, "objective";
    RawActor => ActorKey, "actor";
    RawResource => ResourceKey, "resource";
    RawFunding => FundingKey, "funding source";
    RawProject => ProjectKey, "project";
    RawCriterion => CriterionKey, "criterion";
    RawScenario => ScenarioKey, "scenario";
    RawProgramme => ProgrammeKey, "programme";
    RawIndicator => IndicatorKey, "indicator";
}

/// A kind of entry (`"funding source"`) as a message of each language.
fn kind_text(kind: &str) -> crate::i18n::Text {
    match kind {
        "objective" => crate::i18n::text!("kind-objective"),
        "actor" => crate::i18n::text!("kind-actor"),
        "resource" => crate::i18n::text!("kind-resource"),
        "funding source" => crate::i18n::text!("kind-funding-source"),
        "project" => crate::i18n::text!("kind-project"),
        "criterion" => crate::i18n::text!("kind-criterion"),
        "scenario" => crate::i18n::text!("kind-scenario"),
        "programme" => crate::i18n::text!("kind-programme"),
        "indicator" => crate::i18n::text!("kind-indicator"),
        other => crate::i18n::Text::plain(other),
    }
}

impl IdIndex {
    /// Indexes the ids of a table's entries, reporting missing, malformed and duplicate ones.
    pub fn of<T: Identified>(entries: &[T], findings: &mut Vec<Diagnostic>) -> IdIndex {
        IdIndex::build(
            T::KIND,
            T::LABEL,
            entries
                .iter()
                .map(|e| (e.id(), e.is_rejected(T::ID), e.at().clone())),
            findings,
        )
    }

    /// Indexes a table's ids, reporting missing, malformed and duplicate ones.
    ///
    /// `entries` gives each entry's id (if written) and the position of the entry's header,
    /// where a missing id is reported.
    pub fn build<'a>(
        kind: &'static str,
        header: &str,
        entries: impl Iterator<Item = (Option<&'a Located<String>>, bool, Range<usize>)>,
        findings: &mut Vec<Diagnostic>,
    ) -> IdIndex {
        let (size, _) = entries.size_hint();
        let mut index = IdIndex {
            kind,
            by_id: foldhash::HashMap::with_capacity_and_hasher(size, Default::default()),
            ids: Vec::with_capacity(size),
            suggester: std::cell::OnceCell::new(),
        };
        // Where each entry's id is written (only read for the first of duplicates).
        let mut id_at: Vec<Range<usize>> = Vec::with_capacity(size);
        for (position, (id, rejected, table_at)) in entries.enumerate() {
            let Some(id) = id else {
                // A rejected id was reported already; a missing one is reported here.
                if !rejected {
                    findings.push(
                        Diagnostic::error(
                            Code::MissingKey,
                            crate::i18n::text!("e-no-id", header = header),
                        )
                        .at(table_at.clone())
                        .with_help(crate::i18n::text!("e-no-id-help", kind = kind_text(kind))),
                    );
                }
                index.ids.push(String::new());
                id_at.push(table_at);
                continue;
            };
            if !is_well_formed(&id.value) {
                let shown = if id.value.is_empty() {
                    crate::i18n::text!("e-empty-id", kind = kind_text(kind))
                } else {
                    crate::i18n::text!("e-invalid-id", id = &id.value, kind = kind_text(kind))
                };
                let help = if id.value.trim().is_empty() {
                    crate::i18n::text!("e-invalid-id-help")
                } else {
                    let fixed: String = id
                        .value
                        .trim()
                        .chars()
                        .map(|c| if is_id_char(c) { c } else { '-' })
                        .collect();
                    crate::i18n::text!("e-invalid-id-help-example", fixed = fixed)
                };
                let finding = Diagnostic::error(Code::InvalidId, shown)
                    .at(id.at.clone())
                    .with_help(help);
                findings.push(finding);
            }
            match index.by_id.get(&id.value) {
                Some(&first) => findings.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        crate::i18n::text!(
                            "e-duplicate-id",
                            kind = kind_text(kind),
                            id = &id.value
                        ),
                    )
                    .at(id.at.clone())
                    .with_note(id_at[first].clone(), crate::i18n::text!("note-first-used")),
                ),
                None => {
                    index.by_id.insert(id.value.clone(), position);
                }
            }
            index.ids.push(id.value.clone());
            id_at.push(id.at.clone());
        }
        index
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Resolves a reference, reporting an unknown id with the closest known one.
    pub fn resolve(
        &self,
        reference: &Located<String>,
        findings: &mut Vec<Diagnostic>,
    ) -> Option<usize> {
        if let Some(index) = self.get(&reference.value) {
            return Some(index);
        }
        let mut finding = Diagnostic::error(
            Code::UnknownReference,
            crate::i18n::text!(
                "e-unknown-reference",
                kind = kind_text(self.kind),
                id = &reference.value
            ),
        )
        .at(reference.at.clone());
        let suggester = self.suggester.get_or_init(|| Suggester::new(&self.ids));
        finding = match suggester.suggest(&self.ids, &reference.value) {
            Some(best) => finding.with_help(crate::i18n::text!("help-did-you-mean", name = best)),
            None if self.ids.is_empty() => finding.with_help(crate::i18n::text!(
                "e-unknown-reference-none",
                kind = kind_text(self.kind)
            )),
            None => finding,
        };
        findings.push(finding);
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(id: &str, at: usize) -> Located<String> {
        Located::new(id.to_string(), at..at + id.len())
    }

    #[test]
    fn well_formed_ids() {
        assert!(is_well_formed("open-data_v2.1"));
        assert!(is_well_formed("софия"));
        assert!(!is_well_formed(""));
        assert!(!is_well_formed("open data"));
        assert!(!is_well_formed("a/b"));
    }

    #[test]
    fn duplicates_missing_and_malformed_ids_are_reported() {
        let a = located("a", 10);
        let a2 = located("a", 20);
        let bad = located("b c", 30);
        let entries = vec![
            (Some(&a), false, 0..1),
            (None, false, 15..16),
            (Some(&a2), false, 18..19),
            (Some(&bad), false, 28..29),
        ];
        let mut findings = Vec::new();
        let index = IdIndex::build("actor", "[[actor]]", entries.into_iter(), &mut findings);
        let codes: Vec<_> = findings
            .iter()
            .map(|f| (f.code, f.at.clone().unwrap().start))
            .collect();
        assert_eq!(
            codes,
            vec![
                (Code::MissingKey, 15),
                (Code::DuplicateId, 20),
                (Code::InvalidId, 30)
            ]
        );
        assert_eq!(index.get("a"), Some(0));
        assert_eq!(index.ids.len(), 4);
    }

    #[test]
    fn unknown_references_suggest_the_closest_id() {
        let a = located("sofia-municipality", 0);
        let mut findings = Vec::new();
        let index = IdIndex::build(
            "actor",
            "[[actor]]",
            [(Some(&a), false, 0..1)].into_iter(),
            &mut findings,
        );
        assert_eq!(
            index.resolve(&located("sofia-municipalty", 50), &mut findings),
            None
        );
        assert_eq!(findings[0].code, Code::UnknownReference);
        assert_eq!(
            findings[0].help.as_deref(),
            Some("did you mean `sofia-municipality`?")
        );
    }
}
