//! `oblys typology FILE …`: a typology of the regions by potential (`analysis::typology`) with
//! the LISA category of each region's index, written to CSV (one line per region) or JSON (the
//! definition, the classes, global Moran's I of the index and every region). The input file is
//! only read. Method: `docs/typology.md`.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::analysis::moran::{Autocorrelation, MoranError};
use crate::analysis::neighbours::Neighbours;
use crate::analysis::typology::{
    self, Classification, Component, Direction, MissingRule, Normalisation, Typology,
    TypologyError, TypologyResult, TypologyState,
};
use crate::io::cells::{UTF8_BOM, neutralise, write_atomically};
use crate::model::{Dataset, Lang, Scenario};
use crate::store::{self, StoreError};

/// The built-in typology's name for `--name` (saved typologies may not take it).
pub const DEFAULT_NAME: &str = store::BUILT_IN_NAME;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypologyFormat {
    Csv,
    Json,
}

impl TypologyFormat {
    /// `csv` or `json`, as on the command line.
    pub fn from_name(name: &str) -> Option<TypologyFormat> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(TypologyFormat::Csv),
            "json" => Some(TypologyFormat::Json),
            _ => None,
        }
    }
}

/// The classification methods by their command-line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassMethod {
    /// High / medium / low around the mean (3 classes only).
    Three,
    Quantiles,
    Jenks,
    KMeans,
}

impl ClassMethod {
    /// `three`, `quantiles`, `jenks` or `kmeans`.
    pub fn from_name(name: &str) -> Option<ClassMethod> {
        match name.to_ascii_lowercase().as_str() {
            "three" => Some(ClassMethod::Three),
            "quantiles" => Some(ClassMethod::Quantiles),
            "jenks" => Some(ClassMethod::Jenks),
            "kmeans" => Some(ClassMethod::KMeans),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            ClassMethod::Three => "three",
            ClassMethod::Quantiles => "quantiles",
            ClassMethod::Jenks => "jenks",
            ClassMethod::KMeans => "kmeans",
        }
    }
}

/// `min_max` or `z_score`, as on the command line.
pub fn normalisation_from_name(name: &str) -> Option<Normalisation> {
    match name.to_ascii_lowercase().replace('-', "_").as_str() {
        "min_max" | "minmax" => Some(Normalisation::MinMax),
        "z_score" | "zscore" => Some(Normalisation::ZScore),
        _ => None,
    }
}

/// `rescale` or `insufficient`, as on the command line.
pub fn missing_rule_from_name(name: &str) -> Option<MissingRule> {
    match name.to_ascii_lowercase().as_str() {
        "rescale" => Some(MissingRule::RescaleWeights),
        "insufficient" => Some(MissingRule::InsufficientData),
        _ => None,
    }
}

/// A headless `oblys typology` request.
#[derive(Debug, Clone)]
pub struct TypologyRequest {
    /// The Oblys file to read.
    pub file: PathBuf,
    /// A saved typology's name in any language, or [`DEFAULT_NAME`]. None with `indicators`.
    pub name: Option<String>,
    /// Component keys (None: the named or default typology).
    pub indicators: Option<Vec<String>>,
    /// One weight per indicator (None: equal weights).
    pub weights: Option<Vec<f64>>,
    /// The year (None: the default typology's year, or the scenario's horizon).
    pub year: Option<i32>,
    /// A scenario's name in any language, or its id.
    pub scenario: Option<String>,
    /// Number of classes (None: the typology's own; 3 for the built-in one).
    pub classes: Option<usize>,
    /// None: the named typology's own method (three classes for the built-in one).
    pub method: Option<ClassMethod>,
    pub permutations: usize,
    pub seed: u64,
    /// LISA significance level, in (0, 1).
    pub significance: f64,
    /// None: the named typology's own (min–max for the built-in one).
    pub normalisation: Option<Normalisation>,
    /// What a region lacking a component gets (None: the named typology's own rule).
    pub missing: Option<MissingRule>,
    pub format: TypologyFormat,
    /// Language of region and component names.
    pub lang: Lang,
    pub out: PathBuf,
}

/// Why the typology could not be written. Every message is one line.
#[derive(Debug, thiserror::Error)]
pub enum TypologyExportError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{}: {source}", file.display())]
    Typology {
        file: PathBuf,
        #[source]
        source: TypologyError,
    },
    #[error(
        "{}: no typology named «{name}»; the file has: {} (or give --indicators)",
        file.display(),
        known.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ")
    )]
    UnknownName { file: PathBuf, name: String, known: Vec<String> },
    #[error("{weights} weights for {indicators} indicators: give one weight per indicator")]
    WeightCount { weights: usize, indicators: usize },
    #[error("--weights needs --indicators (the default typology has equal weights)")]
    WeightsWithoutIndicators,
    #[error("{}: there is no scenario «{name}»; the file has: {}", file.display(), list(known))]
    UnknownScenario { file: PathBuf, name: String, known: Vec<String> },
    #[error(
        "the three-class cut (--method three) has 3 classes, not {0}: use --method quantiles, jenks or kmeans"
    )]
    ThreeClassCount(usize),
    #[error("the significance level must lie between 0 and 1, not {0}")]
    Significance(f64),
    #[error("could not write the table: {0}")]
    Csv(#[from] csv::Error),
    #[error("could not write the JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("could not write «{}»: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Rendering or writing the class map failed.
    #[error("{0}")]
    Map(#[from] crate::export::ExportError),
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "no scenarios".to_owned();
    }
    names.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ")
}

/// Reads `request.file`, computes the typology with its LISA categories and writes it to
/// `request.out`.
pub fn write_typology_file(request: &TypologyRequest) -> Result<(), TypologyExportError> {
    let ds = store::load(&request.file)?;
    let typology = build_typology(&ds, request)?;
    let wrap = |source| TypologyExportError::Typology { file: request.file.clone(), source };
    let result = typology::compute(&ds, &typology).map_err(wrap)?;
    let spatial = ds.current_edition().map(|edition| {
        let graph = Neighbours::build(edition);
        let mut found =
            typology::index_autocorrelation(&result, &graph, request.permutations, request.seed)?;
        // Local statistics in the result's region order (the graph's is the edition's).
        found.local = result
            .regions
            .iter()
            .map(|r| graph.index_of(&r.code).and_then(|i| found.local.get(i).cloned().flatten()))
            .collect();
        Ok(found)
    });
    let spatial = spatial.unwrap_or(Err(MoranError::NoLinks));
    let bytes = match request.format {
        TypologyFormat::Csv => typology_csv(&ds, &typology, &result, &spatial, request)?,
        TypologyFormat::Json => typology_json(&ds, &typology, &result, &spatial, request)?,
    };
    write_atomically(&request.out, &bytes)
        .map_err(|source| TypologyExportError::Write { path: request.out.clone(), source })
}

/// A headless `oblys map FILE --typology NAME` request: the class map of a typology.
#[derive(Debug, Clone)]
pub struct TypologyMapRequest {
    pub file: PathBuf,
    /// A saved typology's name in any language, or [`DEFAULT_NAME`].
    pub name: String,
    /// The year (None: the typology's default year, or the scenario's horizon).
    pub year: Option<i32>,
    /// A scenario's name in any language, or its id: the class map of its projection.
    pub scenario: Option<String>,
    /// Language of the title, names and legend.
    pub lang: Lang,
    /// Output file; its extension (.svg, .png, .pdf) picks the format.
    pub out: PathBuf,
    /// Width of the image in pixels (PDF: of the page in points).
    pub width: u32,
}

/// Reads `request.file` and writes the class map of the named typology to `request.out`: the
/// regions coloured by class, hatched where data are insufficient, with the classes' legend —
/// the map of the Potential screen.
pub fn write_typology_map(request: &TypologyMapRequest) -> Result<(), TypologyExportError> {
    use crate::export::{ExportError, ImageFormat, MAX_WIDTH, MIN_WIDTH, scene_bytes};
    let format = ImageFormat::from_path(&request.out)
        .ok_or_else(|| ExportError::Format { path: request.out.clone() })?;
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&request.width) {
        return Err(ExportError::Size { width: request.width }.into());
    }
    let ds = store::load(&request.file)?;
    let typology_request = TypologyRequest {
        file: request.file.clone(),
        name: Some(request.name.clone()),
        indicators: None,
        weights: None,
        year: request.year,
        scenario: request.scenario.clone(),
        classes: None,
        method: None,
        permutations: 0,
        seed: 0,
        significance: 0.05,
        normalisation: None,
        missing: None,
        format: TypologyFormat::Csv,
        lang: request.lang,
        out: request.out.clone(),
    };
    let typology = build_typology(&ds, &typology_request)?;
    let wrap = |source| TypologyExportError::Typology { file: request.file.clone(), source };
    let result = typology::compute(&ds, &typology).map_err(wrap)?;
    let geometry = crate::map::MapGeometry::for_editions(&ds, &[result.edition.as_str()]);
    let scene = crate::app::potential::class_scene(&ds, &geometry, &result, request.lang, None);
    let bytes = scene_bytes(&scene, format, request.width)?;
    write_atomically(&request.out, &bytes)
        .map_err(|source| TypologyExportError::Write { path: request.out.clone(), source })
}

/// The typology a request asks for, checked against the dataset.
pub fn build_typology(
    ds: &Dataset,
    request: &TypologyRequest,
) -> Result<Typology, TypologyExportError> {
    if !(request.significance > 0.0 && request.significance < 1.0) {
        return Err(TypologyExportError::Significance(request.significance));
    }
    let wrap = |source| TypologyExportError::Typology { file: request.file.clone(), source };
    let mut typology = match &request.indicators {
        None => {
            if request.weights.is_some() {
                return Err(TypologyExportError::WeightsWithoutIndicators);
            }
            named_typology(ds, request)?
        }
        Some(keys) => {
            let weights = match &request.weights {
                Some(w) if w.len() != keys.len() => {
                    return Err(TypologyExportError::WeightCount {
                        weights: w.len(),
                        indicators: keys.len(),
                    });
                }
                Some(w) => w.clone(),
                None => vec![1.0; keys.len()],
            };
            let components: Vec<Component> = keys
                .iter()
                .zip(weights)
                .map(|(key, weight)| Component {
                    indicator: key.clone(),
                    direction: typology::default_direction(ds, key),
                    weight,
                })
                .collect();
            let mut typology = Typology::default_for(ds);
            typology.components = components;
            typology.validate(ds).map_err(wrap)?;
            typology.state = TypologyState::Year(typology::default_year(ds, &typology.components));
            typology
        }
    };
    if request.method.is_some() || request.classes.is_some() {
        let method = request.method.unwrap_or(method_of(typology.classification));
        let classes = request.classes.unwrap_or(match method {
            ClassMethod::Three => 3,
            _ => typology.classification.classes(),
        });
        typology.classification = match method {
            ClassMethod::Three if classes == 3 => Classification::ThreeClass,
            ClassMethod::Three => return Err(TypologyExportError::ThreeClassCount(classes)),
            ClassMethod::Quantiles => Classification::Quantiles(classes),
            ClassMethod::Jenks => Classification::NaturalBreaks(classes),
            ClassMethod::KMeans => Classification::KMeans(classes),
        };
    }
    if let Some(normalisation) = request.normalisation {
        typology.normalisation = normalisation;
    }
    if let Some(missing) = request.missing {
        typology.missing = missing;
    }
    typology.state = match &request.scenario {
        // A saved typology of a scenario stays one; --year moves it to another year.
        None => match (typology.state, request.year) {
            (state, None) => state,
            (TypologyState::Year(_), Some(year)) => TypologyState::Year(year),
            (TypologyState::Scenario { scenario_id, .. }, Some(year)) => {
                TypologyState::Scenario { scenario_id, year }
            }
        },
        Some(name) => {
            let scenario =
                find_scenario(ds, name).ok_or_else(|| TypologyExportError::UnknownScenario {
                    file: request.file.clone(),
                    name: name.clone(),
                    known: ds
                        .scenarios
                        .iter()
                        .map(|s| format!("{} (id {})", s.name.get(request.lang), s.id))
                        .collect(),
                })?;
            TypologyState::Scenario {
                scenario_id: scenario.id,
                year: request.year.unwrap_or(scenario.horizon),
            }
        }
    };
    typology.validate(ds).map_err(wrap)?;
    Ok(typology)
}

/// The typology `request.name` names: the built-in default (also when no name is given) or a
/// saved one, by its name in any language.
fn named_typology(
    ds: &Dataset,
    request: &TypologyRequest,
) -> Result<Typology, TypologyExportError> {
    let Some(name) = &request.name else {
        return Ok(Typology::default_for(ds));
    };
    if name.trim().eq_ignore_ascii_case(DEFAULT_NAME) {
        return Ok(Typology::default_for(ds));
    }
    match store::find_typology(&ds.typologies, name) {
        Some(saved) => Ok(saved.typology.clone()),
        None => Err(TypologyExportError::UnknownName {
            file: request.file.clone(),
            name: name.clone(),
            known: std::iter::once(DEFAULT_NAME.to_owned())
                .chain(ds.typologies.iter().map(|s| s.typology.name.get(request.lang).to_owned()))
                .collect(),
        }),
    }
}

/// The command-line method of a classification.
fn method_of(classification: Classification) -> ClassMethod {
    match classification {
        Classification::ThreeClass => ClassMethod::Three,
        Classification::Quantiles(_) => ClassMethod::Quantiles,
        Classification::NaturalBreaks(_) => ClassMethod::Jenks,
        Classification::KMeans(_) => ClassMethod::KMeans,
    }
}

/// The scenario named `name` in any language, or with the id `name`.
fn find_scenario<'a>(ds: &'a Dataset, name: &str) -> Option<&'a Scenario> {
    crate::scenario::find_by_name(&ds.scenarios, name)
        .or_else(|| name.trim().parse::<i64>().ok().and_then(|id| ds.scenario(id)))
}

fn number(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn direction_key(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher_is_better",
        Direction::LowerIsBetter => "lower_is_better",
    }
}

fn class_text(
    typology: &Typology,
    result: &TypologyResult,
    class: Option<usize>,
    lang: Lang,
) -> String {
    match class {
        Some(c) => {
            typology::class_label(typology.classification, c, class_count(typology, result), lang)
        }
        None => typology::insufficient_data_label(lang).to_owned(),
    }
}

/// Number of classes as labelled: 3 for the three-class cut, else the classes found.
fn class_count(typology: &Typology, result: &TypologyResult) -> usize {
    match typology.classification {
        Classification::ThreeClass => 3,
        _ => result.classes.ranges.len(),
    }
}

/// The typology as CSV (UTF-8 with a byte-order mark, comma-separated): one line per region of
/// the current edition with its index, class (1 = lowest), class label, rank (1 = highest),
/// LISA category and pseudo p-value, then raw, normalised, weight and contribution of each
/// component, and the components it lacks (`;`-separated keys).
pub fn typology_csv(
    ds: &Dataset,
    typology: &Typology,
    result: &TypologyResult,
    spatial: &Result<Autocorrelation, MoranError>,
    request: &TypologyRequest,
) -> Result<Vec<u8>, TypologyExportError> {
    let mut out = csv::Writer::from_writer(UTF8_BOM.to_vec());
    let mut header: Vec<String> =
        ["region_code", "region", "index", "class", "class_label", "rank", "lisa", "lisa_p"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
    for c in &typology.components {
        for part in ["raw", "normalised", "weight", "contribution"] {
            header.push(format!("{}_{part}", c.indicator));
        }
    }
    header.push("missing".to_owned());
    out.write_record(&header)?;
    let lang = request.lang;
    for (i, r) in result.regions.iter().enumerate() {
        let name = ds.region(&r.code).map_or(r.code.as_str(), |reg| reg.names.get(lang));
        let local = spatial.as_ref().ok().and_then(|s| s.local.get(i)).and_then(Option::as_ref);
        let mut row: Vec<String> = vec![
            r.code.clone(),
            neutralise(name).into_owned(),
            number(r.index),
            r.class.map_or_else(String::new, |c| (c + 1).to_string()),
            class_text(typology, result, r.class, lang),
            r.rank.map_or_else(String::new, |k| k.to_string()),
            local.map_or_else(String::new, |l| l.category(request.significance).key().to_owned()),
            number(local.and_then(|l| l.p_sim)),
        ];
        for s in &r.components {
            row.extend([
                number(s.raw),
                number(s.normalised),
                number(s.weight),
                number(s.contribution),
            ]);
        }
        row.push(r.missing.join(";"));
        out.write_record(&row)?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()).into())
}

/// The typology as JSON: the definition, the components, the classes, global Moran's I of the
/// index (PySAL's names: `I`, `EI`, `z` = `z_rand`, `p_sim` …; null with `moran_error` when it
/// cannot be computed) and every region.
pub fn typology_json(
    ds: &Dataset,
    typology: &Typology,
    result: &TypologyResult,
    spatial: &Result<Autocorrelation, MoranError>,
    request: &TypologyRequest,
) -> Result<Vec<u8>, TypologyExportError> {
    let lang = request.lang;
    let state = match result.state {
        TypologyState::Year(year) => json!({ "year": year }),
        TypologyState::Scenario { scenario_id, year } => json!({
            "scenario_id": scenario_id,
            "scenario": ds.scenario(scenario_id).map(|s| s.name.get(lang).to_owned()),
            "year": year,
        }),
    };
    let method = method_of(typology.classification);
    let components: Vec<Value> = result
        .components
        .iter()
        .map(|c| {
            json!({
                "key": c.indicator,
                "name": c.names.get(lang),
                "unit": c.unit.get(lang),
                "direction": direction_key(c.direction),
                "weight": c.weight,
                "formula": c.formula,
            })
        })
        .collect();
    let classes: Vec<Value> = result
        .classes
        .ranges
        .iter()
        .enumerate()
        .map(|(i, range)| {
            // The three-class cut may leave a class empty: label by the class a region has.
            let class = result
                .regions
                .iter()
                .filter_map(|r| r.index.zip(r.class))
                .find(|(index, _)| *index >= range.min && *index <= range.max)
                .map_or(i, |(_, c)| c);
            json!({
                "class": class + 1,
                "label": class_text(typology, result, Some(class), lang),
                "min_index": range.min,
                "max_index": range.max,
                "regions": range.count,
            })
        })
        .collect();
    let (moran, moran_error) = match spatial {
        Ok(s) => {
            let g = &s.global;
            (
                json!({
                    "variable": "index",
                    "n": g.n,
                    "I": g.i,
                    "EI": g.expected,
                    "z": g.z_rand,
                    "z_norm": g.z_norm,
                    "p_norm": g.p_norm,
                    "z_rand": g.z_rand,
                    "p_rand": g.p_rand,
                    "permutations": g.permutations,
                    "seed": request.seed,
                    "p_sim": g.p_sim,
                    "EI_sim": g.expected_sim,
                    "z_sim": g.z_sim,
                    "weights": "queen contiguity, row-standardised",
                }),
                Value::Null,
            )
        }
        Err(e) => (Value::Null, Value::String(e.to_string())),
    };
    let regions: Vec<Value> = result
        .regions
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let local = spatial.as_ref().ok().and_then(|s| s.local.get(i)).and_then(Option::as_ref);
            let lisa = local.map(|l| {
                json!({
                    "category": l.category(request.significance).key(),
                    "quadrant": l.quadrant.key(),
                    "Is": l.i,
                    "z": l.z,
                    "lag": l.lag,
                    "p_sim": l.p_sim,
                })
            });
            let parts: serde_json::Map<String, Value> = typology
                .components
                .iter()
                .zip(&r.components)
                .map(|(c, s)| {
                    (
                        c.indicator.clone(),
                        json!({
                            "raw": s.raw,
                            "normalised": s.normalised,
                            "weight": s.weight,
                            "contribution": s.contribution,
                        }),
                    )
                })
                .collect();
            json!({
                "code": r.code,
                "name": ds.region(&r.code).map_or(r.code.as_str(), |reg| reg.names.get(lang)),
                "index": r.index,
                "class": r.class.map(|c| c + 1),
                "class_label": class_text(typology, result, r.class, lang),
                "rank": r.rank,
                "lisa": lisa,
                "components": parts,
                "missing": r.missing,
                "population_span": result.population_spans.get(i).copied().flatten(),
            })
        })
        .collect();
    let document = json!({
        "typology": {
            "name": typology.name.get(lang),
            "state": state,
            "edition": result.edition,
            "normalisation": match typology.normalisation {
                Normalisation::MinMax => "min_max",
                Normalisation::ZScore => "z_score",
            },
            "classification": {
                "method": method.name(),
                "classes": typology.classification.classes(),
                "cuts": result.classes.cuts,
            },
            "missing_rule": match typology.missing {
                MissingRule::InsufficientData => "insufficient_data",
                MissingRule::RescaleWeights => "rescale_weights",
            },
            "significance": request.significance,
        },
        "components": components,
        "classes": classes,
        "moran": moran,
        "moran_error": moran_error,
        "regions": regions,
    });
    let mut bytes = serde_json::to_vec_pretty(&document)?;
    bytes.push(b'\n');
    Ok(bytes)
}
