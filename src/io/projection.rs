//! `oblys project FILE --scenario NAME --out PATH`: a scenario's projection written to CSV (long
//! format, one row per region × indicator × year, for other tools) or XLSX (a sheet describing the
//! scenario and its targets, then one sheet per indicator with regions down and years across).
//! The input file is only read.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::i18n::scenario_text::{ScenarioText as T, kind_name};
use crate::io::cells::{UTF8_BOM, neutralise, write_atomically};
use crate::model::{Dataset, Lang, NATIONAL_CODE, Scenario, TargetKind};
use crate::scenario::{self, Projection};
use crate::store::{self, StoreError};

/// The file formats a projection is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectionFormat {
    Csv,
    Xlsx,
}

impl ProjectionFormat {
    /// `csv` or `xlsx`, as on the command line.
    pub fn from_name(name: &str) -> Option<ProjectionFormat> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(ProjectionFormat::Csv),
            "xlsx" => Some(ProjectionFormat::Xlsx),
            _ => None,
        }
    }

    /// The format an output path asks for by its extension: `.xlsx` is XLSX, anything else CSV.
    pub fn from_path(path: &Path) -> ProjectionFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("xlsx") => ProjectionFormat::Xlsx,
            _ => ProjectionFormat::Csv,
        }
    }
}

/// A headless `oblys project` request.
#[derive(Debug, Clone)]
pub struct ProjectionRequest {
    /// The Oblys file to read (never written, except that an older file is upgraded on reading).
    pub file: PathBuf,
    /// The scenario's name in any of its three languages (case, dashes and spacing ignored).
    pub scenario: String,
    /// None: chosen by the extension of `out`.
    pub format: Option<ProjectionFormat>,
    /// Language of region, indicator and table names.
    pub lang: Lang,
    pub out: PathBuf,
}

/// Why a projection could not be written. Every message is one line.
#[derive(Debug, thiserror::Error)]
pub enum ProjectionExportError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error(
        "{}: there is no scenario «{name}»; {}",
        file.display(),
        scenario::known_names_message(known)
    )]
    UnknownScenario { file: PathBuf, name: String, known: Vec<String> },
    #[error("{}: the scenario «{name}» does not fit the file: {source}", file.display())]
    InvalidScenario {
        file: PathBuf,
        name: String,
        #[source]
        source: Box<scenario::ScenarioError>,
    },
    #[error("could not build the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    #[error("could not write the table: {0}")]
    Csv(#[from] csv::Error),
    #[error("could not write «{}»: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Reads `request.file`, projects the named scenario and writes it to `request.out`.
pub fn write_projection_file(request: &ProjectionRequest) -> Result<(), ProjectionExportError> {
    let ds = store::load(&request.file)?;
    let Some(scenario) = scenario::find_by_name(&ds.scenarios, &request.scenario) else {
        return Err(ProjectionExportError::UnknownScenario {
            file: request.file.clone(),
            name: request.scenario.clone(),
            known: ds.scenarios.iter().map(|s| s.name.get(request.lang).to_owned()).collect(),
        });
    };
    scenario::validate(&ds, scenario).map_err(|source| ProjectionExportError::InvalidScenario {
        file: request.file.clone(),
        name: request.scenario.clone(),
        source: Box::new(source),
    })?;
    let projection = scenario::project(&ds, scenario);
    let format = request.format.unwrap_or_else(|| ProjectionFormat::from_path(&request.out));
    let bytes = match format {
        ProjectionFormat::Csv => projection_csv(&ds, scenario, &projection, request.lang)?,
        ProjectionFormat::Xlsx => projection_xlsx(&ds, scenario, &projection, request.lang)?,
    };
    write_atomically(&request.out, &bytes)
        .map_err(|source| ProjectionExportError::Write { path: request.out.clone(), source })
}

/// The name of a row of the projection: a region's name, or the country's.
fn row_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    if code == NATIONAL_CODE {
        return T::Kazakhstan.get(lang).to_owned();
    }
    ds.region(code).map_or_else(|| code.to_owned(), |r| r.names.get(lang).to_owned())
}

/// Codes of the projection's rows: the regions, then the country.
fn row_codes(projection: &Projection) -> Vec<&str> {
    projection.regions.iter().map(String::as_str).chain([NATIONAL_CODE]).collect()
}

/// The projection as CSV, UTF-8 with a byte-order mark (for Excel), comma-separated, a header
/// line and one line per region (and the country) × indicator × year; `value` is empty where
/// unknown, `basis` says whether the year is reported (before the base year) or projected.
pub fn projection_csv(
    ds: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
    lang: Lang,
) -> Result<Vec<u8>, ProjectionExportError> {
    let mut out = csv::Writer::from_writer(UTF8_BOM.to_vec());
    out.write_record([
        "scenario",
        "region_code",
        "region",
        "indicator",
        "indicator_name",
        "unit",
        "year",
        "value",
        "basis",
    ])?;
    let scenario_name = neutralise(scenario.name.get(lang));
    for def in &projection.indicators {
        for code in row_codes(projection) {
            let region = row_name(ds, code, lang);
            for year in projection.years() {
                let value = projection
                    .value(code, &def.key, year)
                    .map_or_else(String::new, |v| v.to_string());
                let basis = if year < projection.base_year { "reported" } else { "projected" };
                out.write_record([
                    scenario_name.as_ref(),
                    code,
                    &region,
                    &def.key,
                    def.names.get(lang),
                    def.unit.get(lang),
                    &year.to_string(),
                    &value,
                    basis,
                ])?;
            }
        }
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()).into())
}

/// An Excel number format with `decimals` digits after the point and grouped thousands.
fn number_format(decimals: u8) -> Format {
    let pattern = if decimals == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(usize::from(decimals)))
    };
    Format::new().set_num_format(pattern)
}

/// Writes `label` in bold at the start of `row`.
fn heading(sheet: &mut Worksheet, row: u32, label: &str) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, 0, label, &Format::new().set_bold())?;
    Ok(())
}

/// The first sheet: the scenario, its assumptions and how it fares against its targets.
fn scenario_sheet(
    sheet: &mut Worksheet,
    ds: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.00");
    sheet.set_name(T::Scenario.get(lang))?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 28)?;
    for col in 2..9 {
        sheet.set_column_width(col, 16)?;
    }
    let a = &scenario.assumptions;
    let facts: [(T, String); 6] = [
        (T::Name, scenario.name.get(lang).to_owned()),
        (T::Kind, kind_name(scenario.kind, lang).to_owned()),
        (T::BaseYear, scenario.base_year.to_string()),
        (T::Horizon, projection.horizon.to_string()),
        (T::IndirectJobsMultiplier, a.indirect_jobs_multiplier.to_string()),
        (T::Description, scenario.description.get(lang).to_owned()),
    ];
    let mut row = 0;
    for (label, text) in facts {
        sheet.write_string_with_format(row, 0, label.get(lang), &bold)?;
        sheet.write_string(row, 1, neutralise(&text).as_ref())?;
        row += 1;
    }
    let indicator_name = |key: &str| {
        projection.indicator(key).map_or_else(|| key.to_owned(), |d| d.names.get(lang).to_owned())
    };

    row += 1;
    heading(sheet, row, T::GrowthRates.get(lang))?;
    row += 1;
    for (col, label) in [T::Indicator, T::Region, T::RatePerYear].into_iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, label.get(lang), &bold)?;
    }
    for g in &a.growth {
        row += 1;
        sheet.write_string(row, 0, indicator_name(&g.indicator))?;
        sheet.write_string(row, 1, T::NationalDefault.get(lang))?;
        sheet.write_number_with_format(row, 2, g.national * 100.0, &percent)?;
        for r in &g.regional {
            row += 1;
            sheet.write_string(row, 0, indicator_name(&g.indicator))?;
            sheet.write_string(row, 1, row_name(ds, &r.region_code, lang))?;
            sheet.write_number_with_format(row, 2, r.rate * 100.0, &percent)?;
        }
    }

    if !a.growth_point_levers.is_empty() {
        row += 2;
        heading(sheet, row, T::GrowthPointLevers.get(lang))?;
        row += 1;
        for (col, label) in
            [T::GrowthPointLevel, T::Indicator, T::ExtraGrowthPoints].into_iter().enumerate()
        {
            sheet.write_string_with_format(row, col as u16, label.get(lang), &bold)?;
        }
        for l in &a.growth_point_levers {
            row += 1;
            sheet.write_number(row, 0, l.level as i32)?;
            sheet.write_string(row, 1, indicator_name(&l.indicator))?;
            sheet.write_number_with_format(row, 2, l.extra_rate * 100.0, &percent)?;
        }
    }

    row += 2;
    heading(sheet, row, T::Projects.get(lang))?;
    row += 1;
    let columns = [
        T::Project,
        T::Region,
        T::Realised,
        T::StartYear,
        T::RampUpYears,
        T::Jobs,
        T::InvestmentMillionKzt,
        T::BuildYears,
        T::AnnualOutputMillionKzt,
    ];
    for (col, label) in columns.into_iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, label.get(lang), &bold)?;
    }
    for p in &a.projects {
        row += 1;
        let project = ds.project(&p.project_code);
        let name = project.map_or(p.project_code.as_str(), |pr| pr.names.get(lang));
        sheet.write_string(row, 0, format!("{} ({name})", p.project_code))?;
        let region = project.map_or_else(String::new, |pr| row_name(ds, &pr.region_code, lang));
        sheet.write_string(row, 1, region)?;
        sheet.write_string(row, 2, if p.realised { T::Yes.get(lang) } else { T::No.get(lang) })?;
        sheet.write_number(row, 3, p.start_year)?;
        sheet.write_number(row, 4, p.ramp_up_years)?;
        sheet.write_number(row, 5, p.jobs)?;
        sheet.write_number(row, 6, p.investment_million_kzt)?;
        sheet.write_number(row, 7, p.build_years)?;
        sheet.write_number(row, 8, p.annual_output_million_kzt)?;
    }

    if !a.targets.is_empty() {
        row += 2;
        heading(sheet, row, T::Targets.get(lang))?;
        row += 1;
        let columns = [
            T::Indicator,
            T::Region,
            T::Year,
            T::TargetLevel,
            T::ScenarioValue,
            T::Attained,
            T::FirstYearReached,
            T::Difference,
            T::Source,
        ];
        for (col, label) in columns.into_iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, label.get(lang), &bold)?;
        }
        for t in &a.targets {
            row += 1;
            let what = match t.kind {
                TargetKind::Ratio { reference_year, ratio } => {
                    format!("{} (×{ratio} / {reference_year})", indicator_name(&t.indicator))
                }
                TargetKind::Absolute { .. } => indicator_name(&t.indicator),
            };
            sheet.write_string(row, 0, what)?;
            sheet.write_string(row, 1, row_name(ds, &t.region_code, lang))?;
            sheet.write_number(row, 2, t.year)?;
            let decimals = projection.indicator(&t.indicator).map_or(1, |d| d.decimals);
            let number = number_format(decimals);
            match scenario::attainment(projection, t) {
                Ok(at) => {
                    sheet.write_number_with_format(row, 3, at.level, &number)?;
                    sheet.write_number_with_format(row, 4, at.value, &number)?;
                    let yes_no = if at.attained { T::Yes } else { T::No };
                    sheet.write_string(row, 5, yes_no.get(lang))?;
                    if let Some(year) = at.first_year {
                        sheet.write_number(row, 6, year)?;
                    }
                    sheet.write_number_with_format(row, 7, at.difference, &number)?;
                }
                Err(e) => {
                    sheet.write_string(row, 5, format!("{}: {e}", T::NotAssessable.get(lang)))?;
                }
            }
            sheet.write_string(row, 8, neutralise(&t.source).as_ref())?;
        }
    }
    Ok(())
}

/// One sheet per indicator (named by its key): regions down, years across, the country last.
fn indicator_sheet(
    sheet: &mut Worksheet,
    ds: &Dataset,
    projection: &Projection,
    def: &crate::model::IndicatorDef,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let plain = Format::new();
    let number = number_format(def.decimals);
    sheet.set_name(&def.key)?;
    sheet.set_column_width(0, 34)?;
    sheet.write_string_with_format(0, 0, def.names.get(lang), &bold)?;
    sheet.write_string(1, 0, def.unit.get(lang))?;
    sheet.write_string_with_format(3, 0, T::Region.get(lang), &bold)?;
    for (col, year) in projection.years().enumerate() {
        let col = u16::try_from(col + 1).unwrap_or(u16::MAX);
        sheet.write_number_with_format(3, col, year, &bold)?;
    }
    for (r, code) in row_codes(projection).into_iter().enumerate() {
        let row = 4 + u32::try_from(r).unwrap_or(u32::MAX - 4);
        let name_format = if code == NATIONAL_CODE { &bold } else { &plain };
        sheet.write_string_with_format(row, 0, row_name(ds, code, lang), name_format)?;
        for (col, year) in projection.years().enumerate() {
            if let Some(v) = projection.value(code, &def.key, year) {
                let col = u16::try_from(col + 1).unwrap_or(u16::MAX);
                sheet.write_number_with_format(row, col, v, &number)?;
            }
        }
    }
    let note_row = 6 + u32::try_from(projection.regions.len()).unwrap_or(0);
    sheet.write_string(note_row, 0, T::YearsBeforeBaseAreReported.get(lang))?;
    sheet.set_freeze_panes(4, 1)?;
    Ok(())
}

/// The projection as an XLSX workbook: the scenario sheet, then a sheet per indicator.
pub fn projection_xlsx(
    ds: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
    lang: Lang,
) -> Result<Vec<u8>, ProjectionExportError> {
    let mut workbook = Workbook::new();
    scenario_sheet(workbook.add_worksheet(), ds, scenario, projection, lang)?;
    for def in &projection.indicators {
        indicator_sheet(workbook.add_worksheet(), ds, projection, def, lang)?;
    }
    Ok(workbook.save_to_buffer()?)
}
