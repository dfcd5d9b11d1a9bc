//! The map's colour ramps survive a washed-out projector and colour-blind viewers: neighbouring
//! classes differ by a clear, monotonic step of CIE L* lightness (a projector flattens hue and
//! saturation first, lightness last), and stay apart under simulated deuteranopia and
//! protanopia (Machado, Oliveira & Fernandes 2009, severity 1).
//!
//! Thresholds: an L* step of 8 between neighbouring classes is about four times the smallest
//! lightness difference one notices side by side, and keeps the classes apart when a projector
//! compresses the lightness range to half or less. Under the simulations neighbouring classes
//! must stay at least ΔE*ab 10 apart — five times the just-noticeable ΔE of about 2.3, the
//! distance at which map readers match a region to its legend swatch without hesitation.

use oblys::map::Rgba;
use oblys::map::style::{NEUTRAL_FILL, class_colors, diverging_colors};

/// Smallest L* step between neighbouring classes.
const MIN_LIGHTNESS_STEP: f64 = 8.0;
/// Smallest ΔE*ab between neighbouring classes as a colour-blind viewer sees them.
const MIN_CVD_DELTA_E: f64 = 10.0;

/// Machado et al. 2009, severity 1.0, applied to linear RGB.
const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
/// No change: the colour as a trichromat sees it.
const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

fn linear(v: u8) -> f64 {
    let v = f64::from(v) / 255.0;
    if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
}

/// CIE L*a*b* (D65) of `c` as seen through `vision`.
fn lab(c: Rgba, vision: &[[f64; 3]; 3]) -> [f64; 3] {
    let [r, g, b, _] = c.0;
    let rgb = [linear(r), linear(g), linear(b)];
    let seen: Vec<f64> = vision
        .iter()
        .map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0))
        .collect();
    let (r, g, b) = (seen[0], seen[1], seen[2]);
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f =
        |t: f64| if t > 216.0 / 24389.0 { t.cbrt() } else { (24389.0 / 27.0 * t + 16.0) / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn lightness(c: Rgba) -> f64 {
    lab(c, &NORMAL)[0]
}

fn delta_e(a: Rgba, b: Rgba, vision: &[[f64; 3]; 3]) -> f64 {
    let (p, q) = (lab(a, vision), lab(b, vision));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

/// Asserts that every neighbouring pair of `ramp` (ordered light to dark) darkens by at least
/// the step and stays apart for colour-blind viewers.
fn assert_readable(ramp: &[Rgba], what: &str) {
    for pair in ramp.windows(2) {
        let [a, b] = [pair[0], pair[1]];
        let step = lightness(a) - lightness(b);
        assert!(step >= MIN_LIGHTNESS_STEP, "{what}: L* {:.1} → {:.1}", lightness(a), lightness(b));
        for (name, vision) in [("deuteranopia", &DEUTERANOPIA), ("protanopia", &PROTANOPIA)] {
            let d = delta_e(a, b, vision);
            assert!(d >= MIN_CVD_DELTA_E, "{what}, {name}: {a:?} vs {b:?} ΔE {d:.1}");
        }
    }
}

#[test]
fn lab_of_reference_colours_matches_cie() {
    let white = lab(Rgba::rgb(255, 255, 255), &NORMAL);
    assert!((white[0] - 100.0).abs() < 0.05 && white[1].abs() < 0.05 && white[2].abs() < 0.05);
    // sRGB mid grey 119 is L* 50 (to the nearest unit).
    assert!((lightness(Rgba::rgb(119, 119, 119)) - 50.0).abs() < 0.5);
    // Pure red is L* 53.2, a* 80.1, b* 67.2.
    let red = lab(Rgba::rgb(255, 0, 0), &NORMAL);
    assert!((red[0] - 53.24).abs() < 0.1 && (red[1] - 80.09).abs() < 0.2, "{red:?}");
    // A deuteranope sees red and green of equal lightness as close; a trichromat does not.
    let (r, g) = (Rgba::rgb(0xd0, 0x60, 0x40), Rgba::rgb(0x70, 0x90, 0x40));
    assert!(delta_e(r, g, &NORMAL) > 3.0 * delta_e(r, g, &DEUTERANOPIA));
}

#[test]
fn choropleth_classes_darken_in_clear_steps_for_colour_blind_viewers_too() {
    for count in 3..=5 {
        let ramp = class_colors(count, true);
        assert_eq!(ramp.len(), count);
        assert_readable(&ramp, &format!("YlGnBu, {count} classes"));
        // Lower is better: the same colours, reversed (dark still means doing well).
        let mut reversed = class_colors(count, false);
        reversed.reverse();
        assert_eq!(reversed, ramp);
    }
}

#[test]
fn each_side_of_the_difference_map_darkens_away_from_no_change_in_clear_steps() {
    for per_side in 1..=3 {
        let ramp = diverging_colors(per_side, true);
        assert_eq!(ramp.len(), 2 * per_side + 1);
        // From "no change" outwards on each side: gains, then losses.
        let gains: Vec<Rgba> = ramp[per_side..].to_vec();
        let mut losses: Vec<Rgba> = ramp[..=per_side].to_vec();
        losses.reverse();
        assert_eq!((gains[0], losses[0]), (NEUTRAL_FILL, NEUTRAL_FILL));
        assert_readable(&gains, &format!("BrBG gains, {per_side} per side"));
        assert_readable(&losses, &format!("BrBG losses, {per_side} per side"));
    }
}

#[test]
fn a_loss_and_a_gain_of_the_same_size_stay_apart_for_colour_blind_viewers() {
    for per_side in 1..=3 {
        let ramp = diverging_colors(per_side, true);
        for k in 1..=per_side {
            let (loss, gain) = (ramp[per_side - k], ramp[per_side + k]);
            for (name, vision) in [("deuteranopia", &DEUTERANOPIA), ("protanopia", &PROTANOPIA)] {
                let d = delta_e(loss, gain, vision);
                assert!(d >= MIN_CVD_DELTA_E, "{per_side}/{k}, {name}: ΔE {d:.1}");
            }
        }
    }
}
