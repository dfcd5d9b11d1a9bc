//! Plain domain types shared by every layer: regions and their boundary editions, growth points,
//! projects, corridors, indicator series and development scenarios. No I/O, no egui.

use geo::{LineString, MultiPolygon, Point};

/// A user-interface language. Every name in the model exists in all three.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Lang {
    Kk,
    #[default]
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The two-letter code used on the command line and in the file (`kk`, `ru`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language's own name, as shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }
}

/// A name in Kazakh, Russian and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Names {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Names {
    pub fn new(kk: impl Into<String>, ru: impl Into<String>, en: impl Into<String>) -> Self {
        Self { kk: kk.into(), ru: ru.into(), en: en.into() }
    }

    /// The name in `lang`, falling back to English, then Russian, when that form is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let preferred = match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        };
        [preferred, &self.en, &self.ru, &self.kk]
            .into_iter()
            .find(|s| !s.is_empty())
            .map_or("", String::as_str)
    }
}

/// Longitude/latitude in degrees, WGS 84 (EPSG:4326).
pub type LonLat = Point<f64>;

/// Code of the whole country in indicator series.
pub const NATIONAL_CODE: &str = "KZ";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum RegionKind {
    Oblast,
    /// City of republican significance (Astana, Almaty, Shymkent).
    City,
}

/// An administrative unit of one or more boundary editions. Codes are ISO 3166-2 (`KZ-AKM`); a unit
/// that no longer exists carries the edition it belongs to (`KZ-VOS@2018`, `KZ-YUZ@2010`).
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub code: String,
    pub names: Names,
    pub kind: RegionKind,
    /// Administrative centre's name and location, when known.
    pub admin_center: Option<Names>,
    pub admin_center_location: Option<LonLat>,
    /// Official statistical territorial code (KATO), when known.
    pub kato: Option<String>,
    /// First year the unit existed in its current extent (None: before every edition we hold).
    pub valid_from: Option<i32>,
    /// Year in which it was replaced (exclusive; None: still current).
    pub valid_to: Option<i32>,
}

impl Region {
    /// True for a unit that was replaced by a boundary reform.
    pub fn is_legacy(&self) -> bool {
        self.valid_to.is_some()
    }
}

/// One reform: `predecessor` was split into `successors` in `year`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    pub predecessor: String,
    pub successors: Vec<String>,
    pub year: i32,
    /// Exact date of the reform when known (ISO 8601, e.g. `2022-06-08`).
    pub date: Option<String>,
}

/// The regions' boundaries as valid over a span of years.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryEdition {
    /// Short stable key: `2010`, `2018`, `2022`.
    pub key: String,
    pub names: Names,
    pub valid_from: Option<i32>,
    /// Exclusive; None for the current edition.
    pub valid_to: Option<i32>,
    pub units: Vec<EditionUnit>,
}

impl BoundaryEdition {
    pub fn is_current(&self) -> bool {
        self.valid_to.is_none()
    }

    pub fn unit(&self, code: &str) -> Option<&EditionUnit> {
        self.units.iter().find(|u| u.region_code == code)
    }

    /// Whether `year` lies within the edition's validity.
    pub fn covers_year(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|from| year >= from) && self.valid_to.is_none_or(|to| year < to)
    }
}

/// A region's shape in one edition, repaired (see `spatial::repair`), lon/lat degrees.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionUnit {
    pub region_code: String,
    pub geometry: MultiPolygon<f64>,
    /// Area on the equal-area projection, km².
    pub area_km2: f64,
}

/// How an indicator combines across regions (national totals, legacy units, aggregation onto an
/// older edition).
#[derive(Debug, Clone, PartialEq)]
pub enum Aggregation {
    /// Summed: population, GRP, investment, employed.
    Additive,
    /// `numerator / denominator × scale`, recomputed from the parts, never summed.
    Ratio { numerator: String, denominator: String, scale: f64 },
    /// Mean weighted by another indicator (e.g. unemployment rate weighted by labour force).
    WeightedMean { weight: String },
    /// Cannot be combined (e.g. a value in another currency).
    None,
}

/// An indicator: what is measured and in which unit.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorDef {
    /// Stable key, as in the source CSV: `population`, `grp`, `grp_per_capita` …
    pub key: String,
    pub names: Names,
    pub unit: Names,
    pub aggregation: Aggregation,
    /// Whether a larger value is better for the region (colours, typology).
    pub higher_is_better: bool,
    /// Digits after the decimal point when shown.
    pub decimals: u8,
}

/// One reported value: the unit it was reported for is kept as is.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorValue {
    pub region_code: String,
    pub year: i32,
    pub indicator: String,
    pub value: f64,
    pub source: String,
    pub note: String,
}

/// Hierarchy level of a growth point (Regional Development Programme to 2020).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GrowthLevel {
    /// Agglomerations growing into metropolitan areas (Astana, Almaty, Shymkent, Aktobe).
    First = 1,
    /// Oblast administrative centres, Semey, Turkestan.
    Second = 2,
    /// Promising small towns and monotowns.
    Third = 3,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrowthPoint {
    pub id: i64,
    pub names: Names,
    pub region_code: String,
    /// None when no source gives the town's coordinates.
    pub location: Option<LonLat>,
    pub population: Option<u64>,
    pub population_year: Option<i32>,
    pub level: Option<GrowthLevel>,
    pub is_monotown: bool,
    /// Status as given by the source (city of republican significance, regional centre, …).
    pub status: String,
    pub source: String,
}

/// Broad sector of a project, which picks its map symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sector {
    Metallurgy,
    Petrochemicals,
    Energy,
    MachineBuilding,
    Agriculture,
    Transport,
    ConstructionMaterials,
    Other,
}

impl Sector {
    pub const ALL: [Sector; 8] = [
        Sector::Metallurgy,
        Sector::Petrochemicals,
        Sector::Energy,
        Sector::MachineBuilding,
        Sector::Agriculture,
        Sector::Transport,
        Sector::ConstructionMaterials,
        Sector::Other,
    ];

    /// Stable key stored in the file.
    pub fn key(self) -> &'static str {
        match self {
            Sector::Metallurgy => "metallurgy",
            Sector::Petrochemicals => "petrochemicals",
            Sector::Energy => "energy",
            Sector::MachineBuilding => "machine_building",
            Sector::Agriculture => "agriculture",
            Sector::Transport => "transport",
            Sector::ConstructionMaterials => "construction_materials",
            Sector::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Classifies a free-text sector from the source ("renewable energy (solar PV)").
    pub fn classify(text: &str) -> Sector {
        let t = text.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if has(&["metallurg", "alumin", "titanium", "steel", "metal"]) {
            Sector::Metallurgy
        } else if has(&["petrochem", "polymer", "oil", "gas", "chemical"]) {
            Sector::Petrochemicals
        } else if has(&["energy", "solar", "wind", "hydro", "power"]) {
            Sector::Energy
        } else if has(&["machine", "automotive", "tractor", "rail car", "castings"]) {
            Sector::MachineBuilding
        } else if has(&["agri", "dairy", "food", "meat", "grain"]) {
            Sector::Agriculture
        } else if has(&["rail", "logistic", "port", "transport", "road"]) {
            Sector::Transport
        } else if has(&["construction", "cement", "glass", "brick"]) {
            Sector::ConstructionMaterials
        } else {
            Sector::Other
        }
    }
}

/// Where a project's point comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocationBasis {
    /// The centre of the nearest town, as given by the source.
    TownCentre,
    /// The source names no site: placed at the region's administrative centre.
    RegionCentre,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProjectStatus {
    Planned,
    UnderConstruction,
    Operating,
    Unknown,
}

impl ProjectStatus {
    /// Classifies the free-text status of the source ("operating (2015)", "planned (as of 2015)").
    pub fn classify(text: &str) -> ProjectStatus {
        let t = text.to_lowercase();
        if t.contains("construction") {
            ProjectStatus::UnderConstruction
        } else if t.contains("plan") {
            ProjectStatus::Planned
        } else if ["operat", "launch", "complet", "open", "commission"]
            .iter()
            .any(|w| t.contains(w))
        {
            ProjectStatus::Operating
        } else {
            ProjectStatus::Unknown
        }
    }
}

/// An amount of money with the unit the source gave, and its value in million KZT when the unit
/// is tenge (USD amounts are not converted: no exchange rate is implied).
#[derive(Debug, Clone, PartialEq)]
pub struct Investment {
    pub amount: f64,
    pub unit: String,
    pub million_kzt: Option<f64>,
}

/// An industrial or infrastructure project (the Industrialization Map).
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// Stable code from the source (`TC2015-04`) or assigned on entry.
    pub code: String,
    pub names: Names,
    pub company: String,
    pub sector: Sector,
    /// The source's own sector wording.
    pub sector_detail: String,
    pub region_code: String,
    pub location: LonLat,
    pub location_basis: LocationBasis,
    pub year: Option<i32>,
    pub investment: Option<Investment>,
    pub jobs: Option<u32>,
    pub capacity: String,
    pub status: ProjectStatus,
    /// The source's own status wording.
    pub status_detail: String,
    pub source: String,
    pub notes: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CorridorKind {
    Railway,
    Road,
    PowerLine,
    Pipeline,
}

/// A linear infrastructure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Corridor {
    pub id: i64,
    pub names: Names,
    pub kind: CorridorKind,
    pub line: LineString<f64>,
}

/// Everything an open file holds, in memory and immutable; edits produce a new Dataset.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dataset {
    /// Every unit of every edition, current and legacy (not the country itself).
    pub regions: Vec<Region>,
    /// Oldest first; the last one is current.
    pub editions: Vec<BoundaryEdition>,
    pub lineage: Vec<Lineage>,
    pub indicators: Vec<IndicatorDef>,
    pub values: Vec<IndicatorValue>,
    pub growth_points: Vec<GrowthPoint>,
    pub projects: Vec<Project>,
    pub corridors: Vec<Corridor>,
    /// Development scenarios, in the order the planner made them.
    pub scenarios: Vec<Scenario>,
    /// The presentation deck: saved views, ordered by [`Slide::position`].
    pub slides: Vec<Slide>,
    /// Typologies the planner saved under a name, by id (the built-in default is not stored).
    pub typologies: Vec<SavedTypology>,
}

/// A typology definition saved in the file under its name (in three languages).
#[derive(Debug, Clone, PartialEq)]
pub struct SavedTypology {
    /// Positive and unique in the file.
    pub id: i64,
    /// The definition, its name included.
    pub typology: crate::analysis::typology::Typology,
}

impl Dataset {
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    pub fn indicator(&self, key: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|i| i.key == key)
    }

    pub fn edition(&self, key: &str) -> Option<&BoundaryEdition> {
        self.editions.iter().find(|e| e.key == key)
    }

    /// The edition in force today.
    pub fn current_edition(&self) -> Option<&BoundaryEdition> {
        self.editions.iter().find(|e| e.is_current())
    }

    /// The value reported for `region_code`, `indicator`, `year`, if any.
    pub fn value(&self, region_code: &str, indicator: &str, year: i32) -> Option<f64> {
        self.values
            .iter()
            .find(|v| v.year == year && v.indicator == indicator && v.region_code == region_code)
            .map(|v| v.value)
    }

    pub fn scenario(&self, id: i64) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    /// An id no scenario of the dataset has yet.
    pub fn next_scenario_id(&self) -> i64 {
        self.scenarios.iter().map(|s| s.id).max().unwrap_or(0).max(0) + 1
    }

    /// The slide with this id.
    pub fn slide(&self, id: i64) -> Option<&Slide> {
        self.slides.iter().find(|s| s.id == id)
    }

    /// An id no slide of the dataset has yet.
    pub fn next_slide_id(&self) -> i64 {
        self.slides.iter().map(|s| s.id).max().unwrap_or(0).max(0) + 1
    }

    pub fn project(&self, code: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.code == code)
    }

    /// Years with at least one value of `indicator`, ascending.
    pub fn years_of(&self, indicator: &str) -> Vec<i32> {
        let mut years: Vec<i32> =
            self.values.iter().filter(|v| v.indicator == indicator).map(|v| v.year).collect();
        years.sort_unstable();
        years.dedup();
        years
    }
}

// ---------------------------------------------------------------------------------------------
// Scenarios (the engine that projects them is `scenario`; formulas in docs/scenarios.md)

/// The latest horizon a scenario may project to.
pub const MAX_HORIZON: i32 = 2050;

/// What a scenario stands for, after the 2011 Predictive Scheme of territorial-spatial development.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScenarioKind {
    /// Each region continues its own recent trend, with only projects already operating.
    Inertial,
    /// Starts from the inertial one and applies policy levers: projects, growth points, targets.
    Managed,
    /// Anything else a planner builds.
    Custom,
}

impl ScenarioKind {
    pub const ALL: [ScenarioKind; 3] =
        [ScenarioKind::Inertial, ScenarioKind::Managed, ScenarioKind::Custom];

    /// Stable key stored in the file.
    pub fn key(self) -> &'static str {
        match self {
            ScenarioKind::Inertial => "inertial",
            ScenarioKind::Managed => "managed",
            ScenarioKind::Custom => "custom",
        }
    }

    pub fn from_key(key: &str) -> Option<ScenarioKind> {
        ScenarioKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A region's own annual growth rate for one indicator, replacing the national default.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionalRate {
    pub region_code: String,
    /// Per year: 0.03 is +3 % a year.
    pub rate: f64,
}

/// Annual growth of one additive indicator: a national default and per-region overrides.
#[derive(Debug, Clone, PartialEq)]
pub struct GrowthRate {
    /// Key of an additive indicator (`population`, `grp`, …).
    pub indicator: String,
    /// Per year, for every region without an override (and for the part of the national total
    /// not allocated to a region).
    pub national: f64,
    pub regional: Vec<RegionalRate>,
}

impl GrowthRate {
    /// The rate of `region_code`: its override, else the national default.
    pub fn rate_for(&self, region_code: &str) -> f64 {
        self.regional
            .iter()
            .find(|r| r.region_code == region_code)
            .map_or(self.national, |r| r.rate)
    }
}

/// How one project of the dataset enters a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectAssumption {
    /// `Project::code` of a project of the dataset.
    pub project_code: String,
    /// Whether the scenario counts the project at all.
    pub realised: bool,
    /// First year of operation.
    pub start_year: i32,
    /// Years until output and jobs reach their full level, rising in equal steps (0 or 1: full
    /// from the first year).
    pub ramp_up_years: u32,
    /// Permanent jobs at full operation (people).
    pub jobs: f64,
    /// Investment in fixed capital, million KZT, spread evenly over the build years.
    pub investment_million_kzt: f64,
    /// Years of construction before `start_year` over which the investment is spent (0: spent in
    /// the start year).
    pub build_years: u32,
    /// Gross value added at full operation, million KZT a year (counted in GRP).
    pub annual_output_million_kzt: f64,
}

/// A policy lever: regions that hold at least one growth point of `level` grow faster.
#[derive(Debug, Clone, PartialEq)]
pub struct GrowthPointLever {
    pub level: GrowthLevel,
    /// Key of an additive indicator.
    pub indicator: String,
    /// Added to the region's annual rate: 0.01 is one percentage point.
    pub extra_rate: f64,
}

/// What a target asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TargetKind {
    /// `ratio` times the value of `reference_year` (e.g. investment ×2 against 2019).
    Ratio { reference_year: i32, ratio: f64 },
    /// A level to reach, in the indicator's unit.
    Absolute { value: f64 },
}

/// A target: an indicator of a region (or the country) should reach a level by a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// Key of a projected indicator, including the engine's derived ones (`productivity`, …).
    pub indicator: String,
    /// A current region's code, or [`NATIONAL_CODE`] for the whole country.
    pub region_code: String,
    pub kind: TargetKind,
    /// The year by which it should be reached.
    pub year: i32,
    /// Where the target comes from (a programme, a decision), as the planner wrote it.
    pub source: String,
}

/// Everything a scenario assumes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assumptions {
    /// One entry per additive indicator; an indicator without one keeps its base-year level.
    pub growth: Vec<GrowthRate>,
    /// Projects the scenario counts, one entry per project code.
    pub projects: Vec<ProjectAssumption>,
    /// Indirect jobs per direct project job (jobs in supplying and related sectors).
    pub indirect_jobs_multiplier: f64,
    pub growth_point_levers: Vec<GrowthPointLever>,
    pub targets: Vec<Target>,
}

impl Assumptions {
    /// The growth assumption of `indicator`, if any.
    pub fn growth_of(&self, indicator: &str) -> Option<&GrowthRate> {
        self.growth.iter().find(|g| g.indicator == indicator)
    }
}

/// A named set of assumptions over a base year and a horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Unique and positive within a file; stable across renames.
    pub id: i64,
    /// A planner-made name may fill one language only (`Names::get` falls back).
    pub name: Names,
    pub kind: ScenarioKind,
    /// The last year of data the projection starts from.
    pub base_year: i32,
    /// The last projected year, at most [`MAX_HORIZON`].
    pub horizon: i32,
    pub description: Names,
    pub assumptions: Assumptions,
}

/// Which screen a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlideScreen {
    /// The map of reported data.
    #[default]
    Map,
    /// Two sides (data or scenarios) side by side with their difference map.
    Compare,
    /// The chart of an indicator over the years.
    Chart,
    /// The table of regions.
    Table,
    /// Every target of every scenario, attained or not.
    Targets,
    /// The Potential screen: a typology's classes, its local clusters, or the class change
    /// between two states ([`SlideView::potential`] holds which and how).
    Potential,
}

impl SlideScreen {
    pub const ALL: [SlideScreen; 6] = [
        SlideScreen::Map,
        SlideScreen::Compare,
        SlideScreen::Chart,
        SlideScreen::Table,
        SlideScreen::Targets,
        SlideScreen::Potential,
    ];

    /// The key stored in the file.
    pub fn key(self) -> &'static str {
        match self {
            SlideScreen::Map => "map",
            SlideScreen::Compare => "compare",
            SlideScreen::Chart => "chart",
            SlideScreen::Table => "table",
            SlideScreen::Targets => "targets",
            SlideScreen::Potential => "potential",
        }
    }

    pub fn from_key(key: &str) -> Option<SlideScreen> {
        SlideScreen::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One side of a comparison on a slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlideSource {
    /// The reported data.
    #[default]
    Actual,
    /// The projection of the scenario with this id. A side whose scenario is not in the dataset
    /// shows the actual data (the file reads it back as [`SlideSource::Actual`]); the id is
    /// kept so that undoing the scenario's deletion gives the slide its side back.
    Scenario(i64),
}

impl SlideSource {
    /// The scenario id, if the side is a scenario.
    pub fn scenario_id(self) -> Option<i64> {
        match self {
            SlideSource::Actual => None,
            SlideSource::Scenario(id) => Some(id),
        }
    }
}

/// Which map layers a slide shows on top of the regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlideLayers {
    pub growth_points: bool,
    pub projects: bool,
    pub labels: bool,
    pub corridors: bool,
}

impl Default for SlideLayers {
    /// What the map screen starts with: points, projects and names, no corridors.
    fn default() -> Self {
        SlideLayers { growth_points: true, projects: true, labels: true, corridors: false }
    }
}

/// A map extent in degrees (WGS 84): what the slide zooms to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlideExtent {
    pub min_lon: f64,
    pub min_lat: f64,
    pub max_lon: f64,
    pub max_lat: f64,
}

/// The target a targets slide puts first: the same fields that identify a target across
/// scenarios (its kind is not needed to find it in the report of one deck).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlideTarget {
    pub indicator: String,
    /// A current region's code, or [`NATIONAL_CODE`].
    pub region_code: String,
    pub year: i32,
}

/// Everything a slide shows: the state a presenter returns to when the slide is opened.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideView {
    pub screen: SlideScreen,
    /// Indicator key: one of the file's indicators or a projected one (`productivity`, …).
    pub indicator: String,
    pub year: i32,
    pub boundary_mode: crate::analysis::values::BoundaryMode,
    pub layers: SlideLayers,
    /// Codes of the selected regions (any edition), in the order they were selected.
    pub selected: Vec<String>,
    /// None: the whole country.
    pub extent: Option<SlideExtent>,
    /// Side A of the comparison (the reference).
    pub compare_a: SlideSource,
    /// Side B of the comparison.
    pub compare_b: SlideSource,
    pub difference: crate::map::difference::DifferenceMode,
    /// The target the targets screen highlights, if any.
    pub target: Option<SlideTarget>,
    /// What a Potential slide shows; Some exactly when `screen` is [`SlideScreen::Potential`].
    pub potential: Option<Box<SlidePotential>>,
}

/// Which view of the Potential screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PotentialTab {
    /// The class map, the weights, the ranking and the region's profile.
    #[default]
    Classes,
    /// The local clusters (LISA) of the index on the map, and the global Moran's I.
    Clusters,
    /// The class change between two states: its map and transition table.
    Change,
}

impl PotentialTab {
    pub const ALL: [PotentialTab; 3] =
        [PotentialTab::Classes, PotentialTab::Clusters, PotentialTab::Change];
}

/// A Potential slide: the typology exactly as shown (weights the planner moved but never saved
/// included, so the slide shows what was on screen even after the saved typology changes), the
/// view, the cluster map's significance level, the two states of the change view and whether
/// the neighbour graph is drawn.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SlidePotential {
    pub tab: PotentialTab,
    pub typology: crate::analysis::typology::Typology,
    /// The saved typology it was loaded from, for the screen's picker (None: the built-in
    /// default); the slide shows `typology` even when that saved one changed or is gone.
    pub saved: Option<i64>,
    /// Significance level of the cluster map, in (0, 1).
    pub significance: f64,
    pub change_a: crate::analysis::typology::TypologyState,
    pub change_b: crate::analysis::typology::TypologyState,
    pub neighbours: bool,
}

/// One slide of the presentation deck: a saved view with a title and speaker notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    /// Unique and positive within a file; stable across renames and moves.
    pub id: i64,
    /// Place in the deck, from 0.
    pub position: u32,
    /// A planner-made title may fill one language only (`Names::get` falls back).
    pub title: Names,
    pub notes: Names,
    pub view: SlideView,
}
