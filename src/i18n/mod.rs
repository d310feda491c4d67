//! The languages of the reports written for people: message catalogues in Project Fluent
//! (`en.ftl`, `bg.ftl`, compiled in) and the dates and amounts of each language
//! (`2019-07-01` and `1,200,000` in English; `01.07.2019` and `1 200 000` in Bulgarian).
//! Machine outputs (CSV, JSON, finding codes) never go through here.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// A language the reports are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Bg,
}

impl Lang {
    pub const ALL: [(&'static str, Lang); 2] = [("en", Lang::En), ("bg", Lang::Bg)];

    pub fn parse(code: &str) -> Option<Lang> {
        Self::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(code))
            .map(|(_, lang)| *lang)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Bg => "bg",
        }
    }

    /// The catalogue's Fluent source.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.ftl"),
            Lang::Bg => include_str!("bg.ftl"),
        }
    }
}

/// Around the id of a message a catalogue lacks, so a missing one shows in any output.
pub const MISSING_OPEN: char = '⟦';
pub const MISSING_CLOSE: char = '⟧';

/// The messages of one language.
#[derive(Clone)]
pub struct Messages {
    lang: Lang,
    bundle: Rc<FluentBundle<FluentResource>>,
}

type Bundles = RefCell<Vec<(Lang, Rc<FluentBundle<FluentResource>>)>>;

thread_local! {
    /// Each language's catalogue, parsed once per thread: renderers ask for messages per row.
    static BUNDLES: Bundles = const { RefCell::new(Vec::new()) };
}

impl Messages {
    pub fn new(lang: Lang) -> Messages {
        let bundle = BUNDLES.with(|bundles| {
            let mut bundles = bundles.borrow_mut();
            if let Some((_, bundle)) = bundles.iter().find(|(l, _)| *l == lang) {
                return Rc::clone(bundle);
            }
            let bundle = Rc::new(Self::bundle(lang));
            bundles.push((lang, Rc::clone(&bundle)));
            bundle
        });
        Messages { lang, bundle }
    }

    fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
        let locale = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // No Unicode isolation marks around arguments: the output is plain text and HTML.
        bundle.set_use_isolating(false);
        // The catalogues are compiled in and checked by tests, so they always parse.
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`; `⟦id⟧` when the catalogue lacks it, which tests look for in every
    /// report (and a test checks every id the code names is in every catalogue).
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with its `{ $name }` arguments.
    pub fn with(&self, id: &str, args: &[(&str, String)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.format(id, Some(&fluent))
    }

    /// A label written in English in the code (a column title, a short note), in this
    /// language: the catalogue message `t-<the label in lower case, words joined by ->`.
    /// English labels are their own translation; a test checks every label in the code
    /// has its message in every catalogue.
    pub fn tr(&self, english: &str) -> String {
        let id = label_id(english);
        if self.lang == Lang::En || self.bundle.get_message(&id).is_none() {
            return english.to_string();
        }
        let translated = self.format(&id, None);
        // `Project` and `project` share a message: a capital in the code stays one.
        match (english.chars().next(), translated.chars().next()) {
            (Some(first), Some(own)) if first.is_uppercase() && own.is_lowercase() => own
                .to_uppercase()
                .chain(translated.chars().skip(1))
                .collect(),
            _ => translated,
        }
    }

    /// A [`Text`] in this language: its arguments formatted as this language writes them.
    pub fn text(&self, text: &Text) -> String {
        match &text.key {
            None => text.english.clone(),
            Some((id, args)) => {
                let mut fluent = FluentArgs::new();
                for (name, value) in args {
                    match value {
                        Arg::Count(n) => fluent.set(*name, FluentValue::from(*n)),
                        other => fluent.set(*name, self.arg(other)),
                    }
                }
                self.format(id, Some(&fluent))
            }
        }
    }

    /// An argument as text of this language.
    pub fn arg(&self, arg: &Arg) -> String {
        match arg {
            Arg::Str(text) => text.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Amount(value) => self.amount(*value),
            Arg::Date(date) => self.date(*date),
            Arg::Number(value) => match self.lang {
                Lang::En => value.to_string(),
                Lang::Bg => value.to_string().replace('.', ","),
            },
            Arg::Decimal(value, places) => self.decimal(*value, *places),
            Arg::Measure(value, unit) => {
                crate::display::with_unit(unit.as_deref(), &self.number(*value))
            }
            Arg::Text(text) => self.text(text),
            Arg::Join(items, separator) => items
                .iter()
                .map(|item| self.arg(item))
                .collect::<Vec<_>>()
                .join(separator),
        }
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return format!("{MISSING_OPEN}{id}{MISSING_CLOSE}");
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// A day: `2019-07-01` in English, `01.07.2019` in Bulgarian.
    pub fn date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::En => date.to_string(),
            Lang::Bg => date.format("%d.%m.%Y").to_string(),
        }
    }

    /// A number with `places` decimals: `6.5`, `6,5`.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        match self.lang {
            Lang::En => text,
            Lang::Bg => text.replace('.', ","),
        }
    }

    /// A number of days, short: `12d`, `12 д`.
    pub fn days(&self, days: impl Into<i64>) -> String {
        self.with("days-short", &[("days", days.into().to_string())])
    }

    /// A month and year: `July 2019`, `юли 2019`.
    pub fn month(&self, date: NaiveDate) -> String {
        format!(
            "{} {}",
            self.get(&format!("month-{}", date.month())),
            date.year()
        )
    }

    /// A whole amount: `1,200,000` in English, `1 200 000` (no-break spaces) in Bulgarian.
    pub fn amount(&self, value: f64) -> String {
        self.digits(crate::display::amount(value))
    }

    /// An indicator value (whole without decimals, else up to two): `1,500`, `2.25`;
    /// `1 500`, `2,25`.
    pub fn number(&self, value: f64) -> String {
        self.digits(crate::display::figure(value))
    }

    /// A number of units (up to three decimals): `2.5`, `2,5`.
    pub fn units(&self, value: f64) -> String {
        self.digits(crate::display::units(value))
    }

    /// A month written `2021-04` (as JSON and CSV have it): `2021-04`, `04.2021`.
    pub fn year_month(&self, month: &str) -> String {
        match (self.lang, month.split_once('-')) {
            (Lang::Bg, Some((year, month))) => format!("{month}.{year}"),
            _ => month.to_string(),
        }
    }

    /// English digits (`1,200,000.5`) as this language groups them and marks decimals.
    fn digits(&self, text: String) -> String {
        match self.lang {
            Lang::En => text,
            Lang::Bg => text.replace(',', "\u{a0}").replace('.', ","),
        }
    }

    /// An amount with cents: `1,200,000.00`, `1 200 000,00`.
    pub fn money(&self, value: f64) -> String {
        let cents = (value * 100.0).round();
        let whole = crate::display::amount((cents / 100.0).trunc());
        let rest = format!("{:02}", (cents.abs() % 100.0) as u32);
        match self.lang {
            Lang::En => format!("{whole}.{rest}"),
            Lang::Bg => format!("{},{rest}", whole.replace(',', "\u{a0}")),
        }
    }
}

/// The catalogue id of an English label: `t-` and its words, lower case, joined by `-`
/// (`"busiest quarter"` is `t-busiest-quarter`).
pub fn label_id(english: &str) -> String {
    let mut id = String::from("t");
    let mut gap = true;
    for c in english.chars() {
        if c.is_ascii_alphanumeric() {
            if gap {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
            gap = false;
        } else {
            gap = true;
        }
    }
    id
}

/// One argument of a [`Text`]: kept as a value, so each language writes it its own way.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text that is the same in every language (an id, a name from the file).
    Str(String),
    /// A whole number that may choose a plural form.
    Count(i64),
    /// Money or another amount: `1,200,000` / `1 200 000`.
    Amount(f64),
    /// A number as Rust writes it (`0.5`), with a decimal comma in Bulgarian.
    Number(f64),
    /// A number with this many decimals (`6.5`, `6,5`).
    Decimal(f64, usize),
    /// An indicator's value (see [`Messages::number`]) with its unit, if any.
    Measure(f64, Option<String>),
    Date(NaiveDate),
    /// A message inside a message.
    Text(Box<Text>),
    /// Arguments joined by a separator (`a, b, c`).
    Join(Vec<Arg>, &'static str),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Str(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Str(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Str(text.clone())
    }
}

impl From<NaiveDate> for Arg {
    fn from(date: NaiveDate) -> Arg {
        Arg::Date(date)
    }
}

impl From<Text> for Arg {
    fn from(text: Text) -> Arg {
        Arg::Text(Box::new(text))
    }
}

macro_rules! count_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_args!(usize, u32, i32, i64, u64);

/// Text written for people that can be shown in any language: a catalogue message and its
/// arguments, with the English rendering made once (what JSON, sorting and tests read).
/// Text from elsewhere (the TOML parser's messages) is the same in every language.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    english: String,
    key: Option<(&'static str, Vec<(&'static str, Arg)>)>,
}

impl Text {
    /// The catalogue message `id` with its arguments.
    pub fn message(id: &'static str, args: Vec<(&'static str, Arg)>) -> Text {
        let key = Some((id, args));
        let mut text = Text {
            english: String::new(),
            key,
        };
        text.english = Messages::new(Lang::En).text(&text);
        text
    }

    /// Text that is not translated.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            english: text.into(),
            key: None,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.english
    }

    /// The catalogue id, when the text is a message.
    pub fn id(&self) -> Option<&'static str> {
        self.key.as_ref().map(|(id, _)| *id)
    }
}

/// A text in JSON is its English rendering: machine output does not change with the language.
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english)
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::plain(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::plain(text)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.english == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.english == *other
    }
}

/// `text!("id", name = value, ...)`: a [`Text`] of the catalogue message `id`.
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::message(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// `i18n::text!`, by its module's path, for the whole crate.
pub(crate) use text;

#[cfg(test)]
mod tests {
    use super::{Lang, Messages};
    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    fn ids(lang: Lang) -> Vec<String> {
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", lang.code()));
        let mut ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        ids.sort();
        ids
    }

    /// Every message exists in every language: a message added to one catalogue only fails.
    #[test]
    fn every_language_has_every_message() {
        let english = ids(Lang::En);
        assert!(english.len() > 40);
        for (_, lang) in Lang::ALL {
            let other = ids(lang);
            let missing: Vec<_> = english.iter().filter(|id| !other.contains(id)).collect();
            let extra: Vec<_> = other.iter().filter(|id| !english.contains(id)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                lang.code()
            );
        }
    }

    /// The same arguments in every language: a translation that drops or misspells a
    /// `{ $name }` would print nothing (or the raw name) in its place.
    #[test]
    fn every_language_uses_the_same_arguments() {
        let args = |lang: Lang| -> std::collections::BTreeMap<String, Vec<String>> {
            let mut by_id = std::collections::BTreeMap::new();
            let mut current = String::new();
            for line in lang.catalogue().lines() {
                if let Some((id, _)) = line.split_once(" = ")
                    && !line.starts_with([' ', '#'])
                {
                    current = id.to_string();
                }
                let entry: &mut Vec<String> = by_id.entry(current.clone()).or_default();
                let mut rest = line;
                while let Some(at) = rest.find('$') {
                    let name: String = rest[at + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    rest = &rest[at + 1..];
                    entry.push(name);
                }
                entry.sort();
                entry.dedup();
            }
            by_id
        };
        let english = args(Lang::En);
        for (_, lang) in Lang::ALL {
            let other = args(lang);
            for (id, names) in &english {
                assert_eq!(other.get(id), Some(names), "{}: {id}", lang.code());
            }
        }
    }

    /// Every message id and label the code names literally (`text!("id"`, `.get("id")`,
    /// `.with("id"`, `Text::message("id"`, `.tr("label")`) is in every catalogue.
    #[test]
    fn every_id_in_the_code_is_in_every_catalogue() {
        let mut files = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut named = std::collections::BTreeSet::new();
        for path in &files {
            let text = std::fs::read_to_string(path).unwrap();
            // The code only: no comments, no tests.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let text: String = code
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for (call, label) in [
                ("text!(\"", false),
                ("t.get(\"", false),
                ("t.with(\"", false),
                ("messages().get(\"", false),
                ("messages().with(\"", false),
                ("Text::message(\"", false),
                (".tr(\"", true),
            ] {
                let mut rest = text.as_str();
                while let Some(at) = rest.find(call) {
                    rest = &rest[at + call.len()..];
                    let literal = rust_string(rest);
                    let id = if label {
                        super::label_id(&literal)
                    } else {
                        literal.clone()
                    };
                    // Labels without a word (`#`) stay as written.
                    if id != "t" {
                        named.insert((id, path.display().to_string()));
                    }
                }
            }
        }
        assert!(named.len() > 200, "{}", named.len());
        for (_, lang) in Lang::ALL {
            let have = ids(lang);
            let missing: Vec<_> = named.iter().filter(|(id, _)| !have.contains(id)).collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
        }
    }

    /// The value of the Rust string literal `rest` starts with (after its opening quote).
    fn rust_string(rest: &str) -> String {
        let mut value = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => value.push('\n'),
                    Some('\n') => {
                        while chars.peek().is_some_and(|c| c.is_whitespace()) {
                            chars.next();
                        }
                    }
                    Some(other) => value.push(other),
                    None => break,
                },
                other => value.push(other),
            }
        }
        value
    }

    #[test]
    fn a_missing_message_shows_as_its_marked_id() {
        let en = Messages::new(Lang::En);
        assert_eq!(en.get("no-such-message"), "⟦no-such-message⟧");
        assert_eq!(en.tr("no such label"), "no such label");
    }

    #[test]
    fn bulgarian_dates_and_numbers() {
        let bg = Messages::new(Lang::Bg);
        let day = chrono::NaiveDate::from_ymd_opt(2019, 7, 1).unwrap();
        assert_eq!(bg.date(day), "01.07.2019");
        assert_eq!(bg.month(day), "юли 2019");
        assert_eq!(bg.amount(1_200_000.0), "1\u{a0}200\u{a0}000");
        assert_eq!(bg.money(1_200_000.0), "1\u{a0}200\u{a0}000,00");
        assert_eq!(bg.with("ics-start", &[("name", "Х".into())]), "Начало: Х");
        let en = Messages::new(Lang::En);
        assert_eq!(en.money(1_200_000.5), "1,200,000.50");
        assert_eq!(en.date(day), "2019-07-01");
        assert_eq!(en.get("h-fiches"), "Project fiches");
    }
}
