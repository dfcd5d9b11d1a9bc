//! `oblys import FILE INPUT`: previews a statistics file against an Oblys file, prints the preview
//! in the planner's language, and writes the good values in one transaction — or nothing, when
//! the input has problems and the planner did not ask to skip them, when an Oblys window edits
//! the file (holds its lock, see [`crate::store::lock_for_editing`]), or on a dry run.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::preview::{Layout, Preview, PreviewOptions, RowProblem};
use super::{ImportError, InputFormat, RegionMatcher, preview_input, read_input};
use crate::i18n::import_text::{self, ImportText as T, number, place};
use crate::model::{IndicatorValue, Lang};
use crate::store::{self, ImportSummary, StoreError};

/// Most replaced values listed one by one in the preview (the rest are counted).
const LISTED_REPLACEMENTS: usize = 50;

/// What `oblys import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The Oblys file written to.
    pub file: PathBuf,
    /// The statistics file read (CSV or XLSX).
    pub input: PathBuf,
    /// The workbook sheet to read (the first when `None`).
    pub sheet: Option<String>,
    /// The indicator of a wide table or of a long one without an indicator column, when no
    /// title line names it.
    pub indicator: Option<String>,
    /// Print the preview only.
    pub dry_run: bool,
    /// Import the good values even when some cells have problems.
    pub skip_problems: bool,
    /// Language of the preview and messages.
    pub lang: Lang,
}

/// Why `oblys import` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportCommandError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Input(#[from] ImportError),
    #[error(
        "{file}: {}, the first at {first}; nothing was imported (fix them, or give \
         --skip-problems to import only the good values)",
        import_text::problems_en(*count)
    )]
    Problems { file: String, count: usize, first: Box<RowProblem> },
    /// An Oblys window holds the file's editing lock.
    #[error("{}", import_text::open_for_editing(&file.display().to_string(), Lang::En))]
    Locked { file: PathBuf },
    #[error(transparent)]
    Upgrade(#[from] UpgradeLockError),
    #[error("cannot print the preview: {0}")]
    Output(#[from] std::io::Error),
}

impl ImportCommandError {
    /// The message in `lang`, the file's own refusals included.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportCommandError::Input(error) => import_text::error(error, lang),
            ImportCommandError::Problems { file, count, first } => format!(
                "{file}: {}: {count}, {} {}; {} ({})",
                T::Problems.get(lang),
                T::TheFirstAt.get(lang),
                import_text::problem(first, lang),
                T::NothingImported.get(lang),
                T::UseSkipProblems.get(lang)
            ),
            ImportCommandError::Locked { file } => {
                import_text::open_for_editing(&file.display().to_string(), lang)
            }
            ImportCommandError::Upgrade(error) => error.message(lang),
            ImportCommandError::Store(error) => error.message(lang),
            other => other.to_string(),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub preview: Preview,
    pub format: InputFormat,
    /// What was written; `None` on a dry run.
    pub summary: Option<ImportSummary>,
}

/// Runs `oblys import`: takes the file's editing lock (a dry run only when reading would upgrade
/// an older file; [`ImportCommandError::Locked`] when an Oblys window holds it), loads the Oblys file (refusing a
/// foreign or damaged one), previews the input, prints the preview to `out`, and imports unless
/// this is a dry run. With problems and without `skip_problems` nothing is written and
/// [`ImportCommandError::Problems`] is returned.
pub fn run_import(
    request: &ImportRequest,
    out: &mut dyn Write,
) -> Result<ImportOutcome, ImportCommandError> {
    let lang = request.lang;
    let shown = request.input.display().to_string();
    // Held until the write is committed, so no window starts editing between preview and write.
    // A dry run writes nothing — unless reading upgrades an older file, which then needs it too.
    let _lock = if request.dry_run {
        lock_if_upgrading(&request.file)?
    } else {
        Some(lock_for_write(&request.file)?)
    };
    let dataset = store::load(&request.file)?;
    let bytes = read_input(&request.input, &shown)?;
    let matcher = RegionMatcher::new(&dataset);
    let options = PreviewOptions { indicator: request.indicator.clone() };
    let (preview, format) =
        preview_input(&shown, &bytes, request.sheet.as_deref(), &dataset, &matcher, &options)?;
    out.write_all(render_preview(&shown, &preview, &format, lang).as_bytes())?;

    if let Some(first) = preview.problems.first()
        && !request.skip_problems
        && !request.dry_run
    {
        let (count, first) = (preview.problems.len(), Box::new(first.clone()));
        return Err(ImportCommandError::Problems { file: shown, count, first });
    }
    if request.dry_run {
        writeln!(out, "{}", T::DryRun.get(lang))?;
        return Ok(ImportOutcome { preview, format, summary: None });
    }
    if !preview.problems.is_empty() {
        writeln!(out, "{}: {}", T::ProblemsSkipped.get(lang), preview.problems.len())?;
    }
    let source = source_name(&request.input, &format);
    let note = format!("import {}", today_utc());
    let values: Vec<IndicatorValue> = preview
        .rows
        .iter()
        .map(|r| IndicatorValue {
            region_code: r.region_code.clone(),
            year: r.year,
            indicator: r.indicator.clone(),
            value: r.value,
            source: source.clone(),
            note: note.clone(),
        })
        .collect();
    let summary = store::import_values(&request.file, &values)?;
    let into = match lang {
        Lang::Kk => format!("{} {}", request.file.display(), T::ImportedInto.get(lang)),
        Lang::Ru | Lang::En => format!("{} {}", T::ImportedInto.get(lang), request.file.display()),
    };
    writeln!(
        out,
        "{into}: {} {}, {} {}, {} {}.",
        summary.inserted,
        T::New.get(lang),
        summary.replaced,
        T::Replaced.get(lang),
        summary.unchanged,
        T::Unchanged.get(lang)
    )?;
    Ok(ImportOutcome { preview, format, summary: Some(summary) })
}

/// Takes the editing lock of `file` for a write, refusing when an Oblys window holds it. The
/// file is checked first, so no lock file is ever put beside a foreign or damaged file.
fn lock_for_write(file: &Path) -> Result<store::FileLock, ImportCommandError> {
    store::schema_version(file)?;
    store::lock_for_editing(file)?
        .ok_or_else(|| ImportCommandError::Locked { file: file.to_owned() })
}

/// Why a command that only reads a file (`oblys map`, `project`, `export`, a dry run) cannot
/// upgrade it.
#[derive(Debug, thiserror::Error)]
pub enum UpgradeLockError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file was written by an older Oblys, and an Oblys window holds its editing lock.
    #[error("{}", import_text::upgrade_while_open(&file.display().to_string(), Lang::En))]
    Locked { file: PathBuf },
}

impl UpgradeLockError {
    /// The message in `lang`, the file's own refusals included.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            UpgradeLockError::Locked { file } => {
                import_text::upgrade_while_open(&file.display().to_string(), lang)
            }
            UpgradeLockError::Store(error) => error.message(lang),
        }
    }
}

/// The editing lock of `file` for a command that only reads it (`oblys map`, `project`,
/// `export`, a dry run) but, like every reader, upgrades it first when an older Oblys wrote it:
/// `Some` (hold it until the command ends) when the file will be upgraded, `None` when it is
/// current or cannot be checked (the command then reports why), [`UpgradeLockError::Locked`]
/// when an Oblys window holds the lock.
pub fn lock_if_upgrading(file: &Path) -> Result<Option<store::FileLock>, UpgradeLockError> {
    match store::schema_version(file) {
        Ok(version) if version < store::SCHEMA_VERSION => {}
        _ => return Ok(None),
    }
    match store::lock_for_editing(file)? {
        Some(lock) => Ok(Some(lock)),
        None => Err(UpgradeLockError::Locked { file: file.to_owned() }),
    }
}

/// The source recorded with imported values: the input's file name (and sheet).
fn source_name(input: &Path, format: &InputFormat) -> String {
    let name = input
        .file_name()
        .map_or_else(|| input.display().to_string(), |n| n.to_string_lossy().into_owned());
    match format {
        InputFormat::Csv(_) => name,
        InputFormat::Xlsx { sheet } => format!("{name} [{sheet}]"),
    }
}

/// Today's date in UTC as `YYYY-MM-DD` (civil calendar from days since 1970-01-01).
pub fn today_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_date(i64::try_from(seconds / 86_400).unwrap_or(0));
    format!("{year:04}-{month:02}-{day:02}")
}

/// The Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_date(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The preview as the planner reads it: how the file was read, the values to import (with each
/// replaced value), skipped cells and lines, and every problem with its line and column.
pub fn render_preview(file: &str, preview: &Preview, format: &InputFormat, lang: Lang) -> String {
    let mut text = String::new();
    let mut described = match format {
        InputFormat::Csv(csv) => {
            let delimiter = match csv.delimiter {
                b';' => T::Semicolon,
                b'\t' => T::Tab,
                _ => T::Comma,
            };
            let encoding = if csv.windows_1251 { ", Windows-1251" } else { "" };
            format!("{file}: CSV ({}{encoding})", delimiter.get(lang))
        }
        InputFormat::Xlsx { sheet } => format!("{file}: XLSX, {} «{sheet}»", T::Sheet.get(lang)),
    };
    match &preview.layout {
        Layout::Long => {
            described.push_str(&format!(", {}", T::LongLayout.get(lang)));
        }
        Layout::LongOneIndicator { indicator, from_title } => {
            let origin =
                if *from_title { format!(" ({})", T::FromTitle.get(lang)) } else { String::new() };
            described.push_str(&format!(
                ", {}, {} {indicator}{origin}",
                T::LongOneIndicatorLayout.get(lang),
                T::Indicator.get(lang),
            ));
        }
        Layout::Wide { indicator, from_title, years } => {
            let years: Vec<String> = years.iter().map(i32::to_string).collect();
            let origin =
                if *from_title { format!(" ({})", T::FromTitle.get(lang)) } else { String::new() };
            described.push_str(&format!(
                ", {}, {} {indicator}{origin}, {} {}",
                T::WideLayout.get(lang),
                T::Indicator.get(lang),
                T::Years.get(lang),
                years.join(", ")
            ));
        }
    }
    let header = match (lang, format) {
        (Lang::En, InputFormat::Xlsx { .. }) => format!("header on row {}", preview.header_line),
        _ => format!("{} {}", T::HeaderOnLine.get(lang), preview.header_line),
    };
    text.push_str(&format!("{described}, {header}\n"));

    let replacing: Vec<_> = preview.rows.iter().filter(|r| r.replaces().is_some()).collect();
    let unchanged = preview.rows.iter().filter(|r| r.previous == Some(r.value)).count();
    let new = preview.rows.iter().filter(|r| r.previous.is_none()).count();
    text.push_str(&format!(
        "{}: {} ({} {new}, {} {}, {} {unchanged})\n",
        T::ValuesToImport.get(lang),
        preview.rows.len(),
        T::New.get(lang),
        T::Replacing.get(lang),
        replacing.len(),
        T::Unchanged.get(lang),
    ));
    for row in replacing.iter().take(LISTED_REPLACEMENTS) {
        let old = row.previous.map_or_else(String::new, |p| number(p, lang));
        text.push_str(&format!(
            "  {} {} {}: {} {} {old} ({})\n",
            row.region_code,
            row.indicator,
            row.year,
            number(row.value, lang),
            T::Replaces.get(lang),
            place(&row.at, lang)
        ));
    }
    if replacing.len() > LISTED_REPLACEMENTS {
        let more = replacing.len() - LISTED_REPLACEMENTS;
        text.push_str(&format!("  … {} {more} {}\n", T::And.get(lang), T::More.get(lang)));
    }
    let outside: Vec<_> = preview.rows.iter().filter(|r| r.outside_unit_years).collect();
    if !outside.is_empty() {
        text.push_str(&format!("{}: {}\n", T::OutsideUnitYears.get(lang), outside.len()));
        for row in outside.iter().take(LISTED_REPLACEMENTS) {
            text.push_str(&format!(
                "  {} {} {} ({})\n",
                row.region_code,
                row.indicator,
                row.year,
                place(&row.at, lang)
            ));
        }
    }
    if !preview.missing.is_empty() {
        text.push_str(&format!("{}: {}\n", T::MissingSkipped.get(lang), preview.missing.len()));
    }
    if !preview.text_lines.is_empty() {
        let lines: Vec<String> = preview.text_lines.iter().map(u64::to_string).collect();
        text.push_str(&format!("{}: {}\n", T::NotesSkipped.get(lang), lines.join(", ")));
    }
    if !preview.problems.is_empty() {
        text.push_str(&format!("{}: {}\n", T::Problems.get(lang), preview.problems.len()));
        for problem in &preview.problems {
            text.push_str(&format!("  {file}: {}\n", import_text::problem(problem, lang)));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_follow_the_gregorian_calendar() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(20_780), (2026, 11, 23));
        assert_eq!(civil_date(-1), (1969, 12, 31));
    }
}
