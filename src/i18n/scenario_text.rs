//! Texts of scenarios and their exported projections: kinds, the labels of the assumption and
//! target tables, the name of the country.

use crate::model::{Lang, ScenarioKind};

/// Fixed texts of scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScenarioText {
    Scenario,
    Name,
    Kind,
    BaseYear,
    Horizon,
    Description,
    IndirectJobsMultiplier,
    GrowthRates,
    Indicator,
    Region,
    RatePerYear,
    /// The national default rate of an indicator, in the region column.
    NationalDefault,
    GrowthPointLevers,
    GrowthPointLevel,
    ExtraGrowthPoints,
    Projects,
    Project,
    Realised,
    StartYear,
    RampUpYears,
    Jobs,
    InvestmentMillionKzt,
    BuildYears,
    AnnualOutputMillionKzt,
    Targets,
    TargetLevel,
    Year,
    ScenarioValue,
    Attained,
    FirstYearReached,
    Difference,
    Source,
    Yes,
    No,
    /// A target the projection cannot assess (the reason follows).
    NotAssessable,
    /// The whole country, as a row of a table.
    Kazakhstan,
    /// Note under a projection table: which years are reported and which projected.
    YearsBeforeBaseAreReported,
}

impl ScenarioText {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use ScenarioText as T;
        match (self, lang) {
            (T::Scenario, Lang::Kk | Lang::Ru) => "Сценарий",
            (T::Scenario, Lang::En) => "Scenario",
            (T::Name, Lang::Kk) => "Атауы",
            (T::Name, Lang::Ru) => "Название",
            (T::Name, Lang::En) => "Name",
            (T::Kind, Lang::Kk) => "Түрі",
            (T::Kind, Lang::Ru) => "Тип",
            (T::Kind, Lang::En) => "Kind",
            (T::BaseYear, Lang::Kk) => "Базалық жыл",
            (T::BaseYear, Lang::Ru) => "Базовый год",
            (T::BaseYear, Lang::En) => "Base year",
            (T::Horizon, Lang::Kk) => "Болжам көкжиегі",
            (T::Horizon, Lang::Ru) => "Горизонт прогноза",
            (T::Horizon, Lang::En) => "Horizon",
            (T::Description, Lang::Kk) => "Сипаттама",
            (T::Description, Lang::Ru) => "Описание",
            (T::Description, Lang::En) => "Description",
            (T::IndirectJobsMultiplier, Lang::Kk) => "Жанама жұмыс орындарының мультипликаторы",
            (T::IndirectJobsMultiplier, Lang::Ru) => "Мультипликатор косвенных рабочих мест",
            (T::IndirectJobsMultiplier, Lang::En) => "Indirect jobs multiplier",
            (T::GrowthRates, Lang::Kk) => "Жылдық өсу қарқындары",
            (T::GrowthRates, Lang::Ru) => "Годовые темпы роста",
            (T::GrowthRates, Lang::En) => "Annual growth rates",
            (T::Indicator, Lang::Kk) => "Көрсеткіш",
            (T::Indicator, Lang::Ru) => "Показатель",
            (T::Indicator, Lang::En) => "Indicator",
            (T::Region, Lang::Kk) => "Өңір",
            (T::Region, Lang::Ru) => "Регион",
            (T::Region, Lang::En) => "Region",
            (T::RatePerYear, Lang::Kk) => "Қарқын, жылына %",
            (T::RatePerYear, Lang::Ru) => "Темп, % в год",
            (T::RatePerYear, Lang::En) => "Rate, % a year",
            (T::NationalDefault, Lang::Kk) => "Республика бойынша (әдепкі)",
            (T::NationalDefault, Lang::Ru) => "По республике (по умолчанию)",
            (T::NationalDefault, Lang::En) => "National default",
            (T::GrowthPointLevers, Lang::Kk) => "Өсу нүктелерінің тетіктері",
            (T::GrowthPointLevers, Lang::Ru) => "Рычаги точек роста",
            (T::GrowthPointLevers, Lang::En) => "Growth-point levers",
            (T::GrowthPointLevel, Lang::Kk) => "Өсу нүктесінің деңгейі",
            (T::GrowthPointLevel, Lang::Ru) => "Уровень точки роста",
            (T::GrowthPointLevel, Lang::En) => "Growth-point level",
            (T::ExtraGrowthPoints, Lang::Kk) => "Қосымша өсу, пайыздық тармақ",
            (T::ExtraGrowthPoints, Lang::Ru) => "Дополнительный рост, п. п.",
            (T::ExtraGrowthPoints, Lang::En) => "Extra growth, percentage points",
            (T::Projects, Lang::Kk) => "Жобалар",
            (T::Projects, Lang::Ru) => "Проекты",
            (T::Projects, Lang::En) => "Projects",
            (T::Project, Lang::Kk) => "Жоба",
            (T::Project, Lang::Ru) => "Проект",
            (T::Project, Lang::En) => "Project",
            (T::Realised, Lang::Kk) => "Іске асады",
            (T::Realised, Lang::Ru) => "Реализуется",
            (T::Realised, Lang::En) => "Realised",
            (T::StartYear, Lang::Kk) => "Іске қосылу жылы",
            (T::StartYear, Lang::Ru) => "Год запуска",
            (T::StartYear, Lang::En) => "Start year",
            (T::RampUpYears, Lang::Kk) => "Толық қуатқа шығу, жыл",
            (T::RampUpYears, Lang::Ru) => "Выход на мощность, лет",
            (T::RampUpYears, Lang::En) => "Ramp-up, years",
            (T::Jobs, Lang::Kk) => "Жұмыс орындары",
            (T::Jobs, Lang::Ru) => "Рабочие места",
            (T::Jobs, Lang::En) => "Jobs",
            (T::InvestmentMillionKzt, Lang::Kk) => "Инвестициялар, млн теңге",
            (T::InvestmentMillionKzt, Lang::Ru) => "Инвестиции, млн тенге",
            (T::InvestmentMillionKzt, Lang::En) => "Investment, million KZT",
            (T::BuildYears, Lang::Kk) => "Құрылыс, жыл",
            (T::BuildYears, Lang::Ru) => "Строительство, лет",
            (T::BuildYears, Lang::En) => "Construction, years",
            (T::AnnualOutputMillionKzt, Lang::Kk) => "Жылдық өнім, млн теңге",
            (T::AnnualOutputMillionKzt, Lang::Ru) => "Годовой выпуск, млн тенге",
            (T::AnnualOutputMillionKzt, Lang::En) => "Annual output, million KZT",
            (T::Targets, Lang::Kk) => "Мақсаттар",
            (T::Targets, Lang::Ru) => "Цели",
            (T::Targets, Lang::En) => "Targets",
            (T::TargetLevel, Lang::Kk) => "Мақсатты деңгей",
            (T::TargetLevel, Lang::Ru) => "Целевой уровень",
            (T::TargetLevel, Lang::En) => "Target level",
            (T::Year, Lang::Kk) => "Жыл",
            (T::Year, Lang::Ru) => "Год",
            (T::Year, Lang::En) => "Year",
            (T::ScenarioValue, Lang::Kk) => "Сценарийдегі мәні",
            (T::ScenarioValue, Lang::Ru) => "Значение в сценарии",
            (T::ScenarioValue, Lang::En) => "Scenario value",
            (T::Attained, Lang::Kk) => "Қол жеткізіледі",
            (T::Attained, Lang::Ru) => "Достигается",
            (T::Attained, Lang::En) => "Attained",
            (T::FirstYearReached, Lang::Kk) => "Алғаш қол жеткізілетін жыл",
            (T::FirstYearReached, Lang::Ru) => "Год достижения",
            (T::FirstYearReached, Lang::En) => "First year reached",
            (T::Difference, Lang::Kk) => "Айырма",
            (T::Difference, Lang::Ru) => "Разница",
            (T::Difference, Lang::En) => "Difference",
            (T::Source, Lang::Kk) => "Дереккөз",
            (T::Source, Lang::Ru) => "Источник",
            (T::Source, Lang::En) => "Source",
            (T::Yes, Lang::Kk) => "Иә",
            (T::Yes, Lang::Ru) => "Да",
            (T::Yes, Lang::En) => "Yes",
            (T::No, Lang::Kk) => "Жоқ",
            (T::No, Lang::Ru) => "Нет",
            (T::No, Lang::En) => "No",
            (T::NotAssessable, Lang::Kk) => "Бағалау мүмкін емес",
            (T::NotAssessable, Lang::Ru) => "Невозможно оценить",
            (T::NotAssessable, Lang::En) => "Cannot be assessed",
            (T::Kazakhstan, Lang::Kk) => "Қазақстан",
            (T::Kazakhstan, Lang::Ru) => "Казахстан",
            (T::Kazakhstan, Lang::En) => "Kazakhstan",
            (T::YearsBeforeBaseAreReported, Lang::Kk) => {
                "Базалық жылға дейінгі жылдар — есептік деректер, базалық жылдан бастап — болжам."
            }
            (T::YearsBeforeBaseAreReported, Lang::Ru) => {
                "Годы до базового — отчётные данные, начиная с базового — прогноз."
            }
            (T::YearsBeforeBaseAreReported, Lang::En) => {
                "Years before the base year are reported values; from the base year on, projected."
            }
        }
    }
}

/// The name of a scenario kind in `lang`.
pub fn kind_name(kind: ScenarioKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ScenarioKind::Inertial, Lang::Kk) => "Инерциялық",
        (ScenarioKind::Inertial, Lang::Ru) => "Инерционный",
        (ScenarioKind::Inertial, Lang::En) => "Inertial",
        (ScenarioKind::Managed, Lang::Kk) => "Басқарылатын",
        (ScenarioKind::Managed, Lang::Ru) => "Управляемый",
        (ScenarioKind::Managed, Lang::En) => "Managed",
        (ScenarioKind::Custom, Lang::Kk) => "Өзіндік",
        (ScenarioKind::Custom, Lang::Ru) => "Пользовательский",
        (ScenarioKind::Custom, Lang::En) => "Custom",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_word_mixes_latin_and_cyrillic_letters() {
        // Kazakh's і is Cyrillic (U+0456); a Latin i inside a Cyrillic word is a typo.
        let source = include_str!("scenario_text.rs");
        assert_eq!(crate::io::names::mixed_script_words(source), Vec::<&str>::new());
        assert_eq!(ScenarioText::Realised.get(Lang::Kk), "Іске асады");
        assert_eq!(kind_name(ScenarioKind::Managed, Lang::Ru), "Управляемый");
    }
}
