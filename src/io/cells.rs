//! What every table Oblys writes shares: text cells that cannot run as spreadsheet formulas,
//! the byte-order mark Excel needs to read UTF-8, and output files that appear whole or not at all.

use std::borrow::Cow;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Excel opens a CSV as UTF-8 (instead of the locale's code page) only after this mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `text` made safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe,
/// which Excel and LibreOffice show as plain text.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed into place once complete:
/// a reader never sees half a file, and a failed write leaves an existing file as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let partial = partial_path(path);
    let written = fs::File::create(&partial).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    let result = written.and_then(|()| fs::rename(&partial, path));
    if result.is_err() {
        // The temporary file is ours and incomplete; the error that matters is the first one.
        let _ = fs::remove_file(&partial);
    }
    result
}

/// `out.csv` → `out.csv.partial`, in the same folder so that the rename stays on one disk.
fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_would_run_as_formulas_get_an_apostrophe() {
        for text in ["=SUM(A1:A9)", "+7 701", "-1", "@cmd", "\tx", "\rx"] {
            assert_eq!(neutralise(text), format!("'{text}"));
        }
    }

    #[test]
    fn ordinary_text_and_numbers_in_text_are_left_alone() {
        for text in ["Ақмола облысы", "Astana", "12,5", "", "a=b", "'quoted"] {
            assert!(matches!(neutralise(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, b"old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing folder").join("out.csv");
        assert!(write_atomically(&path, b"x").is_err());
        assert!(!path.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
