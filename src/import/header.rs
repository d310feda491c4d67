//! Column headers and words of a spreadsheet, matched the way people write them: any case, with
//! or without accents, `_`, `-` or spaces, a hint in brackets, in English or Bulgarian.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A header or word reduced to what is compared: lower case, no accents, single spaces, no
/// trailing hint in brackets or `*`/`:`.
pub fn normalise(text: &str) -> String {
    let mut text = text.trim();
    // "Duration (e.g. 6 months)" → "Duration"
    if let Some(open) = text.find(['(', '[']).filter(|&open| open > 0) {
        text = &text[..open];
    }
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c == '_' || c == '-' || c == '.' || c == '/' || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['*', ':'])
        .trim()
        .to_string()
}

/// A column of a sheet: its key in the roadmap format and the headers that name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Column {
    pub key: &'static str,
    /// English and Bulgarian headers; the first is the one templates write.
    pub names: &'static [&'static str],
    pub help: &'static str,
    pub example: &'static str,
}

impl Column {
    pub fn matches(&self, header: &str) -> bool {
        let header = normalise(header);
        self.names.iter().any(|name| normalise(name) == header)
    }
}

macro_rules! columns {
    ($name:ident: $($key:literal [$($alias:literal),*] $example:literal $help:literal;)*) => {
        pub const $name: &[Column] = &[$(Column {
            key: $key,
            names: &[$key, $($alias),*],
            help: $help,
            example: $example,
        }),*];
    };
}

columns! { PROJECT_COLUMNS:
    "id" ["code", "key", "код", "идентификатор", "ид", "№"] "open-data"
        "Required. A short unique id: letters, digits, -, _ and .";
    "name" ["title", "project", "project name", "име", "наименование", "название", "проект"] "Open data portal"
        "The project's name.";
    "duration" ["length", "продължителност", "времетраене"] "9 months"
        "Required. A whole number and a unit: days, weeks, months, quarters, years (\"9 months\", \"6w\", \"10 дни\", \"6 месеца\"); 0 for a milestone. A bare number is days.";
    "depends_on" ["dependencies", "predecessors", "зависи от", "зависимости", "предшественици"] "data-governance; cloud SS+1 month"
        "Projects that must come first, separated by ; or ,: an id (finish-to-start), or an id with a type and a lag: \"cloud SS+1 month\", \"portal FF+2w\".";
    "links" ["typed dependencies", "връзки"] ""
        "Dependencies as `roadmap plan --format csv` writes them (id:TYPE:LAG); used instead of depends_on when both are filled.";
    "lead" ["leader", "owner", "lead actor", "водещ", "водеща организация", "ръководител", "отговорник"] "sofia-municipality"
        "Required. The id of the actor that leads it.";
    "participants" ["partners", "участници", "партньори"] "sofia-tech-park"
        "Ids of actors taking part, separated by ; or ,.";
    "objectives" ["objective", "goals", "цели", "цел"] "it-solutions"
        "Ids of the objectives it serves, separated by ; or ,.";
    "priority" ["приоритет"] "1"
        "1 (highest) to 5 (lowest); 3 when empty.";
    "cost" ["budget", "стойност", "разходи", "бюджет", "цена"] "450000"
        "What it costs, in the roadmap's currency.";
    "funding" ["financing", "финансиране", "източници на финансиране"] "erdf=300000; municipal-budget=150000"
        "How the cost is covered: source=amount pairs separated by ; or ,.";
    "earliest_start" ["not before", "най ранно начало"] "2019-06-01"
        "It may not start before this day (2019-06-01, 01.06.2019).";
    "start" ["planned start", "начало", "начална дата"] "2019-06-01"
        "Its planned start: imported as earliest_start when there is no earliest_start column.";
    "deadline" ["due", "due date", "краен срок"] "2020-12-31"
        "It must finish on or before this day.";
    "resources" ["staff", "ресурси", "екип"] "it-staff=1.5"
        "Units of each resource held while it runs: resource=units pairs.";
    "status" ["state", "статус", "състояние"] ""
        "not-started, in-progress or done (also: не е започнат, в изпълнение, завършен).";
    "actual_start" ["started", "действително начало", "фактическо начало"] ""
        "The day it really started.";
    "actual_finish" ["finished", "действителен край", "фактически край"] ""
        "The day it really finished (its last day).";
    "progress" ["% complete", "percent complete", "complete", "напредък", "изпълнение", "% изпълнение"] ""
        "Share of the work done: 40%, 0.4 or 40.";
    "description" ["notes", "описание", "бележки"] "One portal for the city's open data."
        "What the project is about.";
    "programme" ["program", "pillar", "measure", "group", "програма", "мярка", "стълб", "направление"] "e-government"
        "The programme or measure it belongs to: an id or a name; a/b is b inside a.";
}

columns! { ACTOR_COLUMNS:
    "id" ["code", "код", "идентификатор", "ид"] "sofia-municipality" "Required. A short unique id.";
    "name" ["име", "наименование", "организация"] "Sofia Municipality" "The actor's name.";
    "kind" ["type", "вид", "тип"] "public"
        "public, business, startup, utility, academia, ngo or other.";
    "description" ["notes", "описание", "бележки"] "" "What it is about.";
}

columns! { RESOURCE_COLUMNS:
    "id" ["code", "код", "идентификатор", "ид"] "it-staff" "Required. A short unique id.";
    "name" ["име", "наименование"] "Municipal IT staff" "The resource's name.";
    "capacity" ["max units", "капацитет", "наличност"] "6.5" "Required. Units available every day.";
    "unit" ["units", "единица", "мерна единица"] "FTE" "A label for the units.";
    "description" ["notes", "описание", "бележки"] "" "What it is about.";
}

columns! { FUNDING_COLUMNS:
    "id" ["code", "код", "идентификатор", "ид"] "erdf" "Required. A short unique id.";
    "name" ["име", "наименование", "източник"] "ERDF 2021-2027" "The source's name.";
    "amount" ["total", "сума", "размер", "общо"] "12000000" "Required. What can be committed in total.";
    "from" ["opens", "window from", "от", "от дата"] "2021-01-01" "Projects it pays for start on or after this day.";
    "until" ["closes", "to", "window until", "до", "до дата"] "2027-12-31" "... and finish on or before it.";
    "max_share" ["максимален дял"] "0.85" "The most it pays of a project's cost (0 to 1, or 85%).";
    "per_year" ["yearly cap", "годишен лимит"] "" "The most it pays out in one calendar year.";
    "description" ["notes", "описание", "бележки"] "" "What it is about.";
}

columns! { OBJECTIVE_COLUMNS:
    "id" ["code", "код", "идентификатор", "ид"] "it-solutions" "Required. A short unique id.";
    "name" ["objective", "име", "наименование", "цел"] "Offer IT solutions for the city" "What the objective says.";
    "description" ["notes", "описание", "бележки"] "" "What it is about.";
}

columns! { CALENDAR_COLUMNS:
    "date" ["day", "дата", "ден"] "2025-08-04"
        "Required. The day (2025-08-04, 04.08.2025); one row per day.";
    "kind" ["type", "вид", "тип"] "off"
        "off (a holiday or closure; also: почивен, неработен) or working (worked although the weekday is a day off; also: работен); off when empty.";
    "source" ["name", "holiday", "description", "име", "празник", "наименование", "описание", "източник"] "Summer closure"
        "The holiday's name; days in a row with the same name become one range.";
}

/// Columns of `roadmap plan --format csv` that are results of planning, not input: read
/// without complaint and not imported.
pub const PLAN_RESULTS: &[&str] = &[
    "finish",
    "days",
    "slack_days",
    "free_slack_days",
    "critical",
    "wave",
    "early_start",
    "late_start",
    "funded",
];

/// A duration as written in a cell, in English or Bulgarian units: its English form.
pub fn duration_text(text: &str) -> String {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit() && c != '.' && c != ',')
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let unit_normalised = normalise(unit);
    let english = match unit_normalised.as_str() {
        "" => "d",
        "д" | "ден" | "дни" | "дена" => "d",
        "с" | "седм" | "седмица" | "седмици" => "w",
        "м" | "мес" | "месец" | "месеца" | "месеци" => "m",
        "тримесечие" | "тримесечия" => "q",
        "г" | "год" | "година" | "години" => "y",
        _ => return text.to_string(),
    };
    format!("{number}{english}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(key: &str) -> &'static Column {
        PROJECT_COLUMNS.iter().find(|c| c.key == key).unwrap()
    }

    #[test]
    fn headers_match_in_any_case_accent_and_language() {
        assert!(column("depends_on").matches("Depends on"));
        assert!(column("depends_on").matches("DEPENDS-ON"));
        assert!(column("depends_on").matches("Зависи от"));
        assert!(column("duration").matches("Duration (e.g. 6 months)"));
        assert!(column("duration").matches("Продължителност*"));
        assert!(column("earliest_start").matches("Най-ранно начало"));
        assert!(column("description").matches("Déscription"));
        assert!(column("name").matches("Наименование"));
        assert!(!column("name").matches("id"));
        // й and и differ only by an accent: they match each other, as accents are ignored.
        assert_eq!(normalise("Най"), normalise("Наи"));
    }

    #[test]
    fn every_header_is_unique_within_its_sheet() {
        for columns in [
            PROJECT_COLUMNS,
            ACTOR_COLUMNS,
            RESOURCE_COLUMNS,
            FUNDING_COLUMNS,
            OBJECTIVE_COLUMNS,
            CALENDAR_COLUMNS,
        ] {
            let mut seen = std::collections::HashSet::new();
            for column in columns {
                for name in column.names {
                    assert!(seen.insert(normalise(name)), "{name} names two columns");
                }
            }
        }
    }

    #[test]
    fn bulgarian_duration_units() {
        assert_eq!(duration_text("6 месеца"), "6m");
        assert_eq!(duration_text("10 дни"), "10d");
        assert_eq!(duration_text("2 седмици"), "2w");
        assert_eq!(duration_text("1 година"), "1y");
        assert_eq!(duration_text("12"), "12d");
        assert_eq!(duration_text("9 months"), "9 months");
    }
}
