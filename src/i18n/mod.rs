//! User-facing text in Kazakh, Russian and English. Each area has its own enum of texts whose
//! `get(lang)` is an exhaustive match, so a missing translation does not compile.

pub mod map_text;
pub mod ui_text;

pub use crate::model::Lang;
pub use map_text::MapText;
pub use ui_text::UiText;
