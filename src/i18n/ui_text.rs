//! Texts of the application's panels, menus and dialogs, and the names of the model's enums
//! (region kinds, project statuses) as the panels show them.

use crate::model::{Lang, ProjectStatus, RegionKind};

/// One string of the user interface; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiText {
    Language,
    Indicator,
    Year,
    Boundaries,
    BoundariesAsReported,
    BoundariesAsReportedHint,
    BoundariesCurrent,
    BoundariesCurrentHint,
    Layers,
    GrowthPoints,
    Projects,
    Labels,
    /// The corridor layer's switch: railways, roads, power lines, pipelines.
    Corridors,
    About,
    ZoomIn,
    ZoomOut,
    ResetView,
    MapHint,
    MapLabel,
    NoSelection,
    Kind,
    AdminCentre,
    Area,
    SquareKm,
    Indicators,
    Level,
    Monotown,
    Population,
    Sector,
    Status,
    Investment,
    Jobs,
    NoneListed,
    CompareWith,
    NationalValue,
    RegionalMedian,
    NationalPerRegion,
    Ranking,
    Region,
    Rank,
    TableTitle,
    SortHint,
    Close,
    AboutDescription,
    AboutAttribution,
    OpenFile,
    ChooseRegionForChart,
    MillionKzt,
    Yes,
    Kazakhstan,
}

impl UiText {
    /// Every text, for checks over all of them.
    pub const ALL: [UiText; 50] = [
        UiText::Language,
        UiText::Indicator,
        UiText::Year,
        UiText::Boundaries,
        UiText::BoundariesAsReported,
        UiText::BoundariesAsReportedHint,
        UiText::BoundariesCurrent,
        UiText::BoundariesCurrentHint,
        UiText::Layers,
        UiText::GrowthPoints,
        UiText::Projects,
        UiText::Labels,
        UiText::Corridors,
        UiText::About,
        UiText::ZoomIn,
        UiText::ZoomOut,
        UiText::ResetView,
        UiText::MapHint,
        UiText::MapLabel,
        UiText::NoSelection,
        UiText::Kind,
        UiText::AdminCentre,
        UiText::Area,
        UiText::SquareKm,
        UiText::Indicators,
        UiText::Level,
        UiText::Monotown,
        UiText::Population,
        UiText::Sector,
        UiText::Status,
        UiText::Investment,
        UiText::Jobs,
        UiText::NoneListed,
        UiText::CompareWith,
        UiText::NationalValue,
        UiText::RegionalMedian,
        UiText::NationalPerRegion,
        UiText::Ranking,
        UiText::Region,
        UiText::Rank,
        UiText::TableTitle,
        UiText::SortHint,
        UiText::Close,
        UiText::AboutDescription,
        UiText::AboutAttribution,
        UiText::OpenFile,
        UiText::ChooseRegionForChart,
        UiText::MillionKzt,
        UiText::Yes,
        UiText::Kazakhstan,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Kk, Ru};
        match (self, lang) {
            (UiText::Language, Kk) => "Тіл",
            (UiText::Language, Ru) => "Язык",
            (UiText::Language, En) => "Language",
            (UiText::Indicator, Kk) => "Көрсеткіш",
            (UiText::Indicator, Ru) => "Показатель",
            (UiText::Indicator, En) => "Indicator",
            (UiText::Year, Kk) => "Жыл",
            (UiText::Year, Ru) => "Год",
            (UiText::Year, En) => "Year",
            (UiText::Boundaries, Kk) => "Шекаралар",
            (UiText::Boundaries, Ru) => "Границы",
            (UiText::Boundaries, En) => "Boundaries",
            (UiText::BoundariesAsReported, Kk) => "Есептегідей",
            (UiText::BoundariesAsReported, Ru) => "Как в отчётности",
            (UiText::BoundariesAsReported, En) => "As reported",
            (UiText::BoundariesAsReportedHint, Kk) => {
                "Әр жылдың деректері сол жылы қолданыста болған шекаралармен көрсетіледі"
            }
            (UiText::BoundariesAsReportedHint, Ru) => {
                "Данные каждого года показаны в границах, действовавших в том году"
            }
            (UiText::BoundariesAsReportedHint, En) => {
                "Each year's data are drawn on the boundaries in force that year"
            }
            (UiText::BoundariesCurrent, Kk) => "Қазіргі шекаралар",
            (UiText::BoundariesCurrent, Ru) => "Текущие границы",
            (UiText::BoundariesCurrent, En) => "Current boundaries",
            (UiText::BoundariesCurrentHint, Kk) => {
                "Барлық жылдар қазіргі шекаралармен: бұрынғы өңірдің мәні оның мұрагерлеріне \
                 таралады, қатынас көрсеткіштері бөліктерінен қайта есептеледі"
            }
            (UiText::BoundariesCurrentHint, Ru) => {
                "Все годы в текущих границах: значение прежнего региона распространяется на его \
                 преемников, относительные показатели пересчитываются из составляющих"
            }
            (UiText::BoundariesCurrentHint, En) => {
                "Every year on today's boundaries: a former region's value covers its successors, \
                 ratios are recomputed from their parts"
            }
            (UiText::Layers, Kk) => "Қабаттар",
            (UiText::Layers, Ru) => "Слои",
            (UiText::Layers, En) => "Layers",
            (UiText::GrowthPoints, Kk) => "Өсу нүктелері",
            (UiText::GrowthPoints, Ru) => "Точки роста",
            (UiText::GrowthPoints, En) => "Growth points",
            (UiText::Projects, Kk) => "Жобалар",
            (UiText::Projects, Ru) => "Проекты",
            (UiText::Projects, En) => "Projects",
            (UiText::Labels, Kk) => "Атаулар",
            (UiText::Labels, Ru) => "Подписи",
            (UiText::Labels, En) => "Labels",
            (UiText::Corridors, Kk) => "Дәліздер",
            (UiText::Corridors, Ru) => "Коридоры",
            (UiText::Corridors, En) => "Corridors",
            (UiText::About, Kk) => "Бағдарлама туралы",
            (UiText::About, Ru) => "О программе",
            (UiText::About, En) => "About",
            (UiText::ZoomIn, Kk) => "Үлкейту",
            (UiText::ZoomIn, Ru) => "Приблизить",
            (UiText::ZoomIn, En) => "Zoom in",
            (UiText::ZoomOut, Kk) => "Кішірейту",
            (UiText::ZoomOut, Ru) => "Отдалить",
            (UiText::ZoomOut, En) => "Zoom out",
            (UiText::ResetView, Kk) => "Бүкіл ел",
            (UiText::ResetView, Ru) => "Вся страна",
            (UiText::ResetView, En) => "Whole country",
            (UiText::MapHint, Kk) => "Сүйреу: жылжыту · дөңгелек: масштаб · шерту: өңірді таңдау",
            (UiText::MapHint, Ru) => {
                "Перетаскивание: сдвиг · колесо: масштаб · щелчок: выбор региона"
            }
            (UiText::MapHint, En) => "Drag: pan · scroll: zoom · click: select a region",
            (UiText::MapLabel, Kk) => "Өңірлер картасы",
            (UiText::MapLabel, Ru) => "Карта регионов",
            (UiText::MapLabel, En) => "Map of regions",
            (UiText::NoSelection, Kk) => "Мәліметтерді көру үшін картадан өңірді таңдаңыз",
            (UiText::NoSelection, Ru) => "Выберите регион на карте, чтобы увидеть сведения о нём",
            (UiText::NoSelection, En) => "Select a region on the map to see its details",
            (UiText::Kind, Kk) => "Түрі",
            (UiText::Kind, Ru) => "Тип",
            (UiText::Kind, En) => "Kind",
            (UiText::AdminCentre, Kk) => "Әкімшілік орталығы",
            (UiText::AdminCentre, Ru) => "Административный центр",
            (UiText::AdminCentre, En) => "Administrative centre",
            (UiText::Area, Kk) => "Аумағы",
            (UiText::Area, Ru) => "Площадь",
            (UiText::Area, En) => "Area",
            (UiText::SquareKm, Kk | Ru) => "км²",
            (UiText::SquareKm, En) => "km²",
            (UiText::Indicators, Kk) => "Көрсеткіштер",
            (UiText::Indicators, Ru) => "Показатели",
            (UiText::Indicators, En) => "Indicators",
            (UiText::Level, Kk) => "Деңгейі",
            (UiText::Level, Ru) => "Уровень",
            (UiText::Level, En) => "Level",
            (UiText::Monotown, Kk) => "моноқала",
            (UiText::Monotown, Ru) => "моногород",
            (UiText::Monotown, En) => "monotown",
            (UiText::Population, Kk) => "Халқы",
            (UiText::Population, Ru) => "Население",
            (UiText::Population, En) => "Population",
            (UiText::Sector, Kk) => "Саласы",
            (UiText::Sector, Ru) => "Отрасль",
            (UiText::Sector, En) => "Sector",
            (UiText::Status, Kk) => "Күйі",
            (UiText::Status, Ru) => "Статус",
            (UiText::Status, En) => "Status",
            (UiText::Investment, Kk) => "Инвестиция",
            (UiText::Investment, Ru) => "Инвестиции",
            (UiText::Investment, En) => "Investment",
            (UiText::Jobs, Kk) => "Жұмыс орны",
            (UiText::Jobs, Ru) => "Рабочих мест",
            (UiText::Jobs, En) => "Jobs",
            (UiText::NoneListed, Kk) => "Жоқ",
            (UiText::NoneListed, Ru) => "Нет",
            (UiText::NoneListed, En) => "None",
            (UiText::CompareWith, Kk) => "Салыстыру",
            (UiText::CompareWith, Ru) => "Сравнить с",
            (UiText::CompareWith, En) => "Compare with",
            (UiText::NationalValue, Kk) => "Республика бойынша",
            (UiText::NationalValue, Ru) => "По республике",
            (UiText::NationalValue, En) => "National value",
            (UiText::RegionalMedian, Kk) => "Өңірлер медианасы",
            (UiText::RegionalMedian, Ru) => "Медиана регионов",
            (UiText::RegionalMedian, En) => "Regional median",
            (UiText::NationalPerRegion, Kk) => "Республика бойынша, өңірге орта есеппен",
            (UiText::NationalPerRegion, Ru) => "По республике, в среднем на регион",
            (UiText::NationalPerRegion, En) => "National, average per region",
            (UiText::Ranking, Kk) => "Өңірлер рейтингі",
            (UiText::Ranking, Ru) => "Рейтинг регионов",
            (UiText::Ranking, En) => "Ranking of regions",
            (UiText::Region, Kk) => "Өңір",
            (UiText::Region, Ru) => "Регион",
            (UiText::Region, En) => "Region",
            (UiText::Rank, Kk) => "Орны",
            (UiText::Rank, Ru) => "Место",
            (UiText::Rank, En) => "Rank",
            (UiText::TableTitle, Kk) => "Өңірлер бойынша көрсеткіштер",
            (UiText::TableTitle, Ru) => "Показатели по регионам",
            (UiText::TableTitle, En) => "Indicators by region",
            (UiText::SortHint, Kk) => "Осы баған бойынша сұрыптау",
            (UiText::SortHint, Ru) => "Сортировать по этому столбцу",
            (UiText::SortHint, En) => "Sort by this column",
            (UiText::Close, Kk) => "Жабу",
            (UiText::Close, Ru) => "Закрыть",
            (UiText::Close, En) => "Close",
            (UiText::AboutDescription, Kk) => {
                "Oblys — Қазақстанның өңірлік даму жоспарлаушыларына арналған бағдарлама: \
                 өңірлердің схемалық картасы, көрсеткіштер, өсу нүктелері мен инвестициялық \
                 жобалар. Барлық деректер бір жергілікті файлда сақталады, желі қажет емес."
            }
            (UiText::AboutDescription, Ru) => {
                "Oblys — программа для специалистов по региональному развитию Казахстана: \
                 схематическая карта регионов, показатели, точки роста и инвестиционные проекты. \
                 Все данные хранятся в одном локальном файле, сеть не нужна."
            }
            (UiText::AboutDescription, En) => {
                "Oblys is a tool for regional development planners in Kazakhstan: a schematic map \
                 of the regions, indicators, growth points and investment projects. All data live \
                 in one local file; no network is needed."
            }
            (UiText::AboutAttribution, Kk) => "Деректер көздері",
            (UiText::AboutAttribution, Ru) => "Источники данных",
            (UiText::AboutAttribution, En) => "Data sources",
            (UiText::OpenFile, Kk) => "Ашық файл",
            (UiText::OpenFile, Ru) => "Открытый файл",
            (UiText::OpenFile, En) => "Open file",
            (UiText::ChooseRegionForChart, Kk) => {
                "Өңір динамикасын көру үшін картадан, рейтингтен немесе кестеден таңдаңыз"
            }
            (UiText::ChooseRegionForChart, Ru) => {
                "Выберите регион на карте, в рейтинге или в таблице, чтобы увидеть его динамику"
            }
            (UiText::ChooseRegionForChart, En) => {
                "Select a region on the map, in the ranking or in the table to see its trend"
            }
            (UiText::MillionKzt, Kk) => "млн теңге",
            (UiText::MillionKzt, Ru) => "млн тенге",
            (UiText::MillionKzt, En) => "million KZT",
            (UiText::Yes, Kk) => "иә",
            (UiText::Yes, Ru) => "да",
            (UiText::Yes, En) => "yes",
            (UiText::Kazakhstan, Kk) => "Қазақстан Республикасы",
            (UiText::Kazakhstan, Ru) => "Республика Казахстан",
            (UiText::Kazakhstan, En) => "Republic of Kazakhstan",
        }
    }
}

/// The name of a region kind.
pub fn region_kind(kind: RegionKind, lang: Lang) -> &'static str {
    use Lang::{En, Kk, Ru};
    match (kind, lang) {
        (RegionKind::Oblast, Kk) => "облыс",
        (RegionKind::Oblast, Ru) => "область",
        (RegionKind::Oblast, En) => "region (oblast)",
        (RegionKind::City, Kk) => "республикалық маңызы бар қала",
        (RegionKind::City, Ru) => "город республиканского значения",
        (RegionKind::City, En) => "city of republican significance",
    }
}

/// The name of a project status.
pub fn project_status(status: ProjectStatus, lang: Lang) -> &'static str {
    use Lang::{En, Kk, Ru};
    match (status, lang) {
        (ProjectStatus::Planned, Kk) => "жоспарланған",
        (ProjectStatus::Planned, Ru) => "планируется",
        (ProjectStatus::Planned, En) => "planned",
        (ProjectStatus::UnderConstruction, Kk) => "салынуда",
        (ProjectStatus::UnderConstruction, Ru) => "строится",
        (ProjectStatus::UnderConstruction, En) => "under construction",
        (ProjectStatus::Operating, Kk) => "жұмыс істейді",
        (ProjectStatus::Operating, Ru) => "действует",
        (ProjectStatus::Operating, En) => "operating",
        (ProjectStatus::Unknown, Kk) => "белгісіз",
        (ProjectStatus::Unknown, Ru) => "неизвестно",
        (ProjectStatus::Unknown, En) => "unknown",
    }
}

/// "Part of East Kazakhstan Region until 2022": a unit carved out of an older one.
pub fn part_of_until(predecessor: &str, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{year} жылға дейін құрамында болған: {predecessor}"),
        Lang::Ru => format!("До {year} г. входил в состав: {predecessor}"),
        Lang::En => format!("Part of {predecessor} until {year}"),
    }
}

/// "Split in 2022 into East Kazakhstan Region, Abay Region": a unit that no longer exists.
pub fn split_into(year: i32, successors: &[&str], lang: Lang) -> String {
    let successors = successors.join(", ");
    match lang {
        Lang::Kk => format!("{year} жылы бөлінді: {successors}"),
        Lang::Ru => format!("В {year} г. разделён на: {successors}"),
        Lang::En => format!("Split in {year} into {successors}"),
    }
}

/// "Split off in 2022: Ulytau Region": what a unit that kept its code lost in a reform.
pub fn split_off(year: i32, split_off: &[&str], lang: Lang) -> String {
    let names = split_off.join(", ");
    match lang {
        Lang::Kk => format!("{year} жылы құрамынан бөлінді: {names}"),
        Lang::Ru => format!("В {year} г. из состава выделены: {names}"),
        Lang::En => format!("Split off in {year}: {names}"),
    }
}

/// "Regions (oblasts): 17 · cities of republican significance: 3".
pub fn region_counts(oblasts: usize, cities: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("облыстар: {oblasts} · республикалық маңызы бар қалалар: {cities}"),
        Lang::Ru => format!("областей: {oblasts} · городов республиканского значения: {cities}"),
        Lang::En => {
            format!("regions (oblasts): {oblasts} · cities of republican significance: {cities}")
        }
    }
}

/// "before 2022": marks a unit that ended with a boundary reform.
pub fn before_year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{year} жылға дейін"),
        Lang::Ru => format!("до {year} г."),
        Lang::En => format!("before {year}"),
    }
}

/// "Value of East Kazakhstan Region (before 2022)": a value shared by the units it covers.
pub fn value_of(unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Мәні: {unit}"),
        Lang::Ru => format!("Значение для: {unit}"),
        Lang::En => format!("Value of {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_texts_use_cyrillic_i_never_latin_i() {
        let mut kazakh: Vec<&str> = UiText::ALL.iter().map(|t| t.get(Lang::Kk)).collect();
        kazakh.push(project_status(ProjectStatus::UnderConstruction, Lang::Kk));
        kazakh.push(region_kind(RegionKind::City, Lang::Kk));
        for text in kazakh {
            // "Oblys" is the product's Latin name; everything else must be Cyrillic.
            let without_brand = text.replace("Oblys", "");
            assert!(
                !without_brand.chars().any(|c| c.is_ascii_alphabetic()),
                "Latin letter in Kazakh text «{text}»"
            );
        }
    }

    #[test]
    fn every_text_differs_between_russian_and_english() {
        for text in UiText::ALL {
            assert_ne!(text.get(Lang::Ru), text.get(Lang::En), "{text:?}");
            assert!(!text.get(Lang::Kk).is_empty(), "{text:?}");
        }
    }
}
