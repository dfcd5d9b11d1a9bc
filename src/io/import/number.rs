//! Numbers as statistics files write them: decimal commas or points, thousands separated by
//! spaces, no-break or thin spaces (or by commas/points when that is unambiguous), and dashes,
//! "x" or ellipses for values that are missing or confidential.

/// Largest magnitude accepted. Kazakhstan's GDP in tenge is about 1e14; anything beyond 1e15 is a
/// unit mix-up or a broken cell, not a statistic.
pub const MAX_MAGNITUDE: f64 = 1e15;

/// Why a cell is not a usable number. Every message quotes the cell so the planner can find it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NumberError {
    #[error("«{0}» is not a number")]
    NotANumber(String),
    #[error("«{0}» has misplaced thousands separators (expected groups of three digits)")]
    BadGrouping(String),
    #[error("«{0}» is not a finite number (NaN or infinity)")]
    NotFinite(String),
    #[error("«{0}» is larger than {MAX_MAGNITUDE:e} in magnitude: check the unit of the column")]
    TooLarge(String),
}

/// Spaces used between groups of thousands: ordinary, no-break, narrow no-break, thin.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Cell texts that statistics bureaus use for "no value" (not observed, confidential, n/a).
fn is_missing_marker(text: &str) -> bool {
    matches!(text, "" | "-" | "–" | "—" | "x" | "X" | "х" | "Х" | "…" | "..." | "..")
}

/// Parses a statistics cell. `Ok(None)` for an empty or "missing" cell, `Ok(Some(v))` for a finite
/// number within [`MAX_MAGNITUDE`], an error otherwise. Never panics.
///
/// One comma or point alone is the decimal separator (`1,5`, `1.5`); when both occur, the last one
/// is decimal and the other separates thousands (`1.234,5`, `1,234.5`); the same one repeated
/// separates thousands (`1,234,567`). Scientific notation as Excel writes it (`1,5E+03`) is read.
pub fn parse_number(cell: &str) -> Result<Option<f64>, NumberError> {
    let text = cell.trim_matches(|c: char| c.is_whitespace() || is_group_space(c));
    if is_missing_marker(text) {
        return Ok(None);
    }
    let not_a_number = || NumberError::NotANumber(text.to_owned());
    let lower = text.to_lowercase();
    let unsigned = lower.trim_start_matches(['-', '+', '−']);
    if matches!(unsigned, "nan" | "inf" | "infinity" | "∞") {
        return Err(NumberError::NotFinite(text.to_owned()));
    }

    let mut chars = text.chars().peekable();
    let negative = match chars.peek() {
        Some('-' | '−') => {
            chars.next();
            true
        }
        Some('+') => {
            chars.next();
            false
        }
        _ => false,
    };
    let body: String = chars.collect();
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (body.as_str(), None),
    };
    let mut plain = if negative { String::from("-") } else { String::new() };
    plain.push_str(&normalise_mantissa(mantissa, text)?);
    if let Some(exponent) = exponent {
        let digits = exponent.trim_start_matches(['+', '-']);
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(not_a_number());
        }
        plain.push('e');
        plain.push_str(exponent);
    }
    let value: f64 = plain.parse().map_err(|_| not_a_number())?;
    if !value.is_finite() {
        return Err(NumberError::TooLarge(text.to_owned()));
    }
    if value.abs() > MAX_MAGNITUDE {
        return Err(NumberError::TooLarge(text.to_owned()));
    }
    Ok(Some(value))
}

/// Checks a number a spreadsheet stored as a number (no text to parse): finite and within
/// [`MAX_MAGNITUDE`], as [`parse_number`] requires of text.
pub fn check_number(value: f64) -> Result<f64, NumberError> {
    if !value.is_finite() {
        return Err(NumberError::NotFinite(value.to_string()));
    }
    if value.abs() > MAX_MAGNITUDE {
        return Err(NumberError::TooLarge(value.to_string()));
    }
    Ok(value)
}

/// Turns the unsigned mantissa into `digits[.digits]`, checking every thousands grouping.
fn normalise_mantissa(mantissa: &str, cell: &str) -> Result<String, NumberError> {
    let not_a_number = || NumberError::NotANumber(cell.to_owned());
    if mantissa.is_empty()
        || !mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c))
        || !mantissa.chars().any(|c| c.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    let commas = mantissa.matches(',').count();
    let points = mantissa.matches('.').count();
    let has_spaces = mantissa.chars().any(is_group_space);
    // Which character is the decimal separator, and which (if any) separates thousands.
    let (decimal, thousands) = match (commas, points) {
        (0, 0) => (None, None),
        (1, 0) => (Some(','), None),
        (0, 1) => (Some('.'), None),
        (_, 0) => (None, Some(',')),
        (0, _) => (None, Some('.')),
        (_, 1) if mantissa.rfind('.') > mantissa.rfind(',') => (Some('.'), Some(',')),
        (1, _) if mantissa.rfind(',') > mantissa.rfind('.') => (Some(','), Some('.')),
        _ => return Err(not_a_number()),
    };
    if has_spaces && thousands.is_some() {
        return Err(NumberError::BadGrouping(cell.to_owned()));
    }
    let (integer, fraction) = match decimal.and_then(|d| mantissa.split_once(d)) {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (mantissa, None),
    };
    if let Some(fraction) = fraction
        && !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    let groups: Vec<&str> = match thousands {
        Some(sep) => integer.split(sep).collect(),
        None if has_spaces => integer.split(is_group_space).collect(),
        None => vec![integer],
    };
    if groups.len() > 1 {
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
        let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(NumberError::BadGrouping(cell.to_owned()));
        }
    }
    let mut out: String = groups.concat();
    if !out.chars().all(|c| c.is_ascii_digit()) {
        return Err(not_a_number());
    }
    if out.is_empty() {
        out.push('0');
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
        if fraction.is_empty() {
            out.push('0');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(text: &str) -> f64 {
        match parse_number(text) {
            Ok(Some(v)) => v,
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn decimal_comma_and_decimal_point_are_both_read() {
        assert_eq!(ok("1,5"), 1.5);
        assert_eq!(ok("1.5"), 1.5);
        assert_eq!(ok("0,25"), 0.25);
        assert_eq!(ok("42"), 42.0);
    }

    #[test]
    fn every_kind_of_space_separates_thousands() {
        assert_eq!(ok("1 234 567,8"), 1_234_567.8);
        assert_eq!(ok("1\u{00A0}234\u{00A0}567,8"), 1_234_567.8);
        assert_eq!(ok("1\u{202F}234,5"), 1234.5);
        assert_eq!(ok("1\u{2009}234.5"), 1234.5);
        assert_eq!(ok("\u{00A0}12 345 \u{00A0}"), 12345.0);
    }

    #[test]
    fn commas_or_points_separate_thousands_when_unambiguous() {
        assert_eq!(ok("1,234,567"), 1_234_567.0);
        assert_eq!(ok("1.234.567"), 1_234_567.0);
        assert_eq!(ok("1,234.5"), 1234.5);
        assert_eq!(ok("1.234,5"), 1234.5);
        assert_eq!(ok("12.345.678,9"), 12_345_678.9);
    }

    #[test]
    fn a_single_comma_is_the_decimal_separator() {
        // Russian and Kazakh locales: "1,234" is one and a quarter-ish, never a thousand.
        assert_eq!(ok("1,234"), 1.234);
    }

    #[test]
    fn negative_numbers_with_hyphen_or_minus_sign() {
        assert_eq!(ok("-3,5"), -3.5);
        assert_eq!(ok("−1 200"), -1200.0);
        assert_eq!(ok("+7"), 7.0);
    }

    #[test]
    fn scientific_notation_from_excel() {
        assert_eq!(ok("1,5E+03"), 1500.0);
        assert_eq!(ok("2.5e-2"), 0.025);
    }

    #[test]
    fn missing_markers_are_none() {
        for cell in ["", "  ", "-", "–", "—", "x", "X", "х", "Х", "…", "...", "..", " - "] {
            assert_eq!(parse_number(cell), Ok(None), "{cell:?}");
        }
    }

    #[test]
    fn nan_and_infinity_are_rejected_as_not_finite() {
        for cell in ["NaN", "nan", "inf", "-inf", "Infinity", "∞"] {
            assert_eq!(parse_number(cell), Err(NumberError::NotFinite(cell.to_owned())));
        }
    }

    #[test]
    fn absurd_magnitudes_are_rejected() {
        assert_eq!(parse_number("1e16"), Err(NumberError::TooLarge("1e16".to_owned())));
        assert_eq!(parse_number("1e400"), Err(NumberError::TooLarge("1e400".to_owned())));
        let long = "9".repeat(30);
        assert_eq!(parse_number(&long), Err(NumberError::TooLarge(long.clone())));
        assert_eq!(ok("999 999 999 999 999"), 999_999_999_999_999.0);
    }

    #[test]
    fn text_and_bad_groupings_are_errors_naming_the_cell() {
        assert_eq!(parse_number("abc"), Err(NumberError::NotANumber("abc".to_owned())));
        assert_eq!(parse_number("12 34"), Err(NumberError::BadGrouping("12 34".to_owned())));
        assert_eq!(parse_number("1,23,456"), Err(NumberError::BadGrouping("1,23,456".to_owned())));
        assert_eq!(parse_number("1.2.3,4,5"), Err(NumberError::NotANumber("1.2.3,4,5".to_owned())));
        assert_eq!(parse_number("5%"), Err(NumberError::NotANumber("5%".to_owned())));
        assert_eq!(parse_number("1e"), Err(NumberError::NotANumber("1e".to_owned())));
        assert_eq!(parse_number("."), Err(NumberError::NotANumber(".".to_owned())));
        assert_eq!(
            parse_number("1 234,5.6"),
            Err(NumberError::BadGrouping("1 234,5.6".to_owned()))
        );
        let message = NumberError::NotANumber("abc".to_owned()).to_string();
        assert_eq!(message, "«abc» is not a number");
    }

    /// How a locale writes a number: thousands separator, decimal separator.
    const STYLES: [(&str, char); 7] = [
        ("", '.'),
        ("", ','),
        (" ", ','),
        ("\u{00A0}", ','),
        ("\u{202F}", ','),
        ("\u{2009}", '.'),
        (",", '.'),
    ];

    /// Formats `value` with `decimals` digits after the separator in a locale style.
    fn format_in_style(value: f64, decimals: usize, thousands: &str, decimal: char) -> String {
        let plain = format!("{:.*}", decimals, value.abs());
        let (integer, fraction) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
        let mut grouped = String::new();
        for (i, digit) in integer.chars().enumerate() {
            if i > 0 && (integer.len() - i) % 3 == 0 {
                grouped.push_str(thousands);
            }
            grouped.push(digit);
        }
        let sign = if value < 0.0 { "-" } else { "" };
        if fraction.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{decimal}{fraction}")
        }
    }

    proptest! {
        #[test]
        fn formatting_in_any_locale_style_parses_back(
            value in -1e12f64..1e12,
            decimals in 0usize..6,
            style in 0usize..STYLES.len() + 1,
        ) {
            // The last style is German ("1.234,5"); it and the English one need a fraction to be
            // unambiguous, so they always get at least one decimal.
            let (thousands, decimal, decimals) = match STYLES.get(style) {
                Some(&(",", d)) => (",", d, decimals.max(1)),
                Some(&(t, d)) => (t, d, decimals),
                None => (".", ',', decimals.max(1)),
            };
            let text = format_in_style(value, decimals, thousands, decimal);
            let parsed = parse_number(&text);
            let Ok(Some(parsed)) = parsed else {
                return Err(TestCaseError::fail(format!("{text:?} gave {parsed:?}")));
            };
            let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + value.abs() * 1e-15;
            prop_assert!((parsed - value).abs() <= tolerance, "{text:?} -> {parsed} vs {value}");
        }

        #[test]
        fn parsing_never_panics_on_arbitrary_text(text in "\\PC{0,40}") {
            if let Ok(Some(v)) = parse_number(&text) {
                prop_assert!(v.is_finite() && v.abs() <= MAX_MAGNITUDE);
            }
        }

        #[test]
        fn parsing_never_panics_on_number_like_text(text in "[-+−0-9 ,.eE\u{00A0}\u{202F}xх…]{0,20}") {
            if let Ok(Some(v)) = parse_number(&text) {
                prop_assert!(v.is_finite() && v.abs() <= MAX_MAGNITUDE);
            }
        }
    }
}
