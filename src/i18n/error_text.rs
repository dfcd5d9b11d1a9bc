//! Errors of the file store and of map and slide export in Kazakh, Russian and English: the frame
//! of every [`StoreError`] and [`ExportError`] and every problem inside them. English is exactly
//! the errors' `Display` (what the command line prints); file paths, codes, keys and names stay
//! as they are, and SQLite's, the system's and the renderer's own text stays inside the sentence.

use crate::analysis::typology::TypologyError;
use crate::export::{ExportError, MAX_WIDTH, MIN_WIDTH, slides};
use crate::model::Lang;
use crate::scenario::{Entry, ProjectValue, ScenarioError};
use crate::store::{
    Defect, EditionReason, FeatureReason, Field, GeometryDefect, GeometryPart, Label, LabelKind,
    NotOblysReason, Problem, Removal, Row, SCHEMA_VERSION, Shape, SlideOrderProblem, SlideProblem,
    StoreError, Subject, TypologyProblem, ValueReason,
};

/// A number as the planner's language writes it: a decimal comma in Kazakh and Russian, and a
/// word (not `NaN`) when it is no number at all.
fn number(value: f64, lang: Lang) -> String {
    if value.is_nan() {
        return match lang {
            Lang::Kk => "сан емес мән".to_owned(),
            Lang::Ru => "не число".to_owned(),
            Lang::En => value.to_string(),
        };
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞".to_owned() } else { "−∞".to_owned() };
    }
    match lang {
        Lang::Kk | Lang::Ru => value.to_string().replace('.', ",").replace('-', "−"),
        Lang::En => value.to_string(),
    }
}

/// "… nothing was saved" after a refusal.
fn nothing_saved(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "ештеңе сақталмады",
        Lang::Ru => "ничего не сохранено",
        Lang::En => "nothing was saved",
    }
}

/// What was being done when SQLite or the system failed, from the English `context` the store
/// gives (grouped by its first words: reading, writing, deleting, opening, …).
fn step(context: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return context.to_owned();
    }
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| context.starts_with(p));
    let [kk, ru] = if starts(&["cannot open"]) {
        ["файлды ашу мүмкін емес", "не удаётся открыть файл"]
    } else if starts(&["cannot configure", "setting", "switching", "cannot switch"]) {
        ["файлмен жұмысты баптау мүмкін емес", "не удаётся настроить работу с файлом"]
    } else if starts(&["cannot create a file"]) {
        ["оның қалтасында файл жасау мүмкін емес", "не удаётся создать файл в его папке"]
    } else if starts(&["cannot create its lock", "cannot lock"]) {
        ["файлды түзетуге бұғаттау мүмкін емес", "не удаётся занять файл для правки"]
    } else if starts(&["cannot create", "creating"]) {
        ["файлды жасау мүмкін емес", "не удаётся создать файл"]
    } else if starts(&["cannot move"]) {
        ["дайын файлды орнына қою мүмкін емес", "не удаётся поставить готовый файл на место"]
    } else if starts(&["upgrading"]) {
        [
            "файлды жаңарту сәтсіз аяқталды (ол бұрынғыдай қалды)",
            "обновить файл не удалось (он оставлен как был)",
        ]
    } else if starts(&["reading", "checking"]) {
        ["файлды оқу кезінде қате", "ошибка при чтении файла"]
    } else if starts(&["deleting", "removing"]) {
        ["файлдан жою кезінде қате", "ошибка при удалении из файла"]
    } else if starts(&[
        "writing",
        "saving",
        "preparing",
        "recording",
        "updating",
        "replacing",
        "reordering",
        "starting",
        "importing",
        "changing",
        "committing",
        "closing",
    ]) {
        ["файлға жазу кезінде қате", "ошибка при записи в файл"]
    } else {
        ["файлмен жұмыс кезінде қате", "ошибка при работе с файлом"]
    };
    let text = if lang == Lang::Kk { kk } else { ru };
    // The write ran in one transaction, which SQLite took back whole.
    if context.contains("(nothing was") {
        let unchanged = if lang == Lang::Kk {
            "ештеңе өзгермеді"
        } else {
            "ничего не изменено"
        };
        format!("{text} ({unchanged})")
    } else {
        text.to_owned()
    }
}

/// A slide or a saved typology, with its title or name in `lang`.
pub fn label(label: &Label, lang: Lang) -> String {
    let (id, name) = (label.id, label.name.get(lang));
    match (label.kind, lang) {
        (_, Lang::En) => label.to_string(),
        (LabelKind::Slide, Lang::Kk) => format!("{id}-слайд «{name}»"),
        (LabelKind::Slide, Lang::Ru) => format!("слайд {id} «{name}»"),
        (LabelKind::Typology, Lang::Kk) => format!("{id}-типология «{name}»"),
        (LabelKind::Typology, Lang::Ru) => format!("типология {id} «{name}»"),
    }
}

/// Why a file is not an Oblys file, in `lang`.
pub fn not_oblys(reason: &NotOblysReason, lang: Lang) -> String {
    use NotOblysReason as R;
    match (reason, lang) {
        (_, Lang::En) => reason.to_string(),
        (R::Folder, Lang::Kk) => "бұл қалта".to_owned(),
        (R::Folder, Lang::Ru) => "это папка".to_owned(),
        (R::NotSqlite, Lang::Kk) => "SQLite дерекқоры емес".to_owned(),
        (R::NotSqlite, Lang::Ru) => "не база данных SQLite".to_owned(),
        (R::NotGeoPackage, Lang::Kk) => "SQLite дерекқоры, бірақ GeoPackage емес".to_owned(),
        (R::NotGeoPackage, Lang::Ru) => "база данных SQLite, но не GeoPackage".to_owned(),
        (R::CannotOpen(e), Lang::Kk) => format!("SQLite оны аша алмайды: {e}"),
        (R::CannotOpen(e), Lang::Ru) => format!("SQLite не может его открыть: {e}"),
        (R::CannotRead(e), Lang::Kk) => format!("SQLite оны оқи алмайды: {e}"),
        (R::CannotRead(e), Lang::Ru) => format!("SQLite не может его прочитать: {e}"),
        (R::Damaged(e), Lang::Kk) => format!("дерекқор бүлінген: {e}"),
        (R::Damaged(e), Lang::Ru) => format!("база данных повреждена: {e}"),
        (R::NoMeta, Lang::Kk) => {
            "GeoPackage, бірақ оны Oblys жасамаған (oblys_meta кестесі жоқ)".to_owned()
        }
        (R::NoMeta, Lang::Ru) => {
            "GeoPackage, но создан не в Oblys (нет таблицы oblys_meta)".to_owned()
        }
        (R::NoSchemaVersion(e), Lang::Kk) => format!("oblys_meta ішінде schema_version жоқ: {e}"),
        (R::NoSchemaVersion(e), Lang::Ru) => format!("в oblys_meta нет schema_version: {e}"),
        (R::VersionNotNumber(v), Lang::Kk) => format!("schema_version «{v}» сан емес"),
        (R::VersionNotNumber(v), Lang::Ru) => format!("schema_version «{v}» — не число"),
        (R::Unfinished, Lang::Kk) => "оны жасау аяқталмаған (схема нұсқасы 0)".to_owned(),
        (R::Unfinished, Lang::Ru) => "его создание не было завершено (версия схемы 0)".to_owned(),
    }
}

/// The thing a refusal is about, in `lang`.
pub fn subject(subject: &Subject, lang: Lang) -> String {
    use Subject as S;
    match (subject, lang) {
        (_, Lang::En) => subject.to_string(),
        (S::Value { indicator, region, year }, Lang::Kk) => {
            format!("{region} үшін {year} жылғы «{indicator}» мәні")
        }
        (S::Value { indicator, region, year }, Lang::Ru) => {
            format!("значение «{indicator}» для {region} за {year} год")
        }
        (S::GrowthPoint { id, names }, Lang::Kk) => {
            format!("{id} өсу нүктесі ({})", names.get(lang))
        }
        (S::GrowthPoint { id, names }, Lang::Ru) => {
            format!("точка роста {id} ({})", names.get(lang))
        }
        (S::GrowthPointId(id), Lang::Kk) => format!("{id} өсу нүктесі"),
        (S::GrowthPointId(id), Lang::Ru) => format!("точка роста {id}"),
        (S::Project { code, names }, Lang::Kk) => format!("{code} жобасы ({})", names.get(lang)),
        (S::Project { code, names }, Lang::Ru) => format!("проект {code} ({})", names.get(lang)),
        (S::ProjectCode(code), Lang::Kk) => format!("{code} жобасы"),
        (S::ProjectCode(code), Lang::Ru) => format!("проект {code}"),
        (S::Corridor { id, names }, Lang::Kk) => format!("{id} дәлізі ({})", names.get(lang)),
        (S::Corridor { id, names }, Lang::Ru) => format!("коридор {id} ({})", names.get(lang)),
        (S::CorridorId(id), Lang::Kk) => format!("{id} дәлізі"),
        (S::CorridorId(id), Lang::Ru) => format!("коридор {id}"),
        (S::CorridorNamed(name), Lang::Kk) => format!("«{name}» дәлізі"),
        (S::CorridorNamed(name), Lang::Ru) => format!("коридор «{name}»"),
        (S::Named(name), _) => name.clone(),
        (S::Boundary { code, edition }, _) => format!("{code} ({edition})"),
    }
}

/// Why one value does not fit the file, in `lang`.
fn value_reason(reason: &ValueReason, lang: Lang) -> String {
    match (reason, lang) {
        (_, Lang::En) => reason.to_string(),
        (ValueReason::NoUnit(code), Lang::Kk) => format!("файлда {code} бірлігі жоқ"),
        (ValueReason::NoUnit(code), Lang::Ru) => format!("в файле нет единицы {code}"),
        (ValueReason::NoIndicator(key), Lang::Kk) => format!("файлда «{key}» көрсеткіші жоқ"),
        (ValueReason::NoIndicator(key), Lang::Ru) => format!("в файле нет показателя «{key}»"),
        (ValueReason::NotFinite(v), _) => not_finite(*v, lang),
    }
}

/// "∞ is not a finite number" ("NaN" named in words).
fn not_finite(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Kk if value.is_nan() => "мән сан емес".to_owned(),
        Lang::Ru if value.is_nan() => "значение не является числом".to_owned(),
        Lang::Kk => format!("{} шектеулі сан емес", number(value, lang)),
        Lang::Ru => format!("{} — не конечное число", number(value, lang)),
        Lang::En => format!("{value} is not a finite number"),
    }
}

fn feature_reason(reason: &FeatureReason, lang: Lang) -> String {
    use FeatureReason as R;
    match (reason, lang) {
        (_, Lang::En) => reason.to_string(),
        (R::IdTaken, Lang::Kk) => "оның нөмірі бос емес немесе оң емес".to_owned(),
        (R::IdTaken, Lang::Ru) => "его номер занят или не положителен".to_owned(),
        (R::NoName, Lang::Kk) => "оның атауы жоқ".to_owned(),
        (R::NoName, Lang::Ru) => "у него нет названия".to_owned(),
        (R::NoRegion(code), Lang::Kk) => format!("файлда {code} өңірі жоқ"),
        (R::NoRegion(code), Lang::Ru) => format!("в файле нет региона {code}"),
        (R::CodeTaken, Lang::Kk) => "оның коды бос немесе бұрыннан бар".to_owned(),
        (R::CodeTaken, Lang::Ru) => "его код пуст или занят".to_owned(),
        (R::LineTooShort, Lang::Kk) => "сызықта кемінде екі нүкте болуы керек".to_owned(),
        (R::LineTooShort, Lang::Ru) => "у линии должно быть не меньше двух точек".to_owned(),
    }
}

fn edition_reason(reason: &EditionReason, lang: Lang) -> String {
    use EditionReason as R;
    match (reason, lang) {
        (_, Lang::En) => reason.to_string(),
        (R::EmptyKey, Lang::Kk) => "кілті бос".to_owned(),
        (R::EmptyKey, Lang::Ru) => "ключ пуст".to_owned(),
        (R::NoRegions, Lang::Kk) => "онда өңірлер жоқ".to_owned(),
        (R::NoRegions, Lang::Ru) => "в ней нет регионов".to_owned(),
        (R::Exists, Lang::Kk) => {
            "ол файлда бұрыннан бар (ауыстыру үшін --replace беріңіз)".to_owned()
        }
        (R::Exists, Lang::Ru) => {
            "она уже есть в файле (укажите --replace, чтобы заменить её)".to_owned()
        }
        (R::RegionTwice(code), Lang::Kk) => format!("{code} өңірі екі рет берілген"),
        (R::RegionTwice(code), Lang::Ru) => format!("регион {code} указан дважды"),
        (R::EmptyShape(code), Lang::Kk) => format!("{code} пішіні бос"),
        (R::EmptyShape(code), Lang::Ru) => format!("контур {code} пуст"),
        (R::BadArea { code, area }, Lang::Kk) => {
            format!("{code} ауданы {} — ол дұрыс аудан емес", number(*area, lang))
        }
        (R::BadArea { code, area }, Lang::Ru) => {
            format!("площадь {code} равна {} — это не площадь", number(*area, lang))
        }
        (R::NoRegion(code), Lang::Kk) => format!("файлда {code} өңірі жоқ"),
        (R::NoRegion(code), Lang::Ru) => format!("в файле нет региона {code}"),
        (R::NeedsFirstYear { current }, Lang::Kk) => {
            format!("«{current}» басылымын аяқтау үшін оған бірінші жыл керек")
        }
        (R::NeedsFirstYear { current }, Lang::Ru) => {
            format!("нужен первый год, чтобы закрыть редакцию «{current}»")
        }
        (R::BeginsTooEarly { began, current }, Lang::Kk) => format!(
            "ол ағымдағы «{current}» басылымы басталған {began} жылдан кейін басталуы керек"
        ),
        (R::BeginsTooEarly { began, current }, Lang::Ru) => format!(
            "она должна начинаться позже {began} года, когда началась текущая редакция «{current}»"
        ),
    }
}

/// Which geometry could not be written: "cannot write the location" and the like.
fn geometry_part(part: GeometryPart, lang: Lang) -> &'static str {
    match (part, lang) {
        (GeometryPart::Location, Lang::Kk) => "орнын жазу мүмкін емес",
        (GeometryPart::Location, _) => "не удаётся записать местоположение",
        (GeometryPart::Line, Lang::Kk) => "сызығын жазу мүмкін емес",
        (GeometryPart::Line, _) => "не удаётся записать линию",
        (GeometryPart::Boundary, Lang::Kk) => "шекарасын жазу мүмкін емес",
        (GeometryPart::Boundary, _) => "не удаётся записать границу",
    }
}

/// A geometry's shape, in `lang`.
fn shape(shape: Shape, lang: Lang) -> &'static str {
    use Shape as S;
    match (shape, lang) {
        (S::Point, Lang::Kk) => "нүкте",
        (S::Point, Lang::Ru) => "точка",
        (S::Points, Lang::Kk) => "бірнеше нүкте",
        (S::Points, Lang::Ru) => "несколько точек",
        (S::Line, Lang::Kk) => "сызық",
        (S::Line, Lang::Ru) => "линия",
        (S::Lines, Lang::Kk) => "бірнеше сызық",
        (S::Lines, Lang::Ru) => "несколько линий",
        (S::Polygon, Lang::Kk) => "көпбұрыш",
        (S::Polygon, Lang::Ru) => "многоугольник",
        (S::MultiPolygon, Lang::Kk) => "бірнеше көпбұрыш",
        (S::MultiPolygon, Lang::Ru) => "несколько многоугольников",
        (S::PolygonOrMulti, Lang::Kk) => "көпбұрыш немесе бірнеше көпбұрыш",
        (S::PolygonOrMulti, Lang::Ru) => "многоугольник или несколько многоугольников",
        (S::Collection, Lang::Kk) => "геометриялар жиыны",
        (S::Collection, Lang::Ru) => "набор геометрий",
        (_, Lang::En) => shape.en(),
    }
}

/// Why a geometry of the file cannot be read, in `lang`.
fn geometry_defect(defect: &GeometryDefect, lang: Lang) -> String {
    use GeometryDefect as G;
    match (defect, lang) {
        (_, Lang::En) => defect.to_string(),
        (G::NoHeader, Lang::Kk) => "GeoPackage геометриясы емес («GP» тақырыбы жоқ)".to_owned(),
        (G::NoHeader, Lang::Ru) => "не геометрия GeoPackage (нет заголовка «GP»)".to_owned(),
        (G::EnvelopeCode(code), Lang::Kk) => {
            format!("геометрия тақырыбында белгісіз қамту коды {code}")
        }
        (G::EnvelopeCode(code), Lang::Ru) => {
            format!("неизвестный код охвата {code} в заголовке геометрии")
        }
        (G::CutShort, Lang::Kk) => "геометрия тақырыбы толық емес".to_owned(),
        (G::CutShort, Lang::Ru) => "заголовок геометрии обрезан".to_owned(),
        (G::Unreadable(e), Lang::Kk) => format!("геометрияны оқу мүмкін емес: {e}"),
        (G::Unreadable(e), Lang::Ru) => format!("геометрию не удаётся прочитать: {e}"),
        (G::WrongShape { expected, found }, Lang::Kk) => {
            format!("{} күтілген, ал мұнда {}", shape(*expected, lang), shape(*found, lang))
        }
        (G::WrongShape { expected, found }, Lang::Ru) => format!(
            "ожидалась фигура «{}», а здесь «{}»",
            shape(*expected, lang),
            shape(*found, lang)
        ),
        (G::EmptyMultipoint, Lang::Kk) => "бос нүктелер жиыны".to_owned(),
        (G::EmptyMultipoint, Lang::Ru) => "пустой набор точек".to_owned(),
    }
}

/// A column whose value this Oblys does not know, in `lang`.
fn field(field: Field, lang: Lang) -> &'static str {
    use Field as F;
    match (field, lang) {
        (F::Kind, Lang::Kk) => "түрі",
        (F::Kind, Lang::Ru) => "вид",
        (F::Edition, Lang::Kk) => "шекаралар басылымы",
        (F::Edition, Lang::Ru) => "редакция границ",
        (F::Sector, Lang::Kk) => "саласы",
        (F::Sector, Lang::Ru) => "отрасль",
        (F::LocationBasis, Lang::Kk) => "орнының негізі",
        (F::LocationBasis, Lang::Ru) => "основание местоположения",
        (F::Status, Lang::Kk) => "мәртебесі",
        (F::Status, Lang::Ru) => "статус",
        (F::Screen, Lang::Kk) => "экраны",
        (F::Screen, Lang::Ru) => "экран",
        (F::BoundaryMode, Lang::Kk) => "шекаралар режимі",
        (F::BoundaryMode, Lang::Ru) => "режим границ",
        (F::DifferenceMode, Lang::Kk) => "айырма режимі",
        (F::DifferenceMode, Lang::Ru) => "режим разницы",
        (_, Lang::En) => field.en(),
    }
}

/// The row of a damaged table, in `lang`.
fn row(row: &Row, lang: Lang) -> String {
    match (row, lang) {
        (_, Lang::En) => row.to_string(),
        (Row::Key(key), _) => key.clone(),
        // The number is the feature id (the `fid` column QGIS shows).
        (Row::Fid { id, name: Some(name) }, Lang::Kk) => format!("№ {id} нысан ({name})"),
        (Row::Fid { id, name: Some(name) }, _) => format!("объект № {id} ({name})"),
        (Row::Fid { id, name: None }, Lang::Kk) => format!("№ {id} нысан"),
        (Row::Fid { id, name: None }, _) => format!("объект № {id}"),
        (Row::Slide(id), Lang::Kk) => format!("{id}-слайд"),
        (Row::Slide(id), _) => format!("слайд {id}"),
        (Row::Typology { id, name }, _) => {
            label(&Label { kind: LabelKind::Typology, id: *id, name: name.clone() }, lang)
        }
    }
}

/// What is wrong with a row read from the file, in `lang`.
fn defect(defect: &Defect, lang: Lang) -> String {
    use Defect as D;
    match (defect, lang) {
        (_, Lang::En) => defect.to_string(),
        (D::Level(n), Lang::Kk) => format!("деңгейі {n} (1, 2 немесе 3 болуы керек)"),
        (D::Level(n), Lang::Ru) => format!("уровень {n} (должен быть 1, 2 или 3)"),
        (D::Unknown { field: f, value }, Lang::Kk) => {
            format!("{} «{value}» белгісіз", field(*f, lang))
        }
        (D::Unknown { field: f, value }, Lang::Ru) => {
            format!("неизвестное значение «{value}» (поле: {})", field(*f, lang))
        }
        (D::IncompleteAggregation(kind), Lang::Kk) => format!("«{kind}» жинақтау толық емес"),
        (D::IncompleteAggregation(kind), Lang::Ru) => format!("неполное агрегирование «{kind}»"),
        (D::NegativePopulation, Lang::Kk) => "халық саны теріс".to_owned(),
        (D::NegativePopulation, Lang::Ru) => "отрицательная численность населения".to_owned(),
        (D::InvestmentWithoutUnit, Lang::Kk) => "инвестиция өлшем бірлігісіз".to_owned(),
        (D::InvestmentWithoutUnit, Lang::Ru) => "инвестиции без единицы измерения".to_owned(),
        (D::NoSuchScenario, Lang::Kk) => "мұндай сценарий жоқ".to_owned(),
        (D::NoSuchScenario, Lang::Ru) => "такого сценария нет".to_owned(),
        (D::IncompleteTarget(kind), Lang::Kk) => format!("«{kind}» түріндегі мақсат толық емес"),
        (D::IncompleteTarget(kind), Lang::Ru) => format!("неполная цель вида «{kind}»"),
        (D::Geometry(g), _) => geometry_defect(g, lang),
        (D::Position(n), Lang::Kk) => format!("{n} орны рұқсат етілген шектен тыс"),
        (D::Position(n), Lang::Ru) => format!("позиция {n} вне допустимого"),
        (D::BadPotential(e), Lang::Kk) => {
            format!("оның «Әлеует» көрінісі дұрыс типология мен көрініс емес: {e}")
        }
        (D::BadPotential(e), Lang::Ru) => {
            format!("его вид экрана «Потенциал» — не правильная типология и вид: {e}")
        }
        (D::PotentialMismatch, Lang::Kk) => {
            "типология тек «Әлеует» слайдында болады және онда міндетті".to_owned()
        }
        (D::PotentialMismatch, Lang::Ru) => {
            "типология нужна слайду экрана «Потенциал», и только у него она есть".to_owned()
        }
        (D::BadDefinition(e), Lang::Kk) => format!("оның анықтамасы дұрыс типология емес: {e}"),
        (D::BadDefinition(e), Lang::Ru) => {
            format!("её описание — не правильная типология: {e}")
        }
    }
}

/// Why a slide does not fit the file, in `lang`.
pub fn slide_problem(problem: &SlideProblem, lang: Lang) -> String {
    use SlideProblem as P;
    let max = crate::analysis::typology::MAX_CLASSES;
    match (problem, lang) {
        (_, Lang::En) => problem.to_string(),
        (P::IdNotPositive(id), Lang::Kk) => format!("оның {id} нөмірі оң емес"),
        (P::IdNotPositive(id), Lang::Ru) => format!("его номер {id} не положителен"),
        (P::IdUsedTwice, Lang::Kk) => "оның нөмірі екі рет қолданылған".to_owned(),
        (P::IdUsedTwice, Lang::Ru) => "его номер использован дважды".to_owned(),
        (P::UnknownIndicator(key), Lang::Kk) => format!("«{key}» көрсеткіші файлда жоқ"),
        (P::UnknownIndicator(key), Lang::Ru) => format!("показателя «{key}» нет в файле"),
        (P::UnknownRegion(code), Lang::Kk) => format!("таңдалған {code} өңірі файлдың өңірі емес"),
        (P::UnknownRegion(code), Lang::Ru) => {
            format!("выбранный регион {code} не является регионом файла")
        }
        (P::RegionTwice(code), Lang::Kk) => format!("{code} өңірі екі рет таңдалған"),
        (P::RegionTwice(code), Lang::Ru) => format!("регион {code} выбран дважды"),
        (P::UnknownSideScenario { side, id }, Lang::Kk) => {
            format!("салыстырудың {side} жағы — файлда жоқ {id} сценарийі")
        }
        (P::UnknownSideScenario { side, id }, Lang::Ru) => {
            format!("сторона сравнения {side} — сценарий {id}, которого нет в файле")
        }
        (P::BadExtent { min_lon, max_lon, min_lat, max_lat }, _) => {
            let n = |v: &f64| number(*v, lang);
            let (lon, lat) = (
                format!("{}…{}", n(min_lon), n(max_lon)),
                format!("{}…{}", n(min_lat), n(max_lat)),
            );
            if lang == Lang::Kk {
                format!("картаның {lon} ° ш. б., {lat} ° с. е. аумағы Жердегі аумақ емес")
            } else {
                format!("область карты {lon} ° в. д., {lat} ° с. ш. не является областью на Земле")
            }
        }
        (P::PotentialWithoutTypology, Lang::Kk) => {
            "«Әлеует» экранының слайды, бірақ онда типология жоқ".to_owned()
        }
        (P::PotentialWithoutTypology, Lang::Ru) => {
            "слайд экрана «Потенциал» без своей типологии".to_owned()
        }
        (P::TypologyOnOtherScreen, Lang::Kk) => "типология басқа экранның слайдында".to_owned(),
        (P::TypologyOnOtherScreen, Lang::Ru) => "типология на слайде другого экрана".to_owned(),
        (P::NoComponents, Lang::Kk) => "оның типологиясында құрамдас жоқ".to_owned(),
        (P::NoComponents, Lang::Ru) => "в его типологии нет ни одного показателя".to_owned(),
        (P::UnknownComponent(key), Lang::Kk) => {
            format!("оның типологиясындағы «{key}» көрсеткіші файлда жоқ")
        }
        (P::UnknownComponent(key), Lang::Ru) => {
            format!("показателя «{key}» из его типологии нет в файле")
        }
        (P::BadWeight { weight, indicator }, Lang::Kk) => format!(
            "оның типологиясындағы «{indicator}» салмағы {} — ≥ 0 сан емес",
            number(*weight, lang)
        ),
        (P::BadWeight { weight, indicator }, Lang::Ru) => {
            format!("вес {} у «{indicator}» в его типологии — не число ≥ 0", number(*weight, lang))
        }
        (P::ClassCount(n), Lang::Kk) => {
            format!("сыныптар саны {n}: «Әлеует» экраны 2…{max} сынып салады")
        }
        (P::ClassCount(n), Lang::Ru) => {
            format!("классов {n}: экран «Потенциал» рисует от 2 до {max} классов")
        }
        (P::Significance(v), Lang::Kk) => {
            format!("мәнділік деңгейі {} 0 мен 1 аралығында емес", number(*v, lang))
        }
        (P::Significance(v), Lang::Ru) => {
            format!("уровень значимости {} не лежит между 0 и 1", number(*v, lang))
        }
        (P::UnknownScenario(id), Lang::Kk) => {
            format!("оның типологиясы файлда жоқ {id} сценарийін қолданады")
        }
        (P::UnknownScenario(id), Lang::Ru) => {
            format!("его типология использует сценарий {id}, которого нет в файле")
        }
        (P::UnknownTargetIndicator(key), Lang::Kk) => {
            format!("мақсаттың «{key}» көрсеткіші файлда жоқ")
        }
        (P::UnknownTargetIndicator(key), Lang::Ru) => {
            format!("показателя цели «{key}» нет в файле")
        }
        (P::UnknownTargetRegion(code), Lang::Kk) => {
            format!("мақсаттың {code} өңірі файлдың қазіргі өңірі емес")
        }
        (P::UnknownTargetRegion(code), Lang::Ru) => {
            format!("регион цели {code} не является текущим регионом файла")
        }
        (P::PotentialNotWritten(e), Lang::Kk) => {
            format!("оның «Әлеует» көрінісін жазу мүмкін емес: {e}")
        }
        (P::PotentialNotWritten(e), Lang::Ru) => {
            format!("его вид экрана «Потенциал» не удаётся записать: {e}")
        }
    }
}

/// Why the deck cannot take the order asked for, in `lang`.
fn slide_order_problem(problem: &SlideOrderProblem, lang: Lang) -> String {
    use SlideOrderProblem as P;
    match (problem, lang) {
        (_, Lang::En) => problem.to_string(),
        (P::NoSuchSlide(id), Lang::Kk) => format!("{id} нөмірлі слайд жоқ"),
        (P::NoSuchSlide(id), Lang::Ru) => format!("нет слайда с номером {id}"),
        (P::ListedTwice(id), Lang::Kk) => format!("{id} слайды екі рет берілген"),
        (P::ListedTwice(id), Lang::Ru) => format!("слайд {id} указан дважды"),
        (P::Missing(id), Lang::Kk) => format!("{id} слайды жаңа ретте жоқ"),
        (P::Missing(id), Lang::Ru) => format!("слайда {id} нет в новом порядке"),
    }
}

/// Why a typology cannot be saved, in `lang`.
pub fn typology_problem(problem: &TypologyProblem, lang: Lang) -> String {
    use TypologyProblem as P;
    let built_in = crate::store::BUILT_IN_NAME;
    match (problem, lang) {
        (_, Lang::En) => problem.to_string(),
        (P::IdNotPositive(id), Lang::Kk) => format!("оның {id} нөмірі оң емес"),
        (P::IdNotPositive(id), Lang::Ru) => format!("её номер {id} не положителен"),
        (P::IdUsedTwice, Lang::Kk) => "оның нөмірі екі рет қолданылған".to_owned(),
        (P::IdUsedTwice, Lang::Ru) => "её номер использован дважды".to_owned(),
        (P::NoName, Lang::Kk) => "оның атауы жоқ".to_owned(),
        (P::NoName, Lang::Ru) => "у неё нет названия".to_owned(),
        (P::BuiltInName, Lang::Kk) => format!("«{built_in}» — кіріктірілген типологияның атауы"),
        (P::BuiltInName, Lang::Ru) => format!("«{built_in}» — название встроенной типологии"),
        (P::SameName(other), Lang::Kk) => {
            format!("{} дәл осындай атаумен сақталған", label(other, lang))
        }
        (P::SameName(other), Lang::Ru) => {
            format!("{} уже сохранена под тем же названием", label(other, lang))
        }
        (P::NoComponents, Lang::Kk) => "онда құрамдас жоқ".to_owned(),
        (P::NoComponents, Lang::Ru) => "в ней нет ни одного показателя".to_owned(),
        (P::UnknownIndicator(key), Lang::Kk) => format!("«{key}» көрсеткіші файлда жоқ"),
        (P::UnknownIndicator(key), Lang::Ru) => format!("показателя «{key}» нет в файле"),
        (P::BadWeight { weight, indicator }, Lang::Kk) => {
            format!("«{indicator}» салмағы {} — ≥ 0 сан емес", number(*weight, lang))
        }
        (P::BadWeight { weight, indicator }, Lang::Ru) => {
            format!("вес {} у «{indicator}» — не число ≥ 0", number(*weight, lang))
        }
        (P::TooFewClasses(n), Lang::Kk) => {
            format!("сыныптар саны {n}: жіктеуге кемінде 2 сынып керек")
        }
        (P::TooFewClasses(n), Lang::Ru) => {
            format!("классов {n}: для классификации нужно не меньше 2")
        }
    }
}

/// Why the file refused an edit, an import or a dataset, in `lang`.
pub fn problem(problem: &Problem, lang: Lang) -> String {
    use Problem as P;
    let s = |x: &Subject| subject(x, lang);
    match (problem, lang) {
        (_, Lang::En) => problem.to_string(),
        (P::UnknownRegion { subject, code }, Lang::Kk) => {
            format!("{}: файлда жоқ {code} өңірі көрсетілген", s(subject))
        }
        (P::UnknownRegion { subject, code }, Lang::Ru) => {
            format!("{}: указан регион {code}, которого нет в файле", s(subject))
        }
        (P::NoName(x), Lang::Kk) => format!("{}: ешбір тілде атауы жоқ", s(x)),
        (P::NoName(x), Lang::Ru) => format!("{}: нет названия ни на одном языке", s(x)),
        (P::NoIndicator(key), _) => value_reason(&ValueReason::NoIndicator(key.clone()), lang),
        (P::NotFinite { subject, value }, _) => {
            format!("{}: {}", s(subject), not_finite(*value, lang))
        }
        (P::NoValueToDelete { indicator, region, year }, Lang::Kk) => {
            format!("{region} үшін {year} жылғы «{indicator}» мәні жоқ, жоятын ештеңе жоқ")
        }
        (P::NoValueToDelete { indicator, region, year }, Lang::Ru) => {
            format!("нет значения «{indicator}» для {region} за {year} год, удалять нечего")
        }
        (P::IdNotPositive(x), Lang::Kk) => format!("{}: нөмірі оң сан болуы керек", s(x)),
        (P::IdNotPositive(x), Lang::Ru) => format!("{}: номер должен быть положительным", s(x)),
        (P::Geometry { part, subject, detail }, _) => {
            format!("{}: {}: {detail}", s(subject), geometry_part(*part, lang))
        }
        (P::PopulationTooLarge(x), Lang::Kk) => format!("{}: халық саны тым үлкен", s(x)),
        (P::PopulationTooLarge(x), Lang::Ru) => {
            format!("{}: численность населения слишком велика", s(x))
        }
        (P::ImportedPopulationTooLarge(id), _) => {
            self::problem(&P::PopulationTooLarge(Subject::GrowthPointId(*id)), lang)
        }
        (P::ProjectNeedsCode, Lang::Kk) => "жобаның коды болуы керек".to_owned(),
        (P::ProjectNeedsCode, Lang::Ru) => "у проекта должен быть код".to_owned(),
        (P::ProjectInScenario { code, scenario }, Lang::Kk) => format!(
            "{code} жобасы «{scenario}» сценарийіне кіреді; алдымен оны сценарийден алып тастаңыз"
        ),
        (P::ProjectInScenario { code, scenario }, Lang::Ru) => {
            format!("проект {code} входит в сценарий «{scenario}»; сначала уберите его из сценария")
        }
        (P::NoGrowthPointToDelete(id), Lang::Kk) => {
            format!("{id} нөмірлі өсу нүктесі жоқ, жоятын ештеңе жоқ")
        }
        (P::NoGrowthPointToDelete(id), Lang::Ru) => {
            format!("нет точки роста с номером {id}, удалять нечего")
        }
        (P::NoProjectToDelete(code), Lang::Kk) => format!("{code} жобасы жоқ, жоятын ештеңе жоқ"),
        (P::NoProjectToDelete(code), Lang::Ru) => format!("нет проекта {code}, удалять нечего"),
        (P::NoCorridorToDelete(id), Lang::Kk) => {
            format!("{id} нөмірлі дәліз жоқ, жоятын ештеңе жоқ")
        }
        (P::NoCorridorToDelete(id), Lang::Ru) => {
            format!("нет коридора с номером {id}, удалять нечего")
        }
        (P::LineTooShort(x), Lang::Kk) => {
            format!("{}: сызықта кемінде екі нүкте болуы керек", s(x))
        }
        (P::LineTooShort(x), Lang::Ru) => {
            format!("{}: у линии должно быть не меньше двух точек", s(x))
        }
        (P::ValueNotChanged { subject, reason }, Lang::Kk) => {
            format!("{}: {}; ештеңе өзгермеді", s(subject), value_reason(reason, lang))
        }
        (P::ValueNotChanged { subject, reason }, Lang::Ru) => {
            format!("{}: {}; ничего не изменено", s(subject), value_reason(reason, lang))
        }
        (P::NoValueToChange { indicator, region, year }, Lang::Kk) => {
            format!("{region} үшін {year} жылғы «{indicator}» мәні жоқ; ештеңе өзгермеді")
        }
        (P::NoValueToChange { indicator, region, year }, Lang::Ru) => {
            format!("нет значения «{indicator}» для {region} за {year} год; ничего не изменено")
        }
        (P::NothingToRemove(removal), Lang::Kk) => {
            let what = match removal {
                Removal::GrowthPoint(id) => format!("{id} нөмірлі өсу нүктесі"),
                Removal::Project(code) => format!("{code} жобасы"),
                Removal::Corridor(id) => format!("{id} нөмірлі дәліз"),
            };
            format!("{what} жоқ; ештеңе жойылмады")
        }
        (P::NothingToRemove(removal), Lang::Ru) => {
            let what = match removal {
                Removal::GrowthPoint(id) => format!("точки роста с номером {id}"),
                Removal::Project(code) => format!("проекта {code}"),
                Removal::Corridor(id) => format!("коридора с номером {id}"),
            };
            format!("нет {what}; ничего не удалено")
        }
        (P::ProjectInAScenario(code), Lang::Kk) => format!(
            "{code} жобасы сценарийге кіреді; алдымен оны сценарийден алып тастаңыз (ештеңе \
             жойылмады)"
        ),
        (P::ProjectInAScenario(code), Lang::Ru) => format!(
            "проект {code} входит в сценарий; сначала уберите его из сценария (ничего не удалено)"
        ),
        (P::ImportValue { index, region, indicator, year, reason }, Lang::Kk) => format!(
            "импорттың {index}-мәні ({region} «{indicator}» {year}): {}; ештеңе импортталмады",
            value_reason(reason, lang)
        ),
        (P::ImportValue { index, region, indicator, year, reason }, Lang::Ru) => format!(
            "значение {index} импорта ({region} «{indicator}» {year}): {}; ничего не импортировано",
            value_reason(reason, lang)
        ),
        (P::FeatureNotImported { subject, reason }, Lang::Kk) => {
            format!("{}: {}; ештеңе импортталмады", s(subject), feature_reason(reason, lang))
        }
        (P::FeatureNotImported { subject, reason }, Lang::Ru) => {
            format!("{}: {}; ничего не импортировано", s(subject), feature_reason(reason, lang))
        }
        (P::EditionNotImported { key, reason }, Lang::Kk) => format!(
            "«{key}» шекаралар басылымы: {}; ештеңе импортталмады",
            edition_reason(reason, lang)
        ),
        (P::EditionNotImported { key, reason }, Lang::Ru) => format!(
            "редакция границ «{key}»: {}; ничего не импортировано",
            edition_reason(reason, lang)
        ),
        (P::SameFile, Lang::Kk) => "бұл ашық тұрған файлдың өзі; басқа атау таңдаңыз".to_owned(),
        (P::SameFile, Lang::Ru) => "это сам открытый файл; выберите другое имя".to_owned(),
        (P::JournalMode(mode), Lang::Kk) => {
            format!("SQLite журнал режимін WAL орнына «{mode}» күйінде қалдырды")
        }
        (P::JournalMode(mode), Lang::Ru) => {
            format!("SQLite оставил режим журнала «{mode}» вместо WAL")
        }
        (P::Slide { slide, problem }, _) => {
            format!("{}: {}", label(slide, lang), slide_problem(problem, lang))
        }
        (P::Typology { typology, problem }, _) => {
            format!("{}: {}", label(typology, lang), typology_problem(problem, lang))
        }
        (P::Damaged { table, row: r, defect: d }, Lang::Kk) => {
            format!("{table} кестесі, {}: {}", row(r, lang), defect(d, lang))
        }
        (P::Damaged { table, row: r, defect: d }, Lang::Ru) => {
            format!("таблица {table}, {}: {}", row(r, lang), defect(d, lang))
        }
        (P::Text(text), _) => text.clone(),
    }
}

/// The entry of a scenario a refusal is about, in `lang`.
fn entry(entry: &Entry, lang: Lang) -> String {
    let kk = lang == Lang::Kk;
    match entry {
        _ if lang == Lang::En => entry.to_string(),
        Entry::NationalRate(i) if kk => format!("«{i}» ұлттық өсу қарқыны"),
        Entry::NationalRate(i) => format!("национальный темп роста «{i}»"),
        Entry::RegionalRate { indicator, region } if kk => {
            format!("{region} үшін «{indicator}» өсу қарқыны")
        }
        Entry::RegionalRate { indicator, region } => {
            format!("темп роста «{indicator}» для {region}")
        }
        Entry::Project(code) if kk => format!("{code} жобасы"),
        Entry::Project(code) => format!("проект {code}"),
        Entry::ProjectValue { value, code } if kk => {
            format!("{code} жобасының {}", project_value(*value, lang))
        }
        Entry::ProjectValue { value, code } => {
            format!("{} проекта {code}", project_value(*value, lang))
        }
        Entry::Multiplier if kk => "жанама жұмыс орындарының мультипликаторы".to_owned(),
        Entry::Multiplier => "мультипликатор косвенных рабочих мест".to_owned(),
        Entry::Lever(i) if kk => format!("«{i}» бойынша өсу нүктелерінің тетігі"),
        Entry::Lever(i) => format!("рычаг точек роста по «{i}»"),
        Entry::Target(i) if kk => format!("«{i}» бойынша мақсат"),
        Entry::Target(i) => format!("цель по «{i}»"),
        Entry::TargetRatio(i) if kk => format!("«{i}» бойынша мақсатты қатынас"),
        Entry::TargetRatio(i) => format!("целевое отношение по «{i}»"),
        Entry::TargetValue(i) if kk => format!("«{i}» бойынша мақсатты мән"),
        Entry::TargetValue(i) => format!("целевое значение по «{i}»"),
    }
}

/// A number of a scenario's project, in `lang`.
fn project_value(value: ProjectValue, lang: Lang) -> &'static str {
    match (value, lang) {
        (ProjectValue::Jobs, Lang::Kk) => "жұмыс орындары",
        (ProjectValue::Jobs, Lang::Ru) => "рабочие места",
        (ProjectValue::Investment, Lang::Kk) => "инвестициясы",
        (ProjectValue::Investment, Lang::Ru) => "инвестиции",
        (ProjectValue::AnnualOutput, Lang::Kk) => "жылдық өнімі",
        (ProjectValue::AnnualOutput, Lang::Ru) => "годовой выпуск",
        (_, Lang::En) => match value {
            ProjectValue::Jobs => "jobs",
            ProjectValue::Investment => "investment",
            ProjectValue::AnnualOutput => "annual output",
        },
    }
}

/// Why a typology cannot be computed, in `lang` (English: its `Display` text).
pub fn typology_error(error: &TypologyError, lang: Lang) -> String {
    use TypologyError as E;
    let kk = lang == Lang::Kk;
    let list = |items: &[String]| {
        if items.is_empty() {
            if kk { "жоқ".to_owned() } else { "нет".to_owned() }
        } else {
            items.join(", ")
        }
    };
    let years = |years: &[i32]| list(&years.iter().map(i32::to_string).collect::<Vec<_>>());
    match (error, lang) {
        (_, Lang::En) => error.to_string(),
        (E::NoComponents, _) if kk => {
            "типологияда құрамдас жоқ: кемінде бір көрсеткіш беріңіз".to_owned()
        }
        (E::NoComponents, _) => {
            "в типологии нет компонентов: укажите хотя бы один показатель".to_owned()
        }
        (E::UnknownIndicator { key, known }, _) if kk => {
            format!("«{key}» көрсеткіші белгісіз; белгілі көрсеткіштер: {}", list(known))
        }
        (E::UnknownIndicator { key, known }, _) => {
            format!("неизвестный показатель «{key}»; известные показатели: {}", list(known))
        }
        (E::BadWeight { indicator, weight }, _) if kk => format!(
            "«{indicator}» салмағы {}: салмақ шектеулі және 0 не одан көп болуы керек",
            number(*weight, lang)
        ),
        (E::BadWeight { indicator, weight }, _) => format!(
            "вес «{indicator}» равен {}: веса должны быть конечными и не меньше 0",
            number(*weight, lang)
        ),
        (E::ZeroWeights, _) if kk => {
            "барлық салмақ 0: кемінде бір құрамдастың салмағы оң болуы керек".to_owned()
        }
        (E::ZeroWeights, _) => {
            "все веса равны 0: хотя бы у одного компонента вес должен быть больше нуля".to_owned()
        }
        (E::BadClassCount { classes }, _) if kk => {
            format!("{classes} сынып сұралды: жіктеуге кемінде 2 сынып керек")
        }
        (E::BadClassCount { classes }, _) => {
            format!("запрошено классов: {classes}; для классификации нужно не меньше 2")
        }
        (E::NoCurrentEdition, _) if kk => {
            "файлда өңірлерді орналастыратын қолданыстағы шекаралар жоқ".to_owned()
        }
        (E::NoCurrentEdition, _) => {
            "в файле нет действующих границ, на которых можно разместить регионы".to_owned()
        }
        (E::YearWithoutData { year, years: with }, _) if kk => format!(
            "{year} жылы бірде-бір құрамдастың деректері жоқ; деректері бар жылдар: {}",
            years(with)
        ),
        (E::YearWithoutData { year, years: with }, _) => format!(
            "ни у одного компонента нет данных за {year} год; годы с данными: {}",
            years(with)
        ),
        (E::UnknownScenario { id, known }, _) if kk => {
            format!("{id} сценарийі жоқ; файлдағы сценарийлер: {}", list(known))
        }
        (E::UnknownScenario { id, known }, _) => {
            format!("сценария {id} нет; в файле есть: {}", list(known))
        }
        (E::YearOutsideScenario { name, year, base, horizon }, _) if kk => {
            format!("«{name}» сценарийі {base}–{horizon} жылдарды болжайды; {year} одан тыс")
        }
        (E::YearOutsideScenario { name, year, base, horizon }, _) => {
            format!("сценарий «{name}» прогнозирует {base}–{horizon} годы; {year} вне их")
        }
        (E::ShapeMismatch { components, rows }, _) if kk => format!(
            "{components} құрамдас, бірақ мәндер жолы {rows}: әр құрамдасқа бір жол беріңіз"
        ),
        (E::ShapeMismatch { components, rows }, _) => format!(
            "компонентов {components}, а строк значений {rows}: нужна одна строка на компонент"
        ),
    }
}

/// Why a scenario does not fit its file, in `lang`.
pub fn scenario_error(error: &ScenarioError, lang: Lang) -> String {
    use ScenarioError as E;
    if lang == Lang::En {
        return error.to_string();
    }
    let kk = lang == Lang::Kk;
    let n = |v: &f64| number(*v, lang);
    // "scenario «Managed»" / "«Managed» сценарийі" before the reason.
    let head = |name: &str| {
        if kk {
            format!("«{name}» сценарийі")
        } else {
            format!("сценарий «{name}»")
        }
    };
    let (name, reason) = match error {
        E::NoName { id } => {
            let head = if kk {
                format!("{id} сценарийі")
            } else {
                format!("сценарий {id}")
            };
            let reason = if kk {
                "оның ешбір тілде атауы жоқ"
            } else {
                "у него нет названия ни на одном языке"
            };
            return format!("{head}: {reason}");
        }
        E::BadId { scenario, id } => (
            scenario,
            if kk {
                format!("{id} нөмірі оң емес")
            } else {
                format!("номер {id} не положителен")
            },
        ),
        E::HorizonBeforeBase { scenario, base_year, horizon } => (
            scenario,
            if kk {
                format!("болжам көкжиегі {horizon} жыл {base_year} базалық жылынан ерте")
            } else {
                format!("горизонт прогноза {horizon} раньше базового года {base_year}")
            },
        ),
        E::HorizonTooFar { scenario, horizon } => (
            scenario,
            if kk {
                format!(
                    "болжам көкжиегі {horizon} жыл рұқсат етілген соңғы {} жылдан кейін",
                    crate::model::MAX_HORIZON
                )
            } else {
                format!(
                    "горизонт прогноза {horizon} позже {}, последнего допустимого года",
                    crate::model::MAX_HORIZON
                )
            },
        ),
        E::NotFinite { scenario, what, value } => {
            (scenario, format!("{}: {}", entry(what, lang), not_finite(*value, lang)))
        }
        E::NotAdditive { scenario, indicator } => (
            scenario,
            if kk {
                format!("«{indicator}» өсу қарқыны: бұл файлдың қосылатын көрсеткіші емес")
            } else {
                format!("темп роста «{indicator}»: это не суммируемый показатель файла")
            },
        ),
        E::DuplicateGrowth { scenario, indicator } => (
            scenario,
            if kk {
                format!("«{indicator}» үшін өсу жазбасы бірнешеу")
            } else {
                format!("у «{indicator}» больше одной записи о росте")
            },
        ),
        E::UnknownRegion { scenario, what, region } => (
            scenario,
            if kk {
                format!("{}: {region} қазіргі өңір емес", entry(what, lang))
            } else {
                format!("{}: {region} — не текущий регион", entry(what, lang))
            },
        ),
        E::RateTooLow { scenario, what, rate } => (
            scenario,
            if kk {
                format!(
                    "{}: {} — жылына 100 % не одан көп құлдырау; −1-ден жоғары қарқын беріңіз",
                    entry(what, lang),
                    n(rate)
                )
            } else {
                format!(
                    "{}: {} — падение на 100 % и более в год; укажите темп больше −1",
                    entry(what, lang),
                    n(rate)
                )
            },
        ),
        E::UnknownProject { scenario, code } => (
            scenario,
            if kk {
                format!("{code} жобасы файлда жоқ")
            } else {
                format!("проекта {code} нет в файле")
            },
        ),
        E::DuplicateProject { scenario, code } => (
            scenario,
            if kk {
                format!("{code} жобасы екі рет берілген")
            } else {
                format!("проект {code} указан дважды")
            },
        ),
        E::NegativeProjectValue { scenario, code, what, value } => (
            scenario,
            if kk {
                format!("{code} жобасының {} теріс ({})", project_value(*what, lang), n(value))
            } else {
                format!("{} проекта {code} меньше нуля ({})", project_value(*what, lang), n(value))
            },
        ),
        E::NegativeMultiplier { scenario, value } => (
            scenario,
            if kk {
                format!("жанама жұмыс орындарының мультипликаторы {} теріс", n(value))
            } else {
                format!("мультипликатор косвенных рабочих мест {} меньше нуля", n(value))
            },
        ),
        E::LeverNotAdditive { scenario, indicator } => (
            scenario,
            if kk {
                format!(
                    "«{indicator}» бойынша өсу нүктелерінің тетігі: бұл файлдың қосылатын \
                     көрсеткіші емес"
                )
            } else {
                format!("рычаг точек роста по «{indicator}»: это не суммируемый показатель файла")
            },
        ),
        E::UnknownTargetIndicator { scenario, indicator } => (
            scenario,
            if kk {
                format!("«{indicator}» бойынша мақсат: сценарий бұл көрсеткішті болжамайды")
            } else {
                format!("цель по «{indicator}»: сценарий не прогнозирует этот показатель")
            },
        ),
        E::BadRatio { scenario, indicator, ratio } => (
            scenario,
            if kk {
                format!(
                    "«{indicator}» бойынша мақсатты қатынас {}: 0-ден үлкен қатынас беріңіз",
                    n(ratio)
                )
            } else {
                format!(
                    "целевое отношение по «{indicator}» равно {}: укажите отношение больше 0",
                    n(ratio)
                )
            },
        ),
    };
    format!("{}: {reason}", head(name))
}

/// The whole message of a store error, in `lang`.
pub fn store_error(error: &StoreError, lang: Lang) -> String {
    use StoreError as E;
    if lang == Lang::En {
        return error.to_string();
    }
    let kk = lang == Lang::Kk;
    match error {
        E::NotFound { path } => {
            let text =
                if kk { "файл табылмады" } else { "файл не найден" };
            format!("{}: {text}", path.display())
        }
        E::NotOblys { path, reason } => {
            let reason = not_oblys(reason, lang);
            if kk {
                format!("{}: бұл Oblys файлы емес ({reason}); ол өзгертілмеді", path.display())
            } else {
                format!("{}: это не файл Oblys ({reason}); он оставлен как был", path.display())
            }
        }
        E::TooNew { path, found } => {
            if kk {
                format!(
                    "{}: файлды Oblys-тың жаңарақ нұсқасы жасаған (файл схемасының нұсқасы \
                     {found}, бұл Oblys {SCHEMA_VERSION} нұсқасына дейін оқиды); оны ашу үшін \
                     Oblys-ты жаңартыңыз",
                    path.display()
                )
            } else {
                format!(
                    "{}: файл создан более новой версией Oblys (версия схемы файла {found}, эта \
                     версия Oblys читает до {SCHEMA_VERSION}); обновите Oblys, чтобы открыть его",
                    path.display()
                )
            }
        }
        E::Sql { path, context, source } => {
            format!("{}: {}: {source}", path.display(), step(context, lang))
        }
        E::Io { path, context, source } => {
            format!("{}: {}: {source}", path.display(), step(context, lang))
        }
        E::Invalid { path, problem: p } => format!("{}: {}", path.display(), problem(p, lang)),
        E::InUse { path } => {
            if kk {
                format!(
                    "{}: файл басқа бағдарламада ашық немесе дұрыс жабылмаған (қасында оның -wal \
                     файлы тұр); оны жауып, қайталап көріңіз",
                    path.display()
                )
            } else {
                format!(
                    "{}: файл открыт в другой программе или не был закрыт правильно (рядом \
                     лежит его файл -wal); закройте его и попробуйте снова",
                    path.display()
                )
            }
        }
        E::NoDataFolder => if kk {
            "Oblys үшін пайдаланушының деректер қалтасы табылмады (үй қалтасы берілмеген)"
        } else {
            "не удаётся найти папку данных пользователя для Oblys (домашняя папка не задана)"
        }
        .to_owned(),
        E::DataFolder { path, source } => {
            if kk {
                format!("{} деректер қалтасына жазу мүмкін емес: {source}", path.display())
            } else {
                format!("в папку данных {} нельзя записать: {source}", path.display())
            }
        }
        E::DefaultData(e) => {
            if kk {
                format!("әдепкі деректер жинағын құру мүмкін емес: {e}")
            } else {
                format!("не удаётся собрать набор данных по умолчанию: {e}")
            }
        }
        E::Scenario { path, source } => {
            format!("{}: {}; {}", path.display(), scenario_error(source, lang), nothing_saved(lang))
        }
        E::NoSuchScenario { path, id } => {
            if kk {
                format!("{}: {id} нөмірлі сценарий жоқ", path.display())
            } else {
                format!("{}: нет сценария с номером {id}", path.display())
            }
        }
        E::Slide { path, slide, problem } => format!(
            "{}: {}: {}; {}",
            path.display(),
            label(slide, lang),
            slide_problem(problem, lang),
            nothing_saved(lang)
        ),
        E::NoSuchSlide { path, id } => {
            if kk {
                format!("{}: {id} нөмірлі слайд жоқ", path.display())
            } else {
                format!("{}: нет слайда с номером {id}", path.display())
            }
        }
        E::SlideOrder { path, problem } => {
            let problem = slide_order_problem(problem, lang);
            if kk {
                format!(
                    "{}: слайдтарды бұл ретпен қою мүмкін емес: {problem}; ештеңе өзгермеді",
                    path.display()
                )
            } else {
                format!(
                    "{}: слайды нельзя расположить в таком порядке: {problem}; ничего не изменено",
                    path.display()
                )
            }
        }
        E::Typology { path, typology, problem } => format!(
            "{}: {}: {}; {}",
            path.display(),
            label(typology, lang),
            typology_problem(problem, lang),
            nothing_saved(lang)
        ),
        E::NoSuchTypology { path, id } => {
            if kk {
                format!("{}: {id} нөмірлі сақталған типология жоқ", path.display())
            } else {
                format!("{}: нет сохранённой типологии с номером {id}", path.display())
            }
        }
    }
}

/// The export window's worker ended without an answer (it panicked, or could not start).
pub fn export_stopped(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "экспорт күтпеген жерден тоқтады",
        Lang::Ru => "экспорт неожиданно прервался",
        Lang::En => "the export stopped unexpectedly",
    }
}

/// The whole message of an export error, in `lang`.
pub fn export_error(error: &ExportError, lang: Lang) -> String {
    use ExportError as E;
    if lang == Lang::En {
        return error.to_string();
    }
    let kk = lang == Lang::Kk;
    let (min, max) = (slides::MIN_SIZE, slides::MAX_SIZE);
    match error {
        E::Format { path } => {
            if kk {
                format!(
                    "«{}»: шығыс файлының аты .svg не .png (сурет) немесе .pdf (векторлық бет) \
                     деп аяқталуы керек",
                    path.display()
                )
            } else {
                format!(
                    "«{}»: имя файла должно оканчиваться на .svg или .png (изображение) либо на \
                     .pdf (векторная страница)",
                    path.display()
                )
            }
        }
        E::Size { width } => {
            if kk {
                format!(
                    "сурет ені {width} пиксель рұқсат етілген шектен тыс: {MIN_WIDTH}…{MAX_WIDTH} \
                     беріңіз"
                )
            } else {
                format!(
                    "ширина изображения {width} пикс. вне допустимого: укажите от {MIN_WIDTH} \
                     до {MAX_WIDTH}"
                )
            }
        }
        E::Store(e) => store_error(e, lang),
        E::UnknownIndicator { name, known } => {
            let known = known.iter().map(|k| format!("«{k}»")).collect::<Vec<_>>().join(", ");
            if kk {
                format!("«{name}» көрсеткіші белгісіз; файлда бары: {known}")
            } else {
                format!("неизвестный показатель «{name}»; в файле есть: {known}")
            }
        }
        E::NoDataForYear { indicator, year, years } => {
            let years = if years.is_empty() {
                (if kk { "жоқ" } else { "нет" }).to_owned()
            } else {
                years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
            };
            if kk {
                format!(
                    "«{indicator}» көрсеткішінің {year} жылға өңірлік деректері жоқ; деректері \
                     бар жылдар: {years}"
                )
            } else {
                format!(
                    "у «{indicator}» нет данных по регионам за {year} год; годы с данными: \
                     {years}"
                )
            }
        }
        E::Render(detail) => {
            if kk {
                format!("картаны салу мүмкін болмады: {detail}")
            } else {
                format!("не удалось нарисовать карту: {detail}")
            }
        }
        E::Write { path, source } => {
            if kk {
                format!("«{}» жазу мүмкін емес: {source}", path.display())
            } else {
                format!("не удаётся записать «{}»: {source}", path.display())
            }
        }
        E::PageSize { width, height } => {
            if kk {
                format!(
                    "бет өлшемі {width}×{height} пиксель рұқсат етілген шектен тыс: {}×{} … {}×{} \
                     беріңіз (мысалы, 1920x1080)",
                    min[0], min[1], max[0], max[1]
                )
            } else {
                format!(
                    "размер страницы {width}×{height} пикс. вне допустимого: укажите от {}×{} до \
                     {}×{} (например, 1920x1080)",
                    min[0], min[1], max[0], max[1]
                )
            }
        }
        E::SizeText { given } => {
            if kk {
                format!(
                    "«{given}» өлшем емес: енін және биіктігін пиксельмен жазыңыз, мысалы 1920x1080"
                )
            } else {
                format!(
                    "«{given}» — не размер: напишите ширину и высоту в пикселях, например 1920x1080"
                )
            }
        }
        E::NoSlides => if kk {
            "файлда слайд жоқ: қолданбада слайд қосыңыз (ағымдағы көріністен слайд), содан кейін \
             экспорттаңыз"
        } else {
            "в файле нет слайдов: добавьте слайды в приложении (слайд из текущего вида), затем \
             экспортируйте"
        }
        .to_owned(),
        E::NotAFolder { path } => {
            if kk {
                format!(
                    "«{}» — файл: PNG суреттері үшін қалтаны немесе презентация үшін .pdf деп \
                     аяқталатын жолды беріңіз",
                    path.display()
                )
            } else {
                format!(
                    "«{}» — это файл: укажите папку для изображений PNG или путь, \
                     оканчивающийся на .pdf, для презентации",
                    path.display()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::Names;

    const PATH: &str = "/home/planner/plans.gpkg";

    fn path() -> PathBuf {
        PathBuf::from(PATH)
    }

    /// Latin letters left in `text` once what stays as it is has gone: the `verbatim` parts
    /// (paths, SQLite's or the system's text), «quoted» names and keys, codes and file endings
    /// (any word with a digit, `-`, `_`, `.` or `/`) and the names of Oblys and the formats it
    /// writes.
    fn latin_words(text: &str, verbatim: &[&str]) -> Vec<String> {
        let mut text = text.to_owned();
        for v in verbatim.iter().filter(|v| !v.is_empty()) {
            text = text.replace(v, " ");
        }
        let mut unquoted = String::new();
        let mut depth = 0u32;
        for c in text.chars() {
            match c {
                '«' => depth += 1,
                '»' => depth = depth.saturating_sub(1),
                _ if depth == 0 => unquoted.push(c),
                _ => {}
            }
        }
        const NAMES: [&str; 6] = ["Oblys", "SQLite", "GeoPackage", "WAL", "PNG", "PDF"];
        unquoted
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
            .filter(|w| {
                !w.chars().any(|c| c.is_ascii_digit() || matches!(c, '-' | '_' | '.' | '/'))
            })
            .filter(|w| !NAMES.contains(w))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_latin_check_finds_an_english_word_and_passes_paths_codes_and_quoted_names() {
        assert_eq!(
            latin_words("/a/b.gpkg: слайд 7 «Slide»: KZ-AKM, .pdf, 1920x1080", &[]),
            [""; 0]
        );
        assert_eq!(latin_words("файл: slide 7 is missing", &[]), ["slide", "is", "missing"]);
        assert_eq!(latin_words("ошибка: disk full", &["disk full"]), [""; 0]);
    }

    fn names() -> Names {
        Names::new("Ақсу", "Аксу", "Aksu")
    }

    fn slide_label() -> Label {
        Label {
            kind: LabelKind::Slide,
            id: 7,
            name: Box::new(Names::new("Халық 2023", "Население 2023", "Population 2023")),
        }
    }

    /// Representative store errors and the text each carries verbatim (besides the path).
    fn store_errors() -> Vec<(StoreError, &'static str)> {
        let typology = Label { kind: LabelKind::Typology, id: 3, name: Box::new(names()) };
        let other = Label { kind: LabelKind::Typology, id: 2, name: Box::new(names()) };
        vec![
            (StoreError::NotFound { path: path() }, ""),
            (StoreError::NotOblys { path: path(), reason: NotOblysReason::NotGeoPackage }, ""),
            (StoreError::NotOblys { path: path(), reason: NotOblysReason::Unfinished }, ""),
            (StoreError::TooNew { path: path(), found: SCHEMA_VERSION + 1 }, ""),
            (StoreError::InUse { path: path() }, ""),
            (
                StoreError::Sql {
                    path: path(),
                    context: "saving the edit (nothing was changed)",
                    source: rusqlite::Error::QueryReturnedNoRows,
                },
                "Query returned no rows",
            ),
            (
                StoreError::Io {
                    path: path(),
                    context: "cannot move the finished file into place",
                    source: std::io::Error::other("disk full"),
                },
                "disk full",
            ),
            (
                StoreError::Invalid {
                    path: path(),
                    problem: Problem::UnknownRegion {
                        subject: Subject::GrowthPoint { id: 4, names: Box::new(names()) },
                        code: "KZ-XXX".into(),
                    },
                },
                "",
            ),
            (
                StoreError::Invalid {
                    path: path(),
                    problem: Problem::NotFinite {
                        subject: Subject::Value {
                            indicator: "population".into(),
                            region: "KZ-AKM".into(),
                            year: 2020,
                        },
                        value: f64::NAN,
                    },
                },
                "",
            ),
            (
                StoreError::Invalid {
                    path: path(),
                    problem: Problem::ProjectInScenario {
                        code: "P-17".into(),
                        scenario: "Managed".into(),
                    },
                },
                "",
            ),
            (
                StoreError::Invalid {
                    path: path(),
                    problem: Problem::EditionNotImported {
                        key: "2024".into(),
                        reason: EditionReason::BeginsTooEarly {
                            began: 2022,
                            current: "2022".into(),
                        },
                    },
                },
                "",
            ),
            (StoreError::Invalid { path: path(), problem: Problem::SameFile }, ""),
            (
                StoreError::Slide {
                    path: path(),
                    slide: slide_label(),
                    problem: SlideProblem::UnknownIndicator("happiness".into()),
                },
                "",
            ),
            (
                StoreError::Slide {
                    path: path(),
                    slide: slide_label(),
                    problem: SlideProblem::BadWeight { weight: -0.5, indicator: "grp".into() },
                },
                "",
            ),
            (
                StoreError::SlideOrder { path: path(), problem: SlideOrderProblem::ListedTwice(4) },
                "",
            ),
            (
                StoreError::Typology {
                    path: path(),
                    typology,
                    problem: TypologyProblem::SameName(other),
                },
                "",
            ),
            (StoreError::NoSuchTypology { path: path(), id: 9 }, ""),
            (
                StoreError::Scenario {
                    path: path(),
                    source: Box::new(ScenarioError::RateTooLow {
                        scenario: "Managed".into(),
                        what: Entry::RegionalRate {
                            indicator: "grp".into(),
                            region: "KZ-AKM".into(),
                        },
                        rate: -1.5,
                    }),
                },
                "",
            ),
            (
                StoreError::Scenario {
                    path: path(),
                    source: Box::new(ScenarioError::NegativeProjectValue {
                        scenario: "Managed".into(),
                        code: "P-17".into(),
                        what: ProjectValue::AnnualOutput,
                        value: -3.0,
                    }),
                },
                "",
            ),
            (
                StoreError::Invalid {
                    path: path(),
                    problem: Problem::Damaged {
                        table: "projects",
                        row: Row::Key("P-17".into()),
                        defect: Defect::Unknown { field: Field::Sector, value: "mining".into() },
                    },
                },
                "projects",
            ),
            (
                StoreError::Invalid {
                    path: path(),
                    problem: Problem::Damaged {
                        table: "corridors",
                        row: Row::Fid { id: 12, name: None },
                        defect: Defect::Geometry(GeometryDefect::WrongShape {
                            expected: Shape::Line,
                            found: Shape::Points,
                        }),
                    },
                },
                "corridors",
            ),
            (
                StoreError::Invalid {
                    path: path(),
                    problem: Problem::Damaged {
                        table: "slides",
                        row: Row::Slide(4),
                        defect: Defect::PotentialMismatch,
                    },
                },
                "slides",
            ),
        ]
    }

    #[test]
    fn kazakh_and_russian_store_errors_have_no_english_words() {
        for (error, verbatim) in store_errors() {
            for lang in [Lang::Kk, Lang::Ru] {
                let message = error.message(lang);
                assert!(message.starts_with(PATH), "{lang:?}: {message}");
                assert_eq!(
                    latin_words(&message, &[PATH, verbatim]),
                    Vec::<String>::new(),
                    "{lang:?}: {message}"
                );
            }
        }
    }

    #[test]
    fn kazakh_and_russian_typology_errors_have_no_english_words_and_english_is_display() {
        let known = vec!["grp".to_owned(), "population".to_owned()];
        let errors = [
            TypologyError::NoComponents,
            TypologyError::UnknownIndicator { key: "happiness".into(), known: known.clone() },
            TypologyError::BadWeight { indicator: "grp".into(), weight: -1.5 },
            TypologyError::ZeroWeights,
            TypologyError::BadClassCount { classes: 1 },
            TypologyError::NoCurrentEdition,
            TypologyError::YearWithoutData { year: 1990, years: vec![2022, 2023] },
            TypologyError::UnknownScenario { id: 42, known: vec!["1 «Inertial»".into()] },
            TypologyError::YearOutsideScenario {
                name: "Managed".into(),
                year: 2040,
                base: 2023,
                horizon: 2030,
            },
            TypologyError::ShapeMismatch { components: 3, rows: 2 },
        ];
        for error in &errors {
            assert_eq!(error.message(Lang::En), error.to_string());
            for lang in [Lang::Kk, Lang::Ru] {
                let message = error.message(lang);
                // Indicator keys are the file's own names; they stay as they are.
                let verbatim = ["happiness", "grp", "population", "Inertial", "Managed"];
                let words: Vec<String> = latin_words(&message, &[""])
                    .into_iter()
                    .filter(|w| !verbatim.contains(&w.as_str()))
                    .collect();
                assert_eq!(words, Vec::<String>::new(), "{lang:?}: {message}");
                assert_ne!(message, error.to_string(), "{lang:?}");
            }
        }
        let gone = TypologyError::UnknownScenario { id: 42, known: Vec::new() };
        assert_eq!(gone.message(Lang::Ru), "сценария 42 нет; в файле есть: нет");
    }

    #[test]
    fn english_store_errors_are_the_display_text() {
        for (error, _) in store_errors() {
            assert_eq!(error.message(Lang::En), error.to_string());
        }
    }

    #[test]
    fn a_refused_slide_reads_in_each_language_with_its_title_in_that_language() {
        let error = StoreError::Slide {
            path: path(),
            slide: slide_label(),
            problem: SlideProblem::UnknownIndicator("happiness".into()),
        };
        assert_eq!(
            error.message(Lang::Ru),
            format!(
                "{PATH}: слайд 7 «Население 2023»: показателя «happiness» нет в файле; ничего не \
                 сохранено"
            )
        );
        assert_eq!(
            error.message(Lang::Kk),
            format!(
                "{PATH}: 7-слайд «Халық 2023»: «happiness» көрсеткіші файлда жоқ; ештеңе сақталмады"
            )
        );
        assert_eq!(
            error.message(Lang::En),
            format!(
                "{PATH}: slide 7 «Population 2023»: indicator «happiness» is not in the file; \
                 nothing was saved"
            )
        );
    }

    #[test]
    fn sqlite_failures_say_what_was_being_done_and_keep_sqlites_text() {
        let error = StoreError::Sql {
            path: path(),
            context: "deleting the slide",
            source: rusqlite::Error::QueryReturnedNoRows,
        };
        assert_eq!(
            error.message(Lang::Ru),
            format!("{PATH}: ошибка при удалении из файла: Query returned no rows")
        );
        let committed = StoreError::Sql {
            path: path(),
            context: "committing the change (nothing was changed)",
            source: rusqlite::Error::QueryReturnedNoRows,
        };
        assert_eq!(
            committed.message(Lang::Kk),
            format!("{PATH}: файлға жазу кезінде қате (ештеңе өзгермеді): Query returned no rows")
        );
    }

    #[test]
    fn numbers_in_refusals_are_written_the_languages_way() {
        let error = StoreError::Invalid {
            path: path(),
            problem: Problem::ValueNotChanged {
                subject: Subject::Value {
                    indicator: "grp".into(),
                    region: "KZ-AKM".into(),
                    year: 2021,
                },
                reason: ValueReason::NotFinite(f64::NEG_INFINITY),
            },
        };
        assert_eq!(
            error.message(Lang::Ru),
            format!(
                "{PATH}: значение «grp» для KZ-AKM за 2021 год: −∞ — не конечное число; ничего \
                 не изменено"
            )
        );
        assert_eq!(number(-0.25, Lang::Kk), "−0,25");
        assert_eq!(number(f64::NAN, Lang::Ru), "не число");
    }

    fn export_errors() -> Vec<(ExportError, &'static str)> {
        vec![
            (ExportError::Format { path: PathBuf::from("/tmp/map.jpg") }, "/tmp/map.jpg"),
            (ExportError::Size { width: 10 }, ""),
            (ExportError::Store(StoreError::NotFound { path: path() }), PATH),
            (
                ExportError::UnknownIndicator {
                    name: "gdp".into(),
                    known: vec!["grp".into(), "population".into()],
                },
                "",
            ),
            (
                ExportError::NoDataForYear {
                    indicator: "population".into(),
                    year: 2012,
                    years: vec![2010, 2015],
                },
                "",
            ),
            (
                ExportError::Write {
                    path: PathBuf::from("/tmp/deck.pdf"),
                    source: std::io::Error::other("disk full"),
                },
                "disk full",
            ),
            (ExportError::PageSize { width: 100, height: 100 }, ""),
            (ExportError::SizeText { given: "big".into() }, ""),
            (ExportError::NoSlides, ""),
            (ExportError::NotAFolder { path: PathBuf::from("/tmp/deck.png") }, "/tmp/deck.png"),
        ]
    }

    #[test]
    fn kazakh_and_russian_export_errors_have_no_english_words() {
        for (error, verbatim) in export_errors() {
            assert_eq!(error.message(Lang::En), error.to_string());
            for lang in [Lang::Kk, Lang::Ru] {
                let message = error.message(lang);
                assert_ne!(message, error.to_string());
                assert_eq!(
                    latin_words(&message, &[verbatim]),
                    Vec::<String>::new(),
                    "{lang:?}: {message}"
                );
            }
        }
        assert_eq!(export_stopped(Lang::En), "the export stopped unexpectedly");
        assert!(latin_words(export_stopped(Lang::Kk), &[]).is_empty());
    }

    #[test]
    fn a_row_edited_in_another_program_is_named_by_table_and_row_in_russian() {
        let error = StoreError::Invalid {
            path: path(),
            problem: Problem::Damaged {
                table: "growth_points",
                row: Row::Fid { id: 5, name: Some("Aksu".into()) },
                defect: Defect::Geometry(GeometryDefect::WrongShape {
                    expected: Shape::Point,
                    found: Shape::Points,
                }),
            },
        };
        assert_eq!(
            error.to_string(),
            format!(
                "{PATH}: table growth_points, fid 5 (Aksu): expected a point, found several points"
            )
        );
        assert_eq!(
            error.message(Lang::Ru),
            format!(
                "{PATH}: таблица growth_points, объект № 5 (Aksu): ожидалась фигура «точка», а здесь \
                 «несколько точек»"
            )
        );
    }

    #[test]
    fn a_scenario_refusal_keeps_its_english_and_reads_in_russian() {
        let error = ScenarioError::UnknownRegion {
            scenario: "Managed".into(),
            what: Entry::Target("grp".into()),
            region: "KZ-XXX".into(),
        };
        assert_eq!(
            error.to_string(),
            "scenario «Managed»: a target on grp names «KZ-XXX», which is not a current region"
        );
        assert_eq!(
            error.message(Lang::Ru),
            "сценарий «Managed»: цель по «grp»: KZ-XXX — не текущий регион"
        );
        let multiplier = ScenarioError::NotFinite {
            scenario: "Managed".into(),
            what: Entry::Multiplier,
            value: f64::INFINITY,
        };
        assert_eq!(
            multiplier.to_string(),
            "scenario «Managed»: the indirect-jobs multiplier is inf, not a finite number"
        );
        assert_eq!(
            multiplier.message(Lang::Kk),
            "«Managed» сценарийі: жанама жұмыс орындарының мультипликаторы: ∞ шектеулі сан емес"
        );
    }

    #[test]
    fn an_unknown_indicator_lists_the_files_keys_in_russian() {
        let error = ExportError::UnknownIndicator {
            name: "gdp".into(),
            known: vec!["grp".into(), "population".into()],
        };
        assert_eq!(
            error.message(Lang::Ru),
            "неизвестный показатель «gdp»; в файле есть: «grp», «population»"
        );
    }
}
