//! Import of statistics files: reading numbers as statistics bureaus write them, matching region
//! names to the dataset's codes, reading CSV files and XLSX workbooks into rows of cells, and the
//! one preview builder they feed (long or wide layout, every problem with its line and column).
//! Writing the previewed rows is `store::import_values`; `command` runs `oblys import`.

pub mod command;
pub mod csv_input;
pub mod geojson_command;
pub mod geojson_input;
pub mod number;
pub mod preview;
pub mod region_names;
pub mod xlsx_input;

use std::path::Path;

pub use command::{ImportCommandError, ImportRequest, run_import};
pub use csv_input::{CsvFormat, preview_csv};
pub use geojson_command::{GeoJsonCommandError, GeoJsonRequest, run_geojson_import};
pub use number::{NumberError, parse_number};
pub use preview::{
    Cell, Layout, Place, Preview, PreviewBuilder, PreviewOptions, PreviewRow, RowProblem,
};
pub use region_names::{RegionMatch, RegionMatcher};
pub use xlsx_input::preview_xlsx;

use crate::model::Dataset;

/// Largest input file read: statistics tables are kilobytes to a few megabytes; anything larger
/// is not a statistics table (and would be held in memory whole).
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file cannot be previewed at all. Every message is one line naming the file, and the
/// line and column where there is one.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read it: {source}")]
    Read {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{file}: the file is {bytes} bytes, more than the {MAX_INPUT_BYTES} a statistics table can be"
    )]
    TooBig { file: String, bytes: u64 },
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error(
        "{file}: line {line}, column {column}: this is not a text file (a NUL byte); save it as \
         CSV or XLSX"
    )]
    Binary { file: String, line: u64, column: u64 },
    #[error(
        "{file}: line {line}: no «{column}» column in the header (expected region, year, \
         indicator, value)"
    )]
    MissingColumn { file: String, line: u64, column: &'static str },
    #[error(
        "{file}: line {line}: no header found (region, year, indicator, value columns, or a region \
         column and year columns)"
    )]
    NoHeader { file: String, line: u64 },
    #[error("{file}: line {line}, column {column}: this quote is never closed")]
    UnclosedQuote { file: String, line: u64, column: u64 },
    #[error(
        "{file}: line {line}, column 1: the line is {length} bytes long (at most {max}); is this \
         a CSV file?",
        max = csv_input::MAX_LINE_BYTES
    )]
    LineTooLong { file: String, line: u64, length: usize },
    #[error("{file}: line {line}: {message}")]
    Malformed { file: String, line: u64, message: String },
    #[error("{file}: not an XLSX workbook ({reason})")]
    NotXlsx { file: String, reason: String },
    #[error("{file}: there is no sheet «{sheet}» (sheets: {sheets})")]
    NoSuchSheet { file: String, sheet: String, sheets: String },
    #[error("{file}: --sheet applies to XLSX workbooks; this file is read as CSV")]
    SheetOfText { file: String },
    #[error("{file}, sheet «{sheet}»: the workbook is damaged: {message}")]
    XlsxRead { file: String, sheet: String, message: String },
    #[error(
        "{file}, sheet «{sheet}»: row {row}, column {column}: a cell beyond Excel's 1,048,576 rows \
         × 16,384 columns; the workbook is damaged"
    )]
    SheetTooLarge { file: String, sheet: String, row: u64, column: u64 },
    #[error(
        "{file}: line {line}: a table of years, but of which indicator? No title line names one; \
         give --indicator (known: {known})"
    )]
    NoIndicator { file: String, line: u64, known: String },
    #[error(
        "{file}: line {line}: no «indicator» column and no title line naming one; give \
         --indicator (known: {known})"
    )]
    NoIndicatorColumn { file: String, line: u64, known: String },
    #[error("«{name}» is not an indicator of this file (known: {known})")]
    UnknownIndicatorOption { name: String, known: String },
}

/// How the input was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputFormat {
    Csv(CsvFormat),
    /// An XLSX workbook, and the name of the sheet read.
    Xlsx {
        sheet: String,
    },
}

/// True when `file` names an XLSX workbook (by extension) or `bytes` are a zip archive.
pub fn is_xlsx(file: &str, bytes: &[u8]) -> bool {
    let extension = Path::new(file).extension().and_then(|e| e.to_str()).unwrap_or_default();
    extension.eq_ignore_ascii_case("xlsx")
        || extension.eq_ignore_ascii_case("xlsm")
        || bytes.starts_with(xlsx_input::ZIP_MAGIC)
}

/// Previews `bytes` of the input named `file`: an XLSX workbook (by extension or content) or else
/// a CSV file. `sheet` chooses a workbook's sheet (the first when `None`).
pub fn preview_input(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    dataset: &Dataset,
    matcher: &RegionMatcher,
    options: &PreviewOptions,
) -> Result<(Preview, InputFormat), ImportError> {
    if is_xlsx(file, bytes) {
        let (preview, sheet) = preview_xlsx(file, bytes, sheet, dataset, matcher, options)?;
        return Ok((preview, InputFormat::Xlsx { sheet }));
    }
    if sheet.is_some() {
        return Err(ImportError::SheetOfText { file: file.to_owned() });
    }
    let (preview, format) = preview_csv(file, bytes, dataset, matcher, options)?;
    Ok((preview, InputFormat::Csv(format)))
}

/// Reads an input file whole, refusing one larger than [`MAX_INPUT_BYTES`]. `file` names it in
/// messages.
pub fn read_input(path: &Path, file: &str) -> Result<Vec<u8>, ImportError> {
    let read_error = |source| ImportError::Read { file: file.to_owned(), source };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a folder");
        return Err(read_error(source));
    }
    if metadata.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooBig { file: file.to_owned(), bytes: metadata.len() });
    }
    std::fs::read(path).map_err(read_error)
}
