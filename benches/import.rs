//! `roadmap import` on large inputs: a 10,000-task MSPDI file and a 10,000-row XLSX workbook,
//! read into a draft and written as TOML (what `roadmap import` does before it validates).
//!
//! `cargo bench --bench import`

use roadmap::import::{self, Extras, Format};

fn main() {
    divan::main();
}

/// An MSPDI plan of `n` tasks in groups of 100 under summary tasks, each task linked to one or
/// two earlier ones, with 5 resources and an assignment per task.
fn mspdi(n: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n\
         <Name>Synthetic</Name><StartDate>2025-01-01T08:00:00</StartDate><CalendarUID>1</CalendarUID>\n\
         <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>\n",
    );
    for day in 1..=7 {
        let working = u8::from((2..=6).contains(&day));
        xml.push_str(&format!(
            "<WeekDay><DayType>{day}</DayType><DayWorking>{working}</DayWorking></WeekDay>\n"
        ));
    }
    xml.push_str("</WeekDays></Calendar></Calendars>\n<Tasks>\n");
    let mut uid = 0;
    for i in 0..n {
        if i % 100 == 0 {
            uid += 1;
            xml.push_str(&format!(
                "<Task><UID>{uid}</UID><Name>Group {}</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>\n",
                i / 100
            ));
        }
        uid += 1;
        let start = 1 + i % 28;
        xml.push_str(&format!(
            "<Task><UID>{uid}</UID><Name>Task {i}</Name><OutlineLevel>2</OutlineLevel>\
             <Start>2025-03-{start:02}T08:00:00</Start><Finish>2025-04-{start:02}T17:00:00</Finish>\
             <Duration>PT{}H0M0S</Duration><DurationFormat>7</DurationFormat><Cost>{}</Cost>\
             <Notes>Synthetic task {i}</Notes>",
            8 * (5 + i % 40),
            100_000 + i * 100
        ));
        if i % 100 > 0 {
            xml.push_str(&format!(
                "<PredecessorLink><PredecessorUID>{}</PredecessorUID><Type>1</Type><LinkLag>{}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>",
                uid - 1,
                4800 * (i % 3)
            ));
        }
        if i % 100 > 2 {
            xml.push_str(&format!(
                "<PredecessorLink><PredecessorUID>{}</PredecessorUID><Type>3</Type></PredecessorLink>",
                uid - 3
            ));
        }
        xml.push_str("</Task>\n");
    }
    xml.push_str("</Tasks>\n<Resources>\n");
    for r in 1..=5 {
        xml.push_str(&format!(
            "<Resource><UID>{r}</UID><Name>Team {r}</Name><Type>1</Type><MaxUnits>4.00</MaxUnits></Resource>\n"
        ));
    }
    xml.push_str("</Resources>\n<Assignments>\n");
    for task in 1..=uid {
        xml.push_str(&format!(
            "<Assignment><UID>{task}</UID><TaskUID>{task}</TaskUID><ResourceUID>{}</ResourceUID><Units>1</Units></Assignment>\n",
            1 + task % 5
        ));
    }
    xml.push_str("</Assignments>\n</Project>\n");
    xml
}

/// A workbook with a Projects sheet of `n` rows (and the other sheets empty but for headers).
fn xlsx(n: usize) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Projects").unwrap();
    for (c, header) in [
        "id",
        "name",
        "duration",
        "depends_on",
        "lead",
        "cost",
        "funding",
        "earliest_start",
        "resources",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    for i in 0..n {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, format!("p{i}")).unwrap();
        sheet.write_string(r, 1, format!("Project {i}")).unwrap();
        sheet
            .write_string(r, 2, format!("{} months", 1 + i % 12))
            .unwrap();
        if i % 100 > 0 {
            sheet
                .write_string(r, 3, format!("p{}; p{} SS+1 month", i - 1, i - i % 100))
                .unwrap();
        }
        sheet.write_string(r, 4, "municipality").unwrap();
        sheet.write_number(r, 5, 100_000.0 + i as f64).unwrap();
        sheet
            .write_string(r, 6, format!("erdf={}", 50_000 + i))
            .unwrap();
        sheet.write_string(r, 7, "2025-01-01").unwrap();
        sheet
            .write_string(r, 8, format!("team-{}=1", i % 5))
            .unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

#[divan::bench(args = [10_000], sample_count = 5, sample_size = 1)]
fn mspdi_tasks(bencher: divan::Bencher, n: usize) {
    let xml = mspdi(n);
    bencher.bench(|| {
        let draft = import::read(
            "plan.xml",
            xml.as_bytes(),
            Format::Mspdi,
            &Extras::default(),
        )
        .expect("the synthetic plan imports");
        import::writer::write(&draft).text.len()
    });
}

#[divan::bench(args = [10_000], sample_count = 5, sample_size = 1)]
fn xlsx_rows(bencher: divan::Bencher, n: usize) {
    let bytes = xlsx(n);
    bencher.bench(|| {
        let draft = import::read("projects.xlsx", &bytes, Format::Xlsx, &Extras::default())
            .expect("the synthetic workbook imports");
        import::writer::write(&draft).text.len()
    });
}
