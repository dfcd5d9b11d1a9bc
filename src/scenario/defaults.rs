//! The two scenarios the default database ships, built from its data so that a planner sees a
//! projection at once (§8 of `docs/scenarios.md`): an inertial one and a managed one that realises
//! the planned projects, favours the growth points and carries the industrial-innovative
//! programme's targets.

use super::derive::{HistoryWindow, project_assumption};
use super::engine::PRODUCTIVITY;
use super::keys;
use crate::analysis::typology::{Typology, TypologyState};
use crate::analysis::values::BoundaryMode;
use crate::analysis::values::Lookup;
use crate::map::difference::DifferenceMode;
use crate::model::{
    Dataset, GrowthLevel, GrowthPointLever, NATIONAL_CODE, Names, PotentialTab, Scenario,
    ScenarioKind, Slide, SlideLayers, SlidePotential, SlideScreen, SlideSource, SlideTarget,
    SlideView, Target, TargetKind,
};

/// The horizon of the shipped scenarios.
pub const DEFAULT_HORIZON: i32 = 2030;
/// Length of the window of past years the inertial scenario continues.
pub const DEFAULT_WINDOW_YEARS: i32 = 5;
/// Years the programme gives its targets to reach (2019 → 2025).
const PROGRAMME_YEARS: i32 = 6;

/// Where the targets come from (the seed document of the programme).
const PROGRAMME_SOURCE: &str = "State programme of industrial-innovative development 2020–2025 \
    (Government session, seeds/004): in manufacturing by 2025 against 2019, investment in fixed \
    capital ×2 and labour productivity ×1.7; re-based here onto the scenario's base year over the \
    programme's six years, for the whole economy (see docs/scenarios.md §8)";

/// The latest year in which every current region has a population and a GRP value on the
/// current boundaries (the base year of the shipped scenarios).
pub fn default_base_year(ds: &Dataset) -> Option<i32> {
    base_years(ds).last().copied()
}

/// Every year in which every current region has a population and a GRP value on the current
/// boundaries, ascending: the years a scenario can start from.
pub fn base_years(ds: &Dataset) -> Vec<i32> {
    let regions: Vec<&str> = ds
        .current_edition()
        .map(|e| e.units.iter().map(|u| u.region_code.as_str()).collect())
        .unwrap_or_default();
    if regions.is_empty() {
        return Vec::new();
    }
    let population = Lookup::new(ds, keys::POPULATION);
    let grp = Lookup::new(ds, keys::GRP);
    let grp_years = ds.years_of(keys::GRP);
    let mut years = ds.years_of(keys::POPULATION);
    years.retain(|&year| {
        grp_years.contains(&year)
            && regions.iter().all(|code| {
                population.territory_value(keys::POPULATION, code, year).is_some()
                    && grp.territory_value(keys::GRP, code, year).is_some()
            })
    });
    years
}

/// The programme's targets (seeds/004), re-based onto `base_year` (§8).
fn programme_targets(base_year: i32) -> Vec<Target> {
    [(keys::INVESTMENT, 2.0), (PRODUCTIVITY, 1.7)]
        .into_iter()
        .map(|(indicator, ratio)| Target {
            indicator: indicator.to_owned(),
            region_code: NATIONAL_CODE.to_owned(),
            kind: TargetKind::Ratio { reference_year: base_year, ratio },
            year: base_year + PROGRAMME_YEARS,
            source: PROGRAMME_SOURCE.to_owned(),
        })
        .collect()
}

/// The levers of the shipped managed scenario (§8): faster growth where the Predictive Scheme
/// concentrates production — the first-level growth points (agglomerations) and the third-level
/// ones (small towns and monotowns with development plans).
fn growth_point_levers() -> Vec<GrowthPointLever> {
    vec![
        GrowthPointLever {
            level: GrowthLevel::First,
            indicator: keys::GRP.to_owned(),
            extra_rate: 0.01,
        },
        GrowthPointLever {
            level: GrowthLevel::First,
            indicator: keys::INVESTMENT.to_owned(),
            extra_rate: 0.02,
        },
        GrowthPointLever {
            level: GrowthLevel::Third,
            indicator: keys::GRP.to_owned(),
            extra_rate: 0.005,
        },
    ]
}

/// The inertial and the managed scenario of the default database: base year from
/// [`default_base_year`], horizon [`DEFAULT_HORIZON`], the inertial growth of the
/// [`DEFAULT_WINDOW_YEARS`] years up to the base year. Empty when the dataset has no such year.
pub fn default_scenarios(ds: &Dataset) -> Vec<Scenario> {
    let Some(base_year) = default_base_year(ds) else {
        return Vec::new();
    };
    let window = HistoryWindow { first: base_year - DEFAULT_WINDOW_YEARS, last: base_year };
    let mut inertial = Scenario::inertial(ds, base_year, DEFAULT_HORIZON, window);
    inertial.assumptions.targets = programme_targets(base_year);
    let horizon = DEFAULT_HORIZON;
    let mut managed = inertial.managed_from(inertial.id + 1);
    managed.name = Names::new(
        format!("{horizon} жылға дейінгі басқарылатын сценарий"),
        format!("Управляемый сценарий до {horizon} года"),
        format!("Managed scenario to {horizon}"),
    );
    managed.description = Names::new(
        "Инерциялық сценарий, оған қоса: жоспарланған және салынып жатқан жобалар іске асады, \
         бірінші деңгейлі өсу нүктелері бар өңірлерде ЖӨӨ жыл сайын 1 пайыздық тармаққа, \
         инвестициялар 2 тармаққа, үшінші деңгейлі өсу нүктелері бар өңірлерде ЖӨӨ 0,5 тармаққа \
         жылдамырақ өседі. Мақсаттар — индустриялық-инновациялық даму бағдарламасынан."
            .to_owned(),
        "Инерционный сценарий, а также: реализуются планируемые и строящиеся проекты; в \
         регионах с точками роста первого уровня ВРП растёт на 1 п. п. в год быстрее, инвестиции \
         — на 2 п. п., в регионах с точками роста третьего уровня ВРП — на 0,5 п. п. Цели — из \
         программы индустриально-инновационного развития."
            .to_owned(),
        "The inertial scenario, and also: planned projects and those under construction are \
         realised; in regions with first-level growth points GRP grows 1 percentage point a year \
         faster and investment 2 points, in regions with third-level growth points GRP 0.5 \
         points. Targets from the industrial-innovative development programme."
            .to_owned(),
    );
    managed.kind = ScenarioKind::Managed;
    managed.assumptions.projects =
        ds.projects.iter().map(|p| project_assumption(p, base_year, true)).collect();
    managed.assumptions.growth_point_levers = growth_point_levers();
    vec![inertial, managed]
}

/// The example deck of the default database, so a new user sees at once what slides are for: a
/// national map of population in its latest year, the inertial against the managed scenario on
/// GRP in the horizon year with the difference map, the targets of the programme, and the
/// regions the managed scenario lifts into a higher class of potential at the horizon. Built from
/// `ds` after [`default_scenarios`] (the slides name their ids); a slide whose data or scenarios
/// are missing is left out.
pub fn default_slides(ds: &Dataset) -> Vec<Slide> {
    let view = |screen, indicator: &str, year| SlideView {
        screen,
        indicator: indicator.to_owned(),
        year,
        boundary_mode: BoundaryMode::AsReported,
        layers: SlideLayers::default(),
        selected: Vec::new(),
        extent: None,
        compare_a: SlideSource::Actual,
        compare_b: SlideSource::Actual,
        difference: DifferenceMode::Absolute,
        target: None,
        potential: None,
    };
    let mut slides = Vec::new();
    if let Some(&year) = ds.years_of(keys::POPULATION).last() {
        slides.push(Slide {
            id: 1,
            position: 0,
            title: Names::new(
                format!("Қазақстан халқы, {year}"),
                format!("Население Казахстана, {year}"),
                format!("Population of Kazakhstan, {year}"),
            ),
            notes: Names::new(
                format!(
                    "Ұлттық шолу: {year} жылғы өңірлер бойынша халық саны. Өңірді басып, оның \
                     мәндерін көрсетіңіз; жылды ауыстырып, өзгерісті талқылаңыз."
                ),
                format!(
                    "Общий обзор: численность населения по регионам в {year} году. Щёлкните \
                     регион, чтобы показать его значения; смените год, чтобы обсудить изменения."
                ),
                format!(
                    "National overview: population by region in {year}. Click a region to show \
                     its values; change the year to discuss how it moved."
                ),
            ),
            view: view(SlideScreen::Map, keys::POPULATION, year),
        });
    }
    let inertial = ds.scenarios.iter().find(|s| s.kind == ScenarioKind::Inertial);
    let managed = ds.scenarios.iter().find(|s| s.kind == ScenarioKind::Managed);
    let (Some(inertial), Some(managed)) = (inertial, managed) else {
        return slides;
    };
    let sides = |v: SlideView| SlideView {
        compare_a: SlideSource::Scenario(inertial.id),
        compare_b: SlideSource::Scenario(managed.id),
        ..v
    };
    let horizon = managed.horizon;
    slides.push(Slide {
        id: 2,
        position: 1,
        title: Names::new(
            format!("{horizon} жылғы ЖӨӨ: инерциялық және басқарылатын сценарий"),
            format!("ВРП в {horizon} году: инерционный и управляемый сценарии"),
            format!("GRP in {horizon}: inertial vs managed scenario"),
        ),
        notes: Names::new(
            "Айырма картасы басқарылатын сценарийдің инерциялық сценарийден қай өңірлерде \
             озатынын көрсетеді: жобалар мен өсу нүктелері бар өңірлерде.",
            "Карта разницы показывает, где управляемый сценарий опережает инерционный: в \
             регионах с проектами и точками роста.",
            "The difference map shows where the managed scenario pulls ahead of the inertial \
             one: in regions with projects and growth points.",
        ),
        view: sides(view(SlideScreen::Compare, keys::GRP, horizon)),
    });
    if let Some(target) = managed.assumptions.targets.first() {
        slides.push(Slide {
            id: 3,
            position: 2,
            title: Names::new("Бағдарлама мақсаттары", "Цели программы", "Programme targets"),
            notes: Names::new(
                "Индустриялық-инновациялық даму бағдарламасының мақсаттары: негізгі капиталға \
                 инвестициялар екі есе, еңбек өнімділігі 1,7 есе өсуі керек. Әр сценарий \
                 мақсатқа қай жылы жететінін көрсетіңіз.",
                "Цели программы индустриально-инновационного развития: инвестиции в основной \
                 капитал должны вырасти вдвое, производительность труда — в 1,7 раза. Покажите, \
                 в каком году каждый сценарий их достигает.",
                "Targets of the industrial-innovative development programme: investment in fixed \
                 capital should double and labour productivity grow 1.7-fold. Show in which \
                 year each scenario reaches them.",
            ),
            view: SlideView {
                target: Some(SlideTarget {
                    indicator: target.indicator.clone(),
                    region_code: target.region_code.clone(),
                    year: target.year,
                }),
                ..sides(view(SlideScreen::Targets, &target.indicator, target.year))
            },
        });
    }
    // Which regions the managed scenario lifts into a higher class of potential: the question
    // the typology exists for, on the default typology of the shipped data.
    let typology = Typology::default_for(ds);
    let typology_year = typology.state.year();
    let horizon_of =
        |s: &crate::model::Scenario| TypologyState::Scenario { scenario_id: s.id, year: s.horizon };
    slides.push(Slide {
        id: 4,
        position: u32::try_from(slides.len()).unwrap_or(u32::MAX),
        title: Names::new(
            format!(
                "{horizon} жылғы әлеует сыныптары: басқарылатын сценарий қай өңірлерді көтереді"
            ),
            format!("Классы потенциала в {horizon} году: кого поднимает управляемый сценарий"),
            format!("Potential classes in {horizon}: which regions the managed scenario lifts"),
        ),
        notes: Names::new(
            "Өңірлер әлеуеті индексі (жан басына ЖӨӨ, инвестициялар, жұмыспен қамту, халық \
             өзгерісі, жұмыссыздық) екі сценарийдің көкжиегінде есептелген. Жоғары сыныпқа \
             көтерілген өңірлер жасыл, бағыттауышпен белгіленген.",
            "Индекс потенциала регионов (ВРП на душу, инвестиции, занятость, изменение \
             населения, безработица) посчитан на горизонте обоих сценариев. Регионы, \
             поднявшиеся в более высокий класс, — зелёные, со стрелкой.",
            "The regional potential index (GRP per capita, investment, employment, population \
             change, unemployment) at the horizon of both scenarios. Regions lifted into a \
             higher class are green, with an arrow.",
        ),
        view: SlideView {
            potential: Some(Box::new(SlidePotential {
                tab: PotentialTab::Change,
                saved: None,
                significance: 0.05,
                change_a: horizon_of(inertial),
                change_b: horizon_of(managed),
                neighbours: false,
                typology,
            })),
            ..view(SlideScreen::Potential, keys::GRP, typology_year)
        },
    });
    slides
}
