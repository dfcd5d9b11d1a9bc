//! Texts of editing and of files: the Data window (indicator values, growth points, projects,
//! corridors, placing on the map), undo and redo, the validation messages shown beside a field,
//! the File menu and its path dialog, and the notice of a file opened read-only.

use crate::model::{CorridorKind, Lang};

/// One fixed string of editing and files; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditText {
    DataButton,
    DataTitle,
    Values,
    GrowthPoints,
    Projects,
    Corridors,
    SelectRegionFirst,
    Year,
    Value,
    AddYear,
    Delete,
    Save,
    Cancel,
    New,
    Edit,
    PlaceOnMap,
    PlacingHint,
    DrawLine,
    DrawingHint,
    Region,
    RegionFromMap,
    NameKk,
    NameRu,
    NameEn,
    Level,
    NoLevel,
    Monotown,
    Population,
    PopulationYear,
    Company,
    Sector,
    Status,
    ProjectYear,
    Investment,
    InvestmentUnit,
    Jobs,
    Capacity,
    Longitude,
    Latitude,
    Kind,
    Points,
    Undo,
    Redo,
    ReadOnlyNotice,
    ReadOnlyRefusal,
    File,
    NewFile,
    OpenFile,
    SaveAs,
    RecentFiles,
    NoRecentFiles,
    PathLabel,
    Confirm,
    FolderEmpty,
    NotAFolder,
    NewFileTitle,
    OpenFileTitle,
    SaveAsTitle,
    FileExists,
    Folders,
    NotSaved,
    StaleEdit,
    MismatchedEdit,
    ExportTable,
    ExportTableTitle,
    TableLabel,
    TableIndicators,
    TableRegions,
    Projection,
    ExportFormatHint,
    UnknownExportFormat,
    NoGeometry,
    Written,
    Close,
    ScenarioGone,
}

impl EditText {
    /// Every text, for checks over all of them.
    pub const ALL: [EditText; 75] = [
        EditText::DataButton,
        EditText::DataTitle,
        EditText::Values,
        EditText::GrowthPoints,
        EditText::Projects,
        EditText::Corridors,
        EditText::SelectRegionFirst,
        EditText::Year,
        EditText::Value,
        EditText::AddYear,
        EditText::Delete,
        EditText::Save,
        EditText::Cancel,
        EditText::New,
        EditText::Edit,
        EditText::PlaceOnMap,
        EditText::PlacingHint,
        EditText::DrawLine,
        EditText::DrawingHint,
        EditText::Region,
        EditText::RegionFromMap,
        EditText::NameKk,
        EditText::NameRu,
        EditText::NameEn,
        EditText::Level,
        EditText::NoLevel,
        EditText::Monotown,
        EditText::Population,
        EditText::PopulationYear,
        EditText::Company,
        EditText::Sector,
        EditText::Status,
        EditText::ProjectYear,
        EditText::Investment,
        EditText::InvestmentUnit,
        EditText::Jobs,
        EditText::Capacity,
        EditText::Longitude,
        EditText::Latitude,
        EditText::Kind,
        EditText::Points,
        EditText::Undo,
        EditText::Redo,
        EditText::ReadOnlyNotice,
        EditText::ReadOnlyRefusal,
        EditText::File,
        EditText::NewFile,
        EditText::OpenFile,
        EditText::SaveAs,
        EditText::RecentFiles,
        EditText::NoRecentFiles,
        EditText::PathLabel,
        EditText::Confirm,
        EditText::FolderEmpty,
        EditText::NotAFolder,
        EditText::NewFileTitle,
        EditText::OpenFileTitle,
        EditText::SaveAsTitle,
        EditText::FileExists,
        EditText::Folders,
        EditText::NotSaved,
        EditText::StaleEdit,
        EditText::MismatchedEdit,
        EditText::ExportTable,
        EditText::ExportTableTitle,
        EditText::TableLabel,
        EditText::TableIndicators,
        EditText::TableRegions,
        EditText::Projection,
        EditText::ExportFormatHint,
        EditText::UnknownExportFormat,
        EditText::NoGeometry,
        EditText::Written,
        EditText::Close,
        EditText::ScenarioGone,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use EditText as T;
        use Lang::{En, Kk, Ru};
        match (self, lang) {
            (T::DataButton, Kk) => "Деректер",
            (T::DataButton, Ru) => "Данные",
            (T::DataButton, En) => "Data",
            (T::DataTitle, Kk) => "Деректерді өңдеу",
            (T::DataTitle, Ru) => "Редактирование данных",
            (T::DataTitle, En) => "Edit data",
            (T::Values, Kk) => "Көрсеткіш мәндері",
            (T::Values, Ru) => "Значения показателя",
            (T::Values, En) => "Indicator values",
            (T::GrowthPoints, Kk) => "Өсу нүктелері",
            (T::GrowthPoints, Ru) => "Точки роста",
            (T::GrowthPoints, En) => "Growth points",
            (T::Projects, Kk) => "Жобалар",
            (T::Projects, Ru) => "Проекты",
            (T::Projects, En) => "Projects",
            (T::Corridors, Kk) => "Дәліздер",
            (T::Corridors, Ru) => "Коридоры",
            (T::Corridors, En) => "Corridors",
            (T::SelectRegionFirst, Kk) => "Мәндерін өңдеу үшін картадан өңірді таңдаңыз.",
            (T::SelectRegionFirst, Ru) => "Выберите регион на карте, чтобы изменить его значения.",
            (T::SelectRegionFirst, En) => "Select a region on the map to edit its values.",
            (T::Year, Kk) => "Жыл",
            (T::Year, Ru) => "Год",
            (T::Year, En) => "Year",
            (T::Value, Kk) => "Мән",
            (T::Value, Ru) => "Значение",
            (T::Value, En) => "Value",
            (T::AddYear, Kk) => "Жыл қосу",
            (T::AddYear, Ru) => "Добавить год",
            (T::AddYear, En) => "Add year",
            (T::Delete, Kk) => "Жою",
            (T::Delete, Ru) => "Удалить",
            (T::Delete, En) => "Delete",
            (T::Save, Kk) => "Сақтау",
            (T::Save, Ru) => "Сохранить",
            (T::Save, En) => "Save",
            (T::Cancel, Kk) => "Бас тарту",
            (T::Cancel, Ru) => "Отмена",
            (T::Cancel, En) => "Cancel",
            (T::New, Kk) => "Жаңа",
            (T::New, Ru) => "Новый",
            (T::New, En) => "New",
            (T::Edit, Kk) => "Өңдеу",
            (T::Edit, Ru) => "Изменить",
            (T::Edit, En) => "Edit",
            (T::PlaceOnMap, Kk) => "Картаға қою",
            (T::PlaceOnMap, Ru) => "Указать на карте",
            (T::PlaceOnMap, En) => "Place on map",
            (T::PlacingHint, Kk) => "Нүктені картадан басыңыз (Esc — бас тарту)",
            (T::PlacingHint, Ru) => "Щёлкните точку на карте (Esc — отмена)",
            (T::PlacingHint, En) => "Click the point on the map (Esc cancels)",
            (T::DrawLine, Kk) => "Картада сызу",
            (T::DrawLine, Ru) => "Нарисовать на карте",
            (T::DrawLine, En) => "Draw on map",
            (T::DrawingHint, Kk) => {
                "Сызықтың нүктелерін басыңыз; екі рет басу немесе Enter — аяқтау, Esc — бас тарту"
            }
            (T::DrawingHint, Ru) => {
                "Щёлкайте точки линии; двойной щелчок или Enter — завершить, Esc — отмена"
            }
            (T::DrawingHint, En) => {
                "Click the points of the line; double-click or Enter finishes, Esc cancels"
            }
            (T::Region, Kk) => "Өңір",
            (T::Region, Ru) => "Регион",
            (T::Region, En) => "Region",
            (T::RegionFromMap, Kk) => "картадағы нүкте бойынша",
            (T::RegionFromMap, Ru) => "по точке на карте",
            (T::RegionFromMap, En) => "from the point on the map",
            (T::NameKk, Kk) => "Атауы (қазақша)",
            (T::NameKk, Ru) => "Название (каз.)",
            (T::NameKk, En) => "Name (Kazakh)",
            (T::NameRu, Kk) => "Атауы (орысша)",
            (T::NameRu, Ru) => "Название (рус.)",
            (T::NameRu, En) => "Name (Russian)",
            (T::NameEn, Kk) => "Атауы (ағылшынша)",
            (T::NameEn, Ru) => "Название (англ.)",
            (T::NameEn, En) => "Name (English)",
            (T::Level, Kk) => "Деңгейі",
            (T::Level, Ru) => "Уровень",
            (T::Level, En) => "Level",
            (T::NoLevel, Kk) => "деңгейсіз",
            (T::NoLevel, Ru) => "без уровня",
            (T::NoLevel, En) => "no level",
            (T::Monotown, Kk) => "Моноқала",
            (T::Monotown, Ru) => "Моногород",
            (T::Monotown, En) => "Monotown",
            (T::Population, Kk) => "Халық саны",
            (T::Population, Ru) => "Население",
            (T::Population, En) => "Population",
            (T::PopulationYear, Kk) => "Халық санының жылы",
            (T::PopulationYear, Ru) => "Год численности",
            (T::PopulationYear, En) => "Population year",
            (T::Company, Kk) => "Компания",
            (T::Company, Ru) => "Компания",
            (T::Company, En) => "Company",
            (T::Sector, Kk) => "Саласы",
            (T::Sector, Ru) => "Отрасль",
            (T::Sector, En) => "Sector",
            (T::Status, Kk) => "Күйі",
            (T::Status, Ru) => "Статус",
            (T::Status, En) => "Status",
            (T::ProjectYear, Kk) => "Іске қосу жылы",
            (T::ProjectYear, Ru) => "Год запуска",
            (T::ProjectYear, En) => "Launch year",
            (T::Investment, Kk) => "Инвестиция",
            (T::Investment, Ru) => "Инвестиции",
            (T::Investment, En) => "Investment",
            (T::InvestmentUnit, Kk) => "Өлшем бірлігі",
            (T::InvestmentUnit, Ru) => "Единица",
            (T::InvestmentUnit, En) => "Unit",
            (T::Jobs, Kk) => "Жұмыс орындары",
            (T::Jobs, Ru) => "Рабочие места",
            (T::Jobs, En) => "Jobs",
            (T::Capacity, Kk) => "Қуаты",
            (T::Capacity, Ru) => "Мощность",
            (T::Capacity, En) => "Capacity",
            (T::Longitude, Kk) => "Бойлық",
            (T::Longitude, Ru) => "Долгота",
            (T::Longitude, En) => "Longitude",
            (T::Latitude, Kk) => "Ендік",
            (T::Latitude, Ru) => "Широта",
            (T::Latitude, En) => "Latitude",
            (T::Kind, Kk) => "Түрі",
            (T::Kind, Ru) => "Вид",
            (T::Kind, En) => "Kind",
            (T::Points, Kk) => "Нүктелер",
            (T::Points, Ru) => "Точек",
            (T::Points, En) => "Points",
            (T::Undo, Kk) => "Болдырмау",
            (T::Undo, Ru) => "Отменить",
            (T::Undo, En) => "Undo",
            (T::Redo, Kk) => "Қайтару",
            (T::Redo, Ru) => "Повторить",
            (T::Redo, En) => "Redo",
            (T::ReadOnlyNotice, Kk) => {
                "Бұл файл басқа Oblys терезесінде ашық, сондықтан тек оқуға ашылды: өзгерістер \
                 сақталмайды."
            }
            (T::ReadOnlyNotice, Ru) => {
                "Этот файл открыт в другом окне Oblys, поэтому открыт только для чтения: \
                 изменения не сохраняются."
            }
            (T::ReadOnlyNotice, En) => {
                "This file is open in another Oblys window, so it was opened read-only: edits \
                 are not saved."
            }
            (T::ReadOnlyRefusal, Kk) => {
                "Өзгеріс сақталмады: файл басқа Oblys терезесінде ашық (тек оқу)."
            }
            (T::ReadOnlyRefusal, Ru) => {
                "Изменение не сохранено: файл открыт в другом окне Oblys (только чтение)."
            }
            (T::ReadOnlyRefusal, En) => {
                "The edit was not saved: the file is open in another Oblys window (read-only)."
            }
            (T::File, Kk) => "Файл",
            (T::File, Ru) => "Файл",
            (T::File, En) => "File",
            (T::NewFile, Kk) => "Жаңа файл…",
            (T::NewFile, Ru) => "Новый файл…",
            (T::NewFile, En) => "New file…",
            (T::OpenFile, Kk) => "Ашу…",
            (T::OpenFile, Ru) => "Открыть…",
            (T::OpenFile, En) => "Open…",
            (T::SaveAs, Kk) => "Басқаша сақтау…",
            (T::SaveAs, Ru) => "Сохранить как…",
            (T::SaveAs, En) => "Save as…",
            (T::RecentFiles, Kk) => "Соңғы файлдар",
            (T::RecentFiles, Ru) => "Недавние файлы",
            (T::RecentFiles, En) => "Recent files",
            (T::NoRecentFiles, Kk) => "әзірге жоқ",
            (T::NoRecentFiles, Ru) => "пока нет",
            (T::NoRecentFiles, En) => "none yet",
            (T::PathLabel, Kk) => "Файл жолы",
            (T::PathLabel, Ru) => "Путь к файлу",
            (T::PathLabel, En) => "File path",
            (T::Confirm, Kk) => "Жарайды",
            (T::Confirm, Ru) => "ОК",
            (T::Confirm, En) => "OK",
            (T::FolderEmpty, Kk) => "бұл қалтада .gpkg файлдары жоқ",
            (T::FolderEmpty, Ru) => "в этой папке нет файлов .gpkg",
            (T::FolderEmpty, En) => "no .gpkg files in this folder",
            (T::NotAFolder, Kk) => "мұндай қалта жоқ",
            (T::NotAFolder, Ru) => "такой папки нет",
            (T::NotAFolder, En) => "no such folder",
            (T::NewFileTitle, Kk) => "Әдепкі деректерден жаңа файл",
            (T::NewFileTitle, Ru) => "Новый файл из данных по умолчанию",
            (T::NewFileTitle, En) => "New file from the default data",
            (T::OpenFileTitle, Kk) => "Файлды ашу",
            (T::OpenFileTitle, Ru) => "Открыть файл",
            (T::OpenFileTitle, En) => "Open a file",
            (T::SaveAsTitle, Kk) => "Көшірмесін сақтау және онымен жалғастыру",
            (T::SaveAsTitle, Ru) => "Сохранить копию и продолжить в ней",
            (T::SaveAsTitle, En) => "Save a copy and continue in it",
            (T::FileExists, Kk) => "мұндай файл бар; басқа атау таңдаңыз",
            (T::FileExists, Ru) => "такой файл уже есть; выберите другое имя",
            (T::FileExists, En) => "that file exists; choose another name",
            (T::Folders, Kk) => "Қалта",
            (T::Folders, Ru) => "Папка",
            (T::Folders, En) => "Folder",
            (T::NotSaved, Kk) => "Өзгеріс сақталмады",
            (T::NotSaved, Ru) => "Изменение не сохранено",
            (T::NotSaved, En) => "The edit was not saved",
            (T::StaleEdit, Kk) => {
                "Өзгеріс енгізілмеді: деректер осы өзгерістен кейін өзгерген (алдымен басқа                  өзгеріс жасалды)."
            }
            (T::StaleEdit, Ru) => {
                "Изменение не применено: данные изменились после него (раньше было сделано                  другое изменение)."
            }
            (T::StaleEdit, En) => {
                "The edit was not applied: the data changed since it was made (another edit came                  first)."
            }
            (T::MismatchedEdit, Kk) => "Өзгеріс енгізілмеді: оның екі жағы әр түрлі жолдар.",
            (T::MismatchedEdit, Ru) => {
                "Изменение не применено: его стороны относятся к разным строкам."
            }
            (T::MismatchedEdit, En) => {
                "The edit was not applied: its two sides name different rows."
            }
            (T::ExportTable, Kk) => "Кестені экспорттау…",
            (T::ExportTable, Ru) => "Экспорт таблицы…",
            (T::ExportTable, En) => "Export a table…",
            (T::ExportTableTitle, Kk) => "Есепке арналған кестені немесе QGIS қабатын жазу",
            (T::ExportTableTitle, Ru) => "Записать таблицу для отчёта или слой для QGIS",
            (T::ExportTableTitle, En) => "Write a table for a report or a layer for QGIS",
            (T::TableLabel, Kk) => "Кесте",
            (T::TableLabel, Ru) => "Таблица",
            (T::TableLabel, En) => "Table",
            (T::TableIndicators, Kk) => "Көрсеткіштер мәндері",
            (T::TableIndicators, Ru) => "Значения показателей",
            (T::TableIndicators, En) => "Indicator values",
            (T::TableRegions, Kk) => "Барлық шекара басылымдарының өңірлері",
            (T::TableRegions, Ru) => "Регионы всех редакций границ",
            (T::TableRegions, En) => "Regions of every boundary edition",
            (T::Projection, Kk) => "Болжам",
            (T::Projection, Ru) => "Прогноз",
            (T::Projection, En) => "Projection",
            (T::ExportFormatHint, Kk) => {
                "Пішімді кеңейтім анықтайды: кез келген кесте үшін .csv немесе .xlsx, қабаттар \
                 үшін .geojson (өңірлер, өсу нүктелері, жобалар, дәліздер)."
            }
            (T::ExportFormatHint, Ru) => {
                "Формат задаётся расширением: .csv или .xlsx для любой таблицы, .geojson для \
                 слоёв (регионы, точки роста, проекты, коридоры)."
            }
            (T::ExportFormatHint, En) => {
                "The extension picks the format: .csv or .xlsx for any table, .geojson for the \
                 layers (regions, growth points, projects, corridors)."
            }
            (T::UnknownExportFormat, Kk) => {
                "файл атауы .csv, .xlsx немесе .geojson кеңейтімімен аяқталуы керек"
            }
            (T::UnknownExportFormat, Ru) => {
                "имя файла должно оканчиваться на .csv, .xlsx или .geojson"
            }
            (T::UnknownExportFormat, En) => "the file name must end in .csv, .xlsx or .geojson",
            (T::NoGeometry, Kk) => {
                "бұл кестеде геометрия жоқ, сондықтан ол қабат бола алмайды: оны .csv немесе \
                 .xlsx етіп жазыңыз"
            }
            (T::NoGeometry, Ru) => {
                "у этой таблицы нет геометрии, слоем она быть не может: запишите её в .csv или \
                 .xlsx"
            }
            (T::NoGeometry, En) => {
                "this table has no geometry, so it cannot be a layer: write it as .csv or .xlsx"
            }
            (T::Written, Kk) => "Жазылды",
            (T::Written, Ru) => "Записано",
            (T::Written, En) => "Written",
            (T::Close, Kk) => "Жабу",
            (T::Close, Ru) => "Закрыть",
            (T::Close, En) => "Close",
            (T::ScenarioGone, Kk) => "бұл сценарий файлда енді жоқ",
            (T::ScenarioGone, Ru) => "этого сценария в файле больше нет",
            (T::ScenarioGone, En) => "this scenario is no longer in the file",
        }
    }
}

/// Why an edit typed into a form cannot be saved; shown beside the field it concerns.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The point lies outside every current region of Kazakhstan.
    OutsideKazakhstan { lon: f64, lat: f64 },
    /// A count or amount below zero.
    Negative,
    /// A year outside 1990–2100.
    YearOutOfRange(i32),
    /// No name in any of the three languages.
    MissingName,
    /// The text is not a number (or not a whole number where one is needed).
    NotANumber(String),
    /// A required number left empty.
    Required,
    /// A project needs a place (on the map or typed as coordinates).
    MissingLocation,
    /// The region chosen is not a current region of the file.
    UnknownRegion(String),
    /// A line needs at least two points.
    LineTooShort,
    /// A value already exists for that year (adding a year that is there).
    YearExists(i32),
}

impl Problem {
    /// The message in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        use Lang::{En, Kk, Ru};
        match (self, lang) {
            (Problem::OutsideKazakhstan { lon, lat }, Kk) => {
                format!("{lat:.3}° с.е., {lon:.3}° ш.б. нүктесі Қазақстан өңірлерінен тыс")
            }
            (Problem::OutsideKazakhstan { lon, lat }, Ru) => {
                format!("точка {lat:.3}° с. ш., {lon:.3}° в. д. вне регионов Казахстана")
            }
            (Problem::OutsideKazakhstan { lon, lat }, En) => {
                format!("the point {lat:.3}° N, {lon:.3}° E lies outside Kazakhstan's regions")
            }
            (Problem::Negative, Kk) => "теріс сан болмауы керек".to_owned(),
            (Problem::Negative, Ru) => "не может быть отрицательным".to_owned(),
            (Problem::Negative, En) => "cannot be negative".to_owned(),
            (Problem::YearOutOfRange(y), Kk) => {
                format!("{y} жыл 1990–2100 аралығынан тыс")
            }
            (Problem::YearOutOfRange(y), Ru) => format!("год {y} вне диапазона 1990–2100"),
            (Problem::YearOutOfRange(y), En) => format!("the year {y} is outside 1990–2100"),
            (Problem::MissingName, Kk) => "кемінде бір тілде атауын жазыңыз".to_owned(),
            (Problem::MissingName, Ru) => "укажите название хотя бы на одном языке".to_owned(),
            (Problem::MissingName, En) => "enter a name in at least one language".to_owned(),
            (Problem::NotANumber(t), Kk) => format!("«{t}» сан емес"),
            (Problem::NotANumber(t), Ru) => format!("«{t}» — не число"),
            (Problem::NotANumber(t), En) => format!("«{t}» is not a number"),
            (Problem::Required, Kk) => "толтырылуы керек".to_owned(),
            (Problem::Required, Ru) => "обязательное поле".to_owned(),
            (Problem::Required, En) => "required".to_owned(),
            (Problem::MissingLocation, Kk) => {
                "орнын картадан көрсетіңіз немесе координаталарын жазыңыз".to_owned()
            }
            (Problem::MissingLocation, Ru) => {
                "укажите место на карте или введите координаты".to_owned()
            }
            (Problem::MissingLocation, En) => {
                "place it on the map or type its coordinates".to_owned()
            }
            (Problem::UnknownRegion(c), Kk) => format!("{c} — қазіргі өңір емес"),
            (Problem::UnknownRegion(c), Ru) => format!("{c} — не текущий регион"),
            (Problem::UnknownRegion(c), En) => format!("{c} is not a current region"),
            (Problem::LineTooShort, Kk) => "сызыққа кемінде екі нүкте керек".to_owned(),
            (Problem::LineTooShort, Ru) => "для линии нужно не менее двух точек".to_owned(),
            (Problem::LineTooShort, En) => "a line needs at least two points".to_owned(),
            (Problem::YearExists(y), Kk) => format!("{y} жылдың мәні бар, оны кестеде өзгертіңіз"),
            (Problem::YearExists(y), Ru) => {
                format!("значение за {y} год уже есть, измените его в таблице")
            }
            (Problem::YearExists(y), En) => {
                format!("{y} already has a value; change it in the table")
            }
        }
    }
}

/// The name of a corridor kind.
pub fn corridor_kind(kind: CorridorKind, lang: Lang) -> &'static str {
    use Lang::{En, Kk, Ru};
    match (kind, lang) {
        (CorridorKind::Railway, Kk) => "темір жол",
        (CorridorKind::Railway, Ru) => "железная дорога",
        (CorridorKind::Railway, En) => "railway",
        (CorridorKind::Road, Kk) => "автожол",
        (CorridorKind::Road, Ru) => "автодорога",
        (CorridorKind::Road, En) => "road",
        (CorridorKind::PowerLine, Kk) => "электр желісі",
        (CorridorKind::PowerLine, Ru) => "линия электропередачи",
        (CorridorKind::PowerLine, En) => "power line",
        (CorridorKind::Pipeline, Kk) => "құбыр",
        (CorridorKind::Pipeline, Ru) => "трубопровод",
        (CorridorKind::Pipeline, En) => "pipeline",
    }
}

/// "Undo: Kokshetau" — the undo and redo buttons' hover text names what they change.
pub fn undo_of(what: &str, lang: Lang) -> String {
    format!("{}: {what}", EditText::Undo.get(lang))
}

/// "Redo: Kokshetau".
pub fn redo_of(what: &str, lang: Lang) -> String {
    format!("{}: {what}", EditText::Redo.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_latin(text: &str) -> bool {
        text.chars().any(|c| c.is_ascii_alphabetic())
    }

    fn problems() -> Vec<Problem> {
        vec![
            Problem::OutsideKazakhstan { lon: 30.5, lat: 50.45 },
            Problem::Negative,
            Problem::YearOutOfRange(1980),
            Problem::MissingName,
            Problem::NotANumber("12,5,6".into()),
            Problem::Required,
            Problem::MissingLocation,
            Problem::UnknownRegion("KZ-ABC".into()),
            Problem::LineTooShort,
            Problem::YearExists(2020),
        ]
    }

    #[test]
    fn kazakh_and_russian_edit_texts_have_no_latin_letters() {
        for lang in [Lang::Kk, Lang::Ru] {
            for t in EditText::ALL {
                // Key caps, the program's name and the file extension are written as they are.
                let text = ["Esc", "Enter", "Oblys", ".gpkg", ".csv", ".xlsx", ".geojson", "QGIS"]
                    .iter()
                    .fold(t.get(lang).to_owned(), |text, word| text.replace(word, ""));
                assert!(!has_latin(&text), "{t:?} {lang:?}: {text}");
            }
            for p in problems() {
                // Codes and typed text are quoted as they are; the message around them is not Latin.
                let text = p.describe(lang).replace("KZ-ABC", "");
                assert!(!has_latin(&text), "{p:?} {lang:?}: {text}");
            }
            for kind in [
                CorridorKind::Railway,
                CorridorKind::Road,
                CorridorKind::PowerLine,
                CorridorKind::Pipeline,
            ] {
                assert!(!has_latin(corridor_kind(kind, lang)));
            }
        }
    }

    #[test]
    fn kazakh_texts_use_cyrillic_i_never_latin_i() {
        for t in EditText::ALL {
            assert!(!t.get(Lang::Kk).contains('i'), "{t:?}");
        }
        assert!(EditText::GrowthPoints.get(Lang::Kk).contains('і'));
    }

    #[test]
    fn every_edit_text_exists_in_three_distinct_languages() {
        for t in EditText::ALL {
            let [kk, ru, en] = Lang::ALL.map(|l| t.get(l));
            assert!(!kk.is_empty() && !ru.is_empty() && !en.is_empty(), "{t:?}");
            assert_ne!(ru, en, "{t:?}");
        }
    }

    #[test]
    fn problems_name_the_offending_value() {
        assert_eq!(
            Problem::YearOutOfRange(2150).describe(Lang::En),
            "the year 2150 is outside 1990–2100"
        );
        assert_eq!(
            Problem::OutsideKazakhstan { lon: 30.5234, lat: 50.4501 }.describe(Lang::Ru),
            "точка 50.450° с. ш., 30.523° в. д. вне регионов Казахстана"
        );
        assert_eq!(Problem::Negative.describe(Lang::Kk), "теріс сан болмауы керек");
    }
}
