//! Repair and validation reports in words, in Kazakh, Russian and English. Coordinates keep
//! six decimals; Kazakh and Russian write them with a decimal comma and a semicolon between.

use super::repair::RepairChange;
use super::validity::Fault;
use crate::i18n::plural::{self, Noun};
use crate::model::Lang;

/// English nouns after a count in the repair report (Kazakh and Russian put the count in
/// brackets after the noun, where it needs no agreement).
const POINTS: Noun = Noun {
    kk: "нүкте", ru: ["точка", "точки", "точек"], en: ["point", "points"]
};
const REPEATED_POINTS: Noun = Noun {
    kk: "қайталанған нүкте",
    ru: ["повторяющаяся точка", "повторяющиеся точки", "повторяющихся точек"],
    en: ["repeated point", "repeated points"],
};
const SPIKES: Noun = Noun {
    kk: "жабысып қалған шығыңқы",
    ru: ["схлопнутый выступ", "схлопнутых выступа", "схлопнутых выступов"],
    en: ["collapsed spike", "collapsed spikes"],
};
const PARTS: Noun = Noun {
    kk: "бөлік", ru: ["часть", "части", "частей"], en: ["part", "parts"]
};

/// "3 points" in English.
fn en(count: usize, noun: &Noun) -> String {
    noun.count(plural::n(count), Lang::En)
}

/// A point as `71.718199, 51.108868` (en) or `71,718199; 51,108868` (kk, ru).
fn point(p: [f64; 2], lang: Lang) -> String {
    match lang {
        Lang::En => format!("{:.6}, {:.6}", p[0], p[1]),
        Lang::Kk | Lang::Ru => format!("{:.6}; {:.6}", p[0], p[1]).replace('.', ","),
    }
}

/// A relative area change as `3.1e-10` (en) or `3,1e-10` (kk, ru).
fn ratio(r: f64, lang: Lang) -> String {
    let s = format!("{r:.1e}");
    match lang {
        Lang::En => s,
        Lang::Kk | Lang::Ru => s.replace('.', ","),
    }
}

/// A ring of a part, parts and holes counted from 1: "part 2, hole 3".
fn ring_name(part: usize, ring: usize, lang: Lang) -> String {
    let (p, h) = (part + 1, ring);
    match (lang, ring) {
        (Lang::En, 0) => format!("part {p}, outer ring"),
        (Lang::En, _) => format!("part {p}, hole {h}"),
        (Lang::Ru, 0) => format!("часть {p}, внешний контур"),
        (Lang::Ru, _) => format!("часть {p}, внутренний контур {h}"),
        (Lang::Kk, 0) => format!("{p}-бөлік, сыртқы контур"),
        (Lang::Kk, _) => format!("{p}-бөлік, {h}-ішкі контур"),
    }
}

/// A ring within a part already named: "hole 3".
fn bare_ring(ring: usize, lang: Lang) -> String {
    match (lang, ring) {
        (Lang::En, 0) => "the outer ring".to_owned(),
        (Lang::En, h) => format!("hole {h}"),
        (Lang::Ru, 0) => "внешний контур".to_owned(),
        (Lang::Ru, h) => format!("внутренний контур {h}"),
        (Lang::Kk, 0) => "сыртқы контур".to_owned(),
        (Lang::Kk, h) => format!("{h}-ішкі контур"),
    }
}

impl Fault {
    /// The fault as a sentence in `lang`, naming part, ring and place.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        match *self {
            Fault::Degenerate { part, ring } => {
                let r = ring_name(part, ring, lang);
                match lang {
                    Lang::En => format!("{r} has fewer than three distinct points"),
                    Lang::Ru => format!("{r}: меньше трёх различных точек"),
                    Lang::Kk => format!("{r}: әртүрлі нүктелер үшеуден аз"),
                }
            }
            Fault::SelfContact { part, ring, at } => {
                let (r, at) = (ring_name(part, ring, lang), point([at.x, at.y], lang));
                match lang {
                    Lang::En => format!("{r} touches or crosses itself at {at}"),
                    Lang::Ru => format!("{r} касается или пересекает сам себя в точке {at}"),
                    Lang::Kk => format!("{r} {at} нүктесінде өзін-өзі жанайды немесе қиып өтеді"),
                }
            }
            Fault::RingsCross { part, rings: (a, b), at } => {
                let at = point([at.x, at.y], lang);
                let (ra, rb) = (bare_ring(a, lang), bare_ring(b, lang));
                let p = part + 1;
                match lang {
                    Lang::En => {
                        format!("part {p}: {ra} and {rb} cross or run along each other at {at}")
                    }
                    Lang::Ru => format!(
                        "часть {p}: {ra} и {rb} пересекаются или идут вдоль друг друга в точке {at}"
                    ),
                    Lang::Kk => format!(
                        "{p}-бөлік: {ra} мен {rb} {at} нүктесінде қиылысады немесе бір-бірінің бойымен жүреді"
                    ),
                }
            }
            Fault::HoleOutside { part, ring } => {
                let r = ring_name(part, ring, lang);
                match lang {
                    Lang::En => format!("{r} lies outside the outer ring"),
                    Lang::Ru => format!("{r} лежит вне внешнего контура"),
                    Lang::Kk => format!("{r} сыртқы контурдан тыс жатыр"),
                }
            }
            Fault::HolesOverlap { part, rings: (a, b) } => {
                let (ra, rb) = (bare_ring(a, lang), bare_ring(b, lang));
                let p = part + 1;
                match lang {
                    Lang::En => format!("part {p}: {ra} and {rb} overlap"),
                    Lang::Ru => format!("часть {p}: {ra} и {rb} перекрываются"),
                    Lang::Kk => format!("{p}-бөлік: {ra} мен {rb} бір-бірін жабады"),
                }
            }
            Fault::PartsOverlap { parts: (a, b), at } => {
                let (a, b) = (a + 1, b + 1);
                let place = at.map(|c| point([c.x, c.y], lang));
                match (lang, place) {
                    (Lang::En, Some(at)) => {
                        format!("parts {a} and {b} overlap, their borders cross at {at}")
                    }
                    (Lang::En, None) => {
                        format!("parts {a} and {b} overlap, one lies inside the other")
                    }
                    (Lang::Ru, Some(at)) => format!(
                        "части {a} и {b} перекрываются, их границы пересекаются в точке {at}"
                    ),
                    (Lang::Ru, None) => {
                        format!("части {a} и {b} перекрываются, одна лежит внутри другой")
                    }
                    (Lang::Kk, Some(at)) => format!(
                        "{a}- және {b}-бөліктер бір-бірін жабады, олардың шекаралары {at} нүктесінде қиылысады"
                    ),
                    (Lang::Kk, None) => format!(
                        "{a}- және {b}-бөліктер бір-бірін жабады, біреуі екіншісінің ішінде жатыр"
                    ),
                }
            }
            Fault::PartsShareBorder { parts: (a, b), at } => {
                let (a, b, at) = (a + 1, b + 1, point([at.x, at.y], lang));
                match lang {
                    Lang::En => format!("parts {a} and {b} share a stretch of border at {at}"),
                    Lang::Ru => format!("части {a} и {b} имеют общий участок границы в точке {at}"),
                    Lang::Kk => {
                        format!("{a}- және {b}-бөліктердің {at} нүктесінде ортақ шекара бөлігі бар")
                    }
                }
            }
        }
    }
}

impl RepairChange {
    /// The change as a sentence in `lang`, naming part, ring and place.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            RepairChange::NonFinitePoints { part, ring, count } => {
                let r = ring_name(*part, *ring, lang);
                match lang {
                    Lang::En => format!(
                        "{r}: removed {} with missing or infinite coordinates",
                        en(*count, &POINTS)
                    ),
                    Lang::Ru => format!(
                        "{r}: удалены точки без координат или с бесконечными координатами ({count})"
                    ),
                    Lang::Kk => {
                        format!("{r}: координаттары жоқ немесе шексіз нүктелер жойылды ({count})")
                    }
                }
            }
            RepairChange::RepeatedPoints { part, ring, count } => {
                let r = ring_name(*part, *ring, lang);
                match lang {
                    Lang::En => format!("{r}: removed {}", en(*count, &REPEATED_POINTS)),
                    Lang::Ru => format!("{r}: удалены повторяющиеся точки ({count})"),
                    Lang::Kk => format!("{r}: қайталанған нүктелер жойылды ({count})"),
                }
            }
            RepairChange::Spikes { part, ring, count, first } => {
                let (r, at) = (ring_name(*part, *ring, lang), point(*first, lang));
                match lang {
                    Lang::En => {
                        let spikes = en(*count, &SPIKES);
                        format!("{r}: removed {spikes}, the first at {at}")
                    }
                    Lang::Ru => {
                        format!("{r}: удалены схлопнутые выступы ({count}), первый в точке {at}")
                    }
                    Lang::Kk => format!(
                        "{r}: жабысып қалған сүйір шығыңқылар жойылды ({count}), біріншісі {at} нүктесінде"
                    ),
                }
            }
            RepairChange::RingRemoved { part, ring: 0, near } => {
                let (p, at) = (part + 1, point(*near, lang));
                match lang {
                    Lang::En => format!(
                        "part {p}: removed, its outer ring collapsed to a line or point near {at}"
                    ),
                    Lang::Ru => format!(
                        "часть {p}: удалена, её внешний контур выродился в линию или точку около {at}"
                    ),
                    Lang::Kk => format!(
                        "{p}-бөлік: жойылды, оның сыртқы контуры {at} маңында сызыққа немесе нүктеге айналған"
                    ),
                }
            }
            RepairChange::RingRemoved { part, ring, near } => {
                let (r, at) = (ring_name(*part, *ring, lang), point(*near, lang));
                match lang {
                    Lang::En => format!("{r}: removed, it collapsed to a line or point near {at}"),
                    Lang::Ru => format!("{r}: удалён, он выродился в линию или точку около {at}"),
                    Lang::Kk => {
                        format!("{r}: жойылды, ол {at} маңында сызыққа немесе нүктеге айналған")
                    }
                }
            }
            RepairChange::PartRebuilt { part, fault, parts_after, area_change } => {
                let (p, f, r) = (part + 1, fault.describe(lang), ratio(*area_change, lang));
                match lang {
                    Lang::En => format!(
                        "{f}; part {p} rebuilt from the area its rings enclose ({} now, relative change of area {r})",
                        en(*parts_after, &PARTS)
                    ),
                    Lang::Ru => format!(
                        "{f}; часть {p} перестроена по площади, которую охватывают её контуры (частей теперь: {parts_after}, относительное изменение площади {r})"
                    ),
                    Lang::Kk => format!(
                        "{f}; {p}-бөлік контурлары қамтитын аумақ бойынша қайта құрылды (енді бөліктер саны: {parts_after}, ауданның салыстырмалы өзгерісі {r})"
                    ),
                }
            }
            RepairChange::Unrepaired { fault } => {
                let f = fault.describe(lang);
                match lang {
                    Lang::En => {
                        format!("{f}; left as it is, it could not be repaired automatically")
                    }
                    Lang::Ru => {
                        format!("{f}; оставлено как есть, автоматически исправить не удалось")
                    }
                    Lang::Kk => format!(
                        "{f}; сол күйінде қалдырылды, автоматты түрде түзету мүмкін болмады"
                    ),
                }
            }
            RepairChange::PartsMerged { fault, parts_after, area_change } => {
                let (f, r) = (fault.describe(lang), ratio(*area_change, lang));
                match lang {
                    Lang::En => format!(
                        "{f}; the parts were merged by uniting them ({} now, relative change of area {r})",
                        en(*parts_after, &PARTS)
                    ),
                    Lang::Ru => format!(
                        "{f}; части объединены (частей теперь: {parts_after}, относительное изменение площади {r})"
                    ),
                    Lang::Kk => format!(
                        "{f}; бөліктер біріктірілді (енді бөліктер саны: {parts_after}, ауданның салыстырмалы өзгерісі {r})"
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Coord;

    #[test]
    fn spike_removal_reads_naturally_in_all_three_languages() {
        let change =
            RepairChange::Spikes { part: 0, ring: 2, count: 2, first: [60.972177, 44.350696] };
        assert_eq!(
            change.describe(Lang::En),
            "part 1, hole 2: removed 2 collapsed spikes, the first at 60.972177, 44.350696"
        );
        assert_eq!(
            change.describe(Lang::Ru),
            "часть 1, внутренний контур 2: удалены схлопнутые выступы (2), первый в точке 60,972177; 44,350696"
        );
        assert_eq!(
            change.describe(Lang::Kk),
            "1-бөлік, 2-ішкі контур: жабысып қалған сүйір шығыңқылар жойылды (2), біріншісі 60,972177; 44,350696 нүктесінде"
        );
    }

    #[test]
    fn rebuilt_part_names_the_fault_and_the_area_change() {
        let change = RepairChange::PartRebuilt {
            part: 0,
            fault: Fault::SelfContact {
                part: 0,
                ring: 0,
                at: Coord { x: 82.671971, y: 49.228569 },
            },
            parts_after: 1,
            area_change: 3.1e-10,
        };
        assert_eq!(
            change.describe(Lang::En),
            "part 1, outer ring touches or crosses itself at 82.671971, 49.228569; part 1 rebuilt \
             from the area its rings enclose (1 part now, relative change of area 3.1e-10)"
        );
        assert!(change.describe(Lang::Ru).ends_with("относительное изменение площади 3,1e-10)"));
    }

    #[test]
    fn kazakh_texts_use_cyrillic_i_never_latin() {
        let samples = [
            Fault::HolesOverlap { part: 1, rings: (1, 2) }.describe(Lang::Kk),
            Fault::HoleOutside { part: 0, ring: 3 }.describe(Lang::Kk),
            RepairChange::RingRemoved { part: 2, ring: 0, near: [1.0, 2.0] }.describe(Lang::Kk),
        ];
        for s in samples {
            assert!(!s.contains('i'), "Latin i in {s}");
            assert!(s.contains('і') || s.contains('ө'), "{s}");
        }
    }
}
