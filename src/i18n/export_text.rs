//! Texts of slide export: the words drawn on exported slide pages (table headings, chart axis,
//! source line) and the export window (what, format, resolution, path, progress, result).

use crate::model::Lang;

/// One fixed string of the export window or of an exported slide page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportText {
    /// The top bar's button and the window's title.
    Export,
    ExportTooltip,
    What,
    ThisView,
    ThisViewTooltip,
    EverySlide,
    EverySlideTooltip,
    Format,
    Png,
    Svg,
    Pdf,
    PdfDeck,
    PngFolder,
    FormatTooltip,
    Resolution,
    ResolutionTooltip,
    Custom,
    Width,
    WidthTooltip,
    Height,
    HeightTooltip,
    SaveTo,
    SaveToTooltip,
    /// The window's button that starts the export.
    Run,
    RunTooltip,
    Close,
    Exporting,
    /// Before the path of what was written.
    Written,
    Failed,
    /// The deck is empty: nothing to export as every slide.
    NoSlides,
    /// Table heading: place in the ranking.
    Rank,
    /// Table heading: the region's name.
    Region,
    /// Table heading: the value (the unit follows).
    Value,
    /// Under a cut table: how many regions did not fit ("Not shown: 4").
    NotShown,
    /// Chart axis.
    Year,
    /// Before the sources of the shown values.
    Source,
    /// The source of projected values.
    Projection,
    /// Page title of a view exported without a slide title.
    TargetsTitle,
}

impl ExportText {
    /// Every text, for checks over all of them.
    pub const ALL: [ExportText; 38] = [
        ExportText::Export,
        ExportText::ExportTooltip,
        ExportText::What,
        ExportText::ThisView,
        ExportText::ThisViewTooltip,
        ExportText::EverySlide,
        ExportText::EverySlideTooltip,
        ExportText::Format,
        ExportText::Png,
        ExportText::Svg,
        ExportText::Pdf,
        ExportText::PdfDeck,
        ExportText::PngFolder,
        ExportText::FormatTooltip,
        ExportText::Resolution,
        ExportText::ResolutionTooltip,
        ExportText::Custom,
        ExportText::Width,
        ExportText::WidthTooltip,
        ExportText::Height,
        ExportText::HeightTooltip,
        ExportText::SaveTo,
        ExportText::SaveToTooltip,
        ExportText::Run,
        ExportText::RunTooltip,
        ExportText::Close,
        ExportText::Exporting,
        ExportText::Written,
        ExportText::Failed,
        ExportText::NoSlides,
        ExportText::Rank,
        ExportText::Region,
        ExportText::Value,
        ExportText::NotShown,
        ExportText::Year,
        ExportText::Source,
        ExportText::Projection,
        ExportText::TargetsTitle,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use ExportText as T;
        match (self, lang) {
            (T::Export, Lang::Kk) => "Экспорт",
            (T::Export, Lang::Ru) => "Экспорт",
            (T::Export, Lang::En) => "Export",
            (T::ExportTooltip, Lang::Kk) => {
                "Осы көріністі немесе барлық слайдты PNG, SVG не PDF ретінде сақтау"
            }
            (T::ExportTooltip, Lang::Ru) => "Сохранить этот вид или все слайды в PNG, SVG или PDF",
            (T::ExportTooltip, Lang::En) => "Save this view or every slide as PNG, SVG or PDF",
            (T::What, Lang::Kk) => "Не сақталады",
            (T::What, Lang::Ru) => "Что сохранить",
            (T::What, Lang::En) => "What",
            (T::ThisView, Lang::Kk) => "Осы көрініс",
            (T::ThisView, Lang::Ru) => "Этот вид",
            (T::ThisView, Lang::En) => "This view",
            (T::ThisViewTooltip, Lang::Kk) => {
                "Экрандағы көрініс: атауы, шартты белгілері және дереккөзі бар бір бет"
            }
            (T::ThisViewTooltip, Lang::Ru) => {
                "Вид на экране: одна страница с заголовком, легендой и источником"
            }
            (T::ThisViewTooltip, Lang::En) => {
                "The view on screen: one page with title, legend and source line"
            }
            (T::EverySlide, Lang::Kk) => "Барлық слайд",
            (T::EverySlide, Lang::Ru) => "Все слайды",
            (T::EverySlide, Lang::En) => "Every slide",
            (T::EverySlideTooltip, Lang::Kk) => {
                "Файлдағы әр слайд бір беттен: PDF жинағы немесе PNG суреттер қалтасы"
            }
            (T::EverySlideTooltip, Lang::Ru) => {
                "Каждый слайд файла на своей странице: презентация PDF или папка изображений PNG"
            }
            (T::EverySlideTooltip, Lang::En) => {
                "Each slide of the file on a page of its own: a PDF deck or a folder of PNG images"
            }
            (T::Format, Lang::Kk) => "Пішім",
            (T::Format, Lang::Ru) => "Формат",
            (T::Format, Lang::En) => "Format",
            (T::Png, Lang::Kk) => "PNG сурет",
            (T::Png, Lang::Ru) => "Изображение PNG",
            (T::Png, Lang::En) => "PNG image",
            (T::Svg, Lang::Kk) => "SVG (векторлық)",
            (T::Svg, Lang::Ru) => "SVG (векторный)",
            (T::Svg, Lang::En) => "SVG (vector)",
            (T::Pdf, Lang::Kk) => "PDF (векторлық)",
            (T::Pdf, Lang::Ru) => "PDF (векторный)",
            (T::Pdf, Lang::En) => "PDF (vector)",
            (T::PdfDeck, Lang::Kk) => "PDF жинағы",
            (T::PdfDeck, Lang::Ru) => "Презентация PDF",
            (T::PdfDeck, Lang::En) => "PDF deck",
            (T::PngFolder, Lang::Kk) => "PNG суреттер қалтасы",
            (T::PngFolder, Lang::Ru) => "Папка изображений PNG",
            (T::PngFolder, Lang::En) => "Folder of PNG images",
            (T::FormatTooltip, Lang::Kk) => {
                "PNG — слайдқа және хатқа; SVG мен PDF — баспаға, мәтіні мәтін күйінде қалады"
            }
            (T::FormatTooltip, Lang::Ru) => {
                "PNG — для слайдов и писем; SVG и PDF — для печати, текст остаётся текстом"
            }
            (T::FormatTooltip, Lang::En) => {
                "PNG for slides and mail; SVG and PDF for print, with text kept as text"
            }
            (T::Resolution, Lang::Kk) => "Өлшемі",
            (T::Resolution, Lang::Ru) => "Размер",
            (T::Resolution, Lang::En) => "Resolution",
            (T::ResolutionTooltip, Lang::Kk) => {
                "Беттің пиксельмен өлшемі; PDF тек пропорциясын алады"
            }
            (T::ResolutionTooltip, Lang::Ru) => {
                "Размер страницы в пикселях; PDF берёт только пропорции"
            }
            (T::ResolutionTooltip, Lang::En) => {
                "Page size in pixels; a PDF takes only its proportions"
            }
            (T::Custom, Lang::Kk) => "Басқа",
            (T::Custom, Lang::Ru) => "Другой",
            (T::Custom, Lang::En) => "Custom",
            (T::Width, Lang::Kk) => "Ені",
            (T::Width, Lang::Ru) => "Ширина",
            (T::Width, Lang::En) => "Width",
            (T::WidthTooltip, Lang::Kk) => "Беттің ені, пиксель",
            (T::WidthTooltip, Lang::Ru) => "Ширина страницы в пикселях",
            (T::WidthTooltip, Lang::En) => "Page width in pixels",
            (T::Height, Lang::Kk) => "Биіктігі",
            (T::Height, Lang::Ru) => "Высота",
            (T::Height, Lang::En) => "Height",
            (T::HeightTooltip, Lang::Kk) => "Беттің биіктігі, пиксель",
            (T::HeightTooltip, Lang::Ru) => "Высота страницы в пикселях",
            (T::HeightTooltip, Lang::En) => "Page height in pixels",
            (T::SaveTo, Lang::Kk) => "Сақтау орны",
            (T::SaveTo, Lang::Ru) => "Куда сохранить",
            (T::SaveTo, Lang::En) => "Save to",
            (T::SaveToTooltip, Lang::Kk) => {
                "Файлдың жолы (PNG қалтасы үшін — қалтаның жолы; жоқ болса, жасалады)"
            }
            (T::SaveToTooltip, Lang::Ru) => {
                "Путь к файлу (для папки PNG — путь к папке; её создадут, если её нет)"
            }
            (T::SaveToTooltip, Lang::En) => {
                "Path of the file (for a PNG folder, of the folder; it is made if missing)"
            }
            (T::Run, Lang::Kk) => "Сақтау",
            (T::Run, Lang::Ru) => "Сохранить",
            (T::Run, Lang::En) => "Save",
            (T::RunTooltip, Lang::Kk) => "Жазу; бар файл тек толық жазылғаннан кейін ауыстырылады",
            (T::RunTooltip, Lang::Ru) => {
                "Записать; существующий файл заменяется только целиком записанным"
            }
            (T::RunTooltip, Lang::En) => {
                "Write it; an existing file is replaced only by a completely written one"
            }
            (T::Close, Lang::Kk) => "Жабу",
            (T::Close, Lang::Ru) => "Закрыть",
            (T::Close, Lang::En) => "Close",
            (T::Exporting, Lang::Kk) => "Экспортталуда…",
            (T::Exporting, Lang::Ru) => "Идёт экспорт…",
            (T::Exporting, Lang::En) => "Exporting…",
            (T::Written, Lang::Kk) => "Жазылды:",
            (T::Written, Lang::Ru) => "Записано:",
            (T::Written, Lang::En) => "Written:",
            (T::Failed, Lang::Kk) => "Экспорт сәтсіз:",
            (T::Failed, Lang::Ru) => "Экспорт не удался:",
            (T::Failed, Lang::En) => "Export failed:",
            (T::NoSlides, Lang::Kk) => {
                "Файлда әлі слайд жоқ: алдымен ағымдағы көріністен слайд қосыңыз"
            }
            (T::NoSlides, Lang::Ru) => {
                "В файле ещё нет слайдов: сначала добавьте слайд из текущего вида"
            }
            (T::NoSlides, Lang::En) => {
                "The file has no slides yet: first add a slide from the current view"
            }
            (T::Rank, Lang::Kk) => "Орны",
            (T::Rank, Lang::Ru) => "Место",
            (T::Rank, Lang::En) => "Rank",
            (T::Region, Lang::Kk) => "Өңір",
            (T::Region, Lang::Ru) => "Регион",
            (T::Region, Lang::En) => "Region",
            (T::Value, Lang::Kk) => "Мәні",
            (T::Value, Lang::Ru) => "Значение",
            (T::Value, Lang::En) => "Value",
            (T::NotShown, Lang::Kk) => "Сыймағаны:",
            (T::NotShown, Lang::Ru) => "Не поместилось:",
            (T::NotShown, Lang::En) => "Not shown:",
            (T::Year, Lang::Kk) => "Жыл",
            (T::Year, Lang::Ru) => "Год",
            (T::Year, Lang::En) => "Year",
            (T::Source, Lang::Kk) => "Дереккөз",
            (T::Source, Lang::Ru) => "Источник",
            (T::Source, Lang::En) => "Source",
            (T::Projection, Lang::Kk) => {
                "сценарийлер болжамы (Oblys келтірілген деректер бойынша есептеген)"
            }
            (T::Projection, Lang::Ru) => "прогноз сценариев (расчёт Oblys по приведённым данным)",
            (T::Projection, Lang::En) => {
                "projection of the scenarios (computed by Oblys from the data cited)"
            }
            (T::TargetsTitle, Lang::Kk) => "Сценарийлер мақсаттары",
            (T::TargetsTitle, Lang::Ru) => "Цели сценариев",
            (T::TargetsTitle, Lang::En) => "Targets of the scenarios",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that are names of formats or of the program, the same in every language.
    const PROPER: [&str; 4] = ["PNG", "SVG", "PDF", "Oblys"];

    #[test]
    fn kazakh_and_russian_export_texts_have_no_latin_letters_but_format_names() {
        for lang in [Lang::Kk, Lang::Ru] {
            for t in ExportText::ALL {
                let mut text = t.get(lang).to_string();
                for name in PROPER {
                    text = text.replace(name, "");
                }
                assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{lang:?}: «{text}»");
            }
        }
    }

    #[test]
    fn every_export_text_differs_between_kazakh_and_english() {
        for t in ExportText::ALL {
            assert_ne!(t.get(Lang::Kk), t.get(Lang::En), "{t:?}");
            assert!(!t.get(Lang::Ru).is_empty(), "{t:?}");
        }
    }

    #[test]
    fn no_word_mixes_latin_and_cyrillic_letters() {
        let source = include_str!("export_text.rs");
        assert_eq!(crate::io::names::mixed_script_words(source), Vec::<&str>::new());
    }
}
