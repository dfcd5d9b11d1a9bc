//! Texts of the commands (`app::commands::Command`): each command's name as the help overlay,
//! the command palette and the tooltips show it, the names of the groups, and the few words of
//! the overlay and the palette themselves.

use crate::app::commands::{Command, Group};
use crate::model::Lang;

/// One fixed string of the help overlay and the command palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommandText {
    /// Accessible name and visible label of the palette's search field.
    SearchLabel,
    /// Greyed text in the empty search field.
    SearchHint,
    /// Under the palette's list: how to choose and run.
    PaletteHint,
    /// When the typed text matches no command.
    NoMatch,
    /// Hover text of a greyed command.
    Unavailable,
    Close,
    /// Beside a key in a tooltip or a row: "or" before a second key.
    Or,
}

impl CommandText {
    pub const ALL: [CommandText; 7] = [
        CommandText::SearchLabel,
        CommandText::SearchHint,
        CommandText::PaletteHint,
        CommandText::NoMatch,
        CommandText::Unavailable,
        CommandText::Close,
        CommandText::Or,
    ];

    pub fn get(self, lang: Lang) -> &'static str {
        use CommandText as T;
        use Lang::{En, Kk, Ru};
        match (self, lang) {
            (T::SearchLabel, Kk) => "Команданы іздеу",
            (T::SearchLabel, Ru) => "Поиск команды",
            (T::SearchLabel, En) => "Search commands",
            (T::SearchHint, Kk) => "Команда атауын теріңіз…",
            (T::SearchHint, Ru) => "Начните вводить название команды…",
            (T::SearchHint, En) => "Type a command's name…",
            (T::PaletteHint, Kk) => "Бағыттауыш пернелер — таңдау, енгізу пернесі — орындау",
            (T::PaletteHint, Ru) => "Стрелки — выбор, клавиша ввода — выполнить",
            (T::PaletteHint, En) => "Arrow keys choose, Enter runs, Esc closes",
            (T::NoMatch, Kk) => "Сәйкес команда жоқ",
            (T::NoMatch, Ru) => "Подходящих команд нет",
            (T::NoMatch, En) => "No command matches",
            (T::Unavailable, Kk) => "Қазір қолжетімсіз",
            (T::Unavailable, Ru) => "Сейчас недоступно",
            (T::Unavailable, En) => "Not available now",
            (T::Close, Kk) => "Жабу",
            (T::Close, Ru) => "Закрыть",
            (T::Close, En) => "Close",
            (T::Or, Kk) => "немесе",
            (T::Or, Ru) => "или",
            (T::Or, En) => "or",
        }
    }
}

/// The name of a group of commands.
pub fn group(group: Group, lang: Lang) -> &'static str {
    use Lang::{En, Kk, Ru};
    match (group, lang) {
        (Group::File, Kk | Ru) => "Файл",
        (Group::File, En) => "File",
        (Group::Edit, Kk) => "Өңдеу",
        (Group::Edit, Ru) => "Правка",
        (Group::Edit, En) => "Edit",
        (Group::View, Kk) => "Көрініс",
        (Group::View, Ru) => "Вид",
        (Group::View, En) => "View",
        (Group::Presentation, Kk | Ru) => "Презентация",
        (Group::Presentation, En) => "Presentation",
        (Group::Help, Kk) => "Анықтама",
        (Group::Help, Ru) => "Справка",
        (Group::Help, En) => "Help",
    }
}

/// What a command is called (and what its tooltip says it does).
pub fn label(command: Command, lang: Lang) -> &'static str {
    use Command as C;
    use Lang::{En, Kk, Ru};
    match (command, lang) {
        (C::NewFile, Kk) => "Жаңа файл…",
        (C::NewFile, Ru) => "Новый файл…",
        (C::NewFile, En) => "New file…",
        (C::OpenFile, Kk) => "Файлды ашу…",
        (C::OpenFile, Ru) => "Открыть файл…",
        (C::OpenFile, En) => "Open a file…",
        (C::SaveAs, Kk) => "Басқаша сақтау…",
        (C::SaveAs, Ru) => "Сохранить как…",
        (C::SaveAs, En) => "Save as…",
        (C::Import, Kk) => "Кестені импорттау…",
        (C::Import, Ru) => "Импорт таблицы…",
        (C::Import, En) => "Import a table…",
        (C::Export, Kk) => "Карталар мен слайдтарды экспорттау…",
        (C::Export, Ru) => "Экспорт карт и слайдов…",
        (C::Export, En) => "Export maps and slides…",
        (C::Undo, Kk) => "Соңғы өзгерісті болдырмау",
        (C::Undo, Ru) => "Отменить последнее изменение",
        (C::Undo, En) => "Undo the last edit",
        (C::Redo, Kk) => "Болдырылмаған өзгерісті қайтару",
        (C::Redo, Ru) => "Повторить отменённое изменение",
        (C::Redo, En) => "Redo the undone edit",
        (C::DataEditor, Kk) => "Деректер терезесін ашу не жабу",
        (C::DataEditor, Ru) => "Открыть или закрыть окно данных",
        (C::DataEditor, En) => "Open or close the data window",
        (C::MapScreen, Kk) => "Картаны көрсету",
        (C::MapScreen, Ru) => "Показать карту",
        (C::MapScreen, En) => "Show the map",
        (C::ScenariosScreen, Kk) => "Сценарийлерді көрсету",
        (C::ScenariosScreen, Ru) => "Показать сценарии",
        (C::ScenariosScreen, En) => "Show the scenarios",
        (C::PotentialScreen, Kk) => "Өңірлердің әлеуетін көрсету",
        (C::PotentialScreen, Ru) => "Показать потенциал регионов",
        (C::PotentialScreen, En) => "Show the regions' potential",
        (C::CompareTab, Kk) => "Сценарийлерді салыстыру",
        (C::CompareTab, Ru) => "Сравнить сценарии",
        (C::CompareTab, En) => "Compare scenarios",
        (C::AssumptionsTab, Kk) => "Сценарий жорамалдары",
        (C::AssumptionsTab, Ru) => "Допущения сценария",
        (C::AssumptionsTab, En) => "Scenario assumptions",
        (C::TargetsTab, Kk) => "Мақсатты көрсеткіштер",
        (C::TargetsTab, Ru) => "Целевые показатели",
        (C::TargetsTab, En) => "Targets",
        (C::NextYear, Kk) => "Келесі жыл",
        (C::NextYear, Ru) => "Следующий год",
        (C::NextYear, En) => "Next year",
        (C::PreviousYear, Kk) => "Алдыңғы жыл",
        (C::PreviousYear, Ru) => "Предыдущий год",
        (C::PreviousYear, En) => "Previous year",
        (C::NextIndicator, Kk) => "Келесі көрсеткіш",
        (C::NextIndicator, Ru) => "Следующий показатель",
        (C::NextIndicator, En) => "Next indicator",
        (C::PreviousIndicator, Kk) => "Алдыңғы көрсеткіш",
        (C::PreviousIndicator, Ru) => "Предыдущий показатель",
        (C::PreviousIndicator, En) => "Previous indicator",
        (C::ZoomInMap, Kk) => "Картаны үлкейту",
        (C::ZoomInMap, Ru) => "Приблизить карту",
        (C::ZoomInMap, En) => "Zoom the map in",
        (C::ZoomOutMap, Kk) => "Картаны кішірейту",
        (C::ZoomOutMap, Ru) => "Отдалить карту",
        (C::ZoomOutMap, En) => "Zoom the map out",
        (C::ResetMapView, Kk) => "Картада бүкіл елді көрсету",
        (C::ResetMapView, Ru) => "Показать всю страну на карте",
        (C::ResetMapView, En) => "Show the whole country on the map",
        (C::ToggleGrowthPoints, Kk) => "Өсу нүктелерін көрсету не жасыру",
        (C::ToggleGrowthPoints, Ru) => "Показать или скрыть точки роста",
        (C::ToggleGrowthPoints, En) => "Show or hide growth points",
        (C::ToggleProjects, Kk) => "Жобаларды көрсету не жасыру",
        (C::ToggleProjects, Ru) => "Показать или скрыть проекты",
        (C::ToggleProjects, En) => "Show or hide projects",
        (C::ToggleLabels, Kk) => "Атауларды көрсету не жасыру",
        (C::ToggleLabels, Ru) => "Показать или скрыть подписи",
        (C::ToggleLabels, En) => "Show or hide labels",
        (C::ToggleCorridors, Kk) => "Дәліздерді көрсету не жасыру",
        (C::ToggleCorridors, Ru) => "Показать или скрыть коридоры",
        (C::ToggleCorridors, En) => "Show or hide corridors",
        (C::LanguageKk, Kk) => "Интерфейс қазақ тілінде",
        (C::LanguageKk, Ru) => "Интерфейс на казахском",
        (C::LanguageKk, En) => "Interface in Kazakh",
        (C::LanguageRu, Kk) => "Интерфейс орыс тілінде",
        (C::LanguageRu, Ru) => "Интерфейс на русском",
        (C::LanguageRu, En) => "Interface in Russian",
        (C::LanguageEn, Kk) => "Интерфейс ағылшын тілінде",
        (C::LanguageEn, Ru) => "Интерфейс на английском",
        (C::LanguageEn, En) => "Interface in English",
        (C::ThemeLight, Kk) => "Ашық тақырып",
        (C::ThemeLight, Ru) => "Светлая тема",
        (C::ThemeLight, En) => "Light theme",
        (C::ThemeProjector, Kk) => "Проекторға арналған жоғары контрасты тақырып",
        (C::ThemeProjector, Ru) => "Контрастная тема для проектора",
        (C::ThemeProjector, En) => "High-contrast projector theme",
        (C::ThemeDark, Kk) => "Қараңғы тақырып",
        (C::ThemeDark, Ru) => "Тёмная тема",
        (C::ThemeDark, En) => "Dark theme",
        (C::TextLarger, Kk) => "Мәтінді үлкейту",
        (C::TextLarger, Ru) => "Увеличить текст",
        (C::TextLarger, En) => "Larger text",
        (C::TextSmaller, Kk) => "Мәтінді кішірейту",
        (C::TextSmaller, Ru) => "Уменьшить текст",
        (C::TextSmaller, En) => "Smaller text",
        (C::TextReset, Kk) => "Мәтіннің қалыпты өлшемі",
        (C::TextReset, Ru) => "Обычный размер текста",
        (C::TextReset, En) => "Normal text size",
        (C::Present, Kk) => "Презентацияны бастау",
        (C::Present, Ru) => "Начать презентацию",
        (C::Present, En) => "Start the presentation",
        (C::NextSlide, Kk) => "Келесі слайд",
        (C::NextSlide, Ru) => "Следующий слайд",
        (C::NextSlide, En) => "Next slide",
        (C::PreviousSlide, Kk) => "Алдыңғы слайд",
        (C::PreviousSlide, Ru) => "Предыдущий слайд",
        (C::PreviousSlide, En) => "Previous slide",
        (C::FirstSlide, Kk) => "Бірінші слайд",
        (C::FirstSlide, Ru) => "Первый слайд",
        (C::FirstSlide, En) => "First slide",
        (C::LastSlide, Kk) => "Соңғы слайд",
        (C::LastSlide, Ru) => "Последний слайд",
        (C::LastSlide, En) => "Last slide",
        (C::AddSlide, Kk) => "Ағымдағы көріністен слайд қосу",
        (C::AddSlide, Ru) => "Добавить слайд из текущего вида",
        (C::AddSlide, En) => "Add a slide from this view",
        (C::SlideList, Kk) => "Слайдтар тізімін ашу не жабу",
        (C::SlideList, Ru) => "Открыть или закрыть список слайдов",
        (C::SlideList, En) => "Open or close the slide list",
        (C::PlayPause, Kk) => "Жылдарды ойнату не тоқтату",
        (C::PlayPause, Ru) => "Запустить или остановить смену лет",
        (C::PlayPause, En) => "Play or pause the years",
        (C::SpeakerNotes, Kk) => "Баяндамашы жазбаларын көрсету не жасыру",
        (C::SpeakerNotes, Ru) => "Показать или скрыть заметки докладчика",
        (C::SpeakerNotes, En) => "Show or hide the speaker notes",
        (C::LeavePresentation, Kk) => "Презентациядан шығу",
        (C::LeavePresentation, Ru) => "Выйти из презентации",
        (C::LeavePresentation, En) => "Leave the presentation",
        (C::Shortcuts, Kk) => "Пернелер тіркесімдері",
        (C::Shortcuts, Ru) => "Сочетания клавиш",
        (C::Shortcuts, En) => "Keyboard shortcuts",
        (C::Palette, Kk) => "Командалар палитрасы",
        (C::Palette, Ru) => "Палитра команд",
        (C::Palette, En) => "Command palette",
        (C::About, Kk) => "Бағдарлама туралы",
        (C::About, Ru) => "О программе",
        (C::About, En) => "About Oblys",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_latin(text: &str) -> bool {
        text.chars().any(|c| c.is_ascii_alphabetic())
    }

    #[test]
    fn kazakh_and_russian_command_texts_have_no_latin_letters() {
        for lang in [Lang::Kk, Lang::Ru] {
            let texts = CommandText::ALL
                .iter()
                .map(|t| t.get(lang))
                .chain(Command::ALL.iter().map(|c| label(*c, lang)))
                .chain(Group::ALL.iter().map(|g| group(*g, lang)));
            for t in texts {
                assert!(!has_latin(t), "{lang:?}: «{t}»");
            }
        }
    }

    #[test]
    fn every_command_has_three_different_non_empty_names_unique_per_language() {
        for lang in Lang::ALL {
            let names: std::collections::HashSet<&str> =
                Command::ALL.iter().map(|c| label(*c, lang)).collect();
            assert_eq!(names.len(), Command::ALL.len(), "{lang:?}: two commands share a name");
        }
        for c in Command::ALL {
            let [kk, ru, en] = Lang::ALL.map(|l| label(c, l));
            assert!(!kk.is_empty() && !ru.is_empty() && !en.is_empty(), "{c:?}");
            assert_ne!(ru, en, "{c:?}");
            assert_ne!(kk, en, "{c:?}");
        }
    }

    #[test]
    fn kazakh_texts_use_cyrillic_i_never_latin_i() {
        let source = include_str!("command_text.rs");
        assert_eq!(crate::io::names::mixed_script_words(source), Vec::<&str>::new());
    }
}
