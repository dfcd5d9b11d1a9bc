//! Texts of the map scene and its export: titles, legend, layer and symbol names.

use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MapText {
    NoData,
}

impl MapText {
    pub fn get(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MapText::NoData, Lang::Kk) => "Дерек жоқ",
            (MapText::NoData, Lang::Ru) => "Нет данных",
            (MapText::NoData, Lang::En) => "No data",
        }
    }
}
