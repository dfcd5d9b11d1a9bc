//! Texts of the GeoJSON import in Kazakh, Russian and English: the preview's headings, every
//! feature problem ("feature 3: …") and every reason a GeoJSON file is refused.

use crate::i18n::plural::{self, Noun};
use crate::io::import::geojson_input::{
    Expected, FeatureProblem, GeoJsonError, GeometryFault, LayerKind, Problem,
};
use crate::model::Lang;

/// Fixed texts of the GeoJSON import preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GeoJsonText {
    /// Followed by the number of features in the file.
    FeaturesInFile,
    GrowthPointsToImport,
    ProjectsToImport,
    CorridorsToImport,
    RegionsToImport,
    /// A new edition (followed by its key).
    NewEdition,
    /// The edition replaced (followed by its key).
    ReplacesEdition,
    /// First year of the edition.
    From,
    /// Shapes changed by the repair.
    Repaired,
    /// Regions of the edition's first year that no feature matched.
    RegionsWithoutShape,
    Problems,
    ProblemsSkipped,
    DryRun,
    NothingImported,
    UseSkipProblems,
    /// "Imported into FILE" (Kazakh puts it after the file name).
    ImportedInto,
    /// Before the first problem of a refused import.
    TheFirst,
    Region,
    AreaKm2,
}

impl GeoJsonText {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use GeoJsonText as T;
        match (self, lang) {
            (T::FeaturesInFile, Lang::Kk) => "GeoJSON, нысандар саны",
            (T::FeaturesInFile, Lang::Ru) => "GeoJSON, объектов",
            (T::FeaturesInFile, Lang::En) => "GeoJSON, features",
            (T::GrowthPointsToImport, Lang::Kk) => "Импортталатын өсу нүктелері",
            (T::GrowthPointsToImport, Lang::Ru) => "Точек роста к импорту",
            (T::GrowthPointsToImport, Lang::En) => "Growth points to import",
            (T::ProjectsToImport, Lang::Kk) => "Импортталатын жобалар",
            (T::ProjectsToImport, Lang::Ru) => "Проектов к импорту",
            (T::ProjectsToImport, Lang::En) => "Projects to import",
            (T::CorridorsToImport, Lang::Kk) => "Импортталатын дәліздер",
            (T::CorridorsToImport, Lang::Ru) => "Коридоров к импорту",
            (T::CorridorsToImport, Lang::En) => "Corridors to import",
            (T::RegionsToImport, Lang::Kk) => "Шекаралары импортталатын өңірлер",
            (T::RegionsToImport, Lang::Ru) => "Регионов с границами к импорту",
            (T::RegionsToImport, Lang::En) => "Regions with boundaries to import",
            (T::NewEdition, Lang::Kk) => "Жаңа шекаралар басылымы",
            (T::NewEdition, Lang::Ru) => "Новая редакция границ",
            (T::NewEdition, Lang::En) => "New boundary edition",
            (T::ReplacesEdition, Lang::Kk) => "Ауыстырылатын шекаралар басылымы",
            (T::ReplacesEdition, Lang::Ru) => "Заменяется редакция границ",
            (T::ReplacesEdition, Lang::En) => "Replaces boundary edition",
            (T::From, Lang::Kk) => "басталу жылы",
            (T::From, Lang::Ru) => "с года",
            (T::From, Lang::En) => "from",
            (T::Repaired, Lang::Kk) => "Түзетілген пішіндер",
            (T::Repaired, Lang::Ru) => "Исправлены контуры",
            (T::Repaired, Lang::En) => "Shapes repaired",
            (T::RegionsWithoutShape, Lang::Kk) => "Бұл басылымда шекарасы жоқ өңірлер",
            (T::RegionsWithoutShape, Lang::Ru) => "Регионы без границ в этой редакции",
            (T::RegionsWithoutShape, Lang::En) => "Regions without a boundary in this edition",
            (T::Problems, Lang::Kk) => "Қателер",
            (T::Problems, Lang::Ru) => "Ошибки",
            (T::Problems, Lang::En) => "Problems",
            (T::ProblemsSkipped, Lang::Kk) => "Қатесі бар нысандар өткізілді",
            (T::ProblemsSkipped, Lang::Ru) => "Объекты с ошибками пропущены",
            (T::ProblemsSkipped, Lang::En) => "Features with problems skipped",
            (T::DryRun, Lang::Kk) => "Сынақ: ештеңе жазылған жоқ.",
            (T::DryRun, Lang::Ru) => "Пробный прогон: ничего не записано.",
            (T::DryRun, Lang::En) => "Dry run: nothing was written.",
            (T::NothingImported, Lang::Kk) => "ештеңе импортталған жоқ",
            (T::NothingImported, Lang::Ru) => "ничего не импортировано",
            (T::NothingImported, Lang::En) => "nothing was imported",
            (T::UseSkipProblems, Lang::Kk) => {
                "оларды түзетіңіз немесе тек дұрыс нысандарды импорттау үшін --skip-problems беріңіз"
            }
            (T::UseSkipProblems, Lang::Ru) => {
                "исправьте их или добавьте --skip-problems, чтобы импортировать только верные объекты"
            }
            (T::UseSkipProblems, Lang::En) => {
                "fix them, or give --skip-problems to import only the good features"
            }
            (T::ImportedInto, Lang::Kk) => "файлына импортталды",
            (T::ImportedInto, Lang::Ru) => "Импортировано в",
            (T::ImportedInto, Lang::En) => "Imported into",
            (T::TheFirst, Lang::Kk) => "біріншісі:",
            (T::TheFirst, Lang::Ru) => "первая:",
            (T::TheFirst, Lang::En) => "the first:",
            (T::Region, Lang::Kk) => "өңір",
            (T::Region, Lang::Ru) => "регион",
            (T::Region, Lang::En) => "region",
            (T::AreaKm2, Lang::Kk) => "км²",
            (T::AreaKm2, Lang::Ru) => "км²",
            (T::AreaKm2, Lang::En) => "km²",
        }
    }
}

/// The name of an imported edition, recording its key and the file it came from.
pub fn edition_name(key: &str, source: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{key} шекаралары ({source} файлынан)"),
        Lang::Ru => format!("Границы {key} (из {source})"),
        Lang::En => format!("Boundaries {key} (from {source})"),
    }
}

/// What an edition import wrote: "boundary edition «2025», 2 regions".
pub fn edition_written(key: &str, units: usize, replaced: bool, lang: Lang) -> String {
    match (lang, replaced) {
        (Lang::Kk, false) => format!("жаңа «{key}» шекаралар басылымы, өңірлер саны: {units}"),
        (Lang::Kk, true) => {
            format!("«{key}» шекаралар басылымы ауыстырылды, өңірлер саны: {units}")
        }
        (Lang::Ru, false) => format!("новая редакция границ «{key}», регионов: {units}"),
        (Lang::Ru, true) => format!("редакция границ «{key}» заменена, регионов: {units}"),
        (Lang::En, false) => {
            format!("new boundary edition «{key}» with {}", REGIONS.count(plural::n(units), lang))
        }
        (Lang::En, true) => {
            format!("boundary edition «{key}» replaced, {}", REGIONS.count(plural::n(units), lang))
        }
    }
}

/// The edition in force until now and the year a new edition ends it.
pub fn edition_ends(key: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Қолданыстағы «{key}» басылымы {year} жылы аяқталады"),
        Lang::Ru => format!("Действующая редакция «{key}» заканчивается в {year} году"),
        Lang::En => format!("The current edition «{key}» ends in {year}"),
    }
}

/// "region" after a count, as the subject of a phrase ("2 regions"; Russian "у 2 регионов"
/// takes the genitive, where 2–4 and 5 and more share one form).
const REGIONS: Noun =
    Noun {
        kk: "өңірдің", ru: ["региона", "регионов", "регионов"], en: ["region", "regions"]
    };

/// A line's points after a count.
const POINTS: Noun = Noun {
    kk: "нүкте", ru: ["точка", "точки", "точек"], en: ["point", "points"]
};

/// Most regions named one by one when an incomplete edition is refused (the rest are counted).
pub const LISTED_MISSING: usize = 5;

/// The refusal of an edition that leaves regions without a boundary: file, edition key, the
/// first [`LISTED_MISSING`] region names (in `lang`) and how many more.
pub fn incomplete_edition(file: &str, key: &str, missing: &[&str], lang: Lang) -> String {
    let count = missing.len();
    let mut listed = missing.iter().take(LISTED_MISSING).copied().collect::<Vec<_>>().join(", ");
    let more = count.saturating_sub(LISTED_MISSING);
    if more > 0 {
        listed.push_str(&match lang {
            Lang::Kk => format!(" және тағы {more}"),
            Lang::Ru => format!(" и ещё {more}"),
            Lang::En => format!(" and {more} more"),
        });
    }
    match lang {
        Lang::Kk => format!(
            "{file}: «{key}» шекаралар басылымында {count} өңірдің шекарасы жоқ: {listed}; \
             ештеңе импортталған жоқ (басылым әр өңірге шекара беруі керек)"
        ),
        Lang::Ru => format!(
            "{file}: в редакции границ «{key}» нет {} у {}: {listed}; ничего не \
             импортировано (редакция должна дать границы каждому региону)",
            if count == 1 { "границы" } else { "границ" },
            REGIONS.count(plural::n(count), lang),
        ),
        Lang::En => format!(
            "{file}: boundary edition «{key}» has no boundary for {}: {listed}; nothing was \
             imported (an edition must give every region its boundary)",
            REGIONS.count(plural::n(count), lang),
        ),
    }
}

/// "feature 3" in `lang`.
pub fn feature(number: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{number}-нысан"),
        Lang::Ru => format!("объект {number}"),
        Lang::En => format!("feature {number}"),
    }
}

/// A line's points counted: "3 points", "3 точки", "3 нүкте".
pub fn points(count: usize, lang: Lang) -> String {
    POINTS.count(plural::n(count), lang)
}

/// Fixed texts of the import window when the input is GeoJSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LayerWindowText {
    ImportAs,
    NameProperty,
    /// The code property, chosen instead of the name (editions).
    CodeProperty,
    /// No property chosen.
    NoProperty,
    EditionKey,
    ReplaceEdition,
    CorridorKind,
    /// Each corridor's kind from its own `kind` property.
    KindFromFile,
    /// An edition is not an undoable edit.
    NotUndoable,
    /// Column header: the feature's number in the file.
    Feature,
    /// Column header: the feature's name.
    Name,
    /// Column header: a corridor's points.
    Points,
}

impl LayerWindowText {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use LayerWindowText as T;
        match (self, lang) {
            (T::ImportAs, Lang::Kk) => "Импорттау түрі",
            (T::ImportAs, Lang::Ru) => "Импортировать как",
            (T::ImportAs, Lang::En) => "Import as",
            (T::NameProperty, Lang::Kk) => "Атауы бар қасиет",
            (T::NameProperty, Lang::Ru) => "Свойство с названием",
            (T::NameProperty, Lang::En) => "Name property",
            (T::CodeProperty, Lang::Kk) => "Коды бар қасиет (атаудың орнына)",
            (T::CodeProperty, Lang::Ru) => "Свойство с кодом (вместо названия)",
            (T::CodeProperty, Lang::En) => "Code property (instead of the name)",
            (T::NoProperty, Lang::Kk) => "жоқ",
            (T::NoProperty, Lang::Ru) => "нет",
            (T::NoProperty, Lang::En) => "none",
            (T::EditionKey, Lang::Kk) => "Басылым кілті",
            (T::EditionKey, Lang::Ru) => "Ключ редакции",
            (T::EditionKey, Lang::En) => "Edition key",
            (T::ReplaceEdition, Lang::Kk) => "Осы кілті бар басылымды ауыстыру",
            (T::ReplaceEdition, Lang::Ru) => "Заменить редакцию с этим ключом",
            (T::ReplaceEdition, Lang::En) => "Replace an edition with this key",
            (T::CorridorKind, Lang::Kk) => "Дәліз түрі",
            (T::CorridorKind, Lang::Ru) => "Вид коридора",
            (T::CorridorKind, Lang::En) => "Corridor kind",
            (T::KindFromFile, Lang::Kk) => "әр нысанның «kind» қасиетінен",
            (T::KindFromFile, Lang::Ru) => "из свойства «kind» каждого объекта",
            (T::KindFromFile, Lang::En) => "from each feature’s «kind» property",
            (T::NotUndoable, Lang::Kk) => {
                "Шекаралар басылымын болдырмау мүмкін емес: жазылғаннан кейін файл мен карта қайта \
                 жүктеледі."
            }
            (T::NotUndoable, Lang::Ru) => {
                "Запись редакции границ нельзя отменить: после неё файл и карта загружаются заново."
            }
            (T::NotUndoable, Lang::En) => {
                "Writing a boundary edition cannot be undone: the file and the map are reloaded \
                 after it."
            }
            (T::Feature, Lang::Kk) => "Нысан",
            (T::Feature, Lang::Ru) => "Объект",
            (T::Feature, Lang::En) => "Feature",
            (T::Name, Lang::Kk) => "Атауы",
            (T::Name, Lang::Ru) => "Название",
            (T::Name, Lang::En) => "Name",
            (T::Points, Lang::Kk) => "Нүктелер",
            (T::Points, Lang::Ru) => "Точки",
            (T::Points, Lang::En) => "Points",
        }
    }
}

/// The import button for a layer: "Import 3 features" (Russian declines the noun).
pub fn import_features(count: usize, lang: Lang) -> String {
    const FEATURES: Noun =
        Noun {
            kk: "нысанды", ru: ["объект", "объекта", "объектов"], en: ["feature", "features"]
        };
    let counted = FEATURES.count(plural::n(count), lang);
    match lang {
        Lang::Kk => format!("{counted} импорттау"),
        Lang::Ru => format!("Импортировать {counted}"),
        Lang::En => format!("Import {counted}"),
    }
}

/// What a layer import wrote: "Imported into FILE: 3 (growth points)."
pub fn features_imported(file: &str, count: usize, layer: LayerKind, lang: Lang) -> String {
    let into = match lang {
        Lang::Kk => format!("{file} {}", GeoJsonText::ImportedInto.get(lang)),
        Lang::Ru | Lang::En => format!("{} {file}", GeoJsonText::ImportedInto.get(lang)),
    };
    format!("{into}: {count} ({}).", layer_name(layer, lang))
}

/// A layer as the planner names it.
pub fn layer_name(layer: LayerKind, lang: Lang) -> &'static str {
    match (layer, lang) {
        (LayerKind::GrowthPoints, Lang::Kk) => "өсу нүктелері",
        (LayerKind::GrowthPoints, Lang::Ru) => "точки роста",
        (LayerKind::GrowthPoints, Lang::En) => "growth points",
        (LayerKind::Projects, Lang::Kk) => "жобалар",
        (LayerKind::Projects, Lang::Ru) => "проекты",
        (LayerKind::Projects, Lang::En) => "projects",
        (LayerKind::Corridors, Lang::Kk) => "дәліздер",
        (LayerKind::Corridors, Lang::Ru) => "коридоры",
        (LayerKind::Corridors, Lang::En) => "corridors",
        (LayerKind::Edition, Lang::Kk) => "шекаралар басылымы",
        (LayerKind::Edition, Lang::Ru) => "редакция границ",
        (LayerKind::Edition, Lang::En) => "a boundary edition",
    }
}

fn expected(what: Expected, lang: Lang) -> &'static str {
    match (what, lang) {
        (Expected::Count, Lang::Kk) => "нөл немесе одан үлкен бүтін сан",
        (Expected::Count, Lang::Ru) => "целое число не меньше нуля",
        (Expected::Count, Lang::En) => "a whole number of zero or more",
        (Expected::Amount, Lang::Kk) => "нөл немесе одан үлкен сан",
        (Expected::Amount, Lang::Ru) => "число не меньше нуля",
        (Expected::Amount, Lang::En) => "a number of zero or more",
        (Expected::Level, Lang::Kk) => "1, 2 немесе 3",
        (Expected::Level, Lang::Ru) => "1, 2 или 3",
        (Expected::Level, Lang::En) => "1, 2 or 3",
        (Expected::YesNo, Lang::Kk) => "иә немесе жоқ",
        (Expected::YesNo, Lang::Ru) => "да или нет",
        (Expected::YesNo, Lang::En) => "yes or no",
        (Expected::Text, Lang::Kk) => "мәтін",
        (Expected::Text, Lang::Ru) => "текст",
        (Expected::Text, Lang::En) => "text",
    }
}

/// A number as the language writes decimals.
fn number(value: f64, lang: Lang) -> String {
    crate::i18n::import_text::number(value, lang)
}

/// One feature's problem with its feature number, in `lang`.
pub fn problem(p: &FeatureProblem, lang: Lang) -> String {
    use Problem as P;
    let what = match (&p.problem, lang) {
        (P::NoGeometry, Lang::Kk) => "геометриясы жоқ".to_owned(),
        (P::NoGeometry, Lang::Ru) => "нет геометрии".to_owned(),
        (P::NoGeometry, Lang::En) => "it has no geometry".to_owned(),
        (P::WrongGeometry { found, layer }, lang) => {
            let taken = layer_name(*layer, lang);
            let wanted = layer.geometry();
            match lang {
                Lang::Kk => format!("бұл {found}, ал {taken} үшін {wanted} керек"),
                Lang::Ru => format!("это {found}, а для слоя «{taken}» нужен {wanted}"),
                Lang::En => format!("it is a {found}, but {taken} need a {wanted}"),
            }
        }
        (P::MissingProperty { property }, Lang::Kk) => {
            format!("«{property}» қасиеті жоқ немесе бос")
        }
        (P::MissingProperty { property }, Lang::Ru) => {
            format!("свойство «{property}» отсутствует или пусто")
        }
        (P::MissingProperty { property }, Lang::En) => {
            format!("the property «{property}» is missing or empty")
        }
        (P::BadProperty { property, found, expected: e }, lang) => {
            let e = expected(*e, lang);
            match lang {
                Lang::Kk => format!("«{property}» мәні «{found}», ал {e} күтіледі"),
                Lang::Ru => format!("«{property}» равно «{found}», а ожидается {e}"),
                Lang::En => format!("«{property}» is «{found}», expected {e}"),
            }
        }
        (P::NegativeCount { property, value }, lang) => {
            let value = number(*value, lang);
            match lang {
                Lang::Kk => format!("«{property}» теріс бола алмайды ({value})"),
                Lang::Ru => format!("«{property}» не может быть отрицательным ({value})"),
                Lang::En => format!("«{property}» cannot be negative ({value})"),
            }
        }
        (P::YearOutOfRange { property, year }, lang) => {
            let year = number(*year, lang);
            match lang {
                Lang::Kk => format!("«{property}»: {year} 1990–2100 аралығындағы жыл емес"),
                Lang::Ru => format!("«{property}»: {year} не год от 1990 до 2100"),
                Lang::En => format!("«{property}»: {year} is not a year between 1990 and 2100"),
            }
        }
        (P::OutsideRegions { lon, lat }, lang) => {
            let at = format!("{}; {}", number(*lon, lang), number(*lat, lang));
            match lang {
                Lang::Kk => format!("{at} нүктесі Қазақстанның ешбір өңірінде емес"),
                Lang::Ru => format!("точка {at} не лежит ни в одном регионе Казахстана"),
                Lang::En => format!("the point {at} lies in no region of Kazakhstan"),
            }
        }
        (P::LineOutside, Lang::Kk) => {
            "сызықтың бірде-бір нүктесі Қазақстан өңірлерінде емес".to_owned()
        }
        (P::LineOutside, Lang::Ru) => {
            "ни одна точка линии не лежит в регионах Казахстана".to_owned()
        }
        (P::LineOutside, Lang::En) => {
            "no point of the line lies in a region of Kazakhstan".to_owned()
        }
        (P::ShortLine { points }, Lang::Kk) => {
            format!("сызықта {points} нүкте ғана бар (кемінде екеуі керек)")
        }
        (P::ShortLine { points }, Lang::Ru | Lang::En) => {
            let counted = POINTS.count(plural::n(*points), lang);
            match lang {
                Lang::Ru => format!("в линии {counted} (нужно не меньше двух)"),
                _ => format!("the line has {counted}; it needs at least two"),
            }
        }
        (P::UnknownKind { text }, Lang::Kk) => {
            format!("«{text}» дәліз түрі емес (railway, road, power_line, pipeline)")
        }
        (P::UnknownKind { text }, Lang::Ru) => {
            format!("«{text}» не вид коридора (railway, road, power_line, pipeline)")
        }
        (P::UnknownKind { text }, Lang::En) => {
            format!("«{text}» is not a corridor kind (railway, road, power_line, pipeline)")
        }
        (P::NoKind, Lang::Kk) => "дәліз түрі жоқ: --kind немесе «kind» қасиетін беріңіз".to_owned(),
        (P::NoKind, Lang::Ru) => {
            "вид коридора не указан: задайте --kind или свойство «kind»".to_owned()
        }
        (P::NoKind, Lang::En) => "no corridor kind: give --kind or a «kind» property".to_owned(),
        (P::CodeInFile { code }, Lang::Kk) => format!("{code} коды файлда бар"),
        (P::CodeInFile { code }, Lang::Ru) => format!("код {code} уже есть в файле"),
        (P::CodeInFile { code }, Lang::En) => format!("the file already has a project {code}"),
        (P::DuplicateCode { code, earlier }, lang) => {
            let earlier = feature(*earlier, lang);
            match lang {
                Lang::Kk => format!("{code} коды {earlier} ішінде де бар"),
                Lang::Ru => format!("код {code} уже у объекта: {earlier}"),
                Lang::En => format!("the code {code} is also that of {earlier}"),
            }
        }
        (P::UnknownRegion { name }, Lang::Kk) => format!("«{name}» Қазақстан өңірі емес"),
        (P::UnknownRegion { name }, Lang::Ru) => format!("«{name}» не регион Казахстана"),
        (P::UnknownRegion { name }, Lang::En) => format!("«{name}» is not a region of Kazakhstan"),
        (P::WholeCountry { name }, Lang::Kk) => format!("«{name}» бүкіл ел, өңір емес"),
        (P::WholeCountry { name }, Lang::Ru) => format!("«{name}» вся страна, а не регион"),
        (P::WholeCountry { name }, Lang::En) => {
            format!("«{name}» is the whole country, not a region")
        }
        (P::NotInYear { name, code, year }, Lang::Kk) => {
            format!("«{name}» ({code}) {year} жылы болмаған")
        }
        (P::NotInYear { name, code, year }, Lang::Ru) => {
            format!("«{name}» ({code}) не существовал в {year} году")
        }
        (P::NotInYear { name, code, year }, Lang::En) => {
            format!("«{name}» ({code}) did not exist in {year}")
        }
        (P::DuplicateRegion { code, earlier }, lang) => {
            let earlier = feature(*earlier, lang);
            match lang {
                Lang::Kk => format!("{code} өңірі {earlier} ішінде де бар"),
                Lang::Ru => format!("регион {code} уже задан объектом: {earlier}"),
                Lang::En => format!("region {code} is also {earlier}"),
            }
        }
        (P::Unrepaired { fault }, lang) => {
            let fault = fault.describe(lang);
            match lang {
                Lang::Kk => format!("пішінді түзету мүмкін болмады: {fault}"),
                Lang::Ru => format!("контур не удалось исправить: {fault}"),
                Lang::En => format!("the shape could not be repaired: {fault}"),
            }
        }
        (P::EmptyShape, Lang::Kk) => "түзетуден кейін пішіннен ештеңе қалмады".to_owned(),
        (P::EmptyShape, Lang::Ru) => "после исправления от контура ничего не осталось".to_owned(),
        (P::EmptyShape, Lang::En) => "nothing is left of the shape after repair".to_owned(),
    };
    format!("{}: {what}", feature(p.feature, lang))
}

fn geometry_fault(fault: &GeometryFault, lang: Lang) -> String {
    use GeometryFault as G;
    match (fault, lang) {
        (_, Lang::En) => fault.to_string(),
        (G::UnknownType(t), Lang::Kk) => format!("«{t}» GeoJSON геометрия түрі емес"),
        (G::UnknownType(t), Lang::Ru) => format!("«{t}» не тип геометрии GeoJSON"),
        (G::NotAPosition { position }, Lang::Kk) => {
            format!("{position}-позиция: [бойлық, ендік] сандар жұбы емес")
        }
        (G::NotAPosition { position }, Lang::Ru) => {
            format!("позиция {position}: не пара чисел [долгота, широта]")
        }
        (G::Longitude { position, lon }, Lang::Kk) => {
            format!("{position}-позиция: {} бойлығы −180…180 аралығынан тыс", number(*lon, lang))
        }
        (G::Longitude { position, lon }, Lang::Ru) => {
            format!("позиция {position}: долгота {} вне −180…180", number(*lon, lang))
        }
        (G::Latitude { position, lat }, Lang::Kk) => {
            format!("{position}-позиция: {} ендігі −90…90 аралығынан тыс", number(*lat, lang))
        }
        (G::Latitude { position, lat }, Lang::Ru) => {
            format!("позиция {position}: широта {} вне −90…90", number(*lat, lang))
        }
        (G::Nesting { kind }, Lang::Kk) => {
            format!("{kind} координаталары GeoJSON тәртібімен берілмеген")
        }
        (G::Nesting { kind }, Lang::Ru) => {
            format!("координаты {kind} вложены не так, как в GeoJSON")
        }
    }
}

/// Why a GeoJSON file is refused, in `lang`: one line naming the file and the place.
pub fn error(e: &GeoJsonError, lang: Lang) -> String {
    use GeoJsonError as E;
    let place = |line: &usize, column: &usize| match lang {
        Lang::Kk => format!("{line}-жол, {column}-баған"),
        Lang::Ru => format!("строка {line}, столбец {column}"),
        Lang::En => format!("line {line}, column {column}"),
    };
    match (e, lang) {
        (E::Input(inner), lang) => crate::i18n::import_text::error(inner, lang),
        (_, Lang::En) => e.to_string(),
        (E::Empty { file }, Lang::Kk) => format!("{file}: файл бос"),
        (E::Empty { file }, Lang::Ru) => format!("{file}: файл пуст"),
        (E::Syntax { file, line, column, message }, Lang::Kk) => {
            format!("{file}: {}: жарамды JSON емес: {message}", place(line, column))
        }
        (E::Syntax { file, line, column, message }, Lang::Ru) => {
            format!("{file}: {}: это не корректный JSON: {message}", place(line, column))
        }
        (E::Structure { file, line, column, message }, Lang::Kk) => {
            format!("{file}: {}: GeoJSON FeatureCollection емес: {message}", place(line, column))
        }
        (E::Structure { file, line, column, message }, Lang::Ru) => {
            format!("{file}: {}: это не GeoJSON FeatureCollection: {message}", place(line, column))
        }
        (E::NotFinite { file, line, column, text }, Lang::Kk) => format!(
            "{file}: {}: «{text}» шектеулі сан емес (сан емес мән немесе шексіздік); GeoJSON \
             тек кәдімгі сандарды сақтайды",
            place(line, column)
        ),
        (E::NotFinite { file, line, column, text }, Lang::Ru) => format!(
            "{file}: {}: «{text}» не конечное число (не число или бесконечность); в GeoJSON \
             допустимы только обычные числа",
            place(line, column)
        ),
        (E::NotAnObject { file, line, column }, Lang::Kk) => format!(
            "{file}: {}: GeoJSON FeatureCollection емес: файл «{{» белгісінен басталмайды",
            place(line, column)
        ),
        (E::NotAnObject { file, line, column }, Lang::Ru) => format!(
            "{file}: {}: это не GeoJSON FeatureCollection: файл не начинается с «{{»",
            place(line, column)
        ),
        (E::NotFeatureCollection { file, found }, Lang::Kk) => {
            format!("{file}: GeoJSON FeatureCollection емес (түрі «{found}»)")
        }
        (E::NotFeatureCollection { file, found }, Lang::Ru) => {
            format!("{file}: это не GeoJSON FeatureCollection (тип «{found}»)")
        }
        (E::NoFeatures { file }, Lang::Kk) => format!("{file}: FeatureCollection ішінде нысан жоқ"),
        (E::NoFeatures { file }, Lang::Ru) => format!("{file}: в FeatureCollection нет объектов"),
        (E::Geometry { file, feature: n, fault }, lang) => {
            format!("{file}, {}: {}", feature(*n, lang), geometry_fault(fault, lang))
        }
        (E::MissingOption { layer, option }, Lang::Kk) => {
            format!("--as {} үшін {option} керек", layer.name())
        }
        (E::MissingOption { layer, option }, Lang::Ru) => {
            format!("для --as {} нужен {option}", layer.name())
        }
        (E::BothMatchProperties, Lang::Kk) => {
            "--code-property немесе --name-property беріңіз, екеуін бірге емес".to_owned()
        }
        (E::BothMatchProperties, Lang::Ru) => {
            "задайте --code-property или --name-property, но не оба".to_owned()
        }
        (E::OptionNotForLayer { layer, option }, Lang::Kk) => {
            format!("{option} --as {} үшін қолданылмайды", layer.name())
        }
        (E::OptionNotForLayer { layer, option }, Lang::Ru) => {
            format!("{option} не применяется к --as {}", layer.name())
        }
        (E::BadValidFrom { year }, Lang::Kk) => {
            format!("--valid-from {year}: 1990–2100 аралығындағы жыл емес")
        }
        (E::BadValidFrom { year }, Lang::Ru) => {
            format!("--valid-from {year}: не год от 1990 до 2100")
        }
        (E::EditionExists { key }, Lang::Kk) => format!(
            "файлда «{key}» шекаралар басылымы бар; оны ауыстыру үшін --replace немесе басқа \
             --edition-key беріңіз"
        ),
        (E::EditionExists { key }, Lang::Ru) => format!(
            "в файле уже есть редакция границ «{key}»; добавьте --replace, чтобы заменить её, \
             или задайте другой --edition-key"
        ),
        (E::EditionTooEarly { year, current, current_from }, Lang::Kk) => format!(
            "жаңа басылым қолданыстағы «{current}» басылымы басталған {current_from} жылдан кейін \
             басталуы керек (--valid-from {year})"
        ),
        (E::EditionTooEarly { year, current, current_from }, Lang::Ru) => format!(
            "новая редакция должна начинаться после {current_from} года, когда началась \
             действующая «{current}» (--valid-from {year})"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [GeoJsonText; 19] = [
        GeoJsonText::FeaturesInFile,
        GeoJsonText::GrowthPointsToImport,
        GeoJsonText::ProjectsToImport,
        GeoJsonText::CorridorsToImport,
        GeoJsonText::RegionsToImport,
        GeoJsonText::NewEdition,
        GeoJsonText::ReplacesEdition,
        GeoJsonText::From,
        GeoJsonText::Repaired,
        GeoJsonText::RegionsWithoutShape,
        GeoJsonText::Problems,
        GeoJsonText::ProblemsSkipped,
        GeoJsonText::DryRun,
        GeoJsonText::NothingImported,
        GeoJsonText::UseSkipProblems,
        GeoJsonText::ImportedInto,
        GeoJsonText::TheFirst,
        GeoJsonText::Region,
        GeoJsonText::AreaKm2,
    ];

    /// Latin letters left once options, format names and corridor kinds (written as typed) are
    /// removed.
    fn latin(text: &str) -> Vec<char> {
        let mut text = text.to_owned();
        for typed in [
            "--skip-problems",
            "--code-property",
            "--name-property",
            "--edition-key",
            "--valid-from",
            "--replace",
            "--kind",
            "--as",
            "FeatureCollection",
            "GeoJSON",
            "JSON",
            "power_line",
            "railway",
            "pipeline",
            "road",
            "kind",
            "edition",
            "Point",
            "Polygon",
            "LineString",
        ] {
            text = text.replace(typed, "");
        }
        text.chars().filter(char::is_ascii_alphabetic).collect()
    }

    #[test]
    fn window_texts_in_kazakh_and_russian_have_no_latin_letters() {
        use LayerWindowText as W;
        let all = [
            W::ImportAs,
            W::NameProperty,
            W::CodeProperty,
            W::NoProperty,
            W::EditionKey,
            W::ReplaceEdition,
            W::CorridorKind,
            W::KindFromFile,
            W::NotUndoable,
            W::Feature,
            W::Name,
            W::Points,
        ];
        for text in all {
            for lang in [Lang::Kk, Lang::Ru] {
                let t = text.get(lang);
                assert_eq!(latin(t), Vec::<char>::new(), "{text:?} {lang:?}: {t}");
            }
        }
        assert_eq!(import_features(3, Lang::Ru), "Импортировать 3 объекта");
        assert_eq!(import_features(11, Lang::Ru), "Импортировать 11 объектов");
        assert_eq!(import_features(1, Lang::En), "Import 1 feature");
    }

    #[test]
    fn kazakh_and_russian_texts_have_no_latin_letters() {
        for text in ALL {
            for lang in [Lang::Kk, Lang::Ru] {
                let t = text.get(lang);
                assert_eq!(latin(t), Vec::<char>::new(), "{text:?} {lang:?}: {t}");
            }
        }
    }

    fn bow_tie_fault() -> crate::spatial::Fault {
        let bow_tie = geo::wkt!(MULTIPOLYGON(((0. 0., 2. 2., 2. 0., 0. 2., 0. 0.))));
        crate::spatial::validate(&bow_tie).remove(0)
    }

    fn every_problem() -> Vec<Problem> {
        vec![
            Problem::NoGeometry,
            Problem::WrongGeometry { found: "Polygon".into(), layer: LayerKind::Projects },
            Problem::MissingProperty { property: "имя".into() },
            Problem::BadProperty {
                property: "уровень".into(),
                found: "5".into(),
                expected: Expected::Level,
            },
            Problem::NegativeCount { property: "рабочие".into(), value: -3.5 },
            Problem::YearOutOfRange { property: "год".into(), year: 1890.0 },
            Problem::OutsideRegions { lon: 74.5, lat: 42.9 },
            Problem::LineOutside,
            Problem::ShortLine { points: 1 },
            Problem::UnknownKind { text: "канал".into() },
            Problem::NoKind,
            Problem::CodeInFile { code: "КЗ-1".into() },
            Problem::DuplicateCode { code: "КЗ-1".into(), earlier: 2 },
            Problem::UnknownRegion { name: "Атлантида".into() },
            Problem::WholeCountry { name: "Казахстан".into() },
            Problem::NotInYear { name: "Абай".into(), code: "КЗ".into(), year: 2020 },
            Problem::DuplicateRegion { code: "КЗ".into(), earlier: 1 },
            Problem::Unrepaired { fault: bow_tie_fault() },
            Problem::EmptyShape,
        ]
    }

    #[test]
    fn a_short_line_counts_its_points_in_the_form_the_number_asks_for() {
        let short = |points| FeatureProblem { feature: 3, problem: Problem::ShortLine { points } };
        assert_eq!(
            problem(&short(1), Lang::Ru),
            "объект 3: в линии 1 точка (нужно не меньше двух)"
        );
        assert_eq!(
            problem(&short(0), Lang::Ru),
            "объект 3: в линии 0 точек (нужно не меньше двух)"
        );
        assert_eq!(
            problem(&short(1), Lang::En),
            "feature 3: the line has 1 point; it needs at least two"
        );
        assert_eq!(
            problem(&short(0), Lang::En),
            "feature 3: the line has 0 points; it needs at least two"
        );
        assert_eq!([points(2, Lang::Ru), points(5, Lang::Ru)], ["2 точки", "5 точек"]);
        assert_eq!(
            edition_written("2025", 1, false, Lang::En),
            "new boundary edition «2025» with 1 region"
        );
        assert_eq!(
            edition_written("2025", 21, true, Lang::En),
            "boundary edition «2025» replaced, 21 regions"
        );
    }

    #[test]
    fn every_problem_names_its_feature_in_each_language() {
        for p in every_problem() {
            let p = FeatureProblem { feature: 7, problem: p };
            assert!(problem(&p, Lang::En).starts_with("feature 7: "), "{}", problem(&p, Lang::En));
            assert!(problem(&p, Lang::Ru).starts_with("объект 7: "));
            assert!(problem(&p, Lang::Kk).starts_with("7-нысан: "));
            for lang in [Lang::Kk, Lang::Ru] {
                let text = problem(&p, lang);
                assert_eq!(latin(&text), Vec::<char>::new(), "{text}");
            }
        }
        let outside = FeatureProblem {
            feature: 3,
            problem: Problem::OutsideRegions { lon: 74.5, lat: 42.9 },
        };
        assert_eq!(
            problem(&outside, Lang::Ru),
            "объект 3: точка 74,5; 42,9 не лежит ни в одном регионе Казахстана"
        );
    }

    #[test]
    fn edition_sentences_have_no_latin_letters_in_kazakh_and_russian() {
        for lang in [Lang::Kk, Lang::Ru] {
            for sentence in [
                edition_ends("2022", 2025, lang),
                edition_written("2025", 2, false, lang),
                edition_written("2025", 2, true, lang),
                edition_name("2025", "шекаралар.json", lang),
            ] {
                assert_eq!(latin(&sentence.replace(".json", "")), Vec::<char>::new(), "{sentence}");
            }
        }
        assert_eq!(
            edition_ends("2022", 2025, Lang::Kk),
            "Қолданыстағы «2022» басылымы 2025 жылы аяқталады"
        );
    }

    #[test]
    fn an_incomplete_edition_names_five_regions_then_counts_the_rest() {
        let names = ["Абай", "Ақмола", "Ақтөбе", "Алматы", "Атырау", "Жетісу", "Ұлытау"];
        assert_eq!(
            incomplete_edition("a.geojson", "2025", &names, Lang::Kk),
            "a.geojson: «2025» шекаралар басылымында 7 өңірдің шекарасы жоқ: Абай, Ақмола, \
             Ақтөбе, Алматы, Атырау және тағы 2; ештеңе импортталған жоқ (басылым әр өңірге \
             шекара беруі керек)"
        );
        assert_eq!(
            incomplete_edition("a.geojson", "2025", &names[..2], Lang::En),
            "a.geojson: boundary edition «2025» has no boundary for 2 regions: Абай, Ақмола; \
             nothing was imported (an edition must give every region its boundary)"
        );
        assert!(
            incomplete_edition("a", "2025", &names[..1], Lang::En)
                .contains("has no boundary for 1 region: Абай;")
        );
        let ru = incomplete_edition("файл", "2025", &names, Lang::Ru);
        assert!(
            ru.contains("нет границ у 7 регионов: Абай, Ақмола, Ақтөбе, Алматы, Атырау и ещё 2;"),
            "{ru}"
        );
        let one = incomplete_edition("файл", "2025", &names[..1], Lang::Ru);
        assert!(one.contains("нет границы у 1 региона: Абай;"), "{one}");
        let twenty_one = [names[0]; 21];
        let ru = incomplete_edition("файл", "2025", &twenty_one, Lang::Ru);
        assert!(ru.contains("нет границ у 21 региона: "), "{ru}");
        assert_eq!(latin(&ru), Vec::<char>::new(), "{ru}");
    }

    #[test]
    fn refusals_name_file_and_place_in_each_language() {
        let syntax = GeoJsonError::Syntax {
            file: "a.geojson".into(),
            line: 3,
            column: 14,
            message: "EOF while parsing a list".into(),
        };
        assert_eq!(
            error(&syntax, Lang::En),
            "a.geojson: line 3, column 14: not valid JSON: EOF while parsing a list"
        );
        assert!(error(&syntax, Lang::Ru).starts_with("a.geojson: строка 3, столбец 14: "));
        let fault = GeoJsonError::Geometry {
            file: "a.geojson".into(),
            feature: 2,
            fault: GeometryFault::Latitude { position: 1, lat: 95.5 },
        };
        assert_eq!(
            error(&fault, Lang::En),
            "a.geojson, feature 2: position 1: latitude 95.5 is outside −90…90"
        );
        assert_eq!(
            error(&fault, Lang::Kk),
            "a.geojson, 2-нысан: 1-позиция: 95,5 ендігі −90…90 аралығынан тыс"
        );
        let array = GeoJsonError::NotAnObject { file: "a.geojson".into(), line: 2, column: 3 };
        assert_eq!(
            error(&array, Lang::Ru),
            "a.geojson: строка 2, столбец 3: это не GeoJSON FeatureCollection: файл не \
             начинается с «{»"
        );
        assert_eq!(latin(&error(&array, Lang::Kk).replace("a.geojson", "")), Vec::<char>::new());
        let nan = GeoJsonError::NotFinite {
            file: "a.geojson".into(),
            line: 4,
            column: 22,
            text: "NaN".into(),
        };
        assert_eq!(
            error(&nan, Lang::Ru),
            "a.geojson: строка 4, столбец 22: «NaN» не конечное число (не число или \
             бесконечность); в GeoJSON допустимы только обычные числа"
        );
        assert_eq!(
            error(&nan, Lang::Kk),
            "a.geojson: 4-жол, 22-баған: «NaN» шектеулі сан емес (сан емес мән немесе \
             шексіздік); GeoJSON тек кәдімгі сандарды сақтайды"
        );
    }
}
