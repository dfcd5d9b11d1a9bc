//! What the file refused and why, as data rather than English text: every refusal of the store
//! is one of these enums, so the window and the commands can word it in the planner's language
//! (`crate::i18n::error_text`). `Display` gives the English one-line text the command line prints
//! and the tests pin.

use crate::analysis::typology::MAX_CLASSES;
use crate::model::{Lang, Names};

use super::typologies::BUILT_IN_NAME;

/// A slide or a saved typology as a message names it: its id and its title or name.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub kind: LabelKind,
    pub id: i64,
    /// The title (slide) or name (typology); the message shows it in its own language.
    pub name: Box<Names>,
}

/// What a [`Label`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Slide,
    Typology,
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            LabelKind::Slide => "slide",
            LabelKind::Typology => "typology",
        };
        write!(f, "{kind} {} «{}»", self.id, self.name.get(Lang::En))
    }
}

/// Why a file is not an Oblys file (it is then left untouched). The `String`s are SQLite's or
/// the file's own text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NotOblysReason {
    #[error("it is a folder")]
    Folder,
    #[error("not an SQLite database")]
    NotSqlite,
    #[error("an SQLite database, but not a GeoPackage")]
    NotGeoPackage,
    #[error("SQLite cannot open it: {0}")]
    CannotOpen(String),
    #[error("SQLite cannot read it: {0}")]
    CannotRead(String),
    #[error("damaged database: {0}")]
    Damaged(String),
    #[error("a GeoPackage, but not made by Oblys (no oblys_meta table)")]
    NoMeta,
    #[error("oblys_meta has no schema_version: {0}")]
    NoSchemaVersion(String),
    #[error("schema_version «{0}» is not a number")]
    VersionNotNumber(String),
    #[error("its creation was never completed (schema version 0)")]
    Unfinished,
}

/// The thing of the file a refused edit is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// One indicator value.
    Value {
        indicator: String,
        region: String,
        year: i32,
    },
    GrowthPoint {
        id: i64,
        names: Box<Names>,
    },
    /// A growth point named by its id alone.
    GrowthPointId(i64),
    Project {
        code: String,
        names: Box<Names>,
    },
    /// A project named by its code alone.
    ProjectCode(String),
    Corridor {
        id: i64,
        names: Box<Names>,
    },
    /// A corridor named by its id alone.
    CorridorId(i64),
    /// A corridor named by its name alone.
    CorridorNamed(String),
    /// A feature named by its name alone.
    Named(String),
    /// One region's outline in a boundary edition.
    Boundary {
        code: String,
        edition: String,
    },
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Value { indicator, region, year } => {
                write!(f, "the value of {indicator} for {region} in {year}")
            }
            Subject::GrowthPoint { id, names } => {
                write!(f, "growth point {id} ({})", names.get(Lang::En))
            }
            Subject::GrowthPointId(id) => write!(f, "growth point {id}"),
            Subject::Project { code, names } => {
                write!(f, "project {code} ({})", names.get(Lang::En))
            }
            Subject::ProjectCode(code) => write!(f, "project {code}"),
            Subject::Corridor { id, names } => write!(f, "corridor {id} ({})", names.get(Lang::En)),
            Subject::CorridorId(id) => write!(f, "corridor {id}"),
            Subject::CorridorNamed(name) => write!(f, "corridor {name}"),
            Subject::Named(name) => f.write_str(name),
            Subject::Boundary { code, edition } => write!(f, "{code} ({edition})"),
        }
    }
}

/// Which geometry of a [`Subject`] could not be encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeometryPart {
    Location,
    Line,
    Boundary,
}

impl std::fmt::Display for GeometryPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            GeometryPart::Location => "location",
            GeometryPart::Line => "line",
            GeometryPart::Boundary => "boundary",
        })
    }
}

/// Why one indicator value of a batch or an import does not fit the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValueReason {
    #[error("the file has no unit {0}")]
    NoUnit(String),
    #[error("the file has no indicator {0}")]
    NoIndicator(String),
    #[error("{0} is not a finite number")]
    NotFinite(f64),
}

/// Why an imported growth point, project or corridor does not fit the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FeatureReason {
    #[error("its id is taken or not positive")]
    IdTaken,
    #[error("it has no name")]
    NoName,
    #[error("the file has no region {0}")]
    NoRegion(String),
    #[error("its code is empty or taken")]
    CodeTaken,
    #[error("a line needs at least two points")]
    LineTooShort,
}

/// Why an imported boundary edition does not fit the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditionReason {
    #[error("the key is empty")]
    EmptyKey,
    #[error("it has no regions")]
    NoRegions,
    #[error("the file already has it (give --replace to replace it)")]
    Exists,
    #[error("region {0} appears twice")]
    RegionTwice(String),
    #[error("the shape of {0} is empty")]
    EmptyShape(String),
    #[error("the area of {code} is {area}")]
    BadArea { code: String, area: f64 },
    #[error("the file has no region {0}")]
    NoRegion(String),
    #[error("it needs a first year to end edition «{current}»")]
    NeedsFirstYear { current: String },
    #[error("it must begin after {began}, when the current edition «{current}» began")]
    BeginsTooEarly { began: i32, current: String },
}

/// Where a refused feature is removed from (the undo of an import).
#[derive(Debug, Clone, PartialEq)]
pub enum Removal {
    GrowthPoint(i64),
    Project(String),
    Corridor(i64),
}

impl std::fmt::Display for Removal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Removal::GrowthPoint(id) => write!(f, "growth point with id {id}"),
            Removal::Project(code) => write!(f, "project {code}"),
            Removal::Corridor(id) => write!(f, "corridor with id {id}"),
        }
    }
}

/// Why a slide does not fit the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SlideProblem {
    #[error("its id {0} is not positive")]
    IdNotPositive(i64),
    #[error("its id is used twice")]
    IdUsedTwice,
    #[error("indicator «{0}» is not in the file")]
    UnknownIndicator(String),
    #[error("selected region {0} is not a region of the file")]
    UnknownRegion(String),
    #[error("region {0} is selected twice")]
    RegionTwice(String),
    #[error("comparison side {side} is scenario {id}, which is not in the file")]
    UnknownSideScenario { side: char, id: i64 },
    #[error("map extent {min_lon}…{max_lon} °E, {min_lat}…{max_lat} °N is not an area on Earth")]
    BadExtent { min_lon: f64, max_lon: f64, min_lat: f64, max_lat: f64 },
    #[error("a Potential slide without its typology")]
    PotentialWithoutTypology,
    #[error("a typology on a slide of another screen")]
    TypologyOnOtherScreen,
    #[error("its typology has no components")]
    NoComponents,
    #[error("its typology's indicator «{0}» is not in the file")]
    UnknownComponent(String),
    #[error("the weight {weight} of «{indicator}» in its typology is not a number ≥ 0")]
    BadWeight { weight: f64, indicator: String },
    #[error("{0} classes: the Potential screen draws 2 to {MAX_CLASSES}")]
    ClassCount(usize),
    #[error("significance level {0} is not between 0 and 1")]
    Significance(f64),
    #[error("its typology uses scenario {0}, which is not in the file")]
    UnknownScenario(i64),
    #[error("the target's indicator «{0}» is not in the file")]
    UnknownTargetIndicator(String),
    #[error("the target's region {0} is not a current region of the file")]
    UnknownTargetRegion(String),
    /// The Potential view could not be turned into JSON (serde's text).
    #[error("its Potential view cannot be written: {0}")]
    PotentialNotWritten(String),
}

/// Why the deck cannot be put in the order asked for.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SlideOrderProblem {
    #[error("there is no slide with id {0}")]
    NoSuchSlide(i64),
    #[error("slide {0} is listed twice")]
    ListedTwice(i64),
    #[error("slide {0} is missing from the new order")]
    Missing(i64),
}

/// Why a typology cannot be saved in the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TypologyProblem {
    #[error("its id {0} is not positive")]
    IdNotPositive(i64),
    #[error("its id is used twice")]
    IdUsedTwice,
    #[error("it has no name")]
    NoName,
    #[error("«{BUILT_IN_NAME}» is the built-in typology's name")]
    BuiltInName,
    #[error("{0} has the same name")]
    SameName(Label),
    #[error("it has no components")]
    NoComponents,
    #[error("indicator «{0}» is not in the file")]
    UnknownIndicator(String),
    #[error("the weight {weight} of «{indicator}» is not a number ≥ 0")]
    BadWeight { weight: f64, indicator: String },
    #[error("{0} classes: a classification needs at least 2")]
    TooFewClasses(usize),
}

/// A geometry's shape, as a refusal names what it expected and what it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Point,
    Points,
    Line,
    Lines,
    Polygon,
    MultiPolygon,
    /// What a region's outline may be: a polygon or a multipolygon.
    PolygonOrMulti,
    Collection,
}

impl Shape {
    /// The English words for the shape.
    pub fn en(self) -> &'static str {
        match self {
            Shape::Point => "a point",
            Shape::Points => "several points",
            Shape::Line => "a line",
            Shape::Lines => "several lines",
            Shape::Polygon => "a polygon",
            Shape::MultiPolygon => "a multipolygon",
            Shape::PolygonOrMulti => "a (multi)polygon",
            Shape::Collection => "a geometry collection",
        }
    }
}

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.en())
    }
}

/// Why a geometry blob of the file cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeometryDefect {
    #[error("not a GeoPackage geometry (no «GP» header)")]
    NoHeader,
    #[error("unknown envelope code {0} in a geometry header")]
    EnvelopeCode(u8),
    #[error("geometry header cut short")]
    CutShort,
    /// The WKB reader's own text.
    #[error("unreadable geometry: {0}")]
    Unreadable(String),
    #[error("expected {expected}, found {found}")]
    WrongShape { expected: Shape, found: Shape },
    #[error("an empty multipoint")]
    EmptyMultipoint,
}

/// A column of a row whose value this Oblys does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Kind,
    Edition,
    Sector,
    LocationBasis,
    Status,
    Screen,
    BoundaryMode,
    DifferenceMode,
}

impl Field {
    /// The English name of the column.
    pub fn en(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Edition => "boundary edition",
            Field::Sector => "sector",
            Field::LocationBasis => "location basis",
            Field::Status => "status",
            Field::Screen => "screen",
            Field::BoundaryMode => "boundary mode",
            Field::DifferenceMode => "difference mode",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.en())
    }
}

/// The row of a table a [`Defect`] is in.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// Named by its code or key (a region code, a project code, a scenario id, …).
    Key(String),
    /// A feature named by its feature id (and its name, when the row has one).
    Fid {
        id: i64,
        name: Option<String>,
    },
    Slide(i64),
    Typology {
        id: i64,
        name: Box<Names>,
    },
}

impl std::fmt::Display for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Row::Key(key) => f.write_str(key),
            Row::Fid { id, name: Some(name) } => write!(f, "fid {id} ({name})"),
            Row::Fid { id, name: None } => write!(f, "fid {id}"),
            Row::Slide(id) => write!(f, "slide {id}"),
            Row::Typology { id, name } => write!(f, "typology {id} «{}»", name.get(Lang::En)),
        }
    }
}

/// What is wrong with a row read from the file: one this Oblys cannot have written, so the file
/// was edited by hand or in another program (QGIS), or damaged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Defect {
    #[error("level {0}")]
    Level(i64),
    #[error("unknown {field} «{value}»")]
    Unknown { field: Field, value: String },
    #[error("incomplete aggregation «{0}»")]
    IncompleteAggregation(String),
    #[error("negative population")]
    NegativePopulation,
    #[error("an investment without unit")]
    InvestmentWithoutUnit,
    #[error("no such scenario")]
    NoSuchScenario,
    #[error("incomplete target of kind «{0}»")]
    IncompleteTarget(String),
    #[error("{0}")]
    Geometry(GeometryDefect),
    #[error("position {0} is out of range")]
    Position(i64),
    /// serde's text follows.
    #[error("its Potential view is not a valid typology and view: {0}")]
    BadPotential(String),
    #[error("a Potential slide needs its typology, and only it has one")]
    PotentialMismatch,
    /// serde's text follows.
    #[error("its definition is not a valid typology: {0}")]
    BadDefinition(String),
}

/// Why the file refused an edit, an import or a whole dataset (with [`super::StoreError::Invalid`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("{subject} names region {code}, which the file does not have")]
    UnknownRegion { subject: Subject, code: String },
    #[error("{0} has no name in any language")]
    NoName(Subject),
    #[error("the file has no indicator {0}")]
    NoIndicator(String),
    #[error("{subject}: {value} is not a finite number")]
    NotFinite { subject: Subject, value: f64 },
    #[error("there is no value of {indicator} for {region} in {year} to delete")]
    NoValueToDelete { indicator: String, region: String, year: i32 },
    #[error("{0}: the id must be positive")]
    IdNotPositive(Subject),
    /// The geometry of `subject` could not be encoded (the geometry library's text).
    #[error("{part} of {subject}: {detail}")]
    Geometry { part: GeometryPart, subject: Subject, detail: String },
    #[error("{0}: the population is too large")]
    PopulationTooLarge(Subject),
    #[error("growth point {0}: population too large")]
    ImportedPopulationTooLarge(i64),
    #[error("a project needs a code")]
    ProjectNeedsCode,
    #[error("project {code} is part of scenario «{scenario}»; remove it from the scenario first")]
    ProjectInScenario { code: String, scenario: String },
    #[error("there is no growth point with id {0} to delete")]
    NoGrowthPointToDelete(i64),
    #[error("there is no project {0} to delete")]
    NoProjectToDelete(String),
    #[error("there is no corridor with id {0} to delete")]
    NoCorridorToDelete(i64),
    #[error("{0}: a line needs at least two points")]
    LineTooShort(Subject),
    /// A value of a batch of changes (an import taken back or done again).
    #[error("{subject}: {reason}; nothing was changed")]
    ValueNotChanged { subject: Subject, reason: ValueReason },
    #[error(
        "there is no value of {indicator} for {region} in {year} to delete; nothing was changed"
    )]
    NoValueToChange { indicator: String, region: String, year: i32 },
    #[error("there is no {0} to remove; nothing was removed")]
    NothingToRemove(Removal),
    #[error(
        "project {0} is part of a scenario; remove it from the scenario first (nothing was removed)"
    )]
    ProjectInAScenario(String),
    /// Value `index` (from 1) of an import.
    #[error(
        "value {index} of the import ({region} {indicator} {year}): {reason}; nothing was imported"
    )]
    ImportValue { index: usize, region: String, indicator: String, year: i32, reason: ValueReason },
    #[error("{subject}: {reason}; nothing was imported")]
    FeatureNotImported { subject: Subject, reason: FeatureReason },
    #[error("boundary edition «{key}»: {reason}; nothing was imported")]
    EditionNotImported { key: String, reason: EditionReason },
    #[error("this is the open file itself; choose another name")]
    SameFile,
    #[error("SQLite kept journal mode «{0}» instead of WAL")]
    JournalMode(String),
    #[error("{slide}: {problem}")]
    Slide { slide: Label, problem: SlideProblem },
    #[error("{typology}: {problem}")]
    Typology { typology: Label, problem: TypologyProblem },
    /// A row of the file this Oblys cannot read.
    #[error("table {table}, {row}: {defect}")]
    Damaged { table: &'static str, row: Row, defect: Defect },
    /// A rarer refusal still worded in English only: a whole dataset that does not fit when a
    /// new file is written (the default data and the command line's files always fit).
    #[error("{0}")]
    Text(String),
}
