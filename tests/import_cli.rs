//! `oblys import FILE INPUT` run as a process: long and wide CSV files and XLSX workbooks (made
//! here with rust_xlsxwriter) previewed and imported, problems and malformed inputs refused with
//! exit code 2 and the file left byte for byte as it was, and the import written whole or not at
//! all.

mod common;

use std::path::{Path, PathBuf};

use common::{fresh_database, oblys_import, stderr, stdout};
use oblys::model::IndicatorValue;
use rust_xlsxwriter::Workbook;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// The value the file holds for a region, indicator and year, with its source.
fn stored(file: &Path, code: &str, indicator: &str, year: i32) -> Option<(f64, String)> {
    let dataset = oblys::store::load(file).expect("the file loads");
    dataset.values.into_iter().find_map(|v: IndicatorValue| {
        (v.region_code == code && v.indicator == indicator && v.year == year)
            .then_some((v.value, v.source))
    })
}

/// Runs an import that must be refused: exit code 2, one line on stderr, the file unchanged.
fn refused(input: &Path, args: &[&str]) -> String {
    let (_dir, file) = fresh_database();
    let before = std::fs::read(&file).expect("file read");
    let output = oblys_import(&file, input, args);
    assert_eq!(output.status.code(), Some(2), "stdout: {}", stdout(&output));
    assert_eq!(std::fs::read(&file).expect("file read"), before, "the file was modified");
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    message.trim_end().to_owned()
}

#[test]
fn a_long_csv_is_imported_with_the_input_as_source() {
    let (_dir, file) = fresh_database();
    let output = oblys_import(&file, &fixture("long_new_values.csv"), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("Values to import: 3 (new 3, replacing a value in the file 0, unchanged 0)"),
        "{text}"
    );
    assert!(text.contains(": 3 new, 0 replaced, 0 unchanged."), "{text}");
    assert_eq!(
        stored(&file, "KZ-AKM", "population", 2097),
        Some((1000.0, "long_new_values.csv".into()))
    );
    assert_eq!(
        stored(&file, "KZ-ALA", "population", 2097),
        Some((2000.5, "long_new_values.csv".into()))
    );
    assert_eq!(stored(&file, "KZ-ATY", "grp", 2097), Some((3.25, "long_new_values.csv".into())));
}

#[test]
fn every_thousands_separator_is_read_and_every_missing_marker_skipped() {
    let (_dir, file) = fresh_database();
    let input = fixture("long_thousands_and_missing.csv");
    let output = oblys_import(&file, &input, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    // «-», «x», «…», an empty cell and a Cyrillic «х».
    assert!(text.contains("Missing values skipped: 5"), "{text}");
    assert!(text.contains(": 5 new, 0 replaced, 0 unchanged."), "{text}");
    let value = |code: &str, indicator: &str| stored(&file, code, indicator, 2094).map(|v| v.0);
    // A space, a no-break space, a thin space and a narrow no-break space between thousands.
    assert_eq!(value("KZ-AKM", "population"), Some(1_000_001.0));
    assert_eq!(value("KZ-PAV", "population"), Some(2_000_002.0));
    assert_eq!(value("KZ-KUS", "population"), Some(3_000_003.0));
    assert_eq!(value("KZ-KAR", "population"), Some(4_000_004.0));
    assert_eq!(value("KZ-ATY", "grp"), Some(1234.5));
    for code in ["KZ-ZHA", "KZ-MAN", "KZ-YUZ", "KZ-KZY", "KZ-AKT"] {
        assert_eq!(value(code, "grp"), None, "{code}");
    }
}

#[test]
fn every_usual_form_of_a_region_name_lands_on_the_unit_of_its_year() {
    let (_dir, file) = fresh_database();
    let output = oblys_import(&file, &fixture("long_region_name_forms.csv"), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Values to import: 15"), "{text}");
    // Each form, its year and the code its value was stored under (value = line − 1).
    let expected = [
        ("Акмолинская", 2080, "KZ-AKM"),
        ("Акмолинская обл.", 2081, "KZ-AKM"),
        ("Акмолинская область", 2082, "KZ-AKM"),
        ("Ақмола облысы", 2083, "KZ-AKM"),
        ("Akmola Region", 2084, "KZ-AKM"),
        ("г.Астана", 2080, "KZ-AST"),
        ("Астана қаласы", 2081, "KZ-AST"),
        ("Nur-Sultan", 2019, "KZ-AST"),
        ("Чимкент", 2019, "KZ-SHY"),
        // East Kazakhstan before the 2022 reform (Abai Region cut from it), and after.
        ("ВКО", 2015, "KZ-VOS@2018"),
        ("ВКО", 2023, "KZ-VOS"),
        ("ЗКО", 2080, "KZ-ZAP"),
        ("СКО", 2080, "KZ-SEV"),
        // South Kazakhstan until it became Turkistan Region in 2018.
        ("ЮКО", 2017, "KZ-YUZ@2010"),
        ("ОҚО", 2016, "KZ-YUZ@2010"),
    ];
    for (value, (form, year, code)) in (1..).zip(expected) {
        let stored = stored(&file, code, "grp", year).map(|v| v.0);
        assert_eq!(stored, Some(f64::from(value)), "«{form}» {year} → {code}");
    }
}

#[test]
fn a_dry_run_prints_the_preview_and_writes_nothing() {
    let (_dir, file) = fresh_database();
    let before = std::fs::read(&file).expect("file read");
    let output = oblys_import(&file, &fixture("long_new_values.csv"), &["--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("long_new_values.csv: CSV (semicolon), long layout"), "{text}");
    assert!(text.ends_with("Dry run: nothing was written.\n"), "{text}");
    assert_eq!(std::fs::read(&file).expect("file read"), before);
}

#[test]
fn a_value_differing_from_the_file_is_previewed_as_replacing_it() {
    let (_dir, file) = fresh_database();
    let (old, _) = stored(&file, "KZ-PAV", "population", 2020).expect("Pavlodar 2020 in the file");
    let input = file.with_file_name("revised.csv");
    std::fs::write(
        &input,
        format!("region,year,indicator,value\nKZ-PAV,2020,population,{}\n", old + 7.0),
    )
    .expect("input written");
    let output = oblys_import(&file, &input, &["--lang", "ru"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let old_ru = old.to_string().replace('.', ",");
    let new_ru = (old + 7.0).to_string().replace('.', ",");
    assert!(
        text.contains(&format!(
            "  KZ-PAV population 2020: {new_ru} заменяет {old_ru} (строка 2, столбец 4)"
        )),
        "{text}"
    );
    assert!(text.contains(": 0 новых, 1 заменено, 0 без изменений."), "{text}");
    assert_eq!(
        stored(&file, "KZ-PAV", "population", 2020),
        Some((old + 7.0, "revised.csv".into()))
    );
}

#[test]
fn problems_refuse_the_import_and_name_line_and_column() {
    let message = refused(&fixture("long_problems.csv"), &[]);
    assert!(
        message.ends_with(
            "long_problems.csv: Problems: 8, the first at line 3, column 1: «Атлантида» is not a \
             region of Kazakhstan; nothing was imported (fix them, or give --skip-problems to \
             import only the good values)"
        ),
        "{message}"
    );
    let message = refused(&fixture("bad_nan_inf.csv"), &["--lang", "ru"]);
    assert!(
        message.ends_with(
            "bad_nan_inf.csv: Ошибки: 2, первая строка 2, столбец 4: «inf» не конечное число (не \
             число или бесконечность); ничего не импортировано (исправьте их или добавьте \
             --skip-problems, чтобы импортировать только верные значения)"
        ),
        "{message}"
    );
    let (_dir, file) = fresh_database();
    let output = oblys_import(&file, &fixture("long_problems.csv"), &[]);
    let text = stdout(&output);
    assert!(
        text.contains(
            "long_problems.csv: line 3, column 1: «Атлантида» is not a region of Kazakhstan"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "long_problems.csv: line 6, column 4: «NaN» is not a finite number (NaN or infinity)"
        ),
        "{text}"
    );
}

#[test]
fn problems_are_written_in_kazakh() {
    let (_dir, file) = fresh_database();
    let output = oblys_import(&file, &fixture("long_problems.csv"), &["--lang", "kk", "--dry-run"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("long_problems.csv: 3-жол, 1-баған: «Атлантида» Қазақстан өңірі емес"),
        "{text}"
    );
    assert!(text.contains("Қателер: 8"), "{text}");
    assert!(text.ends_with("Сынақ: ештеңе жазылған жоқ.\n"), "{text}");
}

#[test]
fn skip_problems_imports_only_the_good_rows() {
    let (_dir, file) = fresh_database();
    let input = file.with_file_name("mixed.csv");
    std::fs::write(
        &input,
        "region,year,indicator,value\nАкмолинская область,2098,grp,5\nАтлантида,2098,grp,6\nКостанайская область,2098,grp,abc\nKZ-PAV,2098,grp,7\n",
    )
    .expect("input written");
    let output = oblys_import(&file, &input, &["--skip-problems"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Cells with problems skipped: 2"), "{}", stdout(&output));
    assert_eq!(stored(&file, "KZ-AKM", "grp", 2098).map(|v| v.0), Some(5.0));
    assert_eq!(stored(&file, "KZ-PAV", "grp", 2098).map(|v| v.0), Some(7.0));
    assert_eq!(stored(&file, "KZ-KUS", "grp", 2098), None);
}

#[test]
fn a_wide_csv_takes_its_indicator_from_the_title_and_skips_notes() {
    let (_dir, file) = fresh_database();
    let output = oblys_import(&file, &fixture("wide_titles_footnotes.csv"), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "wide layout (regions as rows, years as columns), indicator grp (from the title), \
             years 2021, 2022, header on line 4"
        ),
        "{text}"
    );
    assert!(text.contains("Missing values skipped: 2"), "{text}");
    assert!(text.contains("Titles and footnotes skipped, lines: 8, 11"), "{text}");
    assert_eq!(stored(&file, "KZ-AKM", "grp", 2022).map(|v| v.0), Some(3500.0));
    assert_eq!(stored(&file, "KZ-AST", "grp", 2021).map(|v| v.0), Some(12_000.0));
    assert_eq!(stored(&file, "KZ-ABY", "grp", 2022).map(|v| v.0), Some(1234.5));
    assert_eq!(stored(&file, "KZ-VOS@2018", "grp", 2021).map(|v| v.0), Some(2900.1));
}

#[test]
fn a_wide_csv_without_a_title_needs_the_indicator_option() {
    let message = refused(&fixture("wide_no_title.csv"), &[]);
    assert!(
        message.contains("wide_no_title.csv: line 1: a table of years, but of which indicator?"),
        "{message}"
    );
    let message = refused(&fixture("wide_no_title.csv"), &["--indicator", "happiness"]);
    assert!(
        message.starts_with("oblys: «happiness» is not an indicator of this file"),
        "{message}"
    );
    let (_dir, file) = fresh_database();
    let output = oblys_import(
        &file,
        &fixture("wide_no_title.csv"),
        &["--indicator", "Численность населения"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stored(&file, "KZ-PAV", "population", 2021).map(|v| v.0), Some(751_209.0));
}

/// Writes a workbook with one sheet per (name, rows); a cell starting with `=` is not used, a
/// cell that parses as a number is written as a number.
fn workbook(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if cell.is_empty() {
                    continue;
                }
                match cell.parse::<f64>() {
                    Ok(number) => sheet.write_number(r, c, number).map(|_| ()),
                    Err(_) => sheet.write_string(r, c, *cell).map(|_| ()),
                }
                .expect("cell written");
            }
        }
    }
    book.save(path).expect("workbook saved");
}

#[test]
fn an_xlsx_long_sheet_is_imported_with_rows_and_column_letters_as_excel_shows_them() {
    let (dir, file) = fresh_database();
    let input = dir.path().join("stat.xlsx");
    let rows: &[&[&str]] = &[
        &["Показатели по регионам"],
        &[],
        &["Регион", "Год", "Показатель", "Значение"],
        &["Акмолинская область", "2096", "population", "738587"],
        &["Атлантида", "2096", "population", "5"],
        &["Павлодарская область", "2096", "grp", "1 234,5"],
        &["Жамбылская область", "2096", "grp", "#DIV/0!"],
    ];
    workbook(&input, &[("Данные", rows)]);
    let output = oblys_import(&file, &input, &["--dry-run"]);
    let text = stdout(&output);
    assert!(text.contains("stat.xlsx: XLSX, sheet «Данные», long layout"), "{text}");
    assert!(text.contains("header on row 3"), "{text}");
    assert!(
        text.contains("stat.xlsx: row 5, column A: «Атлантида» is not a region of Kazakhstan"),
        "{text}"
    );
    assert!(text.contains("stat.xlsx: row 7, column D: «#DIV/0!» is not a number"), "{text}");
    // A workbook saved under a .csv name is still read as a workbook.
    let misnamed = dir.path().join("stat.csv");
    std::fs::copy(&input, &misnamed).expect("copied");
    let text = stdout(&oblys_import(&file, &misnamed, &["--dry-run"]));
    assert!(text.contains("stat.csv: XLSX, sheet «Данные», long layout"), "{text}");
    let output = oblys_import(&file, &input, &["--skip-problems"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stored(&file, "KZ-AKM", "population", 2096),
        Some((738_587.0, "stat.xlsx [Данные]".into()))
    );
    assert_eq!(stored(&file, "KZ-PAV", "grp", 2096).map(|v| v.0), Some(1234.5));
}

#[test]
fn an_xlsx_wide_sheet_is_chosen_by_name() {
    let (dir, file) = fresh_database();
    let input = dir.path().join("book.xlsx");
    let cover: &[&[&str]] = &[&["Содержание"], &["Лист 2: безработица"]];
    let wide: &[&[&str]] = &[
        &["Уровень безработицы, %"],
        &["Регион", "2019", "2020", "2021"],
        &["Қарағанды облысы", "4.3", "4.6", "4.5"],
        &["Шымкент қаласы", "5", "", "4.9"],
        &["* оценка"],
    ];
    workbook(&input, &[("Содержание", cover), ("Безработица", wide)]);
    let message = refused(&input, &["--sheet", "Занятость"]);
    assert!(
        message.ends_with(
            "book.xlsx: there is no sheet «Занятость» (sheets: Содержание, Безработица)"
        ),
        "{message}"
    );
    let output = oblys_import(&file, &input, &["--sheet", "Безработица"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("indicator unemployment_rate (from the title), years 2019, 2020, 2021"),
        "{text}"
    );
    assert_eq!(stored(&file, "KZ-KAR@2018", "unemployment_rate", 2020).map(|v| v.0), Some(4.6));
    assert_eq!(stored(&file, "KZ-SHY", "unemployment_rate", 2021).map(|v| v.0), Some(4.9));
}

#[test]
fn malformed_inputs_are_refused_with_file_line_and_column() {
    let message = refused(&fixture("empty.csv"), &[]);
    assert!(message.ends_with("empty.csv: the file is empty"), "{message}");
    let message = refused(&fixture("bad_unclosed_quote.csv"), &[]);
    assert!(
        message.ends_with("bad_unclosed_quote.csv: line 2, column 22: this quote is never closed"),
        "{message}"
    );
    let message = refused(&fixture("not_a_workbook.xlsx"), &[]);
    assert!(
        message.ends_with("not_a_workbook.xlsx: not an XLSX workbook (it is not a zip archive, as every .xlsx workbook is)"),
        "{message}"
    );

    let dir = tempfile::tempdir().expect("temporary folder");
    let binary = dir.path().join("binary.csv");
    std::fs::write(&binary, b"region,year\n\x7fELF\x02\x01\x01\x00\x00").expect("written");
    let message = refused(&binary, &[]);
    assert!(message.ends_with("binary.csv: line 2, column 8: this is not a text file (a NUL byte); save it as CSV or XLSX"), "{message}");

    let huge = dir.path().join("huge.csv");
    std::fs::write(
        &huge,
        format!("region,year,indicator,value\nKZ-AKM,2020,grp,{}\n", "9".repeat(100_000)),
    )
    .expect("written");
    let message = refused(&huge, &[]);
    assert!(
        message.contains("huge.csv: line 2, column 1: the line is 100016 bytes long"),
        "{message}"
    );

    // A sparse file: 300 MB long without taking the space.
    let absurd = dir.path().join("absurd.csv");
    std::fs::File::create(&absurd).and_then(|f| f.set_len(300 << 20)).expect("sparse file");
    let message = refused(&absurd, &[]);
    assert!(
        message.ends_with(
            "absurd.csv: the file is 314572800 bytes, more than the 268435456 a statistics table \
             can be"
        ),
        "{message}"
    );

    let zip_not_xlsx = dir.path().join("archive.xlsx");
    std::fs::write(&zip_not_xlsx, b"PK\x03\x04 this is not really a zip archive").expect("written");
    let message = refused(&zip_not_xlsx, &[]);
    assert!(message.contains("archive.xlsx: not an XLSX workbook ("), "{message}");
}

#[test]
fn nan_infinite_and_absurd_numbers_are_problems_naming_their_cells() {
    let (_dir, file) = fresh_database();
    let before = std::fs::read(&file).expect("file read");
    let output = oblys_import(&file, &fixture("bad_nan_inf.csv"), &[]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.contains("bad_nan_inf.csv: line 2, column 4: «inf» is not a finite number"),
        "{text}"
    );
    assert!(
        text.contains(
            "bad_nan_inf.csv: line 3, column 4: «1e300» is larger than 1e15 in magnitude"
        ),
        "{text}"
    );
    assert_eq!(std::fs::read(&file).expect("file read"), before);
}

#[test]
fn a_foreign_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let foreign = dir.path().join("other.gpkg");
    std::fs::write(&foreign, b"SQLite format 3\0 but not really").expect("written");
    let output = oblys_import(&foreign, &fixture("long_new_values.csv"), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("other.gpkg: not an Oblys file"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&foreign).expect("read"), b"SQLite format 3\0 but not really");
}

#[test]
fn a_failure_while_writing_leaves_no_row_written() {
    let (_dir, file) = fresh_database();
    {
        let conn = rusqlite::Connection::open(&file).expect("opens");
        conn.execute_batch(
            "CREATE TRIGGER refuse_atyrau BEFORE INSERT ON indicator_values
             WHEN NEW.region_code = 'KZ-ATY' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .expect("trigger created");
    }
    let before = oblys::store::load(&file).expect("loads").values;
    let output = oblys_import(&file, &fixture("long_new_values.csv"), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("injected failure"), "{}", stderr(&output));
    // The Akmola and Almaty rows came before the failing Atyrau row: neither was kept.
    assert_eq!(oblys::store::load(&file).expect("loads").values, before);
}

/// Replaces the XML of the first sheet of the workbook at `path` (to make broken workbooks that
/// rust_xlsxwriter refuses to write).
fn replace_sheet_xml(path: &Path, xml: &str) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).expect("workbook read");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(path).expect("workbook rewritten"));
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).expect("a part");
        let name = part.name().to_owned();
        let mut content = Vec::new();
        part.read_to_end(&mut content).expect("part read");
        if name == "xl/worksheets/sheet1.xml" {
            content = xml.as_bytes().to_vec();
        }
        writer.start_file(name, zip::write::SimpleFileOptions::default()).expect("part started");
        writer.write_all(&content).expect("part written");
    }
    writer.finish().expect("archive finished");
}

#[test]
fn a_workbook_with_a_cell_beyond_excels_limits_is_refused() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let input = dir.path().join("huge.xlsx");
    let rows: &[&[&str]] = &[&["Регион", "Год", "Показатель", "Значение"]];
    workbook(&input, &[("Sheet1", rows)]);
    replace_sheet_xml(
        &input,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD3000000"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Регион</t></is></c></row><row r="3000000"><c r="B3000000"><v>1</v></c></row></sheetData></worksheet>"#,
    );
    let message = refused(&input, &[]);
    assert!(message.starts_with("oblys: "), "{message}");
    assert!(
        message.ends_with(
            "huge.xlsx, sheet «Sheet1»: row 3000000, column 2: a cell beyond Excel's 1,048,576 \
             rows × 16,384 columns; the workbook is damaged"
        ),
        "{message}"
    );
    replace_sheet_xml(&input, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1");
    let message = refused(&input, &[]);
    assert!(message.contains("huge.xlsx, sheet «Sheet1»: the workbook is damaged: "), "{message}");
}

#[test]
fn a_long_table_of_one_indicator_takes_it_from_its_title() {
    let (_dir, file) = fresh_database();
    let output = oblys_import(&file, &fixture("long_one_indicator_title.csv"), &["--lang", "ru"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains(
            "длинная таблица (регион, год, значение), показатель population (из заголовка), \
             строка заголовка: 3"
        ),
        "{text}"
    );
    assert_eq!(stored(&file, "KZ-KUS", "population", 2095).map(|v| v.0), Some(831_000.0));
    assert_eq!(stored(&file, "KZ-SHY", "population", 2095).map(|v| v.0), Some(1_200_000.0));
}
