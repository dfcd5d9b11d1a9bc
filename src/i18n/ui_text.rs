//! Texts of the application's panels, menus and dialogs.

use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiText {
    Language,
}

impl UiText {
    pub fn get(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (UiText::Language, Lang::Kk) => "Тіл",
            (UiText::Language, Lang::Ru) => "Язык",
            (UiText::Language, Lang::En) => "Language",
        }
    }
}
