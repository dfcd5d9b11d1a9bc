//! The one preview builder every input format feeds: rows of cells (text or numbers) with their
//! line numbers go in, the header is found below any title lines, the layout (long or wide) is
//! read from it, and every data cell becomes a row to import, a missing value, or a problem naming
//! its line and column. Nothing is written: the caller shows the preview and imports the good
//! rows or nothing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::model::{Aggregation, Dataset, NATIONAL_CODE};

use super::ImportError;
use super::number::{NumberError, check_number, parse_number};
use super::region_names::RegionMatcher;

/// Earliest and latest year a statistics row may carry.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// How many non-empty rows above the header (titles, units, notes) are looked through.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// One cell as the input holds it. CSV cells are always text; spreadsheet cells may be numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
}

impl Cell<'_> {
    /// True for an empty cell or one holding only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }

    /// The cell as text (a number as Rust prints it: `2020`, `1234.5`), trimmed.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) => Cow::Borrowed(text.trim()),
            Cell::Number(value) => Cow::Owned(value.to_string()),
        }
    }

    /// The cell as a statistics value: `Ok(None)` when empty or marked missing.
    fn value(&self) -> Result<Option<f64>, NumberError> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Text(text) => parse_number(text),
            Cell::Number(value) => check_number(*value).map(Some),
        }
    }
}

/// Where a cell is: its line (the row number Excel shows, for a spreadsheet) and its 1-based
/// column (shown as a letter for a spreadsheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: u64,
    pub column: u32,
    /// True for a spreadsheet: "row 3, column B" rather than "line 3, column 2".
    pub spreadsheet: bool,
}

impl Place {
    /// The column as the planner sees it: `2` in a CSV file, `B` in a spreadsheet.
    pub fn column_label(&self) -> String {
        if self.spreadsheet { column_letters(self.column) } else { self.column.to_string() }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = if self.spreadsheet { "row" } else { "line" };
        write!(f, "{line} {}, column {}", self.line, self.column_label())
    }
}

/// Excel's name of the 1-based column `n`: 1 → A, 26 → Z, 27 → AA.
pub fn column_letters(n: u32) -> String {
    let mut n = n;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A cell that cannot be imported, with where it is.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RowProblem {
    #[error("{at}: «{name}» is not a region of Kazakhstan")]
    UnknownRegion { at: Place, name: String },
    #[error("{at}: «{text}» is not a year between 1990 and 2100")]
    BadYear { at: Place, text: String },
    #[error("{at}: «{name}» is not an indicator of this file (known: {known})")]
    UnknownIndicator { at: Place, name: String, known: String },
    #[error("{at}: {source}")]
    BadValue { at: Place, source: NumberError },
    #[error("{at}: {indicator} cannot be negative ({value})")]
    NegativeValue { at: Place, indicator: String, value: f64 },
    #[error("{at}: a cell is missing (the line has {found} of {expected} columns)")]
    MissingCells { at: Place, found: usize, expected: usize },
    #[error("{at}: {code} {indicator} {year} is {value} here but {earlier_value} at {earlier}")]
    ConflictingDuplicate {
        at: Place,
        earlier: Place,
        code: String,
        indicator: String,
        year: i32,
        value: f64,
        earlier_value: f64,
    },
}

impl RowProblem {
    /// Where the problem is.
    pub fn place(&self) -> Place {
        match self {
            RowProblem::UnknownRegion { at, .. }
            | RowProblem::BadYear { at, .. }
            | RowProblem::UnknownIndicator { at, .. }
            | RowProblem::BadValue { at, .. }
            | RowProblem::NegativeValue { at, .. }
            | RowProblem::MissingCells { at, .. }
            | RowProblem::ConflictingDuplicate { at, .. } => *at,
        }
    }
}

/// A value ready to import.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    /// The value's cell.
    pub at: Place,
    pub region_code: String,
    pub year: i32,
    pub indicator: String,
    pub value: f64,
    /// True when the region's unit did not exist in `year` (a back-cast series such as Shymkent
    /// before 2018): imported on the nearest unit, shown to the planner.
    pub outside_unit_years: bool,
    /// The value the file already holds for this region, indicator and year, if any.
    pub previous: Option<f64>,
}

impl PreviewRow {
    /// True when importing the row changes a value already in the file.
    pub fn replaces(&self) -> Option<f64> {
        self.previous.filter(|&p| p != self.value)
    }
}

/// How the table is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// One value per line: region, year, indicator, value columns.
    Long,
    /// One value per line of one indicator: region, year, value columns.
    LongOneIndicator {
        indicator: String,
        /// True when the indicator was read from a title line (not given by the caller).
        from_title: bool,
    },
    /// Regions as rows, years as columns, all of one indicator.
    Wide {
        indicator: String,
        /// True when the indicator was read from a title line (not given by the caller).
        from_title: bool,
        years: Vec<i32>,
    },
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub layout: Layout,
    /// Line (row) of the header.
    pub header_line: u64,
    pub rows: Vec<PreviewRow>,
    pub problems: Vec<RowProblem>,
    /// Cells whose value is marked missing ("-", "x", "…", empty): skipped, not a problem.
    pub missing: Vec<Place>,
    /// Lines with text in their first cell only (titles, footnotes, notes): skipped.
    pub text_lines: Vec<u64>,
}

/// What the caller may tell the builder.
#[derive(Debug, Clone, Default)]
pub struct PreviewOptions {
    /// The indicator of a wide table (key or name in any language); when `None` it is read from
    /// a title line.
    pub indicator: Option<String>,
}

/// Header words recognised for each column of a long table (compared lower-cased and trimmed).
const REGION_HEADERS: [&str; 7] =
    ["region", "регион", "область", "облыс", "аймақ", "region_code", "регион/область"];
/// Labels of the region column of a wide table, besides the long table's region words.
const WIDE_REGION_HEADERS: [&str; 14] = [
    "region",
    "регион",
    "область",
    "облыс",
    "аймақ",
    "regions",
    "регионы",
    "области",
    "облыстар",
    "аймақтар",
    "наименование",
    "атауы",
    "name",
    "регион/область",
];
const YEAR_HEADERS: [&str; 3] = ["year", "год", "жыл"];
const INDICATOR_HEADERS: [&str; 4] = ["indicator", "показатель", "көрсеткіш", "indicator_key"];
const VALUE_HEADERS: [&str; 3] = ["value", "значение", "мән"];

/// The text cells of a header, searched for an indicator name with the title lines.
fn header_texts<'c>(cells: &'c [Cell]) -> impl Iterator<Item = String> + 'c {
    cells.iter().filter(|c| matches!(c, Cell::Text(_))).map(|c| c.text().into_owned())
}

/// A header cell as compared with the header words: trimmed, quotes dropped, lower-cased.
fn header_word(cell: &Cell) -> String {
    cell.text().trim_matches('"').trim().to_lowercase()
}

/// True when `cells` is the header of a long or a wide table.
pub(super) fn is_header(cells: &[Cell]) -> bool {
    long_columns(cells).is_ok() || wide_header(cells).is_some()
}

/// The columns of a long table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LongColumns {
    region: usize,
    year: usize,
    /// `None` when the whole table is of one indicator (given or named in a title).
    indicator: Option<usize>,
    value: usize,
}

/// The columns of a long header: region, year, value and (usually) indicator. `Err` holds how many
/// of the four were found and the name of the first missing one.
fn long_columns(cells: &[Cell]) -> Result<LongColumns, (usize, &'static str)> {
    let words: Vec<String> = cells.iter().map(header_word).collect();
    let find = |names: &[&str]| words.iter().position(|w| names.contains(&w.as_str()));
    let found = [
        (find(&REGION_HEADERS), "region"),
        (find(&YEAR_HEADERS), "year"),
        (find(&INDICATOR_HEADERS), "indicator"),
        (find(&VALUE_HEADERS), "value"),
    ];
    let count = found.iter().filter(|(c, _)| c.is_some()).count();
    match found {
        [(Some(region), _), (Some(year), _), (indicator, _), (Some(value), _)] => {
            Ok(LongColumns { region, year, indicator, value })
        }
        _ => {
            let missing = found.iter().find(|(c, _)| c.is_none()).map_or("value", |(_, n)| *n);
            Err((count, missing))
        }
    }
}

/// The header of a wide table: the region column and the year of each year column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WideHeader {
    pub region_column: usize,
    /// (column index, year), left to right.
    pub years: Vec<(usize, i32)>,
}

/// A header cell naming a year: `2020`, `2020.0` stored as a number, or text such as `2020`,
/// `2020 г.`, `2020 год`, `2020 жыл`, `2020*` (a footnote mark).
pub fn header_year(cell: &Cell) -> Option<i32> {
    let year = match cell {
        Cell::Number(v) if v.fract() == 0.0 && YEARS.contains(&(*v as i32)) => *v as i32,
        Cell::Number(_) | Cell::Empty => return None,
        Cell::Text(text) => {
            let text = text.trim().trim_matches('"').trim().trim_end_matches(['*', ')', '¹', '²']);
            let digits = text.get(..4)?;
            let rest = text.get(4..)?.trim().to_lowercase();
            if !digits.bytes().all(|b| b.is_ascii_digit())
                || !matches!(rest.as_str(), "" | "г" | "г." | "год" | "ж" | "ж." | "жыл")
            {
                return None;
            }
            digits.parse().ok()?
        }
    };
    YEARS.contains(&year).then_some(year)
}

/// Reads `cells` as the header of a wide table: a label column (or an empty corner cell), then a
/// run of distinct year columns (empty cells between them allowed), then optionally columns that
/// are not years (notes, growth rates), which are ignored. The region column is the last
/// non-empty label before the first year, or the first column when the corner is empty. Labels
/// may not be numbers (that is a data row), and a single year column needs a region label.
pub fn wide_header(cells: &[Cell]) -> Option<WideHeader> {
    let first = cells.iter().position(|c| header_year(c).is_some())?;
    if first == 0 {
        return None;
    }
    let mut years = Vec::new();
    let mut run_over = false;
    for (index, cell) in cells.iter().enumerate().skip(first) {
        match header_year(cell) {
            Some(year) if !run_over => {
                if years.iter().any(|&(_, y)| y == year) {
                    return None;
                }
                years.push((index, year));
            }
            // A year after the run ended: the row is data, not a header.
            Some(_) => return None,
            None if cell.is_blank() => {}
            None => run_over = true,
        }
    }
    let labels = cells.get(..first)?;
    if labels
        .iter()
        .any(|c| matches!(c, Cell::Number(_)) || parse_number(&c.text()).is_ok_and(|v| v.is_some()))
    {
        return None;
    }
    let region_column = labels.iter().rposition(|c| !c.is_blank()).unwrap_or(0);
    // One year alone could be a title ("Таблица 1 | 2023"): it makes a header only under a
    // region label or an empty corner.
    let label = labels.get(region_column).map(header_word).unwrap_or_default();
    if years.len() == 1 && !label.is_empty() && !WIDE_REGION_HEADERS.contains(&label.as_str()) {
        return None;
    }
    Some(WideHeader { region_column, years })
}

/// A region's code and whether its unit did not exist in the row's year.
type RegionCode<'a> = (&'a str, bool);

/// Where the builder is in the table.
enum State {
    /// Still above the header: rows seen so far and what they said.
    Searching {
        rows_seen: usize,
        first_row: Option<u64>,
        /// The first row naming at least two of the long columns, and the first one it lacks.
        long_like: Option<(u64, &'static str)>,
        titles: Vec<String>,
    },
    Long {
        columns: LongColumns,
        /// The indicator of every row when the table has no indicator column.
        fixed: Option<usize>,
    },
    Wide {
        header: WideHeader,
        indicator: usize,
    },
}

/// Builds a [`Preview`] from rows fed one at a time, in order.
pub struct PreviewBuilder<'a> {
    file: &'a str,
    matcher: &'a RegionMatcher,
    dataset: &'a Dataset,
    spreadsheet: bool,
    /// The indicator the caller named, as an index into `dataset.indicators`.
    chosen_indicator: Option<usize>,
    /// Lower-cased keys and kk/ru/en names → index into `dataset.indicators`.
    indicator_names: HashMap<String, usize>,
    known_indicators: String,
    /// (code, indicator key, year) → value already in the file.
    previous: HashMap<(&'a str, &'a str, i32), f64>,
    /// (code, indicator index, year) → index into `preview.rows`, to find duplicates.
    seen: HashMap<(&'a str, usize, i32), usize>,
    /// Region cell text → year → what it matched: files repeat a few names on every line, and
    /// matching a name costs a few microseconds.
    names: HashMap<Box<str>, HashMap<i32, Option<RegionCode<'a>>>>,
    state: State,
    preview: Preview,
}

impl<'a> PreviewBuilder<'a> {
    /// A builder for `file` (named in messages) against the values already in `dataset`.
    /// `spreadsheet` says how places are shown (rows and column letters). Fails when
    /// `options.indicator` names no indicator of the dataset.
    pub fn new(
        file: &'a str,
        dataset: &'a Dataset,
        matcher: &'a RegionMatcher,
        options: &PreviewOptions,
        spreadsheet: bool,
    ) -> Result<PreviewBuilder<'a>, ImportError> {
        let mut indicator_names = HashMap::new();
        for (index, i) in dataset.indicators.iter().enumerate() {
            for name in [&i.names.kk, &i.names.ru, &i.names.en, &i.key] {
                indicator_names.insert(name.trim().to_lowercase(), index);
            }
        }
        let known_indicators =
            dataset.indicators.iter().map(|i| i.key.as_str()).collect::<Vec<_>>().join(", ");
        let chosen_indicator = match &options.indicator {
            None => None,
            Some(name) => match indicator_names.get(&name.trim().to_lowercase()) {
                Some(&index) => Some(index),
                None => {
                    return Err(ImportError::UnknownIndicatorOption {
                        name: name.clone(),
                        known: known_indicators,
                    });
                }
            },
        };
        let previous = dataset
            .values
            .iter()
            .map(|v| ((v.region_code.as_str(), v.indicator.as_str(), v.year), v.value))
            .collect();
        Ok(PreviewBuilder {
            file,
            matcher,
            dataset,
            spreadsheet,
            chosen_indicator,
            indicator_names,
            known_indicators,
            previous,
            seen: HashMap::new(),
            names: HashMap::new(),
            state: State::Searching {
                rows_seen: 0,
                first_row: None,
                long_like: None,
                titles: Vec::new(),
            },
            preview: Preview {
                layout: Layout::Long,
                header_line: 0,
                rows: Vec::new(),
                problems: Vec::new(),
                missing: Vec::new(),
                text_lines: Vec::new(),
            },
        })
    }

    fn place(&self, line: u64, index: usize) -> Place {
        let column = u32::try_from(index).map_or(u32::MAX, |i| i.saturating_add(1));
        Place { line, column, spreadsheet: self.spreadsheet }
    }

    /// Takes the next row of the input. Blank rows are skipped; below the header, a row with text
    /// in its first cell only is a note or footnote (unless it names a region of a wide table).
    /// Fails when no header is found among the first [`HEADER_SEARCH_ROWS`] non-empty rows, or
    /// the indicator of a one-indicator table cannot be told.
    pub fn row(&mut self, line: u64, cells: &[Cell]) -> Result<(), ImportError> {
        let filled = cells.iter().filter(|c| !c.is_blank()).count();
        if filled == 0 {
            return Ok(());
        }
        if matches!(self.state, State::Searching { .. }) {
            return self.search_header(line, cells);
        }
        let first = cells.first().copied().unwrap_or(Cell::Empty);
        let only_first_text = filled == 1 && matches!(first, Cell::Text(_));
        match &self.state {
            State::Long { columns, fixed } => {
                let (columns, fixed) = (*columns, *fixed);
                if only_first_text {
                    self.preview.text_lines.push(line);
                } else {
                    self.long_row(line, cells, columns, fixed);
                }
            }
            State::Wide { header, .. } => {
                // A region with every value missing is a data row, any other lone text a note.
                let year = header.years.first().map_or(*YEARS.start(), |&(_, y)| y);
                let is_region =
                    header.region_column == 0 && self.region_code(&first, year).is_some();
                if only_first_text && !is_region {
                    self.preview.text_lines.push(line);
                } else {
                    self.wide_row(line, cells);
                }
            }
            State::Searching { .. } => {}
        }
        Ok(())
    }

    /// A row above the header (or the header itself).
    fn search_header(&mut self, line: u64, cells: &[Cell]) -> Result<(), ImportError> {
        let State::Searching { rows_seen, first_row, long_like, titles } = &mut self.state else {
            return Ok(());
        };
        *rows_seen += 1;
        first_row.get_or_insert(line);
        match long_columns(cells) {
            Ok(columns) if columns.indicator.is_some() => {
                self.preview.header_line = line;
                self.state = State::Long { columns, fixed: None };
                return Ok(());
            }
            Ok(columns) => {
                titles.extend(header_texts(cells));
                let titles = std::mem::take(titles);
                let (indicator, from_title) = self.table_indicator(&titles, line, false)?;
                let key = self.indicator_key(indicator);
                self.preview.header_line = line;
                self.preview.layout = Layout::LongOneIndicator { indicator: key, from_title };
                self.state = State::Long { columns, fixed: Some(indicator) };
                return Ok(());
            }
            Err((found, missing)) if found >= 2 && long_like.is_none() => {
                *long_like = Some((line, missing));
            }
            Err(_) => {}
        }
        if let Some(header) = wide_header(cells) {
            titles.extend(header_texts(cells));
            let titles = std::mem::take(titles);
            let (indicator, from_title) = self.table_indicator(&titles, line, true)?;
            let key = self.indicator_key(indicator);
            self.preview.header_line = line;
            self.preview.layout = Layout::Wide {
                indicator: key,
                from_title,
                years: header.years.iter().map(|&(_, y)| y).collect(),
            };
            self.state = State::Wide { header, indicator };
            return Ok(());
        }
        titles.extend(cells.iter().filter(|c| !c.is_blank()).map(|c| c.text().into_owned()));
        if *rows_seen >= HEADER_SEARCH_ROWS {
            return Err(self.no_header());
        }
        Ok(())
    }

    /// The indicator of a table of one indicator: the one the caller named, else the one a title
    /// line names (and `true`), else an error (for a wide table or a long one without an
    /// indicator column).
    fn table_indicator(
        &self,
        titles: &[String],
        line: u64,
        wide: bool,
    ) -> Result<(usize, bool), ImportError> {
        if let Some(index) = self.chosen_indicator {
            return Ok((index, false));
        }
        if let Some(index) = self.indicator_in_titles(titles) {
            return Ok((index, true));
        }
        let (file, known) = (self.file.to_owned(), self.known_indicators.clone());
        Err(if wide {
            ImportError::NoIndicator { file, line, known }
        } else {
            ImportError::NoIndicatorColumn { file, line, known }
        })
    }

    fn indicator_key(&self, index: usize) -> String {
        self.dataset.indicators.get(index).map(|i| i.key.clone()).unwrap_or_default()
    }

    /// The error for a table whose header was not found.
    fn no_header(&self) -> ImportError {
        let file = self.file.to_owned();
        match &self.state {
            State::Searching { long_like: Some((line, column)), .. } => {
                ImportError::MissingColumn { file, line: *line, column }
            }
            State::Searching { first_row, .. } => {
                ImportError::NoHeader { file, line: first_row.unwrap_or(1) }
            }
            _ => ImportError::NoHeader { file, line: self.preview.header_line },
        }
    }

    /// The indicator whose kk, ru or en name the title lines contain (the longest such name, so
    /// "ВРП на душу населения" wins over a shorter name it contains).
    fn indicator_in_titles(&self, titles: &[String]) -> Option<usize> {
        let titles: Vec<String> = titles.iter().map(|t| t.to_lowercase()).collect();
        let mut best: Option<(usize, usize)> = None;
        for (index, i) in self.dataset.indicators.iter().enumerate() {
            for name in [&i.names.kk, &i.names.ru, &i.names.en] {
                let name = name.trim().to_lowercase();
                if name.is_empty() || !titles.iter().any(|t| t.contains(&name)) {
                    continue;
                }
                let length = name.chars().count();
                if best.is_none_or(|(_, l)| length > l) {
                    best = Some((index, length));
                }
            }
        }
        best.map(|(index, _)| index)
    }

    /// A data row of a long table.
    fn long_row(&mut self, line: u64, cells: &[Cell], columns: LongColumns, fixed: Option<usize>) {
        let indicator_column = columns.indicator.unwrap_or(columns.region);
        let all = [columns.region, columns.year, indicator_column, columns.value];
        let [Some(name), Some(year_cell), Some(indicator_cell), Some(value_cell)] =
            all.map(|c| cells.get(c))
        else {
            let expected = all.iter().max().map_or(0, |m| m + 1);
            let at = self.place(line, cells.len());
            self.preview.problems.push(RowProblem::MissingCells {
                at,
                found: cells.len(),
                expected,
            });
            return;
        };
        let [region_at, year_at, indicator_at, value_at] = all.map(|c| self.place(line, c));
        let Some(year) = cell_year(year_cell) else {
            let text = year_cell.text().into_owned();
            self.preview.problems.push(RowProblem::BadYear { at: year_at, text });
            return;
        };
        let Some((code, outside)) = self.region_code(name, year) else {
            let name = name.text().into_owned();
            self.preview.problems.push(RowProblem::UnknownRegion { at: region_at, name });
            return;
        };
        let indicator_text = indicator_cell.text();
        // Keys are lower case already; lower-casing only what does not match saves an allocation
        // per line.
        let Some(indicator) = fixed.or_else(|| {
            self.indicator_names
                .get(indicator_text.as_ref())
                .or_else(|| self.indicator_names.get(&indicator_text.to_lowercase()))
                .copied()
        }) else {
            self.preview.problems.push(RowProblem::UnknownIndicator {
                at: indicator_at,
                name: indicator_cell.text().into_owned(),
                known: self.known_indicators.clone(),
            });
            return;
        };
        self.value(value_at, value_cell, code, outside, year, indicator);
    }

    /// A data row of a wide table: one value per year column.
    fn wide_row(&mut self, line: u64, cells: &[Cell]) {
        let State::Wide { header, indicator } = &self.state else {
            return;
        };
        let (region_column, indicator) = (header.region_column, *indicator);
        let years = header.years.clone();
        let name = cells.get(region_column).copied().unwrap_or(Cell::Empty);
        let Some(&(_, first_year)) = years.first() else {
            return;
        };
        if self.region_code(&name, first_year).is_none() {
            let at = self.place(line, region_column);
            let name = name.text().into_owned();
            self.preview.problems.push(RowProblem::UnknownRegion { at, name });
            return;
        }
        for (column, year) in years {
            // The unit may differ between years (ВКО before and after 2022).
            let Some((code, outside)) = self.region_code(&name, year) else {
                continue;
            };
            let cell = cells.get(column).copied().unwrap_or(Cell::Empty);
            let at = self.place(line, column);
            self.value(at, &cell, code, outside, year, indicator);
        }
    }

    /// Sorts one value cell into a row, a missing value or a problem.
    fn value(
        &mut self,
        at: Place,
        cell: &Cell,
        code: &'a str,
        outside_unit_years: bool,
        year: i32,
        indicator: usize,
    ) {
        let dataset = self.dataset;
        let Some(definition) = dataset.indicators.get(indicator) else {
            return;
        };
        let value = match cell.value() {
            Ok(Some(value)) => value,
            Ok(None) => {
                self.preview.missing.push(at);
                return;
            }
            Err(source) => {
                self.preview.problems.push(RowProblem::BadValue { at, source });
                return;
            }
        };
        let key = definition.key.as_str();
        // Additive indicators are counts and sums (population, GRP, investment): never negative.
        if definition.aggregation == Aggregation::Additive && value < 0.0 {
            let indicator = key.to_owned();
            self.preview.problems.push(RowProblem::NegativeValue { at, indicator, value });
            return;
        }
        if let Some(earlier) =
            self.seen.get(&(code, indicator, year)).and_then(|&i| self.preview.rows.get(i))
        {
            if earlier.value != value {
                self.preview.problems.push(RowProblem::ConflictingDuplicate {
                    at,
                    earlier: earlier.at,
                    code: code.to_owned(),
                    indicator: key.to_owned(),
                    year,
                    value,
                    earlier_value: earlier.value,
                });
            }
            // An identical repeat adds nothing.
            return;
        }
        let previous = self.previous.get(&(code, key, year)).copied();
        self.seen.insert((code, indicator, year), self.preview.rows.len());
        self.preview.rows.push(PreviewRow {
            at,
            region_code: code.to_owned(),
            year,
            indicator: key.to_owned(),
            value,
            outside_unit_years,
            previous,
        });
    }

    /// A region cell as a code: a code written as such (`KZ-AKM`, `KZ`) or a name the matcher
    /// knows. The flag is true when the unit did not exist in `year`.
    fn region_code(&mut self, cell: &Cell, year: i32) -> Option<RegionCode<'a>> {
        let text = cell.text();
        let text = text.trim();
        if let Some(found) = self.names.get(text).and_then(|years| years.get(&year)) {
            return *found;
        }
        let found = self.match_region(text, year);
        self.names.entry(text.into()).or_default().insert(year, found);
        found
    }

    /// [`region_code`](Self::region_code) without the cache.
    fn match_region(&self, text: &str, year: i32) -> Option<RegionCode<'a>> {
        let (dataset, matcher) = (self.dataset, self.matcher);
        if text.eq_ignore_ascii_case(NATIONAL_CODE) {
            return Some((NATIONAL_CODE, false));
        }
        if text.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("kz"))
            && let Some(region) = dataset.regions.iter().find(|r| r.code.eq_ignore_ascii_case(text))
        {
            let valid = region.valid_from.is_none_or(|from| from <= year)
                && region.valid_to.is_none_or(|to| year < to);
            return Some((region.code.as_str(), !valid));
        }
        matcher.find(text, year).map(|m| (m.code, !m.valid_in_year))
    }

    /// The preview, once every row has been fed. Fails when no header was found.
    pub fn finish(self) -> Result<Preview, ImportError> {
        match self.state {
            State::Searching { first_row: None, .. } => {
                Err(ImportError::Empty { file: self.file.to_owned() })
            }
            State::Searching { .. } => Err(self.no_header()),
            State::Long { .. } | State::Wide { .. } => Ok(self.preview),
        }
    }
}

/// A year cell of a long table: a whole number in [`YEARS`], as text or as a number.
fn cell_year(cell: &Cell) -> Option<i32> {
    let year = match cell {
        Cell::Number(v) if v.fract() == 0.0 && v.abs() < 1e6 => *v as i32,
        Cell::Number(_) | Cell::Empty => return None,
        Cell::Text(text) => text.trim().parse::<i32>().ok()?,
    };
    YEARS.contains(&year).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(cells: &[&'static str]) -> Vec<Cell<'static>> {
        cells.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c) }).collect()
    }

    fn years_of(cells: &[&'static str]) -> Option<(usize, Vec<i32>)> {
        wide_header(&texts(cells)).map(|h| (h.region_column, h.years.iter().map(|y| y.1).collect()))
    }

    #[test]
    fn header_years_are_read_with_the_usual_suffixes_and_footnote_marks() {
        let year = |text: &'static str| header_year(&Cell::Text(text));
        assert_eq!(year("2020"), Some(2020));
        assert_eq!(year(" 2021 г. "), Some(2021));
        assert_eq!(year("2022 год"), Some(2022));
        assert_eq!(year("2023 жыл"), Some(2023));
        assert_eq!(year("2019*"), Some(2019));
        assert_eq!(header_year(&Cell::Number(2020.0)), Some(2020));
        for not_a_year in ["1989", "2101", "20200", "2022/2021", "2020,5", "в 2020", "г. 2020"] {
            assert_eq!(year(not_a_year), None, "{not_a_year}");
        }
        assert_eq!(header_year(&Cell::Number(2020.5)), None);
        assert_eq!(header_year(&Cell::Empty), None);
    }

    #[test]
    fn wide_headers_with_a_corner_a_label_or_a_number_column() {
        assert_eq!(years_of(&["", "2021", "2022"]), Some((0, vec![2021, 2022])));
        assert_eq!(
            years_of(&["Регион", "2023", "2022", "", "2021"]),
            Some((0, vec![2023, 2022, 2021]))
        );
        assert_eq!(years_of(&["№", "Регион", "2020", "2021"]), Some((1, vec![2020, 2021])));
        assert_eq!(
            years_of(&["Регион", "2020", "2021", "2021/2020, %"]),
            Some((0, vec![2020, 2021]))
        );
        assert_eq!(years_of(&["Области", "2023"]), Some((0, vec![2023])));
        assert_eq!(years_of(&["", "2023"]), Some((0, vec![2023])));
    }

    #[test]
    fn rows_that_only_look_like_wide_headers_are_not() {
        // A title with one year, a year first, a data row with a year-like value, repeated years,
        // years broken by text, a number as the label.
        assert_eq!(years_of(&["Таблица 1", "2023"]), None);
        assert_eq!(years_of(&["2020", "2021"]), None);
        assert_eq!(years_of(&["Акмолинская", "2020", "grp", "2000"]), None);
        assert_eq!(years_of(&["Регион", "2020", "2020"]), None);
        assert_eq!(years_of(&["Регион", "2020", "прирост", "2021"]), None);
        assert_eq!(years_of(&["12", "2020", "2021"]), None);
        assert_eq!(years_of(&["Регион", "Год", "Показатель", "Значение"]), None);
        assert_eq!(wide_header(&[]), None);
    }

    fn label() -> impl Strategy<Value = String> {
        "[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі ]{0,20}"
    }

    fn distinct_years() -> impl Strategy<Value = Vec<i32>> {
        proptest::sample::subsequence((1990..=2100).collect::<Vec<i32>>(), 1..12).prop_shuffle()
    }

    proptest! {
        #[test]
        fn a_label_then_distinct_years_is_a_wide_header_in_column_order(
            label in label(),
            years in distinct_years(),
            blank_before in 0_usize..3,
            as_numbers in any::<bool>(),
            note in proptest::option::of("[а-я%/, ]{1,10}[а-я%]"),
        ) {
            let texts: Vec<String> = years.iter().map(i32::to_string).collect();
            let mut cells = vec![Cell::Text(label.as_str())];
            cells.extend(std::iter::repeat_n(Cell::Empty, blank_before));
            for (year, text) in years.iter().zip(&texts) {
                cells.push(if as_numbers { Cell::Number(f64::from(*year)) } else { Cell::Text(text) });
            }
            if let Some(note) = &note {
                cells.push(Cell::Text(note));
            }
            let single_titled = years.len() == 1
                && !label.trim().is_empty()
                && !WIDE_REGION_HEADERS.contains(&label.trim().to_lowercase().as_str());
            let header = wide_header(&cells);
            if single_titled {
                prop_assert_eq!(header, None);
            } else {
                let header = header.expect("a header");
                prop_assert_eq!(header.region_column, 0);
                let found: Vec<i32> = header.years.iter().map(|y| y.1).collect();
                prop_assert_eq!(found, years.clone());
                let columns: Vec<usize> = header.years.iter().map(|y| y.0).collect();
                let expected: Vec<usize> = (1 + blank_before..1 + blank_before + years.len()).collect();
                prop_assert_eq!(columns, expected);
            }
        }

        #[test]
        fn a_row_starting_with_a_year_is_never_a_wide_header(
            years in distinct_years(),
            rest in proptest::collection::vec("[А-Яа-я0-9 ,]{0,8}", 0..5),
        ) {
            let texts: Vec<String> = years.iter().map(i32::to_string).collect();
            let mut cells: Vec<Cell> = texts.iter().map(|t| Cell::Text(t)).collect();
            cells.extend(rest.iter().map(|t| Cell::Text(t)));
            prop_assert_eq!(wide_header(&cells), None);
        }

        #[test]
        fn years_separated_by_text_are_never_a_wide_header(
            label in label(),
            first in distinct_years(),
            text in "[а-я]{1,8}",
            second in 1990_i32..=2100,
        ) {
            let texts: Vec<String> = first.iter().map(i32::to_string).collect();
            let second_text = second.to_string();
            let mut cells = vec![Cell::Text(label.as_str())];
            cells.extend(texts.iter().map(|t| Cell::Text(t)));
            cells.push(Cell::Text(text.as_str()));
            cells.push(Cell::Text(second_text.as_str()));
            prop_assert_eq!(wide_header(&cells), None);
        }

        #[test]
        fn arbitrary_cells_never_panic_the_detector(
            cells in proptest::collection::vec(
                prop_oneof![
                    Just(None),
                    any::<f64>().prop_map(Some),
                ],
                0..12,
            ),
            words in proptest::collection::vec("\\PC{0,6}", 0..12),
        ) {
            let mut row: Vec<Cell> = cells.iter().map(|c| c.map_or(Cell::Empty, Cell::Number)).collect();
            row.extend(words.iter().map(|w| Cell::Text(w)));
            if let Some(header) = wide_header(&row) {
                prop_assert!(header.years.iter().all(|(_, y)| YEARS.contains(y)));
                prop_assert!(header.region_column < header.years.first().map_or(0, |y| y.0));
            }
        }
    }

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(16_384), "XFD");
        let place = Place { line: 3, column: 28, spreadsheet: true };
        assert_eq!(place.to_string(), "row 3, column AB");
    }
}
