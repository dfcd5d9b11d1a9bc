//! Texts of the assumptions editor of the scenario screen (the column titles it shares with the
//! exported tables come from `scenario_text`).

use crate::model::Lang;

/// One string of the assumptions editor; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditorText {
    NoScenario,
    RenameInList,
    DescriptionHint,
    LiveHint,
    SectionLevers,
    RatesHint,
    UseNationalDefault,
    Inherited,
    OwnRate,
    Sector,
    ProjectsHint,
    NotInScenario,
    MultiplierHint,
    LeversHint,
    AddLever,
    RemoveLever,
    NoLevers,
    PercentagePoints,
    AddTarget,
    RemoveTarget,
    NoTargets,
    TargetKind,
    Ratio,
    Absolute,
    ReferenceYear,
    TargetsHint,
    MillionKztPerYear,
    HistoryWindow,
    RatesFromHistory,
    RatesFromHistoryHint,
    WindowFirstYear,
    WindowLastYear,
}

impl EditorText {
    /// Every text, for checks over all of them.
    pub const ALL: [EditorText; 32] = [
        EditorText::NoScenario,
        EditorText::RenameInList,
        EditorText::DescriptionHint,
        EditorText::LiveHint,
        EditorText::SectionLevers,
        EditorText::RatesHint,
        EditorText::UseNationalDefault,
        EditorText::Inherited,
        EditorText::OwnRate,
        EditorText::Sector,
        EditorText::ProjectsHint,
        EditorText::NotInScenario,
        EditorText::MultiplierHint,
        EditorText::LeversHint,
        EditorText::AddLever,
        EditorText::RemoveLever,
        EditorText::NoLevers,
        EditorText::PercentagePoints,
        EditorText::AddTarget,
        EditorText::RemoveTarget,
        EditorText::NoTargets,
        EditorText::TargetKind,
        EditorText::Ratio,
        EditorText::Absolute,
        EditorText::ReferenceYear,
        EditorText::TargetsHint,
        EditorText::MillionKztPerYear,
        EditorText::HistoryWindow,
        EditorText::RatesFromHistory,
        EditorText::RatesFromHistoryHint,
        EditorText::WindowFirstYear,
        EditorText::WindowLastYear,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use EditorText as T;
        use Lang::{En, Kk, Ru};
        match (self, lang) {
            (T::NoScenario, Kk) => "Жорамалдарын өңдеу үшін тізімнен сценарийді таңдаңыз.",
            (T::NoScenario, Ru) => "Выберите сценарий в списке, чтобы изменить его допущения.",
            (T::NoScenario, En) => "Select a scenario in the list to edit its assumptions.",
            (T::RenameInList, Kk) => "Атауы сол жақтағы тізімде өзгертіледі",
            (T::RenameInList, Ru) => "Название меняется в списке слева",
            (T::RenameInList, En) => "Rename the scenario in the list on the left",
            (T::DescriptionHint, Kk) => "Өрістен шыққанда сақталады",
            (T::DescriptionHint, Ru) => "Сохраняется при выходе из поля",
            (T::DescriptionHint, En) => "Saved when you leave the field",
            (T::LiveHint, Kk) => "Болжам әр өзгерістен кейін бірден қайта есептеледі",
            (T::LiveHint, Ru) => "Прогноз пересчитывается сразу при каждом изменении",
            (T::LiveHint, En) => "The projection follows every change at once",
            (T::SectionLevers, Kk) => "Мультипликатор мен тетіктер",
            (T::SectionLevers, Ru) => "Мультипликатор и рычаги",
            (T::SectionLevers, En) => "Multiplier and levers",
            (T::RatesHint, Kk) => {
                "Жылына %. Қою қаріп — өңірдің өз қарқыны; сұр — ол ұстанатын республикалық \
                 қарқын. × немесе тышқанның оң батырмасы өңірді республикалық қарқынға қайтарады."
            }
            (T::RatesHint, Ru) => {
                "% в год. Жирным — собственный темп региона; серым — республиканский темп, \
                 которому он следует. × или правая кнопка мыши возвращает региону \
                 республиканский темп."
            }
            (T::RatesHint, En) => {
                "% a year. Bold: the region's own rate; grey: the national default it follows. \
                 × or a right click gives the region the national default again."
            }
            (T::UseNationalDefault, Kk) => "Республикалық қарқынды қолдану",
            (T::UseNationalDefault, Ru) => "Использовать республиканский темп",
            (T::UseNationalDefault, En) => "Use national default",
            (T::Inherited, Kk) => "Республикалық қарқын бойынша",
            (T::Inherited, Ru) => "По республиканскому темпу",
            (T::Inherited, En) => "Follows the national default",
            (T::OwnRate, Kk) => "Өңірдің өз қарқыны",
            (T::OwnRate, Ru) => "Собственный темп региона",
            (T::OwnRate, En) => "The region's own rate",
            (T::Sector, Kk) => "Сала",
            (T::Sector, Ru) => "Отрасль",
            (T::Sector, En) => "Sector",
            (T::ProjectsHint, Kk) => {
                "Белгі жобаны сценарийге қосады. Әдепкі мәндер жоба жазбасынан алынады; жылдық \
                 өнімді жоспарлаушы енгізеді."
            }
            (T::ProjectsHint, Ru) => {
                "Отметка включает проект в сценарий. Значения по умолчанию взяты из записи \
                 проекта; годовой выпуск вводит планировщик."
            }
            (T::ProjectsHint, En) => {
                "A tick counts the project in the scenario. Defaults come from the project's \
                 record; the planner enters its annual output."
            }
            (T::NotInScenario, Kk) => "Сценарийде жоқ: жоба жазбасының мәндері көрсетілген",
            (T::NotInScenario, Ru) => "Нет в сценарии: показаны значения из записи проекта",
            (T::NotInScenario, En) => "Not in the scenario: the values of the project's record",
            (T::MultiplierHint, Kk) => {
                "Жобаның әр тікелей жұмыс орнына сабақтас салалардағы жанама жұмыс орындары"
            }
            (T::MultiplierHint, Ru) => {
                "Косвенные рабочие места в смежных отраслях на одно прямое рабочее место проекта"
            }
            (T::MultiplierHint, En) => {
                "Indirect jobs in related sectors per direct job at a project"
            }
            (T::LeversHint, Kk) => {
                "Таңдалған деңгейдегі өсу нүктесі бар өңірлер көрсеткіш бойынша жыл сайын \
                 жылдамырақ өседі."
            }
            (T::LeversHint, Ru) => {
                "Регионы с точкой роста выбранного уровня растут по показателю быстрее на \
                 столько пунктов в год."
            }
            (T::LeversHint, En) => {
                "Regions holding a growth point of the chosen level grow this many points a \
                 year faster in the indicator."
            }
            (T::AddLever, Kk) => "Тетік қосу",
            (T::AddLever, Ru) => "Добавить рычаг",
            (T::AddLever, En) => "Add lever",
            (T::RemoveLever, Kk) => "Тетікті жою",
            (T::RemoveLever, Ru) => "Удалить рычаг",
            (T::RemoveLever, En) => "Remove lever",
            (T::NoLevers, Kk) => "Тетік жоқ: өсу нүктелері қосымша өспейді.",
            (T::NoLevers, Ru) => "Рычагов нет: точки роста не получают дополнительного роста.",
            (T::NoLevers, En) => "No levers: growth points get no extra growth.",
            (T::PercentagePoints, Kk) => "п. т.",
            (T::PercentagePoints, Ru) => "п. п.",
            (T::PercentagePoints, En) => "pp",
            (T::AddTarget, Kk) => "Мақсат қосу",
            (T::AddTarget, Ru) => "Добавить цель",
            (T::AddTarget, En) => "Add target",
            (T::RemoveTarget, Kk) => "Мақсатты жою",
            (T::RemoveTarget, Ru) => "Удалить цель",
            (T::RemoveTarget, En) => "Remove target",
            (T::NoTargets, Kk) => "Бұл сценарийде мақсат жоқ.",
            (T::NoTargets, Ru) => "В этом сценарии нет целей.",
            (T::NoTargets, En) => "This scenario has no targets.",
            (T::TargetKind, Kk) => "Мақсат түрі",
            (T::TargetKind, Ru) => "Вид цели",
            (T::TargetKind, En) => "Kind of target",
            (T::Ratio, Kk) => "Есе",
            (T::Ratio, Ru) => "Кратность",
            (T::Ratio, En) => "Ratio",
            (T::Absolute, Kk) => "Деңгей",
            (T::Absolute, Ru) => "Уровень",
            (T::Absolute, En) => "Level",
            (T::ReferenceYear, Kk) => "Салыстыру жылы",
            (T::ReferenceYear, Ru) => "Год сравнения",
            (T::ReferenceYear, En) => "Against year",
            (T::TargetsHint, Kk) => {
                "Есе — салыстыру жылындағы мәнге қатысты; деңгей — көрсеткіштің өз бірлігінде."
            }
            (T::TargetsHint, Ru) => {
                "Кратность — к значению года сравнения; уровень — в единицах показателя."
            }
            (T::TargetsHint, En) => {
                "A ratio is against the value of its year; a level is in the indicator's unit."
            }
            (T::MillionKztPerYear, Kk) => "млн теңге/жыл",
            (T::MillionKztPerYear, Ru) => "млн тенге/год",
            (T::MillionKztPerYear, En) => "million KZT/year",
            (T::HistoryWindow, Kk) => "Тарихи кезең, жылдар",
            (T::HistoryWindow, Ru) => "Исторический период, годы",
            (T::HistoryWindow, En) => "History window, years",
            (T::RatesFromHistory, Kk) => "Осы жылдардың қарқындарын алу",
            (T::RatesFromHistory, Ru) => "Взять темпы этих лет",
            (T::RatesFromHistory, En) => "Take the growth of these years",
            (T::RatesFromHistoryHint, Kk) => {
                "Барлық өсу қарқынын — республика бойынша да, өңірлер бойынша да — әр өңірдің осы \
                 жылдар арасындағы орташа жылдық өсуімен (салыстыруға келетін шекараларда) \
                 алмастырады: инерциялық сценарий осылай құрылады. Болдырмау бұрынғы қарқындарды \
                 қайтарады."
            }
            (T::RatesFromHistoryHint, Ru) => {
                "Заменяет все темпы роста — по республике и по регионам — среднегодовым ростом \
                 каждого региона между этими годами (в сопоставимых границах): так строится \
                 инерционный сценарий. Отмена возвращает прежние темпы."
            }
            (T::WindowFirstYear, Kk) => "Тарихи кезеңнің бірінші жылы",
            (T::WindowFirstYear, Ru) => "Первый год исторического периода",
            (T::WindowFirstYear, En) => "First year of the history window",
            (T::WindowLastYear, Kk) => "Тарихи кезеңнің соңғы жылы",
            (T::WindowLastYear, Ru) => "Последний год исторического периода",
            (T::WindowLastYear, En) => "Last year of the history window",
            (T::RatesFromHistoryHint, En) => {
                "Replaces every growth rate — national and regional — with each region's compound \
                 annual growth between these years (on comparable boundaries), as an inertial \
                 scenario is made. Undo gives the old rates back."
            }
        }
    }
}

/// "Projection for 2030:".
pub fn projection_for(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{year} жылғы болжам:"),
        Lang::Ru => format!("Прогноз на {year} год:"),
        Lang::En => format!("Projection for {year}:"),
    }
}

/// The accessible name of a rate cell: "Gross regional product — Akmola Region".
pub fn rate_cell_name(indicator: &str, region: &str) -> String {
    format!("{indicator} — {region}")
}

/// The accessible name of a button that clears a region's own rate.
pub fn clear_rate_name(indicator: &str, region: &str, lang: Lang) -> String {
    format!("{}: {}", EditorText::UseNationalDefault.get(lang), rate_cell_name(indicator, region))
}

/// The accessible name of a field of row `row` (a project, a lever, a target): "Jobs — Row 3".
pub fn field_name(field: &str, row: &str) -> String {
    format!("{field} — {row}")
}

/// "Target 2", "Lever 1": a row of the target or lever list, counted from 1.
pub fn numbered(what: NumberedRow, number: usize, lang: Lang) -> String {
    let word = match (what, lang) {
        (NumberedRow::Target, Lang::Kk) => "Мақсат",
        (NumberedRow::Target, Lang::Ru) => "Цель",
        (NumberedRow::Target, Lang::En) => "Target",
        (NumberedRow::Lever, Lang::Kk) => "Тетік",
        (NumberedRow::Lever, Lang::Ru) => "Рычаг",
        (NumberedRow::Lever, Lang::En) => "Lever",
    };
    format!("{word} {number}")
}

/// Which list a numbered row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberedRow {
    Target,
    Lever,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_editor_texts_have_no_latin_letters() {
        for text in EditorText::ALL {
            for lang in [Lang::Kk, Lang::Ru] {
                let t = text.get(lang);
                assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "{text:?}: «{t}»");
            }
        }
        for lang in [Lang::Kk, Lang::Ru] {
            for t in [
                projection_for(2030, lang),
                numbered(NumberedRow::Target, 2, lang),
                numbered(NumberedRow::Lever, 1, lang),
                clear_rate_name("х", "у", lang),
            ] {
                assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "«{t}»");
            }
        }
        let source = include_str!("editor_text.rs");
        assert_eq!(crate::io::names::mixed_script_words(source), Vec::<&str>::new());
    }

    #[test]
    fn every_editor_text_exists_in_three_languages_and_russian_differs_from_english() {
        for text in EditorText::ALL {
            assert!(!text.get(Lang::Kk).is_empty(), "{text:?}");
            assert_ne!(text.get(Lang::Ru), text.get(Lang::En), "{text:?}");
        }
        assert_eq!(projection_for(2030, Lang::Ru), "Прогноз на 2030 год:");
        assert_eq!(numbered(NumberedRow::Target, 2, Lang::Kk), "Мақсат 2");
        assert_eq!(
            clear_rate_name("GRP", "Akmola Region", Lang::En),
            "Use national default: GRP — Akmola Region"
        );
    }
}
