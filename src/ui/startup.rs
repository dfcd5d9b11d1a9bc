//! What the window opens when it is started without a file: the file of the last session if it
//! still opens, else the default database with a one-line notice. An explicit file argument
//! always wins. The last file and language are read from eframe's stored settings (the RON file
//! `app.ron` in `eframe::storage_dir`) before the window opens, so a start still reads its file
//! before any window appears.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::i18n::view_text;
use crate::model::Lang;

/// The application id under which eframe keeps the window's settings (size, position, and the
/// values of [`super::OblysApp::save`]).
pub const APP_ID: &str = "Oblys";
/// Storage key of the file open when the last session ended.
pub const LAST_FILE_KEY: &str = "oblys.last_file";
/// The file eframe writes its key-value settings to, in its storage folder.
const SETTINGS_FILE: &str = "app.ron";

/// The file to open and, when the last one could not be, the notice saying so.
#[derive(Debug, Clone, PartialEq)]
pub struct Startup {
    pub file: PathBuf,
    /// One line for the planner, in the language of the last session.
    pub notice: Option<String>,
}

/// The settings kept by the last session, as far as the start needs them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Remembered {
    pub last_file: Option<PathBuf>,
    pub lang: Lang,
}

/// Reads the settings of the last session from eframe's storage folder (nothing when there is
/// none or it cannot be read: a start never fails for want of them).
pub fn remembered() -> Remembered {
    eframe::storage_dir(APP_ID)
        .map(|dir| read_settings(&dir.join(SETTINGS_FILE)))
        .unwrap_or_default()
}

/// The settings in eframe's RON file at `path`: a map from key to the RON text of each value.
fn read_settings(path: &Path) -> Remembered {
    let Ok(text) = std::fs::read_to_string(path) else { return Remembered::default() };
    let Ok(values) = ron::from_str::<HashMap<String, String>>(&text) else {
        return Remembered::default();
    };
    let value = |key: &str| values.get(key).map(String::as_str);
    Remembered {
        last_file: value(LAST_FILE_KEY).and_then(|v| ron::from_str(v).ok()),
        lang: value(super::LANG_KEY).and_then(|v| ron::from_str(v).ok()).unwrap_or_default(),
    }
}

/// Chooses the file of a start: `argument` when given (whether or not it opens: its error is the
/// planner's to see); else the `remembered` last file when `opens` accepts it; else the
/// `default` database, with a notice when a remembered file was refused.
pub fn choose(
    argument: Option<PathBuf>,
    remembered: &Remembered,
    opens: impl Fn(&Path, Lang) -> Result<(), String>,
    default: impl FnOnce() -> Result<PathBuf, String>,
) -> Result<Startup, String> {
    if let Some(file) = argument {
        return Ok(Startup { file, notice: None });
    }
    let notice = match &remembered.last_file {
        Some(last) => match opens(last, remembered.lang) {
            Ok(()) => return Ok(Startup { file: last.clone(), notice: None }),
            Err(reason) => Some(view_text::last_file_not_opened(&reason, remembered.lang)),
        },
        None => None,
    };
    Ok(Startup { file: default()?, notice })
}

/// Whether `path` is an Oblys file this program reads (its header and schema version, read
/// without changing it); why not, in `lang`.
pub fn opens(path: &Path, lang: Lang) -> Result<(), String> {
    crate::store::schema_version(path).map(|_| ()).map_err(|e| e.message(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_db(dir: &Path) -> impl FnOnce() -> Result<PathBuf, String> {
        let path = dir.join("default.gpkg");
        move || Ok(path)
    }

    /// A file the test accepts as opening when it exists.
    fn exists(path: &Path, _lang: Lang) -> Result<(), String> {
        if path.exists() { Ok(()) } else { Err(format!("{}: no such file", path.display())) }
    }

    #[test]
    fn an_explicit_file_wins_over_the_last_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let last = dir.path().join("last.gpkg");
        std::fs::write(&last, b"x").expect("written");
        let remembered = Remembered { last_file: Some(last), lang: Lang::Ru };
        let given = dir.path().join("given.gpkg");
        let start = choose(Some(given.clone()), &remembered, exists, default_db(dir.path()));
        assert_eq!(start, Ok(Startup { file: given, notice: None }));
    }

    #[test]
    fn a_start_without_a_file_reopens_the_last_one_when_it_opens() {
        let dir = tempfile::tempdir().expect("temp dir");
        let last = dir.path().join("plans.gpkg");
        std::fs::write(&last, b"x").expect("written");
        let remembered = Remembered { last_file: Some(last.clone()), lang: Lang::En };
        let start = choose(None, &remembered, exists, default_db(dir.path()));
        assert_eq!(start, Ok(Startup { file: last, notice: None }));
    }

    #[test]
    fn a_last_file_that_no_longer_opens_gives_the_default_database_and_one_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        let gone = dir.path().join("gone.gpkg");
        let remembered = Remembered { last_file: Some(gone.clone()), lang: Lang::Ru };
        let start = choose(None, &remembered, opens, default_db(dir.path())).expect("a start");
        assert_eq!(start.file, dir.path().join("default.gpkg"));
        let notice = start.notice.expect("a notice");
        assert_eq!(
            notice,
            format!(
                "Последний файл не открылся: {}: файл не найден. Открыта база данных по умолчанию.",
                gone.display()
            )
        );
        assert!(!notice.contains('\n'));
        // A file that is not an Oblys file is refused the same way, and left untouched.
        let text = dir.path().join("notes.gpkg");
        std::fs::write(&text, b"not a database").expect("written");
        let remembered = Remembered { last_file: Some(text.clone()), lang: Lang::En };
        let start = choose(None, &remembered, opens, default_db(dir.path())).expect("a start");
        assert!(start.notice.is_some_and(|n| n.contains("not an Oblys file")));
        assert_eq!(std::fs::read(&text).expect("read"), b"not a database");
    }

    #[test]
    fn a_first_start_opens_the_default_database_without_a_notice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let start = choose(None, &Remembered::default(), exists, default_db(dir.path()));
        assert_eq!(start, Ok(Startup { file: dir.path().join("default.gpkg"), notice: None }));
    }

    #[test]
    fn settings_are_read_from_eframes_ron_file_and_a_broken_one_is_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("app.ron");
        // As eframe writes it: each value is itself RON text.
        let mut values = HashMap::new();
        values.insert(
            LAST_FILE_KEY.to_owned(),
            ron::to_string(&PathBuf::from("/home/a/plans.gpkg")).expect("ron"),
        );
        values.insert(super::super::LANG_KEY.to_owned(), ron::to_string(&Lang::Kk).expect("ron"));
        values.insert("window".to_owned(), "(inner_position_pixels: None)".to_owned());
        std::fs::write(&path, ron::to_string(&values).expect("ron")).expect("written");
        assert_eq!(
            read_settings(&path),
            Remembered { last_file: Some(PathBuf::from("/home/a/plans.gpkg")), lang: Lang::Kk }
        );
        std::fs::write(&path, "{ broken").expect("written");
        assert_eq!(read_settings(&path), Remembered::default());
        assert_eq!(read_settings(&dir.path().join("none.ron")), Remembered::default());
    }
}
