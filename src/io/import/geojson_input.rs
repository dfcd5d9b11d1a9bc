//! Reading a GeoJSON FeatureCollection as a layer of the planner's file: points as growth points
//! or projects (their region found by point in polygon on the current boundaries), lines as
//! corridors, polygons as a boundary edition (each feature's name or code matched to a region,
//! its shape repaired through [`spatial::repair`]). Pure: the preview lists what would be written
//! and every problem with its feature number; `store::add_features` and `store::write_edition`
//! write it, `geojson_command` runs `oblys import` on it.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use geo::{Coord, LineString, MultiPolygon, Point, Polygon};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{ImportError, RegionMatcher, parse_number};
use crate::model::{
    BoundaryEdition, Corridor, CorridorKind, Dataset, EditionUnit, GrowthLevel, GrowthPoint,
    Investment, Lang, LocationBasis, NATIONAL_CODE, Names, Project, ProjectStatus, Sector,
};
use crate::spatial::{self, RegionLocator, RepairReport};

/// Years a project, a population count or an edition may carry.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// True when `path` names a GeoJSON file by its extension (`.geojson` or `.json`).
pub fn is_geojson(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"))
}

/// What the features become (`--as`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    GrowthPoints,
    Projects,
    Corridors,
    /// A boundary edition: one polygon per region.
    Edition,
}

impl LayerKind {
    pub const ALL: [LayerKind; 4] =
        [LayerKind::Projects, LayerKind::GrowthPoints, LayerKind::Corridors, LayerKind::Edition];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            LayerKind::GrowthPoints => "growth_points",
            LayerKind::Projects => "projects",
            LayerKind::Corridors => "corridors",
            LayerKind::Edition => "edition",
        }
    }

    pub fn from_name(name: &str) -> Option<LayerKind> {
        LayerKind::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The geometry the layer takes, as GeoJSON names it.
    pub fn geometry(self) -> &'static str {
        match self {
            LayerKind::GrowthPoints | LayerKind::Projects => "Point",
            LayerKind::Corridors => "LineString",
            LayerKind::Edition => "Polygon",
        }
    }
}

/// The corridor kind named on the command line or in a `kind` property (`railway`, `road`,
/// `power_line`, `pipeline`).
pub fn corridor_kind(name: &str) -> Option<CorridorKind> {
    let folded = name.trim().to_lowercase().replace([' ', '-'], "_");
    [CorridorKind::Railway, CorridorKind::Road, CorridorKind::PowerLine, CorridorKind::Pipeline]
        .into_iter()
        .find(|k| crate::store::codes::corridor_kind(*k) == folded)
}

/// How `oblys import` was asked to read the features.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoJsonOptions {
    pub layer: LayerKind,
    /// The property holding each feature's name (points, lines; or an edition's region names).
    pub name_property: Option<String>,
    /// The property holding each feature's region code (ISO 3166-2 or KATO; editions only).
    pub code_property: Option<String>,
    /// Language of the names (default: from a `_kk`/`_ru`/`_en` suffix of the property, else
    /// Russian).
    pub name_lang: Option<Lang>,
    /// Kind of the corridors (else each feature's `kind` property).
    pub kind: Option<CorridorKind>,
    /// Key of the edition written.
    pub edition_key: Option<String>,
    /// First year the edition is valid.
    pub valid_from: Option<i32>,
    /// Replace an edition with the same key.
    pub replace: bool,
    /// This year: a new edition without `valid_from` starts in it.
    pub this_year: i32,
    /// The input's file name, recorded as the source of what is imported.
    pub source: String,
}

/// Why a GeoJSON file cannot be previewed at all: one line naming the file and the place.
#[derive(Debug, thiserror::Error)]
pub enum GeoJsonError {
    #[error(transparent)]
    Input(#[from] ImportError),
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: line {line}, column {column}: not valid JSON: {message}")]
    Syntax { file: String, line: usize, column: usize, message: String },
    #[error("{file}: line {line}, column {column}: not a GeoJSON FeatureCollection: {message}")]
    Structure { file: String, line: usize, column: usize, message: String },
    /// `NaN`, `Infinity` or a number beyond ±1.8e308, as some tools write them; JSON has none.
    #[error(
        "{file}: line {line}, column {column}: «{text}» is not a finite number (NaN or infinity); \
         GeoJSON holds ordinary numbers only"
    )]
    NotFinite { file: String, line: usize, column: usize, text: String },
    #[error(
        "{file}: line {line}, column {column}: not a GeoJSON FeatureCollection: the file does not \
         start with «{{»"
    )]
    NotAnObject { file: String, line: usize, column: usize },
    #[error("{file}: not a GeoJSON FeatureCollection (its type is «{found}»)")]
    NotFeatureCollection { file: String, found: String },
    #[error("{file}: the FeatureCollection has no features")]
    NoFeatures { file: String },
    #[error("{file}, feature {feature}: {fault}")]
    Geometry { file: String, feature: usize, fault: GeometryFault },
    #[error("--as {} needs {option}", layer.name())]
    MissingOption { layer: LayerKind, option: &'static str },
    #[error("give either --code-property or --name-property, not both")]
    BothMatchProperties,
    #[error("{option} does not apply to --as {}", layer.name())]
    OptionNotForLayer { layer: LayerKind, option: &'static str },
    #[error("--valid-from {year} is not a year between 1990 and 2100")]
    BadValidFrom { year: i32 },
    #[error(
        "the file already has boundary edition «{key}»; give --replace to replace it, or another \
         --edition-key"
    )]
    EditionExists { key: String },
    #[error(
        "the new edition must begin after {current_from}, when the current edition «{current}» \
         began (--valid-from {year})"
    )]
    EditionTooEarly { year: i32, current: String, current_from: i32 },
}

/// What is wrong with a feature's coordinates (the file is then refused whole).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeometryFault {
    #[error("«{0}» is not a GeoJSON geometry type")]
    UnknownType(String),
    #[error("position {position}: not a [longitude, latitude] pair of numbers")]
    NotAPosition { position: usize },
    #[error("position {position}: longitude {lon} is outside −180…180")]
    Longitude { position: usize, lon: f64 },
    #[error("position {position}: latitude {lat} is outside −90…90")]
    Latitude { position: usize, lat: f64 },
    #[error("the coordinates of a {kind} are not nested as GeoJSON nests them")]
    Nesting { kind: &'static str },
}

/// What a property should have held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A whole number of zero or more.
    Count,
    /// A number of zero or more.
    Amount,
    /// 1, 2 or 3.
    Level,
    /// true/false, yes/no, 1/0.
    YesNo,
    Text,
}

/// Why one feature is not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    NoGeometry,
    /// The geometry is not of the layer's kind.
    WrongGeometry {
        found: String,
        layer: LayerKind,
    },
    /// The name (or code) property is missing or empty.
    MissingProperty {
        property: String,
    },
    /// A property holds something of the wrong type.
    BadProperty {
        property: String,
        found: String,
        expected: Expected,
    },
    NegativeCount {
        property: String,
        value: f64,
    },
    YearOutOfRange {
        property: String,
        year: f64,
    },
    /// A point outside every region of the current boundaries.
    OutsideRegions {
        lon: f64,
        lat: f64,
    },
    /// A line none of whose points lies in a region.
    LineOutside,
    ShortLine {
        points: usize,
    },
    UnknownKind {
        text: String,
    },
    NoKind,
    /// A project code already in the file.
    CodeInFile {
        code: String,
    },
    /// A project code of an earlier feature.
    DuplicateCode {
        code: String,
        earlier: usize,
    },
    /// An edition feature's name or code matches no region.
    UnknownRegion {
        name: String,
    },
    /// A name of the whole country, not a region.
    WholeCountry {
        name: String,
    },
    /// A region that did not exist in the edition's first year.
    NotInYear {
        name: String,
        code: String,
        year: i32,
    },
    /// Two features match the same region.
    DuplicateRegion {
        code: String,
        earlier: usize,
    },
    /// A fault repair could not remove.
    Unrepaired {
        fault: spatial::Fault,
    },
    /// Nothing is left of the shape after repair.
    EmptyShape,
}

/// A problem and the feature it belongs to (1-based, in file order).
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureProblem {
    pub feature: usize,
    pub problem: Problem,
}

/// Something read from a feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported<T> {
    /// The feature's number (1-based).
    pub feature: usize,
    pub item: T,
}

/// A shape [`spatial::repair`] changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    pub feature: usize,
    pub region_code: String,
    pub report: RepairReport,
}

/// The boundary edition a polygon layer becomes.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionPlan {
    pub edition: BoundaryEdition,
    /// Feature of each unit, in the order of `edition.units`.
    pub features: Vec<usize>,
    /// True when an edition with the same key is replaced.
    pub replaces: bool,
    /// The current edition this one ends (at its first year), if any.
    pub closes: Option<String>,
    pub repaired: Vec<Repaired>,
    /// Regions in force in the edition's first year that get no unit (no feature matched them,
    /// or their feature has a problem); an edition with any is refused as incomplete.
    pub missing: Vec<String>,
}

/// What the features become.
#[derive(Debug, Clone, PartialEq)]
pub enum LayerItems {
    GrowthPoints(Vec<Imported<GrowthPoint>>),
    Projects(Vec<Imported<Project>>),
    Corridors(Vec<Imported<Corridor>>),
    Edition(Box<EditionPlan>),
}

impl LayerItems {
    /// How many items would be written (growth points, projects, corridors or edition units).
    pub fn len(&self) -> usize {
        match self {
            LayerItems::GrowthPoints(items) => items.len(),
            LayerItems::Projects(items) => items.len(),
            LayerItems::Corridors(items) => items.len(),
            LayerItems::Edition(plan) => plan.edition.units.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The preview of a GeoJSON import.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerPreview {
    /// Features in the file.
    pub features: usize,
    pub items: LayerItems,
    /// Every problem, in feature order.
    pub problems: Vec<FeatureProblem>,
}

// ---------------------------------------------------------------------------------------------
// Reading the file

#[derive(Deserialize)]
struct RawCollection {
    #[serde(rename = "type")]
    kind: Option<String>,
    features: Option<Vec<RawFeature>>,
}

#[derive(Deserialize)]
struct RawFeature {
    #[serde(default)]
    properties: Option<Map<String, Value>>,
    #[serde(default)]
    geometry: Option<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    coordinates: Value,
}

/// A feature's geometry, checked.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Points(Vec<Point<f64>>),
    Lines(Vec<LineString<f64>>),
    Areas(MultiPolygon<f64>),
    /// A GeometryCollection: never one of the layer's kinds.
    Collection,
}

/// One feature as read: its properties and checked geometry.
struct Feature {
    number: usize,
    properties: Map<String, Value>,
    shape: Option<(String, Shape)>,
}

/// Counts positions while converting, to name the bad one.
struct Positions {
    seen: usize,
}

impl Positions {
    fn position(&mut self, value: &Value) -> Result<Coord<f64>, GeometryFault> {
        self.seen += 1;
        let position = self.seen;
        let Some([lon, lat, ..]) = value.as_array().map(Vec::as_slice) else {
            return Err(GeometryFault::NotAPosition { position });
        };
        let (Some(lon), Some(lat)) = (lon.as_f64(), lat.as_f64()) else {
            return Err(GeometryFault::NotAPosition { position });
        };
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            return Err(GeometryFault::Longitude { position, lon });
        }
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return Err(GeometryFault::Latitude { position, lat });
        }
        Ok(Coord { x: lon, y: lat })
    }

    fn list<'a>(value: &'a Value, kind: &'static str) -> Result<&'a [Value], GeometryFault> {
        value.as_array().map(Vec::as_slice).ok_or(GeometryFault::Nesting { kind })
    }

    fn line(
        &mut self,
        value: &Value,
        kind: &'static str,
    ) -> Result<LineString<f64>, GeometryFault> {
        Self::list(value, kind)?
            .iter()
            .map(|p| self.position(p))
            .collect::<Result<Vec<_>, _>>()
            .map(LineString::new)
    }

    fn polygon(
        &mut self,
        value: &Value,
        kind: &'static str,
    ) -> Result<Polygon<f64>, GeometryFault> {
        let mut rings = Self::list(value, kind)?.iter().map(|r| self.line(r, kind));
        let exterior = rings.next().transpose()?.unwrap_or_else(|| LineString::new(Vec::new()));
        let interiors = rings.collect::<Result<Vec<_>, _>>()?;
        Ok(Polygon::new(exterior, interiors))
    }
}

fn shape(geometry: &RawGeometry) -> Result<Shape, GeometryFault> {
    let mut p = Positions { seen: 0 };
    let c = &geometry.coordinates;
    Ok(match geometry.kind.as_str() {
        "Point" => Shape::Points(vec![Point::from(p.position(c)?)]),
        "MultiPoint" => Shape::Points(
            Positions::list(c, "MultiPoint")?
                .iter()
                .map(|v| p.position(v).map(Point::from))
                .collect::<Result<_, _>>()?,
        ),
        "LineString" => Shape::Lines(vec![p.line(c, "LineString")?]),
        "MultiLineString" => Shape::Lines(
            Positions::list(c, "MultiLineString")?
                .iter()
                .map(|l| p.line(l, "MultiLineString"))
                .collect::<Result<_, _>>()?,
        ),
        "Polygon" => Shape::Areas(MultiPolygon::new(vec![p.polygon(c, "Polygon")?])),
        "MultiPolygon" => Shape::Areas(MultiPolygon::new(
            Positions::list(c, "MultiPolygon")?
                .iter()
                .map(|poly| p.polygon(poly, "MultiPolygon"))
                .collect::<Result<_, _>>()?,
        )),
        "GeometryCollection" => Shape::Collection,
        other => return Err(GeometryFault::UnknownType(other.to_owned())),
    })
}

/// The bytes of line `line` (1-based) of `bytes`, without its line feed.
fn line_of(bytes: &[u8], line: usize) -> &[u8] {
    bytes.split(|b| *b == b'\n').nth(line.saturating_sub(1)).unwrap_or_default()
}

/// The column a text editor shows (in characters) for serde_json's column, which counts bytes:
/// a Cyrillic letter is two bytes, and property names and values are mostly Cyrillic.
fn char_column(line_text: &[u8], byte_column: usize) -> usize {
    let before = line_text.get(..byte_column.saturating_sub(1)).unwrap_or(line_text);
    String::from_utf8_lossy(before).chars().count() + 1
}

/// The non-finite number serde_json stopped at (`at`: 0-based byte offset in `line_text`):
/// `NaN`, `Infinity` or `-Infinity` (as Python's `json` writes them), where it reports "expected
/// value" at the token, or a number too large for an f64, where it reports "number out of
/// range" at (or just past) its last digit. Returns the token and its 0-based byte offset.
fn not_finite_at(line_text: &[u8], at: usize) -> Option<(String, usize)> {
    let (before, after) = line_text.split_at(at.min(line_text.len()));
    for word in ["NaN", "nan", "Infinity", "infinity", "inf"] {
        let rest = after.get(word.len()..);
        let ends_word = rest.is_some_and(|r| r.first().is_none_or(|b| !b.is_ascii_alphanumeric()));
        if after.starts_with(word.as_bytes()) && ends_word {
            // "-Infinity": serde_json takes the minus sign, then stops at the letter.
            let minus = if before.ends_with(b"-") { "-" } else { "" };
            return Some((format!("{minus}{word}"), before.len() - minus.len()));
        }
    }
    let number = |b: &u8| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-');
    let end = before.len() + after.iter().take_while(|b| number(b)).count();
    let start = before.iter().rposition(|b| !number(b)).map_or(0, |i| i + 1);
    let text = std::str::from_utf8(line_text.get(start..end)?).ok()?;
    let parsed: Result<f64, _> = text.parse();
    parsed.ok().filter(|v| !v.is_finite()).map(|_| (text.to_owned(), start))
}

/// Parses `bytes` as a FeatureCollection and checks every feature's coordinates.
fn read_features(file: &str, bytes: &[u8]) -> Result<Vec<Feature>, GeoJsonError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(GeoJsonError::Empty { file: file.to_owned() });
    }
    // serde would read a struct from an array too; a FeatureCollection is an object.
    if let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace())
        && bytes.get(start) != Some(&b'{')
    {
        let before = bytes.get(..start).unwrap_or_default();
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = start - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
        return Err(GeoJsonError::NotAnObject { file: file.to_owned(), line, column });
    }
    let collection: RawCollection = serde_json::from_slice(bytes).map_err(|e| {
        // At the very end of the input serde_json reports column 0.
        let (line, byte_column) = (e.line(), e.column().max(1));
        let line_text = line_of(bytes, line);
        let column = char_column(line_text, byte_column);
        // serde_json's message ends with " at line L column C": the place is given in front.
        let message = e.to_string();
        let message =
            message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head).to_owned();
        let file = file.to_owned();
        if e.classify() == serde_json::error::Category::Syntax
            && let Some((text, start)) = not_finite_at(line_text, byte_column - 1)
        {
            // The column of the number's first character, not of where serde_json stopped.
            let column = char_column(line_text, start + 1);
            return GeoJsonError::NotFinite { file, line, column, text };
        }
        match e.classify() {
            serde_json::error::Category::Data => {
                GeoJsonError::Structure { file, line, column, message }
            }
            _ => GeoJsonError::Syntax { file, line, column, message },
        }
    })?;
    if collection.kind.as_deref() != Some("FeatureCollection") {
        let found = collection.kind.unwrap_or_else(|| "none".to_owned());
        return Err(GeoJsonError::NotFeatureCollection { file: file.to_owned(), found });
    }
    let Some(raw) = collection.features.filter(|f| !f.is_empty()) else {
        return Err(GeoJsonError::NoFeatures { file: file.to_owned() });
    };
    let mut features = Vec::with_capacity(raw.len());
    for (index, feature) in raw.into_iter().enumerate() {
        let number = index + 1;
        let shape = match &feature.geometry {
            None => None,
            Some(g) => Some((
                g.kind.clone(),
                shape(g).map_err(|fault| GeoJsonError::Geometry {
                    file: file.to_owned(),
                    feature: number,
                    fault,
                })?,
            )),
        };
        features.push(Feature {
            number,
            properties: feature.properties.unwrap_or_default(),
            shape,
        });
    }
    Ok(features)
}

// ---------------------------------------------------------------------------------------------
// Properties

/// A JSON value as the planner would recognise it in a message.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Reads the properties of one feature, collecting problems.
struct Props<'a> {
    map: &'a Map<String, Value>,
    problems: Vec<Problem>,
}

impl<'a> Props<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn bad(&mut self, key: &str, value: &Value, expected: Expected) {
        self.problems.push(Problem::BadProperty {
            property: key.to_owned(),
            found: shown(value),
            expected,
        });
    }

    /// Text of a string or number property; empty when absent.
    fn text(&mut self, key: &str) -> String {
        match self.get(key) {
            None => String::new(),
            Some(Value::String(s)) => s.trim().to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                self.bad(key, other, Expected::Text);
                String::new()
            }
        }
    }

    /// A number, from a JSON number or a text as statistics write it ("1 234,5").
    fn number(&mut self, key: &str, expected: Expected) -> Option<f64> {
        let value = self.get(key)?;
        let number = match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => parse_number(s).ok().flatten(),
            _ => None,
        };
        if number.is_none() && !matches!(value, Value::String(s) if s.trim().is_empty()) {
            self.bad(key, value, expected);
        }
        number
    }

    /// A whole number of zero or more.
    fn count(&mut self, key: &str) -> Option<u64> {
        let value = self.number(key, Expected::Count)?;
        if value < 0.0 {
            self.problems.push(Problem::NegativeCount { property: key.to_owned(), value });
            return None;
        }
        if value.fract() != 0.0 || value > 1e15 {
            if let Some(raw) = self.get(key) {
                self.bad(key, raw, Expected::Count);
            }
            return None;
        }
        Some(value as u64)
    }

    /// A non-negative amount.
    fn amount(&mut self, key: &str) -> Option<f64> {
        let value = self.number(key, Expected::Amount)?;
        if value < 0.0 {
            self.problems.push(Problem::NegativeCount { property: key.to_owned(), value });
            return None;
        }
        Some(value)
    }

    fn year(&mut self, key: &str) -> Option<i32> {
        let value = self.number(key, Expected::Count)?;
        if value.fract() != 0.0
            || !(f64::from(*YEARS.start())..=f64::from(*YEARS.end())).contains(&value)
        {
            self.problems.push(Problem::YearOutOfRange { property: key.to_owned(), year: value });
            return None;
        }
        Some(value as i32)
    }

    fn yes_no(&mut self, key: &str) -> bool {
        let Some(value) = self.get(key) else { return false };
        let answer = match value {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => match n.as_f64() {
                Some(1.0) => Some(true),
                Some(0.0) => Some(false),
                _ => None,
            },
            Value::String(s) => match s.trim().to_lowercase().as_str() {
                "yes" | "true" | "1" | "да" | "иә" => Some(true),
                "no" | "false" | "0" | "нет" | "жоқ" | "" => Some(false),
                _ => None,
            },
            _ => None,
        };
        answer.unwrap_or_else(|| {
            self.bad(key, value, Expected::YesNo);
            false
        })
    }

    fn level(&mut self, key: &str) -> Option<GrowthLevel> {
        let raw = self.get(key)?;
        let number = self.number(key, Expected::Level)?;
        let level = [GrowthLevel::First, GrowthLevel::Second, GrowthLevel::Third]
            .into_iter()
            .find(|l| f64::from(*l as u8) == number);
        if level.is_none() {
            self.bad(key, raw, Expected::Level);
        }
        level
    }

    /// The feature's names: the name property in its language, the other languages from
    /// `name_kk`/`name_ru`/`name_en` when present. None (with a problem) without a name.
    fn names(&mut self, property: &str, lang: Lang) -> Option<Names> {
        let name = self.text(property);
        if name.is_empty() {
            self.problems.push(Problem::MissingProperty { property: property.to_owned() });
            return None;
        }
        let mut names =
            Names::new(self.text("name_kk"), self.text("name_ru"), self.text("name_en"));
        match lang {
            Lang::Kk => names.kk = name,
            Lang::Ru => names.ru = name,
            Lang::En => names.en = name,
        }
        Some(names)
    }
}

/// The language of the names: the option, else a `_kk`/`_ru`/`_en` suffix of the property, else
/// Russian.
fn name_lang(options: &GeoJsonOptions, property: &str) -> Lang {
    options.name_lang.unwrap_or_else(|| {
        Lang::ALL
            .into_iter()
            .find(|l| property.to_lowercase().ends_with(&format!("_{}", l.code())))
            .unwrap_or(Lang::Ru)
    })
}

/// An investment amount in `unit` ("billion KZT"); million KZT is known for tenge only.
fn investment(amount: f64, unit: &str) -> Investment {
    let mut words: Vec<&str> = unit.split_whitespace().collect();
    let currency = words.pop().unwrap_or_default();
    let scale = match words.as_slice() {
        [] => Some(1.0),
        [w] if w.eq_ignore_ascii_case("thousand") => Some(1e3),
        [w] if w.eq_ignore_ascii_case("million") => Some(1e6),
        [w] if w.eq_ignore_ascii_case("billion") => Some(1e9),
        [w] if w.eq_ignore_ascii_case("trillion") => Some(1e12),
        _ => None,
    };
    let million_kzt =
        scale.filter(|_| currency.eq_ignore_ascii_case("KZT")).map(|s| amount * s / 1e6);
    Investment { amount, unit: unit.to_owned(), million_kzt }
}

// ---------------------------------------------------------------------------------------------
// Preview

/// Checks that the options fit the layer.
fn check_options(options: &GeoJsonOptions) -> Result<(), GeoJsonError> {
    let layer = options.layer;
    let missing = |option| Err(GeoJsonError::MissingOption { layer, option });
    let not_for = |option| Err(GeoJsonError::OptionNotForLayer { layer, option });
    if layer == LayerKind::Edition {
        if options.edition_key.as_deref().is_none_or(|k| k.trim().is_empty()) {
            return missing("--edition-key");
        }
        match (&options.code_property, &options.name_property) {
            (Some(_), Some(_)) => return Err(GeoJsonError::BothMatchProperties),
            (None, None) => return missing("--code-property or --name-property"),
            _ => {}
        }
        if options.kind.is_some() {
            return not_for("--kind");
        }
        if let Some(year) = options.valid_from.filter(|y| !YEARS.contains(y)) {
            return Err(GeoJsonError::BadValidFrom { year });
        }
    } else {
        if options.name_property.is_none() {
            return missing("--name-property");
        }
        for (given, option) in [
            (options.code_property.is_some(), "--code-property"),
            (options.edition_key.is_some(), "--edition-key"),
            (options.valid_from.is_some(), "--valid-from"),
            (options.replace, "--replace"),
            (options.kind.is_some() && layer != LayerKind::Corridors, "--kind"),
        ] {
            if given {
                return not_for(option);
            }
        }
    }
    Ok(())
}

/// Reads `bytes` of the GeoJSON file named `file` and previews it against `dataset`: what would
/// be written and every problem, with its feature number. Malformed input (not JSON, not a
/// FeatureCollection, coordinates that are not numbers or out of range) is refused whole.
pub fn preview_geojson(
    file: &str,
    bytes: &[u8],
    dataset: &Dataset,
    options: &GeoJsonOptions,
) -> Result<LayerPreview, GeoJsonError> {
    check_options(options)?;
    if let Some(key) = options.edition_key.as_deref()
        && options.layer == LayerKind::Edition
        && !options.replace
        && dataset.edition(key.trim()).is_some()
    {
        return Err(GeoJsonError::EditionExists { key: key.trim().to_owned() });
    }
    let features = read_features(file, bytes)?;
    let count = features.len();
    let mut problems = Vec::new();
    let items = match options.layer {
        LayerKind::GrowthPoints | LayerKind::Projects | LayerKind::Corridors => {
            points_and_lines(&features, dataset, options, &mut problems)
        }
        LayerKind::Edition => {
            LayerItems::Edition(Box::new(edition(&features, dataset, options, &mut problems)?))
        }
    };
    problems.sort_by_key(|p| p.feature);
    Ok(LayerPreview { features: count, items, problems })
}

/// The geometry of `feature` if it is of the layer's kind, else a problem.
fn layer_shape(feature: &Feature, layer: LayerKind) -> Result<&Shape, Problem> {
    let Some((kind, shape)) = &feature.shape else {
        return Err(Problem::NoGeometry);
    };
    let fits = matches!(
        (layer, shape),
        (LayerKind::GrowthPoints | LayerKind::Projects, Shape::Points(_))
            | (LayerKind::Corridors, Shape::Lines(_))
            | (LayerKind::Edition, Shape::Areas(_))
    );
    if fits { Ok(shape) } else { Err(Problem::WrongGeometry { found: kind.clone(), layer }) }
}

/// The current edition's regions, for point in polygon.
fn current_locator(dataset: &Dataset) -> RegionLocator {
    let shapes: Vec<(String, MultiPolygon<f64>)> = dataset
        .current_edition()
        .map(|e| e.units.iter().map(|u| (u.region_code.clone(), u.geometry.clone())).collect())
        .unwrap_or_default();
    RegionLocator::new(&shapes)
}

fn points_and_lines(
    features: &[Feature],
    dataset: &Dataset,
    options: &GeoJsonOptions,
    problems: &mut Vec<FeatureProblem>,
) -> LayerItems {
    let locator = current_locator(dataset);
    let property = options.name_property.clone().unwrap_or_default();
    let lang = name_lang(options, &property);
    let mut points = Vec::new();
    let mut projects = Vec::new();
    let mut corridors = Vec::new();
    let mut next_point = dataset.growth_points.iter().map(|g| g.id).max().unwrap_or(0).max(0) + 1;
    let mut next_corridor = dataset.corridors.iter().map(|c| c.id).max().unwrap_or(0).max(0) + 1;
    // Codes of the file and of earlier features (with their feature), for new unique codes.
    let file_codes: HashSet<&str> = dataset.projects.iter().map(|p| p.code.as_str()).collect();
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut wanted_codes = Vec::new();
    let mut next_code = 1_u64;

    for feature in features {
        let mut props = Props { map: &feature.properties, problems: Vec::new() };
        let shape = layer_shape(feature, options.layer);
        let names = props.names(&property, lang);
        match (options.layer, shape) {
            (_, Err(problem)) => props.problems.push(problem),
            (LayerKind::GrowthPoints, Ok(Shape::Points(list))) => {
                let point = single_point(list, options.layer, &mut props);
                let region = point.and_then(|p| region_of(dataset, &locator, p, &mut props));
                let population = props.count("population");
                let population_year = props.year("population_year");
                let level = props.level("level");
                let is_monotown = props.yes_no("monotown") || props.yes_no("is_monotown");
                let status = props.text("status");
                let mut source = props.text("source");
                if source.is_empty() {
                    source.clone_from(&options.source);
                }
                if let (Some(names), Some(point), Some(region), true) =
                    (names, point, region, props.problems.is_empty())
                {
                    points.push(Imported {
                        feature: feature.number,
                        item: GrowthPoint {
                            id: next_point,
                            names,
                            region_code: region,
                            location: Some(point),
                            population,
                            population_year,
                            level,
                            is_monotown,
                            status,
                            source,
                        },
                    });
                    next_point += 1;
                }
            }
            (LayerKind::Projects, Ok(Shape::Points(list))) => {
                let point = single_point(list, options.layer, &mut props);
                let region = point.and_then(|p| region_of(dataset, &locator, p, &mut props));
                let code = props.text("code");
                if !code.is_empty() {
                    if file_codes.contains(code.as_str()) {
                        props.problems.push(Problem::CodeInFile { code: code.clone() });
                    } else if let Some(&earlier) = taken.get(&code) {
                        props.problems.push(Problem::DuplicateCode { code: code.clone(), earlier });
                    } else {
                        taken.insert(code.clone(), feature.number);
                    }
                }
                let project = read_project(&mut props, options);
                if let (Some(names), Some(point), Some(region), true) =
                    (names, point, region, props.problems.is_empty())
                {
                    wanted_codes.push(code);
                    projects.push(Imported {
                        feature: feature.number,
                        item: Project { names, region_code: region, location: point, ..project },
                    });
                }
            }
            (LayerKind::Corridors, Ok(Shape::Lines(lines))) => {
                let kind = match options.kind {
                    Some(kind) => Some(kind),
                    None => {
                        let text = props.text("kind");
                        if text.is_empty() {
                            props.problems.push(Problem::NoKind);
                        }
                        let kind = corridor_kind(&text);
                        if kind.is_none() && !text.is_empty() {
                            props.problems.push(Problem::UnknownKind { text });
                        }
                        kind
                    }
                };
                for line in lines {
                    let points = line.0.len();
                    if points < 2 {
                        props.problems.push(Problem::ShortLine { points });
                    } else if !line.0.iter().any(|c| locator.locate(c.x, c.y).is_some()) {
                        props.problems.push(Problem::LineOutside);
                    }
                }
                if let (Some(names), Some(kind), true) = (names, kind, props.problems.is_empty()) {
                    for line in lines {
                        corridors.push(Imported {
                            feature: feature.number,
                            item: Corridor {
                                id: next_corridor,
                                names: names.clone(),
                                kind,
                                line: line.clone(),
                            },
                        });
                        next_corridor += 1;
                    }
                }
            }
            // Shapes of other layers were refused by `layer_shape`.
            (_, Ok(_)) => {}
        }
        problems.extend(
            props
                .problems
                .into_iter()
                .map(|problem| FeatureProblem { feature: feature.number, problem }),
        );
    }

    // Codes: the feature's own when it gave one, else `OBL-<n>` with the first n free.
    for (project, wanted) in projects.iter_mut().zip(wanted_codes) {
        project.item.code = if wanted.is_empty() {
            loop {
                let code = format!("OBL-{next_code}");
                next_code += 1;
                if !file_codes.contains(code.as_str()) && !taken.contains_key(&code) {
                    break code;
                }
            }
        } else {
            wanted
        };
    }
    match options.layer {
        LayerKind::Projects => LayerItems::Projects(projects),
        LayerKind::Corridors => LayerItems::Corridors(corridors),
        _ => LayerItems::GrowthPoints(points),
    }
}

/// The one point of a Point (or single-point MultiPoint) feature.
fn single_point(
    list: &[Point<f64>],
    layer: LayerKind,
    props: &mut Props<'_>,
) -> Option<Point<f64>> {
    match list {
        [point] => Some(*point),
        _ => {
            props.problems.push(Problem::WrongGeometry { found: "MultiPoint".to_owned(), layer });
            None
        }
    }
}

/// The region of a point: its `region_code` property when it names a unit of the file (as
/// `oblys export` writes it, so an exported layer comes back with its regions), else the region
/// of the current boundaries that contains it.
fn region_of(
    dataset: &Dataset,
    locator: &RegionLocator,
    point: Point<f64>,
    props: &mut Props<'_>,
) -> Option<String> {
    let given = props.text("region_code");
    if given.is_empty() {
        return locate(locator, point, props);
    }
    if dataset.region(&given).is_none() {
        props.problems.push(Problem::UnknownRegion { name: given });
        return None;
    }
    Some(given)
}

fn locate(locator: &RegionLocator, point: Point<f64>, props: &mut Props<'_>) -> Option<String> {
    let found = locator.locate(point.x(), point.y()).map(str::to_owned);
    if found.is_none() {
        props.problems.push(Problem::OutsideRegions { lon: point.x(), lat: point.y() });
    }
    found
}

/// A project's fields other than names, region, location and code.
fn read_project(props: &mut Props<'_>, options: &GeoJsonOptions) -> Project {
    let company = props.text("company");
    let sector_text = props.text("sector");
    let mut sector_detail = props.text("sector_detail");
    let sector = Sector::from_key(&sector_text).unwrap_or_else(|| Sector::classify(&sector_text));
    if sector_detail.is_empty() && Sector::from_key(&sector_text).is_none() {
        sector_detail = sector_text;
    }
    let status_text = props.text("status");
    let mut status_detail = props.text("status_detail");
    let status = crate::store::codes::parse_project_status(&status_text)
        .unwrap_or_else(|| ProjectStatus::classify(&status_text));
    if status_detail.is_empty() {
        status_detail = status_text;
    }
    let year = props.year("year");
    let jobs = props.count("jobs").and_then(|j| {
        let jobs = u32::try_from(j).ok();
        if jobs.is_none()
            && let Some(raw) = props.get("jobs")
        {
            props.bad("jobs", raw, Expected::Count);
        }
        jobs
    });
    let unit = props.text("investment_unit");
    let amount = props.amount("investment");
    let million_kzt = props.amount("investment_million_kzt");
    let investment = match (amount, million_kzt) {
        (Some(amount), given) => {
            let mut investment = investment(amount, &unit);
            if given.is_some() {
                investment.million_kzt = given;
            }
            Some(investment)
        }
        (None, Some(m)) => {
            Some(Investment { amount: m, unit: "million KZT".to_owned(), million_kzt: Some(m) })
        }
        (None, None) => None,
    };
    let mut source = props.text("source");
    if source.is_empty() {
        source.clone_from(&options.source);
    }
    Project {
        code: String::new(),
        names: Names::default(),
        company,
        sector,
        sector_detail,
        region_code: String::new(),
        location: Point::new(0.0, 0.0),
        location_basis: LocationBasis::TownCentre,
        year,
        investment,
        jobs,
        capacity: props.text("capacity"),
        status,
        status_detail,
        source,
        notes: props.text("notes"),
    }
}

/// Matches a code (ISO 3166-2, with or without an `@edition` suffix, or KATO) to the unit
/// nearest `year`.
fn match_code<'a>(dataset: &'a Dataset, code: &str, year: i32) -> Option<(&'a str, bool)> {
    let code = code.trim();
    let valid = |r: &crate::model::Region| {
        r.valid_from.is_none_or(|f| f <= year) && r.valid_to.is_none_or(|t| year < t)
    };
    let distance = |r: &crate::model::Region| match (r.valid_from, r.valid_to) {
        (Some(from), _) if year < from => from - year,
        (_, Some(to)) if year >= to => year - to + 1,
        _ => 0,
    };
    dataset
        .regions
        .iter()
        .filter(|r| {
            let base = r.code.split('@').next().unwrap_or_default();
            r.code.eq_ignore_ascii_case(code)
                || base.eq_ignore_ascii_case(code)
                || r.kato.as_deref().is_some_and(|k| k == code)
        })
        .min_by_key(|r| distance(r))
        .map(|r| (r.code.as_str(), valid(r)))
}

/// Edition names recording where the boundaries came from.
fn edition_names(key: &str, source: &str) -> Names {
    use crate::i18n::geojson_import_text::edition_name;
    Names::new(
        edition_name(key, source, Lang::Kk),
        edition_name(key, source, Lang::Ru),
        edition_name(key, source, Lang::En),
    )
}

fn edition(
    features: &[Feature],
    dataset: &Dataset,
    options: &GeoJsonOptions,
    problems: &mut Vec<FeatureProblem>,
) -> Result<EditionPlan, GeoJsonError> {
    let key = options.edition_key.as_deref().unwrap_or_default().trim().to_owned();
    let existing = dataset.edition(&key).filter(|_| options.replace);
    let current = dataset.current_edition().filter(|c| c.key != key);
    let (valid_from, valid_to, names) = match existing {
        Some(e) => (options.valid_from.or(e.valid_from), e.valid_to, e.names.clone()),
        None => (
            Some(options.valid_from.unwrap_or(options.this_year)),
            None,
            edition_names(&key, &options.source),
        ),
    };
    // A new current edition ends the one in force, which must have begun earlier.
    let closes = match (current, valid_to) {
        (Some(current), None) => {
            if let (Some(from), Some(year)) = (current.valid_from, valid_from)
                && year <= from
            {
                return Err(GeoJsonError::EditionTooEarly {
                    year,
                    current: current.key.clone(),
                    current_from: from,
                });
            }
            Some(current.key.clone())
        }
        _ => None,
    };
    let year = valid_from.or(valid_to.map(|t| t - 1)).unwrap_or(options.this_year);
    let matcher = RegionMatcher::new(dataset);
    let mut units = Vec::new();
    let mut unit_features = Vec::new();
    let mut repaired = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for feature in features {
        let mut props = Props { map: &feature.properties, problems: Vec::new() };
        let (property, by_code) = match (&options.code_property, &options.name_property) {
            (Some(p), _) => (p.as_str(), true),
            (None, p) => (p.as_deref().unwrap_or_default(), false),
        };
        let name = props.text(property);
        let matched = if name.is_empty() {
            props.problems.push(Problem::MissingProperty { property: property.to_owned() });
            None
        } else if by_code {
            match_code(dataset, &name, year)
        } else {
            matcher.find(&name, year).map(|m| (m.code, m.valid_in_year))
        };
        let code = match matched {
            None if name.is_empty() => None,
            None => {
                props.problems.push(Problem::UnknownRegion { name: name.clone() });
                None
            }
            Some((NATIONAL_CODE, _)) => {
                props.problems.push(Problem::WholeCountry { name: name.clone() });
                None
            }
            Some((code, false)) => {
                props.problems.push(Problem::NotInYear {
                    name: name.clone(),
                    code: code.to_owned(),
                    year,
                });
                None
            }
            Some((code, true)) => {
                if let Some(&earlier) = seen.get(code) {
                    props
                        .problems
                        .push(Problem::DuplicateRegion { code: code.to_owned(), earlier });
                    None
                } else {
                    seen.insert(code.to_owned(), feature.number);
                    Some(code.to_owned())
                }
            }
        };
        let geometry = match layer_shape(feature, LayerKind::Edition) {
            Ok(Shape::Areas(areas)) => {
                let (geometry, report) = spatial::repair(areas);
                if !report.is_fully_repaired() {
                    for fault in report.items.iter().filter_map(|c| match c {
                        spatial::RepairChange::Unrepaired { fault } => Some(fault),
                        _ => None,
                    }) {
                        props.problems.push(Problem::Unrepaired { fault: fault.clone() });
                    }
                }
                if geometry.0.is_empty() {
                    props.problems.push(Problem::EmptyShape);
                }
                Some((geometry, report))
            }
            Ok(_) => None,
            Err(problem) => {
                props.problems.push(problem);
                None
            }
        };
        if let (Some(code), Some((geometry, report)), true) =
            (code, geometry, props.problems.is_empty())
        {
            if !report.is_clean() {
                repaired.push(Repaired {
                    feature: feature.number,
                    region_code: code.clone(),
                    report,
                });
            }
            let area_km2 = spatial::area_km2(&geometry);
            units.push(EditionUnit { region_code: code, geometry, area_km2 });
            unit_features.push(feature.number);
        }
        problems.extend(
            props
                .problems
                .into_iter()
                .map(|problem| FeatureProblem { feature: feature.number, problem }),
        );
    }
    let missing = dataset
        .regions
        .iter()
        .filter(|r| {
            r.valid_from.is_none_or(|f| f <= year)
                && r.valid_to.is_none_or(|t| year < t)
                // A region whose feature was refused (a shape beyond repair) has no unit either.
                && !units.iter().any(|u| u.region_code == r.code)
        })
        .map(|r| r.code.clone())
        .collect();
    Ok(EditionPlan {
        edition: BoundaryEdition { key, names, valid_from, valid_to, units },
        features: unit_features,
        replaces: existing.is_some(),
        closes,
        repaired,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_dataset;
    use std::sync::OnceLock;

    fn dataset() -> &'static Dataset {
        static DATASET: OnceLock<Dataset> = OnceLock::new();
        DATASET.get_or_init(|| match default_dataset::build() {
            Ok(ds) => ds,
            Err(e) => panic!("default dataset: {e}"),
        })
    }

    fn options(layer: LayerKind) -> GeoJsonOptions {
        GeoJsonOptions {
            layer,
            name_property: Some("name".into()),
            code_property: None,
            name_lang: None,
            kind: None,
            edition_key: None,
            valid_from: None,
            replace: false,
            this_year: 2026,
            source: "t.geojson".into(),
        }
    }

    fn collection(features: &str) -> String {
        format!(r#"{{"type":"FeatureCollection","features":[{features}]}}"#)
    }

    fn preview(text: &str, options: &GeoJsonOptions) -> Result<LayerPreview, GeoJsonError> {
        preview_geojson("t.geojson", text.as_bytes(), dataset(), options)
    }

    fn problems(preview: &LayerPreview) -> Vec<(usize, Problem)> {
        preview.problems.iter().map(|p| (p.feature, p.problem.clone())).collect()
    }

    #[test]
    fn the_name_language_follows_the_option_then_the_property_suffix_then_russian() {
        let mut o = options(LayerKind::GrowthPoints);
        assert_eq!(name_lang(&o, "name_kk"), Lang::Kk);
        assert_eq!(name_lang(&o, "NAME_EN"), Lang::En);
        assert_eq!(name_lang(&o, "title"), Lang::Ru);
        o.name_lang = Some(Lang::En);
        assert_eq!(name_lang(&o, "name_kk"), Lang::En);
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_a_one_point_multipoint_is_a_point() {
        let text = format!(
            "\u{feff}{}",
            collection(
                r#"{"type":"Feature","properties":{"name_kk":"Көкшетау"},
                    "geometry":{"type":"MultiPoint","coordinates":[[69.39,53.28]]}}"#
            )
        );
        let mut o = options(LayerKind::GrowthPoints);
        o.name_property = Some("name_kk".into());
        let p = preview(&text, &o).unwrap();
        let LayerItems::GrowthPoints(points) = &p.items else { panic!("{:?}", p.items) };
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].item.names, Names::new("Көкшетау", "", ""));
        assert_eq!(points[0].item.region_code, "KZ-AKM");
        assert_eq!(points[0].item.source, "t.geojson");
    }

    #[test]
    fn a_multipoint_of_two_and_a_geometry_collection_are_problems_of_their_feature() {
        let text = collection(
            r#"{"type":"Feature","properties":{"name":"A"},
                "geometry":{"type":"MultiPoint","coordinates":[[69.39,53.28],[70,52]]}},
               {"type":"Feature","properties":{"name":"B"},
                "geometry":{"type":"GeometryCollection","geometries":[]}},
               {"type":"Feature","properties":{"name":"C"},"geometry":null}"#,
        );
        let p = preview(&text, &options(LayerKind::Projects)).unwrap();
        assert!(p.items.is_empty());
        assert_eq!(
            problems(&p),
            [
                (
                    1,
                    Problem::WrongGeometry {
                        found: "MultiPoint".into(),
                        layer: LayerKind::Projects
                    }
                ),
                (
                    2,
                    Problem::WrongGeometry {
                        found: "GeometryCollection".into(),
                        layer: LayerKind::Projects
                    }
                ),
                (3, Problem::NoGeometry),
            ]
        );
    }

    #[test]
    fn corridor_kinds_come_from_the_kind_property_without_the_option() {
        let line = r#""geometry":{"type":"LineString","coordinates":[[69.4,53.3],[71.4,51.2]]}"#;
        let text = collection(&format!(
            r#"{{"type":"Feature","properties":{{"name":"A","kind":"Power line"}},{line}}},
               {{"type":"Feature","properties":{{"name":"B","kind":"canal"}},{line}}},
               {{"type":"Feature","properties":{{"name":"C"}},{line}}}"#
        ));
        let p = preview(&text, &options(LayerKind::Corridors)).unwrap();
        let LayerItems::Corridors(corridors) = &p.items else { panic!("{:?}", p.items) };
        assert_eq!(corridors.len(), 1);
        assert_eq!(corridors[0].item.kind, CorridorKind::PowerLine);
        assert_eq!(
            problems(&p),
            [(2, Problem::UnknownKind { text: "canal".into() }), (3, Problem::NoKind)]
        );
    }

    #[test]
    fn codes_match_current_and_legacy_units_and_kato() {
        let ds = dataset();
        assert_eq!(match_code(ds, "kz-vos", 2023), Some(("KZ-VOS", true)));
        assert_eq!(match_code(ds, "KZ-VOS", 2015), Some(("KZ-VOS@2018", true)));
        assert_eq!(match_code(ds, "KZ-ABY", 2015), Some(("KZ-ABY", false)));
        assert_eq!(match_code(ds, "KZ-ATL", 2020), None);
        let kato = ds.region("KZ-PAV").and_then(|r| r.kato.clone()).unwrap();
        assert_eq!(match_code(ds, &kato, 2023), Some(("KZ-PAV", true)));
    }

    fn square(name: &str, x: f64) -> String {
        format!(
            r#"{{"type":"Feature","properties":{{"name":"{name}"}},"geometry":{{"type":"Polygon",
                "coordinates":[[[{x},50],[{x1},50],[{x1},51],[{x},51],[{x},50]]]}}}}"#,
            x1 = x + 1.0
        )
    }

    #[test]
    fn an_edition_before_the_current_one_is_refused_and_a_region_of_another_year_is_a_problem() {
        let mut o = options(LayerKind::Edition);
        o.edition_key = Some("new".into());
        o.valid_from = Some(2020);
        let text = collection(&square("Абай облысы", 70.0));
        let Err(error) = preview(&text, &o) else { panic!("accepted") };
        assert_eq!(
            error.to_string(),
            "the new edition must begin after 2022, when the current edition «2022» began \
             (--valid-from 2020)"
        );
        // Replacing the 2018 edition matches names in 2018: Abay did not exist yet.
        o.edition_key = Some("2018".into());
        o.valid_from = None;
        o.replace = true;
        let p = preview(&text, &o).unwrap();
        assert_eq!(
            problems(&p),
            [(
                1,
                Problem::NotInYear {
                    name: "Абай облысы".into(),
                    code: "KZ-ABY".into(),
                    year: 2018
                }
            )]
        );
        let LayerItems::Edition(plan) = &p.items else { panic!("{:?}", p.items) };
        assert!(plan.replaces);
        assert_eq!(plan.closes, None);
        assert_eq!((plan.edition.valid_from, plan.edition.valid_to), (Some(2018), Some(2022)));
    }

    #[test]
    fn a_new_edition_starts_this_year_by_default_and_a_country_name_is_no_region() {
        let mut o = options(LayerKind::Edition);
        o.edition_key = Some(" 2026 ".into());
        let text =
            collection(&[square("Казахстан", 70.0), square("Ақмола облысы", 72.0)].join(","));
        let p = preview(&text, &o).unwrap();
        assert_eq!(problems(&p), [(1, Problem::WholeCountry { name: "Казахстан".into() })]);
        let LayerItems::Edition(plan) = &p.items else { panic!("{:?}", p.items) };
        assert_eq!(plan.edition.key, "2026");
        assert_eq!(plan.edition.valid_from, Some(2026));
        assert_eq!(plan.closes.as_deref(), Some("2022"));
        assert_eq!(plan.features, [2]);
        let unit = &plan.edition.units[0];
        assert_eq!(unit.region_code, "KZ-AKM");
        // One degree by one degree at 50–51° N is about 7,900 km².
        assert!((7_700.0..8_100.0).contains(&unit.area_km2), "{}", unit.area_km2);
        assert_eq!(plan.missing.len(), 19);
        assert!(plan.repaired.is_empty());
    }

    #[test]
    fn options_that_do_not_fit_the_layer_are_refused_before_reading() {
        let text = collection("");
        let mut o = options(LayerKind::Edition);
        let Err(error) = preview(&text, &o) else { panic!("accepted") };
        assert_eq!(error.to_string(), "--as edition needs --edition-key");
        o.edition_key = Some("2022".into());
        let Err(error) = preview(&text, &o) else { panic!("accepted") };
        assert!(matches!(error, GeoJsonError::EditionExists { .. }), "{error}");
        o.code_property = Some("iso".into());
        let Err(error) = preview(&text, &o) else { panic!("accepted") };
        assert!(matches!(error, GeoJsonError::BothMatchProperties), "{error}");
        let mut p = options(LayerKind::Projects);
        p.kind = Some(CorridorKind::Road);
        let Err(error) = preview(&text, &p) else { panic!("accepted") };
        assert_eq!(error.to_string(), "--kind does not apply to --as projects");
        let Err(error) = preview(&text, &options(LayerKind::Projects)) else { panic!("accepted") };
        assert_eq!(error.to_string(), "t.geojson: the FeatureCollection has no features");
    }

    #[test]
    fn coordinates_nested_wrongly_or_of_an_unknown_type_refuse_the_file() {
        let text = collection(
            r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[1,2]}}"#,
        );
        let Err(error) = preview(&text, &options(LayerKind::Corridors)) else { panic!("accepted") };
        assert_eq!(
            error.to_string(),
            "t.geojson, feature 1: position 1: not a [longitude, latitude] pair of numbers"
        );
        let text = collection(
            r#"{"type":"Feature","properties":{},"geometry":{"type":"Circle","coordinates":[1,2]}}"#,
        );
        let Err(error) = preview(&text, &options(LayerKind::Corridors)) else { panic!("accepted") };
        assert_eq!(
            error.to_string(),
            "t.geojson, feature 1: «Circle» is not a GeoJSON geometry type"
        );
        let Err(error) = preview("[1, 2]", &options(LayerKind::Corridors)) else {
            panic!("accepted")
        };
        assert!(
            error
                .to_string()
                .starts_with("t.geojson: line 1, column 1: not a GeoJSON FeatureCollection: the file does not start with «{»"),
            "{error}"
        );
        let Err(error) = preview("{\"type\": NaN}", &options(LayerKind::Corridors)) else {
            panic!("accepted")
        };
        assert_eq!(
            error.to_string(),
            "t.geojson: line 1, column 10: «NaN» is not a finite number (NaN or infinity); \
             GeoJSON holds ordinary numbers only"
        );
        // A word that only starts like NaN is just not JSON (serde_json expected `null`).
        let Err(error) = preview("{\"type\": nancy}", &options(LayerKind::Corridors)) else {
            panic!("accepted")
        };
        assert_eq!(
            error.to_string(),
            "t.geojson: line 1, column 11: not valid JSON: expected ident"
        );
    }

    #[test]
    fn json_errors_are_placed_in_characters_as_an_editor_counts_them() {
        // «Қала» is 4 characters and 8 bytes: the number starts at byte 35, character 31.
        let text = "{\"type\": \"Қала\", \"features\": [1e400]}";
        let Err(error) = preview(text, &options(LayerKind::Corridors)) else { panic!("accepted") };
        assert_eq!(
            error.to_string(),
            "t.geojson: line 1, column 31: «1e400» is not a finite number (NaN or infinity); \
             GeoJSON holds ordinary numbers only"
        );
        let text = "{\"type\":\n \"Қала\" \"x\"}";
        let Err(error) = preview(text, &options(LayerKind::Corridors)) else { panic!("accepted") };
        assert_eq!(
            error.to_string(),
            "t.geojson: line 2, column 9: not valid JSON: expected `,` or `}`"
        );
        assert_eq!(char_column("аб,".as_bytes(), 5), 3);
        assert_eq!(char_column(b"", 1), 1);
    }

    #[test]
    fn investment_in_tenge_is_converted_and_other_currencies_are_not() {
        assert_eq!(investment(2.5, "billion KZT").million_kzt, Some(2_500.0));
        assert_eq!(investment(700.0, "million KZT").million_kzt, Some(700.0));
        assert_eq!(investment(1.0, "million USD").million_kzt, None);
        assert_eq!(investment(1.0, "").million_kzt, None);
    }

    #[test]
    fn an_exported_growth_point_layer_comes_back_with_every_field() {
        use crate::io::export_table::{ExportTable, table, to_geojson};
        let ds = dataset();
        let exported = to_geojson(&table(ds, ExportTable::GrowthPoints, Lang::En), "growth_points");
        let mut o = options(LayerKind::GrowthPoints);
        o.name_property = Some("name_ru".into());
        let p = preview_geojson("g.geojson", &exported, ds, &o).unwrap();
        let located: Vec<&GrowthPoint> =
            ds.growth_points.iter().filter(|g| g.location.is_some()).collect();
        let unlocated = ds.growth_points.len() - located.len();
        assert_eq!(p.problems.len(), unlocated, "{:?}", p.problems);
        assert!(p.problems.iter().all(|q| q.problem == Problem::NoGeometry));
        let LayerItems::GrowthPoints(points) = &p.items else { panic!("{:?}", p.items) };
        assert_eq!(points.len(), located.len());
        let max_id = ds.growth_points.iter().map(|g| g.id).max().unwrap_or(0);
        for (imported, original) in points.iter().zip(&located) {
            let g = &imported.item;
            assert!(g.id > max_id);
            assert_eq!(
                (&g.names, &g.region_code, g.population, g.population_year),
                (
                    &original.names,
                    &original.region_code,
                    original.population,
                    original.population_year
                )
            );
            assert_eq!((g.level, g.is_monotown), (original.level, original.is_monotown));
            assert_eq!((&g.status, &g.source), (&original.status, &original.source));
        }
    }

    #[test]
    fn a_region_code_property_overrides_point_in_polygon_and_must_be_known() {
        let text = collection(
            r#"{"type":"Feature","properties":{"name":"A","region_code":"KZ-AST"},
                "geometry":{"type":"Point","coordinates":[69.39,53.28]}},
               {"type":"Feature","properties":{"name":"B","region_code":"KZ-ATL"},
                "geometry":{"type":"Point","coordinates":[69.39,53.28]}}"#,
        );
        let p = preview(&text, &options(LayerKind::GrowthPoints)).unwrap();
        let LayerItems::GrowthPoints(points) = &p.items else { panic!("{:?}", p.items) };
        assert_eq!(points.len(), 1);
        assert_eq!(points[0].item.region_code, "KZ-AST");
        assert_eq!(problems(&p), [(2, Problem::UnknownRegion { name: "KZ-ATL".into() })]);
    }
}
