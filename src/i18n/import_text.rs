//! Texts of the statistics import in Kazakh, Russian and English: the preview's headings, where a
//! cell is ("line 3, column B"), every row problem and every reason a file is refused.

use crate::i18n::plural::{self, Noun};
use crate::io::import::{ImportError, NumberError, Place, RowProblem};
use crate::model::Lang;

/// Fixed texts of the import preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportText {
    /// A long table: one value per line.
    LongLayout,
    /// A long table of one indicator: region, year, value.
    LongOneIndicatorLayout,
    /// A wide table: regions as rows, years as columns.
    WideLayout,
    /// After the indicator of a wide table read from its title.
    FromTitle,
    Indicator,
    Years,
    /// Followed by the header's line number.
    HeaderOnLine,
    Sheet,
    Comma,
    Semicolon,
    Tab,
    ValuesToImport,
    New,
    Replacing,
    Unchanged,
    Replaces,
    /// Values of a unit in a year it did not exist (imported on the nearest unit).
    OutsideUnitYears,
    MissingSkipped,
    NotesSkipped,
    Problems,
    /// Before the first problem of a refused import.
    TheFirstAt,
    ProblemsSkipped,
    DryRun,
    /// "Imported into FILE" (Kazakh puts it after the file name).
    ImportedInto,
    Replaced,
    /// Refusal when problems were found and --skip-problems was not given.
    NothingImported,
    UseSkipProblems,
    And,
    More,
    /// The File menu's entry that opens the import window.
    MenuEntry,
    /// The import window's title.
    WindowTitle,
    /// What the window is for, before a file is read.
    ChooseInput,
    /// Label of the input path field.
    InputFile,
    /// The button that reads the chosen file.
    ShowPreview,
    /// While a large file is read in the background.
    Reading,
    /// The folder holds no CSV or XLSX file.
    NoInputFiles,
    /// Label of the workbook's sheet choice.
    SheetChoice,
    /// Label of the indicator choice (for tables that do not name theirs).
    IndicatorChoice,
    /// The indicator choice's "none given" entry.
    AsTheFileSays,
    Region,
    Year,
    Value,
    /// Column of the value the file holds now ("new", "replaces 12", "unchanged").
    InTheFileNow,
    Line,
    Column,
    Problem,
    RowsMatched,
    NoProblems,
    NoValues,
    /// Under the problems: they are left out of the import.
    ProblemsLeftOut,
    Cancel,
    Close,
}

impl ImportText {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use ImportText as T;
        match (self, lang) {
            (T::LongLayout, Lang::Kk) => "ұзын кесте (өңір, жыл, көрсеткіш, мән)",
            (T::LongLayout, Lang::Ru) => "длинная таблица (регион, год, показатель, значение)",
            (T::LongLayout, Lang::En) => "long layout (region, year, indicator, value)",
            (T::LongOneIndicatorLayout, Lang::Kk) => "ұзын кесте (өңір, жыл, мән)",
            (T::LongOneIndicatorLayout, Lang::Ru) => "длинная таблица (регион, год, значение)",
            (T::LongOneIndicatorLayout, Lang::En) => "long layout (region, year, value)",
            (T::WideLayout, Lang::Kk) => "кең кесте (жолдарда өңірлер, бағандарда жылдар)",
            (T::WideLayout, Lang::Ru) => "широкая таблица (регионы по строкам, годы по столбцам)",
            (T::WideLayout, Lang::En) => "wide layout (regions as rows, years as columns)",
            (T::FromTitle, Lang::Kk) => "тақырыптан",
            (T::FromTitle, Lang::Ru) => "из заголовка",
            (T::FromTitle, Lang::En) => "from the title",
            (T::Indicator, Lang::Kk) => "көрсеткіш",
            (T::Indicator, Lang::Ru) => "показатель",
            (T::Indicator, Lang::En) => "indicator",
            (T::Years, Lang::Kk) => "жылдар",
            (T::Years, Lang::Ru) => "годы",
            (T::Years, Lang::En) => "years",
            (T::HeaderOnLine, Lang::Kk) => "тақырып жолы:",
            (T::HeaderOnLine, Lang::Ru) => "строка заголовка:",
            (T::HeaderOnLine, Lang::En) => "header on line",
            (T::Sheet, Lang::Kk) => "парақ",
            (T::Sheet, Lang::Ru) => "лист",
            (T::Sheet, Lang::En) => "sheet",
            (T::Comma, Lang::Kk) => "үтір",
            (T::Comma, Lang::Ru) => "запятая",
            (T::Comma, Lang::En) => "comma",
            (T::Semicolon, Lang::Kk) => "нүктелі үтір",
            (T::Semicolon, Lang::Ru) => "точка с запятой",
            (T::Semicolon, Lang::En) => "semicolon",
            (T::Tab, Lang::Kk) => "табуляция",
            (T::Tab, Lang::Ru) => "табуляция",
            (T::Tab, Lang::En) => "tab",
            (T::ValuesToImport, Lang::Kk) => "Импортталатын мәндер",
            (T::ValuesToImport, Lang::Ru) => "Значений к импорту",
            (T::ValuesToImport, Lang::En) => "Values to import",
            (T::New, Lang::Kk) => "жаңа",
            (T::New, Lang::Ru) => "новых",
            (T::New, Lang::En) => "new",
            (T::Replacing, Lang::Kk) => "файлдағы мәнді ауыстыратын",
            (T::Replacing, Lang::Ru) => "заменяют значение в файле",
            (T::Replacing, Lang::En) => "replacing a value in the file",
            (T::Unchanged, Lang::Kk) => "өзгеріссіз",
            (T::Unchanged, Lang::Ru) => "без изменений",
            (T::Unchanged, Lang::En) => "unchanged",
            (T::Replaces, Lang::Kk) => "ауыстырады",
            (T::Replaces, Lang::Ru) => "заменяет",
            (T::Replaces, Lang::En) => "replaces",
            (T::OutsideUnitYears, Lang::Kk) => {
                "Бөлініс болмаған жылдардың мәндері (ең жақын бөлініске жазылады)"
            }
            (T::OutsideUnitYears, Lang::Ru) => {
                "Значения за годы, когда единицы ещё не было (записываются на ближайшую)"
            }
            (T::OutsideUnitYears, Lang::En) => {
                "Values in years their unit did not exist (imported on the nearest unit)"
            }
            (T::MissingSkipped, Lang::Kk) => "Бос мәндер өткізілді",
            (T::MissingSkipped, Lang::Ru) => "Пропущено пустых значений",
            (T::MissingSkipped, Lang::En) => "Missing values skipped",
            (T::NotesSkipped, Lang::Kk) => "Тақырыптар мен ескертпелер өткізілді, жолдар",
            (T::NotesSkipped, Lang::Ru) => "Пропущены заголовки и примечания, строки",
            (T::NotesSkipped, Lang::En) => "Titles and footnotes skipped, lines",
            (T::Problems, Lang::Kk) => "Қателер",
            (T::Problems, Lang::Ru) => "Ошибки",
            (T::Problems, Lang::En) => "Problems",
            (T::TheFirstAt, Lang::Kk) => "біріншісі",
            (T::TheFirstAt, Lang::Ru) => "первая",
            (T::TheFirstAt, Lang::En) => "the first at",
            (T::ProblemsSkipped, Lang::Kk) => "Қатесі бар ұяшықтар өткізілді",
            (T::ProblemsSkipped, Lang::Ru) => "Ячейки с ошибками пропущены",
            (T::ProblemsSkipped, Lang::En) => "Cells with problems skipped",
            (T::DryRun, Lang::Kk) => "Сынақ: ештеңе жазылған жоқ.",
            (T::DryRun, Lang::Ru) => "Пробный прогон: ничего не записано.",
            (T::DryRun, Lang::En) => "Dry run: nothing was written.",
            (T::ImportedInto, Lang::Kk) => "файлына импортталды",
            (T::ImportedInto, Lang::Ru) => "Импортировано в",
            (T::ImportedInto, Lang::En) => "Imported into",
            (T::Replaced, Lang::Kk) => "ауыстырылды",
            (T::Replaced, Lang::Ru) => "заменено",
            (T::Replaced, Lang::En) => "replaced",
            (T::NothingImported, Lang::Kk) => "ештеңе импортталған жоқ",
            (T::NothingImported, Lang::Ru) => "ничего не импортировано",
            (T::NothingImported, Lang::En) => "nothing was imported",
            (T::UseSkipProblems, Lang::Kk) => {
                "оларды түзетіңіз немесе тек дұрыс мәндерді импорттау үшін --skip-problems беріңіз"
            }
            (T::UseSkipProblems, Lang::Ru) => {
                "исправьте их или добавьте --skip-problems, чтобы импортировать только верные значения"
            }
            (T::UseSkipProblems, Lang::En) => {
                "fix them, or give --skip-problems to import only the good values"
            }
            (T::And, Lang::Kk) => "және",
            (T::And, Lang::Ru) => "и",
            (T::And, Lang::En) => "and",
            (T::More, Lang::Kk) => "тағы",
            (T::More, Lang::Ru) => "ещё",
            (T::More, Lang::En) => "more",
            (T::MenuEntry, Lang::Kk) => "Кестені импорттау…",
            (T::MenuEntry, Lang::Ru) => "Импорт таблицы…",
            (T::MenuEntry, Lang::En) => "Import table…",
            (T::WindowTitle, Lang::Kk) => "Статистикалық кестені импорттау",
            (T::WindowTitle, Lang::Ru) => "Импорт статистической таблицы",
            (T::WindowTitle, Lang::En) => "Import a statistics table",
            (T::ChooseInput, Lang::Kk) => {
                "CSV немесе XLSX файлын таңдаңыз: импорттағанға дейін файлға ештеңе жазылмайды."
            }
            (T::ChooseInput, Lang::Ru) => {
                "Выберите файл CSV или XLSX: до импорта в файл ничего не записывается."
            }
            (T::ChooseInput, Lang::En) => {
                "Choose a CSV or XLSX file: nothing is written until you import."
            }
            (T::InputFile, Lang::Kk) => "Кіріс файл",
            (T::InputFile, Lang::Ru) => "Входной файл",
            (T::InputFile, Lang::En) => "Input file",
            (T::ShowPreview, Lang::Kk) => "Алдын ала қарау",
            (T::ShowPreview, Lang::Ru) => "Предпросмотр",
            (T::ShowPreview, Lang::En) => "Preview",
            (T::Reading, Lang::Kk) => "Файл оқылуда…",
            (T::Reading, Lang::Ru) => "Файл читается…",
            (T::Reading, Lang::En) => "Reading the file…",
            (T::NoInputFiles, Lang::Kk) => "мұнда CSV немесе XLSX файлдары жоқ",
            (T::NoInputFiles, Lang::Ru) => "здесь нет файлов CSV или XLSX",
            (T::NoInputFiles, Lang::En) => "no CSV or XLSX files here",
            (T::SheetChoice, Lang::Kk) => "Парақ",
            (T::SheetChoice, Lang::Ru) => "Лист",
            (T::SheetChoice, Lang::En) => "Sheet",
            (T::IndicatorChoice, Lang::Kk) => "Көрсеткіш (кесте оны атамаса)",
            (T::IndicatorChoice, Lang::Ru) => "Показатель (если таблица его не называет)",
            (T::IndicatorChoice, Lang::En) => "Indicator (when the table does not name one)",
            (T::AsTheFileSays, Lang::Kk) => "файлдағыдай",
            (T::AsTheFileSays, Lang::Ru) => "как в файле",
            (T::AsTheFileSays, Lang::En) => "as the file says",
            (T::Region, Lang::Kk) => "Өңір",
            (T::Region, Lang::Ru) => "Регион",
            (T::Region, Lang::En) => "Region",
            (T::Year, Lang::Kk) => "Жыл",
            (T::Year, Lang::Ru) => "Год",
            (T::Year, Lang::En) => "Year",
            (T::Value, Lang::Kk) => "Мән",
            (T::Value, Lang::Ru) => "Значение",
            (T::Value, Lang::En) => "Value",
            (T::InTheFileNow, Lang::Kk) => "Қазір файлда",
            (T::InTheFileNow, Lang::Ru) => "Сейчас в файле",
            (T::InTheFileNow, Lang::En) => "In the file now",
            (T::Line, Lang::Kk) => "Жол",
            (T::Line, Lang::Ru) => "Строка",
            (T::Line, Lang::En) => "Line",
            (T::Column, Lang::Kk) => "Баған",
            (T::Column, Lang::Ru) => "Столбец",
            (T::Column, Lang::En) => "Column",
            (T::Problem, Lang::Kk) => "Қате",
            (T::Problem, Lang::Ru) => "Ошибка",
            (T::Problem, Lang::En) => "Problem",
            (T::RowsMatched, Lang::Kk) => "Танылған мәндер",
            (T::RowsMatched, Lang::Ru) => "Распознано значений",
            (T::RowsMatched, Lang::En) => "Values matched",
            (T::NoProblems, Lang::Kk) => "Қате жоқ",
            (T::NoProblems, Lang::Ru) => "Ошибок нет",
            (T::NoProblems, Lang::En) => "No problems",
            (T::NoValues, Lang::Kk) => "Импортталатын мән жоқ",
            (T::NoValues, Lang::Ru) => "Нет значений для импорта",
            (T::NoValues, Lang::En) => "No values to import",
            (T::ProblemsLeftOut, Lang::Kk) => {
                "Қатесі бар ұяшықтар импортталмайды: оларды қосу үшін файлды түзетіп, қайта оқыңыз."
            }
            (T::ProblemsLeftOut, Lang::Ru) => {
                "Ячейки с ошибками не импортируются: чтобы добавить их, исправьте файл и прочитайте его снова."
            }
            (T::ProblemsLeftOut, Lang::En) => {
                "Cells with problems are left out: to add them, fix the file and read it again."
            }
            (T::Cancel, Lang::Kk) => "Болдырмау",
            (T::Cancel, Lang::Ru) => "Отмена",
            (T::Cancel, Lang::En) => "Cancel",
            (T::Close, Lang::Kk) => "Жабу",
            (T::Close, Lang::Ru) => "Закрыть",
            (T::Close, Lang::En) => "Close",
        }
    }
}

/// A number as the language writes decimals (`1234,5` in Kazakh and Russian, `1234.5` in
/// English), exactly as stored (no rounding).
pub fn number(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    match lang {
        Lang::Kk | Lang::Ru => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Where a cell is: "line 3, column 2" in a CSV file, "row 3, column B" in a workbook.
pub fn place(at: &Place, lang: Lang) -> String {
    let (line, column) = (at.line, at.column_label());
    match (lang, at.spreadsheet) {
        (Lang::Kk, false) => format!("{line}-жол, {column}-баған"),
        (Lang::Kk, true) => format!("{line}-жол, {column} бағаны"),
        (Lang::Ru, _) => format!("строка {line}, столбец {column}"),
        (Lang::En, false) => format!("line {line}, column {column}"),
        (Lang::En, true) => format!("row {line}, column {column}"),
    }
}

/// Why a cell is not a usable number.
pub fn number_error(error: &NumberError, lang: Lang) -> String {
    match (error, lang) {
        (NumberError::NotANumber(t), Lang::Kk) => format!("«{t}» сан емес"),
        (NumberError::NotANumber(t), Lang::Ru) => format!("«{t}» не число"),
        (NumberError::NotANumber(t), Lang::En) => format!("«{t}» is not a number"),
        (NumberError::BadGrouping(t), Lang::Kk) => {
            format!("«{t}» ішінде мыңдық бөлгіштер дұрыс емес (үш цифрдан топтар күтіледі)")
        }
        (NumberError::BadGrouping(t), Lang::Ru) => {
            format!("в «{t}» неверно расставлены разделители тысяч (ожидаются группы по три цифры)")
        }
        (NumberError::BadGrouping(t), Lang::En) => {
            format!("«{t}» has misplaced thousands separators (expected groups of three digits)")
        }
        (NumberError::NotFinite(t), Lang::Kk) => {
            format!("«{t}» шектеулі сан емес (сан емес мән немесе шексіздік)")
        }
        (NumberError::NotFinite(t), Lang::Ru) => {
            format!("«{t}» не конечное число (не число или бесконечность)")
        }
        (NumberError::NotFinite(t), Lang::En) => {
            format!("«{t}» is not a finite number (NaN or infinity)")
        }
        (NumberError::TooLarge(t), Lang::Kk) => {
            format!("«{t}» модулі бойынша 10¹⁵-тен үлкен: бағанның өлшем бірлігін тексеріңіз")
        }
        (NumberError::TooLarge(t), Lang::Ru) => {
            format!("«{t}» по модулю больше 10¹⁵: проверьте единицу измерения столбца")
        }
        (NumberError::TooLarge(t), Lang::En) => {
            format!("«{t}» is larger than 1e15 in magnitude: check the unit of the column")
        }
    }
}

/// A row problem with its place, in `lang`.
pub fn problem(problem: &RowProblem, lang: Lang) -> String {
    format!("{}: {}", place(&problem.place(), lang), problem_text(problem, lang))
}

/// What is wrong with a cell, in `lang`, without its place (shown beside it in a table).
pub fn problem_text(problem: &RowProblem, lang: Lang) -> String {
    match (problem, lang) {
        (RowProblem::UnknownRegion { name, .. }, Lang::Kk) => {
            format!("«{name}» Қазақстан өңірі емес")
        }
        (RowProblem::UnknownRegion { name, .. }, Lang::Ru) => {
            format!("«{name}» не регион Казахстана")
        }
        (RowProblem::UnknownRegion { name, .. }, Lang::En) => {
            format!("«{name}» is not a region of Kazakhstan")
        }
        (RowProblem::BadYear { text, .. }, Lang::Kk) => {
            format!("«{text}» 1990–2100 аралығындағы жыл емес")
        }
        (RowProblem::BadYear { text, .. }, Lang::Ru) => {
            format!("«{text}» не год от 1990 до 2100")
        }
        (RowProblem::BadYear { text, .. }, Lang::En) => {
            format!("«{text}» is not a year between 1990 and 2100")
        }
        (RowProblem::UnknownIndicator { name, known, .. }, Lang::Kk) => {
            format!("файлда «{name}» көрсеткіші жоқ (бары: {known})")
        }
        (RowProblem::UnknownIndicator { name, known, .. }, Lang::Ru) => {
            format!("в файле нет показателя «{name}» (есть: {known})")
        }
        (RowProblem::UnknownIndicator { name, known, .. }, Lang::En) => {
            format!("«{name}» is not an indicator of this file (known: {known})")
        }
        (RowProblem::BadValue { source, .. }, lang) => number_error(source, lang),
        (RowProblem::NegativeValue { indicator, value, .. }, Lang::Kk) => {
            format!("{indicator} теріс бола алмайды ({})", number(*value, lang))
        }
        (RowProblem::NegativeValue { indicator, value, .. }, Lang::Ru) => {
            format!("{indicator} не может быть отрицательным ({})", number(*value, lang))
        }
        (RowProblem::NegativeValue { indicator, value, .. }, Lang::En) => {
            format!("{indicator} cannot be negative ({})", number(*value, lang))
        }
        (RowProblem::MissingCells { found, expected, .. }, Lang::Kk) => {
            format!("ұяшық жетіспейді (жолда {expected} бағанның {found} ғана бар)")
        }
        (RowProblem::MissingCells { found, expected, .. }, Lang::Ru | Lang::En) => {
            // "из 21 столбца", "из 4 столбцов": the genitive after «из».
            const COLUMNS: Noun = Noun {
                kk: "бағанның",
                ru: ["столбца", "столбцов", "столбцов"],
                en: ["column", "columns"],
            };
            let of = COLUMNS.count(plural::n(*expected), lang);
            match lang {
                Lang::Ru => format!("не хватает ячейки (в строке {found} из {of})"),
                _ => format!("a cell is missing (the line has {found} of {of})"),
            }
        }
        (
            RowProblem::ConflictingDuplicate {
                earlier,
                code,
                indicator,
                year,
                value,
                earlier_value,
                ..
            },
            lang,
        ) => {
            let (value, earlier_value) = (number(*value, lang), number(*earlier_value, lang));
            let earlier = place(earlier, lang);
            match lang {
                Lang::Kk => format!(
                    "{code} {indicator} {year}: мұнда {value}, ал жоғарыда ({earlier}) {earlier_value}"
                ),
                Lang::Ru => format!(
                    "{code} {indicator} {year}: здесь {value}, а выше ({earlier}) {earlier_value}"
                ),
                Lang::En => format!(
                    "{code} {indicator} {year} is {value} here but {earlier_value} at {earlier}"
                ),
            }
        }
    }
}

/// "problem" after a count, in the English one-line refusals of the import commands.
pub const PROBLEMS: Noun =
    Noun {
        kk: "қате", ru: ["ошибка", "ошибки", "ошибок"], en: ["problem", "problems"]
    };

/// "3 problems": the English count of an import's problems.
pub fn problems_en(count: usize) -> String {
    PROBLEMS.count(plural::n(count), Lang::En)
}

/// The import button: "Import 4 good rows" (Russian declines the noun after the number).
pub fn import_rows(count: usize, lang: Lang) -> String {
    const GOOD_VALUES: Noun = Noun {
        kk: "дұрыс мәнді",
        ru: ["верное значение", "верных значения", "верных значений"],
        en: ["good value", "good values"],
    };
    let counted = GOOD_VALUES.count(plural::n(count), lang);
    match lang {
        Lang::Kk => format!("{counted} импорттау"),
        Lang::Ru => format!("Импортировать {counted}"),
        Lang::En => format!("Import {counted}"),
    }
}

/// The undo and redo buttons' hover text for an import: "import long.csv: 4".
pub fn batch_label(source: &str, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk | Lang::Ru => format!("импорт {source}: {count}"),
        Lang::En => format!("import {source}: {count}"),
    }
}

/// What an import wrote: "Imported into FILE: 3 new, 1 replaced, 0 unchanged."
pub fn imported(
    file: &str,
    inserted: usize,
    replaced: usize,
    unchanged: usize,
    lang: Lang,
) -> String {
    use ImportText as T;
    let into = match lang {
        Lang::Kk => format!("{file} {}", T::ImportedInto.get(lang)),
        Lang::Ru | Lang::En => format!("{} {file}", T::ImportedInto.get(lang)),
    };
    format!(
        "{into}: {inserted} {}, {replaced} {}, {unchanged} {}.",
        T::New.get(lang),
        T::Replaced.get(lang),
        T::Unchanged.get(lang)
    )
}

/// The refusal of a command that would write `file` while an Oblys window edits it (holds its
/// lock): nothing is written, a dry run still previews.
pub fn open_for_editing(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!(
            "{file} Oblys бағдарламасында өңдеуге ашық; оны сонда жабыңыз немесе --dry-run \
             беріңіз; ештеңе жазылған жоқ"
        ),
        Lang::Ru => format!(
            "{file} открыт для редактирования в Oblys; закройте его там или используйте \
             --dry-run; ничего не записано"
        ),
        Lang::En => format!(
            "{file} is open for editing in Oblys; close it there or use --dry-run; nothing was \
             written"
        ),
    }
}

/// The refusal of a reading command (map, export, projection) when `file`, written by an older
/// Oblys, must be upgraded first but an Oblys window holds its lock.
pub fn upgrade_while_open(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!(
            "{file} файлы Oblys бағдарламасының ескі нұсқасында жазылған, оны оқымас бұрын \
             жаңарту керек, бірақ ол Oblys бағдарламасында өңдеуге ашық; оны сонда жабыңыз; \
             ештеңе жазылған жоқ"
        ),
        Lang::Ru => format!(
            "{file} записан старой версией Oblys и перед чтением должен быть обновлён, но он \
             открыт для редактирования в Oblys; закройте его там; ничего не записано"
        ),
        Lang::En => format!(
            "{file} was written by an older Oblys and must be upgraded before it is read, but it \
             is open for editing in Oblys; close it there; nothing was written"
        ),
    }
}

/// Why a file cannot be previewed, in `lang`: one line naming the file (and the line and column
/// where there is one).
pub fn error(error: &ImportError, lang: Lang) -> String {
    use ImportError as E;
    let at = |line: &u64, column: &u64| {
        place(
            &Place {
                line: *line,
                column: u32::try_from(*column).unwrap_or(u32::MAX),
                spreadsheet: false,
            },
            lang,
        )
    };
    let line_only = |line: &u64| match lang {
        Lang::Kk => format!("{line}-жол"),
        Lang::Ru => format!("строка {line}"),
        Lang::En => format!("line {line}"),
    };
    match (error, lang) {
        (E::Read { file, source }, Lang::Kk) => format!("{file}: оқу мүмкін емес: {source}"),
        (E::Read { file, source }, Lang::Ru) => format!("{file}: не удаётся прочитать: {source}"),
        (E::Read { .. } | E::TooBig { .. }, Lang::En) => error.to_string(),
        (E::TooBig { file, bytes }, Lang::Kk) => {
            format!("{file}: файл {bytes} байт, статистикалық кесте үшін тым үлкен")
        }
        (E::TooBig { file, bytes }, Lang::Ru) => {
            format!("{file}: файл {bytes} байт, слишком велик для статистической таблицы")
        }
        (E::Empty { file }, Lang::Kk) => format!("{file}: файл бос"),
        (E::Empty { file }, Lang::Ru) => format!("{file}: файл пуст"),
        (E::Binary { file, line, column }, Lang::Kk) => format!(
            "{file}: {}: бұл мәтіндік файл емес (нөлдік байт); оны CSV немесе XLSX ретінде сақтаңыз",
            at(line, column)
        ),
        (E::Binary { file, line, column }, Lang::Ru) => format!(
            "{file}: {}: это не текстовый файл (нулевой байт); сохраните его как CSV или XLSX",
            at(line, column)
        ),
        (E::MissingColumn { file, line, column }, Lang::Kk) => format!(
            "{file}: {}: тақырыпта «{column}» бағаны жоқ (өңір, жыл, көрсеткіш, мән күтіледі)",
            line_only(line)
        ),
        (E::MissingColumn { file, line, column }, Lang::Ru) => format!(
            "{file}: {}: в заголовке нет столбца «{column}» (ожидаются регион, год, показатель, значение)",
            line_only(line)
        ),
        (E::NoHeader { file, line }, Lang::Kk) => format!(
            "{file}: {}: тақырып жолы табылмады (өңір, жыл, көрсеткіш, мән бағандары немесе өңір \
             бағаны мен жыл бағандары)",
            line_only(line)
        ),
        (E::NoHeader { file, line }, Lang::Ru) => format!(
            "{file}: {}: строка заголовка не найдена (столбцы регион, год, показатель, значение \
             или столбец регионов и столбцы лет)",
            line_only(line)
        ),
        (E::UnclosedQuote { file, line, column }, Lang::Kk) => {
            format!("{file}: {}: бұл тырнақша жабылмаған", at(line, column))
        }
        (E::UnclosedQuote { file, line, column }, Lang::Ru) => {
            format!("{file}: {}: эта кавычка не закрыта", at(line, column))
        }
        (E::LineTooLong { file, line, length }, Lang::Kk) => format!(
            "{file}: {}: жол {length} байт (ең көбі {}); бұл CSV файлы ма?",
            at(line, &1),
            crate::io::import::csv_input::MAX_LINE_BYTES
        ),
        (E::LineTooLong { file, line, length }, Lang::Ru) => format!(
            "{file}: {}: строка длиной {length} байт (не больше {}); это точно CSV?",
            at(line, &1),
            crate::io::import::csv_input::MAX_LINE_BYTES
        ),
        (E::Malformed { file, line, message }, Lang::Kk | Lang::Ru) => {
            format!("{file}: {}: {message}", line_only(line))
        }
        (E::NotXlsx { file, reason }, Lang::Kk) => format!("{file}: XLSX кітабы емес ({reason})"),
        (E::NotXlsx { file, reason }, Lang::Ru) => {
            format!("{file}: это не книга XLSX ({reason})")
        }
        (E::NoSuchSheet { file, sheet, sheets }, Lang::Kk) => {
            format!("{file}: «{sheet}» парағы жоқ (парақтар: {sheets})")
        }
        (E::NoSuchSheet { file, sheet, sheets }, Lang::Ru) => {
            format!("{file}: нет листа «{sheet}» (листы: {sheets})")
        }
        (E::SheetOfText { file }, Lang::Kk) => {
            format!("{file}: --sheet тек XLSX кітаптарына қатысты; бұл файл CSV ретінде оқылады")
        }
        (E::SheetOfText { file }, Lang::Ru) => {
            format!("{file}: --sheet относится к книгам XLSX; этот файл читается как CSV")
        }
        (E::XlsxRead { file, sheet, message }, Lang::Kk) => {
            format!("{file}, «{sheet}» парағы: кітап бүлінген: {message}")
        }
        (E::XlsxRead { file, sheet, message }, Lang::Ru) => {
            format!("{file}, лист «{sheet}»: книга повреждена: {message}")
        }
        (E::SheetTooLarge { file, sheet, row, column }, Lang::Kk) => format!(
            "{file}, «{sheet}» парағы: {row}-жол, {column}-баған: Excel шегінен тыс ұяшық; кітап бүлінген"
        ),
        (E::SheetTooLarge { file, sheet, row, column }, Lang::Ru) => format!(
            "{file}, лист «{sheet}»: строка {row}, столбец {column}: ячейка за пределами Excel; \
             книга повреждена"
        ),
        (E::NoIndicator { file, line, known }, Lang::Kk) => format!(
            "{file}: {}: жылдар кестесі, бірақ қай көрсеткіштің? Тақырыпта көрсеткіш аталмаған; \
             --indicator беріңіз (бары: {known})",
            line_only(line)
        ),
        (E::NoIndicator { file, line, known }, Lang::Ru) => format!(
            "{file}: {}: таблица по годам, но какого показателя? В заголовке он не назван; \
             укажите --indicator (есть: {known})",
            line_only(line)
        ),
        (E::NoIndicatorColumn { file, line, known }, Lang::Kk) => format!(
            "{file}: {}: «көрсеткіш» бағаны жоқ, тақырыпта да көрсеткіш аталмаған; --indicator \
             беріңіз (бары: {known})",
            line_only(line)
        ),
        (E::NoIndicatorColumn { file, line, known }, Lang::Ru) => format!(
            "{file}: {}: нет столбца «показатель», и заголовок его не называет; укажите \
             --indicator (есть: {known})",
            line_only(line)
        ),
        (E::UnknownIndicatorOption { name, known }, Lang::Kk) => {
            format!("файлда «{name}» көрсеткіші жоқ (бары: {known})")
        }
        (E::UnknownIndicatorOption { name, known }, Lang::Ru) => {
            format!("в файле нет показателя «{name}» (есть: {known})")
        }
        (_, Lang::En) => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [ImportText; 52] = [
        ImportText::LongLayout,
        ImportText::LongOneIndicatorLayout,
        ImportText::WideLayout,
        ImportText::FromTitle,
        ImportText::Indicator,
        ImportText::Years,
        ImportText::HeaderOnLine,
        ImportText::Sheet,
        ImportText::Comma,
        ImportText::Semicolon,
        ImportText::Tab,
        ImportText::ValuesToImport,
        ImportText::New,
        ImportText::Replacing,
        ImportText::Unchanged,
        ImportText::Replaces,
        ImportText::OutsideUnitYears,
        ImportText::MissingSkipped,
        ImportText::NotesSkipped,
        ImportText::Problems,
        ImportText::TheFirstAt,
        ImportText::ProblemsSkipped,
        ImportText::DryRun,
        ImportText::ImportedInto,
        ImportText::Replaced,
        ImportText::NothingImported,
        ImportText::UseSkipProblems,
        ImportText::And,
        ImportText::More,
        ImportText::MenuEntry,
        ImportText::WindowTitle,
        ImportText::ChooseInput,
        ImportText::InputFile,
        ImportText::ShowPreview,
        ImportText::Reading,
        ImportText::NoInputFiles,
        ImportText::SheetChoice,
        ImportText::IndicatorChoice,
        ImportText::AsTheFileSays,
        ImportText::Region,
        ImportText::Year,
        ImportText::Value,
        ImportText::InTheFileNow,
        ImportText::Line,
        ImportText::Column,
        ImportText::Problem,
        ImportText::RowsMatched,
        ImportText::NoProblems,
        ImportText::NoValues,
        ImportText::ProblemsLeftOut,
        ImportText::Cancel,
        ImportText::Close,
    ];

    fn latin_outside_options(text: &str) -> Vec<char> {
        // Command-line options are written as typed.
        let text =
            text.replace("--skip-problems", "").replace("--indicator", "").replace("--sheet", "");
        let text = text.replace("CSV", "").replace("XLSX", "").replace("Excel", "");
        text.chars().filter(char::is_ascii_alphabetic).collect()
    }

    #[test]
    fn kazakh_and_russian_texts_have_no_latin_letters() {
        for text in ALL {
            for lang in [Lang::Kk, Lang::Ru] {
                let t = text.get(lang);
                assert_eq!(latin_outside_options(t), Vec::<char>::new(), "{text:?} {lang:?}: {t}");
            }
        }
    }

    fn every_problem(spreadsheet: bool) -> Vec<RowProblem> {
        let at = Place { line: 7, column: 2, spreadsheet };
        let earlier = Place { line: 5, column: 2, spreadsheet };
        vec![
            RowProblem::UnknownRegion { at, name: "Атлантида".into() },
            RowProblem::BadYear { at, text: "20х0".into() },
            RowProblem::UnknownIndicator {
                at, name: "счастье".into(), known: "ВРП".into()
            },
            RowProblem::BadValue { at, source: NumberError::NotANumber("много".into()) },
            RowProblem::BadValue { at, source: NumberError::BadGrouping("12 34".into()) },
            RowProblem::BadValue { at, source: NumberError::NotFinite("∞".into()) },
            RowProblem::BadValue { at, source: NumberError::TooLarge("1".into()) },
            RowProblem::NegativeValue { at, indicator: "ВРП".into(), value: -5.5 },
            RowProblem::MissingCells { at, found: 2, expected: 4 },
            RowProblem::ConflictingDuplicate {
                at,
                earlier,
                code: "КЗ".into(),
                indicator: "ВРП".into(),
                year: 2020,
                value: 2.5,
                earlier_value: 3.0,
            },
        ]
    }

    #[test]
    fn every_problem_is_written_in_each_language_with_its_place() {
        // Column letters are Latin in every language (as Excel shows them): checked with numbers.
        for p in every_problem(false) {
            for lang in [Lang::Kk, Lang::Ru] {
                let text = problem(&p, lang);
                assert_eq!(latin_outside_options(&text), Vec::<char>::new(), "{text}");
            }
            assert_eq!(problem(&p, Lang::En), p.to_string());
        }
        let duplicate = every_problem(true).pop().unwrap();
        assert_eq!(
            problem(&duplicate, Lang::Ru),
            "строка 7, столбец B: КЗ ВРП 2020: здесь 2,5, а выше (строка 5, столбец B) 3"
        );
        assert_eq!(
            problem(&duplicate, Lang::Kk),
            "7-жол, B бағаны: КЗ ВРП 2020: мұнда 2,5, ал жоғарыда (5-жол, B бағаны) 3"
        );
    }

    #[test]
    fn the_import_button_counts_values_in_each_language() {
        let ru: Vec<String> = [1, 2, 5, 11, 21, 24, 112].map(|n| import_rows(n, Lang::Ru)).into();
        assert_eq!(
            ru,
            [
                "Импортировать 1 верное значение",
                "Импортировать 2 верных значения",
                "Импортировать 5 верных значений",
                "Импортировать 11 верных значений",
                "Импортировать 21 верное значение",
                "Импортировать 24 верных значения",
                "Импортировать 112 верных значений",
            ]
        );
        assert_eq!(import_rows(1, Lang::En), "Import 1 good value");
        assert_eq!(import_rows(4, Lang::En), "Import 4 good values");
        assert_eq!(import_rows(4, Lang::Kk), "4 дұрыс мәнді импорттау");
        assert_eq!(import_rows(1_021, Lang::Ru), "Импортировать 1\u{a0}021 верное значение");
        assert_eq!(import_rows(12_000, Lang::En), "Import 12,000 good values");
        assert_eq!([problems_en(1), problems_en(3)], ["1 problem", "3 problems"]);
        assert_eq!(
            imported("a.gpkg", 3, 1, 0, Lang::Kk),
            "a.gpkg файлына импортталды: 3 жаңа, 1 ауыстырылды, 0 өзгеріссіз."
        );
        assert_eq!(
            imported("a.gpkg", 3, 1, 0, Lang::En),
            "Imported into a.gpkg: 3 new, 1 replaced, 0 unchanged."
        );
    }

    #[test]
    fn a_missing_cell_counts_the_columns_in_the_genitive_after_iz() {
        let missing = |found, expected| RowProblem::MissingCells {
            at: Place { line: 3, column: 1, spreadsheet: false },
            found,
            expected,
        };
        assert_eq!(
            problem_text(&missing(2, 4), Lang::Ru),
            "не хватает ячейки (в строке 2 из 4 столбцов)"
        );
        assert_eq!(
            problem_text(&missing(20, 21), Lang::Ru),
            "не хватает ячейки (в строке 20 из 21 столбца)"
        );
        assert_eq!(
            problem_text(&missing(0, 1), Lang::En),
            "a cell is missing (the line has 0 of 1 column)"
        );
        assert_eq!(
            problem_text(&missing(2, 4), Lang::Kk),
            "ұяшық жетіспейді (жолда 4 бағанның 2 ғана бар)"
        );
    }

    #[test]
    fn a_problem_is_its_place_then_what_is_wrong() {
        let p = RowProblem::UnknownRegion {
            at: Place { line: 3, column: 1, spreadsheet: false },
            name: "Атлантида".into(),
        };
        assert_eq!(problem_text(&p, Lang::Ru), "«Атлантида» не регион Казахстана");
        assert_eq!(problem(&p, Lang::Ru), "строка 3, столбец 1: «Атлантида» не регион Казахстана");
    }

    #[test]
    fn a_file_open_in_a_window_is_named_in_each_language() {
        assert_eq!(
            open_for_editing("a.gpkg", Lang::En),
            "a.gpkg is open for editing in Oblys; close it there or use --dry-run; nothing was \
             written"
        );
        for lang in [Lang::Kk, Lang::Ru] {
            let text = open_for_editing("файл", lang);
            let text = text.replace("Oblys", "").replace("--dry-run", "");
            assert_eq!(latin_outside_options(&text), Vec::<char>::new(), "{text}");
        }
        assert!(open_for_editing("a.gpkg", Lang::Ru).starts_with("a.gpkg открыт"));
        for lang in [Lang::Kk, Lang::Ru] {
            let text = upgrade_while_open("файл", lang).replace("Oblys", "");
            assert_eq!(latin_outside_options(&text), Vec::<char>::new(), "{text}");
        }
    }

    #[test]
    fn refusals_name_file_line_and_column_in_each_language() {
        let quote = ImportError::UnclosedQuote { file: "a.csv".into(), line: 2, column: 22 };
        assert_eq!(error(&quote, Lang::En), "a.csv: line 2, column 22: this quote is never closed");
        assert_eq!(error(&quote, Lang::Ru), "a.csv: строка 2, столбец 22: эта кавычка не закрыта");
        assert_eq!(error(&quote, Lang::Kk), "a.csv: 2-жол, 22-баған: бұл тырнақша жабылмаған");
    }
}
