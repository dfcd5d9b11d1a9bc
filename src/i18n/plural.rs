//! Nouns after a count in Kazakh, Russian and English, by the CLDR cardinal plural rules for
//! whole numbers: Russian has three forms (1 строка, 2 строки, 5 строк; 21 строка, 11 строк),
//! English two (1 row, 2 rows), and Kazakh keeps the noun singular after any numeral (1 жол,
//! 5 жол), so it needs one.
//!
//! Written here rather than taken from the `intl_pluralrules` crate: counts in Oblys are whole
//! numbers, and for them the three rules are a few lines, while the crate would bring the ICU
//! data tables of every locale for three languages.

use crate::i18n::format_number;
use crate::model::Lang;

/// A CLDR plural category (of the ones the three languages use for whole numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

/// The category of the whole number `n` in `lang`.
///
/// Russian (CLDR `ru`, v = 0): one — the last digit 1 but not the last two 11 (1, 21, 101);
/// few — the last digit 2–4 but not the last two 12–14 (2, 22, 104); many — every other whole
/// number (0, 5–20, 25–30, 111–114). Kazakh and English: one — exactly 1; other — the rest.
pub fn category(n: u64, lang: Lang) -> Category {
    match lang {
        Lang::Ru => match (n % 10, n % 100) {
            (_, 11..=14) => Category::Many,
            (1, _) => Category::One,
            (2..=4, _) => Category::Few,
            _ => Category::Many,
        },
        Lang::Kk | Lang::En if n == 1 => Category::One,
        Lang::Kk | Lang::En => Category::Other,
    }
}

/// The forms of a noun after a count in the three languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    /// Kazakh: one form, the noun as it stands after a numeral (in the phrase's case).
    pub kk: &'static str,
    /// Russian: after 1 (21, 101…), after 2–4 (22–24…), after 0, 5–20 (11–14, 25–30…).
    pub ru: [&'static str; 3],
    /// English: after 1, after any other count.
    pub en: [&'static str; 2],
}

impl Noun {
    /// The form of the noun after `n` in `lang`.
    pub fn form(&self, n: u64, lang: Lang) -> &'static str {
        let [ru_one, ru_few, ru_many] = self.ru;
        let [en_one, en_other] = self.en;
        match (lang, category(n, lang)) {
            (Lang::Kk, _) => self.kk,
            (Lang::Ru, Category::One) => ru_one,
            (Lang::Ru, Category::Few) => ru_few,
            (Lang::Ru, Category::Many | Category::Other) => ru_many,
            (Lang::En, Category::One) => en_one,
            (Lang::En, _) => en_other,
        }
    }

    /// "21 строка", "1 234 строки", "5 rows": the count written as `lang` writes numbers, then
    /// the noun's form.
    pub fn count(&self, n: u64, lang: Lang) -> String {
        // Counts stay far below 2^53, where f64 is exact.
        format!("{} {}", format_number(n as f64, 0, lang), self.form(n, lang))
    }
}

/// `usize` counts as the plural rules take them.
pub fn n(count: usize) -> u64 {
    u64::try_from(count).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const ROWS: Noun = Noun {
        kk: "жол", ru: ["строка", "строки", "строк"], en: ["row", "rows"]
    };

    /// The CLDR 46 rule for Russian, written as CLDR states it over the operands i (the
    /// integer digits) and v (the number of visible fraction digits, 0 for whole numbers).
    // Kept in CLDR's own shape (each condition repeats v = 0) so it can be read against the spec.
    #[allow(clippy::nonminimal_bool)]
    fn cldr_ru(i: u64) -> Category {
        let v = 0;
        let (i10, i100) = (i % 10, i % 100);
        if v == 0 && i10 == 1 && i100 != 11 {
            Category::One
        } else if v == 0 && (2..=4).contains(&i10) && !(12..=14).contains(&i100) {
            Category::Few
        } else if (v == 0 && i10 == 0)
            || (v == 0 && (5..=9).contains(&i10))
            || (v == 0 && (11..=14).contains(&i100))
        {
            Category::Many
        } else {
            Category::Other
        }
    }

    /// CLDR's `en` (one: i = 1 and v = 0) and `kk` (one: n = 1) for whole numbers.
    fn cldr_en_kk(i: u64) -> Category {
        if i == 1 { Category::One } else { Category::Other }
    }

    #[test]
    fn russian_categories_match_cldr_for_every_count_below_ten_thousand() {
        for i in 0..10_000 {
            assert_eq!(category(i, Lang::Ru), cldr_ru(i), "{i}");
            assert_ne!(
                category(i, Lang::Ru),
                Category::Other,
                "{i}: a whole number is never other"
            );
        }
    }

    #[test]
    fn kazakh_and_english_categories_match_cldr_for_every_count_below_ten_thousand() {
        for i in 0..10_000 {
            assert_eq!(category(i, Lang::Kk), cldr_en_kk(i), "{i}");
            assert_eq!(category(i, Lang::En), cldr_en_kk(i), "{i}");
        }
    }

    proptest! {
        #[test]
        fn categories_match_cldr_for_any_count(i in any::<u64>()) {
            prop_assert_eq!(category(i, Lang::Ru), cldr_ru(i));
            prop_assert_eq!(category(i, Lang::En), cldr_en_kk(i));
            prop_assert_eq!(category(i, Lang::Kk), cldr_en_kk(i));
        }

        #[test]
        fn the_russian_form_depends_only_on_the_last_two_digits(i in 0u64..1_000_000_000) {
            prop_assert_eq!(ROWS.form(i, Lang::Ru), ROWS.form(i % 100 + 100, Lang::Ru));
        }
    }

    #[test]
    fn russian_rows_take_the_form_their_number_asks_for() {
        let counted = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1_001]
            .map(|i| ROWS.count(i, Lang::Ru));
        assert_eq!(
            counted,
            [
                "0 строк",
                "1 строка",
                "2 строки",
                "4 строки",
                "5 строк",
                "11 строк",
                "12 строк",
                "14 строк",
                "21 строка",
                "22 строки",
                "25 строк",
                "101 строка",
                "111 строк",
                "1\u{a0}001 строка",
            ]
        );
    }

    #[test]
    fn kazakh_keeps_the_noun_singular_and_english_adds_s_after_any_count_but_one() {
        assert_eq!([1, 2, 21].map(|i| ROWS.count(i, Lang::Kk)), ["1 жол", "2 жол", "21 жол"]);
        assert_eq!(
            [0, 1, 2, 21].map(|i| ROWS.count(i, Lang::En)),
            ["0 rows", "1 row", "2 rows", "21 rows"]
        );
    }
}
