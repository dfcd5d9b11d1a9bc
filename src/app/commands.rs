//! Every command a planner can run, in one list: its stable id, group, keyboard shortcuts,
//! whether it can run in the current state, and what it does (`Effect`). The keyboard dispatch,
//! the F1 help overlay, the Ctrl+K command palette and the tooltips are all made from this list,
//! so a shortcut is declared once and shown everywhere it is handled.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::edit::FileRequest;
use super::{
    Action, AppState, Layer, MAX_ZOOM, MIN_ZOOM, ScenarioTab, Screen, ThemeKind, ZOOM_STEP,
};
use crate::model::Lang;

/// A command of the window; `Command::ALL` lists them in the order the help and the palette
/// show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    NewFile,
    OpenFile,
    SaveAs,
    Import,
    Export,
    Undo,
    Redo,
    DataEditor,
    MapScreen,
    ScenariosScreen,
    PotentialScreen,
    CompareTab,
    AssumptionsTab,
    TargetsTab,
    NextYear,
    PreviousYear,
    NextIndicator,
    PreviousIndicator,
    ZoomInMap,
    ZoomOutMap,
    ResetMapView,
    ToggleGrowthPoints,
    ToggleProjects,
    ToggleLabels,
    ToggleCorridors,
    LanguageKk,
    LanguageRu,
    LanguageEn,
    ThemeLight,
    ThemeProjector,
    ThemeDark,
    TextLarger,
    TextSmaller,
    TextReset,
    Present,
    NextSlide,
    PreviousSlide,
    FirstSlide,
    LastSlide,
    AddSlide,
    SlideList,
    PlayPause,
    SpeakerNotes,
    LeavePresentation,
    Shortcuts,
    Palette,
    About,
}

/// The groups of the help overlay, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    File,
    Edit,
    View,
    Presentation,
    Help,
}

impl Group {
    pub const ALL: [Group; 5] =
        [Group::File, Group::Edit, Group::View, Group::Presentation, Group::Help];
}

/// Where a command's keys are handled (each key in one place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyHandler {
    /// The window's one dispatch per frame (`ui::shortcut_help::dispatch`).
    Dispatch,
    /// egui itself (its zoom keys, at the end of each frame).
    Egui,
    /// Presentation mode, while it runs (`ui::presentation::keys`).
    Presentation,
}

/// What the window does itself rather than `AppState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuiCommand {
    /// Open or close the keyboard shortcuts overlay.
    ToggleHelp,
    /// Open or close the command palette.
    TogglePalette,
    /// egui's zoom factor (the size of all text and controls) one step up, down, or back to 1.
    TextLarger,
    TextSmaller,
    TextReset,
    /// Show or hide the speaker notes of presentation mode.
    ToggleNotes,
}

/// What running a command does.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Actions the window applies in order, at once (a File request it carries out as the
    /// File menu's; `AppState` ignores those).
    Actions(Vec<Action>),
    /// Something only the window can do.
    Gui(GuiCommand),
}

/// A shortcut with the platform's command key (Ctrl, or ⌘ on a Mac).
const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers { shift: true, ..Modifiers::COMMAND }, key)
}

const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

/// Keys a focused text field uses itself with the command key (select all, clipboard, its own
/// undo and redo, emacs-style deletions): such a shortcut goes to the field while one is
/// being typed in. Ctrl+K is left out on purpose: the palette must open from anywhere, which
/// matters more than deleting to the end of a line.
const TEXT_FIELD_KEYS: [Key; 9] =
    [Key::A, Key::C, Key::V, Key::X, Key::Z, Key::Y, Key::H, Key::U, Key::W];

impl Command {
    /// Every command, by group, in the order the help and the palette list them.
    pub const ALL: [Command; 47] = [
        Command::NewFile,
        Command::OpenFile,
        Command::SaveAs,
        Command::Import,
        Command::Export,
        Command::Undo,
        Command::Redo,
        Command::DataEditor,
        Command::MapScreen,
        Command::ScenariosScreen,
        Command::PotentialScreen,
        Command::CompareTab,
        Command::AssumptionsTab,
        Command::TargetsTab,
        Command::NextYear,
        Command::PreviousYear,
        Command::NextIndicator,
        Command::PreviousIndicator,
        Command::ZoomInMap,
        Command::ZoomOutMap,
        Command::ResetMapView,
        Command::ToggleGrowthPoints,
        Command::ToggleProjects,
        Command::ToggleLabels,
        Command::ToggleCorridors,
        Command::LanguageKk,
        Command::LanguageRu,
        Command::LanguageEn,
        Command::ThemeLight,
        Command::ThemeProjector,
        Command::ThemeDark,
        Command::TextLarger,
        Command::TextSmaller,
        Command::TextReset,
        Command::Present,
        Command::NextSlide,
        Command::PreviousSlide,
        Command::FirstSlide,
        Command::LastSlide,
        Command::AddSlide,
        Command::SlideList,
        Command::PlayPause,
        Command::SpeakerNotes,
        Command::LeavePresentation,
        Command::Shortcuts,
        Command::Palette,
        Command::About,
    ];

    /// A stable English id ("view.next_year"): the palette matches it too, whatever the
    /// language shown.
    pub fn id(self) -> &'static str {
        match self {
            Command::NewFile => "file.new",
            Command::OpenFile => "file.open",
            Command::SaveAs => "file.save_as",
            Command::Import => "file.import",
            Command::Export => "file.export",
            Command::Undo => "edit.undo",
            Command::Redo => "edit.redo",
            Command::DataEditor => "edit.data",
            Command::MapScreen => "view.map",
            Command::ScenariosScreen => "view.scenarios",
            Command::PotentialScreen => "view.potential",
            Command::CompareTab => "view.compare",
            Command::AssumptionsTab => "view.assumptions",
            Command::TargetsTab => "view.targets",
            Command::NextYear => "view.next_year",
            Command::PreviousYear => "view.previous_year",
            Command::NextIndicator => "view.next_indicator",
            Command::PreviousIndicator => "view.previous_indicator",
            Command::ZoomInMap => "map.zoom_in",
            Command::ZoomOutMap => "map.zoom_out",
            Command::ResetMapView => "map.reset",
            Command::ToggleGrowthPoints => "layer.growth_points",
            Command::ToggleProjects => "layer.projects",
            Command::ToggleLabels => "layer.labels",
            Command::ToggleCorridors => "layer.corridors",
            Command::LanguageKk => "language.kk",
            Command::LanguageRu => "language.ru",
            Command::LanguageEn => "language.en",
            Command::ThemeLight => "theme.light",
            Command::ThemeProjector => "theme.projector",
            Command::ThemeDark => "theme.dark",
            Command::TextLarger => "text.larger",
            Command::TextSmaller => "text.smaller",
            Command::TextReset => "text.reset",
            Command::Present => "present.start",
            Command::NextSlide => "present.next",
            Command::PreviousSlide => "present.previous",
            Command::FirstSlide => "present.first",
            Command::LastSlide => "present.last",
            Command::AddSlide => "present.add_slide",
            Command::SlideList => "present.slides",
            Command::PlayPause => "present.play",
            Command::SpeakerNotes => "present.notes",
            Command::LeavePresentation => "present.leave",
            Command::Shortcuts => "help.shortcuts",
            Command::Palette => "help.palette",
            Command::About => "help.about",
        }
    }

    /// The command of this id.
    pub fn from_id(id: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.id() == id)
    }

    /// What the command is called in `lang` (also its tooltip's first line).
    pub fn label(self, lang: Lang) -> &'static str {
        crate::i18n::command_text::label(self, lang)
    }

    pub fn group(self) -> Group {
        use Command as C;
        match self {
            C::NewFile | C::OpenFile | C::SaveAs | C::Import | C::Export => Group::File,
            C::Undo | C::Redo | C::DataEditor => Group::Edit,
            C::Present
            | C::NextSlide
            | C::PreviousSlide
            | C::FirstSlide
            | C::LastSlide
            | C::AddSlide
            | C::SlideList
            | C::PlayPause
            | C::SpeakerNotes
            | C::LeavePresentation => Group::Presentation,
            C::Shortcuts | C::Palette | C::About => Group::Help,
            _ => Group::View,
        }
    }

    /// The keys that run the command; the first is the one shown. Slide keys are the ones
    /// presentation clickers send (→ ← PageDown PageUp). The text size keys are egui's own
    /// (`egui::gui_zoom::kb_shortcuts`), which egui handles itself at the end of each frame.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        use egui::gui_zoom::kb_shortcuts as zoom;
        match self {
            Command::NewFile => const { &[cmd(Key::N)] },
            Command::OpenFile => const { &[cmd(Key::O)] },
            Command::SaveAs => const { &[cmd_shift(Key::S)] },
            Command::Import => const { &[cmd(Key::I)] },
            Command::Export => const { &[cmd(Key::E)] },
            Command::Undo => const { &[cmd(Key::Z)] },
            Command::Redo => const { &[cmd_shift(Key::Z), cmd(Key::Y)] },
            Command::DataEditor => const { &[cmd(Key::D)] },
            Command::MapScreen => const { &[cmd(Key::Num1)] },
            Command::ScenariosScreen => const { &[cmd(Key::Num2)] },
            Command::PotentialScreen => const { &[cmd(Key::Num3)] },
            Command::CompareTab => const { &[cmd(Key::Num4)] },
            Command::AssumptionsTab => const { &[cmd(Key::Num5)] },
            Command::TargetsTab => const { &[cmd(Key::Num6)] },
            Command::NextYear => const { &[cmd(Key::ArrowRight)] },
            Command::PreviousYear => const { &[cmd(Key::ArrowLeft)] },
            Command::NextIndicator => const { &[cmd(Key::ArrowDown)] },
            Command::PreviousIndicator => const { &[cmd(Key::ArrowUp)] },
            Command::ZoomInMap => const { &[plain(Key::Plus), plain(Key::Equals)] },
            Command::ZoomOutMap => const { &[plain(Key::Minus)] },
            Command::ResetMapView => const { &[plain(Key::Num0)] },
            Command::ToggleGrowthPoints => const { &[plain(Key::G)] },
            Command::ToggleProjects => const { &[plain(Key::P)] },
            Command::ToggleLabels => const { &[plain(Key::L)] },
            Command::ToggleCorridors => const { &[plain(Key::C)] },
            Command::LanguageKk => const { &[alt(Key::Num1)] },
            Command::LanguageRu => const { &[alt(Key::Num2)] },
            Command::LanguageEn => const { &[alt(Key::Num3)] },
            Command::ThemeLight => const { &[alt(Key::Num4)] },
            Command::ThemeProjector => const { &[alt(Key::Num5)] },
            Command::ThemeDark => const { &[alt(Key::Num6)] },
            Command::TextLarger => const { &[zoom::ZOOM_IN, zoom::ZOOM_IN_SECONDARY] },
            Command::TextSmaller => const { &[zoom::ZOOM_OUT] },
            Command::TextReset => const { &[zoom::ZOOM_RESET] },
            Command::Present => const { &[plain(Key::F5)] },
            Command::NextSlide => {
                const { &[plain(Key::ArrowRight), plain(Key::PageDown), plain(Key::Space)] }
            }
            Command::PreviousSlide => const { &[plain(Key::ArrowLeft), plain(Key::PageUp)] },
            Command::FirstSlide => const { &[plain(Key::Home)] },
            Command::LastSlide => const { &[plain(Key::End)] },
            Command::AddSlide => const { &[cmd(Key::M)] },
            Command::SlideList => const { &[cmd(Key::L)] },
            Command::PlayPause => const { &[plain(Key::Y)] },
            Command::SpeakerNotes => const { &[plain(Key::N)] },
            Command::LeavePresentation => const { &[plain(Key::Escape)] },
            Command::Shortcuts => const { &[plain(Key::F1)] },
            Command::Palette => const { &[cmd(Key::K)] },
            Command::About => const { &[shift(Key::F1)] },
        }
    }

    /// The shortcut shown for the command.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Who handles the command's keys. The window's dispatch handles most; the text size
    /// keys are egui's own, and the keys of a running presentation are taken by presentation
    /// mode before any of its widgets (`ui::presentation::keys`). The help lists them all; the
    /// palette runs them all.
    pub fn key_handler(self) -> KeyHandler {
        use Command as C;
        match self {
            C::TextLarger | C::TextSmaller | C::TextReset => KeyHandler::Egui,
            C::NextSlide
            | C::PreviousSlide
            | C::FirstSlide
            | C::LastSlide
            | C::SpeakerNotes
            | C::LeavePresentation => KeyHandler::Presentation,
            _ => KeyHandler::Dispatch,
        }
    }

    /// Whether the command can run now. An unavailable command is greyed in the palette and
    /// its keys do nothing (they stay with whatever else wants them).
    pub fn available(self, state: &AppState) -> bool {
        self.effect(state).is_some()
    }

    /// What the command does in `state`, or None when it cannot run there: editing needs a
    /// writable file and something to undo or redo; slide keys need a presentation; year,
    /// indicator and map keys need a screen that shows them.
    pub fn effect(self, state: &AppState) -> Option<Effect> {
        use Command as C;
        let presenting = state.presenting();
        let one = |a: Action| Some(Effect::Actions(vec![a]));
        let gui = |g: GuiCommand| Some(Effect::Gui(g));
        // The File menu, the Data window and the import window live on the map screen.
        let on_map = |a: Action| {
            let mut actions = Vec::with_capacity(2);
            if state.screen() != Screen::Map {
                actions.push(Action::SetScreen(Screen::Map));
            }
            actions.push(a);
            (!presenting).then_some(Effect::Actions(actions))
        };
        let tab = |t: ScenarioTab| {
            let actions = vec![Action::SetScreen(Screen::Scenarios), Action::SetScenarioTab(t)];
            (!presenting).then_some(Effect::Actions(actions))
        };
        let writable = !state.read_only();
        match self {
            C::NewFile => on_map(Action::File(FileRequest::New)),
            C::OpenFile => on_map(Action::File(FileRequest::Open)),
            C::SaveAs => on_map(Action::File(FileRequest::SaveAs)),
            C::Import if writable => on_map(Action::ShowImport(true)),
            C::Export if !presenting => one(Action::ShowExport(!state.export_open())),
            C::Undo if writable && state.history().undo_len() > 0 => one(Action::Undo),
            C::Redo if writable && state.history().redo_len() > 0 => one(Action::Redo),
            C::DataEditor => {
                let open = state.screen() == Screen::Map && state.data_open();
                on_map(Action::ShowDataEditor(!open))
            }
            C::MapScreen if !presenting => one(Action::SetScreen(Screen::Map)),
            C::ScenariosScreen if !presenting => one(Action::SetScreen(Screen::Scenarios)),
            C::PotentialScreen if !presenting => one(Action::SetScreen(Screen::Potential)),
            C::CompareTab => tab(ScenarioTab::Compare),
            C::AssumptionsTab => tab(ScenarioTab::Assumptions),
            C::TargetsTab => tab(ScenarioTab::Targets),
            C::NextYear => step_year(state, 1).map(|a| Effect::Actions(vec![a])),
            C::PreviousYear => step_year(state, -1).map(|a| Effect::Actions(vec![a])),
            C::NextIndicator => step_indicator(state, 1).map(|a| Effect::Actions(vec![a])),
            C::PreviousIndicator => step_indicator(state, -1).map(|a| Effect::Actions(vec![a])),
            C::ZoomInMap => zoom(state, ZOOM_STEP).map(|a| Effect::Actions(vec![a])),
            C::ZoomOutMap => zoom(state, 1.0 / ZOOM_STEP).map(|a| Effect::Actions(vec![a])),
            C::ResetMapView => reset_view(state).map(|a| Effect::Actions(vec![a])),
            C::ToggleGrowthPoints => toggle_layer(state, Layer::GrowthPoints),
            C::ToggleProjects => toggle_layer(state, Layer::Projects),
            C::ToggleLabels => toggle_layer(state, Layer::Labels),
            C::ToggleCorridors if !state.dataset().corridors.is_empty() => {
                toggle_layer(state, Layer::Corridors)
            }
            C::LanguageKk => language(state, Lang::Kk),
            C::LanguageRu => language(state, Lang::Ru),
            C::LanguageEn => language(state, Lang::En),
            C::ThemeLight => theme(state, ThemeKind::Light),
            C::ThemeProjector => theme(state, ThemeKind::Projector),
            C::ThemeDark => theme(state, ThemeKind::Dark),
            C::TextLarger => gui(GuiCommand::TextLarger),
            C::TextSmaller => gui(GuiCommand::TextSmaller),
            C::TextReset => gui(GuiCommand::TextReset),
            C::Present if !presenting && !state.dataset().slides.is_empty() => {
                one(Action::StartPresentation(0))
            }
            C::NextSlide => {
                let last = state.dataset().slides.len().checked_sub(1)?;
                state.current_slide().filter(|s| *s < last).and(one(Action::NextSlide))
            }
            C::PreviousSlide => {
                state.current_slide().filter(|s| *s > 0).and(one(Action::PreviousSlide))
            }
            C::FirstSlide if presenting => one(Action::FirstSlide),
            C::LastSlide if presenting => one(Action::LastSlide),
            C::AddSlide if writable => one(Action::AddSlideFromView),
            C::SlideList if !presenting => one(Action::ShowSlides(!state.slides_open())),
            C::PlayPause if state.screen() == Screen::Map && state.years().len() > 1 => {
                one(Action::SetPlaying(!state.playing))
            }
            C::SpeakerNotes if presenting => gui(GuiCommand::ToggleNotes),
            C::LeavePresentation if presenting => one(Action::StopPresentation),
            C::Shortcuts => gui(GuiCommand::ToggleHelp),
            C::Palette => gui(GuiCommand::TogglePalette),
            C::About => one(Action::ShowAbout(true)),
            _ => None,
        }
    }

    /// Whether a key of the command may run while a text field is being typed in: function
    /// keys, and command-key shortcuts that neither move the text cursor nor are a text
    /// field's own (select all, clipboard, undo). Plain keys, arrows and Space never do.
    pub fn works_while_typing(shortcut: KeyboardShortcut) -> bool {
        let function_key = matches!(
            shortcut.logical_key,
            Key::F1
                | Key::F2
                | Key::F3
                | Key::F4
                | Key::F5
                | Key::F6
                | Key::F7
                | Key::F8
                | Key::F9
                | Key::F10
                | Key::F11
                | Key::F12
        );
        function_key
            || (shortcut.modifiers.command
                && !shortcut.conflicts_with_text_editing()
                && !TEXT_FIELD_KEYS.contains(&shortcut.logical_key))
    }
}

/// Which year control the current screen shows: the map's (its indicator's years) or the
/// comparison's (consecutive years between its sides' first and last).
enum YearScope {
    Map,
    Compare,
}

fn year_scope(state: &AppState) -> Option<YearScope> {
    match (state.screen(), state.scenario_tab()) {
        (Screen::Map, _) => Some(YearScope::Map),
        (Screen::Scenarios, ScenarioTab::Compare) => Some(YearScope::Compare),
        (Screen::Scenarios, _) => None,
        (Screen::Potential, _) => None,
    }
}

/// The year `step` years on (1 or −1) on the current screen; None at the end of its years.
fn step_year(state: &AppState, step: i32) -> Option<Action> {
    match year_scope(state)? {
        YearScope::Map => {
            let year = state.view().year;
            let years = state.years();
            let next = if step > 0 {
                years.iter().copied().find(|y| *y > year)
            } else {
                years.iter().copied().rev().find(|y| *y < year)
            };
            next.map(Action::SetYear)
        }
        YearScope::Compare => {
            let (first, last) = state.compare_years();
            let next = state.compare_year() + step;
            (first..=last).contains(&next).then_some(Action::SetCompareYear(next))
        }
    }
}

/// The indicator `step` places on (wrapping around) in the current screen's list; None when
/// the list has fewer than two.
fn step_indicator(state: &AppState, step: isize) -> Option<Action> {
    let ds = state.dataset();
    match year_scope(state)? {
        YearScope::Map => {
            let keys: Vec<&str> = ds.indicators.iter().map(|d| d.key.as_str()).collect();
            neighbour(&keys, &state.view().indicator, step)
                .map(|k| Action::SetIndicator(k.to_owned()))
        }
        YearScope::Compare => {
            let defs = super::scenarios::compare_indicators(ds);
            let keys: Vec<&str> = defs.iter().map(|d| d.key.as_str()).collect();
            neighbour(&keys, state.compare_indicator(), step)
                .map(|k| Action::SetCompareIndicator(k.to_owned()))
        }
    }
}

/// The item `step` places from `current` in `items`, wrapping around (the first one when
/// `current` is not there); None for fewer than two items.
fn neighbour<'a>(items: &[&'a str], current: &str, step: isize) -> Option<&'a str> {
    let n = items.len();
    if n < 2 {
        return None;
    }
    let at = items.iter().position(|k| *k == current);
    let index = match at {
        Some(i) => (i as isize + step).rem_euclid(n as isize) as usize,
        None => 0,
    };
    items.get(index).copied()
}

/// Zoom the shown map by `factor` around its centre; None at the zoom limit or without a map.
fn zoom(state: &AppState, factor: f32) -> Option<Action> {
    let within = |zoom: f32| {
        if factor > 1.0 { zoom < MAX_ZOOM } else { zoom > MIN_ZOOM }
    };
    match (state.screen(), state.scenario_tab()) {
        (Screen::Map, _) if within(state.camera().zoom) => {
            let anchor = centre(state.camera().center, state.scene().bounds);
            Some(Action::ZoomAt { factor, anchor })
        }
        (Screen::Scenarios, ScenarioTab::Compare) if within(state.compare_camera().zoom) => {
            let bounds = state.comparison().scenes[0].bounds;
            let anchor = centre(state.compare_camera().center, bounds);
            Some(Action::CompareZoomAt { factor, anchor })
        }
        _ => None,
    }
}

/// The camera's centre, or the middle of `bounds` while it has none.
fn centre(center: Option<crate::map::WorldPos>, bounds: [f32; 4]) -> crate::map::WorldPos {
    let [a, b, c, d] = bounds;
    center.unwrap_or([(a + c) / 2.0, (b + d) / 2.0])
}

/// Back to the whole country on the shown map; None when it already shows it.
fn reset_view(state: &AppState) -> Option<Action> {
    let whole = super::Camera::default();
    match (state.screen(), state.scenario_tab()) {
        (Screen::Map, _) if *state.camera() != whole => Some(Action::ResetCamera),
        (Screen::Scenarios, ScenarioTab::Compare) if *state.compare_camera() != whole => {
            Some(Action::CompareResetCamera)
        }
        _ => None,
    }
}

/// Switch a layer of the map screen on or off.
fn toggle_layer(state: &AppState, layer: Layer) -> Option<Effect> {
    if state.screen() != Screen::Map {
        return None;
    }
    let view = state.view();
    let on = match layer {
        Layer::GrowthPoints => view.show_growth_points,
        Layer::Projects => view.show_projects,
        Layer::Labels => view.show_labels,
        Layer::Corridors => view.show_corridors,
    };
    Some(Effect::Actions(vec![Action::SetLayer(layer, !on)]))
}

/// Switch to `lang`; None when it is the language shown.
fn language(state: &AppState, lang: Lang) -> Option<Effect> {
    (state.lang() != lang).then(|| Effect::Actions(vec![Action::SetLanguage(lang)]))
}

/// Switch to `kind`; None when it is the theme shown.
fn theme(state: &AppState, kind: ThemeKind) -> Option<Effect> {
    (state.theme() != kind).then(|| Effect::Actions(vec![Action::SetTheme(kind)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn state() -> AppState {
        let ds = crate::io::default_dataset::build().expect("default dataset");
        // Not written anywhere: the tests below only read the state.
        AppState::new(std::path::PathBuf::from("unused.gpkg"), ds, Lang::En)
    }

    fn actions(effect: Option<Effect>) -> Vec<Action> {
        match effect {
            Some(Effect::Actions(a)) => a,
            other => panic!("expected actions, got {other:?}"),
        }
    }

    #[test]
    fn no_two_commands_share_a_key_combination() {
        let mut seen = HashSet::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                assert!(seen.insert(*s), "{s:?} of {c:?} is taken");
            }
        }
        assert_eq!(seen.len(), 53);
    }

    #[test]
    fn every_command_is_listed_once_with_a_unique_id_that_finds_it_again() {
        let ids: HashSet<&str> = Command::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(ids.len(), Command::ALL.len());
        for c in Command::ALL {
            assert_eq!(Command::from_id(c.id()), Some(c));
            assert!(c.shortcut().is_some(), "{c:?} has a key");
        }
        assert_eq!(Command::from_id("view.nothing"), None);
    }

    #[test]
    fn groups_list_their_commands_in_help_order() {
        let groups: Vec<Group> = Command::ALL.iter().map(|c| c.group()).collect();
        let mut sorted = groups.clone();
        sorted.sort_by_key(|g| Group::ALL.iter().position(|x| x == g));
        assert_eq!(groups, sorted);
        assert_eq!(Command::Undo.group(), Group::Edit);
        assert_eq!(Command::NextSlide.group(), Group::Presentation);
    }

    /// What every command does in a window just opened on the default file: the map screen,
    /// English, the Light theme, the latest year, nothing edited, no presentation.
    #[test]
    fn every_commands_effect_in_a_window_just_opened() {
        use Command as C;
        let s = state();
        let years = s.years();
        let before_last = years[years.len() - 2];
        let keys: Vec<String> = s.dataset().indicators.iter().map(|d| d.key.clone()).collect();
        let at = keys.iter().position(|k| *k == s.view().indicator).unwrap();
        let next = keys[(at + 1) % keys.len()].clone();
        let previous = keys[(at + keys.len() - 1) % keys.len()].clone();
        let [a, b, c, d] = s.scene().bounds;
        let anchor = [(a + c) / 2.0, (b + d) / 2.0];
        let tab = |t| vec![Action::SetScreen(Screen::Scenarios), Action::SetScenarioTab(t)];
        for command in Command::ALL {
            let expected = match command {
                C::NewFile => Some(vec![Action::File(FileRequest::New)]),
                C::OpenFile => Some(vec![Action::File(FileRequest::Open)]),
                C::SaveAs => Some(vec![Action::File(FileRequest::SaveAs)]),
                C::Import => Some(vec![Action::ShowImport(true)]),
                C::Export => Some(vec![Action::ShowExport(true)]),
                C::Undo | C::Redo => None,
                C::DataEditor => Some(vec![Action::ShowDataEditor(true)]),
                C::MapScreen => Some(vec![Action::SetScreen(Screen::Map)]),
                C::ScenariosScreen => Some(vec![Action::SetScreen(Screen::Scenarios)]),
                C::PotentialScreen => Some(vec![Action::SetScreen(Screen::Potential)]),
                C::CompareTab => Some(tab(ScenarioTab::Compare)),
                C::AssumptionsTab => Some(tab(ScenarioTab::Assumptions)),
                C::TargetsTab => Some(tab(ScenarioTab::Targets)),
                C::NextYear => None,
                C::PreviousYear => Some(vec![Action::SetYear(before_last)]),
                C::NextIndicator => Some(vec![Action::SetIndicator(next.clone())]),
                C::PreviousIndicator => Some(vec![Action::SetIndicator(previous.clone())]),
                C::ZoomInMap => Some(vec![Action::ZoomAt { factor: ZOOM_STEP, anchor }]),
                C::ZoomOutMap => Some(vec![Action::ZoomAt { factor: 1.0 / ZOOM_STEP, anchor }]),
                C::ResetMapView => None,
                C::ToggleGrowthPoints => Some(vec![Action::SetLayer(Layer::GrowthPoints, false)]),
                C::ToggleProjects => Some(vec![Action::SetLayer(Layer::Projects, false)]),
                C::ToggleLabels => Some(vec![Action::SetLayer(Layer::Labels, false)]),
                // The default file has no corridor: the switch would change nothing.
                C::ToggleCorridors => None,
                C::LanguageKk => Some(vec![Action::SetLanguage(Lang::Kk)]),
                C::LanguageRu => Some(vec![Action::SetLanguage(Lang::Ru)]),
                C::LanguageEn => None,
                C::ThemeLight => None,
                C::ThemeProjector => Some(vec![Action::SetTheme(ThemeKind::Projector)]),
                C::ThemeDark => Some(vec![Action::SetTheme(ThemeKind::Dark)]),
                C::Present => Some(vec![Action::StartPresentation(0)]),
                C::NextSlide
                | C::PreviousSlide
                | C::FirstSlide
                | C::LastSlide
                | C::SpeakerNotes
                | C::LeavePresentation => None,
                C::AddSlide => Some(vec![Action::AddSlideFromView]),
                C::SlideList => Some(vec![Action::ShowSlides(true)]),
                C::PlayPause => Some(vec![Action::SetPlaying(true)]),
                C::About => Some(vec![Action::ShowAbout(true)]),
                C::TextLarger | C::TextSmaller | C::TextReset | C::Shortcuts | C::Palette => {
                    assert!(matches!(command.effect(&s), Some(Effect::Gui(_))), "{command:?}");
                    continue;
                }
            };
            assert_eq!(command.effect(&s), expected.map(Effect::Actions), "{command:?}");
        }
    }

    #[test]
    fn while_presenting_the_slide_keys_run_and_the_working_commands_rest() {
        let mut s = state();
        s.apply(Action::StartPresentation(0));
        assert!(s.presenting());
        let last = s.dataset().slides.len() - 1;
        assert_eq!(actions(Command::NextSlide.effect(&s)), vec![Action::NextSlide]);
        assert_eq!(Command::PreviousSlide.effect(&s), None, "the first slide");
        assert_eq!(actions(Command::LastSlide.effect(&s)), vec![Action::LastSlide]);
        assert_eq!(actions(Command::LeavePresentation.effect(&s)), vec![Action::StopPresentation]);
        assert_eq!(Command::SpeakerNotes.effect(&s), Some(Effect::Gui(GuiCommand::ToggleNotes)));
        for c in [Command::Present, Command::OpenFile, Command::MapScreen, Command::TargetsTab] {
            assert_eq!(c.effect(&s), None, "{c:?} while presenting");
        }
        s.apply(Action::GoToSlide(last));
        assert_eq!(Command::NextSlide.effect(&s), None, "the last slide");
        assert_eq!(actions(Command::PreviousSlide.effect(&s)), vec![Action::PreviousSlide]);
    }

    #[test]
    fn undo_and_redo_need_history_and_a_writable_file() {
        let mut s = state();
        assert_eq!(Command::Undo.effect(&s), None);
        assert_eq!(Command::Redo.effect(&s), None);
        let added = s.dataset().scenarios[0].clone();
        s.history.record(crate::app::edit::Edit::PutScenario { old: None, new: Some(added) });
        assert_eq!(actions(Command::Undo.effect(&s)), vec![Action::Undo]);
        s.set_read_only(true);
        assert!(!Command::Undo.available(&s));
    }

    #[test]
    fn next_year_moves_the_map_year_and_stops_at_the_last() {
        let mut s = state();
        let years = s.years().to_vec();
        let (first, last) = (years[0], *years.last().unwrap());
        assert_eq!(Command::NextYear.effect(&s), None, "the latest year is shown");
        assert_eq!(
            actions(Command::PreviousYear.effect(&s)),
            vec![Action::SetYear(years[years.len() - 2])]
        );
        s.apply(Action::SetYear(first));
        assert_eq!(actions(Command::NextYear.effect(&s)), vec![Action::SetYear(years[1])]);
        assert_eq!(Command::PreviousYear.effect(&s), None);
        assert!(last > first);
    }

    #[test]
    fn year_keys_step_the_comparison_on_the_compare_tab_and_nothing_on_assumptions() {
        let mut s = state();
        s.apply(Action::SetScreen(Screen::Scenarios));
        let (first, last) = s.compare_years();
        assert_eq!(s.compare_year(), last);
        assert_eq!(
            actions(Command::PreviousYear.effect(&s)),
            vec![Action::SetCompareYear(last - 1)]
        );
        s.apply(Action::SetCompareYear(first));
        assert_eq!(actions(Command::NextYear.effect(&s)), vec![Action::SetCompareYear(first + 1)]);
        s.apply(Action::SetScenarioTab(ScenarioTab::Assumptions));
        assert!(!Command::NextYear.available(&s));
        assert!(!Command::ZoomInMap.available(&s));
    }

    #[test]
    fn next_indicator_wraps_around_the_files_indicators() {
        let s = state();
        let keys: Vec<String> = s.dataset().indicators.iter().map(|d| d.key.clone()).collect();
        let at = keys.iter().position(|k| *k == s.view().indicator).unwrap();
        let next = keys[(at + 1) % keys.len()].clone();
        let previous = keys[(at + keys.len() - 1) % keys.len()].clone();
        assert_eq!(actions(Command::NextIndicator.effect(&s)), vec![Action::SetIndicator(next)]);
        assert_eq!(
            actions(Command::PreviousIndicator.effect(&s)),
            vec![Action::SetIndicator(previous)]
        );
        assert_eq!(neighbour(&["a", "b", "c"], "c", 1), Some("a"));
        assert_eq!(neighbour(&["a", "b", "c"], "a", -1), Some("c"));
        assert_eq!(neighbour(&["a"], "a", 1), None);
    }

    #[test]
    fn tabs_and_file_commands_switch_screen_first() {
        let mut s = state();
        assert_eq!(
            actions(Command::TargetsTab.effect(&s)),
            vec![
                Action::SetScreen(Screen::Scenarios),
                Action::SetScenarioTab(ScenarioTab::Targets)
            ]
        );
        assert_eq!(actions(Command::OpenFile.effect(&s)), vec![Action::File(FileRequest::Open)]);
        s.apply(Action::SetScreen(Screen::Scenarios));
        assert_eq!(
            actions(Command::SaveAs.effect(&s)),
            vec![Action::SetScreen(Screen::Map), Action::File(FileRequest::SaveAs)]
        );
        assert_eq!(
            actions(Command::DataEditor.effect(&s)),
            vec![Action::SetScreen(Screen::Map), Action::ShowDataEditor(true)]
        );
    }

    #[test]
    fn layer_language_and_theme_commands_toggle_or_switch() {
        let mut s = state();
        assert_eq!(
            actions(Command::ToggleLabels.effect(&s)),
            vec![Action::SetLayer(Layer::Labels, false)]
        );
        s.apply(Action::SetLayer(Layer::Labels, false));
        assert_eq!(
            actions(Command::ToggleLabels.effect(&s)),
            vec![Action::SetLayer(Layer::Labels, true)]
        );
        assert_eq!(Command::LanguageEn.effect(&s), None, "English is shown");
        assert_eq!(actions(Command::LanguageKk.effect(&s)), vec![Action::SetLanguage(Lang::Kk)]);
        assert_eq!(Command::ThemeLight.effect(&s), None);
        assert_eq!(actions(Command::ThemeDark.effect(&s)), vec![Action::SetTheme(ThemeKind::Dark)]);
    }

    #[test]
    fn map_zoom_keys_zoom_around_the_centre_and_reset_needs_a_moved_camera() {
        let mut s = state();
        assert_eq!(Command::ResetMapView.effect(&s), None);
        let [a, b, c, d] = s.scene().bounds;
        let anchor = [(a + c) / 2.0, (b + d) / 2.0];
        assert_eq!(
            actions(Command::ZoomInMap.effect(&s)),
            vec![Action::ZoomAt { factor: ZOOM_STEP, anchor }]
        );
        s.apply(Action::ZoomAt { factor: ZOOM_STEP, anchor });
        assert_eq!(actions(Command::ResetMapView.effect(&s)), vec![Action::ResetCamera]);
    }

    #[test]
    fn slide_keys_need_a_presentation_and_present_needs_slides() {
        let s = state();
        assert!(!s.dataset().slides.is_empty(), "the default file ships a deck");
        assert_eq!(actions(Command::Present.effect(&s)), vec![Action::StartPresentation(0)]);
        for c in [
            Command::NextSlide,
            Command::PreviousSlide,
            Command::FirstSlide,
            Command::LastSlide,
            Command::LeavePresentation,
        ] {
            assert!(!c.available(&s), "{c:?} without a presentation");
        }
    }

    #[test]
    fn help_and_text_size_commands_are_the_windows_own() {
        let s = state();
        assert_eq!(Command::Shortcuts.effect(&s), Some(Effect::Gui(GuiCommand::ToggleHelp)));
        assert_eq!(Command::Palette.effect(&s), Some(Effect::Gui(GuiCommand::TogglePalette)));
        assert_eq!(Command::TextLarger.effect(&s), Some(Effect::Gui(GuiCommand::TextLarger)));
        assert_eq!(Command::TextReset.key_handler(), KeyHandler::Egui);
        assert_eq!(Command::NextSlide.key_handler(), KeyHandler::Presentation);
        assert_eq!(Command::Present.key_handler(), KeyHandler::Dispatch);
        assert_eq!(actions(Command::About.effect(&s)), vec![Action::ShowAbout(true)]);
    }

    #[test]
    fn only_function_keys_and_non_editing_command_keys_work_while_typing() {
        let works = |c: Command| Command::works_while_typing(c.shortcuts()[0]);
        assert!(works(Command::Shortcuts));
        assert!(works(Command::Present));
        assert!(works(Command::Palette));
        assert!(works(Command::SaveAs));
        assert!(!works(Command::Undo), "Ctrl+Z is the text field's own undo");
        assert!(!works(Command::NextYear), "Ctrl+→ moves the text cursor by a word");
        assert!(!works(Command::ToggleLabels));
        assert!(!works(Command::NextSlide));
    }
}
