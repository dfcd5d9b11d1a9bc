//! Reading a statistics CSV file into rows of cells for the preview builder: decodes UTF-8 (with
//! or without BOM), UTF-16 with a BOM or Windows-1251, detects the delimiter from the header line,
//! refuses what the csv crate would forgive (an unclosed quote, runaway lines), and feeds every
//! record with its line number to [`PreviewBuilder`].

use super::ImportError;
use super::preview::{
    Cell, HEADER_SEARCH_ROWS, Preview, PreviewBuilder, PreviewOptions, is_header,
};
use super::region_names::RegionMatcher;
use crate::model::Dataset;

/// How a CSV file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvFormat {
    /// The delimiter found (`,`, `;` or tab).
    pub delimiter: u8,
    /// True when the file was decoded from Windows-1251.
    pub windows_1251: bool,
}

/// Where byte `offset` of `bytes` is: 1-based line and column (counted in bytes).
fn line_and_column(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let column = before.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
    (line, column)
}

/// Text of a CSV file: UTF-16 with a BOM (Excel's "Unicode text"), UTF-8 (a BOM is dropped) or,
/// when it is not valid UTF-8, Windows-1251 (the encoding Excel uses for "CSV" in Russian and
/// Kazakh locales). Returns the text and whether it was Windows-1251.
pub fn decode(file: &str, bytes: &[u8]) -> Result<(String, bool), ImportError> {
    // Excel's "Unicode text" is UTF-16 with a BOM.
    for (bom, encoding) in
        [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE)]
    {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, _) = encoding.decode_without_bom_handling(rest);
            if text.trim().is_empty() {
                return Err(ImportError::Empty { file: file.to_owned() });
            }
            return Ok((text.into_owned(), false));
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty { file: file.to_owned() });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = line_and_column(bytes, offset);
        return Err(ImportError::Binary { file: file.to_owned(), line, column });
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
fn check_structure(file: &str, text: &str, delimiter: u8) -> Result<(), ImportError> {
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
                return Err(ImportError::LineTooLong {
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
        return Err(ImportError::LineTooLong { file: file.to_owned(), line, length });
    }
    match open_quote {
        Some((line, column)) => {
            Err(ImportError::UnclosedQuote { file: file.to_owned(), line, column })
        }
        None => Ok(()),
    }
}

/// The header's delimiter: that of the first line among the first [`HEADER_SEARCH_ROWS`] that
/// reads as a long or wide header when split by its own most frequent delimiter, or else that of
/// the first non-empty line.
fn header_delimiter(text: &str) -> u8 {
    let mut first_non_empty = None;
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(HEADER_SEARCH_ROWS) {
        let delimiter = detect_delimiter(line);
        first_non_empty.get_or_insert(delimiter);
        let cells: Vec<Cell> = line.split(char::from(delimiter)).map(Cell::Text).collect();
        if is_header(&cells) {
            return delimiter;
        }
    }
    first_non_empty.unwrap_or(b',')
}

/// Reads a statistics CSV (long or wide layout) and sorts its cells. `file` names the file in
/// messages.
pub fn preview_csv(
    file: &str,
    bytes: &[u8],
    dataset: &Dataset,
    matcher: &RegionMatcher,
    options: &PreviewOptions,
) -> Result<(Preview, CsvFormat), ImportError> {
    let (text, windows_1251) = decode(file, bytes)?;
    let delimiter = header_delimiter(&text);
    check_structure(file, &text, delimiter)?;
    let mut builder = PreviewBuilder::new(file, dataset, matcher, options, false)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());

    // The csv crate's record offsets include the blank lines and line ends before a record, so a
    // record's line is found from its offset after skipping those.
    let line_starts: Vec<usize> =
        std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
    let line_at = |byte: u64| {
        let byte = usize::try_from(byte).unwrap_or(usize::MAX);
        let skipped = text
            .as_bytes()
            .get(byte..)
            .map_or(0, |rest| rest.iter().take_while(|&&b| b == b'\r' || b == b'\n').count());
        line_starts.partition_point(|&start| start <= byte.saturating_add(skipped)) as u64
    };
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                return Err(ImportError::Malformed {
                    file: file.to_owned(),
                    line: error.position().map_or(0, |p| line_at(p.byte())),
                    message: error.to_string(),
                });
            }
        }
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let cells: Vec<Cell> = record
            .iter()
            .map(|c| if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c) })
            .collect();
        builder.row(line, &cells)?;
    }
    let preview = builder.finish()?;
    Ok((preview, CsvFormat { delimiter, windows_1251 }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_dataset;
    use crate::io::import::preview::{Layout, Place, PreviewRow};
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

    fn preview(file: &str, bytes: &[u8]) -> Result<(Preview, CsvFormat), ImportError> {
        let (ds, matcher) = context();
        preview_csv(file, bytes, ds, matcher, &PreviewOptions::default())
    }

    /// A row as (line, column, code, year, indicator, value, outside its unit's years).
    type Short = (u64, u32, String, i32, String, f64, bool);

    fn short(rows: &[PreviewRow]) -> Vec<Short> {
        rows.iter()
            .map(|r| {
                let (code, indicator) = (r.region_code.clone(), r.indicator.clone());
                (r.at.line, r.at.column, code, r.year, indicator, r.value, r.outside_unit_years)
            })
            .collect()
    }

    fn row(line: u64, code: &str, year: i32, indicator: &str, value: f64) -> Short {
        (line, 4, code.to_owned(), year, indicator.to_owned(), value, false)
    }

    fn at(line: u64, column: u32) -> Place {
        Place { line, column, spreadsheet: false }
    }

    #[test]
    fn utf8_comma_file_with_quoted_space_grouped_numbers() -> Result<(), ImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_utf8_comma.csv");
        let (p, format) = preview("long_utf8_comma.csv", bytes)?;
        assert_eq!(format, CsvFormat { delimiter: b',', windows_1251: false });
        assert_eq!(p.layout, Layout::Long);
        assert_eq!(p.header_line, 1);
        assert_eq!(p.problems, vec![]);
        assert_eq!(
            short(&p.rows),
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
    fn a_value_already_in_the_dataset_is_reported_as_replaced_or_unchanged()
    -> Result<(), ImportError> {
        let (ds, matcher) = context();
        let existing = ds
            .values
            .iter()
            .find(|v| v.region_code == "KZ-PAV" && v.indicator == "population")
            .ok_or_else(|| ImportError::Empty { file: "no Pavlodar population".into() })?;
        let text = format!(
            "region;year;indicator;value\nПавлодарская область;{y};population;{v}\nKZ-PAV;{y};\
             population;{v}\nПавлодарская область;{y2};population;5\n",
            y = existing.year,
            v = existing.value + 10.0,
            y2 = 2099,
        );
        let (p, _) =
            preview_csv("r.csv", text.as_bytes(), ds, matcher, &PreviewOptions::default())?;
        let replaces: Vec<Option<f64>> = p.rows.iter().map(PreviewRow::replaces).collect();
        assert_eq!(replaces, vec![Some(existing.value), None]);
        assert_eq!(p.rows.first().map(|r| r.previous), Some(Some(existing.value)));
        assert_eq!(p.rows.get(1).map(|r| r.previous), Some(None));
        Ok(())
    }

    #[test]
    fn utf8_bom_semicolon_file_with_russian_headers_and_missing_marker() -> Result<(), ImportError>
    {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_bom_semicolon.csv");
        let (p, format) = preview("long_bom_semicolon.csv", bytes)?;
        assert_eq!(format.delimiter, b';');
        assert_eq!(p.problems, vec![]);
        assert_eq!(p.missing, vec![at(3, 4)]);
        assert_eq!(
            short(&p.rows),
            vec![
                row(2, "KZ-AKM", 2021, "grp", 1234.5),
                row(4, "KZ-ALM@2018", 2020, "unemployment_rate", 4.8),
            ]
        );
        Ok(())
    }

    #[test]
    fn windows_1251_tab_file_is_decoded() -> Result<(), ImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_cp1251_tab.csv");
        let (p, format) = preview("long_cp1251_tab.csv", bytes)?;
        assert_eq!(format, CsvFormat { delimiter: b'\t', windows_1251: true });
        assert_eq!(
            short(&p.rows),
            vec![
                row(2, "KZ-VOS", 2023, "grp", 5000.1),
                row(3, "KZ-SEV", 2020, "population", 548_755.0),
            ]
        );
        Ok(())
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_column() -> Result<(), ImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_problems.csv");
        let (p, _) = preview("long_problems.csv", bytes)?;
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
                "line 3, column 1: «Атлантида» is not a region of Kazakhstan".to_owned(),
                "line 4, column 2: «20x0» is not a year between 1990 and 2100".to_owned(),
                format!(
                    "line 5, column 3: «happiness» is not an indicator of this file (known: {})",
                    known_now.join(", ")
                ),
                "line 6, column 4: «NaN» is not a finite number (NaN or infinity)".to_owned(),
                "line 7, column 4: «12 34» has misplaced thousands separators (expected groups of \
                 three digits)"
                    .to_owned(),
                "line 8, column 4: KZ-AKM population 2020 is 738588 here but 738587 at line 2, \
                 column 4"
                    .to_owned(),
                "line 10, column 3: a cell is missing (the line has 2 of 4 columns)".to_owned(),
                "line 14, column 4: population cannot be negative (-5)".to_owned(),
            ]
        );
        assert_eq!(p.missing, vec![at(13, 4)]);
        let shymkent =
            (11, 4, "KZ-SHY".to_owned(), 2015, "unemployment_rate".to_owned(), 5.1, true);
        assert_eq!(short(&p.rows), vec![row(2, "KZ-AKM", 2020, "population", 738_587.0), shymkent]);
        Ok(())
    }

    #[test]
    fn title_lines_above_the_header_and_footnotes_below_are_skipped() -> Result<(), ImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_titles_footnotes.csv");
        let (p, format) = preview("long_titles_footnotes.csv", bytes)?;
        assert_eq!(format.delimiter, b';');
        assert_eq!(p.header_line, 4);
        assert_eq!(p.problems, vec![]);
        assert_eq!(p.text_lines, vec![8, 9]);
        assert_eq!(
            short(&p.rows),
            vec![row(5, "KZ-PAV", 2022, "grp", 4321.0), row(6, "KZ-ABY", 2023, "grp", 1500.5)]
        );
        Ok(())
    }

    #[test]
    fn a_long_table_without_an_indicator_column_takes_it_from_the_title_or_the_option()
    -> Result<(), ImportError> {
        let bytes = include_bytes!("../../../tests/fixtures/import/long_one_indicator_title.csv");
        let (p, _) = preview("long_one_indicator_title.csv", bytes)?;
        let layout = Layout::LongOneIndicator { indicator: "population".into(), from_title: true };
        assert_eq!(p.layout, layout);
        assert_eq!(p.header_line, 3);
        let rows = vec![
            (4, 3, "KZ-KUS".to_owned(), 2095, "population".to_owned(), 831_000.0, false),
            (5, 3, "KZ-SHY".to_owned(), 2095, "population".to_owned(), 1_200_000.0, false),
        ];
        assert_eq!(short(&p.rows), rows);

        let text = "Регион;Год;Значение\nКостанайская область;2095;4,5\n";
        let error = preview("n.csv", text.as_bytes()).map_err(|e| e.to_string()).err();
        assert_eq!(
            error.as_deref(),
            Some(
                "n.csv: line 1: no «indicator» column and no title line naming one; give \
                 --indicator (known: population, grp, grp_per_capita, grp_per_capita_usd, \
                 unemployment_rate, investment_fixed_capital, employed, labour_force)"
            )
        );
        let (ds, matcher) = context();
        let options =
            PreviewOptions { indicator: Some("Уровень безработицы".into()) };
        let (p, _) = preview_csv("n.csv", text.as_bytes(), ds, matcher, &options)?;
        let layout =
            Layout::LongOneIndicator { indicator: "unemployment_rate".into(), from_title: false };
        assert_eq!(p.layout, layout);
        assert_eq!(
            p.rows.first().map(|r| (r.region_code.as_str(), r.value)),
            Some(("KZ-KUS", 4.5))
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
            Some(
                "h.csv: line 2, column 1: the line is 70032 bytes long (at most 65536); is this a \
                 CSV file?"
            )
        );
    }

    #[test]
    fn excel_unicode_text_in_utf16_is_decoded() -> Result<(), ImportError> {
        let text =
            "Регион\tГод\tПоказатель\tЗначение\r\nҚостанай облысы\t2020\tpopulation\t868 549\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let (p, format) = preview("unicode.txt", &bytes)?;
        assert_eq!(format.delimiter, b'\t');
        assert_eq!(short(&p.rows), vec![row(2, "KZ-KUS", 2020, "population", 868_549.0)]);
        Ok(())
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert!(matches!(preview("a.csv", b""), Err(ImportError::Empty { .. })));
        assert!(matches!(preview("a.csv", b"\xEF\xBB\xBF \r\n"), Err(ImportError::Empty { .. })));
        let binary = preview("a.bin", b"region\nPK\x03\x04\x00\x00");
        assert_eq!(
            binary.map_err(|e| e.to_string()).err().as_deref(),
            Some(
                "a.bin: line 2, column 5: this is not a text file (a NUL byte); save it as CSV or \
                 XLSX"
            )
        );
    }

    #[test]
    fn a_header_without_a_value_column_is_refused_naming_it() {
        let result = preview("b.csv", "region;year;indicator\nАкмолинская;2020;grp\n".as_bytes());
        assert_eq!(
            result.map_err(|e| e.to_string()).err().as_deref(),
            Some(
                "b.csv: line 1: no «value» column in the header (expected region, year, \
                 indicator, value)"
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
            if let Ok((p, _)) = preview("fuzz.csv", text.as_bytes()) {
                proptest::prop_assert!(p.rows.iter().all(|r| r.value.is_finite()));
            }
        }

        #[test]
        fn arbitrary_lines_under_a_wide_header_never_panic(body in "[^\\x00]{0,200}") {
            let text = format!("Численность населения\nРегион;2019;2020\n{body}");
            if let Ok((p, _)) = preview("fuzz.csv", text.as_bytes()) {
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
