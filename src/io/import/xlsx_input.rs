//! Reading a statistics workbook (XLSX) into rows of cells for the preview builder: the first sheet
//! or a chosen one, streamed cell by cell (a sheet claiming absurd dimensions costs nothing),
//! numbers kept as numbers, every row numbered as Excel shows it.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use super::ImportError;
use super::preview::{Cell, Preview, PreviewBuilder, PreviewOptions};
use super::region_names::RegionMatcher;
use crate::model::Dataset;

/// Excel's limits: 1,048,576 rows and 16,384 columns (XFD). A cell beyond them is a broken file.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;

/// The four bytes every zip archive (and so every XLSX workbook) starts with.
pub const ZIP_MAGIC: &[u8; 4] = b"PK\x03\x04";

/// A cell's content held for one row: shared strings are borrowed from the workbook.
enum Held<'a> {
    Empty,
    Shared(&'a str),
    Owned(String),
    Number(f64),
}

impl<'a> Held<'a> {
    fn from_data(data: DataRef<'a>) -> Held<'a> {
        match data {
            DataRef::Empty => Held::Empty,
            DataRef::Int(v) => Held::Number(v as f64),
            DataRef::Float(v) => Held::Number(v),
            DataRef::SharedString(s) => Held::Shared(s),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                Held::Owned(s)
            }
            DataRef::Bool(b) => Held::Owned(if b { "TRUE" } else { "FALSE" }.to_owned()),
            DataRef::DateTime(d) => Held::Owned(d.to_string()),
            DataRef::Error(e) => Held::Owned(e.to_string()),
        }
    }

    fn cell(&self) -> Cell<'_> {
        match self {
            Held::Empty => Cell::Empty,
            Held::Shared(s) => Cell::Text(s),
            Held::Owned(s) => Cell::Text(s),
            Held::Number(v) => Cell::Number(*v),
        }
    }
}

/// Reads the sheet `sheet` (the first when `None`) of an XLSX workbook and sorts its cells.
/// Returns the preview and the name of the sheet read.
pub fn preview_xlsx(
    file: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    dataset: &Dataset,
    matcher: &RegionMatcher,
    options: &PreviewOptions,
) -> Result<(Preview, String), ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty { file: file.to_owned() });
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(ImportError::NotXlsx {
            file: file.to_owned(),
            reason: "it is not a zip archive, as every .xlsx workbook is".to_owned(),
        });
    }
    let not_xlsx = |e: calamine::XlsxError| ImportError::NotXlsx {
        file: file.to_owned(),
        reason: e.to_string(),
    };
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(not_xlsx)?;
    let names = workbook.sheet_names();
    let name = match sheet {
        None => names.first().cloned().ok_or_else(|| ImportError::NotXlsx {
            file: file.to_owned(),
            reason: "the workbook has no sheet".to_owned(),
        })?,
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| n.trim().eq_ignore_ascii_case(wanted.trim())))
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                file: file.to_owned(),
                sheet: wanted.to_owned(),
                sheets: names.join(", "),
            })?,
    };
    let read_error = |e: calamine::XlsxError| ImportError::XlsxRead {
        file: file.to_owned(),
        sheet: name.clone(),
        message: e.to_string(),
    };
    let mut builder = PreviewBuilder::new(file, dataset, matcher, options, true)?;
    let mut reader = workbook.worksheet_cells_reader(&name).map_err(read_error)?;
    let mut row: Vec<Held> = Vec::new();
    let mut row_index: Option<u32> = None;
    let flush = |index: u32, row: &mut Vec<Held>, builder: &mut PreviewBuilder| {
        let cells: Vec<Cell> = row.iter().map(Held::cell).collect();
        let result = builder.row(u64::from(index) + 1, &cells);
        row.clear();
        result
    };
    while let Some(cell) = reader.next_cell().map_err(read_error)? {
        let (r, c) = cell.get_position();
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(ImportError::SheetTooLarge {
                file: file.to_owned(),
                sheet: name.clone(),
                row: u64::from(r) + 1,
                column: u64::from(c) + 1,
            });
        }
        if let Some(current) = row_index
            && current != r
        {
            flush(current, &mut row, &mut builder)?;
        }
        row_index = Some(r);
        let held = Held::from_data(cell.get_value().clone());
        let Ok(column) = usize::try_from(c) else {
            continue;
        };
        if matches!(held, Held::Empty) {
            continue;
        }
        if row.len() <= column {
            row.resize_with(column + 1, || Held::Empty);
        }
        if let Some(slot) = row.get_mut(column) {
            *slot = held;
        }
    }
    if let Some(current) = row_index {
        flush(current, &mut row, &mut builder)?;
    }
    drop(reader);
    Ok((builder.finish()?, name))
}
