//! Texts of the slide list and of presentation mode: the list's buttons and their tooltips, the
//! names of the five slide screens, the presenter's footer and notes, the default title of a
//! slide made from a view, and the question before a slide is deleted.

use crate::model::{Lang, SlideScreen};

/// One fixed string of the slide list or presentation mode; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PresentationText {
    /// The button that opens the slide list.
    Slides,
    SlidesHint,
    /// Title of the slide list's window.
    Deck,
    AddFromView,
    AddFromViewHint,
    Present,
    PresentHint,
    Show,
    ShowHint,
    MoveUp,
    MoveUpHint,
    MoveDown,
    MoveDownHint,
    Rename,
    RenameHint,
    Notes,
    NotesHint,
    Update,
    UpdateHint,
    Delete,
    DeleteHint,
    /// The confirmation's button.
    ConfirmDelete,
    Save,
    Cancel,
    /// Label of the title field.
    TitleField,
    /// Label of the speaker notes field.
    NotesField,
    NoSlides,
    /// Shown when presentation mode is asked for with an empty deck.
    EmptyDeck,
    /// Label of the list of slides (its accessible name).
    SlideList,
    Screen,
    /// Tooltip of the choice between map, chart and table for a slide of the map screen.
    ScreenHint,
    /// The presenter's notes panel heading.
    SpeakerNotes,
    NoNotes,
    /// The keys, in the presentation's footer (the bundled font has no arrow glyphs).
    KeysHint,
    Next,
    Previous,
    Leave,
    /// Prefix of a targets slide's default title.
    TargetsTitle,
    /// Between the two sides in a comparison slide's default title.
    Versus,
}

impl PresentationText {
    /// Every text, for checks over all of them.
    pub const ALL: [PresentationText; 39] = [
        PresentationText::Slides,
        PresentationText::SlidesHint,
        PresentationText::Deck,
        PresentationText::AddFromView,
        PresentationText::AddFromViewHint,
        PresentationText::Present,
        PresentationText::PresentHint,
        PresentationText::Show,
        PresentationText::ShowHint,
        PresentationText::MoveUp,
        PresentationText::MoveUpHint,
        PresentationText::MoveDown,
        PresentationText::MoveDownHint,
        PresentationText::Rename,
        PresentationText::RenameHint,
        PresentationText::Notes,
        PresentationText::NotesHint,
        PresentationText::Update,
        PresentationText::UpdateHint,
        PresentationText::Delete,
        PresentationText::DeleteHint,
        PresentationText::ConfirmDelete,
        PresentationText::Save,
        PresentationText::Cancel,
        PresentationText::TitleField,
        PresentationText::NotesField,
        PresentationText::NoSlides,
        PresentationText::EmptyDeck,
        PresentationText::SlideList,
        PresentationText::Screen,
        PresentationText::ScreenHint,
        PresentationText::SpeakerNotes,
        PresentationText::NoNotes,
        PresentationText::KeysHint,
        PresentationText::Next,
        PresentationText::Previous,
        PresentationText::Leave,
        PresentationText::TargetsTitle,
        PresentationText::Versus,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Lang::{En, Kk, Ru};
        use PresentationText as T;
        match (self, lang) {
            (T::Slides, Kk) => "Слайдтар",
            (T::Slides, Ru) => "Слайды",
            (T::Slides, En) => "Slides",
            (T::SlidesHint, Kk) => {
                "Баяндама: осы файлдың көріністерінен сақталған слайдтар (F5 — көрсету)"
            }
            (T::SlidesHint, Ru) => {
                "Презентация: слайды, сохранённые из видов этого файла (F5 — показать)"
            }
            (T::SlidesHint, En) => {
                "The presentation: slides saved from views of this file (F5 presents)"
            }
            (T::Deck, Kk) => "Баяндама слайдтары",
            (T::Deck, Ru) => "Слайды презентации",
            (T::Deck, En) => "Presentation slides",
            (T::AddFromView, Kk) => "+ Осы көріністен слайд",
            (T::AddFromView, Ru) => "+ Слайд из этого вида",
            (T::AddFromView, En) => "+ Slide from this view",
            (T::AddFromViewHint, Kk) => {
                "Экрандағыны (экран, көрсеткіш, жыл, таңдау, карта аумағы) соңғы жаңа слайд \
                 ретінде сақтау"
            }
            (T::AddFromViewHint, Ru) => {
                "Сохранить то, что сейчас на экране (экран, показатель, год, выбор, охват \
                 карты), новым слайдом в конце"
            }
            (T::AddFromViewHint, En) => {
                "Save what the screen shows now (screen, indicator, year, selection, map extent) \
                 as a new slide at the end"
            }
            (T::Present, Kk) => "Көрсету",
            (T::Present, Ru) => "Показать",
            (T::Present, En) => "Present",
            (T::PresentHint, Kk) => {
                "Таңдалған слайдтан бастап толық экранда көрсету (F5); Esc — шығу"
            }
            (T::PresentHint, Ru) => "Показ на весь экран с выбранного слайда (F5); Esc — выход",
            (T::PresentHint, En) => "Full screen from the selected slide (F5); Esc leaves",
            (T::Show, Kk) => "Ашу",
            (T::Show, Ru) => "Открыть",
            (T::Show, En) => "Open",
            (T::ShowHint, Kk) => "Слайдтың сақталған көрінісін жұмыс экрандарында қалпына келтіру",
            (T::ShowHint, Ru) => "Восстановить сохранённый вид слайда на рабочих экранах",
            (T::ShowHint, En) => "Restore the slide's saved view on the working screens",
            (T::MoveUp, Kk) => "Жоғары",
            (T::MoveUp, Ru) => "Выше",
            (T::MoveUp, En) => "Up",
            (T::MoveUpHint, Kk) => "Слайдты бір орын алға жылжыту",
            (T::MoveUpHint, Ru) => "Передвинуть слайд на одно место раньше",
            (T::MoveUpHint, En) => "Move the slide one place earlier",
            (T::MoveDown, Kk) => "Төмен",
            (T::MoveDown, Ru) => "Ниже",
            (T::MoveDown, En) => "Down",
            (T::MoveDownHint, Kk) => "Слайдты бір орын артқа жылжыту",
            (T::MoveDownHint, Ru) => "Передвинуть слайд на одно место позже",
            (T::MoveDownHint, En) => "Move the slide one place later",
            (T::Rename, Kk) => "Атауы",
            (T::Rename, Ru) => "Название",
            (T::Rename, En) => "Rename",
            (T::RenameHint, Kk) => "Слайдтың ағымдағы тілдегі атауын өзгерту",
            (T::RenameHint, Ru) => "Изменить название слайда на текущем языке",
            (T::RenameHint, En) => "Change the slide's title in the current language",
            (T::Notes, Kk) => "Жазбалар",
            (T::Notes, Ru) => "Заметки",
            (T::Notes, En) => "Notes",
            (T::NotesHint, Kk) => "Баяндамашының жазбалары: көрсету кезінде N пернесімен ашылады",
            (T::NotesHint, Ru) => "Заметки докладчика: во время показа открываются клавишей N",
            (T::NotesHint, En) => "Speaker notes: shown while presenting with the N key",
            (T::Update, Kk) => "Көріністі жаңарту",
            (T::Update, Ru) => "Обновить вид",
            (T::Update, En) => "Update view",
            (T::UpdateHint, Kk) => {
                "Слайдтың сақталған көрінісін экрандағымен ауыстыру; атауы мен жазбалары қалады"
            }
            (T::UpdateHint, Ru) => {
                "Заменить сохранённый вид слайда тем, что на экране; название и заметки остаются"
            }
            (T::UpdateHint, En) => {
                "Replace the slide's saved view with what the screen shows now; title and notes \
                 stay"
            }
            (T::Delete, Kk) => "Жою",
            (T::Delete, Ru) => "Удалить",
            (T::Delete, En) => "Delete",
            (T::DeleteHint, Kk) => "Слайдты файлдан жою (алдымен сұрайды)",
            (T::DeleteHint, Ru) => "Удалить слайд из файла (сначала спросит)",
            (T::DeleteHint, En) => "Delete the slide from the file (asks first)",
            (T::ConfirmDelete, Kk) => "Иә, жою",
            (T::ConfirmDelete, Ru) => "Да, удалить",
            (T::ConfirmDelete, En) => "Yes, delete",
            (T::Save, Kk) => "Сақтау",
            (T::Save, Ru) => "Сохранить",
            (T::Save, En) => "Save",
            (T::Cancel, Kk) => "Болдырмау",
            (T::Cancel, Ru) => "Отмена",
            (T::Cancel, En) => "Cancel",
            (T::TitleField, Kk) => "Слайд атауы",
            (T::TitleField, Ru) => "Название слайда",
            (T::TitleField, En) => "Slide title",
            (T::NotesField, Kk) => "Баяндамашы жазбалары",
            (T::NotesField, Ru) => "Заметки докладчика",
            (T::NotesField, En) => "Speaker notes",
            (T::NoSlides, Kk) => {
                "Слайд әлі жоқ. Көріністі баптап, «+ Осы көріністен слайд» батырмасын басыңыз."
            }
            (T::NoSlides, Ru) => {
                "Слайдов пока нет. Настройте вид и нажмите «+ Слайд из этого вида»."
            }
            (T::NoSlides, En) => "No slides yet. Set up a view and press «+ Slide from this view».",
            (T::EmptyDeck, Kk) => "Көрсетуге слайд жоқ: алдымен көріністен слайд қосыңыз.",
            (T::EmptyDeck, Ru) => "Показывать нечего: сначала добавьте слайд из вида.",
            (T::EmptyDeck, En) => "There is nothing to present: add a slide from a view first.",
            (T::SlideList, Kk) => "Слайдтар тізімі",
            (T::SlideList, Ru) => "Список слайдов",
            (T::SlideList, En) => "List of slides",
            (T::Screen, Kk) => "Экран",
            (T::Screen, Ru) => "Экран",
            (T::Screen, En) => "Screen",
            (T::ScreenHint, Kk) => {
                "Көрсету кезінде слайд экранды немен толтырады: карта, көрсеткіштің жылдар \
                 бойынша диаграммасы немесе өңірлер кестесі"
            }
            (T::ScreenHint, Ru) => {
                "Чем слайд заполняет экран при показе: картой, диаграммой показателя по годам \
                 или таблицей регионов"
            }
            (T::ScreenHint, En) => {
                "What the slide fills the screen with when presented: the map, the chart of the \
                 indicator over the years, or the table of regions"
            }
            (T::SpeakerNotes, Kk) => "Жазбалар",
            (T::SpeakerNotes, Ru) => "Заметки",
            (T::SpeakerNotes, En) => "Notes",
            (T::NoNotes, Kk) => "Бұл слайдта жазба жоқ.",
            (T::NoNotes, Ru) => "У этого слайда нет заметок.",
            (T::NoNotes, En) => "This slide has no notes.",
            (T::KeysHint, Kk) => {
                "PageDown, бос орын — келесі · PageUp — алдыңғы · N — жазбалар · Esc — шығу"
            }
            (T::KeysHint, Ru) => {
                "PageDown, пробел — далее · PageUp — назад · N — заметки · Esc — выход"
            }
            (T::KeysHint, En) => {
                "PageDown, Space — next · PageUp — previous · N — notes · Esc — leave"
            }
            (T::Next, Kk) => "Келесі слайд (оң жақ көрсеткі, PageDown, бос орын)",
            (T::Next, Ru) => "Следующий слайд (стрелка вправо, PageDown, пробел)",
            (T::Next, En) => "Next slide (right arrow, PageDown, Space)",
            (T::Previous, Kk) => "Алдыңғы слайд (сол жақ көрсеткі, PageUp)",
            (T::Previous, Ru) => "Предыдущий слайд (стрелка влево, PageUp)",
            (T::Previous, En) => "Previous slide (left arrow, PageUp)",
            (T::Leave, Kk) => "Көрсетуден шығу (Esc)",
            (T::Leave, Ru) => "Выйти из показа (Esc)",
            (T::Leave, En) => "Leave the presentation (Esc)",
            (T::TargetsTitle, Kk) => "Мақсаттар",
            (T::TargetsTitle, Ru) => "Цели",
            (T::TargetsTitle, En) => "Targets",
            (T::Versus, Kk) => "және",
            (T::Versus, Ru) => "и",
            (T::Versus, En) => "vs",
        }
    }
}

/// The name of a slide's screen, as the slide list shows it.
pub fn screen_name(screen: SlideScreen, lang: Lang) -> &'static str {
    use Lang::{En, Kk, Ru};
    match (screen, lang) {
        (SlideScreen::Map, Kk) => "Карта",
        (SlideScreen::Map, Ru) => "Карта",
        (SlideScreen::Map, En) => "Map",
        (SlideScreen::Compare, Kk) => "Салыстыру",
        (SlideScreen::Compare, Ru) => "Сравнение",
        (SlideScreen::Compare, En) => "Comparison",
        (SlideScreen::Chart, Kk) => "Диаграмма",
        (SlideScreen::Chart, Ru) => "Диаграмма",
        (SlideScreen::Chart, En) => "Chart",
        (SlideScreen::Table, Kk) => "Кесте",
        (SlideScreen::Table, Ru) => "Таблица",
        (SlideScreen::Table, En) => "Table",
        (SlideScreen::Targets, Kk) => "Мақсаттар",
        (SlideScreen::Targets, Ru) => "Цели",
        (SlideScreen::Targets, En) => "Targets",
        (SlideScreen::Potential, Kk) => "Әлеует",
        (SlideScreen::Potential, Ru) => "Потенциал",
        (SlideScreen::Potential, En) => "Potential",
    }
}

/// The question before slide `title` is deleted.
pub fn delete_question(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("«{title}» слайды жойылсын ба?"),
        Lang::Ru => format!("Удалить слайд «{title}»?"),
        Lang::En => format!("Delete the slide «{title}»?"),
    }
}

/// "3 / 10": the shown slide's number and the deck's length, in the presentation's footer.
pub fn slide_counter(position: usize, count: usize) -> String {
    format!("{} / {count}", position + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_latin(text: &str) -> bool {
        text.chars().any(|c| c.is_ascii_alphabetic())
    }

    /// The keys in the hints are named as the keyboard labels them.
    const KEY_NAMES: [&str; 5] = ["PageDown", "PageUp", "Esc", "N", "F5"];

    #[test]
    fn kazakh_and_russian_presentation_texts_have_no_latin_letters_but_key_names() {
        for lang in [Lang::Kk, Lang::Ru] {
            let mut texts: Vec<String> =
                PresentationText::ALL.iter().map(|t| t.get(lang).to_owned()).collect();
            texts.extend(SlideScreen::ALL.iter().map(|s| screen_name(*s, lang).to_owned()));
            texts.push(delete_question("Халық", lang));
            for t in &texts {
                let words = t.split(|c: char| !c.is_alphanumeric());
                let foreign: Vec<&str> =
                    words.filter(|w| has_latin(w) && !KEY_NAMES.contains(w)).collect();
                assert_eq!(foreign, Vec::<&str>::new(), "{lang:?}: «{t}»");
            }
        }
    }

    #[test]
    fn no_word_mixes_latin_and_cyrillic_letters() {
        let source = include_str!("presentation_text.rs");
        assert_eq!(crate::io::names::mixed_script_words(source), Vec::<&str>::new());
    }

    #[test]
    fn the_counter_numbers_slides_from_one() {
        assert_eq!(slide_counter(2, 10), "3 / 10");
        assert_eq!(slide_counter(0, 1), "1 / 1");
    }

    #[test]
    fn the_delete_question_names_the_slide_in_each_language() {
        assert_eq!(delete_question("GRP", Lang::En), "Delete the slide «GRP»?");
        assert_eq!(delete_question("ВРП", Lang::Ru), "Удалить слайд «ВРП»?");
        assert_eq!(delete_question("ЖӨӨ", Lang::Kk), "«ЖӨӨ» слайды жойылсын ба?");
    }
}
