//! Matching region names as statistics files write them ("Акмолинская обл.", "г.Астана", "ВКО",
//! "Akmola Region", "Нур-Султан") to the region codes of a [`Dataset`], choosing the unit that
//! existed in the row's year when a name outlived a boundary reform.

use std::collections::HashMap;

use crate::model::{Dataset, NATIONAL_CODE, Region, RegionKind};

/// Words that say what kind of unit a name is, stripped before comparing names.
const OBLAST_WORDS: [&str; 6] = ["область", "обл", "облысы", "region", "oblast", "oblysy"];
const CITY_WORDS: [&str; 7] = ["г", "город", "қаласы", "қала", "city", "kalasy", "qalasy"];

/// Abbreviations, old names and other spellings, mapped to a form a region of the dataset carries
/// (each side is folded before use).
const ALIASES: [(&str, &str); 24] = [
    ("ВКО", "Восточно-Казахстанская"),
    ("ЗКО", "Западно-Казахстанская"),
    ("СКО", "Северо-Казахстанская"),
    ("ЮКО", "Южно-Казахстанская"),
    ("ШҚО", "Шығыс Қазақстан"),
    ("БҚО", "Батыс Қазақстан"),
    ("ОҚО", "Оңтүстік Қазақстан"),
    ("Нур-Султан", "Астана"),
    ("Nur-Sultan", "Astana"),
    ("Нұр-Сұлтан", "Астана"),
    ("Чимкент", "Шымкент"),
    ("Кустанайская", "Костанайская"),
    ("Zhambyl", "Jambyl"),
    ("Жамбыл", "Жамбылская"),
    ("Karagandy", "Karaganda"),
    ("Kostanai", "Kostanay"),
    ("Mangistau", "Mangystau"),
    ("Turkestan", "Turkistan"),
    ("Abai", "Abay"),
    ("Zhetysu", "Jetisu"),
    ("Жетысу", "Жетісу"),
    ("Жетысуская", "Жетісу"),
    ("Абайская", "Абай"),
    ("Улытауская", "Ұлытау"),
];

/// Names of the whole country (after folding and dropping the unit words).
const NATIONAL_NAMES: [&str; 8] = [
    "Республика Казахстан",
    "Казахстан",
    "Kazakhstan",
    "Republic of Kazakhstan",
    "Қазақстан Республикасы",
    "РК",
    "Всего по республике",
    "Итого",
];

/// Lower-cases and folds a character so spelling variants meet: `ё`→`е`, Kazakh letters to their
/// Russian look-alikes (`қ`→`к`), Latin letters that look like Cyrillic ones (in either case) to
/// that Cyrillic letter. Lower-casing comes first so "ABAY" and "Abay" fold alike.
fn fold_char(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'a' | 'ә' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' | 'ё' => 'е',
        'h' => 'н',
        'k' | 'қ' => 'к',
        'm' => 'м',
        'o' | 'ө' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' | 'һ' => 'х',
        'y' | 'ұ' | 'ү' => 'у',
        'i' | 'і' => 'и',
        'ғ' => 'г',
        'ң' => 'н',
        other => other,
    }
}

/// The words of a name, folded, without footnote numbers and marks ("область¹", "2)", "*").
fn folded_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(fold_char).collect())
        .collect()
}

fn fold(name: &str) -> String {
    folded_words(name).join(" ")
}

/// The kind of unit a name announces by its words ("область", "г.", "city"), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    Oblast,
    City,
}

/// Matches region names to codes. Built once per dataset; lookups are hash look-ups.
#[derive(Debug, Clone)]
pub struct RegionMatcher {
    /// Folded core name → indices into `units`.
    by_core: HashMap<String, Vec<usize>>,
    units: Vec<Unit>,
    /// Folded alias → folded core it stands for.
    aliases: HashMap<String, String>,
    national: Vec<String>,
    /// Folded unit words ("область", "г", "city").
    oblast: Vec<String>,
    city: Vec<String>,
}

#[derive(Debug, Clone)]
struct Unit {
    code: String,
    kind: RegionKind,
    valid_from: Option<i32>,
    valid_to: Option<i32>,
}

impl Unit {
    fn valid_in(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|from| from <= year) && self.valid_to.is_none_or(|to| year < to)
    }

    /// Years between `year` and the unit's span (0 inside it).
    fn distance(&self, year: i32) -> i32 {
        match (self.valid_from, self.valid_to) {
            (Some(from), _) if year < from => from - year,
            (_, Some(to)) if year >= to => year - to + 1,
            _ => 0,
        }
    }
}

/// A name's core (unit words dropped) and the kind its words announce.
fn core_and_hint(name: &str, oblast: &[String], city: &[String]) -> (String, Option<Hint>) {
    let mut hint = None;
    let mut core = Vec::new();
    for word in folded_words(name) {
        if oblast.contains(&word) {
            hint = Some(Hint::Oblast);
        } else if city.contains(&word) {
            hint = Some(Hint::City);
        } else {
            core.push(word);
        }
    }
    (core.join(" "), hint)
}

/// What a name matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionMatch<'a> {
    /// Region code, or [`NATIONAL_CODE`] for the whole country.
    pub code: &'a str,
    /// False when the name matched only units that did not exist in the row's year (a back-cast
    /// series, such as Shymkent before 2018); `code` is then the unit nearest in time.
    pub valid_in_year: bool,
}

impl RegionMatcher {
    /// Indexes the kk, ru and en names of every region of `dataset`.
    pub fn new(dataset: &Dataset) -> RegionMatcher {
        Self::from_regions(&dataset.regions)
    }

    /// Indexes the kk, ru and en names of `regions`.
    pub fn from_regions(regions: &[Region]) -> RegionMatcher {
        let oblast: Vec<String> = OBLAST_WORDS.iter().map(|w| fold(w)).collect();
        let city: Vec<String> = CITY_WORDS.iter().map(|w| fold(w)).collect();
        let mut by_core: HashMap<String, Vec<usize>> = HashMap::new();
        let mut units = Vec::with_capacity(regions.len());
        for (index, region) in regions.iter().enumerate() {
            for name in [&region.names.kk, &region.names.ru, &region.names.en] {
                let (core, _) = core_and_hint(name, &oblast, &city);
                let entry = by_core.entry(core).or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
            units.push(Unit {
                code: region.code.clone(),
                kind: region.kind,
                valid_from: region.valid_from,
                valid_to: region.valid_to,
            });
        }
        let aliases = ALIASES
            .iter()
            .map(|(alias, target)| (fold(alias), core_and_hint(target, &oblast, &city).0))
            .collect();
        let national = NATIONAL_NAMES.iter().map(|n| fold(n)).collect();
        RegionMatcher { by_core, units, aliases, national, oblast, city }
    }

    /// The unit `name` stands for in `year`, or `None` when the name is not a region of
    /// Kazakhstan. Case, spacing, punctuation, `ё`/`е` and Latin/Cyrillic look-alikes are ignored.
    ///
    /// Among units with that name the one existing in `year` wins ("ВКО" in 2015 is
    /// `KZ-VOS@2018`, in 2023 `KZ-VOS`); a bare name shared by a city and an oblast ("Алматы")
    /// is the city, since oblasts are written with "область"/"облысы"/"Region".
    pub fn find(&self, name: &str, year: i32) -> Option<RegionMatch<'_>> {
        let (core, hint) = core_and_hint(name, &self.oblast, &self.city);
        if core.is_empty() {
            return None;
        }
        if hint.is_none() && self.national.contains(&fold(name)) {
            return Some(RegionMatch { code: NATIONAL_CODE, valid_in_year: true });
        }
        let indices = self
            .by_core
            .get(&core)
            .or_else(|| self.aliases.get(&core).and_then(|target| self.by_core.get(target)))?;
        let of_kind = |kind: RegionKind| {
            indices.iter().filter_map(|&i| self.units.get(i)).filter(move |u| u.kind == kind)
        };
        let candidates: Vec<&Unit> = match hint {
            Some(Hint::Oblast) => of_kind(RegionKind::Oblast).collect(),
            Some(Hint::City) => of_kind(RegionKind::City).collect(),
            None if of_kind(RegionKind::City).next().is_some() => {
                of_kind(RegionKind::City).collect()
            }
            None => of_kind(RegionKind::Oblast).collect(),
        };
        let best = candidates.into_iter().min_by_key(|u| u.distance(year))?;
        Some(RegionMatch { code: &best.code, valid_in_year: best.valid_in(year) })
    }

    /// The code valid in `year` for `name`: like [`find`](Self::find), but `None` also when the
    /// name's unit did not exist that year.
    pub fn code_in_year(&self, name: &str, year: i32) -> Option<&str> {
        self.find(name, year).filter(|m| m.valid_in_year).map(|m| m.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_dataset;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn dataset() -> &'static Dataset {
        static DATASET: OnceLock<Dataset> = OnceLock::new();
        DATASET.get_or_init(|| match default_dataset::build() {
            Ok(ds) => ds,
            Err(e) => panic!("default dataset: {e}"),
        })
    }

    fn matcher() -> &'static RegionMatcher {
        static MATCHER: OnceLock<RegionMatcher> = OnceLock::new();
        MATCHER.get_or_init(|| RegionMatcher::new(dataset()))
    }

    fn code(name: &str, year: i32) -> Option<&'static str> {
        matcher().code_in_year(name, year)
    }

    #[test]
    fn akmola_in_every_usual_form() {
        for name in [
            "Акмолинская",
            "Акмолинская обл.",
            "Акмолинская область",
            "  АКМОЛИНСКАЯ   ОБЛАСТЬ ",
            "Ақмола облысы",
            "Акмола облысы",
            "Akmola Region",
            "Akmola oblast",
            "akmola region",
            "Акмолинская область¹",
            "Акмолинская область 2)",
        ] {
            assert_eq!(code(name, 2020), Some("KZ-AKM"), "{name}");
        }
    }

    #[test]
    fn cities_in_every_usual_form() {
        for name in
            ["г.Астана", "г. Астана", "Астана қаласы", "город Астана", "Astana", "Astana city"]
        {
            assert_eq!(code(name, 2023), Some("KZ-AST"), "{name}");
        }
        for name in ["город Алматы", "г.Алматы", "Алматы қаласы", "Almaty", "Алматы"]
        {
            assert_eq!(code(name, 2023), Some("KZ-ALA"), "{name}");
        }
        assert_eq!(code("Шымкент қаласы", 2020), Some("KZ-SHY"));
    }

    #[test]
    fn abbreviations_of_the_kazakhstan_oblasts() {
        assert_eq!(code("ЗКО", 2020), Some("KZ-ZAP"));
        assert_eq!(code("СКО", 2020), Some("KZ-SEV"));
        assert_eq!(code("ВКО", 2023), Some("KZ-VOS"));
        assert_eq!(code("ЮКО", 2015), Some("KZ-YUZ@2010"));
        assert_eq!(code("БҚО", 2020), Some("KZ-ZAP"));
        assert_eq!(code("ШҚО", 2023), Some("KZ-VOS"));
        assert_eq!(code("ОҚО", 2012), Some("KZ-YUZ@2010"));
    }

    #[test]
    fn old_names_match_the_renamed_unit() {
        assert_eq!(code("Nur-Sultan", 2020), Some("KZ-AST"));
        assert_eq!(code("Нур-Султан", 2020), Some("KZ-AST"));
        assert_eq!(code("г. Нур-Султан", 2021), Some("KZ-AST"));
        assert_eq!(code("Чимкент", 2020), Some("KZ-SHY"));
        assert_eq!(code("Южно-Казахстанская", 2016), Some("KZ-YUZ@2010"));
        assert_eq!(code("Южно-Казахстанская область", 2010), Some("KZ-YUZ@2010"));
        assert_eq!(code("Туркестанская область", 2019), Some("KZ-YUZ"));
    }

    #[test]
    fn a_name_whose_unit_changed_matches_the_unit_of_that_year() {
        assert_eq!(code("ВКО", 2015), Some("KZ-VOS@2018"));
        assert_eq!(code("Восточно-Казахстанская", 2015), Some("KZ-VOS@2018"));
        assert_eq!(code("Восточно-Казахстанская", 2023), Some("KZ-VOS"));
        assert_eq!(code("East Kazakhstan Region", 2021), Some("KZ-VOS@2018"));
        assert_eq!(code("Алматинская", 2020), Some("KZ-ALM@2018"));
        assert_eq!(code("Алматинская область", 2024), Some("KZ-ALM"));
        assert_eq!(code("Алматы облысы", 2020), Some("KZ-ALM@2018"));
        assert_eq!(code("Карагандинская", 2019), Some("KZ-KAR@2018"));
        assert_eq!(code("Карагандинская", 2022), Some("KZ-KAR"));
    }

    #[test]
    fn a_unit_outside_its_years_is_found_but_flagged() {
        // Shymkent became a city of republican significance in 2018; statistics back-cast it.
        let found = matcher().find("г. Шымкент", 2015);
        assert_eq!(found, Some(RegionMatch { code: "KZ-SHY", valid_in_year: false }));
        assert_eq!(code("г. Шымкент", 2015), None);
        let found = matcher().find("ЮКО", 2019);
        assert_eq!(found, Some(RegionMatch { code: "KZ-YUZ@2010", valid_in_year: false }));
    }

    #[test]
    fn the_whole_country_is_the_national_code() {
        for name in [
            "Республика Казахстан",
            "Казахстан",
            "Kazakhstan",
            "Қазақстан Республикасы",
            "Republic of Kazakhstan",
        ] {
            assert_eq!(code(name, 2020), Some(NATIONAL_CODE), "{name}");
        }
    }

    #[test]
    fn case_spacing_yo_and_look_alike_letters_are_ignored() {
        // Latin "A", "o", "i" and "K" inside Cyrillic names, as copied from PDFs.
        assert_eq!(code("Aкмолинская oбласть", 2020), Some("KZ-AKM"));
        assert_eq!(code("Солтүстiк Қазақстан облысы", 2020), Some("KZ-SEV"));
        assert_eq!(code("BKO", 2023), Some("KZ-VOS"));
        assert_eq!(code("AKMOLA REGION", 2020), Some("KZ-AKM"));
        assert_eq!(code("ABAY REGION", 2023), Some("KZ-ABY"));
        assert_eq!(code("EAST KAZAKHSTAN REGION", 2023), Some("KZ-VOS"));
        assert_eq!(code("северо-казахстанская\u{00A0}область", 2020), Some("KZ-SEV"));
        assert_eq!(code("Северо  Казахстанская", 2020), Some("KZ-SEV"));
        assert_eq!(code("Жетысуская область", 2023), Some("KZ-ZHT"));
        assert_eq!(code("Жетісу облысы", 2023), Some("KZ-ZHT"));
        assert_eq!(code("Ұлытау облысы", 2023), Some("KZ-ULT"));
        // ё/е: no region name carries ё, so check the folding itself.
        assert_eq!(fold("Всё ЁЖ"), fold("все еж"));
    }

    #[test]
    fn unknown_names_are_none() {
        for name in ["Атлантида", "Московская область", "", "   ", "г.", "область", "123"]
        {
            assert_eq!(matcher().find(name, 2020), None, "{name:?}");
        }
    }

    /// A year in which `region` exists.
    fn year_of(region: &Region) -> i32 {
        match (region.valid_from, region.valid_to) {
            (Some(from), _) => from,
            (None, Some(to)) => to - 1,
            (None, None) => 2020,
        }
    }

    proptest! {
        #[test]
        fn every_region_name_matches_its_own_region(
            index in 0usize..dataset().regions.len(),
            lang in 0usize..3,
            offset in 0i32..4,
        ) {
            let Some(region) = dataset().regions.get(index) else {
                return Err(TestCaseError::fail("index out of range"));
            };
            let name = [&region.names.kk, &region.names.ru, &region.names.en][lang];
            let mut year = year_of(region) + offset;
            if region.valid_to.is_some_and(|to| year >= to) {
                year = year_of(region);
            }
            prop_assert_eq!(code(name, year), Some(region.code.as_str()), "{} in {}", name, year);
        }

        #[test]
        fn every_region_name_matches_in_the_forms_files_write_it(
            index in 0usize..dataset().regions.len(),
            lang in 0usize..3,
            upper in proptest::bool::ANY,
            abbreviated in proptest::bool::ANY,
            look_alikes in proptest::bool::ANY,
            space in 0usize..4,
            footnote in 0usize..4,
        ) {
            let Some(region) = dataset().regions.get(index) else {
                return Err(TestCaseError::fail("index out of range"));
            };
            let name = [&region.names.kk, &region.names.ru, &region.names.en][lang];
            let year = year_of(region);
            let written = written_as(name, upper, abbreviated, look_alikes, space, footnote);
            prop_assert_eq!(
                code(&written, year),
                Some(region.code.as_str()),
                "«{}» (from «{}») in {}", written, name, year
            );
        }
    }

    /// `name` as a statistics file or a planner's keyboard may write it: upper case, "область"
    /// cut to "обл.", Kazakh letters and Cyrillic ones typed as their Russian or Latin look-alikes,
    /// other spaces (doubled, no-break, tab, thin), a footnote mark after it.
    fn written_as(
        name: &str,
        upper: bool,
        abbreviated: bool,
        look_alikes: bool,
        space: usize,
        footnote: usize,
    ) -> String {
        let mut text = name.to_owned();
        if abbreviated {
            text = text.replace("область", "обл.");
        }
        if look_alikes {
            text = text
                .chars()
                .map(|c| match c {
                    'қ' => 'к',
                    'ң' => 'н',
                    'ғ' => 'г',
                    'ө' => 'о',
                    'ұ' | 'ү' => 'у',
                    'ә' => 'а',
                    'һ' => 'х',
                    'а' => 'a',
                    'о' => 'o',
                    'е' => 'e',
                    'с' => 'c',
                    'р' => 'p',
                    'х' => 'x',
                    other => other,
                })
                .collect();
        }
        if upper {
            text = text.to_uppercase();
        }
        let gap = ["  ", "\u{00A0}", "\t", "\u{2009}"][space % 4];
        text = text.replace(' ', gap);
        text.push_str(["", "¹", " 2)", "*"][footnote % 4]);
        text
    }
}
