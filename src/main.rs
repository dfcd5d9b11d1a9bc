//! The command line: opens the GUI on a file or runs a headless command.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use oblys::model::Lang;

#[derive(Parser)]
#[command(name = "oblys", version, about = "Regional development planning for Kazakhstan")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The Oblys file (a GeoPackage, .gpkg) to open (default: the file open when the window was
    /// last closed, else the default database in the user's data folder).
    file: Option<PathBuf>,
    /// Quit after the first frame is painted and print the time since process start.
    #[arg(long)]
    quit_after_first_frame: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print the layers, feature counts and schema version of a file.
    Info { file: PathBuf },
    /// Render the map of an indicator for a year to SVG, PNG or PDF, without a window; with
    /// --scenario a scenario's projected year, with --compare A,B the difference map B − A.
    Map {
        file: PathBuf,
        /// Indicator key, e.g. population, grp, grp_per_capita, unemployment_rate (with
        /// --scenario or --compare: a projected indicator, GRP when left out).
        #[arg(long, required_unless_present_any = ["scenario", "compare", "typology"])]
        indicator: Option<String>,
        /// The year (with --typology: the typology's default year when left out).
        #[arg(long, required_unless_present = "typology")]
        year: Option<i32>,
        /// Language of names, title and legend (Russian when left out) and of a refusal
        /// (English when left out, as scripts read it): kk, ru or en.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Output file; the extension (.svg, .png or .pdf) picks the format.
        #[arg(long)]
        out: PathBuf,
        /// Width of the image in pixels (PDF: of the page in points).
        #[arg(long, default_value_t = 1600)]
        width: u32,
        /// Draw every year on the current boundaries (legacy units merged) instead of the
        /// boundaries its data were reported for.
        #[arg(long, conflicts_with_all = ["scenario", "compare"])]
        current_boundaries: bool,
        /// Draw this scenario's projected year (its name in any language).
        #[arg(long, conflicts_with = "compare")]
        scenario: Option<String>,
        /// Draw the difference of two scenarios, "A,B": B − A on a diverging scale.
        #[arg(long)]
        compare: Option<String>,
        /// With --compare: the change B / A − 1 in per cent instead of B − A.
        #[arg(long, requires = "compare")]
        relative: bool,
        /// Draw the class map of a typology of the regions by potential: a saved typology's
        /// name in any language, or «default» (with --scenario, of that scenario's projection).
        #[arg(long, conflicts_with_all = ["indicator", "compare", "current_boundaries"])]
        typology: Option<String>,
    },
    /// Render every slide of a file without a window: --out deck.pdf writes a vector PDF deck
    /// (one page per slide), any other path a folder of PNG images (01-title.png, …).
    Slides {
        file: PathBuf,
        /// A .pdf file for the deck, or a folder for the PNG images (made if missing).
        #[arg(long)]
        out: PathBuf,
        /// Language of titles, names and legends (Russian when left out) and of a refusal
        /// (English when left out, as scripts read it): kk, ru or en.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Page size in pixels, WIDTHxHEIGHT (a PDF takes its proportions).
        #[arg(long, default_value = "1920x1080")]
        size: String,
    },
    /// Write a scenario's projection (every region × indicator × year) to CSV or XLSX.
    Project {
        file: PathBuf,
        /// The scenario's name, in any of its languages (see `oblys info` for the file).
        #[arg(long)]
        scenario: String,
        /// csv or xlsx (default: from the extension of --out, else csv).
        #[arg(long, value_parser = parse_projection_format)]
        format: Option<oblys::io::projection::ProjectionFormat>,
        /// Language of region and indicator names: kk, ru or en.
        #[arg(long, default_value = "ru", value_parser = parse_lang)]
        lang: Lang,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Write one table of a file to CSV or XLSX (for reports) or GeoJSON (a layer for QGIS).
    Export {
        file: PathBuf,
        /// indicators, regions, growth_points, projects or corridors.
        #[arg(long, value_parser = parse_export_table)]
        table: oblys::io::export_table::ExportTable,
        /// csv, xlsx or geojson (default: from the extension of --out).
        #[arg(long, value_parser = parse_export_format)]
        format: Option<oblys::io::export_table::ExportFormat>,
        /// Language of region and indicator names in the indicators table: kk, ru or en.
        #[arg(long, default_value = "ru", value_parser = parse_lang)]
        lang: Lang,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Classify the regions by potential (a composite index of several indicators) and write
    /// every region's index, components, class, rank and LISA cluster to CSV or JSON (with the
    /// global Moran's I of the index). Method: docs/typology.md.
    Typology {
        file: PathBuf,
        /// A saved typology's name in any language, or «default» (the built-in one).
        #[arg(long, conflicts_with = "indicators")]
        name: Option<String>,
        /// Component keys, comma-separated (indicators of the file, or investment_per_capita,
        /// employment_rate, population_change).
        #[arg(long, value_delimiter = ',')]
        indicators: Option<Vec<String>>,
        /// One weight per indicator, comma-separated, 0 or more (default: equal).
        #[arg(long, value_delimiter = ',', allow_hyphen_values = true)]
        weights: Option<Vec<f64>>,
        /// The year of data (with --scenario: the projected year; default its horizon).
        #[arg(long)]
        year: Option<i32>,
        /// A scenario's name (any language) or id: classify its projection.
        #[arg(long)]
        scenario: Option<String>,
        /// Number of classes (default: the typology's own; 3 for «default»).
        #[arg(long)]
        classes: Option<usize>,
        /// three (high/medium/low around the mean), quantiles, jenks or kmeans (default: the
        /// typology's own; three for «default»).
        #[arg(long, value_parser = parse_class_method)]
        method: Option<oblys::io::typology::ClassMethod>,
        /// Permutations of the Moran's I and LISA tests.
        #[arg(long, default_value_t = oblys::analysis::moran::DEFAULT_PERMUTATIONS)]
        permutations: usize,
        /// Seed of the permutations (the same seed gives the same pseudo p-values).
        #[arg(long, default_value_t = oblys::analysis::moran::DEFAULT_SEED)]
        seed: u64,
        /// Significance level of the LISA clusters.
        #[arg(long, default_value_t = oblys::analysis::moran::DEFAULT_SIGNIFICANCE)]
        significance: f64,
        /// How components are put on one scale: min_max or z_score (default: the typology's
        /// own; min_max for «default»).
        #[arg(long, value_parser = parse_normalisation)]
        normalisation: Option<oblys::analysis::typology::Normalisation>,
        /// A region lacking a component: rescale (drop it, rescale the other weights) or
        /// insufficient (no index, marked "insufficient data"); default: the typology's own
        /// (rescale for «default»).
        #[arg(long, value_parser = parse_missing_rule)]
        missing: Option<oblys::analysis::typology::MissingRule>,
        /// csv or json.
        #[arg(long, value_parser = parse_typology_format)]
        format: oblys::io::typology::TypologyFormat,
        /// Language of region, component and class names: kk, ru or en.
        #[arg(long, default_value = "ru", value_parser = parse_lang)]
        lang: Lang,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Import indicator values from a statistics file (CSV or XLSX, long or wide layout), or a
    /// GeoJSON layer (--as: points, lines or a boundary edition), after a preview; nothing is
    /// written when the input has problems (unless --skip-problems).
    Import {
        /// The Oblys file to import into.
        file: PathBuf,
        /// The statistics file: CSV (UTF-8, UTF-16 or Windows-1251; comma, semicolon or tab) or XLSX;
        /// or a GeoJSON FeatureCollection (.geojson, .json).
        input: PathBuf,
        /// The workbook sheet to read (default: the first).
        #[arg(long, conflicts_with = "layer")]
        sheet: Option<String>,
        /// The indicator (key or name) of a wide table (years as columns) or of a long one without
        /// an indicator column, when no title line names it.
        #[arg(long, conflicts_with = "layer")]
        indicator: Option<String>,
        /// Print the preview only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good values even when some cells have problems.
        #[arg(long)]
        skip_problems: bool,
        /// Language of the preview and messages: kk, ru or en.
        #[arg(long, default_value = "en", value_parser = parse_lang)]
        lang: Lang,
        /// For a GeoJSON file: what its features become (projects, growth_points, corridors or
        /// edition).
        #[arg(long = "as", value_parser = parse_layer)]
        layer: Option<oblys::io::import::geojson_input::LayerKind>,
        /// GeoJSON: the property holding each feature's name (for an edition, the region name).
        #[arg(long, requires = "layer")]
        name_property: Option<String>,
        /// GeoJSON: language of the names in --name-property: kk, ru or en.
        #[arg(long, value_parser = parse_lang, requires = "layer")]
        lang_of_name: Option<Lang>,
        /// GeoJSON edition: the property holding each region's code (ISO 3166-2 or KATO).
        #[arg(long, requires = "layer")]
        code_property: Option<String>,
        /// GeoJSON edition: the key of the boundary edition written.
        #[arg(long, requires = "layer")]
        edition_key: Option<String>,
        /// GeoJSON edition: its first year (default: this year).
        #[arg(long, requires = "layer")]
        valid_from: Option<i32>,
        /// GeoJSON edition: replace the edition with the same key.
        #[arg(long, requires = "layer")]
        replace: bool,
        /// GeoJSON corridors: railway, road, power_line or pipeline (else each feature's «kind»).
        #[arg(long, value_parser = parse_corridor_kind, requires = "layer")]
        kind: Option<oblys::model::CorridorKind>,
    },
}

fn parse_layer(name: &str) -> Result<oblys::io::import::geojson_input::LayerKind, String> {
    oblys::io::import::geojson_input::LayerKind::from_name(name).ok_or_else(|| {
        format!("unknown layer «{name}»: use projects, growth_points, corridors or edition")
    })
}

fn parse_corridor_kind(name: &str) -> Result<oblys::model::CorridorKind, String> {
    oblys::io::import::geojson_input::corridor_kind(name).ok_or_else(|| {
        format!("unknown corridor kind «{name}»: use railway, road, power_line or pipeline")
    })
}

fn parse_export_table(name: &str) -> Result<oblys::io::export_table::ExportTable, String> {
    oblys::io::export_table::ExportTable::from_name(name).ok_or_else(|| {
        format!(
            "unknown table «{name}»: use indicators, regions, growth_points, projects or corridors"
        )
    })
}

fn parse_export_format(name: &str) -> Result<oblys::io::export_table::ExportFormat, String> {
    oblys::io::export_table::ExportFormat::from_name(name)
        .ok_or_else(|| format!("unknown format «{name}»: use csv, xlsx or geojson"))
}

fn parse_typology_format(name: &str) -> Result<oblys::io::typology::TypologyFormat, String> {
    oblys::io::typology::TypologyFormat::from_name(name)
        .ok_or_else(|| format!("unknown format «{name}»: use csv or json"))
}

fn parse_normalisation(name: &str) -> Result<oblys::analysis::typology::Normalisation, String> {
    oblys::io::typology::normalisation_from_name(name)
        .ok_or_else(|| format!("unknown normalisation «{name}»: use min_max or z_score"))
}

fn parse_missing_rule(name: &str) -> Result<oblys::analysis::typology::MissingRule, String> {
    oblys::io::typology::missing_rule_from_name(name)
        .ok_or_else(|| format!("unknown missing-value rule «{name}»: use rescale or insufficient"))
}

fn parse_class_method(name: &str) -> Result<oblys::io::typology::ClassMethod, String> {
    oblys::io::typology::ClassMethod::from_name(name).ok_or_else(|| {
        format!("unknown classification «{name}»: use three, quantiles, jenks or kmeans")
    })
}

/// `oblys map` with --scenario or --compare.
#[allow(clippy::too_many_arguments)]
fn scenario_map(
    file: PathBuf,
    scenario: Option<String>,
    compare: Option<String>,
    relative: bool,
    indicator: Option<String>,
    year: i32,
    lang: Lang,
    out: PathBuf,
    width: u32,
) -> Result<(), String> {
    use oblys::export::scenario_map::{self, ScenarioMapKind};
    use oblys::map::difference::DifferenceMode;
    let mode = if relative { DifferenceMode::Relative } else { DifferenceMode::Absolute };
    let kind = match (scenario, compare) {
        (Some(name), _) => ScenarioMapKind::Scenario(name),
        (None, Some(pair)) => ScenarioMapKind::compare(&pair, mode).map_err(|e| e.to_string())?,
        (None, None) => return Err("--indicator is required".to_string()),
    };
    let request =
        scenario_map::ScenarioMapRequest { file, kind, indicator, year, lang, out, width };
    scenario_map::render_scenario_map_file(&request).map_err(|e| e.to_string())
}

/// For a command that only reads `file`: the editing lock held while an older file is upgraded
/// (reading upgrades it), or the refusal when an Oblys window holds the lock.
fn upgrade_lock(
    file: &std::path::Path,
    lang: Lang,
) -> Result<Option<oblys::store::FileLock>, String> {
    oblys::io::import::command::lock_if_upgrading(file).map_err(|e| e.message(lang))
}

/// `oblys slides`: the deck as a PDF or a folder of PNG images; prints what was written.
fn write_slides(
    file: PathBuf,
    out: PathBuf,
    lang: Lang,
    size: &str,
) -> Result<(), oblys::export::ExportError> {
    use oblys::export::slides::{SlidesRequest, SlidesWritten, parse_size, write_slides};
    let size = parse_size(size)?;
    match write_slides(&SlidesRequest { file, out, lang, size })? {
        SlidesWritten::Pdf { path, pages } => {
            use oblys::i18n::plural::{self, Noun};
            const PAGES: Noun =
                Noun {
                    kk: "бет", ru: ["страница", "страницы", "страниц"], en: ["page", "pages"]
                };
            println!("{}: {}", path.display(), PAGES.count(plural::n(pages), lang));
        }
        SlidesWritten::Png { files } => {
            for f in files {
                println!("{}", f.display());
            }
        }
    }
    Ok(())
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language «{code}»: use kk, ru or en"))
}

fn parse_projection_format(name: &str) -> Result<oblys::io::projection::ProjectionFormat, String> {
    oblys::io::projection::ProjectionFormat::from_name(name)
        .ok_or_else(|| format!("unknown format «{name}»: use csv or xlsx"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<(), String> = match cli.command {
        Some(Command::Info { file }) => oblys::store::info_report(&file)
            .map(|report| print!("{report}"))
            .map_err(|e| e.to_string()),
        Some(Command::Map {
            file,
            indicator,
            year,
            lang,
            out,
            width,
            current_boundaries,
            scenario,
            compare,
            relative,
            typology,
        }) => {
            let (lang, says) = (lang.unwrap_or(Lang::Ru), lang.unwrap_or(Lang::En));
            upgrade_lock(&file, says).and_then(|_lock| {
                if let Some(name) = typology {
                    let request = oblys::io::typology::TypologyMapRequest {
                        file,
                        name,
                        year,
                        scenario,
                        lang,
                        out,
                        width,
                    };
                    return oblys::io::typology::write_typology_map(&request)
                        .map_err(|e| e.to_string());
                }
                let Some(year) = year else { return Err("--year is required".to_string()) };
                match (scenario, compare, indicator) {
                    (None, None, Some(indicator)) => {
                        let request = oblys::export::MapRequest {
                            file,
                            indicator,
                            year,
                            lang,
                            out,
                            width,
                            current_boundaries,
                        };
                        oblys::export::render_map_file(&request).map_err(|e| e.message(says))
                    }
                    (scenario, compare, indicator) => scenario_map(
                        file, scenario, compare, relative, indicator, year, lang, out, width,
                    ),
                }
            })
        }
        Some(Command::Slides { file, out, lang, size }) => {
            let (lang, says) = (lang.unwrap_or(Lang::Ru), lang.unwrap_or(Lang::En));
            upgrade_lock(&file, says)
                .and_then(|_lock| write_slides(file, out, lang, &size).map_err(|e| e.message(says)))
        }
        // Their refusals are English (as scripts read them), the lock's too.
        Some(Command::Project { file, scenario, format, lang, out }) => {
            upgrade_lock(&file, Lang::En).and_then(|_lock| {
                let request =
                    oblys::io::projection::ProjectionRequest { file, scenario, format, lang, out };
                oblys::io::projection::write_projection_file(&request).map_err(|e| e.to_string())
            })
        }
        Some(Command::Export { file, table, format, lang, out }) => upgrade_lock(&file, Lang::En)
            .and_then(|_lock| {
                let request =
                    oblys::io::export_table::ExportRequest { file, table, format, lang, out };
                oblys::io::export_table::export_table_file(&request).map_err(|e| e.to_string())
            }),
        Some(Command::Typology {
            file,
            name,
            indicators,
            weights,
            year,
            scenario,
            classes,
            method,
            permutations,
            seed,
            significance,
            normalisation,
            missing,
            format,
            lang,
            out,
        }) => upgrade_lock(&file, Lang::En).and_then(|_lock| {
            let request = oblys::io::typology::TypologyRequest {
                file,
                name,
                indicators,
                weights,
                year,
                scenario,
                classes,
                method,
                permutations,
                seed,
                significance,
                normalisation,
                missing,
                format,
                lang,
                out,
            };
            oblys::io::typology::write_typology_file(&request).map_err(|e| e.to_string())
        }),
        Some(Command::Import {
            file,
            input,
            dry_run,
            skip_problems,
            lang,
            layer,
            name_property,
            lang_of_name,
            code_property,
            edition_key,
            valid_from,
            replace,
            kind,
            ..
        }) if layer.is_some() || oblys::io::import::geojson_input::is_geojson(&input) => {
            let request = oblys::io::import::GeoJsonRequest {
                file,
                input,
                layer,
                name_property,
                code_property,
                name_lang: lang_of_name,
                kind,
                edition_key,
                valid_from,
                replace,
                dry_run,
                skip_problems,
                lang,
            };
            oblys::io::import::run_geojson_import(&request, &mut std::io::stdout().lock())
                .map(|_| ())
                .map_err(|e| e.message(lang))
        }
        Some(Command::Import {
            file,
            input,
            sheet,
            indicator,
            dry_run,
            skip_problems,
            lang,
            ..
        }) => {
            let request = oblys::io::import::ImportRequest {
                file,
                input,
                sheet,
                indicator,
                dry_run,
                skip_problems,
                lang,
            };
            oblys::io::import::run_import(&request, &mut std::io::stdout().lock())
                .map(|_| ())
                .map_err(|e| e.message(lang))
        }
        None => {
            use oblys::ui::startup;
            // An explicit file wins; else the last session's file if it still opens; else the
            // default database (with a one-line notice when the last file did not open).
            let start = startup::choose(cli.file, &startup::remembered(), startup::opens, || {
                oblys::store::ensure_default_database().map_err(|e| e.to_string())
            });
            start.and_then(|start| {
                if let Some(notice) = &start.notice {
                    eprintln!("oblys: {notice}");
                }
                let options = oblys::ui::GuiOptions {
                    quit_after_first_frame: cli.quit_after_first_frame,
                    notice: start.notice,
                };
                oblys::ui::run_gui(start.file, options)
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("oblys: {message}");
            ExitCode::from(2)
        }
    }
}
