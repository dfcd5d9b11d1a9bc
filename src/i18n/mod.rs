//! User-facing text in Kazakh, Russian and English. Each area has its own enum of texts whose
//! `get(lang)` is an exhaustive match, so a missing translation does not compile. Numbers are
//! written the way each language writes them (`1 234,5` in Kazakh and Russian, `1,234.5` in English).

pub mod command_text;
pub mod edit_text;
pub mod editor_text;
pub mod error_text;
pub mod export_text;
pub mod geojson_import_text;
pub mod import_text;
pub mod map_text;
pub mod plural;
pub mod potential_text;
pub mod presentation_text;
pub mod scenario_text;
pub mod scenario_ui_text;
pub mod targets_text;
pub mod ui_text;
pub mod view_text;

pub use crate::model::Lang;
pub use map_text::{MapText, format_number};
pub use scenario_ui_text::ScenarioUiText;
pub use ui_text::UiText;

/// A value with its unit ("1 234,5 тыс. человек"), or "no data" when there is none.
pub fn format_value(value: Option<f64>, decimals: u8, unit: &str, lang: Lang) -> String {
    match value {
        Some(v) if unit.is_empty() => format_number(v, decimals, lang),
        Some(v) => format!("{} {unit}", format_number(v, decimals, lang)),
        None => MapText::NoData.get(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_value_reads_as_no_data_never_zero() {
        assert_eq!(format_value(None, 1, "%", Lang::En), "No data");
        assert_eq!(format_value(Some(4.86), 1, "%", Lang::Ru), "4,9 %");
    }
}
