//! Texts of the map scene and its export: titles, legend, layer and symbol names, tooltips, and
//! numbers formatted the way each language writes them.

use crate::model::{CorridorKind, GrowthLevel, Lang, Sector};

/// Fixed texts of the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapText {
    NoData,
    /// Legend heading of the growth-point layer.
    GrowthPoints,
    /// A town that is a growth-point candidate without an assigned level.
    OtherTown,
    Monotown,
    /// Legend line explaining the circle sizes.
    CircleAreaIsPopulation,
    /// Legend heading of the project layer.
    Projects,
    /// Legend heading of the corridor layer (railways, roads, power lines, pipelines).
    Corridors,
    /// Data attribution under the map.
    SourceLine,
    /// Title suffix of a map drawn on the current edition.
    CurrentBoundaries,
}

impl MapText {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MapText::NoData, Lang::Kk) => "Дерек жоқ",
            (MapText::NoData, Lang::Ru) => "Нет данных",
            (MapText::NoData, Lang::En) => "No data",
            (MapText::GrowthPoints, Lang::Kk) => "Өсу нүктелері",
            (MapText::GrowthPoints, Lang::Ru) => "Точки роста",
            (MapText::GrowthPoints, Lang::En) => "Growth points",
            (MapText::OtherTown, Lang::Kk) => "Басқа қалалар",
            (MapText::OtherTown, Lang::Ru) => "Другие города",
            (MapText::OtherTown, Lang::En) => "Other towns",
            (MapText::Monotown, Lang::Kk) => "Моноқала",
            (MapText::Monotown, Lang::Ru) => "Моногород",
            (MapText::Monotown, Lang::En) => "Monotown",
            (MapText::CircleAreaIsPopulation, Lang::Kk) => "Шеңбер ауданы — қала халқының саны",
            (MapText::CircleAreaIsPopulation, Lang::Ru) => "Площадь круга — население города",
            (MapText::CircleAreaIsPopulation, Lang::En) => "Circle area: town population",
            (MapText::Projects, Lang::Kk) => "Жобалар",
            (MapText::Projects, Lang::Ru) => "Проекты",
            (MapText::Projects, Lang::En) => "Projects",
            (MapText::Corridors, Lang::Kk) => "Дәліздер",
            (MapText::Corridors, Lang::Ru) => "Коридоры",
            (MapText::Corridors, Lang::En) => "Corridors",
            (MapText::SourceLine, Lang::Kk) => {
                "Деректер: Қазақстан Ұлттық статистика бюросы; шекаралар: geokz (А. Родионов), \
                 CC BY 4.0, OCHA COD-AB негізінде"
            }
            (MapText::SourceLine, Lang::Ru) => {
                "Данные: Бюро национальной статистики Казахстана; границы: geokz (А. Родионов), \
                 CC BY 4.0, по данным OCHA COD-AB"
            }
            (MapText::SourceLine, Lang::En) => {
                "Data: Bureau of National Statistics of Kazakhstan; boundaries: geokz \
                 (A. Rodionov), CC BY 4.0, after OCHA COD-AB"
            }
            (MapText::CurrentBoundaries, Lang::Kk) => "қазіргі шекараларда",
            (MapText::CurrentBoundaries, Lang::Ru) => "в современных границах",
            (MapText::CurrentBoundaries, Lang::En) => "on current boundaries",
        }
    }
}

/// Legend and tooltip name of a growth-point level.
pub fn growth_level(level: GrowthLevel, lang: Lang) -> &'static str {
    match (level, lang) {
        (GrowthLevel::First, Lang::Kk) => "1-деңгей: агломерациялар",
        (GrowthLevel::First, Lang::Ru) => "1-й уровень: агломерации",
        (GrowthLevel::First, Lang::En) => "Level 1: agglomerations",
        (GrowthLevel::Second, Lang::Kk) => "2-деңгей: облыс орталықтары",
        (GrowthLevel::Second, Lang::Ru) => "2-й уровень: областные центры",
        (GrowthLevel::Second, Lang::En) => "Level 2: regional centres",
        (GrowthLevel::Third, Lang::Kk) => "3-деңгей: перспективалы шағын қалалар",
        (GrowthLevel::Third, Lang::Ru) => "3-й уровень: перспективные малые города",
        (GrowthLevel::Third, Lang::En) => "Level 3: promising small towns",
    }
}

/// Legend name of a project sector.
pub fn sector(sector: Sector, lang: Lang) -> &'static str {
    match (sector, lang) {
        (Sector::Metallurgy, Lang::Kk) => "Металлургия",
        (Sector::Metallurgy, Lang::Ru) => "Металлургия",
        (Sector::Metallurgy, Lang::En) => "Metallurgy",
        (Sector::Petrochemicals, Lang::Kk) => "Мұнай-газ химиясы",
        (Sector::Petrochemicals, Lang::Ru) => "Нефтегазохимия",
        (Sector::Petrochemicals, Lang::En) => "Petrochemicals",
        (Sector::Energy, Lang::Kk) => "Энергетика",
        (Sector::Energy, Lang::Ru) => "Энергетика",
        (Sector::Energy, Lang::En) => "Energy",
        (Sector::MachineBuilding, Lang::Kk) => "Машина жасау",
        (Sector::MachineBuilding, Lang::Ru) => "Машиностроение",
        (Sector::MachineBuilding, Lang::En) => "Machine building",
        (Sector::Agriculture, Lang::Kk) => "Агроөнеркәсіп",
        (Sector::Agriculture, Lang::Ru) => "Агропромышленность",
        (Sector::Agriculture, Lang::En) => "Agro-industry",
        (Sector::Transport, Lang::Kk) => "Көлік және логистика",
        (Sector::Transport, Lang::Ru) => "Транспорт и логистика",
        (Sector::Transport, Lang::En) => "Transport and logistics",
        (Sector::ConstructionMaterials, Lang::Kk) => "Құрылыс материалдары",
        (Sector::ConstructionMaterials, Lang::Ru) => "Строительные материалы",
        (Sector::ConstructionMaterials, Lang::En) => "Construction materials",
        (Sector::Other, Lang::Kk) => "Басқа салалар",
        (Sector::Other, Lang::Ru) => "Прочие отрасли",
        (Sector::Other, Lang::En) => "Other sectors",
    }
}

/// Legend and tooltip name of a corridor kind.
pub fn corridor_kind(kind: CorridorKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (CorridorKind::Railway, Lang::Kk) => "Темір жол",
        (CorridorKind::Railway, Lang::Ru) => "Железная дорога",
        (CorridorKind::Railway, Lang::En) => "Railway",
        (CorridorKind::Road, Lang::Kk) => "Автомобиль жолы",
        (CorridorKind::Road, Lang::Ru) => "Автомобильная дорога",
        (CorridorKind::Road, Lang::En) => "Road",
        (CorridorKind::PowerLine, Lang::Kk) => "Электр желісі",
        (CorridorKind::PowerLine, Lang::Ru) => "Линия электропередачи",
        (CorridorKind::PowerLine, Lang::En) => "Power line",
        (CorridorKind::Pipeline, Lang::Kk) => "Құбыр",
        (CorridorKind::Pipeline, Lang::Ru) => "Трубопровод",
        (CorridorKind::Pipeline, Lang::En) => "Pipeline",
    }
}

/// Title suffix of a map drawn on an older edition, valid until `until` (exclusive) and, when
/// known, from `from`.
pub fn edition_boundaries(from: Option<i32>, until: i32, lang: Lang) -> String {
    match (from, lang) {
        (Some(from), Lang::Kk) => format!("{from}–{until} жж. шекараларында"),
        (Some(from), Lang::Ru) => format!("в границах {from}–{until} гг."),
        (Some(from), Lang::En) => format!("on {from}–{until} boundaries"),
        (None, Lang::Kk) => format!("{until} жылға дейінгі шекараларда"),
        (None, Lang::Ru) => format!("в границах до {until} г."),
        (None, Lang::En) => format!("on boundaries before {until}"),
    }
}

/// Tooltip name of a legacy unit whose value covers a group of today's regions:
/// "East Kazakhstan Region (boundaries before 2022, incl. Abay Region)".
pub fn legacy_group(name: &str, until: i32, included: &[&str], lang: Lang) -> String {
    let included = included.join(", ");
    match (included.is_empty(), lang) {
        (true, Lang::Kk) => format!("{name} ({until} жылға дейінгі шекарада)"),
        (true, Lang::Ru) => format!("{name} (в границах до {until} г.)"),
        (true, Lang::En) => format!("{name} (boundaries before {until})"),
        (false, Lang::Kk) => {
            format!("{name} ({until} жылға дейінгі шекарада, құрамында: {included})")
        }
        (false, Lang::Ru) => format!("{name} (в границах до {until} г., включая: {included})"),
        (false, Lang::En) => format!("{name} (boundaries before {until}, incl. {included})"),
    }
}

/// Tooltip note of a value computed from the units a legacy unit was split into.
pub fn computed_from(parts: &[&str], lang: Lang) -> String {
    let parts = parts.join(" + ");
    match lang {
        Lang::Kk => format!("{parts} бойынша есептелген"),
        Lang::Ru => format!("рассчитано по: {parts}"),
        Lang::En => format!("computed from {parts}"),
    }
}

/// "rank 3 of 17" for a region's tooltip.
pub fn rank_of(rank: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{count} ішінде {rank}-орын"),
        Lang::Ru => format!("{rank}-е место из {count}"),
        Lang::En => format!("rank {rank} of {count}"),
    }
}

/// A town's population with its unit: "1 354 435 адам", "1 354 435 чел.", "1,354,435 people".
pub fn people(count: f64, lang: Lang) -> String {
    let n = format_number(count, 0, lang);
    match lang {
        Lang::Kk => format!("{n} адам"),
        Lang::Ru => format!("{n} чел."),
        Lang::En => format!("{n} people"),
    }
}

/// The "since" part of a project tooltip: "2015 ж.", "2015 г.", "2015".
pub fn year_short(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{year} ж."),
        Lang::Ru => format!("{year} г."),
        Lang::En => year.to_string(),
    }
}

/// A title: "Population, 2021 (on 2018–2022 boundaries)".
pub fn title(indicator: &str, year: i32, boundaries: Option<&str>) -> String {
    match boundaries {
        Some(b) => format!("{indicator}, {year} ({b})"),
        None => format!("{indicator}, {year}"),
    }
}

/// A legend class label "a – b", or one number when the class holds a single value.
pub fn class_range(min: f64, max: f64, decimals: u8, lang: Lang) -> String {
    let (a, b) = (format_number(min, decimals, lang), format_number(max, decimals, lang));
    if a == b { a } else { format!("{a} – {b}") }
}

/// `value` with `decimals` digits after the decimal point and grouped thousands as each language
/// writes them: `1 234 567,8` in Kazakh and Russian (no-break spaces, decimal comma),
/// `1,234,567.8` in English.
pub fn format_number(value: f64, decimals: u8, lang: Lang) -> String {
    if !value.is_finite() {
        return MapText::NoData.get(lang).to_string();
    }
    let (group, point) = match lang {
        Lang::Kk | Lang::Ru => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let digits = format!("{:.*}", usize::from(decimals), value.abs());
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits.as_str(), ""));
    let negative = value < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if negative {
        out.push('−');
    }
    let len = int_part.len();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_with_no_break_spaces_in_kazakh_and_russian() {
        assert_eq!(format_number(1_234_567.25, 1, Lang::Ru), "1\u{a0}234\u{a0}567,2");
        assert_eq!(format_number(1_234_567.0, 0, Lang::Kk), "1\u{a0}234\u{a0}567");
        assert_eq!(format_number(999.0, 0, Lang::Ru), "999");
    }

    #[test]
    fn thousands_are_grouped_with_commas_in_english() {
        assert_eq!(format_number(21_815_517.0, 0, Lang::En), "21,815,517");
        assert_eq!(format_number(4.85, 2, Lang::En), "4.85");
        assert_eq!(format_number(1000.0, 1, Lang::En), "1,000.0");
    }

    #[test]
    fn rounding_carries_into_a_new_group_and_negative_zero_has_no_sign() {
        assert_eq!(format_number(999.96, 1, Lang::En), "1,000.0");
        assert_eq!(format_number(-0.01, 1, Lang::En), "0.0");
        assert_eq!(format_number(-1500.0, 0, Lang::Ru), "−1\u{a0}500");
    }

    #[test]
    fn class_range_collapses_a_single_value() {
        assert_eq!(class_range(4.8, 4.8, 1, Lang::En), "4.8");
        assert_eq!(class_range(1200.0, 35_000.6, 0, Lang::En), "1,200 – 35,001");
    }

    #[test]
    fn kazakh_texts_use_cyrillic_i_never_latin() {
        let mut texts: Vec<String> = [
            MapText::NoData,
            MapText::GrowthPoints,
            MapText::OtherTown,
            MapText::Monotown,
            MapText::CircleAreaIsPopulation,
            MapText::Projects,
            MapText::Corridors,
            MapText::SourceLine,
            MapText::CurrentBoundaries,
        ]
        .iter()
        .map(|t| t.get(Lang::Kk).to_string())
        .collect();
        texts.extend(Sector::ALL.iter().map(|s| sector(*s, Lang::Kk).to_string()));
        texts.extend(
            crate::map::style::CORRIDOR_KINDS
                .iter()
                .map(|k| corridor_kind(*k, Lang::Kk).to_string()),
        );
        for level in [GrowthLevel::First, GrowthLevel::Second, GrowthLevel::Third] {
            texts.push(growth_level(level, Lang::Kk).to_string());
        }
        texts.push(legacy_group("Шығыс Қазақстан облысы", 2022, &["Абай облысы"], Lang::Kk));
        texts.push(edition_boundaries(Some(2018), 2022, Lang::Kk));
        for text in &texts {
            // Latin letters are allowed only in names of sources (geokz, CC BY, OCHA COD-AB).
            let stripped =
                text.replace("geokz", "").replace("CC BY", "").replace("OCHA COD-AB", "");
            assert!(!stripped.chars().any(|c| c.is_ascii_alphabetic()), "Latin letter in «{text}»");
        }
    }
}
