//! Writes a generated roadmap to stdout, for timing the whole process from outside:
//! `cargo run --release --example gen_portfolio -- N [links|resources|one-pool|calendar] > f.toml`
//! (`links`: no resources, the default; see `benches/support/portfolio.rs`).

#[path = "../benches/support/portfolio.rs"]
mod portfolio;

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(100_000), |a| a.parse())?;
    let text = match args.next().as_deref() {
        None | Some("links") => portfolio::portfolio_toml(n, false),
        Some("resources") => portfolio::portfolio_toml(n, true),
        Some("one-pool") => portfolio::one_pool_toml(n, 2),
        Some("calendar") => portfolio::calendar_portfolio_toml(n),
        Some(other) => return Err(format!("unknown kind {other}").into()),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
