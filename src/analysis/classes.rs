//! Class breaks for the choropleth: quantile classes over the values a map shows.

/// One class of the choropleth: the smallest and largest shown value that falls in it, so that
/// legend labels never overlap and never claim values that do not occur.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueClass {
    /// Smallest value in the class.
    pub min: f64,
    /// Largest value in the class.
    pub max: f64,
}

/// Splits `values` into at most `max_classes` quantile classes (about equally many values in
/// each), ascending. Equal values always share a class, so there may be fewer classes than asked
/// for (never more classes than distinct values). Non-finite values are ignored.
///
/// Quantiles suit the regional figures: GRP and population are dominated by two or three cities
/// and oil regions, which would leave equal-interval or natural-break maps almost one colour.
pub fn quantile_classes(values: &[f64], max_classes: usize) -> Vec<ValueClass> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 || max_classes == 0 {
        return Vec::new();
    }
    let mut classes = Vec::new();
    let mut start = 0;
    for k in 1..=max_classes {
        // Ideal end of class k (exclusive), then moved past values equal to its last one.
        let mut end = (n * k).div_ceil(max_classes).max(start + 1).min(n);
        while end < n && sorted.get(end) == sorted.get(end - 1) {
            end += 1;
        }
        if start >= n {
            break;
        }
        if let (Some(&min), Some(&max)) = (sorted.get(start), sorted.get(end - 1)) {
            classes.push(ValueClass { min, max });
        }
        start = end;
    }
    classes
}

/// Index of the class `value` falls in: the first class whose maximum is not below it (values
/// between two classes go to the upper one, values above every class to the last).
pub fn class_index(classes: &[ValueClass], value: f64) -> Option<usize> {
    if classes.is_empty() || !value.is_finite() {
        return None;
    }
    Some(classes.iter().position(|c| value <= c.max).unwrap_or(classes.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(classes: &[ValueClass]) -> Vec<(f64, f64)> {
        classes.iter().map(|c| (c.min, c.max)).collect()
    }

    #[test]
    fn ten_values_in_five_quantile_classes_of_two() {
        let values = [10.0, 1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0];
        let classes = quantile_classes(&values, 5);
        assert_eq!(
            bounds(&classes),
            vec![(1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (7.0, 8.0), (9.0, 10.0)]
        );
    }

    #[test]
    fn seventeen_values_in_five_classes_take_four_three_or_four() {
        let values: Vec<f64> = (1..=17).map(f64::from).collect();
        let classes = quantile_classes(&values, 5);
        // Class ends at ceil(17·k/5) = 4, 7, 11, 14, 17.
        assert_eq!(
            bounds(&classes),
            vec![(1.0, 4.0), (5.0, 7.0), (8.0, 11.0), (12.0, 14.0), (15.0, 17.0)]
        );
    }

    #[test]
    fn equal_values_share_a_class_even_across_a_quantile() {
        let values = [1.0, 2.0, 2.0, 2.0, 5.0, 6.0];
        let classes = quantile_classes(&values, 3);
        assert_eq!(bounds(&classes), vec![(1.0, 2.0), (5.0, 5.0), (6.0, 6.0)]);
        let mostly_equal = [1.0, 1.0, 1.0, 1.0, 1.0, 2.0];
        assert_eq!(bounds(&quantile_classes(&mostly_equal, 3)), vec![(1.0, 1.0), (2.0, 2.0)]);
    }

    #[test]
    fn fewer_distinct_values_than_classes_gives_one_class_each() {
        let classes = quantile_classes(&[3.0, 3.0, 7.0], 5);
        assert_eq!(bounds(&classes), vec![(3.0, 3.0), (7.0, 7.0)]);
    }

    #[test]
    fn no_values_or_only_nan_give_no_classes() {
        assert!(quantile_classes(&[], 5).is_empty());
        assert!(quantile_classes(&[f64::NAN], 5).is_empty());
    }

    #[test]
    fn class_index_puts_values_between_classes_in_the_upper_one() {
        let classes = quantile_classes(&[1.0, 2.0, 5.0, 6.0], 2);
        assert_eq!(class_index(&classes, 1.0), Some(0));
        assert_eq!(class_index(&classes, 2.0), Some(0));
        assert_eq!(class_index(&classes, 3.5), Some(1));
        assert_eq!(class_index(&classes, 6.0), Some(1));
        assert_eq!(class_index(&classes, 99.0), Some(1));
        assert_eq!(class_index(&classes, f64::NAN), None);
    }
}
