//! Texts of the View menu (the three themes), of the About box's licence and help lines, and of
//! the notice shown when the file of the last session no longer opens.

use crate::app::ThemeKind;
use crate::model::Lang;

/// One string of the View menu or the About box; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewText {
    /// The menu button.
    Menu,
    /// The menu button's hover text.
    MenuHint,
    /// The heading of the theme choices in the menu.
    Theme,
    /// The About box: the licence line's label.
    License,
    /// The About box: where the keyboard and the themes are.
    AboutHelp,
}

impl ViewText {
    /// Every text, for checks over all of them.
    pub const ALL: [ViewText; 5] = [
        ViewText::Menu,
        ViewText::MenuHint,
        ViewText::Theme,
        ViewText::License,
        ViewText::AboutHelp,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Kk, Ru};
        match (self, lang) {
            (ViewText::Menu, Kk) => "Көрініс",
            (ViewText::Menu, Ru) => "Вид",
            (ViewText::Menu, En) => "View",
            (ViewText::MenuHint, Kk) => "Түс тақырыбы: экранға, проекторға немесе күңгірт залға",
            (ViewText::MenuHint, Ru) => {
                "Оформление: для экрана, для проектора или для тёмного зала"
            }
            (ViewText::MenuHint, En) => "Theme: for the screen, a projector or a dim room",
            (ViewText::Theme, Kk) => "Тақырып",
            (ViewText::Theme, Ru) => "Тема",
            (ViewText::Theme, En) => "Theme",
            (ViewText::License, Kk) => "Лицензия",
            (ViewText::License, Ru) => "Лицензия",
            (ViewText::License, En) => "Licence",
            (ViewText::AboutHelp, Kk) => {
                "Пернелер тізімі — F1, командалар — Ctrl+K. Тақырыпты (ашық, проектор, қараңғы) \
                 картаның үстіндегі «Көрініс» мәзірінен таңдаңыз; тіл, тақырып, терезе өлшемі \
                 және соңғы файл келесі іске қосуға дейін сақталады."
            }
            (ViewText::AboutHelp, Ru) => {
                "Список клавиш — F1, команды — Ctrl+K. Тему (светлая, проектор, тёмная) \
                 выберите в меню «Вид» над картой; язык, тема, размер окна и последний файл \
                 запоминаются до следующего запуска."
            }
            (ViewText::AboutHelp, En) => {
                "Keyboard shortcuts: F1; commands: Ctrl+K. Choose the theme (light, projector, \
                 dark) in the View menu over the map; the language, theme, window size and last \
                 file are remembered for the next start."
            }
        }
    }
}

/// A theme's name in the View menu.
pub fn theme_name(kind: ThemeKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ThemeKind::Light, Lang::Kk) => "Ашық тақырып",
        (ThemeKind::Light, Lang::Ru) => "Светлая тема",
        (ThemeKind::Light, Lang::En) => "Light theme",
        (ThemeKind::Projector, Lang::Kk) => "Проектор (жоғары контраст)",
        (ThemeKind::Projector, Lang::Ru) => "Проектор (высокий контраст)",
        (ThemeKind::Projector, Lang::En) => "Projector (high contrast)",
        (ThemeKind::Dark, Lang::Kk) => "Қараңғы тақырып",
        (ThemeKind::Dark, Lang::Ru) => "Тёмная тема",
        (ThemeKind::Dark, Lang::En) => "Dark theme",
    }
}

/// What a theme is for, as the hover text of its menu entry.
pub fn theme_hint(kind: ThemeKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ThemeKind::Light, Lang::Kk) => "Экран алдында жұмыс істеуге",
        (ThemeKind::Light, Lang::Ru) => "Для работы за экраном",
        (ThemeKind::Light, Lang::En) => "For work at the screen",
        (ThemeKind::Projector, Lang::Kk) => {
            "Ақ фон, қара мәтін, айқын сызықтар: бозғылт проекторда да оқылады"
        }
        (ThemeKind::Projector, Lang::Ru) => {
            "Белый фон, чёрный текст, чёткие линии: читается и на блёклом проекторе"
        }
        (ThemeKind::Projector, Lang::En) => {
            "White ground, black text, darker lines: reads on a washed-out projector"
        }
        (ThemeKind::Dark, Lang::Kk) => "Күңгірт залдағы экранға",
        (ThemeKind::Dark, Lang::Ru) => "Для экрана в затемнённом зале",
        (ThemeKind::Dark, Lang::En) => "For a screen in a dim room",
    }
}

/// The one-line notice when the file open at the end of the last session no longer opens and
/// the default database is opened instead; `reason` names the file and what is wrong with it.
pub fn last_file_not_opened(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Соңғы файл ашылмады: {reason}. Әдепкі дерекқор ашылды."),
        Lang::Ru => {
            format!("Последний файл не открылся: {reason}. Открыта база данных по умолчанию.")
        }
        Lang::En => format!("The last file did not open: {reason}. The default database is open."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_text(lang: Lang) -> Vec<String> {
        let mut all: Vec<String> = ViewText::ALL.iter().map(|t| t.get(lang).to_owned()).collect();
        for kind in ThemeKind::ALL {
            all.push(theme_name(kind, lang).to_owned());
            all.push(theme_hint(kind, lang).to_owned());
        }
        all.push(last_file_not_opened("", lang));
        all
    }

    #[test]
    fn kazakh_view_texts_are_cyrillic_with_cyrillic_i() {
        for text in every_text(Lang::Kk) {
            // Key names are written as on the keyboard.
            let text = text.replace("F1", "").replace("Ctrl+K", "");
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "Latin letter in «{text}»");
        }
    }

    #[test]
    fn the_three_languages_differ_and_theme_names_are_distinct() {
        let (kk, ru, en) = (every_text(Lang::Kk), every_text(Lang::Ru), every_text(Lang::En));
        for ((k, r), e) in kk.iter().zip(&ru).zip(&en) {
            assert!(k != e && r != e, "{k} / {r} / {e}");
        }
        for lang in Lang::ALL {
            let names = ThemeKind::ALL.map(|k| theme_name(k, lang));
            assert!(names[0] != names[1] && names[1] != names[2] && names[0] != names[2]);
        }
        assert_eq!(
            last_file_not_opened("/a/b.gpkg: no such file", Lang::En),
            "The last file did not open: /a/b.gpkg: no such file. The default database is open."
        );
    }
}
