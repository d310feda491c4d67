//! The command line: every subcommand, flag and help text, and nothing else.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (warnings allowed unless --deny-warnings)
  1  the roadmap has errors (findings printed), or warnings with --deny-warnings
  2  usage or I/O problem (bad flags, unreadable file, cannot write output)";

/// Turn a city's strategy into a roadmap that can be carried out: priorities, the order of the
/// priority projects, the role of every actor, and the resources and funding each project needs.
#[derive(Debug, Parser)]
#[command(name = "roadmap", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colour: auto (only on a terminal, and not if NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Print less: no summaries or progress on stderr (findings and errors still print).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more detail on stderr (repeat for more).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Language of the text for people (tables, timeline, findings, reports; not CSV/JSON or
    /// finding codes): en or bg. Default: the roadmap's `language`, else en.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangName>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Plan the roadmap: order the projects, schedule them under resources and funding windows,
    /// and print the table and timeline (or CSV/JSON).
    #[command(
        after_help = "Examples:\n  roadmap plan\n  roadmap plan examples/portfolio.toml --format csv -o plan.csv\n  roadmap plan --format json | jq '.projects[0]'",
        mut_arg("width", |a| a.help("Width of the table and timeline in columns (default: $COLUMNS, the terminal, or 100)")),
        mut_arg("ascii", |a| a.help("Only ASCII characters in tables and the timeline")),
    )]
    Plan(PlanArgs),
    /// Check roadmap files and report every problem with its file, line and column.
    #[command(
        after_help = "Examples:\n  roadmap validate\n  roadmap validate roadmaps/*.toml --format github --deny-warnings\n  cat roadmap.toml | roadmap validate -"
    )]
    Validate(ValidateArgs),
    /// Who does what: the role matrix (L lead, P participant), projects led and joined per
    /// actor, each actor's busiest quarter, and actors with no role.
    #[command(
        after_help = "Examples:\n  roadmap actors\n  roadmap actors --format csv -o actors.csv"
    )]
    Actors(ReportArgs),
    /// The money: each source's amount, commitments, window and spend per year in the plan;
    /// each project's cost, cover and gap. With --opportunities: the sources that could still
    /// cover each project's gap.
    #[command(
        after_help = "Examples:\n  roadmap funding\n  roadmap funding --format json | jq '.sources'\n  roadmap funding --opportunities"
    )]
    Funding(FundingArgs),
    /// Staff and other resources: capacity, peak use, average utilisation and a month-by-month
    /// profile of the plan.
    #[command(after_help = "Examples:\n  roadmap resources\n  roadmap resources --ascii")]
    Resources(ReportArgs),
    /// The working calendar: working weekdays, and every holiday or worked day of the plan's
    /// years (or of --year) with where it comes from.
    #[command(after_help = "Examples:\n  roadmap calendar\n  roadmap calendar --year 2025")]
    Calendar(CalendarArgs),
    /// The implementation order and waves, with each project's prerequisites.
    #[command(after_help = "Examples:\n  roadmap order\n  roadmap order --format csv")]
    Order(ReportArgs),
    /// Export the plan for other tools: CSV, JSON, Mermaid, Graphviz DOT, SVG, iCalendar, XLSX
    /// or a self-contained HTML report.
    #[command(
        after_help = "Examples:\n  roadmap export --format mermaid\n  roadmap export -o plan.svg --as-of 2024-01-01\n  roadmap export --format xlsx -o plan.xlsx\n  roadmap export --format dot | dot -Tpng -o deps.png"
    )]
    Export(ExportArgs),
    /// Write the plan as a self-contained HTML report: summary, Gantt chart, roles, funding,
    /// resources and findings (same as `export --format html`).
    #[command(
        after_help = "Examples:\n  roadmap report -o plan.html\n  roadmap report examples/portfolio.toml -o portfolio.html --as-of 2025-06-01"
    )]
    Report(HtmlReportArgs),
    /// Write a commented starter roadmap.toml with an example of every table.
    #[command(
        after_help = "Examples:\n  roadmap init\n  roadmap init city/roadmap.toml\n  roadmap init --force\n  roadmap init - > draft.toml\n  roadmap init --template xlsx          # projects.xlsx to fill in, then `roadmap import`"
    )]
    Init(InitArgs),
    /// Turn a plan made elsewhere into a commented roadmap.toml: MS Project XML (MSPDI, also
    /// from ProjectLibre and GanttProject), or a CSV/XLSX list of projects. The result is
    /// validated and planned; nothing is written when it has errors.
    #[command(
        after_help = "Examples:\n  roadmap import plan.xml\n  roadmap import projects.xlsx -o city/roadmap.toml\n  roadmap import projects.csv --actors actors.csv --funding funding.csv\n  roadmap import plan.csv --calendar days-off.csv --workdays mon-fri\n  roadmap import export.xml --from mspdi -o - | less\n\nTemplates for the spreadsheet: roadmap init --template xlsx (or csv)."
    )]
    Import(ImportArgs),
    /// Print the JSON Schema of the roadmap file format (for editors and other tools).
    #[command(
        after_help = "Examples:\n  roadmap schema > roadmap.schema.json\n\nEditors with Even Better TOML (taplo) use it when the file starts with\n  #:schema ./roadmap.schema.json"
    )]
    Schema,
    /// Rank the projects by their weighted scores on the roadmap's criteria, with each
    /// criterion's contribution and the priority the plan uses.
    #[command(after_help = "Examples:\n  roadmap rank\n  roadmap rank --format csv -o ranking.csv")]
    Rank(ReportArgs),
    /// The strategy's indicators against the plan: baseline, each target, the value the plan
    /// reaches in the target's year, the gap, and the projects that bring it (or would close
    /// it by finishing in time).
    #[command(
        after_help = "Examples:\n  roadmap indicators\n  roadmap indicators examples/programmes.toml --format csv"
    )]
    Indicators(ReportArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  roadmap completions bash > ~/.local/share/bash-completion/completions/roadmap\n  roadmap completions zsh > ~/.zfunc/_roadmap\n  roadmap completions fish > ~/.config/fish/completions/roadmap.fish\n  roadmap completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Schedule risk: a seeded Monte Carlo simulation of the resource-constrained plan with
    /// three-point durations: P50/P80/P95 finish dates, the chance of meeting each deadline and
    /// funding window, and how often each project is critical.
    #[command(
        after_help = "Examples:\n  roadmap risk examples/risk.toml\n  roadmap risk --runs 50000 --seed 7 --format json\n  roadmap risk --scenario no-erdf --as-of 2021-01-01",
        mut_arg("width", |a| a.help("Width of tables and the histogram in columns (default: $COLUMNS, the terminal, or 100)")),
        mut_arg("ascii", |a| a.help("Only ASCII characters in tables and the histogram")),
    )]
    Risk(RiskArgs),
    /// Compare two plans: projects added, removed or changed, slippage, critical path, funding
    /// and resources. `roadmap diff HEAD~1` compares with a git revision of the same file.
    #[command(
        after_help = "Examples:\n  roadmap diff old.toml new.toml\n  roadmap diff HEAD~1\n  roadmap diff main roadmap.toml --format markdown > comment.md",
        mut_arg("ascii", |a| a.help(ASCII_IN_TABLES)),
    )]
    Diff(DiffArgs),
    /// Plan every scenario of the roadmap and compare them side by side with the baseline:
    /// finish, projects that slip, deadlines missed, funding gaps.
    #[command(
        after_help = "Examples:\n  roadmap compare examples/scenarios.toml\n  roadmap compare --format json",
        mut_arg("ascii", |a| a.help(ASCII_IN_TABLES)),
    )]
    Compare(CompareArgs),
    /// Print the man page (roff).
    #[command(
        hide = true,
        after_help = "Examples:\n  roadmap man > roadmap.1\n  roadmap man | man -l -"
    )]
    Man,
}

/// `--ascii` of the commands that draw tables only.
const ASCII_IN_TABLES: &str = "Only ASCII characters in tables";

/// The roadmap file a command reads.
#[derive(Debug, Args)]
pub struct InputArg {
    /// The roadmap file (`-` reads standard input).
    #[arg(default_value = "roadmap.toml", value_name = "FILE")]
    pub file: PathBuf,
}

/// How output for people looks. The help names what the command draws: commands whose output
/// is not "tables and charts" reword it with `mut_arg` on their `Command` variant.
#[derive(Debug, Args)]
pub struct LookArgs {
    /// Width of tables in columns (default: $COLUMNS, the terminal, or 100).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,

    /// Only ASCII characters in tables and charts.
    #[arg(long)]
    pub ascii: bool,
}

/// What every report (actors, funding, resources, order, rank) takes.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArg,

    /// A table for people, or CSV/JSON for other tools.
    /// Default: from the extension of -o (.csv, .json), else table.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub planner: PlannerArgs,

    #[command(flatten)]
    pub look: LookArgs,
}

/// `roadmap calendar`: the calendar's exceptions.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// List only this year's days (default: every year the plan covers).
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
}

/// `roadmap funding`: a report, or the funding opportunities of under-funded projects.
#[derive(Debug, Args)]
pub struct FundingArgs {
    #[command(flatten)]
    pub report: ReportArgs,

    /// List, for every project whose cost is not fully covered, the sources that could still
    /// cover the gap (window, uncommitted amount, share and yearly caps, eligible objectives),
    /// best match first.
    #[arg(long)]
    pub opportunities: bool,
}

/// The formats of everything printed as a report: `plan`, the reports, `risk`, `compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArg,

    /// The export format (default: from the extension of -o, e.g. plan.svg).
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub planner: PlannerArgs,

    /// Mark this day as "today" in charts, and stamp calendars with it (default: the roadmap's
    /// start); output never depends on the clock.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<chrono::NaiveDate>,

    /// Sections of the Mermaid chart: by programme (the default when the roadmap has
    /// programmes), objective (otherwise the default; a shared project in each objective's
    /// section) or leading actor.
    #[arg(long, value_enum)]
    pub group_by: Option<GroupByName>,

    /// Monte Carlo runs of the HTML report's schedule-risk section (seeded by --seed), for
    /// roadmaps with three-point durations.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub runs: u32,
}

/// The formats of `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The plan table as CSV (same as `plan --format csv`).
    Csv,
    /// The full plan as JSON (same as `plan --format json`).
    Json,
    /// A Mermaid `gantt` chart, for Markdown on GitHub and GitLab.
    Mermaid,
    /// The dependency graph for Graphviz, critical path highlighted.
    Dot,
    /// A Gantt chart as a standalone SVG image.
    Svg,
    /// An iCalendar file of milestones and project starts and finishes.
    Ics,
    /// An Excel workbook: plan with a Gantt band, funding and roles (needs -o).
    Xlsx,
    /// The self-contained HTML report.
    Html,
    /// Microsoft Project XML (MSPDI): opens in MS Project, ProjectLibre and GanttProject.
    Mspdi,
}

impl ExportFormat {
    /// The format a file name's extension asks for.
    pub fn from_path(path: &std::path::Path) -> Option<ExportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "csv" => ExportFormat::Csv,
            "json" => ExportFormat::Json,
            "mmd" | "mermaid" => ExportFormat::Mermaid,
            "dot" | "gv" => ExportFormat::Dot,
            "svg" => ExportFormat::Svg,
            "ics" => ExportFormat::Ics,
            "xlsx" => ExportFormat::Xlsx,
            "html" | "htm" => ExportFormat::Html,
            "xml" | "mspdi" => ExportFormat::Mspdi,
            _ => return None,
        })
    }
}

#[derive(Debug, Args)]
pub struct HtmlReportArgs {
    #[command(flatten)]
    pub input: InputArg,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub planner: PlannerArgs,

    /// Mark this day as "today" in the chart (no marker by default).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<chrono::NaiveDate>,

    /// Monte Carlo runs of the HTML report's schedule-risk section (seeded by --seed), for
    /// roadmaps with three-point durations.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub runs: u32,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Roadmap files to check (`-` reads standard input).
    #[arg(default_value = "roadmap.toml", value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = FindingsFormat::Human)]
    pub format: FindingsFormat,

    /// Treat warnings as errors (exit 1 when there are any).
    #[arg(long)]
    pub deny_warnings: bool,

    #[command(flatten)]
    pub planner: PlannerArgs,
}

/// The formats of `validate`'s findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FindingsFormat {
    /// Snippets of the file with the problem underlined, like rustc and cargo.
    Human,
    /// `{"version": 1, "findings": [...]}` on stdout.
    Json,
    /// GitHub Actions workflow commands (`::error file=...`), shown on pull requests.
    Github,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub input: InputArg,

    /// What to print: a table and timeline for people, or CSV/JSON for other tools.
    /// Default: from the extension of -o (.csv, .json), else table.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub planner: PlannerArgs,

    #[command(flatten)]
    pub look: LookArgs,

    /// What one column of the timeline stands for (default: the finest that fits the width).
    #[arg(long, value_enum)]
    pub scale: Option<ScaleName>,

    /// Group the table and timeline as the programme tree (the default when the roadmap has
    /// programmes), or the timeline by objective (a shared project under each objective it
    /// serves, with a "By objective" totals table) or leading actor; `none` for a flat list.
    #[arg(long, value_enum)]
    pub group_by: Option<GroupByName>,

    #[command(flatten)]
    pub variant: VariantArgs,
}

/// Which version of the roadmap to plan: a scenario, and progress up to a day.
#[derive(Debug, Args, Default, Clone)]
pub struct VariantArgs {
    /// Plan the roadmap with the overrides of this `[[scenario]]` (by id).
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,

    /// Plan the remaining work from this day: done projects stay at their actual dates,
    /// projects in progress run what is left from here, nothing else starts earlier. Without
    /// it, only the recorded actual dates are used (the clock is never read).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    pub as_of: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct RiskArgs {
    #[command(flatten)]
    pub input: InputArg,

    /// A table and histogram for people, or CSV/JSON for other tools.
    /// Default: from the extension of -o (.csv, .json), else table.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Seed and effort of the planner; the seed also drives the simulation.
    #[command(flatten)]
    pub planner: PlannerArgs,

    /// Number of Monte Carlo runs.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub runs: u32,

    /// How three-point durations are sampled.
    #[arg(long, value_enum, default_value_t = DistributionName::Pert)]
    pub distribution: DistributionName,

    /// Worker threads (default: every core, or `ROADMAP_THREADS`); results never depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,

    #[command(flatten)]
    pub variant: VariantArgs,

    #[command(flatten)]
    pub look: LookArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DistributionName {
    /// Beta-PERT between optimistic and pessimistic, mode at likely (mean (o+4l+p)/6).
    Pert,
    /// Triangular between optimistic and pessimistic, mode at likely (mean (o+l+p)/3).
    Triangular,
    /// Uniform between optimistic and pessimistic.
    Uniform,
}

/// `--scale` (`report::gantt::Scale`): what one column of the timeline stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScaleName {
    Week,
    Month,
    Quarter,
    Year,
}

/// `--group-by` (`report::gantt::GroupBy`): how timeline rows or chart sections are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GroupByName {
    None,
    /// Under every objective each project serves (shared projects under each, marked).
    Objective,
    /// Under the actor that leads each project.
    Lead,
    /// As the programme tree, with a summary bar per programme.
    Programme,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old plan: a roadmap file, or a git revision (then NEW names the file, default
    /// roadmap.toml, and the old version is `git show REV:FILE`).
    #[arg(value_name = "OLD|REV")]
    pub old: String,

    /// The new plan (default: roadmap.toml).
    #[arg(value_name = "NEW")]
    pub new: Option<PathBuf>,

    /// A table for people, JSON for tools, or Markdown for a pull-request comment.
    /// Default: from the extension of -o (.json, .md), else table.
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub planner: PlannerArgs,

    #[command(flatten)]
    pub variant: VariantArgs,

    #[command(flatten)]
    pub look: LookArgs,
}

/// The formats of `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArg,

    /// A table for people, or CSV/JSON for other tools.
    /// Default: from the extension of -o (.csv, .json), else table.
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub planner: PlannerArgs,

    /// Plan every scenario from this day (see `plan --as-of`).
    #[arg(long = "as-of", value_name = "YYYY-MM-DD")]
    pub as_of: Option<chrono::NaiveDate>,

    #[command(flatten)]
    pub look: LookArgs,
}

/// Where output goes.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to this file instead of stdout (`-` is stdout). An existing file is kept unless
    /// --force is given.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Replace the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// How hard the planner works.
#[derive(Debug, Args)]
pub struct PlannerArgs {
    /// Planner effort: fast (greedy schedules plus improvement), default (adds a search), or
    /// thorough (a longer search).
    #[arg(long, value_enum, default_value_t = EffortLevel::Default)]
    pub effort: EffortLevel,

    /// Seed of the planner's search: the same file and seed always give the same plan.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EffortLevel {
    Fast,
    Default,
    Thorough,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the roadmap: a file, or a directory to put roadmap.toml in (`-` prints it
    /// to stdout). Default: roadmap.toml (projects.xlsx / projects.csv with --template).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,

    /// Print the roadmap to stdout instead of writing a file.
    #[arg(long, conflicts_with = "force")]
    pub stdout: bool,

    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,

    /// Write a spreadsheet template for `roadmap import` instead (default path: projects.xlsx
    /// or projects.csv): the headers, example rows and, in the workbook, an explanation sheet.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub template: Option<TemplateFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    /// An Excel workbook with sheets of projects, actors, resources, funding, objectives and
    /// calendar days.
    Xlsx,
    /// A CSV file of projects (a calendar is a separate file: `roadmap import --calendar`).
    Csv,
}

/// `roadmap import FILE`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import: .xml (MSPDI), .csv or .xlsx.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Where to write the roadmap (`-` is stdout). An existing file is kept unless --force.
    #[arg(short, long, value_name = "PATH", default_value = "roadmap.toml")]
    pub output: PathBuf,

    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,

    /// The format of FILE (default: from its extension).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<ImportFormat>,

    /// A CSV file of actors (columns id, name, kind), for a CSV import.
    #[arg(long, value_name = "CSV")]
    pub actors: Option<PathBuf>,

    /// A CSV file of resources (columns id, name, capacity, unit), for a CSV import.
    #[arg(long, value_name = "CSV")]
    pub resources: Option<PathBuf>,

    /// A CSV file of funding sources (columns id, name, amount, from, until), for a CSV import.
    #[arg(long, value_name = "CSV")]
    pub funding: Option<PathBuf>,

    /// A CSV file of objectives (columns id, name), for a CSV import.
    #[arg(long, value_name = "CSV")]
    pub objectives: Option<PathBuf>,

    /// A CSV file of days off and worked days (columns date, kind, source: what `roadmap
    /// calendar --format csv` writes), for a CSV or XLSX import; becomes `[calendar]`.
    #[arg(long, value_name = "CSV")]
    pub calendar: Option<PathBuf>,

    /// The working weekdays, for a spreadsheet import: mon,tue,wed,thu,fri or a range like
    /// mon-fri, sun-thu, пн-пт (default with a calendar table: Monday to Friday).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(crate::import::calendar::Weekdays))]
    pub workdays: Option<crate::import::calendar::Weekdays>,

    /// The roadmap's name (default: the file's, or its Roadmap sheet's).
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,

    /// The roadmap's first day, for a spreadsheet (default: its Roadmap sheet's, or the earliest
    /// date in its rows).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<chrono::NaiveDate>,

    #[command(flatten)]
    pub planner: PlannerArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// Microsoft Project XML (MS Project, ProjectLibre, GanttProject, MPXJ).
    Mspdi,
    /// A CSV list of projects, one per row.
    Csv,
    /// An Excel workbook with a sheet of projects.
    Xlsx,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}

/// `--lang`: the languages of the text written for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangName {
    /// English.
    En,
    /// Bulgarian: Bulgarian labels and month names, dd.mm.yyyy dates, 1 200 000 amounts.
    Bg,
}

impl From<LangName> for crate::i18n::Lang {
    fn from(name: LangName) -> Self {
        match name {
            LangName::En => crate::i18n::Lang::En,
            LangName::Bg => crate::i18n::Lang::Bg,
        }
    }
}
