//! Maps of scenarios without a window: `oblys map FILE --scenario NAME --year Y` draws a
//! scenario's projected year, `oblys map FILE --compare A,B --year Y [--relative]` the
//! difference map of two scenarios (B − A, or B / A − 1 in per cent) on its diverging scale —
//! the same scenes the compare view paints, written to SVG, PNG or PDF.

use std::path::PathBuf;

use crate::app::scenarios::default_indicator;
use crate::export::{ExportError, ImageFormat, MAX_WIDTH, MIN_WIDTH};
use crate::map::difference::{self, DifferenceLayer, DifferenceMode};
use crate::map::projected::{ValueLayer, projection_values, shared_classes, value_scene};
use crate::map::{MapGeometry, Scene};
use crate::model::{Dataset, Lang, Scenario};
use crate::scenario::{self, Projection};

/// What a scenario map shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioMapKind {
    /// One scenario's projected values, by the scenario's name in any language.
    Scenario(String),
    /// The difference of scenario `b` from scenario `a` (names in any language).
    Compare { a: String, b: String, mode: DifferenceMode },
}

impl ScenarioMapKind {
    /// The comparison of `--compare A,B`: two names separated by a comma.
    pub fn compare(pair: &str, mode: DifferenceMode) -> Result<ScenarioMapKind, ScenarioMapError> {
        let bad = || ScenarioMapError::ComparePair { given: pair.to_string() };
        let (a, b) = pair.split_once(',').ok_or_else(bad)?;
        let (a, b) = (a.trim(), b.trim());
        if a.is_empty() || b.is_empty() || b.contains(',') {
            return Err(bad());
        }
        Ok(ScenarioMapKind::Compare { a: a.to_string(), b: b.to_string(), mode })
    }
}

/// A headless request for a scenario map.
#[derive(Debug, Clone)]
pub struct ScenarioMapRequest {
    /// The Oblys file to read (never written).
    pub file: PathBuf,
    pub kind: ScenarioMapKind,
    /// A projected indicator's key; None: GRP (or the first projected indicator).
    pub indicator: Option<String>,
    pub year: i32,
    pub lang: Lang,
    /// Output file; `.svg`, `.png` or `.pdf`.
    pub out: PathBuf,
    /// Image width in pixels.
    pub width: u32,
}

/// Why a scenario map could not be drawn. Every message is one line a planner can act on.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioMapError {
    #[error("{0}")]
    Export(#[from] ExportError),
    #[error(
        "{}: there is no scenario «{name}»; {}",
        file.display(),
        scenario::known_names_message(known)
    )]
    UnknownScenario { file: PathBuf, name: String, known: Vec<String> },
    #[error(
        "--compare wants two scenario names separated by one comma (A,B), e.g. \
         --compare \"Inertial scenario to 2030,Managed scenario to 2030\"; got «{given}»"
    )]
    ComparePair { given: String },
    #[error("{}: the scenario «{name}» does not fit the file: {source}", file.display())]
    InvalidScenario {
        file: PathBuf,
        name: String,
        #[source]
        source: Box<scenario::ScenarioError>,
    },
    #[error("«{name}» projects the years {first}–{last}; {year} is outside them")]
    YearOutside { name: String, year: i32, first: i32, last: i32 },
    #[error("the scenarios do not project «{name}»; they project: {}", known.join(", "))]
    UnknownIndicator { name: String, known: Vec<String> },
}

/// The scenario named `name`, checked against the file and projected.
fn projected<'a>(
    ds: &'a Dataset,
    request: &ScenarioMapRequest,
    name: &str,
) -> Result<(&'a Scenario, Projection), ScenarioMapError> {
    let Some(s) = scenario::find_by_name(&ds.scenarios, name) else {
        return Err(ScenarioMapError::UnknownScenario {
            file: request.file.clone(),
            name: name.to_string(),
            known: ds.scenarios.iter().map(|s| s.name.get(request.lang).to_string()).collect(),
        });
    };
    scenario::validate(ds, s).map_err(|source| ScenarioMapError::InvalidScenario {
        file: request.file.clone(),
        name: name.to_string(),
        source: Box::new(source),
    })?;
    let projection = scenario::project(ds, s);
    let (first, last) = (projection.base_year, projection.horizon);
    if !(first..=last).contains(&request.year) {
        return Err(ScenarioMapError::YearOutside {
            name: s.name.get(request.lang).to_string(),
            year: request.year,
            first,
            last,
        });
    }
    Ok((s, projection))
}

/// The scene `request` asks for, from the dataset `ds` read from its file.
pub fn scenario_scene(
    ds: &Dataset,
    request: &ScenarioMapRequest,
) -> Result<Scene, ScenarioMapError> {
    let lang = request.lang;
    let indicator = request.indicator.clone().unwrap_or_else(|| default_indicator(ds));
    let check_indicator = |p: &Projection| match p.indicator(&indicator) {
        Some(def) => Ok(def.clone()),
        None => Err(ScenarioMapError::UnknownIndicator {
            name: indicator.clone(),
            known: p.indicators.iter().map(|d| d.key.clone()).collect(),
        }),
    };
    let editions: Vec<&str> = ds.current_edition().map(|e| e.key.as_str()).into_iter().collect();
    let geometry = MapGeometry::for_editions(ds, &editions);
    match &request.kind {
        ScenarioMapKind::Scenario(name) => {
            let (s, projection) = projected(ds, request, name)?;
            let def = check_indicator(&projection)?;
            let values = projection_values(&projection, &indicator, request.year);
            let classes = shared_classes(&[&values]);
            let title = format!("{} — {}, {}", s.name.get(lang), def.names.get(lang), request.year);
            let layer = ValueLayer {
                def: Some(&def),
                title: &title,
                values: &values,
                lang,
                selected: None,
            };
            Ok(value_scene(ds, &geometry, &layer, &classes))
        }
        ScenarioMapKind::Compare { a, b, mode } => {
            let (sa, pa) = projected(ds, request, a)?;
            let (sb, pb) = projected(ds, request, b)?;
            let def = check_indicator(&pa)?;
            check_indicator(&pb)?;
            let va = projection_values(&pa, &indicator, request.year);
            let vb = projection_values(&pb, &indicator, request.year);
            let title =
                difference::difference_title(def.names.get(lang), request.year, *mode, lang);
            let layer = DifferenceLayer {
                def: Some(&def),
                title: &title,
                a: &va,
                b: &vb,
                mode: *mode,
                lang,
                selected: None,
            };
            let mut scene = difference::difference_scene(ds, &geometry, &layer);
            // Under the title: which scenario is which side.
            let sides = crate::i18n::scenario_ui_text::compare_sides(
                sb.name.get(lang),
                sa.name.get(lang),
                lang,
            );
            scene.subtitle = if scene.subtitle.is_empty() {
                sides
            } else {
                format!("{sides} · {}", scene.subtitle)
            };
            Ok(scene)
        }
    }
}

/// Renders the map of `request` to an SVG, PNG or PDF file (chosen by the extension). Everything is
/// checked and rendered before the output is written; the input file is only read.
pub fn render_scenario_map_file(request: &ScenarioMapRequest) -> Result<(), ScenarioMapError> {
    let format = ImageFormat::from_path(&request.out)
        .ok_or_else(|| ExportError::Format { path: request.out.clone() })?;
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&request.width) {
        return Err(ExportError::Size { width: request.width }.into());
    }
    let ds = crate::store::load(&request.file).map_err(ExportError::from)?;
    let scene = scenario_scene(&ds, request)?;
    let bytes = super::scene_bytes(&scene, format, request.width)?;
    std::fs::write(&request.out, bytes)
        .map_err(|source| ExportError::Write { path: request.out.clone(), source }.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compare_pair_is_two_names_around_one_comma() {
        let kind = ScenarioMapKind::compare(" Inertial , Managed ", DifferenceMode::Relative);
        assert_eq!(
            kind.ok(),
            Some(ScenarioMapKind::Compare {
                a: "Inertial".into(),
                b: "Managed".into(),
                mode: DifferenceMode::Relative
            })
        );
        for bad in ["Inertial", "Inertial,", ",Managed", "a,b,c"] {
            let err = ScenarioMapKind::compare(bad, DifferenceMode::Absolute).err();
            assert!(matches!(err, Some(ScenarioMapError::ComparePair { .. })), "{bad}");
        }
    }
}
