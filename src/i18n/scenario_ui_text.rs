//! Texts of the scenario screens: the switch between the map and the scenarios, the scenario
//! list and its dialogs, the growth-rate editor and the compare view (maps, difference map, year
//! player and chart).

use crate::model::Lang;

/// One string of the scenario screens; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScenarioUiText {
    ScreenMap,
    ScreenScenarios,
    TabCompare,
    TabAssumptions,
    TabTargets,
    ScenarioList,
    NoScenarios,
    NewInertial,
    NewInertialHint,
    NewManaged,
    NewManagedHint,
    Duplicate,
    Rename,
    Delete,
    Save,
    Cancel,
    DeleteTitle,
    DeleteWarning,
    RatesTitle,
    RatesHint,
    NationalDefault,
    RaiseRate,
    LowerRate,
    PercentPerYear,
    CompareTitle,
    ActualData,
    SideA,
    SideB,
    Difference,
    SameScale,
    CompareMapLabelA,
    CompareMapLabelB,
    CompareMapLabelDifference,
    RelativeFormula,
    ModeDifference,
    ModeChange,
    ModeHint,
    NoChange,
    Play,
    Pause,
    ChartTitle,
    ChartHistory,
    ChartNoData,
}

impl ScenarioUiText {
    /// Every text, for checks over all of them.
    pub const ALL: [ScenarioUiText; 43] = [
        ScenarioUiText::ScreenMap,
        ScenarioUiText::ScreenScenarios,
        ScenarioUiText::TabCompare,
        ScenarioUiText::TabAssumptions,
        ScenarioUiText::TabTargets,
        ScenarioUiText::ScenarioList,
        ScenarioUiText::NoScenarios,
        ScenarioUiText::NewInertial,
        ScenarioUiText::NewInertialHint,
        ScenarioUiText::NewManaged,
        ScenarioUiText::NewManagedHint,
        ScenarioUiText::Duplicate,
        ScenarioUiText::Rename,
        ScenarioUiText::Delete,
        ScenarioUiText::Save,
        ScenarioUiText::Cancel,
        ScenarioUiText::DeleteTitle,
        ScenarioUiText::DeleteWarning,
        ScenarioUiText::RatesTitle,
        ScenarioUiText::RatesHint,
        ScenarioUiText::NationalDefault,
        ScenarioUiText::RaiseRate,
        ScenarioUiText::LowerRate,
        ScenarioUiText::PercentPerYear,
        ScenarioUiText::CompareTitle,
        ScenarioUiText::ActualData,
        ScenarioUiText::SideA,
        ScenarioUiText::SideB,
        ScenarioUiText::Difference,
        ScenarioUiText::SameScale,
        ScenarioUiText::CompareMapLabelA,
        ScenarioUiText::CompareMapLabelB,
        ScenarioUiText::CompareMapLabelDifference,
        ScenarioUiText::RelativeFormula,
        ScenarioUiText::ModeDifference,
        ScenarioUiText::ModeChange,
        ScenarioUiText::ModeHint,
        ScenarioUiText::NoChange,
        ScenarioUiText::Play,
        ScenarioUiText::Pause,
        ScenarioUiText::ChartTitle,
        ScenarioUiText::ChartHistory,
        ScenarioUiText::ChartNoData,
    ];

    /// The text in `lang`. The sides of a comparison are the letters А and В: Cyrillic in
    /// Kazakh and Russian, Latin in English (they look alike).
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Kk, Ru};
        use ScenarioUiText as T;
        match (self, lang) {
            (T::ScreenMap, Kk | Ru) => "Карта",
            (T::ScreenMap, En) => "Map",
            (T::ScreenScenarios, Kk) => "Сценарийлер",
            (T::ScreenScenarios, Ru) => "Сценарии",
            (T::ScreenScenarios, En) => "Scenarios",
            (T::TabCompare, Kk) => "Салыстыру",
            (T::TabCompare, Ru) => "Сравнение",
            (T::TabCompare, En) => "Compare",
            (T::TabAssumptions, Kk) => "Жорамалдар",
            (T::TabAssumptions, Ru) => "Допущения",
            (T::TabAssumptions, En) => "Assumptions",
            (T::TabTargets, Kk) => "Мақсатты көрсеткіштер",
            (T::TabTargets, Ru) => "Целевые показатели",
            (T::TabTargets, En) => "Targets",
            (T::ScenarioList, Kk) => "Файлдағы сценарийлер",
            (T::ScenarioList, Ru) => "Сценарии файла",
            (T::ScenarioList, En) => "Scenarios in the file",
            (T::NoScenarios, Kk) => "Файлда әзірге сценарий жоқ",
            (T::NoScenarios, Ru) => "В файле пока нет сценариев",
            (T::NoScenarios, En) => "The file has no scenarios yet",
            (T::NewInertial, Kk) => "Жаңа инерциялық",
            (T::NewInertial, Ru) => "Новый инерционный",
            (T::NewInertial, En) => "New inertial",
            (T::NewInertialHint, Kk) => {
                "Әр өңір соңғы жылдардағы өз өсу қарқынын жалғастырады; тек жұмыс істеп тұрған \
                 жобалар ескеріледі"
            }
            (T::NewInertialHint, Ru) => {
                "Каждый регион продолжает свой рост последних лет; учитываются только \
                 действующие проекты"
            }
            (T::NewInertialHint, En) => {
                "Each region continues its own growth of recent years; only operating projects \
                 count"
            }
            (T::NewManaged, Kk) => "Таңдалғаннан басқарылатын",
            (T::NewManaged, Ru) => "Управляемый из выбранного",
            (T::NewManaged, En) => "Managed from selected",
            (T::NewManagedHint, Kk) => {
                "Таңдалған сценарийдің көшірмесі басқарылатын сценарий ретінде: содан кейін \
                 тетіктерді өзгертіңіз"
            }
            (T::NewManagedHint, Ru) => {
                "Копия выбранного сценария как управляемого: затем меняйте рычаги"
            }
            (T::NewManagedHint, En) => {
                "A copy of the selected scenario as a managed one: then change its levers"
            }
            (T::Duplicate, Kk) => "Көшірмесін жасау",
            (T::Duplicate, Ru) => "Копировать",
            (T::Duplicate, En) => "Duplicate",
            (T::Rename, Kk) => "Атауын өзгерту",
            (T::Rename, Ru) => "Переименовать",
            (T::Rename, En) => "Rename",
            (T::Delete, Kk) => "Жою",
            (T::Delete, Ru) => "Удалить",
            (T::Delete, En) => "Delete",
            (T::Save, Kk) => "Сақтау",
            (T::Save, Ru) => "Сохранить",
            (T::Save, En) => "Save",
            (T::Cancel, Kk) => "Болдырмау",
            (T::Cancel, Ru) => "Отмена",
            (T::Cancel, En) => "Cancel",
            (T::DeleteTitle, Kk) => "Сценарийді жою",
            (T::DeleteTitle, Ru) => "Удаление сценария",
            (T::DeleteTitle, En) => "Delete scenario",
            (T::DeleteWarning, Kk) => {
                "Сценарий барлық болжамдарымен бірге файлдан жойылады. Мұны қайтару мүмкін емес."
            }
            (T::DeleteWarning, Ru) => {
                "Сценарий будет удалён из файла вместе со всеми допущениями. Это нельзя отменить."
            }
            (T::DeleteWarning, En) => {
                "The scenario and all its assumptions will be removed from the file. This cannot \
                 be undone."
            }
            (T::RatesTitle, Kk) => "Жылдық өсу қарқындары",
            (T::RatesTitle, Ru) => "Годовые темпы роста",
            (T::RatesTitle, En) => "Annual growth rates",
            (T::RatesHint, Kk) => {
                "Өңірдің өз қарқынын орнату үшін оны картадан немесе кестеден таңдаңыз"
            }
            (T::RatesHint, Ru) => {
                "Выберите регион на карте или в таблице, чтобы задать ему собственный темп"
            }
            (T::RatesHint, En) => "Select a region on a map or in the table to set its own rate",
            (T::NationalDefault, Kk) => "Барлық өңірлер үшін (жалпы)",
            (T::NationalDefault, Ru) => "Для всех регионов (общий)",
            (T::NationalDefault, En) => "For every region (national default)",
            (T::RaiseRate, Kk) => "Жарты пайыздық тармаққа көтеру",
            (T::RaiseRate, Ru) => "Повысить на полпроцентного пункта",
            (T::RaiseRate, En) => "Raise by half a percentage point",
            (T::LowerRate, Kk) => "Жарты пайыздық тармаққа төмендету",
            (T::LowerRate, Ru) => "Понизить на полпроцентного пункта",
            (T::LowerRate, En) => "Lower by half a percentage point",
            (T::PercentPerYear, Kk) => "% жылына",
            (T::PercentPerYear, Ru) => "% в год",
            (T::PercentPerYear, En) => "% a year",
            (T::CompareTitle, Kk) => "Сценарийлерді салыстыру",
            (T::CompareTitle, Ru) => "Сравнение сценариев",
            (T::CompareTitle, En) => "Compare scenarios",
            (T::ActualData, Kk) => "Нақты деректер",
            (T::ActualData, Ru) => "Фактические данные",
            (T::ActualData, En) => "Actual data",
            (T::SideA, Kk | Ru) => "А",
            (T::SideA, En) => "A",
            (T::SideB, Kk | Ru) => "В",
            (T::SideB, En) => "B",
            (T::Difference, Kk | Ru) => "В − А",
            (T::Difference, En) => "B − A",
            (T::SameScale, Kk) => "Екі картада бір түс шкаласы",
            (T::SameScale, Ru) => "Одна цветовая шкала на обеих картах",
            (T::SameScale, En) => "One colour scale on both maps",
            (T::CompareMapLabelA, Kk) => "А картасы",
            (T::CompareMapLabelA, Ru) => "Карта А",
            (T::CompareMapLabelA, En) => "Map A",
            (T::CompareMapLabelB, Kk) => "В картасы",
            (T::CompareMapLabelB, Ru) => "Карта В",
            (T::CompareMapLabelB, En) => "Map B",
            (T::CompareMapLabelDifference, Kk) => "Айырма картасы",
            (T::CompareMapLabelDifference, Ru) => "Карта разницы",
            (T::CompareMapLabelDifference, En) => "Difference map",
            (T::RelativeFormula, Kk | Ru) => "В / А − 1",
            (T::RelativeFormula, En) => "B / A − 1",
            (T::ModeDifference, Kk) => "Айырма",
            (T::ModeDifference, Ru) => "Разница",
            (T::ModeDifference, En) => "Difference",
            (T::ModeChange, Kk) => "Өзгеріс, %",
            (T::ModeChange, Ru) => "Изменение, %",
            (T::ModeChange, En) => "Change, %",
            (T::ModeHint, Kk) => {
                "Айырма картасы: В − А көрсеткіш бірлігінде немесе А-ға қатысты пайызбен"
            }
            (T::ModeHint, Ru) => "Карта разницы: В − А в единицах показателя или в процентах от А",
            (T::ModeHint, En) => "Difference map: B − A in the indicator's unit, or in % of A",
            (T::NoChange, Kk) => "Өзгеріссіз",
            (T::NoChange, Ru) => "Без изменений",
            (T::NoChange, En) => "No change",
            (T::Play, Kk) => "Жылдарды ойнату",
            (T::Play, Ru) => "Проиграть годы",
            (T::Play, En) => "Play the years",
            (T::Pause, Kk) => "Кідірту",
            (T::Pause, Ru) => "Пауза",
            (T::Pause, En) => "Pause",
            (T::ChartTitle, Kk) => "Жылдар бойынша сценарийлер",
            (T::ChartTitle, Ru) => "Сценарии по годам",
            (T::ChartTitle, En) => "Scenarios over the years",
            (T::ChartHistory, Kk) => "Нақты деректер (тарих)",
            (T::ChartHistory, Ru) => "Фактические данные (история)",
            (T::ChartHistory, En) => "Actual data (history)",
            (T::ChartNoData, Kk) => "Бұл көрсеткіш бойынша деректер жоқ",
            (T::ChartNoData, Ru) => "Нет данных по этому показателю",
            (T::ChartNoData, En) => "No data for this indicator",
        }
    }
}

/// «Delete “Managed scenario to 2030”?».
pub fn delete_question(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("«{name}» сценарийін жою керек пе?"),
        Lang::Ru => format!("Удалить сценарий «{name}»?"),
        Lang::En => format!("Delete the scenario “{name}”?"),
    }
}

/// The name of a copy: "Managed scenario to 2030 (copy)".
pub fn copy_name(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{name} (көшірмесі)"),
        Lang::Ru => format!("{name} (копия)"),
        Lang::En => format!("{name} (copy)"),
    }
}

/// "Growth in Akmola Region" over the rate editor of a selected region.
pub fn rates_of(region: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Өңір: {region}"),
        Lang::Ru => format!("Регион: {region}"),
        Lang::En => format!("Region: {region}"),
    }
}

/// "The change was not saved: …", with the file's own message after it.
pub fn not_saved(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Өзгеріс сақталмады: {reason}"),
        Lang::Ru => format!("Изменение не сохранено: {reason}"),
        Lang::En => format!("The change was not saved: {reason}"),
    }
}

/// "B: Managed scenario to 2030; A: Inertial scenario to 2030" under a difference map's title.
pub fn compare_sides(b: &str, a: &str, lang: Lang) -> String {
    let (la, lb) = (ScenarioUiText::SideA.get(lang), ScenarioUiText::SideB.get(lang));
    format!("{lb}: {b}; {la}: {a}")
}

/// "Years 2023–2030 projected" under the compare view's year slider.
pub fn projected_years(first: i32, last: i32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Болжам жылдары: {first}–{last}"),
        Lang::Ru => format!("Годы прогноза: {first}–{last}"),
        Lang::En => format!("Projected years: {first}–{last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_scenario_texts_have_no_latin_letters() {
        for text in ScenarioUiText::ALL {
            for lang in [Lang::Kk, Lang::Ru] {
                let t = text.get(lang);
                assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "{text:?}: «{t}»");
            }
        }
        for t in [
            delete_question("х", Lang::Kk),
            copy_name("х", Lang::Kk),
            rates_of("х", Lang::Kk),
            compare_sides("х", "у", Lang::Ru),
        ] {
            assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "«{t}»");
        }
    }

    #[test]
    fn every_scenario_text_exists_in_three_languages_and_russian_differs_from_english() {
        for text in ScenarioUiText::ALL {
            assert!(!text.get(Lang::Kk).is_empty(), "{text:?}");
            assert_ne!(text.get(Lang::Ru), text.get(Lang::En), "{text:?}");
        }
    }

    #[test]
    fn a_copy_is_named_after_its_original() {
        assert_eq!(copy_name("Plan", Lang::En), "Plan (copy)");
        assert_eq!(copy_name("План", Lang::Ru), "План (копия)");
    }
}
