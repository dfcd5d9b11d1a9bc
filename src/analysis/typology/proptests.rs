//! Properties of the typology arithmetic on random matrices: the min–max index stays within
//! [0, 1], only the proportions of the weights matter, and classes never decrease as the index
//! grows, whatever the classification.

use proptest::prelude::*;

use super::*;

/// 2–4 components × 3–25 regions, some values missing, weights 0–5 with at least one positive.
fn matrices() -> impl Strategy<Value = (Vec<Component>, Vec<Vec<Option<f64>>>)> {
    (2usize..=4, 3usize..=25).prop_flat_map(|(components, regions)| {
        (
            proptest::collection::vec((0.0f64..5.0, any::<bool>()), components),
            proptest::collection::vec(
                proptest::collection::vec(
                    proptest::option::weighted(0.85, -1.0e6f64..1.0e6),
                    regions,
                ),
                components,
            ),
        )
            .prop_map(|(weights, raw)| {
                let components = weights
                    .iter()
                    .enumerate()
                    .map(|(i, (w, lower))| Component {
                        indicator: format!("c{i}"),
                        direction: if *lower {
                            Direction::LowerIsBetter
                        } else {
                            Direction::HigherIsBetter
                        },
                        // The first weight is kept positive so the typology is valid.
                        weight: if i == 0 { w + 0.5 } else { *w },
                    })
                    .collect();
                (components, raw)
            })
    })
}

fn classifications() -> impl Strategy<Value = Classification> {
    prop_oneof![
        Just(Classification::ThreeClass),
        (2usize..7).prop_map(Classification::Quantiles),
        (2usize..7).prop_map(Classification::NaturalBreaks),
        (2usize..7).prop_map(Classification::KMeans),
    ]
}

proptest! {
    #[test]
    fn min_max_index_lies_within_zero_and_one((components, raw) in matrices()) {
        let scores = score(&components, &raw, Normalisation::MinMax,
            Classification::ThreeClass, MissingRule::RescaleWeights);
        let Ok(scores) = scores else { panic!("valid matrix refused") };
        for r in &scores.regions {
            if let Some(index) = r.index {
                prop_assert!((-1e-12..=1.0 + 1e-12).contains(&index), "{index}");
            }
        }
    }

    #[test]
    fn scaling_every_weight_leaves_the_index_unchanged(
        (components, raw) in matrices(),
        factor in 0.01f64..100.0,
        z in any::<bool>(),
    ) {
        let normalisation = if z { Normalisation::ZScore } else { Normalisation::MinMax };
        let scaled: Vec<Component> = components
            .iter()
            .map(|c| Component { weight: c.weight * factor, ..c.clone() })
            .collect();
        let run = |cs: &[Component]| score(cs, &raw, normalisation,
            Classification::ThreeClass, MissingRule::RescaleWeights);
        let (Ok(a), Ok(b)) = (run(&components), run(&scaled)) else { panic!("refused") };
        for (x, y) in a.regions.iter().zip(&b.regions) {
            match (x.index, y.index) {
                (Some(p), Some(q)) => prop_assert!((p - q).abs() <= 1e-9 * (1.0 + p.abs())),
                (p, q) => prop_assert_eq!(p, q),
            }
            prop_assert_eq!(x.class, y.class);
        }
    }

    #[test]
    fn classes_never_decrease_as_the_index_grows(
        (components, raw) in matrices(),
        method in classifications(),
    ) {
        let scores = score(&components, &raw, Normalisation::MinMax, method,
            MissingRule::RescaleWeights);
        let Ok(scores) = scores else { panic!("valid matrix refused") };
        let ranked: Vec<(f64, usize)> = scores
            .regions
            .iter()
            .filter_map(|r| r.index.zip(r.class))
            .collect();
        for &(i, ci) in &ranked {
            for &(j, cj) in &ranked {
                if i < j {
                    prop_assert!(ci <= cj, "index {i} class {ci} above index {j} class {cj}");
                }
            }
        }
        prop_assert!(ranked.iter().all(|&(_, c)| c < method.classes()));
    }
}
