//! Clean-ups for names typed in mixed scripts. Kazakh and Russian sources often contain Latin
//! letters that look like Cyrillic ones (`Солтүстiк` with a Latin `i`): such a name sorts, searches
//! and renders wrongly, so every Kazakh and Russian name is normalised when it is imported.

/// The Cyrillic letter that a Latin look-alike stands for inside a Cyrillic word.
fn cyrillic_twin(c: char) -> Option<char> {
    Some(match c {
        'i' => 'і',
        'I' => 'І',
        'a' => 'а',
        'A' => 'А',
        'B' => 'В',
        'c' => 'с',
        'C' => 'С',
        'e' => 'е',
        'E' => 'Е',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        'o' => 'о',
        'O' => 'О',
        'p' => 'р',
        'P' => 'Р',
        'T' => 'Т',
        'x' => 'х',
        'X' => 'Х',
        'y' => 'у',
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// Replaces Latin look-alike letters inside words that are otherwise Cyrillic with their Cyrillic
/// twins (`Солтүстiк` → `Солтүстік`). Words written wholly in Latin (`KIA Qazaqstan`) and Latin
/// letters without a Cyrillic twin are left alone.
pub fn fix_mixed_script(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().any(is_cyrillic) {
            out.extend(word.chars().map(|c| cyrillic_twin(c).unwrap_or(c)));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Words of `text` that mix Latin and Cyrillic letters (what `fix_mixed_script` would change or
/// could not fix).
pub fn mixed_script_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(is_cyrillic) && w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_i_in_kazakh_word_becomes_cyrillic_i() {
        let fixed = fix_mixed_script("Солтүстiк Қазақстан облысы");
        assert_eq!(fixed, "Солтүстік Қазақстан облысы");
        assert!(fixed.contains('\u{0456}'));
        assert!(mixed_script_words(&fixed).is_empty());
    }

    #[test]
    fn latin_words_stay_latin() {
        assert_eq!(
            fix_mixed_script("KIA Qazaqstan автомобиль зауыты"),
            "KIA Qazaqstan автомобиль зауыты"
        );
        assert_eq!(fix_mixed_script("Daedong, Корея"), "Daedong, Корея");
    }

    #[test]
    fn mixed_words_are_reported() {
        assert_eq!(mixed_script_words("Шымкeнт and Астана"), vec!["Шымкeнт"]);
    }
}
