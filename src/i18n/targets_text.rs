//! Texts of the scenario screen's Targets tab: the table of targets and their attainment per
//! scenario, the bar chart against the target line, the attainment map and its legend, and the
//! reasons a target cannot be assessed.

use crate::i18n::format_number;
use crate::model::{Lang, TargetKind};
use crate::scenario::TargetError;

/// One fixed string of the Targets tab; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetsText {
    Title,
    Hint,
    NoTargets,
    Target,
    Attained,
    NotAttained,
    NoTarget,
    NotAssessable,
    /// After a scenario's cell when the target is another scenario's, measured on this one.
    NotOwnTarget,
    /// Short form of `NotOwnTarget` in a table cell.
    ForComparison,
    ChartTitle,
    TargetLine,
    MapScenario,
    MapLabel,
    /// Under the map for a target of the whole country.
    WholeCountry,
    /// Under the map for a regional target.
    RegionsWithTarget,
    ChartLabel,
}

impl TargetsText {
    /// Every text, for checks over all of them.
    pub const ALL: [TargetsText; 17] = [
        TargetsText::Title,
        TargetsText::Hint,
        TargetsText::NoTargets,
        TargetsText::Target,
        TargetsText::Attained,
        TargetsText::NotAttained,
        TargetsText::NoTarget,
        TargetsText::NotAssessable,
        TargetsText::NotOwnTarget,
        TargetsText::ForComparison,
        TargetsText::ChartTitle,
        TargetsText::TargetLine,
        TargetsText::MapScenario,
        TargetsText::MapLabel,
        TargetsText::WholeCountry,
        TargetsText::RegionsWithTarget,
        TargetsText::ChartLabel,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Kk, Ru};
        use TargetsText as T;
        match (self, lang) {
            (T::Title, Kk) => "Мақсаттар және олардың орындалуы",
            (T::Title, Ru) => "Цели и их достижение",
            (T::Title, En) => "Targets and their attainment",
            (T::Hint, Kk) => {
                "Әр сценарийдің әр мақсаты барлық сценарийлердің болжамымен тексеріледі. \
                 Диаграмма мен картаны көру үшін жолды таңдаңыз."
            }
            (T::Hint, Ru) => {
                "Каждая цель любого сценария проверяется по прогнозу каждого сценария. \
                 Выберите строку, чтобы увидеть диаграмму и карту."
            }
            (T::Hint, En) => {
                "Every target of any scenario is checked against every scenario's projection. \
                 Select a row to see its chart and map."
            }
            (T::NoTargets, Kk) => {
                "Сценарийлерде әзірге мақсат жоқ. Мақсаттар сценарийдің жорамалдарында беріледі."
            }
            (T::NoTargets, Ru) => {
                "Ни у одного сценария пока нет целей. Цели задаются в допущениях сценария."
            }
            (T::NoTargets, En) => {
                "No scenario has targets yet. Targets are set in a scenario's assumptions."
            }
            (T::Target, Kk) => "Мақсат",
            (T::Target, Ru) => "Цель",
            (T::Target, En) => "Target",
            (T::Attained, Kk) => "қол жеткізілді",
            (T::Attained, Ru) => "достигнута",
            (T::Attained, En) => "attained",
            (T::NotAttained, Kk) => "қол жеткізілмеді",
            (T::NotAttained, Ru) => "не достигнута",
            (T::NotAttained, En) => "not attained",
            (T::NoTarget, Kk) => "мақсат жоқ",
            (T::NoTarget, Ru) => "нет цели",
            (T::NoTarget, En) => "no target",
            (T::NotAssessable, Kk) => "бағалау мүмкін емес",
            (T::NotAssessable, Ru) => "невозможно оценить",
            (T::NotAssessable, En) => "cannot be assessed",
            (T::NotOwnTarget, Kk) => {
                "Бұл сценарийдің өз мақсаты емес: салыстыру үшін оның болжамымен тексерілді"
            }
            (T::NotOwnTarget, Ru) => {
                "Не собственная цель этого сценария: проверена по его прогнозу для сравнения"
            }
            (T::NotOwnTarget, En) => {
                "Not this scenario's own target: checked against its projection for comparison"
            }
            (T::ForComparison, Kk) => "салыстыру үшін",
            (T::ForComparison, Ru) => "для сравнения",
            (T::ForComparison, En) => "for comparison",
            (T::ChartTitle, Kk) => "Мақсатты жылдағы мән, мақсатты деңгейге шаққанда %",
            (T::ChartTitle, Ru) => "Значение в целевом году, % от целевого уровня",
            (T::ChartTitle, En) => "Value in the target year, % of the target level",
            (T::TargetLine, Kk) => "мақсатты деңгей (100 %)",
            (T::TargetLine, Ru) => "целевой уровень (100 %)",
            (T::TargetLine, En) => "target level (100 %)",
            (T::MapScenario, Kk) => "Картадағы сценарий",
            (T::MapScenario, Ru) => "Сценарий на карте",
            (T::MapScenario, En) => "Scenario on the map",
            (T::MapLabel, Kk) => "Мақсаттар картасы",
            (T::MapLabel, Ru) => "Карта целей",
            (T::MapLabel, En) => "Targets map",
            (T::WholeCountry, Kk) => "Бүкіл елдің мақсаты: ел тұтасымен боялған",
            (T::WholeCountry, Ru) => "Цель для всей страны: страна окрашена целиком",
            (T::WholeCountry, En) => "A target for the whole country, coloured as one",
            (T::RegionsWithTarget, Kk) => {
                "Осы көрсеткіш пен жыл бойынша өз мақсаты бар өңірлер боялған"
            }
            (T::RegionsWithTarget, Ru) => {
                "Окрашены регионы со своей целью по этому показателю на этот год"
            }
            (T::RegionsWithTarget, En) => {
                "Regions with their own target for this indicator and year are coloured"
            }
            (T::ChartLabel, Kk) => "Мақсатты деңгейге қатысты диаграмма",
            (T::ChartLabel, Ru) => "Диаграмма относительно целевого уровня",
            (T::ChartLabel, En) => "Chart against the target level",
        }
    }
}

/// The ratio as written after "×": one decimal, two when the second one matters (×1.75).
fn ratio_text(ratio: f64, lang: Lang) -> String {
    let decimals = if ((ratio * 10.0).round() - ratio * 10.0).abs() < 1e-9 { 1 } else { 2 };
    format_number(ratio, decimals, lang)
}

/// What a target asks for: "×2.0 against 2023 by 2029", or "by 2029: ≥ 1,234.5 thousand KZT"
/// (≤ for an indicator where less is better; the year first, as units may hold commas).
pub fn requirement(
    kind: TargetKind,
    year: i32,
    higher_is_better: bool,
    decimals: u8,
    unit: &str,
    lang: Lang,
) -> String {
    match kind {
        TargetKind::Ratio { reference_year, ratio } => {
            let r = ratio_text(ratio, lang);
            match lang {
                Lang::Kk => {
                    format!("×{r}, {reference_year} жылмен салыстырғанда, {year} жылға қарай")
                }
                Lang::Ru => format!("×{r} к уровню {reference_year} года к {year} году"),
                Lang::En => format!("×{r} against {reference_year} by {year}"),
            }
        }
        TargetKind::Absolute { value } => {
            let sign = if higher_is_better { '≥' } else { '≤' };
            let v = format_number(value, decimals, lang);
            let v = if unit.is_empty() { v } else { format!("{v} {unit}") };
            match lang {
                Lang::Kk => format!("{year} жылға қарай: {sign} {v}"),
                Lang::Ru => format!("к {year} году: {sign} {v}"),
                Lang::En => format!("by {year}: {sign} {v}"),
            }
        }
    }
}

/// The value reached, with its unit, against the level asked for:
/// "12,345.6 million KZT (level 11,000.0)".
pub fn value_of_level(value: f64, level: f64, decimals: u8, unit: &str, lang: Lang) -> String {
    let (v, l) = (format_number(value, decimals, lang), format_number(level, decimals, lang));
    let v = if unit.is_empty() { v } else { format!("{v} {unit}") };
    match lang {
        Lang::Kk => format!("{v} (деңгейі {l})"),
        Lang::Ru => format!("{v} (уровень {l})"),
        Lang::En => format!("{v} (level {l})"),
    }
}

/// When the level is first met: "first in 2028", or "not by 2030" (the projection's horizon).
pub fn first_year(first: Option<i32>, horizon: i32, lang: Lang) -> String {
    match (first, lang) {
        (Some(y), Lang::Kk) => format!("алғаш {y} жылы"),
        (Some(y), Lang::Ru) => format!("впервые в {y} году"),
        (Some(y), Lang::En) => format!("first in {y}"),
        (None, Lang::Kk) => format!("{horizon} жылға дейін жетпейді"),
        (None, Lang::Ru) => format!("не достигается до {horizon} года"),
        (None, Lang::En) => format!("not by {horizon}"),
    }
}

/// The signed gap to the level in percent: "+12.3 %", "−5.0 %", "0.0 %".
pub fn gap_percent(relative: f64, lang: Lang) -> String {
    let n = format_number(relative * 100.0, 1, lang);
    if relative > 0.0 && n.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{n} %")
    } else {
        format!("{n} %")
    }
}

/// A share of the level: "112 %".
pub fn percent_of_level(percent: f64, lang: Lang) -> String {
    format!("{} %", format_number(percent, 0, lang))
}

/// Why a target cannot be assessed, in `lang`; `indicator` and `region` are display names.
pub fn error_text(error: &TargetError, indicator: &str, region: &str, lang: Lang) -> String {
    match (error, lang) {
        (TargetError::UnknownIndicator(_), Lang::Kk) => {
            format!("«{indicator}» көрсеткіші бұл сценарийде болжанбайды")
        }
        (TargetError::UnknownIndicator(_), Lang::Ru) => {
            format!("показатель «{indicator}» этим сценарием не прогнозируется")
        }
        (TargetError::UnknownIndicator(_), Lang::En) => {
            format!("the indicator «{indicator}» is not projected by this scenario")
        }
        (TargetError::UnknownRegion(_), Lang::Kk) => {
            format!("«{region}» қазіргі өңір емес; оның орнына бүкіл елді таңдаңыз")
        }
        (TargetError::UnknownRegion(_), Lang::Ru) => {
            format!("«{region}» — не действующий регион; для всей страны укажите страну целиком")
        }
        (TargetError::UnknownRegion(_), Lang::En) => {
            format!("«{region}» is not a current region; use the whole country instead")
        }
        (TargetError::YearOutside { year, first, last }, Lang::Kk) => format!(
            "{year} жыл болжамнан тыс ({first}–{last}): мақсат жылын немесе сценарийдің \
             көкжиегін өзгертіңіз"
        ),
        (TargetError::YearOutside { year, first, last }, Lang::Ru) => format!(
            "{year} год вне прогноза ({first}–{last}): измените год цели или горизонт сценария"
        ),
        (TargetError::YearOutside { year, first, last }, Lang::En) => format!(
            "{year} lies outside the projection ({first}–{last}): move the target year or the \
             scenario's horizon"
        ),
        (TargetError::NoReference { year, .. }, Lang::Kk) => {
            format!("{region} үшін {year} жылғы «{indicator}» мәні жоқ (салыстыру жылы)")
        }
        (TargetError::NoReference { year, .. }, Lang::Ru) => {
            format!("нет значения «{indicator}» для {region} за {year} год, базу сравнения цели")
        }
        (TargetError::NoReference { year, .. }, Lang::En) => {
            format!("no value of «{indicator}» for {region} in {year}, the target's reference year")
        }
        (TargetError::NoValue { year, .. }, Lang::Kk) => {
            format!("болжамда {region} үшін {year} жылғы «{indicator}» мәні жоқ")
        }
        (TargetError::NoValue { year, .. }, Lang::Ru) => {
            format!("в прогнозе нет значения «{indicator}» для {region} за {year} год")
        }
        (TargetError::NoValue { year, .. }, Lang::En) => {
            format!("the projection has no value of «{indicator}» for {region} in {year}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_latin(text: &str) -> bool {
        text.chars().any(|c| c.is_ascii_alphabetic())
    }

    fn errors() -> Vec<TargetError> {
        vec![
            TargetError::UnknownIndicator("x".into()),
            TargetError::UnknownRegion("x".into()),
            TargetError::YearOutside { year: 2040, first: 2023, last: 2030 },
            TargetError::NoReference { indicator: "x".into(), region: "x".into(), year: 2019 },
            TargetError::NoValue { indicator: "x".into(), region: "x".into(), year: 2029 },
        ]
    }

    #[test]
    fn kazakh_and_russian_target_texts_have_no_latin_letters() {
        for lang in [Lang::Kk, Lang::Ru] {
            let mut texts: Vec<String> =
                TargetsText::ALL.iter().map(|t| t.get(lang).to_string()).collect();
            let ratio = TargetKind::Ratio { reference_year: 2023, ratio: 2.0 };
            texts.push(requirement(ratio, 2029, true, 1, "тг", lang));
            let absolute = TargetKind::Absolute { value: 5.0 };
            texts.push(requirement(absolute, 2029, false, 1, "%", lang));
            texts.push(value_of_level(1.0, 2.0, 1, "тг", lang));
            texts.push(first_year(Some(2028), 2030, lang));
            texts.push(first_year(None, 2030, lang));
            texts.extend(errors().iter().map(|e| error_text(e, "ЖӨӨ", "Абай", lang)));
            for t in &texts {
                assert!(!has_latin(t), "{lang:?}: «{t}»");
            }
        }
    }

    #[test]
    fn no_word_mixes_latin_and_cyrillic_letters() {
        let source = include_str!("targets_text.rs");
        assert_eq!(crate::io::names::mixed_script_words(source), Vec::<&str>::new());
    }

    #[test]
    fn every_target_text_exists_in_three_languages_and_russian_differs_from_english() {
        for text in TargetsText::ALL {
            assert!(!text.get(Lang::Kk).is_empty(), "{text:?}");
            assert_ne!(text.get(Lang::Ru), text.get(Lang::En), "{text:?}");
            assert_ne!(text.get(Lang::Kk), text.get(Lang::Ru), "{text:?}");
        }
    }

    #[test]
    fn a_requirement_reads_as_the_ratio_against_the_reference_year_by_the_target_year() {
        let ratio = TargetKind::Ratio { reference_year: 2023, ratio: 2.0 };
        assert_eq!(requirement(ratio, 2029, true, 1, "", Lang::En), "×2.0 against 2023 by 2029");
        assert_eq!(
            requirement(ratio, 2029, true, 1, "", Lang::Ru),
            "×2,0 к уровню 2023 года к 2029 году"
        );
        let fine = TargetKind::Ratio { reference_year: 2019, ratio: 1.75 };
        assert_eq!(requirement(fine, 2025, true, 1, "", Lang::En), "×1.75 against 2019 by 2025");
        let absolute = TargetKind::Absolute { value: 4500.0 };
        assert_eq!(
            requirement(absolute, 2030, true, 1, "thousand KZT", Lang::En),
            "by 2030: ≥ 4,500.0 thousand KZT"
        );
        assert_eq!(
            requirement(TargetKind::Absolute { value: 4.0 }, 2030, false, 1, "%", Lang::Ru),
            "к 2030 году: ≤ 4,0 %"
        );
    }

    #[test]
    fn gaps_are_signed_percentages_and_a_missed_year_names_the_horizon() {
        assert_eq!(gap_percent(0.123, Lang::En), "+12.3 %");
        assert_eq!(gap_percent(-0.05, Lang::Ru), "−5,0 %");
        assert_eq!(gap_percent(0.0, Lang::En), "0.0 %");
        assert_eq!(first_year(None, 2030, Lang::En), "not by 2030");
        assert_eq!(first_year(Some(2028), 2030, Lang::Kk), "алғаш 2028 жылы");
        assert_eq!(percent_of_level(112.4, Lang::En), "112 %");
        assert_eq!(
            value_of_level(1234.5, 1000.0, 1, "million KZT", Lang::En),
            "1,234.5 million KZT (level 1,000.0)"
        );
        assert_eq!(
            value_of_level(28_614.0, 22_567.0, 0, "", Lang::Ru),
            "28\u{a0}614 (уровень 22\u{a0}567)"
        );
    }
}
