//! Texts of the Potential screen: the typology's class map, weights, ranking and region profile,
//! the local clusters (LISA) with the global Moran's I, and the class change between two states.

use crate::model::Lang;

/// One fixed string of the Potential screen; `get` gives it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PotentialText {
    /// The top bar's button.
    Screen,
    TabClasses,
    TabClusters,
    TabChange,
    Weights,
    WeightsHint,
    DefaultWeights,
    Ranking,
    Profile,
    NoSelection,
    Index,
    Class,
    Rank,
    Value,
    Median,
    Contribution,
    Missing,
    /// After the list of a region's missing components under the rescale rule.
    RescaledNote,
    /// The legend's heading over the LISA categories.
    ClustersTitle,
    Significance,
    MoranTitle,
    HighHigh,
    LowLow,
    HighLow,
    LowHigh,
    NotSignificant,
    NoNeighbours,
    From,
    To,
    Up,
    Same,
    Down,
    Unknown,
    ChangeTitle,
    TransitionTable,
    /// The corner of the transition table: rows are the first state's classes.
    FromClassToClass,
    Regions,
    MapLabel,
    ChangeMapLabel,
    RankingLabel,
    HigherIsBetter,
    LowerIsBetter,
    /// The subtitle of the class map.
    IndexSubtitle,
    SaveMap,
    /// The switch of the neighbour graph over the map.
    Neighbours,
    SaveSvg,
    SavePng,
    /// Before the path the map was saved to.
    Saved,
    Method,
    /// Before the year or scenario horizon the classes are computed for.
    StateOf,
    /// Before the list of indicators to add as a component.
    AddComponent,
    /// The accessible name of a component's remove button (before its name).
    RemoveComponent,
    /// The accessible name of a component's direction switch (before its name).
    Direction,
    DirectionHint,
    Normalisation,
    MinMax,
    ZScore,
    Classification,
    ThreeClasses,
    Quantiles,
    NaturalBreaks,
    KMeans,
    ClassCount,
    MissingRule,
    Rescale,
    Insufficient,
    /// The heading over the saved typologies.
    Typology,
    /// The built-in default typology in the list of saved ones.
    BuiltIn,
    /// The accessible name of the field a typology is saved under.
    TypologyName,
    SaveAs,
    DeleteTypology,
    ConfirmDelete,
    Cancel,
}

impl PotentialText {
    /// Every text, for checks over all of them.
    pub const ALL: [PotentialText; 73] = [
        PotentialText::Screen,
        PotentialText::TabClasses,
        PotentialText::TabClusters,
        PotentialText::TabChange,
        PotentialText::Weights,
        PotentialText::WeightsHint,
        PotentialText::DefaultWeights,
        PotentialText::Ranking,
        PotentialText::Profile,
        PotentialText::NoSelection,
        PotentialText::Index,
        PotentialText::Class,
        PotentialText::Rank,
        PotentialText::Value,
        PotentialText::Median,
        PotentialText::Contribution,
        PotentialText::Missing,
        PotentialText::RescaledNote,
        PotentialText::ClustersTitle,
        PotentialText::Significance,
        PotentialText::MoranTitle,
        PotentialText::HighHigh,
        PotentialText::LowLow,
        PotentialText::HighLow,
        PotentialText::LowHigh,
        PotentialText::NotSignificant,
        PotentialText::NoNeighbours,
        PotentialText::From,
        PotentialText::To,
        PotentialText::Up,
        PotentialText::Same,
        PotentialText::Down,
        PotentialText::Unknown,
        PotentialText::ChangeTitle,
        PotentialText::TransitionTable,
        PotentialText::FromClassToClass,
        PotentialText::Regions,
        PotentialText::MapLabel,
        PotentialText::ChangeMapLabel,
        PotentialText::RankingLabel,
        PotentialText::HigherIsBetter,
        PotentialText::LowerIsBetter,
        PotentialText::IndexSubtitle,
        PotentialText::SaveMap,
        PotentialText::Neighbours,
        PotentialText::SaveSvg,
        PotentialText::SavePng,
        PotentialText::Saved,
        PotentialText::Method,
        PotentialText::StateOf,
        PotentialText::AddComponent,
        PotentialText::RemoveComponent,
        PotentialText::Direction,
        PotentialText::DirectionHint,
        PotentialText::Normalisation,
        PotentialText::MinMax,
        PotentialText::ZScore,
        PotentialText::Classification,
        PotentialText::ThreeClasses,
        PotentialText::Quantiles,
        PotentialText::NaturalBreaks,
        PotentialText::KMeans,
        PotentialText::ClassCount,
        PotentialText::MissingRule,
        PotentialText::Rescale,
        PotentialText::Insufficient,
        PotentialText::Typology,
        PotentialText::BuiltIn,
        PotentialText::TypologyName,
        PotentialText::SaveAs,
        PotentialText::DeleteTypology,
        PotentialText::ConfirmDelete,
        PotentialText::Cancel,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use PotentialText as T;
        let [kk, ru, en] = match self {
            T::Screen => ["Әлеует", "Потенциал", "Potential"],
            T::TabClasses => ["Сыныптар", "Классы", "Classes"],
            T::TabClusters => {
                ["Жергілікті кластерлер", "Локальные кластеры", "Local clusters (LISA)"]
            }
            T::TabChange => ["Сынып өзгерісі", "Смена классов", "Class change"],
            T::Weights => ["Салмақтар", "Веса", "Weights"],
            T::WeightsHint => [
                "Тек салмақтардың арақатынасы маңызды; карта мен рейтинг бірден жаңарады.",
                "Важны только пропорции весов; карта и рейтинг обновляются сразу.",
                "Only the proportions between weights matter; the map and ranking update at once.",
            ],
            T::DefaultWeights => ["Әдепкі салмақтар", "Веса по умолчанию", "Default weights"],
            T::Typology => ["Типология", "Типология", "Typology"],
            T::BuiltIn => {
                ["Әдепкі (кірістірілген)", "По умолчанию (встроенная)", "Default (built-in)"]
            }
            T::TypologyName => ["Типология атауы", "Название типологии", "Typology name"],
            T::SaveAs => ["Басқаша сақтау…", "Сохранить как…", "Save as…"],
            T::DeleteTypology => ["Жою", "Удалить", "Delete"],
            T::ConfirmDelete => {
                ["Бұл типологияны жою керек пе?", "Удалить эту типологию?", "Delete this typology?"]
            }
            T::Cancel => ["Бас тарту", "Отмена", "Cancel"],
            T::Ranking => ["Өңірлер рейтингі", "Рейтинг регионов", "Ranking of regions"],
            T::Profile => ["Өңір бейіні", "Профиль региона", "Region profile"],
            T::NoSelection => [
                "Бейінін көру үшін картадан өңірді таңдаңыз.",
                "Выберите регион на карте, чтобы увидеть его профиль.",
                "Select a region on the map to see its profile.",
            ],
            T::Index => ["Индекс", "Индекс", "Index"],
            T::Class => ["Сынып", "Класс", "Class"],
            T::Rank => ["Орны", "Место", "Rank"],
            T::Value => ["Мәні", "Значение", "Value"],
            T::Median => ["Ел медианасы", "Медиана по стране", "National median"],
            T::Contribution => ["Үлесі", "Вклад", "Contribution"],
            T::Missing => ["Деректер жоқ", "Нет данных", "Missing"],
            T::RescaledNote => [
                "салмақтар қалған құрамдастарға бөлінді",
                "веса перераспределены на остальные компоненты",
                "its weights are rescaled over the other components",
            ],
            T::ClustersTitle => [
                "Индекстің жергілікті кластерлері",
                "Локальные кластеры индекса",
                "Local clusters of the index (LISA)",
            ],
            T::Significance => ["Мәнділік деңгейі", "Уровень значимости", "Significance level"],
            T::MoranTitle => {
                ["Моранның жаһандық индексі", "Глобальный индекс Морана", "Global Moran's I"]
            }
            T::HighHigh => ["Жоғары – жоғары", "Высокий – высокий", "High – high"],
            T::LowLow => ["Төмен – төмен", "Низкий – низкий", "Low – low"],
            T::HighLow => ["Жоғары – төмен", "Высокий – низкий", "High – low"],
            T::LowHigh => ["Төмен – жоғары", "Низкий – высокий", "Low – high"],
            T::NotSignificant => ["Мәнді емес", "Не значимо", "Not significant"],
            T::NoNeighbours => [
                "Көршілер мен индексі бар өңірлер тым аз.",
                "Слишком мало регионов с соседями и индексом.",
                "Too few regions with neighbours and an index.",
            ],
            T::From => ["Бастапқы күй", "Исходное состояние", "From"],
            T::To => ["Салыстырылатын күй", "Сравниваемое состояние", "To"],
            T::Up => ["Жоғары сыныпқа", "В более высокий класс", "Up a class"],
            T::Same => ["Сол сыныпта", "В том же классе", "Same class"],
            T::Down => ["Төмен сыныпқа", "В более низкий класс", "Down a class"],
            T::Unknown => [
                "Белгісіз (деректер жеткіліксіз)",
                "Неизвестно (недостаточно данных)",
                "Unknown (insufficient data)",
            ],
            T::ChangeTitle => ["Сынып өзгерісі", "Смена класса", "Change of class"],
            T::TransitionTable => [
                "Сыныптар арасындағы ауысулар",
                "Переходы между классами",
                "Transitions between classes",
            ],
            T::FromClassToClass => {
                ["Қай сыныптан » қай сыныпқа", "Из класса » в класс", "From class » to class"]
            }
            T::Regions => ["Өңірлер", "Регионы", "Regions"],
            T::MapLabel => [
                "Әлеует сыныптарының картасы",
                "Карта классов потенциала",
                "Map of potential classes",
            ],
            T::ChangeMapLabel => {
                ["Сынып өзгерісінің картасы", "Карта смены классов", "Map of class changes"]
            }
            T::RankingLabel => [
                "Өңірлер рейтингі, құрамдастар үлесімен",
                "Рейтинг регионов с вкладами компонентов",
                "Ranking of regions with the components' contributions",
            ],
            T::HigherIsBetter => ["көп болған жақсы", "больше — лучше", "higher is better"],
            T::LowerIsBetter => ["аз болған жақсы", "меньше — лучше", "lower is better"],
            T::SaveMap => ["Картаны сақтау", "Сохранить карту", "Save the map"],
            T::Neighbours => [
                "Көршілер (ортақ шекара не нүкте)",
                "Соседи (общая граница или точка)",
                "Neighbours (a shared border or point)",
            ],
            T::SaveSvg => ["Сурет (векторлық)", "Рисунок (векторный)", "SVG image"],
            T::SavePng => ["Сурет (растрлық)", "Рисунок (растровый)", "PNG image"],
            T::Saved => ["Сақталды:", "Сохранено:", "Saved to"],
            T::Method => ["Әдіс", "Метод", "Method"],
            T::Normalisation => ["Нормалау", "Нормировка", "Normalisation"],
            T::MinMax => ["Ең аз – ең көп", "Мин – макс", "Min–max"],
            T::ZScore => ["Стандарттау", "Стандартизация", "Z-score"],
            T::Classification => ["Сыныптар", "Классы", "Classes"],
            T::ThreeClasses => {
                ["Жоғары / орташа / төмен", "Высокий / средний / низкий", "High / medium / low"]
            }
            T::Quantiles => ["Квантильдер", "Квантили", "Quantiles"],
            T::NaturalBreaks => [
                "Табиғи шекаралар (Дженкс)",
                "Естественные границы (Дженкс)",
                "Natural breaks (Jenks)",
            ],
            T::KMeans => ["К-орташалар әдісі", "Метод К-средних", "k-means"],
            T::ClassCount => ["Сынып саны", "Число классов", "Number of classes"],
            T::StateOf => ["Жыл немесе сценарий", "Год или сценарий", "Year or scenario"],
            T::AddComponent => ["Көрсеткіш қосу", "Добавить показатель", "Add an indicator"],
            T::RemoveComponent => ["Алып тастау", "Убрать", "Remove"],
            T::Direction => ["Бағыты", "Направление", "Direction"],
            T::DirectionHint => [
                "Басыңыз: көп болған жақсы ма, әлде аз болған жақсы ма",
                "Нажмите, чтобы сменить: больше — лучше или меньше — лучше",
                "Click to switch between higher is better and lower is better",
            ],
            T::MissingRule => ["Деректер жоқ болса", "Если данных нет", "Missing values"],
            T::Rescale => {
                ["Салмақтарды қайта бөлу", "Перераспределить веса", "Rescale the weights"]
            }
            T::Insufficient => [
                "«Деректер жеткіліксіз» деп белгілеу",
                "Отметить «недостаточно данных»",
                "Mark «insufficient data»",
            ],
            T::IndexSubtitle => [
                "Құрама әлеует индексі",
                "Сводный индекс потенциала",
                "Composite index of potential",
            ],
        };
        match lang {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

/// Global Moran's I as a line of numbers: I, E[I], z and the pseudo p-value of the permutations
/// (the symbols are the same in every language, as in the literature).
pub fn moran_line(i: f64, expected: f64, z: Option<f64>, p: Option<f64>, lang: Lang) -> String {
    let num = |v: f64| crate::i18n::format_number(v, 3, lang);
    let mut line = format!("I = {} · E[I] = {}", num(i), num(expected));
    if let Some(z) = z {
        line.push_str(&format!(" · z = {}", num(z)));
    }
    if let Some(p) = p {
        line.push_str(&format!(" · p = {}", num(p)));
    }
    line
}

/// "{n} permutations" under Moran's I.
pub fn permutations_note(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{n} рет ауыстыру, тұрақты бастапқы сан"),
        Lang::Ru => format!("{n} перестановок, фиксированное начальное число"),
        Lang::En => format!("{n} permutations, fixed seed"),
    }
}

/// Texts of an exported Potential slide (the screen's own are [`PotentialText`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PotentialSlideText {
    /// A Potential slide without its typology (the file was edited by hand).
    NoTypology,
    /// Before the reason a typology, its clusters or its class change cannot be computed.
    CannotCompute,
    /// The heading over the regions lacking a component.
    IncompleteRegions,
    /// Before a component's weight in the ranking's key.
    Weight,
    /// The heading over the regions of each LISA category.
    ClusterRegions,
    /// What the rescale rule did to the regions lacking a component.
    RescaledRule,
    /// What the insufficient-data rule did to the regions lacking a component.
    InsufficientRule,
}

impl PotentialSlideText {
    /// Every text, for checks over all of them.
    pub const ALL: [PotentialSlideText; 7] = [
        PotentialSlideText::NoTypology,
        PotentialSlideText::CannotCompute,
        PotentialSlideText::IncompleteRegions,
        PotentialSlideText::Weight,
        PotentialSlideText::ClusterRegions,
        PotentialSlideText::RescaledRule,
        PotentialSlideText::InsufficientRule,
    ];

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use PotentialSlideText as S;
        let [kk, ru, en] = match self {
            S::NoTypology => [
                "Бұл слайдта типология сақталмаған.",
                "В этом слайде не сохранена типология.",
                "This slide holds no typology.",
            ],
            S::CannotCompute => {
                ["Есептеу мүмкін емес", "Рассчитать невозможно", "Cannot be computed"]
            }
            S::IncompleteRegions => [
                "Деректері толық емес өңірлер",
                "Регионы с неполными данными",
                "Regions with incomplete data",
            ],
            S::Weight => ["салмағы", "вес", "weight"],
            S::RescaledRule => [
                "салмақтар қалған құрамдастарға бөлінді",
                "веса перераспределены на остальные компоненты",
                "weights rescaled over the other components",
            ],
            S::InsufficientRule => [
                "деректер жеткіліксіз: индексі, сыныбы мен орны жоқ",
                "недостаточно данных: без индекса, класса и места",
                "insufficient data: no index, class or rank",
            ],
            S::ClusterRegions => {
                ["Кластерлердегі өңірлер", "Регионы в кластерах", "Regions in clusters"]
            }
        };
        match lang {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_slide_texts_have_no_latin_letters() {
        for lang in [Lang::Kk, Lang::Ru] {
            for t in PotentialSlideText::ALL {
                let text = t.get(lang);
                assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{lang:?}: «{text}»");
            }
        }
        assert_eq!(PotentialSlideText::Weight.get(Lang::Kk), "салмағы");
    }

    #[test]
    fn kazakh_and_russian_potential_texts_have_no_latin_letters() {
        for lang in [Lang::Kk, Lang::Ru] {
            let mut texts: Vec<String> =
                PotentialText::ALL.iter().map(|t| t.get(lang).to_string()).collect();
            texts.push(permutations_note(999, lang));
            for t in &texts {
                assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "{lang:?}: «{t}»");
            }
        }
    }

    #[test]
    fn no_word_mixes_latin_and_cyrillic_letters() {
        let source = include_str!("potential_text.rs");
        assert_eq!(crate::io::names::mixed_script_words(source), Vec::<&str>::new());
    }

    #[test]
    fn moran_line_gives_every_number_with_its_symbol() {
        let line = moran_line(0.25, -0.0526, Some(2.1), Some(0.03), Lang::En);
        assert_eq!(line, "I = 0.250 · E[I] = −0.053 · z = 2.100 · p = 0.030");
    }
}
