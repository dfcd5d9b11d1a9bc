//! Preview of a long-layout statistics CSV (region, year, indicator, value): decodes UTF-8 (with or
//! without BOM) or Windows-1251, detects the delimiter, and sorts every data line into a matched
//! row or a problem with its line number. Nothing is written: the caller shows the preview and
//! imports the matched rows or nothing.

use std::collections::HashMap;

use crate::model::{Aggregation, Dataset, IndicatorDef, NATIONAL_CODE};

use super::number::{NumberError, parse_number};
use super::region_names::RegionMatcher;

/// Earliest and latest year a statistics row may carry.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Why a file cannot be previewed at all.
#[derive(Debug, thiserror::Error)]
pub enum CsvImportError {
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: this is not a text file (byte {offset} is a NUL byte); save it as CSV")]
    Binary { file: String, offset: usize },
    #[error(
        "{file}: no «{column}» column in the header line {line} (expected region, year, indicator, value)"
    )]
    MissingColumn { file: String, line: u64, column: &'static str },
    #[error("{file}: line {line}, column {column}: this quote is never closed")]
    UnclosedQuote { file: String, line: u64, column: u64 },
    #[error(
        "{file}: line {line} is {length} bytes long (at most {MAX_LINE_BYTES}); is this a CSV file?"
    )]
    LineTooLong { file: String, line: u64, length: usize },
    #[error("{file}: line {line}: {message}")]
    Malformed { file: String, line: u64, message: String },
}

/// A data line that cannot be imported, with its line number in the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RowProblem {
    #[error("line {line}: «{name}» is not a region of Kazakhstan")]
    UnknownRegion { line: u64, name: String },
    #[error("line {line}: «{text}» is not a year between 1990 and 2100")]
    BadYear { line: u64, text: String },
    #[error("line {line}: «{name}» is not an indicator of this file (known: {known})")]
    UnknownIndicator { line: u64, name: String, known: String },
    #[error("line {line}: {source}")]
    BadValue { line: u64, source: NumberError },
    #[error("line {line}: {indicator} cannot be negative ({value})")]
    NegativeValue { line: u64, indicator: String, value: f64 },
    #[error("line {line}: a cell is missing (the line has {found} of {expected} columns)")]
    MissingCells { line: u64, found: usize, expected: usize },
    #[error(
        "line {line}: {code} {indicator} {year} is {value} here but {earlier_value} on line {earlier_line}"
    )]
    ConflictingDuplicate {
        line: u64,
        earlier_line: u64,
        code: String,
        indicator: String,
        year: i32,
        value: f64,
        earlier_value: f64,
    },
}

/// A data line ready to import.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub line: u64,
    pub region_code: String,
    pub year: i32,
    pub indicator: String,
    pub value: f64,
    /// True when the region's unit did not exist in `year` (a back-cast series such as Shymkent
    /// before 2018): imported on the nearest unit, shown to the planner.
    pub outside_unit_years: bool,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct LongPreview {
    /// The delimiter found (`,`, `;` or tab).
    pub delimiter: u8,
    /// True when the file was decoded from Windows-1251.
    pub windows_1251: bool,
    pub rows: Vec<PreviewRow>,
    pub problems: Vec<RowProblem>,
    /// Lines whose value is marked missing ("-", "x", "…", empty): skipped, not a problem.
    pub missing_lines: Vec<u64>,
    /// Lines with text in their first cell only (titles, footnotes, notes): skipped.
    pub text_lines: Vec<u64>,
}

/// Text of a CSV file: UTF-16 with a BOM (Excel's "Unicode text"), UTF-8 (a BOM is dropped) or,
/// when it is not valid UTF-8, Windows-1251 (the encoding Excel uses for "CSV" in Russian and
/// Kazakh locales). Returns the text and whether it
/// was Windows-1251.
pub fn decode(file: &str, bytes: &[u8]) -> Result<(String, bool), CsvImportError> {
    // Excel's "Unicode text" is UTF-16 with a BOM.
    for (bom, encoding) in
        [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE)]
    {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, _) = encoding.decode_without_bom_handling(rest);
            if text.trim().is_empty() {
                return Err(CsvImportError::Empty { file: file.to_owned() });
            }
            return Ok((text.into_owned(), false));
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(CsvImportError::Empty { file: file.to_owned() });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(CsvImportError::Binary { file: file.to_owned(), offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), false)),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), true))
        }
    }
}

/// The delimiter of a header line: tab, semicolon or comma, whichever occurs most (tab and
/// semicolon win ties, since commas also appear inside Russian decimals).
pub fn detect_delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    let (tabs, semicolons, commas) = (count('\t'), count(';'), count(','));
    if tabs > 0 && tabs >= semicolons && tabs >= commas {
        b'\t'
    } else if semicolons > 0 && semicolons >= commas {
        b';'
    } else {
        b','
    }
}

/// Longest line accepted: a statistics row is a few hundred bytes; a longer one means a binary or
/// corrupted file, or a runaway quote.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Checks what the csv crate forgives: a quoted field never closed (it would swallow the rest of
/// the file) and absurdly long lines. Quotes count only at the start of a field, as in Excel.
fn check_structure(file: &str, text: &str, delimiter: u8) -> Result<(), CsvImportError> {
    let delimiter = char::from(delimiter);
    let (mut line, mut column) = (1_u64, 0_u64);
    let mut line_start = 0_usize;
    let mut field_start = true;
    let mut open_quote: Option<(u64, u64)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        column += 1;
        if open_quote.is_some() {
            if c == '"' {
                if chars.peek().is_some_and(|&(_, next)| next == '"') {
                    chars.next();
                    column += 1;
                } else {
                    open_quote = None;
                }
            }
        } else if c == '"' && field_start {
            open_quote = Some((line, column));
            field_start = false;
        } else {
            field_start = c == delimiter || c == '\n';
        }
        if c == '\n' {
            if at - line_start > MAX_LINE_BYTES {
                return Err(CsvImportError::LineTooLong {
                    file: file.to_owned(),
                    line,
                    length: at - line_start,
                });
            }
            line += 1;
            column = 0;
            line_start = at + 1;
            if open_quote.is_none() {
                field_start = true;
            }
        }
    }
    if text.len() - line_start > MAX_LINE_BYTES {
        let length = text.len() - line_start;
        return Err(CsvImportError::LineTooLong { file: file.to_owned(), line, length });
    }
    match open_quote {
        Some((line, column)) => {
            Err(CsvImportError::UnclosedQuote { file: file.to_owned(), line, column })
        }
        None => Ok(()),
    }
}

/// How many lines of titles above the header are looked through.
const HEADER_SEARCH_LINES: usize = 30;

/// The header's line number (1-based) and delimiter: the first line among the first
/// [`HEADER_SEARCH_LINES`] naming all four columns, or else the first non-empty line (whose
/// missing column is then reported).
fn find_header(text: &str) -> (u64, u8) {
    let mut first_non_empty = None;
    for (index, line) in text.lines().enumerate().take(HEADER_SEARCH_LINES) {
        if line.trim().is_empty() {
            continue;
        }
        let delimiter = detect_delimiter(line);
        let number = index as u64 + 1;
        first_non_empty.get_or_insert((number, delimiter));
        let cells: Vec<String> = line
            .split(char::from(delimiter))
            .map(|c| c.trim().trim_matches('"').trim().to_lowercase())
            .collect();
        let has = |names: &[&str]| cells.iter().any(|c| names.contains(&c.as_str()));
        if has(&REGION_HEADERS)
            && has(&YEAR_HEADERS)
            && has(&INDICATOR_HEADERS)
            && has(&VALUE_HEADERS)
        {
            return (number, delimiter);
        }
    }
    first_non_empty.unwrap_or((1, b','))
}

/// Header words recognised for each column (compared lower-cased and trimmed).
const REGION_HEADERS: [&str; 7] =
    ["region", "регион", "область", "облыс", "аймақ", "region_code", "регион/область"];
const YEAR_HEADERS: [&str; 3] = ["year", "год", "жыл"];
const INDICATOR_HEADERS: [&str; 4] = ["indicator", "показатель", "көрсеткіш", "indicator_key"];
const VALUE_HEADERS: [&str; 3] = ["value", "значение", "мән"];

/// Reads a long-layout CSV and sorts its lines. `file` names the file in messages.
pub fn preview_long_csv(
    file: &str,
    bytes: &[u8],
    dataset: &Dataset,
    matcher: &RegionMatcher,
) -> Result<LongPreview, CsvImportError> {
    let (text, windows_1251) = decode(file, bytes)?;
    let (header_line, delimiter) = find_header(&text);
    check_structure(file, &text, delimiter)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    let malformed = |line: u64, error: csv::Error| CsvImportError::Malformed {
        file: file.to_owned(),
        line,
        message: error.to_string(),
    };
    // The csv crate's line count and record offsets include the blank lines and line ends before
    // a record, so a record's line is found from its offset after skipping those.
    let line_starts: Vec<usize> =
        std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
    let line_at = |byte: u64| {
        let byte = usize::try_from(byte).unwrap_or(usize::MAX);
        let skipped = text
            .as_bytes()
            .get(byte..)
            .map_or(0, |rest| rest.iter().take_while(|&&b| b == b'\r' || b == b'\n').count());
        line_starts.partition_point(|&start| start <= byte + skipped) as u64
    };
    let line_of = |r: &csv::StringRecord| r.position().map_or(0, |p| line_at(p.byte()));
    let header = loop {
        match records.next() {
            Some(Ok(record))
                if line_of(&record) < header_line || record.iter().all(|c| c.trim().is_empty()) =>
            {
                continue;
            }
            Some(Ok(record)) => break record,
            Some(Err(e)) => {
                return Err(malformed(e.position().map_or(0, |p| line_at(p.byte())), e));
            }
            None => return Err(CsvImportError::Empty { file: file.to_owned() }),
        }
    };
    let header_at = line_of(&header);
    let column = |names: &[&str], column: &'static str| {
        header
            .iter()
            .position(|h| names.contains(&h.trim().to_lowercase().as_str()))
            .ok_or(CsvImportError::MissingColumn { file: file.to_owned(), line: header_at, column })
    };
    let columns = [
        column(&REGION_HEADERS, "region")?,
        column(&YEAR_HEADERS, "year")?,
        column(&INDICATOR_HEADERS, "indicator")?,
        column(&VALUE_HEADERS, "value")?,
    ];
    let expected = columns.iter().max().map_or(0, |m| m + 1);
    let indicator_keys = indicator_keys(dataset);
    let known_indicators =
        dataset.indicators.iter().map(|i| i.key.as_str()).collect::<Vec<_>>().join(", ");

    let mut preview = LongPreview {
        delimiter,
        windows_1251,
        rows: Vec::new(),
        problems: Vec::new(),
        missing_lines: Vec::new(),
        text_lines: Vec::new(),
    };
    // (code, indicator, year) → index into `preview.rows`, to find duplicates.
    let mut seen: HashMap<(String, String, i32), usize> = HashMap::new();
    for record in records {
        let record =
            record.map_err(|e| malformed(e.position().map_or(0, |p| line_at(p.byte())), e))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = line_of(&record);
        if record.iter().filter(|c| !c.trim().is_empty()).count() == 1
            && record.get(0).is_some_and(|c| !c.trim().is_empty())
        {
            preview.text_lines.push(line);
            continue;
        }
        let [Some(name), Some(year_text), Some(indicator_text), Some(value_text)] =
            columns.map(|c| record.get(c))
        else {
            preview.problems.push(RowProblem::MissingCells { line, found: record.len(), expected });
            continue;
        };
        let Some(year) = year_text.trim().parse::<i32>().ok().filter(|y| YEARS.contains(y)) else {
            preview.problems.push(RowProblem::BadYear { line, text: year_text.trim().to_owned() });
            continue;
        };
        let (code, outside_unit_years) = match region_code(name, year, dataset, matcher) {
            Some(found) => found,
            None => {
                preview
                    .problems
                    .push(RowProblem::UnknownRegion { line, name: name.trim().to_owned() });
                continue;
            }
        };
        let indicator_cell = indicator_text.trim().to_lowercase();
        let Some(&definition) = indicator_keys.get(&indicator_cell) else {
            preview.problems.push(RowProblem::UnknownIndicator {
                line,
                name: indicator_text.trim().to_owned(),
                known: known_indicators.clone(),
            });
            continue;
        };
        let value = match parse_number(value_text) {
            Ok(Some(value)) => value,
            Ok(None) => {
                preview.missing_lines.push(line);
                continue;
            }
            Err(source) => {
                preview.problems.push(RowProblem::BadValue { line, source });
                continue;
            }
        };
        let indicator = definition.key.clone();
        // Additive indicators are counts and sums (population, GRP, investment): never negative.
        if definition.aggregation == Aggregation::Additive && value < 0.0 {
            preview.problems.push(RowProblem::NegativeValue { line, indicator, value });
            continue;
        }
        let key = (code.clone(), indicator.clone(), year);
        if let Some(earlier) = seen.get(&key).and_then(|&i| preview.rows.get(i)) {
            if earlier.value != value {
                preview.problems.push(RowProblem::ConflictingDuplicate {
                    line,
                    earlier_line: earlier.line,
                    code,
                    indicator,
                    year,
                    value,
                    earlier_value: earlier.value,
                });
            }
            // An identical repeat adds nothing.
            continue;
        }
        seen.insert(key, preview.rows.len());
        preview.rows.push(PreviewRow {
            line,
            region_code: code,
            year,
            indicator,
            value,
            outside_unit_years,
        });
    }
    Ok(preview)
}

/// A region cell as a code: a code written as such (`KZ-AKM`, `KZ`) or a name the matcher knows.
fn region_code(
    cell: &str,
    year: i32,
    dataset: &Dataset,
    matcher: &RegionMatcher,
) -> Option<(String, bool)> {
    let cell = cell.trim();
    if cell.eq_ignore_ascii_case(NATIONAL_CODE) {
        return Some((NATIONAL_CODE.to_owned(), false));
    }
    if let Some(region) = dataset.regions.iter().find(|r| r.code.eq_ignore_ascii_case(cell)) {
        let valid = region.valid_from.is_none_or(|from| from <= year)
            && region.valid_to.is_none_or(|to| year < to);
        return Some((region.code.clone(), !valid));
    }
    matcher.find(cell, year).map(|m| (m.code.to_owned(), !m.valid_in_year))
}

/// Lower-cased indicator keys and kk/ru/en names → key, so a cell may name an indicator either way.
fn indicator_keys(dataset: &Dataset) -> HashMap<String, &IndicatorDef> {
    let mut keys = HashMap::new();
    for i in &dataset.indicators {
        for name in [&i.names.kk, &i.names.ru, &i.names.en, &i.key] {
            keys.insert(name.trim().to_lowercase(), i);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_dataset;
    use std::sync::OnceLock;

    fn context() -> &'static (Dataset, RegionMatcher) {
        static CONTEXT: OnceLock<(Dataset, RegionMatcher)> = OnceLock::new();
        CONTEXT.get_or_init(|| match default_dataset::build() {
            Ok(ds) => {
                let matcher = RegionMatcher::new(&ds);
                (ds, matcher)
            }
            Err(e) => panic!("default dataset: {e}"),
        })
    }

    fn preview(file: &str, bytes: &[u8]) -> Result<LongPreview, CsvImportError> {
        let (ds, matcher) = context();
        preview_long_csv(file, bytes, ds, matcher)
    }

    fn row(line: u64, code: &str, year: i32, indicator: &str, value: f64) -> PreviewRow {
        PreviewRow {
            line,
            region_code: code.to_owned(),
            year,
            indicator: indicator.to_owned(),
            value,
            outside_unit_years: false,
        }
    }

    #[test]
    fn utf8_comma_file_with_quoted_space_grouped_numbers() -> Result<(), CsvImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_utf8_comma.csv");
        let p = preview("long_utf8_comma.csv", bytes)?;
        assert_eq!(p.delimiter, b',');
        assert!(!p.windows_1251);
        assert_eq!(p.problems, vec![]);
        assert_eq!(
            p.rows,
            vec![
                row(2, "KZ-AKM", 2020, "population", 738_587.0),
                row(3, "KZ-AST", 2020, "population", 1_184_469.0),
                row(4, "KZ-VOS@2018", 2015, "grp", 2_024_873.4),
                row(5, "KZ", 2020, "population", 18_631_779.0),
            ]
        );
        Ok(())
    }

    #[test]
    fn utf8_bom_semicolon_file_with_russian_headers_and_missing_marker()
    -> Result<(), CsvImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_bom_semicolon.csv");
        let p = preview("long_bom_semicolon.csv", bytes)?;
        assert_eq!(p.delimiter, b';');
        assert_eq!(p.problems, vec![]);
        assert_eq!(p.missing_lines, vec![3]);
        assert_eq!(
            p.rows,
            vec![
                row(2, "KZ-AKM", 2021, "grp", 1234.5),
                row(4, "KZ-ALM@2018", 2020, "unemployment_rate", 4.8),
            ]
        );
        Ok(())
    }

    #[test]
    fn windows_1251_tab_file_is_decoded() -> Result<(), CsvImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_cp1251_tab.csv");
        let p = preview("long_cp1251_tab.csv", bytes)?;
        assert!(p.windows_1251);
        assert_eq!(p.delimiter, b'\t');
        assert_eq!(
            p.rows,
            vec![
                row(2, "KZ-VOS", 2023, "grp", 5000.1),
                row(3, "KZ-SEV", 2020, "population", 548_755.0),
            ]
        );
        Ok(())
    }

    #[test]
    fn every_problem_line_is_reported_with_its_number() -> Result<(), CsvImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_problems.csv");
        let p = preview("long_problems.csv", bytes)?;
        let messages: Vec<String> = p.problems.iter().map(|e| e.to_string()).collect();
        let known = "employed, grp, grp_per_capita, grp_per_capita_usd, investment_fixed_capital, \
                     labour_force, population, unemployment_rate";
        let known_now: Vec<&str> = context().0.indicators.iter().map(|i| i.key.as_str()).collect();
        let mut known_sorted = known_now.clone();
        known_sorted.sort_unstable();
        assert_eq!(known_sorted.join(", "), known);
        assert_eq!(
            messages,
            vec![
                "line 3: «Атлантида» is not a region of Kazakhstan".to_owned(),
                "line 4: «20x0» is not a year between 1990 and 2100".to_owned(),
                format!(
                    "line 5: «happiness» is not an indicator of this file (known: {})",
                    known_now.join(", ")
                ),
                "line 6: «NaN» is not a finite number (NaN or infinity)".to_owned(),
                "line 7: «12 34» has misplaced thousands separators (expected groups of three \
                 digits)"
                    .to_owned(),
                "line 8: KZ-AKM population 2020 is 738588 here but 738587 on line 2".to_owned(),
                "line 10: a cell is missing (the line has 2 of 4 columns)".to_owned(),
                "line 14: population cannot be negative (-5)".to_owned(),
            ]
        );
        assert_eq!(p.missing_lines, vec![13]);
        let shymkent = PreviewRow {
            outside_unit_years: true,
            ..row(11, "KZ-SHY", 2015, "unemployment_rate", 5.1)
        };
        assert_eq!(p.rows, vec![row(2, "KZ-AKM", 2020, "population", 738_587.0), shymkent]);
        Ok(())
    }

    #[test]
    fn title_lines_above_the_header_and_footnotes_below_are_skipped() -> Result<(), CsvImportError>
    {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_titles_footnotes.csv");
        let p = preview("long_titles_footnotes.csv", bytes)?;
        assert_eq!(p.delimiter, b';');
        assert_eq!(p.problems, vec![]);
        assert_eq!(p.text_lines, vec![8, 9]);
        assert_eq!(
            p.rows,
            vec![row(5, "KZ-PAV", 2022, "grp", 4321.0), row(6, "KZ-ABY", 2023, "grp", 1500.5)]
        );
        Ok(())
    }

    #[test]
    fn an_unclosed_quote_is_refused_naming_line_and_column() {
        let text = "region,year,indicator,value\nАкмолинская,2020,grp,\"1 234,5\nПавлодарская,2020,grp,7\n";
        let result = preview("q.csv", text.as_bytes());
        assert_eq!(
            result.map_err(|e| e.to_string()).err().as_deref(),
            Some("q.csv: line 2, column 22: this quote is never closed")
        );
        // Doubled quotes inside a quoted field and quotes inside a bare field are fine.
        let text = "region,year,indicator,value\n\"Акмолинская \"\"обл\"\"\",2020,grp,5\nг.\"Астана\",2020,grp,6\n";
        let p = preview("q.csv", text.as_bytes());
        assert!(p.is_ok(), "{p:?}");
    }

    #[test]
    fn a_huge_line_is_refused() {
        let text =
            format!("region,year,indicator,value\nАкмолинская,2020,grp,{}\n", "1".repeat(70_000));
        let result = preview("h.csv", text.as_bytes());
        assert_eq!(
            result.map_err(|e| e.to_string()).err().as_deref(),
            Some("h.csv: line 2 is 70032 bytes long (at most 65536); is this a CSV file?")
        );
    }

    #[test]
    fn excel_unicode_text_in_utf16_is_decoded() -> Result<(), CsvImportError> {
        let text =
            "Регион\tГод\tПоказатель\tЗначение\r\nҚостанай облысы\t2020\tpopulation\t868 549\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let p = preview("unicode.txt", &bytes)?;
        assert_eq!(p.delimiter, b'\t');
        assert_eq!(p.rows, vec![row(2, "KZ-KUS", 2020, "population", 868_549.0)]);
        Ok(())
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert!(matches!(preview("a.csv", b""), Err(CsvImportError::Empty { .. })));
        assert!(matches!(
            preview("a.csv", b"\xEF\xBB\xBF \r\n"),
            Err(CsvImportError::Empty { .. })
        ));
        let binary = preview("a.xlsx", b"PK\x03\x04\x00\x00");
        assert_eq!(
            binary.map_err(|e| e.to_string()).err().as_deref(),
            Some("a.xlsx: this is not a text file (byte 4 is a NUL byte); save it as CSV")
        );
    }

    #[test]
    fn a_header_without_a_value_column_is_refused_naming_it() {
        let result = preview("b.csv", "region;year;indicator\nАкмолинская;2020;grp\n".as_bytes());
        assert_eq!(
            result.map_err(|e| e.to_string()).err().as_deref(),
            Some(
                "b.csv: no «value» column in the header line 1 (expected region, year, indicator, \
                 value)"
            )
        );
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_give_a_preview_or_an_error_never_a_panic(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
        ) {
            let _ = preview("fuzz.csv", &bytes);
        }

        #[test]
        fn arbitrary_lines_under_a_valid_header_never_panic(body in "[^\\x00]{0,200}") {
            let text = format!("region;year;indicator;value\n{body}");
            let (ds, matcher) = context();
            if let Ok(p) = preview_long_csv("fuzz.csv", text.as_bytes(), ds, matcher) {
                proptest::prop_assert!(p.rows.iter().all(|r| r.value.is_finite()));
            }
        }
    }

    #[test]
    fn delimiter_is_the_most_frequent_of_tab_semicolon_comma() {
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("a;b;c,d"), b';');
        assert_eq!(detect_delimiter("a,b,c"), b',');
        assert_eq!(detect_delimiter("abc"), b',');
    }
}
