//! The languages of the reports written for people: message catalogues in Project Fluent
//! (`en.ftl`, `bg.ftl`, compiled in) and the dates and amounts of each language
//! (`2019-07-01` and `1,200,000` in English; `01.07.2019` and `1 200 000` in Bulgarian).
//! Machine outputs (CSV, JSON, finding codes) never go through here.

use chrono::{Datelike, NaiveDate};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

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

/// The messages of one language.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    pub fn new(lang: Lang) -> Messages {
        let locale = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // No Unicode isolation marks around arguments: the output is plain text and HTML.
        bundle.set_use_isolating(false);
        // The catalogues are compiled in and checked by tests, so they always parse.
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        Messages { lang, bundle }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`, or the id itself when the catalogue lacks it (a test forbids that).
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

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
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
        let text = crate::display::amount(value);
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
