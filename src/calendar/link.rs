//! The kinds of dependency between two projects, as the classic critical path method knows them.

use std::fmt;

use super::Span;

/// How a project depends on another: which end of each the lag runs between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// `S(to) >= E(from) + lag`
    FinishToStart,
    /// `S(to) >= S(from) + lag`
    StartToStart,
    /// `E(to) >= E(from) + lag`
    FinishToFinish,
}

impl LinkKind {
    pub const ALL: [LinkKind; 3] = [
        LinkKind::FinishToStart,
        LinkKind::StartToStart,
        LinkKind::FinishToFinish,
    ];

    /// The code written in a roadmap file and in every output: `FS`, `SS` or `FF`.
    pub fn code(self) -> &'static str {
        match self {
            LinkKind::FinishToStart => "FS",
            LinkKind::StartToStart => "SS",
            LinkKind::FinishToFinish => "FF",
        }
    }

    /// The kind in words, for people.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::FinishToStart => "finish-to-start",
            LinkKind::StartToStart => "start-to-start",
            LinkKind::FinishToFinish => "finish-to-finish",
        }
    }

    /// Reads a code as a roadmap writes it (any case).
    pub fn parse(code: &str) -> Option<LinkKind> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.code().eq_ignore_ascii_case(code))
    }
}

/// How a link reads next to the id of the project it points at, the same in every output:
/// nothing for a finish-to-start link without lag (as a roadmap writes it, a plain id), else
/// `+2w`, `SS` or `SS +1m`.
pub fn qualifier(kind: LinkKind, lag: Span) -> Option<String> {
    match (kind, lag.is_zero()) {
        (LinkKind::FinishToStart, true) => None,
        (LinkKind::FinishToStart, false) => Some(format!("+{lag}")),
        (kind, true) => Some(kind.code().to_string()),
        (kind, false) => Some(format!("{kind} +{lag}")),
    }
}

/// `cloud`, `cloud (+2w)`, `cloud (SS +1m)`: a link to project `id`, for people.
pub fn link_label(id: &str, kind: LinkKind, lag: Span) -> String {
    match qualifier(kind, lag) {
        None => id.to_string(),
        Some(q) => format!("{id} ({q})"),
    }
}

impl fmt::Display for LinkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for LinkKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_read_one_way() {
        let month = Span::parse("1m").unwrap();
        let fs = LinkKind::FinishToStart;
        assert_eq!(link_label("cloud", fs, Span::ZERO), "cloud");
        assert_eq!(link_label("cloud", fs, month), "cloud (+1m)");
        assert_eq!(
            link_label("cloud", LinkKind::StartToStart, Span::ZERO),
            "cloud (SS)"
        );
        assert_eq!(
            link_label("cloud", LinkKind::FinishToFinish, month),
            "cloud (FF +1m)"
        );
    }

    #[test]
    fn codes_read_back_in_any_case() {
        for kind in LinkKind::ALL {
            assert_eq!(LinkKind::parse(kind.code()), Some(kind));
            assert_eq!(LinkKind::parse(&kind.code().to_lowercase()), Some(kind));
        }
        assert_eq!(LinkKind::parse("SF"), None);
        assert_eq!(LinkKind::FinishToFinish.to_string(), "FF");
    }
}
