//! `oblys export FILE --table … --format csv|xlsx|geojson --out PATH`: one table of an Oblys file
//! (indicator values, regions, growth points, projects, corridors) written for reports (CSV, XLSX)
//! or as a layer for QGIS (GeoJSON, EPSG:4326). The input file is only read.

use std::path::{Path, PathBuf};

use geo::{LineString, MultiPolygon, Point};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use serde_json::{Map, Value, json};

use crate::i18n::ui_text::UiText;
use crate::io::cells::{UTF8_BOM, neutralise, write_atomically};
use crate::model::{Dataset, GrowthLevel, Lang, NATIONAL_CODE};
use crate::store::{self, StoreError, codes};

/// The tables `oblys export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    /// Every indicator value: region, year, indicator, value, unit, source.
    Indicators,
    /// Every unit of every boundary edition, with its polygon.
    Regions,
    GrowthPoints,
    Projects,
    Corridors,
}

impl ExportTable {
    pub const ALL: [ExportTable; 5] = [
        ExportTable::Indicators,
        ExportTable::Regions,
        ExportTable::GrowthPoints,
        ExportTable::Projects,
        ExportTable::Corridors,
    ];

    /// The name on the command line, also the sheet and layer name.
    pub fn name(self) -> &'static str {
        match self {
            ExportTable::Indicators => "indicators",
            ExportTable::Regions => "regions",
            ExportTable::GrowthPoints => "growth_points",
            ExportTable::Projects => "projects",
            ExportTable::Corridors => "corridors",
        }
    }

    /// Whether its rows have shapes, so that it can be a GeoJSON layer (all but the values).
    pub fn has_geometry(self) -> bool {
        self != ExportTable::Indicators
    }

    pub fn from_name(name: &str) -> Option<ExportTable> {
        let name = name.trim().to_ascii_lowercase().replace('-', "_");
        ExportTable::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// The formats a table is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    GeoJson,
}

impl ExportFormat {
    /// `csv`, `xlsx` or `geojson` (also `json`), as on the command line.
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            "geojson" | "json" => Some(ExportFormat::GeoJson),
            _ => None,
        }
    }

    /// The format the extension of `path` asks for, if it names one.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        path.extension().and_then(|e| e.to_str()).and_then(ExportFormat::from_name)
    }
}

/// A headless `oblys export` request.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub file: PathBuf,
    pub table: ExportTable,
    /// None: chosen by the extension of `out`.
    pub format: Option<ExportFormat>,
    /// Language of the name columns that are not given in all three languages.
    pub lang: Lang,
    pub out: PathBuf,
}

/// Why a table could not be exported. Every message is one line.
#[derive(Debug, thiserror::Error)]
pub enum TableExportError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error(
        "the format of «{}» is not known from its extension: give --format csv, xlsx or geojson",
        path.display()
    )]
    UnknownFormat { path: PathBuf },
    #[error(
        "the indicators table has no geometry, so it cannot be GeoJSON: export it as CSV or XLSX, \
         and the regions table as GeoJSON to join it in QGIS by region_code"
    )]
    NoGeometry,
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

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl Cell {
    fn text(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }

    fn opt_number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// A geometry in longitude/latitude, for the GeoJSON layer.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Point(Point<f64>),
    Line(LineString<f64>),
    Area(MultiPolygon<f64>),
}

/// A table ready to be written: column names, and rows of cells with their shapes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// One per row for the layers; empty for the indicators table.
    pub shapes: Vec<Option<Shape>>,
}

/// Decimal places kept in GeoJSON coordinates: 1e-6° is about 10 cm.
const COORDINATE_SCALE: f64 = 1e6;

/// Reads `request.file` and writes the requested table to `request.out`.
pub fn export_table_file(request: &ExportRequest) -> Result<(), TableExportError> {
    let format = match request.format.or_else(|| ExportFormat::from_path(&request.out)) {
        Some(format) => format,
        None => return Err(TableExportError::UnknownFormat { path: request.out.clone() }),
    };
    if format == ExportFormat::GeoJson && !request.table.has_geometry() {
        return Err(TableExportError::NoGeometry);
    }
    let ds = store::load(&request.file)?;
    let bytes = table_bytes(&ds, request.table, format, request.lang)?;
    write_atomically(&request.out, &bytes)
        .map_err(|source| TableExportError::Write { path: request.out.clone(), source })
}

/// The bytes of table `which` of `ds` in `format` (what `oblys export` and the window's
/// "Export a table…" write).
pub fn table_bytes(
    ds: &Dataset,
    which: ExportTable,
    format: ExportFormat,
    lang: Lang,
) -> Result<Vec<u8>, TableExportError> {
    if format == ExportFormat::GeoJson && !which.has_geometry() {
        return Err(TableExportError::NoGeometry);
    }
    let table = table(ds, which, lang);
    Ok(match format {
        ExportFormat::Csv => to_csv(&table)?,
        ExportFormat::Xlsx => to_xlsx(&table, which.name())?,
        ExportFormat::GeoJson => to_geojson(&table, which.name()),
    })
}

/// The rows of `which` from `ds`, names of one-language columns in `lang`.
pub fn table(ds: &Dataset, which: ExportTable, lang: Lang) -> Table {
    match which {
        ExportTable::Indicators => indicators(ds, lang),
        ExportTable::Regions => regions(ds),
        ExportTable::GrowthPoints => growth_points(ds),
        ExportTable::Projects => projects(ds),
        ExportTable::Corridors => corridors(ds),
    }
}

fn indicators(ds: &Dataset, lang: Lang) -> Table {
    let columns = vec![
        "region_code",
        "region_name",
        "year",
        "indicator",
        "indicator_name",
        "value",
        "unit",
        "source",
        "note",
    ];
    let mut values: Vec<_> = ds.values.iter().collect();
    values.sort_by(|a, b| {
        (&a.indicator, &a.region_code, a.year).cmp(&(&b.indicator, &b.region_code, b.year))
    });
    let rows = values
        .into_iter()
        .map(|v| {
            let region = region_name(ds, &v.region_code, lang);
            let def = ds.indicator(&v.indicator);
            vec![
                Cell::text(&v.region_code),
                Cell::text(region),
                Cell::Number(f64::from(v.year)),
                Cell::text(&v.indicator),
                Cell::text(def.map_or("", |d| d.names.get(lang))),
                Cell::Number(v.value),
                Cell::text(def.map_or("", |d| d.unit.get(lang))),
                Cell::text(&v.source),
                Cell::text(&v.note),
            ]
        })
        .collect();
    Table { columns, rows, shapes: Vec::new() }
}

/// The name of `code` in `lang`: the country's for the national code (the values reported for
/// Kazakhstan as a whole), the region's otherwise, empty for a code the file does not know.
fn region_name<'a>(ds: &'a Dataset, code: &str, lang: Lang) -> &'a str {
    if code == NATIONAL_CODE {
        return UiText::Kazakhstan.get(lang);
    }
    ds.region(code).map_or("", |r| r.names.get(lang))
}

/// One row per unit of every edition, as in the file's `regions` layer.
fn regions(ds: &Dataset) -> Table {
    let columns = vec![
        "edition",
        "region_code",
        "name_kk",
        "name_ru",
        "name_en",
        "kind",
        "kato",
        "admin_centre_ru",
        "valid_from",
        "valid_to",
        "area_km2",
    ];
    let mut table = Table { columns, ..Table::default() };
    for edition in &ds.editions {
        for unit in &edition.units {
            let region = ds.region(&unit.region_code);
            let names = region.map(|r| &r.names);
            table.rows.push(vec![
                Cell::text(&edition.key),
                Cell::text(&unit.region_code),
                Cell::text(names.map_or("", |n| n.kk.as_str())),
                Cell::text(names.map_or("", |n| n.ru.as_str())),
                Cell::text(names.map_or("", |n| n.en.as_str())),
                Cell::text(region.map_or("", |r| codes::region_kind(r.kind))),
                Cell::text(region.and_then(|r| r.kato.as_deref()).unwrap_or("")),
                Cell::text(
                    region.and_then(|r| r.admin_center.as_ref()).map_or("", |n| n.ru.as_str()),
                ),
                Cell::opt_number(region.and_then(|r| r.valid_from).map(f64::from)),
                Cell::opt_number(region.and_then(|r| r.valid_to).map(f64::from)),
                Cell::Number(unit.area_km2),
            ]);
            table.shapes.push(Some(Shape::Area(unit.geometry.clone())));
        }
    }
    table
}

fn level_number(level: GrowthLevel) -> f64 {
    f64::from(level as u8)
}

fn growth_points(ds: &Dataset) -> Table {
    let columns = vec![
        "id",
        "name_kk",
        "name_ru",
        "name_en",
        "region_code",
        "level",
        "monotown",
        "population",
        "population_year",
        "status",
        "source",
        "lon",
        "lat",
    ];
    let mut table = Table { columns, ..Table::default() };
    for g in &ds.growth_points {
        // Ids and counts are far below 2^53, so f64 holds them exactly.
        table.rows.push(vec![
            Cell::Number(g.id as f64),
            Cell::text(&g.names.kk),
            Cell::text(&g.names.ru),
            Cell::text(&g.names.en),
            Cell::text(&g.region_code),
            Cell::opt_number(g.level.map(level_number)),
            Cell::text(if g.is_monotown { "yes" } else { "no" }),
            Cell::opt_number(g.population.map(|p| p as f64)),
            Cell::opt_number(g.population_year.map(f64::from)),
            Cell::text(&g.status),
            Cell::text(&g.source),
            Cell::opt_number(g.location.map(|p| p.x())),
            Cell::opt_number(g.location.map(|p| p.y())),
        ]);
        table.shapes.push(g.location.map(Shape::Point));
    }
    table
}

fn projects(ds: &Dataset) -> Table {
    let columns = vec![
        "code",
        "name_kk",
        "name_ru",
        "name_en",
        "company",
        "sector",
        "sector_detail",
        "region_code",
        "status",
        "status_detail",
        "year",
        "investment",
        "investment_unit",
        "investment_million_kzt",
        "jobs",
        "capacity",
        "location_basis",
        "source",
        "notes",
        "lon",
        "lat",
    ];
    let mut table = Table { columns, ..Table::default() };
    for p in &ds.projects {
        let investment = p.investment.as_ref();
        table.rows.push(vec![
            Cell::text(&p.code),
            Cell::text(&p.names.kk),
            Cell::text(&p.names.ru),
            Cell::text(&p.names.en),
            Cell::text(&p.company),
            Cell::text(p.sector.key()),
            Cell::text(&p.sector_detail),
            Cell::text(&p.region_code),
            Cell::text(codes::project_status(p.status)),
            Cell::text(&p.status_detail),
            Cell::opt_number(p.year.map(f64::from)),
            Cell::opt_number(investment.map(|i| i.amount)),
            Cell::text(investment.map_or("", |i| i.unit.as_str())),
            Cell::opt_number(investment.and_then(|i| i.million_kzt)),
            Cell::opt_number(p.jobs.map(f64::from)),
            Cell::text(&p.capacity),
            Cell::text(codes::location_basis(p.location_basis)),
            Cell::text(&p.source),
            Cell::text(&p.notes),
            Cell::Number(p.location.x()),
            Cell::Number(p.location.y()),
        ]);
        table.shapes.push(Some(Shape::Point(p.location)));
    }
    table
}

fn corridors(ds: &Dataset) -> Table {
    let columns = vec!["id", "name_kk", "name_ru", "name_en", "kind", "length_points"];
    let mut table = Table { columns, ..Table::default() };
    for c in &ds.corridors {
        table.rows.push(vec![
            Cell::Number(c.id as f64),
            Cell::text(&c.names.kk),
            Cell::text(&c.names.ru),
            Cell::text(&c.names.en),
            Cell::text(codes::corridor_kind(c.kind)),
            Cell::Number(c.line.0.len() as f64),
        ]);
        table.shapes.push(Some(Shape::Line(c.line.clone())));
    }
    table
}

/// A number as CSV shows it: integers without a decimal point, others in full precision.
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// UTF-8 with a byte-order mark (so Excel reads Cyrillic right), comma-separated, a header line;
/// text that could run as a formula is neutralised.
pub fn to_csv(table: &Table) -> Result<Vec<u8>, TableExportError> {
    let mut out = csv::Writer::from_writer(UTF8_BOM.to_vec());
    out.write_record(&table.columns)?;
    for row in &table.rows {
        out.write_record(row.iter().map(|cell| match cell {
            Cell::Text(text) => neutralise(text).into_owned(),
            Cell::Number(value) => number_text(*value),
            Cell::Empty => String::new(),
        }))?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()).into())
}

/// One sheet named after the table: a bold frozen header, numbers as numbers, text neutralised.
pub fn to_xlsx(table: &Table, sheet_name: &str) -> Result<Vec<u8>, TableExportError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name)?;
    let bold = Format::new().set_bold();
    for (col, name) in (0u16..).zip(&table.columns) {
        sheet.write_string_with_format(0, col, *name, &bold)?;
    }
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(text) => {
                    sheet.write_string(row, col, neutralise(text).as_ref())?;
                }
                Cell::Number(value) => {
                    sheet.write_number(row, col, *value)?;
                }
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    Ok(book.save_to_buffer()?)
}

fn round(value: f64) -> f64 {
    (value * COORDINATE_SCALE).round() / COORDINATE_SCALE
}

fn line_coordinates(line: &LineString<f64>) -> Value {
    Value::Array(line.0.iter().map(|c| json!([round(c.x), round(c.y)])).collect())
}

fn geometry(shape: &Shape) -> Value {
    match shape {
        Shape::Point(p) => json!({ "type": "Point", "coordinates": [round(p.x()), round(p.y())] }),
        Shape::Line(line) => json!({ "type": "LineString", "coordinates": line_coordinates(line) }),
        Shape::Area(area) => {
            let polygons: Vec<Value> = area
                .0
                .iter()
                .map(|polygon| {
                    let rings = std::iter::once(polygon.exterior())
                        .chain(polygon.interiors())
                        .map(line_coordinates);
                    Value::Array(rings.collect())
                })
                .collect();
            json!({ "type": "MultiPolygon", "coordinates": polygons })
        }
    }
}

/// A FeatureCollection in EPSG:4326 (RFC 7946); a row without a location has a null geometry.
/// Text is kept as written: GeoJSON is not opened by spreadsheets.
pub fn to_geojson(table: &Table, name: &str) -> Vec<u8> {
    let features: Vec<Value> = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let properties: Map<String, Value> = table
                .columns
                .iter()
                .zip(cells)
                .map(|(column, cell)| {
                    let value = match cell {
                        Cell::Text(text) => Value::String(text.clone()),
                        Cell::Number(n) => json!(n),
                        Cell::Empty => Value::Null,
                    };
                    ((*column).to_owned(), value)
                })
                .collect();
            let geometry =
                table.shapes.get(i).and_then(Option::as_ref).map_or(Value::Null, geometry);
            json!({ "type": "Feature", "properties": properties, "geometry": geometry })
        })
        .collect();
    let collection = json!({ "type": "FeatureCollection", "name": name, "features": features });
    collection.to_string().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn dataset() -> &'static Dataset {
        static DS: OnceLock<Dataset> = OnceLock::new();
        DS.get_or_init(|| crate::io::default_dataset::build().expect("embedded data"))
    }

    #[test]
    fn names_and_formats_are_read_as_on_the_command_line() {
        assert_eq!(ExportTable::from_name("growth-points"), Some(ExportTable::GrowthPoints));
        assert_eq!(ExportTable::from_name("towns"), None);
        assert_eq!(ExportFormat::from_path(Path::new("a/b.GeoJSON")), Some(ExportFormat::GeoJson));
        assert_eq!(ExportFormat::from_path(Path::new("a/b.txt")), None);
    }

    #[test]
    fn the_indicators_table_has_one_row_per_value_with_its_unit_and_source() {
        let ds = dataset();
        let t = table(ds, ExportTable::Indicators, Lang::En);
        assert_eq!(t.rows.len(), ds.values.len());
        let akmola_population = t
            .rows
            .iter()
            .find(|r| {
                r[0] == Cell::text("KZ-AKM")
                    && r[3] == Cell::text("population")
                    && r[2] == Cell::Number(2023.0)
            })
            .expect("Akmola's population in 2023");
        assert_eq!(akmola_population[1], Cell::text("Akmola Region"));
        assert_eq!(akmola_population[5], Cell::Number(788_023.0));
        assert_eq!(akmola_population[6], Cell::text("persons"));
        assert!(matches!(&akmola_population[7], Cell::Text(s) if !s.is_empty()));
    }

    #[test]
    fn national_values_carry_the_name_of_kazakhstan_in_the_chosen_language() {
        let ds = dataset();
        for (lang, name) in [
            (Lang::Kk, "Қазақстан Республикасы"),
            (Lang::Ru, "Республика Казахстан"),
            (Lang::En, "Republic of Kazakhstan"),
        ] {
            let t = table(ds, ExportTable::Indicators, lang);
            let national: Vec<_> =
                t.rows.iter().filter(|r| r[0] == Cell::text(NATIONAL_CODE)).collect();
            assert!(!national.is_empty(), "the default data has national values");
            assert!(
                national.iter().all(|r| r[1] == Cell::text(name)),
                "{lang:?}: {:?}",
                national[0]
            );
        }
    }

    #[test]
    fn regions_cover_every_unit_of_every_edition_with_its_polygon() {
        let ds = dataset();
        let t = table(ds, ExportTable::Regions, Lang::Ru);
        let units: usize = ds.editions.iter().map(|e| e.units.len()).sum();
        assert_eq!(t.rows.len(), units);
        assert_eq!(t.shapes.len(), units);
        assert!(t.shapes.iter().all(|s| matches!(s, Some(Shape::Area(_)))));
    }

    #[test]
    fn csv_starts_with_a_bom_and_neutralises_formula_text() {
        let t = Table {
            columns: vec!["name", "value"],
            rows: vec![vec![Cell::text("=HYPERLINK(\"x\")"), Cell::Number(-1.5)]],
            shapes: Vec::new(),
        };
        let bytes = to_csv(&t).unwrap();
        assert!(bytes.starts_with(UTF8_BOM));
        let text = String::from_utf8(bytes[UTF8_BOM.len()..].to_vec()).unwrap();
        // The number stays a number; only text is neutralised.
        assert_eq!(text, "name,value\n\"'=HYPERLINK(\"\"x\"\")\",-1.5\n");
    }

    #[test]
    fn geojson_points_carry_their_properties_and_rounded_coordinates() {
        let t = Table {
            columns: vec!["name", "jobs"],
            rows: vec![vec![Cell::text("=x"), Cell::Empty]],
            shapes: vec![Some(Shape::Point(Point::new(71.430_411_23, 51.128_207_89)))],
        };
        let value: Value = serde_json::from_slice(&to_geojson(&t, "projects")).unwrap();
        let feature = &value["features"][0];
        assert_eq!(feature["geometry"]["coordinates"], json!([71.430411, 51.128208]));
        assert_eq!(feature["properties"]["name"], json!("=x"));
        assert_eq!(feature["properties"]["jobs"], Value::Null);
    }
}
