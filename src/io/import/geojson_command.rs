//! `oblys import FILE layer.geojson --as …`: previews a GeoJSON layer against an Oblys file,
//! prints the preview in the planner's language and writes the good features in one transaction
//! — or nothing, when features have problems and the planner did not ask to skip them, when a
//! boundary edition would leave regions without a boundary, when an Oblys window edits the file,
//! or on a dry run.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::command::{UpgradeLockError, lock_if_upgrading, today_utc};
use super::geojson_input::{
    FeatureProblem, GeoJsonError, GeoJsonOptions, LayerItems, LayerKind, LayerPreview, YEARS,
    preview_geojson,
};
use super::read_input;
use crate::i18n::geojson_import_text::{self as text, GeoJsonText as T};
use crate::i18n::import_text;
use crate::model::{CorridorKind, Dataset, Lang, Names};
use crate::store::{self, EditionSummary, FeatureBatch, LayerSummary, StoreError};

/// Most items and repairs listed one by one in the preview (the rest are counted).
const LISTED: usize = 50;

/// What `oblys import` was asked to do with a GeoJSON file.
#[derive(Debug, Clone)]
pub struct GeoJsonRequest {
    /// The Oblys file written to.
    pub file: PathBuf,
    /// The GeoJSON file read.
    pub input: PathBuf,
    /// What the features become (`--as`); required.
    pub layer: Option<LayerKind>,
    pub name_property: Option<String>,
    pub code_property: Option<String>,
    /// Language of the names (`--lang-of-name`).
    pub name_lang: Option<Lang>,
    pub kind: Option<CorridorKind>,
    pub edition_key: Option<String>,
    pub valid_from: Option<i32>,
    pub replace: bool,
    /// Print the preview only.
    pub dry_run: bool,
    /// Import the good features even when some have problems.
    pub skip_problems: bool,
    /// Language of the preview and messages.
    pub lang: Lang,
}

/// Why `oblys import` wrote nothing from a GeoJSON file.
#[derive(Debug, thiserror::Error)]
pub enum GeoJsonCommandError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Input(#[from] GeoJsonError),
    #[error("{file}: a GeoJSON file needs --as projects, growth_points, corridors or edition")]
    NoLayer { file: String },
    #[error(
        "{file}: {}, the first: {}; nothing was imported (fix them, or give \
         --skip-problems to import only the good features)",
        import_text::problems_en(*count),
        text::problem(first, Lang::En)
    )]
    Problems { file: String, count: usize, first: Box<FeatureProblem> },
    /// The edition gives no boundary to some regions in force in its first year: the map would
    /// draw only the others and points could land only in them, so it is never written (not
    /// even with --skip-problems).
    #[error("{}", incomplete_message(file, key, missing, Lang::En))]
    IncompleteEdition {
        file: String,
        key: String,
        /// Names of the regions left without a boundary, in the dataset's order.
        missing: Vec<Names>,
    },
    /// An Oblys window holds the file's editing lock.
    #[error("{}", import_text::open_for_editing(&file.display().to_string(), Lang::En))]
    Locked { file: PathBuf },
    #[error(transparent)]
    Upgrade(#[from] UpgradeLockError),
    #[error("cannot print the preview: {0}")]
    Output(#[from] std::io::Error),
}

impl GeoJsonCommandError {
    /// The message in `lang`, the file's own refusals included.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            GeoJsonCommandError::Input(error) => text::error(error, lang),
            GeoJsonCommandError::NoLayer { file } => match lang {
                Lang::Kk => format!(
                    "{file}: GeoJSON файлы үшін --as projects, growth_points, corridors немесе \
                     edition беріңіз"
                ),
                Lang::Ru => format!(
                    "{file}: для файла GeoJSON укажите --as projects, growth_points, corridors \
                     или edition"
                ),
                Lang::En => self.to_string(),
            },
            GeoJsonCommandError::Problems { file, count, first } => format!(
                "{file}: {}: {count}, {} {}; {} ({})",
                T::Problems.get(lang),
                T::TheFirst.get(lang),
                text::problem(first, lang),
                T::NothingImported.get(lang),
                T::UseSkipProblems.get(lang)
            ),
            GeoJsonCommandError::IncompleteEdition { file, key, missing } => {
                incomplete_message(file, key, missing, lang)
            }
            GeoJsonCommandError::Locked { file } => {
                import_text::open_for_editing(&file.display().to_string(), lang)
            }
            GeoJsonCommandError::Upgrade(error) => error.message(lang),
            GeoJsonCommandError::Store(error) => error.message(lang),
            other => other.to_string(),
        }
    }
}

/// The refusal of an incomplete edition with the regions' names in `lang`.
fn incomplete_message(file: &str, key: &str, missing: &[Names], lang: Lang) -> String {
    let names: Vec<&str> = missing.iter().map(|n| n.get(lang)).collect();
    text::incomplete_edition(file, key, &names, lang)
}

/// The refusal of `plan` when it leaves regions without a boundary (`None` when it is
/// complete). Every writer of an imported edition (the command, a window) checks it first: an
/// incomplete current edition would draw only its regions and place points only in them.
pub fn incomplete_edition(
    file: &str,
    plan: &super::geojson_input::EditionPlan,
    dataset: &Dataset,
) -> Option<GeoJsonCommandError> {
    if plan.missing.is_empty() {
        return None;
    }
    let missing = plan
        .missing
        .iter()
        .map(|code| {
            dataset.region(code).map_or_else(|| Names::new(code, code, code), |r| r.names.clone())
        })
        .collect();
    Some(GeoJsonCommandError::IncompleteEdition {
        file: file.to_owned(),
        key: plan.edition.key.clone(),
        missing,
    })
}

/// Takes the editing lock of `file` for a write, refusing when an Oblys window holds it. The
/// file is checked first, so no lock file is ever put beside a foreign or damaged file.
fn lock_for_write(file: &Path) -> Result<store::FileLock, GeoJsonCommandError> {
    store::schema_version(file)?;
    store::lock_for_editing(file)?
        .ok_or_else(|| GeoJsonCommandError::Locked { file: file.to_owned() })
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GeoJsonWritten {
    Features(LayerSummary),
    Edition(EditionSummary),
}

/// What a GeoJSON import did.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoJsonOutcome {
    pub preview: LayerPreview,
    /// `None` on a dry run.
    pub written: Option<GeoJsonWritten>,
}

/// Runs `oblys import` on a GeoJSON file: takes the file's editing lock (a dry run only when
/// reading would upgrade an older file; [`GeoJsonCommandError::Locked`] when an Oblys window
/// holds it), loads the Oblys file
/// (refusing a foreign or damaged one), previews the input, prints the preview to `out`, and
/// writes unless this is a dry run. With problems and without `skip_problems` nothing is written
/// and [`GeoJsonCommandError::Problems`] is returned; an edition that leaves regions without a
/// boundary is never written ([`GeoJsonCommandError::IncompleteEdition`]).
pub fn run_geojson_import(
    request: &GeoJsonRequest,
    out: &mut dyn Write,
) -> Result<GeoJsonOutcome, GeoJsonCommandError> {
    let lang = request.lang;
    let shown = request.input.display().to_string();
    let Some(layer) = request.layer else {
        return Err(GeoJsonCommandError::NoLayer { file: shown });
    };
    // Held until the write is committed, so no window starts editing between preview and write.
    // A dry run writes nothing — unless reading upgrades an older file, which then needs it too.
    let _lock = if request.dry_run {
        lock_if_upgrading(&request.file)?
    } else {
        Some(lock_for_write(&request.file)?)
    };
    let dataset = store::load(&request.file)?;
    let bytes = read_input(&request.input, &shown).map_err(GeoJsonError::from)?;
    let source = request
        .input
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    // `today_utc` is `YYYY-MM-DD`; the fallback only guards the slice.
    let this_year = today_utc().get(..4).and_then(|y| y.parse().ok()).unwrap_or(*YEARS.end());
    let options = GeoJsonOptions {
        layer,
        name_property: request.name_property.clone(),
        code_property: request.code_property.clone(),
        name_lang: request.name_lang,
        kind: request.kind,
        edition_key: request.edition_key.clone(),
        valid_from: request.valid_from,
        replace: request.replace,
        this_year,
        source,
    };
    let preview = preview_geojson(&shown, &bytes, &dataset, &options)?;
    out.write_all(render_layer_preview(&shown, &preview, &dataset, lang).as_bytes())?;

    if !request.dry_run
        && let Some(first) = preview.problems.first()
        && (!request.skip_problems || preview.items.is_empty())
    {
        let (count, first) = (preview.problems.len(), Box::new(first.clone()));
        return Err(GeoJsonCommandError::Problems { file: shown, count, first });
    }
    let incomplete = match &preview.items {
        LayerItems::Edition(plan) => incomplete_edition(&shown, plan, &dataset),
        _ => None,
    };
    if request.dry_run {
        if let Some(refusal) = &incomplete {
            writeln!(out, "{}", refusal.message(lang))?;
        }
        writeln!(out, "{}", T::DryRun.get(lang))?;
        return Ok(GeoJsonOutcome { preview, written: None });
    }
    if let Some(refusal) = incomplete {
        return Err(refusal);
    }
    if !preview.problems.is_empty() {
        writeln!(out, "{}: {}", T::ProblemsSkipped.get(lang), preview.problems.len())?;
    }
    let into = match lang {
        Lang::Kk => format!("{} {}", request.file.display(), T::ImportedInto.get(lang)),
        Lang::Ru | Lang::En => format!("{} {}", T::ImportedInto.get(lang), request.file.display()),
    };
    let written = match &preview.items {
        LayerItems::Edition(plan) => {
            let summary = store::write_edition(&request.file, &plan.edition, request.replace)?;
            let what =
                text::edition_written(&plan.edition.key, summary.units, summary.replaced, lang);
            writeln!(out, "{into}: {what}.")?;
            if let Some(closed) = &summary.closed {
                let year = plan.edition.valid_from.unwrap_or_default();
                writeln!(out, "{}.", text::edition_ends(closed, year, lang))?;
            }
            GeoJsonWritten::Edition(summary)
        }
        items => {
            let batch = FeatureBatch {
                growth_points: match items {
                    LayerItems::GrowthPoints(list) => list.iter().map(|i| i.item.clone()).collect(),
                    _ => Vec::new(),
                },
                projects: match items {
                    LayerItems::Projects(list) => list.iter().map(|i| i.item.clone()).collect(),
                    _ => Vec::new(),
                },
                corridors: match items {
                    LayerItems::Corridors(list) => list.iter().map(|i| i.item.clone()).collect(),
                    _ => Vec::new(),
                },
            };
            let summary = store::add_features(&request.file, &batch)?;
            let count = summary.growth_points + summary.projects + summary.corridors;
            writeln!(out, "{into}: {count} ({}).", text::layer_name(layer, lang))?;
            GeoJsonWritten::Features(summary)
        }
    };
    Ok(GeoJsonOutcome { preview, written: Some(written) })
}

/// A region's name in `lang`, or its code when the dataset has no such region.
fn region_name<'a>(dataset: &'a Dataset, code: &'a str, lang: Lang) -> &'a str {
    dataset.region(code).map_or(code, |r| r.names.get(lang))
}

/// The preview as the planner reads it: the features read, what each becomes (with its region),
/// the shapes repaired, the regions left without a boundary, and every problem.
pub fn render_layer_preview(
    file: &str,
    preview: &LayerPreview,
    dataset: &Dataset,
    lang: Lang,
) -> String {
    let mut lines = vec![format!("{file}: {}: {}", T::FeaturesInFile.get(lang), preview.features)];
    let mut listed = Vec::new();
    match &preview.items {
        LayerItems::GrowthPoints(items) => {
            lines.push(format!("{}: {}", T::GrowthPointsToImport.get(lang), items.len()));
            for i in items {
                let g = &i.item;
                listed.push(format!(
                    "  {}: {} → {} ({}, id {})",
                    text::feature(i.feature, lang),
                    g.names.get(lang),
                    g.region_code,
                    region_name(dataset, &g.region_code, lang),
                    g.id
                ));
            }
        }
        LayerItems::Projects(items) => {
            lines.push(format!("{}: {}", T::ProjectsToImport.get(lang), items.len()));
            for i in items {
                let p = &i.item;
                listed.push(format!(
                    "  {}: {} {} → {} ({})",
                    text::feature(i.feature, lang),
                    p.code,
                    p.names.get(lang),
                    p.region_code,
                    region_name(dataset, &p.region_code, lang)
                ));
            }
        }
        LayerItems::Corridors(items) => {
            lines.push(format!("{}: {}", T::CorridorsToImport.get(lang), items.len()));
            for i in items {
                let c = &i.item;
                listed.push(format!(
                    "  {}: {} ({}, {}, id {})",
                    text::feature(i.feature, lang),
                    c.names.get(lang),
                    crate::store::codes::corridor_kind(c.kind),
                    text::points(c.line.0.len(), lang),
                    c.id
                ));
            }
        }
        LayerItems::Edition(plan) => {
            let e = &plan.edition;
            let heading = if plan.replaces { T::ReplacesEdition } else { T::NewEdition };
            let from =
                e.valid_from.map_or_else(String::new, |y| format!(", {} {y}", T::From.get(lang)));
            lines.push(format!("{} «{}»{from}", heading.get(lang), e.key));
            if let (Some(closes), Some(year)) = (&plan.closes, e.valid_from) {
                lines.push(text::edition_ends(closes, year, lang));
            }
            lines.push(format!("{}: {}", T::RegionsToImport.get(lang), e.units.len()));
            for (unit, feature) in e.units.iter().zip(&plan.features) {
                listed.push(format!(
                    "  {}: {} {}, {} {}",
                    text::feature(*feature, lang),
                    unit.region_code,
                    region_name(dataset, &unit.region_code, lang),
                    crate::i18n::format_number(unit.area_km2, 0, lang),
                    T::AreaKm2.get(lang)
                ));
            }
        }
    }
    let more = listed.len().saturating_sub(LISTED);
    lines.extend(listed.into_iter().take(LISTED));
    if more > 0 {
        lines.push(format!("  … +{more}"));
    }
    if let LayerItems::Edition(plan) = &preview.items {
        if !plan.repaired.is_empty() {
            lines.push(format!("{}: {}", T::Repaired.get(lang), plan.repaired.len()));
            for r in plan.repaired.iter().take(LISTED) {
                for change in r.report.describe(lang) {
                    lines.push(format!(
                        "  {} ({}): {change}",
                        text::feature(r.feature, lang),
                        r.region_code
                    ));
                }
            }
        }
        if !plan.missing.is_empty() {
            lines.push(format!(
                "{}: {} ({})",
                T::RegionsWithoutShape.get(lang),
                plan.missing.len(),
                plan.missing.join(", ")
            ));
        }
    }
    if !preview.problems.is_empty() {
        lines.push(format!("{}: {}", T::Problems.get(lang), preview.problems.len()));
        for problem in &preview.problems {
            lines.push(format!("  {file}: {}", text::problem(problem, lang)));
        }
    }
    let mut rendered = lines.join("\n");
    rendered.push('\n');
    rendered
}
