//! Reading back the tables the `oblys` commands write, for the tests of `project` and `export`.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// The CSV's rows as maps from column name to cell (the reader skips a byte-order mark).
pub fn csv_rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("the CSV opens");
    let headers = reader.headers().expect("a header line").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed line");
            headers.iter().map(str::to_owned).zip(r.iter().map(str::to_owned)).collect()
        })
        .collect()
}

/// The text of one part of an XLSX (a zip archive).
pub fn xlsx_part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("the workbook opens");
    let mut archive = zip::ZipArchive::new(file).expect("an XLSX is a zip archive");
    let mut part = archive.by_name(name).expect("the part exists");
    let mut text = String::new();
    part.read_to_string(&mut text).expect("the part is UTF-8 XML");
    text
}
